#!/usr/bin/env bash
# Runs every test: starts an in-memory Azurite on free ports, runs `dotnet test` on the solution, stops Azurite,
# and ends with one line of totals. Exits non-zero on any failure.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$REPO_ROOT"
ensure_tools

blob="$(free_port)"; queue="$(free_port)"; table="$(free_port)"
start_azurite "$blob" "$queue" "$table"
export FOLLOWUPFLOW_TEST_STORAGE
FOLLOWUPFLOW_TEST_STORAGE="$(azurite_connection_string "$blob" "$queue" "$table")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

results="$REPO_ROOT/.local/test-results"
rm -rf "$results"
status=0
dotnet test FollowUpFlow.sln -c Release --logger "trx;LogFilePrefix=tests" --results-directory "$results" "$@" || status=$?
stop_azurite

# Totals from the TRX files: one <Counters .../> element per test project.
passed=0; failed=0; skipped=0; reports=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  reports=$((reports + 1))
  counters="$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)"
  get() { echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed) + $(get error) + $(get timeout) + $(get aborted)))
  skipped=$((skipped + $(get notExecuted)))
done
projects=$(ls tests/*/*.Tests.csproj | wc -l)
if [ "$reports" -ne "$projects" ]; then
  echo "Expected a test report from each of the $projects test projects, found $reports." >&2
  status=1
fi
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  # The run failed without a failed test (a build error or a crashed test host): count it, never hide it.
  failed=1
fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
