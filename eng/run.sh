#!/usr/bin/env bash
# Runs FollowUpFlow locally, standalone: Azurite keeps its data in .local/azurite (git-ignored), the app serves
# http://127.0.0.1:7071 (or FollowUpFlow__Url) and writes sent mail to .local/outbox. Ctrl+C stops both. Extra
# arguments go to the app (e.g. --FollowUpFlow:Timeline:ThankYouDelay=00:00:00).
# shellcheck source=common.sh source-path=SCRIPTDIR
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$REPO_ROOT" || exit 1
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# Set before anything starts, so the EXIT trap (common.sh) stops whatever is running at any point, Ctrl+C included.
tools_pid=""
app_pid=""
# shellcheck disable=SC2317 # called from common.sh's EXIT trap
cleanup_script() {
  # npm ci runs in its own process group, so this stops the whole install, not just the subshell around it.
  if [ -n "$tools_pid" ]; then
    kill -- "-$tools_pid" 2>/dev/null || true
    wait "$tools_pid" 2>/dev/null || true
  fi
  if [ -n "$app_pid" ]; then
    kill "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
  fi
}

# The first run installs Azurite and builds the app at the same time. `set -m` gives the install its own process
# group for cleanup_script; a failed build exits here (set -e) and the trap stops the install.
set -m
ensure_tools &
tools_pid=$!
set +m
# Analyzers run in the test command; skipping them here makes the first start quicker.
dotnet build src/FollowUpFlow.App -c Release -v quiet -nologo -clp:NoSummary -p:RunAnalyzers=false
wait "$tools_pid"
tools_pid=""

# Before choosing ports: an Azurite left by a killed run still holds the usual ones and the data folder.
stop_stale_azurite "$REPO_ROOT/.local/azurite"

# Azurite's usual ports when they are free, so other tools find it; otherwise any free ones.
ports=()
for preferred in 10000 10001 10002; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$preferred") 2>/dev/null; then ports+=("$(free_port)"); else ports+=("$preferred"); fi
done
start_azurite "${ports[0]}" "${ports[1]}" "${ports[2]}" "$REPO_ROOT/.local/azurite"
echo "Azurite: tables on 127.0.0.1:${ports[2]}, queues on 127.0.0.1:${ports[1]}, data in .local/azurite" >&2

export FollowUpFlow__Storage__ConnectionString
FollowUpFlow__Storage__ConnectionString="$(azurite_connection_string "${ports[@]}")"
export FollowUpFlow__Outbox__Folder="${FollowUpFlow__Outbox__Folder:-$REPO_ROOT/.local/outbox}"
# The app reads FollowUpFlow__Url itself; 7071 is its default.
echo "FollowUpFlow: ${FollowUpFlow__Url:-http://127.0.0.1:7071} (outbox: $FollowUpFlow__Outbox__Folder)" >&2

# The app runs as a child we wait on, so a stop signal reaches this script at once and both processes end.
dotnet src/FollowUpFlow.App/bin/Release/net10.0/FollowUpFlow.App.dll --contentRoot "$REPO_ROOT/src/FollowUpFlow.App" "$@" &
app_pid=$!
status=0
wait "$app_pid" || status=$?
app_pid=""
exit "$status"
