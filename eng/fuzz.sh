#!/usr/bin/env bash
# The dedicated fuzz run: FsCheck mutations of the corpus emails and calendars through the MIME reader,
# the iCalendar reader and the whole parser, 100,000 cases each by default (the normal test run uses 2,000).
#   bash eng/fuzz.sh            100,000 cases per target
#   bash eng/fuzz.sh 250000     another count
# Each target fails on any exception and on any single input taking more than 100 ms; the counts and the
# slowest input are printed.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
export FOLLOWUPFLOW_FUZZ_CASES="${1:-100000}"
dotnet test tests/FollowUpFlow.Inbound.Tests -c Release --filter "Category=Fuzz" --logger "console;verbosity=detailed"
