#!/usr/bin/env bash
# Load figures at scale (issue 4): requests/s and latency percentiles for the profile page /in/{handle} and
# suggestions GET /api/v1/me/suggestions (and the /network page when the app has one), from wrk on 127.0.0.1
# against a Release build seeded with a demo network of MEMBERS members (100,000 by default). Requests rotate over
# many signed-in members and profiles (a Lua script) so that caches work as they would with real traffic. The
# machine's load average is printed with every row: on a shared machine it says how far to trust the row.
#
# Usage: bench/load/network.sh [seconds per run (20)] [connections (16)] [members (100000)] [sqlite|postgres|both (sqlite)]
# The SQLite store is kept in $ENTREGENT_LOAD_DATA (default /tmp/entregent-load-<members>) and PostgreSQL's in the
# same path with -pg (PG_KEEP=false for a throwaway server): seeding 100,000 members takes several minutes, so a
# second run reuses them (the seeder skips a store that has members). Needs: wrk and postgresql from Debian
# (installed when missing). Shared pieces: lib.sh.
set -euo pipefail
DURATION=${1:-20}
CONNECTIONS=${2:-16}
MEMBERS=${3:-100000}
STORES=${4:-sqlite}
SIGNED_IN=${SIGNED_IN:-64}
DATA=${ENTREGENT_LOAD_DATA:-/tmp/entregent-load-$MEMBERS}
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
load_init "$([[ $STORES == sqlite ]] && echo false || echo true)"

# Signs in SIGNED_IN demo members spread over the network and writes a wrk script per route that rotates over their
# tokens and over their own and their suggestions' profile handles.
prepare_clients() {
  local tokens=() handles=() step=$((MEMBERS / SIGNED_IN)) token
  for ((k = 0; k < SIGNED_IN; k++)); do
    token=$(sign_in $((k * step + 1)))
    tokens+=("$token")
    handles+=($(curl -sf "http://127.0.0.1:$PORT/api/v1/me" -H "authorization: Bearer $token" | sed -E 's/.*"profile":\{"handle":"([^"]+)".*/\1/'))
    handles+=($(curl -sf "http://127.0.0.1:$PORT/api/v1/me/suggestions?max=4" -H "authorization: Bearer $token" \
      | grep -oE '"handle":"[^"]+"' | cut -d'"' -f4))
  done
  TOKEN=${tokens[0]}
  echo "   ${#tokens[@]} members signed in, ${#handles[@]} profile handles"
  for route in profile suggestions network; do
    {
      wrk_tokens_lua "${tokens[@]}"
      echo "local handles = {"; printf '"%s",\n' "${handles[@]}"; echo "}"
      echo "local route = \"$route\""
      cat <<'LUA'
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

measure() {
  prepare_clients
  local targets=("profile page /in/{handle}" "suggestions API /api/v1/me/suggestions")
  # The /network page is measured only when this build serves it.
  if [[ $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/network" -H "authorization: Bearer $TOKEN") == 200 ]]; then
    targets+=("network page /network")
  fi
  for target in "${targets[@]}"; do
    wrk_row "${target% *}" "${target##* }" "$WORK/${target%% *}.lua"
  done
}

if [[ $STORES == sqlite || $STORES == both ]]; then
  echo "== SQLite ($DATA)"
  STORE=SQLite
  start_app_sqlite
  measure
  stop_app
fi

if [[ $STORES == postgres || $STORES == both ]]; then
  echo "== PostgreSQL"
  STORE=PostgreSQL
  start_app_postgres
  measure
  stop_app
fi

echo
echo "wrk: 2 threads, ${DURATION}s per row, $SIGNED_IN bearer-authenticated members in rotation;" \
  "$MEMBERS members; $(nproc) cores; load average (1, 5, 15 min) before → after each run"
print_rows
