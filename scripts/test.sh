#!/usr/bin/env bash
# The test command (README, CI): installs what the tests need when missing (Debian's postgresql and
# chromium), builds the solution once, runs every test project, then the web integration tests again on a
# throwaway PostgreSQL, imports LDBC's tiny graph with the built executable and validates its answers
# (`entregent ldbc import`, `entregent ldbc validate`), and removes everything it started. The last line is
# "N passed, M failed[, K skipped]" over all runs; the exit status is non-zero on any failure, a failed build
# or a run without tests.
#
# Environment: CONFIGURATION (Debug), ENTREGENT_TEST_CHROMIUM (/usr/bin/chromium), ENTREGENT_LDBC_DATA (../shared/ldbc),
# TEST_TIMEOUT (per run, MTP syntax: 15m). Reports: TestResults/test.sh/*.xml. Extra arguments go to every test run, e.g.
#   scripts/test.sh --filter-not-namespace 'Entregent.Web.Tests.Browser*'
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

CONFIGURATION=${CONFIGURATION:-Debug}
CHROMIUM=${ENTREGENT_TEST_CHROMIUM:-/usr/bin/chromium}
TEST_TIMEOUT=${TEST_TIMEOUT:-15m}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# Playwright drives Debian's Chromium; it must never fetch a browser of its own.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export ENTREGENT_TEST_CHROMIUM=$CHROMIUM
export DEBIAN_FRONTEND=noninteractive

log() { printf '\n== %s\n' "$*"; }
die() { printf 'test.sh: %s\n' "$*" >&2; exit 1; }

command -v dotnet >/dev/null || die "the .NET SDK (dotnet) is not on PATH"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/entregent-test.XXXXXX")
# Reports stay after the run (TestResults/ is git-ignored) for CI to keep: one xUnit XML file per run.
RESULTS=$ROOT/TestResults/test.sh
rm -rf "$RESULTS"
mkdir -p "$WORK/tmp"
PG_BIN=
PG_DATA=
PG_STARTED=false
RUN_AS_PG=()
PASSED=0
FAILED=0
SKIPPED=0
SUMMARY_PRINTED=false

stop_postgres() {
  if [[ $PG_STARTED == true ]]; then
    "${RUN_AS_PG[@]}" "$PG_BIN/pg_ctl" -D "$PG_DATA" -m immediate -w stop >/dev/null 2>&1 ||
      echo "test.sh: could not stop PostgreSQL in $PG_DATA" >&2
    PG_STARTED=false
  fi
}

