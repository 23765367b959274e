#!/usr/bin/env bash
# Shared by run.sh and test.sh: the repository root, the pinned tools, and an Azurite that stops with the script.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
AZURITE_PID=""

# Installs the pinned npm tools (Azurite) once; `npm ci` keeps the lock file's exact versions.
ensure_tools() {
  if [ ! -x "$REPO_ROOT/eng/tools/node_modules/.bin/azurite" ]; then
    echo "Installing Azurite (eng/tools/package-lock.json)..." >&2
    (cd "$REPO_ROOT/eng/tools" && npm ci --no-audit --no-fund --loglevel=error >&2)
  fi
}

# A TCP port nothing listens on now.
free_port() {
  node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close();});"
}

wait_for_port() {
  local port="$1" deadline=$((SECONDS + 60))
  until (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do
    if [ "$SECONDS" -ge "$deadline" ]; then
      echo "Azurite did not open port $port within 60 s; see $AZURITE_LOG" >&2
      return 1
    fi
    sleep 0.2
  done
}

# start_azurite BLOB_PORT QUEUE_PORT TABLE_PORT [DATA_DIR]: in memory without a data dir, persistent with one.
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
  AZURITE_LOG="$REPO_ROOT/.local/azurite.log"
  "$REPO_ROOT/eng/tools/node_modules/.bin/azurite" "${args[@]}" >"$AZURITE_LOG" 2>&1 &
  AZURITE_PID=$!
  trap stop_azurite EXIT
  wait_for_port "$queue"
  wait_for_port "$table"
}

stop_azurite() {
  if [ -n "$AZURITE_PID" ] && kill -0 "$AZURITE_PID" 2>/dev/null; then
    kill "$AZURITE_PID" 2>/dev/null || true
    wait "$AZURITE_PID" 2>/dev/null || true
  fi
  AZURITE_PID=""
}

# The connection string for an Azurite on these ports (its well-known development account).
azurite_connection_string() {
  local blob="$1" queue="$2" table="$3"
  local key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
  echo "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$key;BlobEndpoint=http://127.0.0.1:$blob/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$queue/devstoreaccount1;TableEndpoint=http://127.0.0.1:$table/devstoreaccount1;"
}
