#!/usr/bin/env bash
# Load figures for the profile routes (the foundation issue's measurement): requests/s and latency
# percentiles for GET /api/v1/members/{handle} and the profile page /in/{handle}, from wrk on 127.0.0.1,
# against a Release build seeded with the demo network, on SQLite and on a throwaway PostgreSQL.
#
# Usage: bench/load/measure.sh [seconds per run (20)] [connections (32)]
# Needs: wrk and postgresql from Debian (installed when missing). Prints a Markdown table at the end.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
DURATION=${1:-20}
CONNECTIONS=${2:-32}
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
WORK=$(mktemp -d /tmp/entregent-load.XXXXXX)
APP_PID=
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | tail -n 1 || true)
PG_STARTED=false

cleanup() {
  [[ -n $APP_PID ]] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
  [[ $PG_STARTED == true ]] && runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$WORK/pg/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

need=()
command -v wrk >/dev/null || need+=(wrk)
[[ -n $PG_BIN ]] || need+=(postgresql)
if ((${#need[@]})); then apt-get update -q && apt-get install -y -q --no-install-recommends "${need[@]}"; PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | tail -n 1); fi

echo "== building Release"
dotnet build src/Entregent.Web -c Release -v quiet -nologo >/dev/null
APP=src/Entregent.Web/bin/Release/net10.0/entregent

start_app() { # provider connection-string
  local data=$WORK/data-$1
  mkdir -p "$data"
  # exec: the background job is the app itself, so stop_app's kill reaches it.
  (cd "$WORK" && exec env Database__Provider="$1" ConnectionStrings__Entregent="$2" Storage__DataPath="$data" \
    Logging__LogLevel__Default=Warning RateLimits__AccountPermits=100000 \
    "$ROOT/$APP" --demo --urls "http://127.0.0.1:$PORT" >"$WORK/app-$1.log" 2>&1) &
  APP_PID=$!
  for _ in $(seq 120); do curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && return 0; sleep 1; done
  cat "$WORK/app-$1.log"; echo "the app did not start"; exit 1
}
stop_app() { kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; APP_PID=; }

ROWS=()
measure() { # provider
  local token handle
  token=$(curl -sf -X POST "http://127.0.0.1:$PORT/api/v1/accounts/token" -H 'content-type: application/json' \
    -d '{"email":"demo1@entregent.example","password":"demo-password-2026"}' | sed -E 's/.*"accessToken":"([^"]+)".*/\1/')
  handle=$(curl -sf "http://127.0.0.1:$PORT/api/v1/me" -H "authorization: Bearer $token" | sed -E 's/.*"profile":\{"handle":"([^"]+)".*/\1/')
  for target in "api /api/v1/members/$handle" "page /in/$handle"; do
    set -- $target
    # Warm up (JIT, caches), then measure.
    wrk -t2 -c"$CONNECTIONS" -d5s -H "authorization: Bearer $token" "http://127.0.0.1:$PORT$2" >/dev/null
    local out; out=$(wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -H "authorization: Bearer $token" "http://127.0.0.1:$PORT$2")
    echo "$out"
    local rps p50 p99 non2xx
    rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
    p50=$(awk '$1=="50%" {print $2}' <<<"$out")
    p99=$(awk '$1=="99%" {print $2}' <<<"$out")
    non2xx=$(awk '/Non-2xx/ {print $5}' <<<"$out"); non2xx=${non2xx:-0}
    ROWS+=("| $PROVIDER | $1 | \`${2/$handle/\{handle\}}\` | $rps | $p50 | $p99 | $non2xx |")
  done
}

echo "== SQLite"
PROVIDER=SQLite
start_app Sqlite "Data Source=$WORK/data-Sqlite/entregent.db"
measure
stop_app

echo "== PostgreSQL"
mkdir -p "$WORK/pg" && chmod 755 "$WORK" && chown postgres:postgres "$WORK/pg"
runuser -u postgres -- "$PG_BIN/initdb" -D "$WORK/pg/data" -A trust -U postgres >/dev/null
PG_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$WORK/pg/data" -w -l "$WORK/pg/log" \
  -o "-p $PG_PORT -k $WORK/pg -c listen_addresses=127.0.0.1" start >/dev/null
PG_STARTED=true
PROVIDER=PostgreSQL
start_app Postgres "Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=entregent_load"
measure
stop_app

echo
echo "wrk: 2 threads, $CONNECTIONS connections, ${DURATION}s per row, bearer-authenticated member; $(nproc) cores"
echo "| store | route | path | requests/s | p50 | p99 | non-2xx |"
echo "|---|---|---|---|---|---|---|"
printf '%s\n' "${ROWS[@]}"
