#!/usr/bin/env bash
# Runs every test: installs Chromium for the browser tests when it is missing, starts an in-memory Azurite on free
# ports, runs `dotnet test` on the solution, stops Azurite, and ends with one line of totals, "N passed, N failed,
# N skipped". Exits non-zero on any failure.
# shellcheck source=common.sh source-path=SCRIPTDIR
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$REPO_ROOT" || exit 1

# count_trx_totals DIR: adds up the <Counters .../> element of each .trx report in DIR into passed, failed, skipped
# and reports. A report without readable counters (a crashed test host, a truncated file) counts as one failed
# test: it must never pass silently, nor stop the script before the totals line.
count_trx_totals() {
  local trx counters
  passed=0; failed=0; skipped=0; reports=0
  # One attribute of the Counters element, 0 when absent; base 10 so a leading zero is not read as octal.
  counter() {
    local value
    value="$(sed -n "s/.* $1=\"\([0-9][0-9]*\)\".*/\1/p" <<<"$counters")"
    echo $((10#${value:-0}))
  }
  for trx in "$1"/*.trx; do
    [ -e "$trx" ] || continue
    reports=$((reports + 1))
    # Joined into one line first, in case a writer wraps the element's attributes.
    counters="$(tr '\r\n' '  ' <"$trx" | grep -o '<Counters [^>]*>' | head -n 1 || true)"
    if ! [[ "$counters" =~ \ total=\"[0-9]+\" ]]; then
      echo "No test counters in $trx; counting it as one failure." >&2
      failed=$((failed + 1))
      continue
    fi
    passed=$((passed + $(counter passed)))
    failed=$((failed + $(counter failed) + $(counter error) + $(counter timeout) + $(counter aborted)))
    skipped=$((skipped + $(counter notExecuted)))
  done
}

# print_totals RESULTS_DIR TEST_STATUS PROJECT_COUNT: prints the totals line last and returns non-zero when
# anything failed: a test, the run itself (a build error), or a project without a report.
print_totals() {
  local results="$1" status="$2" projects="$3"
  count_trx_totals "$results"
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
}

# If the script stops before the totals (npm or Azurite failed to start, Ctrl+C), the last line still says so.
totals_printed=0
# shellcheck disable=SC2317 # called from common.sh's EXIT trap
cleanup_script() {
  if [ "$totals_printed" -eq 0 ]; then echo "0 passed, 1 failed, 0 skipped"; fi
}

ensure_tools
ensure_chromium
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

# One report per test project is expected (FollowUpFlow.App.BrowserTests included).
shopt -s nullglob
projects=(tests/*/*Tests.csproj)
shopt -u nullglob
totals_printed=1
print_totals "$results" "$status" "${#projects[@]}"
