#!/usr/bin/env bash
# Load figures at scale (issue 4): requests/s and latency percentiles for the profile page /in/{handle} and
# suggestions GET /api/v1/me/suggestions (and the /network page when the app has one), from wrk on 127.0.0.1
# against a Release build seeded with a demo network of MEMBERS members (100,000 by default). Requests rotate over
# many signed-in members and profiles (a Lua script) so that caches work as they would with real traffic. The
# machine's load average is printed with every row: on a shared machine it says how far to trust the row.
#
# Usage: bench/load/network.sh [seconds per run (20)] [connections (16)] [members (100000)] [sqlite|postgres|both (sqlite)]
# The SQLite store is kept in $ENTREGENT_LOAD_DATA (default /tmp/entregent-load-<members>): seeding 100,000 members
# takes several minutes, so a second run reuses it (the seeder skips a store that has members). PostgreSQL is a
# throwaway server, seeded every time. Needs: wrk and postgresql from Debian (installed when missing).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
DURATION=${1:-20}
CONNECTIONS=${2:-16}
MEMBERS=${3:-100000}
STORES=${4:-sqlite}
SIGNED_IN=${SIGNED_IN:-64}
DATA=${ENTREGENT_LOAD_DATA:-/tmp/entregent-load-$MEMBERS}
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
[[ -n $PG_BIN || $STORES == sqlite ]] || need+=(postgresql)
if ((${#need[@]})); then apt-get update -q && apt-get install -y -q --no-install-recommends "${need[@]}"; PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | tail -n 1 || true); fi

echo "== building Release"
dotnet build src/Entregent.Web -c Release -v quiet -nologo >/dev/null
APP=src/Entregent.Web/bin/Release/net10.0/entregent

start_app() { # provider connection-string data-directory
  mkdir -p "$3"
  local started=$SECONDS
  # exec: the background job is the app itself, so stop_app's kill reaches it.
  (cd "$WORK" && exec env Database__Provider="$1" ConnectionStrings__Entregent="$2" Storage__DataPath="$3" \
    Demo__Members="$MEMBERS" Logging__LogLevel__Default=Warning Logging__LogLevel__entregent=Information \
    RateLimits__AccountPermits=1000000 "$ROOT/$APP" --demo --urls "http://127.0.0.1:$PORT" >"$WORK/app-$1.log" 2>&1) &
  APP_PID=$!
  # Seeding 100,000 members takes minutes on the 2-core machine; the app listens only once it is done.
  for _ in $(seq 3600); do
    if curl -sf "http://127.0.0.1:$PORT/health" >/dev/null; then echo "   up after $((SECONDS - started)) s"; return 0; fi
    kill -0 "$APP_PID" 2>/dev/null || break
    sleep 1
  done
  cat "$WORK/app-$1.log"; echo "the app did not start"; exit 1
}
stop_app() { kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; APP_PID=; }

# Signs in SIGNED_IN demo members spread over the network and writes a wrk script that rotates over their tokens
# and over their own and their suggestions' profile handles.
prepare_clients() {
  local tokens=() handles=() step=$((MEMBERS / SIGNED_IN)) n token
  for ((k = 0; k < SIGNED_IN; k++)); do
    n=$((k * step + 1))
    token=$(curl -sf -X POST "http://127.0.0.1:$PORT/api/v1/accounts/token" -H 'content-type: application/json' \
      -d "{\"email\":\"demo$n@entregent.example\",\"password\":\"demo-password-2026\"}" | sed -E 's/.*"accessToken":"([^"]+)".*/\1/')
    tokens+=("$token")
    handles+=($(curl -sf "http://127.0.0.1:$PORT/api/v1/me" -H "authorization: Bearer $token" | sed -E 's/.*"profile":\{"handle":"([^"]+)".*/\1/'))
    handles+=($(curl -sf "http://127.0.0.1:$PORT/api/v1/me/suggestions?max=4" -H "authorization: Bearer $token" \
      | grep -oE '"handle":"[^"]+"' | cut -d'"' -f4))
  done
  TOKEN=${tokens[0]}
  echo "   ${#tokens[@]} members signed in, ${#handles[@]} profile handles"
  for route in profile suggestions network; do
    {
      echo "local tokens = {"; printf '"%s",\n' "${tokens[@]}"; echo "}"
      echo "local handles = {"; printf '"%s",\n' "${handles[@]}"; echo "}"
      echo "local route = \"$route\""
      cat <<'LUA'
local counter = 1
function setup(thread) counter = counter + 1; thread:set("offset", counter * 9973) end
local i = 0
function init(args) i = tonumber(wrk.thread:get("offset")) or 0 end
function request()
  i = i + 1
  local token = tokens[(i % #tokens) + 1]
  local path
  if route == "profile" then path = "/in/" .. handles[((i * 7) % #handles) + 1]
  elseif route == "network" then path = "/network"
  else path = "/api/v1/me/suggestions" end
  return wrk.format("GET", path, { ["Authorization"] = "Bearer " .. token })
end
LUA
    } >"$WORK/$route.lua"
  done
}

ROWS=()
measure() { # store
  prepare_clients
  local targets=("profile page /in/{handle}" "suggestions API /api/v1/me/suggestions")
  # The /network page is being built elsewhere: measured only when this build serves it.
  if [[ $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/network" -H "authorization: Bearer $TOKEN") == 200 ]]; then
    targets+=("network page /network")
  fi
  for target in "${targets[@]}"; do
    local route=${target%% *} path=${target##* } script
    script="$WORK/$route.lua"
    # Warm up (JIT, caches), then measure.
    wrk -t2 -c"$CONNECTIONS" -d5s -s "$script" "http://127.0.0.1:$PORT" >/dev/null
    local before after out
    before=$(cut -d' ' -f1-3 /proc/loadavg)
    out=$(wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$script" "http://127.0.0.1:$PORT")
    after=$(cut -d' ' -f1-3 /proc/loadavg)
    echo "$out"
    local rps p50 p99 non2xx
    rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
    p50=$(awk '$1=="50%" {print $2}' <<<"$out")
    p99=$(awk '$1=="99%" {print $2}' <<<"$out")
    non2xx=$(awk '/Non-2xx/ {print $5}' <<<"$out"); non2xx=${non2xx:-0}
    ROWS+=("| $STORE | ${target% *} | \`$path\` | $rps | $p50 | $p99 | $non2xx | $before → $after |")
  done
}

if [[ $STORES == sqlite || $STORES == both ]]; then
  echo "== SQLite ($DATA)"
  STORE=SQLite
  start_app Sqlite "Data Source=$DATA/entregent.db" "$DATA"
  measure
  stop_app
fi

if [[ $STORES == postgres || $STORES == both ]]; then
  echo "== PostgreSQL"
  mkdir -p "$WORK/pg" && chmod 755 "$WORK" && chown postgres:postgres "$WORK/pg"
  runuser -u postgres -- "$PG_BIN/initdb" -D "$WORK/pg/data" -A trust -U postgres >/dev/null
  PG_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$WORK/pg/data" -w -l "$WORK/pg/log" \
    -o "-p $PG_PORT -k $WORK/pg -c listen_addresses=127.0.0.1 -c shared_buffers=1GB -c synchronous_commit=off" start >/dev/null
  PG_STARTED=true
  STORE=PostgreSQL
  start_app Postgres "Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=entregent_load" "$WORK/data-pg"
  # After a bulk load, as an operator would: fresh planner statistics, and no autovacuum pass competing with wrk.
  runuser -u postgres -- "$PG_BIN/psql" -q -h 127.0.0.1 -p "$PG_PORT" -d entregent_load -c 'VACUUM ANALYZE' >/dev/null
  measure
  stop_app
fi

echo
echo "wrk: 2 threads, $CONNECTIONS connections, ${DURATION}s per row, $SIGNED_IN bearer-authenticated members in rotation;" \
  "$MEMBERS members; $(nproc) cores; load average (1, 5, 15 min) before → after each run"
echo "| store | route | path | requests/s | p50 | p99 | non-2xx | load average |"
echo "|---|---|---|---|---|---|---|---|"
printf '%s\n' "${ROWS[@]}"
