#!/usr/bin/env bash
# Shared by run.sh, test.sh and bench.sh: the repository root, the pinned tools, and an Azurite that stops with
# the script.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
AZURITE_PID=""
AZURITE_PIDFILE=""
AZURITE_LOG="$REPO_ROOT/.local/azurite.log"

# Whatever a script started stops when it ends: normally, on an error (set -e), or on Ctrl+C or kill (the INT and
# TERM traps exit, which runs the EXIT trap). A script adds its own steps by defining cleanup_script; they run
# first, so the app stops before the Azurite it uses.
cleanup() {
  if declare -F cleanup_script >/dev/null; then cleanup_script || true; fi
  stop_azurite
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# The SHA-256 of a file in hex: coreutils' sha256sum, or Node's crypto where sha256sum is missing (macOS).
file_sha256() {
  if command -v sha256sum >/dev/null 2>&1; then
    sha256sum "$1" | cut -d ' ' -f 1
  else
    node -e 'const fs = require("fs"), crypto = require("crypto");
      console.log(crypto.createHash("sha256").update(fs.readFileSync(process.argv[1])).digest("hex"));' "$1"
  fi
}

# Installs the pinned npm tools (Azurite); `npm ci` keeps the lock file's exact versions. The stamp is written only
# after `npm ci` succeeded, so an interrupted install is redone, and it names the lock file's hash, so a version bump
# reinstalls (`npm ci` empties node_modules first, old stamps included).
ensure_tools() {
  local tools="$REPO_ROOT/eng/tools" hash
  hash="$(file_sha256 "$tools/package-lock.json")" || return 1
  local stamp="$tools/node_modules/.installed-$hash"
  [ -e "$stamp" ] && return 0
  # Scripts started together (run.sh and test.sh) must not run `npm ci` over each other: each one empties
  # node_modules, and one could stamp a tree the other is still deleting. The lock ends with the process holding it.
  mkdir -p "$REPO_ROOT/.local"
  local lock_fd
  exec {lock_fd}>"$REPO_ROOT/.local/tools-install.lock"
  if command -v flock >/dev/null 2>&1; then flock "$lock_fd"; fi
  if [ ! -e "$stamp" ]; then
    echo "Installing Azurite (eng/tools/package-lock.json)..." >&2
    # --prefer-offline reuses npm's cache; --ignore-scripts: no package in the tree has an install script, and a tool
    # install has no business running any.
    (cd "$tools" && npm ci --no-audit --no-fund --loglevel=error --prefer-offline --ignore-scripts >&2) || { exec {lock_fd}>&-; return 1; }
    touch "$stamp"
  fi
  exec {lock_fd}>&-
}

# The Chromium the browser tests drive (tests/FollowUpFlow.App.BrowserTests): Debian's package, since Playwright's own
# browser downloads are not used. Kept in step with BrowserFixture.ChromiumPath.
CHROMIUM_PATH="/usr/bin/chromium"

# Installs Debian's Chromium when it is missing: as root directly, otherwise through sudo (asking for a password only
# when someone is at the terminal). Fails with what to do when it cannot, before any test runs.
ensure_chromium() {
  [ -x "$CHROMIUM_PATH" ] && return 0
  local as_root=()
  if [ "$(id -u)" -ne 0 ]; then
    if ! command -v sudo >/dev/null 2>&1; then
      echo "The browser tests need Chromium at $CHROMIUM_PATH, and installing it needs root (no sudo here). Run as root: apt-get update && apt-get install -y chromium" >&2
      return 1
    fi
    if [ -t 0 ]; then as_root=(sudo); else as_root=(sudo -n); fi
  fi
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "The browser tests need Chromium at $CHROMIUM_PATH; there is no apt-get here to install it. Install Debian's or Ubuntu's chromium package." >&2
    return 1
  fi
  echo "Installing Chromium for the browser tests (apt-get install chromium)..." >&2
  # Another install running at the same time holds dpkg's lock: wait for it rather than fail.
  if ! { "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 update -qq \
    && "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends chromium; } >&2; then
    echo "Could not install Chromium (apt-get install chromium failed; see above). The browser tests need it at $CHROMIUM_PATH." >&2
    return 1
  fi
  if [ ! -x "$CHROMIUM_PATH" ]; then
    echo "apt-get installed chromium, but $CHROMIUM_PATH is still missing; the browser tests need it there." >&2
    return 1
  fi
}

# A TCP port nothing listens on now.
free_port() {
  node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close();});"
}

