# Shared by the load scripts at scale (network.sh, search.sh): a Release build of the app seeded with the demo network,
# a PostgreSQL on the same machine, members signed in with bearer tokens, wrk rows with the load average around them.
# Sourced, not run. The caller sets MEMBERS and DATA (the kept SQLite store) before calling load_init.
#
# Stores are kept between runs because seeding 100,000 members takes minutes: SQLite in $DATA, PostgreSQL in
# $DATA-pg when PG_KEEP=true (the default; PG_KEEP=false gives a throwaway server seeded every time).

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
APP=src/Entregent.Web/bin/Release/net10.0/entregent
APP_PID=
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | tail -n 1 || true)
PG_DATA=
PG_PORT=
PG_KEEP=${PG_KEEP:-true}
ROWS=()

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

load_cleanup() {
  [[ -n $APP_PID ]] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
  # A kept server is stopped cleanly so that the next run finds its data intact.
  [[ -n $PG_DATA ]] && runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$WORK"
}

load_init() { # needs-postgres (true|false)
  PORT=$(free_port)
  WORK=$(mktemp -d /tmp/entregent-load.XXXXXX)
  trap load_cleanup EXIT
  local need=()
  command -v wrk >/dev/null || need+=(wrk)
  [[ -n $PG_BIN || $1 != true ]] || need+=(postgresql)
  if ((${#need[@]})); then
    apt-get update -q && apt-get install -y -q --no-install-recommends "${need[@]}"
    PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | tail -n 1 || true)
  fi
  echo "== building Release"
  dotnet build src/Entregent.Web -c Release -v quiet -nologo >/dev/null
}

start_app() { # provider connection-string data-directory
  mkdir -p "$3"
  local started=$SECONDS
  # exec: the background job is the app itself, so stop_app's kill reaches it.
  (cd "$WORK" && exec env Database__Provider="$1" ConnectionStrings__Entregent="$2" Storage__DataPath="$3" \
    Demo__Members="$MEMBERS" Logging__LogLevel__Default=Warning Logging__LogLevel__entregent=Information \
    Logging__LogLevel__Entregent=Information RateLimits__AccountPermits=1000000 \
    "$ROOT/$APP" --demo --urls "http://127.0.0.1:$PORT" >"$WORK/app-$1.log" 2>&1) &
  APP_PID=$!
  APP_LOG=$WORK/app-$1.log
  # Seeding 100,000 members takes minutes on the 2-core machine; the app listens only once it is done.
  for _ in $(seq 3600); do
    if curl -sf "http://127.0.0.1:$PORT/health" >/dev/null; then echo "   up after $((SECONDS - started)) s"; return 0; fi
    kill -0 "$APP_PID" 2>/dev/null || break
    sleep 1
  done
  cat "$APP_LOG"; echo "the app did not start"; exit 1
}

stop_app() { kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; APP_PID=; }

start_app_sqlite() { start_app Sqlite "Data Source=$DATA/entregent.db" "$DATA"; }

# A PostgreSQL 15 on this machine with the app on it: kept in $DATA-pg (seeded once) or throwaway. After a bulk load,
# as an operator would: fresh planner statistics, and no autovacuum pass competing with wrk.
start_app_postgres() {
  local root=$WORK/pg
  [[ $PG_KEEP == true ]] && root=$DATA-pg
  PG_DATA=$root/data
  mkdir -p "$root" && chmod 755 "$WORK" "$root" && chown postgres:postgres "$root"
  [[ -f $PG_DATA/PG_VERSION ]] || runuser -u postgres -- "$PG_BIN/initdb" -D "$PG_DATA" -A trust -U postgres >/dev/null
  PG_PORT=$(free_port)
  runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DATA" -w -l "$root/log" \
    -o "-p $PG_PORT -k $root -c listen_addresses=127.0.0.1 -c shared_buffers=1GB -c synchronous_commit=off" start >/dev/null
  PG_CONNECTION="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=entregent_load"
  start_app Postgres "$PG_CONNECTION" "$root/files"
  runuser -u postgres -- "$PG_BIN/psql" -q -h 127.0.0.1 -p "$PG_PORT" -d entregent_load -c 'VACUUM ANALYZE' >/dev/null
}

# A bearer token for demo member n (demo1 … demo$MEMBERS).
sign_in() {
  curl -sf -X POST "http://127.0.0.1:$PORT/api/v1/accounts/token" -H 'content-type: application/json' \
    -d "{\"email\":\"demo$1@entregent.example\",\"password\":\"demo-password-2026\"}" | sed -E 's/.*"accessToken":"([^"]+)".*/\1/'
}

# Lua head of a wrk script: a counter i per thread, started at a per-thread offset so that the threads do not walk in step.
wrk_rotation_lua() {
  cat <<'LUA'
local counter = 1
function setup(thread) counter = counter + 1; thread:set("offset", counter * 9973) end
local i = 0
function init(args) i = tonumber(wrk.thread:get("offset")) or 0 end
LUA
}

# The same, with the bearer tokens to rotate over.
wrk_tokens_lua() { # tokens...
  echo "local tokens = {"; printf '"%s",\n' "$@"; echo "}"
  wrk_rotation_lua
}

# Warms up for 5 s, measures for DURATION s with CONNECTIONS connections, prints wrk's output and appends a Markdown row
# (store, label, path, req/s, p50, p99, non-2xx, load average before → after) to ROWS.
wrk_row() { # label path script [connections]
  local connections=${4:-$CONNECTIONS} before after out rps p50 p99 non2xx threads
  threads=$((connections < 2 ? connections : 2))
  wrk -t"$threads" -c"$connections" -d5s -s "$3" "http://127.0.0.1:$PORT" >/dev/null
  before=$(cut -d' ' -f1-3 /proc/loadavg)
  out=$(wrk -t"$threads" -c"$connections" -d"${DURATION}s" --latency -s "$3" "http://127.0.0.1:$PORT")
  after=$(cut -d' ' -f1-3 /proc/loadavg)
  echo "$out"
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  non2xx=$(awk '/Non-2xx/ {print $5}' <<<"$out"); non2xx=${non2xx:-0}
  ROWS+=("| $STORE | $1 | \`$2\` | $connections | $rps | $p50 | $p99 | $non2xx | $before → $after |")
}

print_rows() {
  echo "| store | route | path | connections | requests/s | p50 | p99 | non-2xx | load average |"
  echo "|---|---|---|---:|---|---|---|---|---|"
  printf '%s\n' "${ROWS[@]}"
}
