#!/usr/bin/env bash
# Messaging send-to-delivery latency (issue 6): a Release build of the app on a demo store, PAIRS pairs of fresh members
# (registered, connected, one conversation each) with each recipient listening on /hubs/messaging over WebSockets;
# MESSAGES messages sent one at a time through the API, each timed until the recipient's hub callback fires (p50, p99).
# Baseline: the plain SQL design where the page polls "new messages in my conversations since id N" every X ms, whose
# latency is about X/2 plus that query: the runner times the query on the same store.
#
# Usage: bench/load/messaging.sh [members (100000)] [sqlite|postgres|both (sqlite)] [messages (1000)] [pairs (20)]
# Stores as in network.sh (lib.sh): SQLite in $ENTREGENT_LOAD_DATA (default /tmp/entregent-load-<members>), PostgreSQL in
# the same path with -pg. The run adds its members and messages to the store. Prints the machine's load average: re-run
# on a quiet machine before trusting the figures.
set -euo pipefail
MEMBERS=${1:-100000}
STORES=${2:-sqlite}
MESSAGES=${3:-1000}
PAIRS=${4:-20}
DATA=${ENTREGENT_LOAD_DATA:-/tmp/entregent-load-$MEMBERS}
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
load_init "$([[ $STORES == sqlite ]] && echo false || echo true)"
dotnet build bench/Entregent.Benchmarks -c Release -v quiet -nologo >/dev/null
BENCH=bench/Entregent.Benchmarks/bin/Release/net10.0/Entregent.Benchmarks

run() { # label provider connection-string
  local before after
  before=$(cut -d' ' -f1-3 /proc/loadavg)
  "$BENCH" messaging-latency --url "http://127.0.0.1:$PORT" --pairs "$PAIRS" --messages "$MESSAGES" --provider "$2" --connection "$3" \
    | sed "s/^| /| $1: /" | tee -a "$WORK/rows"
  after=$(cut -d' ' -f1-3 /proc/loadavg)
  echo "| $1: load average | $before → $after | |" | tee -a "$WORK/rows"
}

touch "$WORK/rows"
if [[ $STORES == sqlite || $STORES == both ]]; then
  echo "== SQLite ($DATA)"
  start_app_sqlite
  run SQLite Sqlite "Data Source=$DATA/entregent.db"
  stop_app
fi
if [[ $STORES == postgres || $STORES == both ]]; then
  echo "== PostgreSQL"
  start_app_postgres
  run PostgreSQL Postgres "$PG_CONNECTION"
  stop_app
fi
echo
echo "| What ($MEMBERS members, $(nproc) cores) | p50 | p99 |"
echo "|---|---|---|"
cat "$WORK/rows"