# Runs on every exit, Ctrl-C and failures included. A run that stops early (no prerequisites, no server,
# no build, interrupted) still ends with the totals line, counting the stop as one failure.
cleanup() {
  local status=$?
  trap - EXIT INT TERM
  stop_postgres
  rm -rf "$WORK"
  if [[ $SUMMARY_PRINTED != true ]]; then
    echo "test.sh: stopped before the end (exit status $status)"
    echo "$PASSED passed, $((FAILED + 1)) failed"
    ((status != 0)) || status=1
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

as_root() {
  if [[ $(id -u) -eq 0 ]]; then
    "$@"
  elif command -v sudo >/dev/null; then
    sudo "$@"
  else
    die "need root (or sudo) to run: $*"
  fi
}

find_postgres() {
  local dir
  PG_BIN=
  # Highest installed major version wins (the glob sorts 15 before 16).
  for dir in /usr/lib/postgresql/*/bin; do
    [[ -x $dir/initdb && -x $dir/pg_ctl ]] && PG_BIN=$dir
  done
  [[ -n $PG_BIN ]]
}

# --- 1. What the tests need -------------------------------------------------------------------------
phase_start=$SECONDS
PHASES=()
missing=()
find_postgres || missing+=(postgresql)
[[ -x $CHROMIUM ]] || missing+=(chromium)
if ((${#missing[@]})); then
  log "installing ${missing[*]}"
  as_root apt-get update -q
  as_root apt-get install -y -q --no-install-recommends "${missing[@]}"
  find_postgres || die "postgresql is installed but no initdb in /usr/lib/postgresql/*/bin"
  [[ -x $CHROMIUM ]] || die "chromium is installed but $CHROMIUM is missing"
  if [[ " ${missing[*]} " == *" postgresql "* ]] && command -v pg_lsclusters >/dev/null; then
    # Debian's package creates and starts a "main" cluster; we only need our own, so stop it again.
    pg_lsclusters --no-header 2>/dev/null | while read -r version cluster _ state _; do
      if [[ $state == online* ]]; then as_root pg_ctlcluster "$version" "$cluster" stop || true; fi
    done
  fi
fi
PHASES+=("prerequisites: $((SECONDS - phase_start))s")

# --- 2. A throwaway PostgreSQL on 127.0.0.1 -----------------------------------------------------------
phase_start=$SECONDS
log "starting a throwaway PostgreSQL ($PG_BIN)"
PG_DIR=$WORK/postgres
PG_DATA=$PG_DIR/data
mkdir -p "$PG_DIR"
if [[ $(id -u) -eq 0 ]]; then
  # initdb refuses to run as root: the server runs as Debian's postgres user, in a folder it owns.
  chmod 755 "$WORK"
  chown postgres:postgres "$PG_DIR"
  RUN_AS_PG=(runuser -u postgres --)
fi
"${RUN_AS_PG[@]}" "$PG_BIN/initdb" -D "$PG_DATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 --no-sync >"$PG_DIR/initdb.log" 2>&1 ||
  { cat "$PG_DIR/initdb.log" >&2; die "initdb failed"; }

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for _ in 1 2 3 4 5 6 7 8 9 10; do
  PG_PORT=$((20000 + RANDOM % 40000))
  port_in_use "$PG_PORT" && continue
  # Durability off: the data dies with the run, and fsync on 2 shared cores is most of the cost.
  if "${RUN_AS_PG[@]}" "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_DIR/server.log" -w -t 60 \
    -o "-h 127.0.0.1 -p $PG_PORT -k $PG_DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
    start >/dev/null; then
    PG_STARTED=true
    break
  fi
done
if [[ $PG_STARTED != true ]]; then
  cat "$PG_DIR/server.log" >&2 || true
  die "could not start PostgreSQL"
fi
PG_ADMIN="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres"
echo "PostgreSQL listening on 127.0.0.1:$PG_PORT"
PHASES+=("postgresql start: $((SECONDS - phase_start))s")

# --- 3. Build once ------------------------------------------------------------------------------------
phase_start=$SECONDS
log "building Entregent.slnx ($CONFIGURATION)"
if ! dotnet build Entregent.slnx -c "$CONFIGURATION" -nologo -v minimal; then
  PHASES+=("build: $((SECONDS - phase_start))s (failed)")
  printf '%s\n' "${PHASES[@]}"
  # A broken build counts as one failure (cleanup prints the totals), so the last line says "not green".
  exit 1
fi
PHASES+=("build: $((SECONDS - phase_start))s")

# --- 4. Test runs ---------------------------------------------------------------------------------------
# run_tests NAME PROJECT [ENV=VALUE ...] -- [test options ...]
run_tests() {
  local name=$1 project=$2
  shift 2
  local env=()
  while (($#)) && [[ $1 != -- ]]; do env+=("$1"); shift; done
  (($#)) && shift
  local file=${name//[^A-Za-z0-9.]/-}.xml
  local start=$SECONDS status=0 report="$RESULTS/$file"
  log "$name"
  # TMPDIR inside $WORK: whatever a test leaves behind (temp stores, browser profiles) goes with it.
  env TMPDIR="$WORK/tmp" "${env[@]}" dotnet test --project "$project" -c "$CONFIGURATION" --no-build --no-ansi --no-progress \
    --results-directory "$RESULTS" --report-xunit-xml --report-xunit-xml-filename "$file" \
    --timeout "$TEST_TIMEOUT" "$@" "${EXTRA_ARGS[@]}" || status=$?

  local total=0 passed=0 failed=0 skipped=0 errors=0 tag attribute
  if [[ -f $report ]]; then
    while read -r tag; do
      for attribute in total passed failed skipped errors; do
        local value
        value=$(sed -n "s/.* $attribute=\"\([0-9]*\)\".*/\1/p" <<<"$tag")
        printf -v "$attribute" '%d' $((${!attribute} + ${value:-0}))
      done
    done < <(grep -o '<assembly [^>]*>' "$report")
  fi
  # Errors are failures outside a test (a fixture that cannot start, a crashed collection).
  failed=$((failed + errors))
  if ((total == 0 || (status != 0 && failed == 0))); then
    # No report, no tests or an exit code without a failed test (a crash, a timeout): one failure.
    echo "test.sh: $name ran $total tests and exited with $status" >&2
    failed=$((failed + 1))
  fi
  PASSED=$((PASSED + passed))
  FAILED=$((FAILED + failed))
  SKIPPED=$((SKIPPED + skipped))
  PHASES+=("$name: $((SECONDS - start))s ($passed passed, $failed failed, $skipped skipped)")
}

EXTRA_ARGS=("$@")
# Every project under tests/ (tests/X/X.csproj) runs whole, on the default store (SQLite): unit,
# integration and browser tests. Each must hold tests: a run with none counts as a failure.
for project_dir in tests/*/; do
  project=$(basename "$project_dir")
  [[ -f $project_dir/$project.csproj ]] || continue
  run_tests "$project" "$project_dir" ENTREGENT_TEST_DATABASE=Sqlite --
done

# The same integration tests again, on PostgreSQL.
run_tests "Entregent.Web.Tests integration (PostgreSQL)" tests/Entregent.Web.Tests \
  ENTREGENT_TEST_DATABASE=Postgres "ENTREGENT_TEST_POSTGRES=$PG_ADMIN" -- \
  --filter-namespace 'Entregent.Web.Tests.Integration' --filter-namespace 'Entregent.Web.Tests.Integration.*'

stop_postgres

# --- 5. LDBC: the built executable imports the tiny graph and checks the answers Entregent models ---------
# One run: `entregent ldbc import` into a throwaway SQLite store, then `entregent ldbc validate` on LDBC's
# expected answers; it counts as one passed test, or one failure when either verb exits non-zero.
run_ldbc() {
  local name="ldbc import + validate (tiny)" start=$SECONDS status=0
  local data=${ENTREGENT_LDBC_DATA:-$ROOT/../shared/ldbc}
  local app=$ROOT/src/Entregent.Web/bin/$CONFIGURATION/net10.0/entregent.dll
  local store=$WORK/ldbc
  local settings=(--Database:Provider=Sqlite "--ConnectionStrings:Entregent=Data Source=$store/entregent.db"
    "--Storage:DataPath=$store" --Logging:LogLevel:Default=Warning)
  log "$name"
  mkdir -p "$store"
  if [[ ! -d $data/tiny || ! -f $data/tiny-expected/official-params.csv ]]; then
    echo "test.sh: no LDBC data in $data (set ENTREGENT_LDBC_DATA)" >&2
    status=1
  elif ! dotnet "$app" ldbc import "$data/tiny" "${settings[@]}"; then
    status=1
  elif ! dotnet "$app" ldbc validate "$data/tiny-expected/official-params.csv" "${settings[@]}" | tee "$store/validate.log"; then
    status=1
  fi
  local verdict
  verdict=$(tail -n 1 "$store/validate.log" 2>/dev/null || true)
  if ((status == 0)); then
    PASSED=$((PASSED + 1))
  else
    FAILED=$((FAILED + 1))
  fi
  PHASES+=("$name: $((SECONDS - start))s (${verdict:-no verdict}; exit status $status)")
}
run_ldbc

log "summary"
printf '%s\n' "${PHASES[@]}"
echo "total: $((SECONDS))s"
SUMMARY_PRINTED=true
if ((SKIPPED > 0)); then
  echo "$PASSED passed, $FAILED failed, $SKIPPED skipped"
else
  echo "$PASSED passed, $FAILED failed"
fi
((FAILED == 0))