# Waits until Azurite listens on a port. Fails at once if Azurite has exited (a bad option, a port taken meanwhile),
# showing why, rather than after the whole minute.
wait_for_port() {
  local port="$1" deadline=$((SECONDS + 60))
  until (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do
    if ! kill -0 "$AZURITE_PID" 2>/dev/null; then
      echo "Azurite exited before opening port $port. The end of $AZURITE_LOG:" >&2
      tail -n 20 "$AZURITE_LOG" >&2
      return 1
    fi
    if [ "$SECONDS" -ge "$deadline" ]; then
      echo "Azurite did not open port $port within 60 s; see $AZURITE_LOG" >&2
      return 1
    fi
    sleep 0.2
  done
}

# A run killed with SIGKILL (no traps run) leaves its persistent Azurite behind, holding the usual ports. A second
# Azurite over the same data folder would corrupt it, so stop the old one: the pid file says it is ours. If the
# script that started it is still running, that is another live run.sh; leave it alone and refuse.
stop_stale_azurite() {
  local data="$1" pidfile="$1.pid" pid parent
  [ -f "$pidfile" ] || return 0
  pid="$(cat "$pidfile")"
  # Only a live process that is an Azurite on this data folder; a pid since reused by something else is not ours.
  if [[ "$pid" =~ ^[0-9]+$ ]] && [[ "$(ps -o args= -p "$pid" 2>/dev/null)" == *azurite*"--location $data"* ]]; then
    parent="$(ps -o ppid= -p "$pid" | tr -d ' ' || true)"
    if [[ "$(ps -o args= -p "$parent" 2>/dev/null)" == *eng/run.sh* ]]; then
      echo "Another eng/run.sh (pid $parent) is running with its Azurite (pid $pid) on $data; stop it first." >&2
      return 1
    fi
    echo "Stopping an Azurite left over from an earlier run (pid $pid)." >&2
    kill "$pid" 2>/dev/null || true
    local deadline=$((SECONDS + 10))
    while kill -0 "$pid" 2>/dev/null; do
      if [ "$SECONDS" -ge "$deadline" ]; then kill -KILL "$pid" 2>/dev/null || true; fi
      sleep 0.2
    done
  fi
  rm -f "$pidfile"
}

# start_azurite BLOB_PORT QUEUE_PORT TABLE_PORT [DATA_DIR]: in memory without a data dir, persistent with one.
# A persistent one records its pid in DATA_DIR.pid for stop_stale_azurite.
start_azurite() {
  local blob="$1" queue="$2" table="$3" data="${4:-}"
  local args=(--silent --skipApiVersionCheck --loose
    --blobHost 127.0.0.1 --blobPort "$blob"
    --queueHost 127.0.0.1 --queuePort "$queue"
    --tableHost 127.0.0.1 --tablePort "$table")
  if [ -n "$data" ]; then
    mkdir -p "$data"
    args+=(--location "$data")
  else
    args+=(--inMemoryPersistence)
  fi
  mkdir -p "$REPO_ROOT/.local"
  "$REPO_ROOT/eng/tools/node_modules/.bin/azurite" "${args[@]}" >"$AZURITE_LOG" 2>&1 &
  AZURITE_PID=$!
  if [ -n "$data" ]; then
    AZURITE_PIDFILE="$data.pid"
    echo "$AZURITE_PID" >"$AZURITE_PIDFILE"
  fi
  wait_for_port "$queue"
  wait_for_port "$table"
}

stop_azurite() {
  if [ -n "$AZURITE_PID" ] && kill -0 "$AZURITE_PID" 2>/dev/null; then
    kill "$AZURITE_PID" 2>/dev/null || true
    wait "$AZURITE_PID" 2>/dev/null || true
  fi
  if [ -n "$AZURITE_PIDFILE" ]; then rm -f "$AZURITE_PIDFILE"; fi
  AZURITE_PID=""
  AZURITE_PIDFILE=""
}

# The connection string for an Azurite on these ports (its well-known development account).
azurite_connection_string() {
  local blob="$1" queue="$2" table="$3"
  local key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
  echo "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$key;BlobEndpoint=http://127.0.0.1:$blob/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$queue/devstoreaccount1;TableEndpoint=http://127.0.0.1:$table/devstoreaccount1;"
}
