#!/usr/bin/env bash
# Runs the benchmarks (docs/BENCHMARKS.md): starts an in-memory Azurite on free ports, runs
# benchmarks/FollowUpFlow.Benchmarks against it, stops Azurite. Arguments go to the program:
#   bash eng/bench.sh                      storage request counts (happy path, scheduler tick over 10,000 interviews)
#   bash eng/bench.sh --interviews 1000    the same with fewer stored interviews
#   bash eng/bench.sh --graph              the same with mail sent through the Graph transport to a local fake Graph
#   bash eng/bench.sh --decider            the pure decider's time and allocations (BenchmarkDotNet)
#   bash eng/bench.sh --inbound            parse-and-extract throughput, MB/s and allocations per message
#   bash eng/bench.sh --dashboard          dashboard and API page latency (p50/p99) with 1,000 interviews stored
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$REPO_ROOT"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# The pure benchmarks need no storage.
case " $* " in
  *" --decider "*|*" --inbound "*) exec dotnet run -c Release --project benchmarks/FollowUpFlow.Benchmarks -- "$@" ;;
esac

ensure_tools

blob="$(free_port)"; queue="$(free_port)"; table="$(free_port)"
start_azurite "$blob" "$queue" "$table"
export FOLLOWUPFLOW_BENCH_STORAGE
FOLLOWUPFLOW_BENCH_STORAGE="$(azurite_connection_string "$blob" "$queue" "$table")"

status=0
dotnet run -c Release --project benchmarks/FollowUpFlow.Benchmarks -- "$@" || status=$?
stop_azurite
exit "$status"
