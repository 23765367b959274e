#!/usr/bin/env bash
# Renews the dashboard screenshots in docs/screenshots: runs the browser tests' screenshot test (the app on Azurite,
# driven in Chromium) with FOLLOWUPFLOW_SCREENSHOTS pointing there.
# shellcheck source=common.sh source-path=SCRIPTDIR
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$REPO_ROOT" || exit 1

ensure_tools
ensure_chromium
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
FOLLOWUPFLOW_SCREENSHOTS="$REPO_ROOT/docs/screenshots" dotnet test tests/FollowUpFlow.App.BrowserTests -c Release \
  --filter "FullyQualifiedName~FollowUpFlow.App.BrowserTests.ScreenshotTests"
echo "Screenshots in docs/screenshots:" >&2
ls docs/screenshots >&2
