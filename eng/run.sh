#!/usr/bin/env bash
# Runs FollowUpFlow locally, standalone: Azurite keeps its data in .local/azurite (git-ignored), the app serves
# http://127.0.0.1:7071 and writes sent mail to .local/outbox. Ctrl+C stops both. Extra arguments go to the app
# (e.g. --FollowUpFlow:Timeline:ThankYouDelay=00:00:00).
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$REPO_ROOT"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# The first run installs Azurite and builds the app at the same time.
ensure_tools &
tools_pid=$!
# Analyzers run in the test command; skipping them here makes the first start quicker.
dotnet build src/FollowUpFlow.App -c Release -v quiet -nologo -clp:NoSummary -p:RunAnalyzers=false
wait "$tools_pid"

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
echo "FollowUpFlow: http://127.0.0.1:7071 (outbox: $FollowUpFlow__Outbox__Folder)" >&2

# The app runs as a child we wait on, so a stop signal reaches this script at once and both processes end.
dotnet src/FollowUpFlow.App/bin/Release/net10.0/FollowUpFlow.App.dll --contentRoot "$REPO_ROOT/src/FollowUpFlow.App" "$@" &
app_pid=$!
trap 'kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; stop_azurite' EXIT
trap 'exit 130' INT TERM
wait "$app_pid"
