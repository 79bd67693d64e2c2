#!/usr/bin/env bash
# Search figures at scale (issue 5): people search GET /api/v1/search/people, typeahead GET /api/v1/search/typeahead and
# who-do-I-know-at-X GET /api/v1/organizations/{slug}/people-you-know on a Release build seeded with a demo network of
# MEMBERS members (100,000 by default), side by side with PostgreSQL full-text search plus joins answering the same
# questions on the app's tables (the benchmarks' search-compare mode).
#
# For each store: the app starts (seeding the kept store the first time), its search-index log lines and memory are
# printed, then search-compare times the same parameter sets one at a time on the app's API and on PostgreSQL (the
# kept PostgreSQL database of the demo seed; the SQL side builds its documents and GIN indexes there once) and checks
# that the answers agree, and wrk measures each route under load (CONNECTIONS connections, and 1 for latency alone)
# over the same requests, rotating over the viewers' bearer tokens.
#
# Usage: bench/load/search.sh [seconds per run (20)] [connections (16)] [members (100000)] [sqlite|postgres|both (both)]
# PostgreSQL is needed in every case (the SQL side); stores are kept as network.sh keeps them (lib.sh).
set -euo pipefail
DURATION=${1:-20}
CONNECTIONS=${2:-16}
MEMBERS=${3:-100000}
STORES=${4:-both}
QUERIES=${QUERIES:-300}
DATA=${ENTREGENT_LOAD_DATA:-/tmp/entregent-load-$MEMBERS}
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
load_init true
dotnet build bench/Entregent.Benchmarks -c Release -v quiet -nologo >/dev/null
BENCH=bench/Entregent.Benchmarks/bin/Release/net10.0/Entregent.Benchmarks.dll
ROUTES=("people search:people:/api/v1/search/people" "typeahead:typeahead:/api/v1/search/typeahead"
  "who do I know at X:people-you-know:/api/v1/organizations/{slug}/people-you-know")

# The app's own account of its search index (build time, size), and its memory now.
app_state() {
  echo "   app log (search index):"
  grep -E 'index built|index opened|Seeding|seeded' "$APP_LOG" | sed 's/^ */     /' || true
  echo "   app resident memory: $(($(awk '/VmRSS/ {print $2}' "/proc/$APP_PID/status") / 1024)) MiB;" \
    "search folder on disk: $(du -sh "$1" 2>/dev/null | cut -f1) ($1)"
}

# A wrk script per route over the parameter sets search-compare wrote ("email path" per line), with the viewers'
# tokens (signed in once each).
prepare_scripts() {
  declare -A tokens=()
  local email route file
  for email in $(cut -d' ' -f1 "$WORK"/paths/*.txt | sort -u); do
    tokens[$email]=$(sign_in "${email//[^0-9]/}")
  done
  echo "   ${#tokens[@]} viewers signed in"
  for route in "${ROUTES[@]}"; do
    file=$(cut -d: -f2 <<<"$route")
    {
      wrk_rotation_lua
      echo "local requests = {"
      while read -r email path; do printf '{ "%s", "%s" },\n' "${tokens[$email]}" "$path"; done <"$WORK/paths/$file.txt"
      echo "}"
      cat <<'LUA'
function request()
  i = i + 1
  local r = requests[(i % #requests) + 1]
  return wrk.format("GET", r[2], { ["Authorization"] = "Bearer " .. r[1] })
end
LUA
    } >"$WORK/$file.lua"
  done
}

measure() { # search folder
  app_state "$1"
  # The SQL documents are built on the first call and kept for the second store. COMPARE_ON (default both stores)
  # names the stores search-compare times; on the others it only writes the requests for wrk.
  if [[ " ${COMPARE_ON:-PostgreSQL SQLite} " == *" $STORE "* ]]; then
    dotnet "$BENCH" search-compare --pg "$PG_CONNECTION" --app "http://127.0.0.1:$PORT" --queries "$QUERIES" \
      --paths-out "$WORK/paths" --reuse | tee "$WORK/compare-$STORE.txt"
    COMPARE+=("$STORE:" "$(sed -n '/^| Question/,$p' "$WORK/compare-$STORE.txt")")
  else
    dotnet "$BENCH" search-compare --pg "$PG_CONNECTION" --queries "$QUERIES" --paths-out "$WORK/paths" --paths-only
  fi
  prepare_scripts
  local route label file path
  for route in "${ROUTES[@]}"; do
    IFS=: read -r label file path <<<"$route"
    # A route this build does not serve yet (404 on the first request) is left out.
    [[ $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT$(head -n 1 "$WORK/paths/$file.txt" | cut -d' ' -f2)"       -H "authorization: Bearer $(sign_in 1)") == 404 ]] && { echo "   $path: not served by this build"; continue; }
    wrk_row "$label" "$path" "$WORK/$file.lua" 1
    wrk_row "$label" "$path" "$WORK/$file.lua"
  done
  app_state "$1"
}

COMPARE=()
if [[ $STORES == postgres || $STORES == both ]]; then
  echo "== PostgreSQL"
  STORE=PostgreSQL
  start_app_postgres
  measure "$DATA-pg/files/search"
  stop_app
else
  # The SQL side needs the PostgreSQL database of the demo seed even when only SQLite is measured.
  start_app_postgres
  stop_app
fi

if [[ $STORES == sqlite || $STORES == both ]]; then
  echo "== SQLite ($DATA)"
  STORE=SQLite
  start_app_sqlite
  measure "$DATA/search"
  stop_app
fi

echo
echo "search-compare: $QUERIES parameter sets per question, one request at a time (app over loopback HTTP; SQL over Npgsql)"
printf '%s\n' "${COMPARE[@]}"
echo
echo "wrk: 2 threads, ${DURATION}s per row, the same requests in rotation; $MEMBERS members; $(nproc) cores;" \
  "load average (1, 5, 15 min) before → after each run"
print_rows
