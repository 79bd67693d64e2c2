#!/usr/bin/env bash
# Home-feed figures at scale (issue 6): GET /api/v1/feed at MEMBERS members (100,000 by default) and POSTS posts
# (2,000,000 by default), one request at a time, side by side with a plain SQL feed query on PostgreSQL (the
# benchmarks' feed-compare mode), on both stores; the app's resident memory with the posts and without them (the feed
# index's cost), and wrk under load.
#
# Posts are written straight in both stores by bulk SQL (not the API, which would take hours): the same
# deterministic data in each (integer hashes of the row number, no random()): 1% of the members write 20% of the
# posts, 10% of the posts are in groups (2,000 groups, each member in about 3), 30% of the posts outside groups are for
# connections only, 30% of the posts carry one or two of 500 hashtags (a few of them very popular), about 47% of the
# members follow one or two hashtags and a quarter follow a prolific author; dates spread over a year. No change-feed rows are written: the feed index reads
# the store when it starts, as after any restart.
#
# Usage: bench/load/feed.sh [seconds per wrk run (20)] [connections (16)] [members (100000)] [posts (2000000)]
# Stores: ENTREGENT_LOAD_DATA (default /tmp/entregent-load-<members>) and the same path with -pg, as network.sh keeps
# them (seeded with the demo network the first time; the posts are added once). VIEWERS sampled viewers (default 300).
set -euo pipefail
DURATION=${1:-20}
CONNECTIONS=${2:-16}
MEMBERS=${3:-100000}
POSTS=${4:-2000000}
VIEWERS=${VIEWERS:-300}
DATA=${ENTREGENT_LOAD_DATA:-/tmp/entregent-load-$MEMBERS}
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
load_init true
dotnet build bench/Entregent.Benchmarks -c Release -v quiet -nologo >/dev/null
BENCH=bench/Entregent.Benchmarks/bin/Release/net10.0/Entregent.Benchmarks.dll
NOW_MS=${NOW_MS:-$(($(date +%s) * 1000))}

rss_mib() { echo $(($(awk '/VmRSS/ {print $2}' "/proc/$APP_PID/status") / 1024)); }
psql_load() { runuser -u postgres -- "$PG_BIN/psql" -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -d entregent_load "$@"; }

# The generator, one SQL text for both stores: the dialects differ only in how a time and the row source are written.
generate_sql() { # sqlite|postgres
  local seq ts
  if [[ $1 == sqlite ]]; then
    seq="WITH RECURSIVE seq(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < %N%) SELECT i FROM seq"
    ts() { echo "($1)"; }
  else
    seq="SELECT i FROM generate_series(1::bigint, %N%) AS s(i)"
    ts() { echo "to_timestamp(($1) / 1000.0)"; }
  fi
  local members="(SELECT MIN(\"Id\") FROM members) AS lo, (SELECT COUNT(*) FROM members) AS n"
  cat <<SQL
BEGIN;
-- 2,000 groups: 70% public, 20% private, 10% unlisted.
INSERT INTO groups ("Id", "Name", "Slug", "Kind", "JoinPolicy", "PostsNeedApproval", "IsInternal", "CreatedById", "CreatedAt", "UpdatedAt", "MemberCount")
SELECT 1000000 + i, 'Bench group ' || i, 'bench-group-' || i, CASE WHEN i % 10 < 7 THEN 0 WHEN i % 10 < 9 THEN 1 ELSE 2 END,
       CASE WHEN i % 10 < 7 THEN 0 ELSE 1 END, $([[ $1 == sqlite ]] && echo 0 || echo false), $([[ $1 == sqlite ]] && echo 0 || echo false),
       lo + i, $(ts "$NOW_MS"), $(ts "$NOW_MS"), 0
FROM (${seq//%N%/2000}) s, (SELECT $members) m;
-- Each member in the groups (m*7), (m*13+5) and (m*31+11) modulo 2,000.
INSERT INTO group_memberships ("GroupId", "MemberId", "Role", "State", "CreatedAt", "JoinedAt")
SELECT DISTINCT 1000000 + g, "Id", 0, 0, $(ts "$NOW_MS"), $(ts "$NOW_MS") FROM (
  SELECT "Id", ("Id" * 7) % 2000 + 1 AS g FROM members UNION SELECT "Id", ("Id" * 13 + 5) % 2000 + 1 FROM members
  UNION SELECT "Id", ("Id" * 31 + 11) % 2000 + 1 FROM members) x;
UPDATE groups SET "MemberCount" = (SELECT COUNT(*) FROM group_memberships gm WHERE gm."GroupId" = groups."Id") WHERE "Id" > 1000000;
-- About 47% of the members follow one or two of the 500 hashtags.
INSERT INTO hashtag_follows ("MemberId", "Tag", "CreatedAt")
SELECT DISTINCT "Id", t, $(ts "$NOW_MS") FROM (
  SELECT "Id", 'tag' || (("Id" * 17) % 500) AS t FROM members WHERE "Id" % 3 = 0
  UNION SELECT "Id", 'tag' || (("Id" * 29) % 500) FROM members WHERE "Id" % 5 = 0) x;
-- A quarter of the members follow one of the prolific authors.
INSERT INTO follows ("FollowerId", "FollowedMemberId", "CreatedAt")
SELECT "Id", lo + ("Id" * 37) % 1000, $(ts "$NOW_MS") FROM members, (SELECT $members) m WHERE "Id" % 4 = 0 AND "Id" <> lo + ("Id" * 37) % 1000;
-- The posts. a, b, c: three integer hashes of the row number.
INSERT INTO posts ("Id", "AuthorId", "Kind", "Audience", "GroupId", "State", "Body", "BodyHtml", "CreatedAt", "CommentCount", "ReactionCount", "Version")
SELECT i, author, 0, CASE WHEN c % 10 = 0 THEN 2 WHEN (c / 10) % 10 < 3 THEN 1 ELSE 0 END,
       CASE WHEN c % 10 = 0 THEN 1000000 + (author * 7) % 2000 + 1 END, 0,
       'Bench post ' || i || ': news about work, a project and the weather in Lyon.',
       '<p>Bench post ' || i || ': news about work, a project and the weather in Lyon.</p>',
       $(ts "$NOW_MS - (a % 525600) * 60000"), 0, 0, 0
FROM (SELECT i, a, c, CASE WHEN a % 5 = 0 THEN lo + b % 1000 ELSE lo + b % n END AS author
      FROM (SELECT i, (i * 48271) % 2147483647 AS a, (i * 16807 + 12345) % 2147483647 AS b, (i * 69621 + 777) % 2147483647 AS c
            FROM (${seq//%N%/$POSTS}) s) h, (SELECT $members) m) p;
-- 30% of the posts carry a tag, skewed towards the first ones (x² / 2,000 for x < 1,000); a third of them (a tenth of all posts) a second one.
INSERT INTO post_hashtags ("PostId", "Tag")
SELECT DISTINCT i, t FROM (
  SELECT i, 'tag' || ((c % 1000) * (c % 1000) / 2000) AS t FROM (SELECT i, (i * 16807 + 12345) % 2147483647 AS b, (i * 69621 + 777) % 2147483647 AS c FROM (${seq//%N%/$POSTS}) s) h WHERE b % 10 < 3
  UNION ALL
  SELECT i, 'tag' || (a % 500) FROM (SELECT i, (i * 48271) % 2147483647 AS a, (i * 16807 + 12345) % 2147483647 AS b FROM (${seq//%N%/$POSTS}) s) h WHERE b % 10 = 0) x;
COMMIT;
SQL
}

add_posts() { # store
  local count
  if [[ $1 == sqlite ]]; then
    count=$(sqlite3 "$DATA/entregent.db" 'SELECT COUNT(*) FROM posts')
  else
    count=$(psql_load -tA -c 'SELECT COUNT(*) FROM posts')
  fi
  if ((count >= POSTS)); then echo "   $count posts already there"; fi
  local started=$SECONDS
  if ((count >= POSTS)); then
    :
  elif [[ $1 == sqlite ]]; then
    echo "   adding $POSTS posts ($1)…"
    { echo ".bail on"; generate_sql sqlite; } | sqlite3 "$DATA/entregent.db"
    sqlite3 "$DATA/entregent.db" 'ANALYZE'
  else
    echo "   adding $POSTS posts ($1)…"
    generate_sql postgres | psql_load
  fi
  if [[ $1 == postgres ]]; then
    psql_load -c "SELECT setval(pg_get_serial_sequence('posts', 'Id'), (SELECT MAX(\"Id\") FROM posts))" \
      -c "SELECT setval(pg_get_serial_sequence('groups', 'Id'), (SELECT MAX(\"Id\") FROM groups))" -c "VACUUM ANALYZE" >/dev/null
  fi
  echo "   done in $((SECONDS - started)) s"
}

# The requests wrk rotates over: each sampled viewer's first page (the paths feed-compare wrote).
prepare_script() {
  {
    wrk_rotation_lua
    echo "local requests = {"
    while read -r email path; do printf '{ "%s", "%s" },\n' "$(sign_in "${email//[^0-9]/}")" "$path"; done < <(head -n 64 "$WORK/paths/feed.txt")
    echo "}"
    cat <<'LUA'
function request()
  i = i + 1
  local r = requests[(i % #requests) + 1]
  return wrk.format("GET", r[2], { ["Authorization"] = "Bearer " .. r[1] })
end
LUA
  } >"$WORK/feed.lua"
}

COMPARE=()
MEMORY=()
measure() { # store
  grep -E 'Feed index built' "$APP_LOG" | sed 's/^ */     /' || true
  echo "   app resident memory after start-up: $(rss_mib) MiB"
  dotnet "$BENCH" feed-compare --pg "$PG_CONNECTION" --app "http://127.0.0.1:$PORT" --viewers "$VIEWERS" --paths-out "$WORK/paths" \
    | tee "$WORK/compare-$STORE.txt"
  COMPARE+=("$STORE:" "$(sed -n '/^| Query/,$p' "$WORK/compare-$STORE.txt")")
  MEMORY+=("| $STORE | $(grep -oE 'Feed index built: .*' "$APP_LOG" | head -n 1) | $(rss_mib) MiB |")
  prepare_script
  wrk_row "home feed" "/api/v1/feed" "$WORK/feed.lua" 1
  wrk_row "home feed" "/api/v1/feed" "$WORK/feed.lua"
}

echo "== PostgreSQL"
STORE=PostgreSQL
# SKIP_BEFORE=1: the store already has its posts (a second run); otherwise the app migrates it and its memory without posts is noted.
if [[ -z ${SKIP_BEFORE:-} ]]; then
  start_app_postgres
  echo "   app resident memory before the posts (schema migrated, indexes built): $(rss_mib) MiB"
  MEMORY+=("| PostgreSQL, before the posts | $(grep -oE 'Feed index built: .*' "$APP_LOG" | head -n 1) | $(rss_mib) MiB |")
  stop_app
  runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w stop >/dev/null; PG_DATA=
else
  PG_PORT=$(free_port)
fi
# The PostgreSQL server alone, to load it.
PG_DATA=$DATA-pg/data
runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DATA" -w -l "$DATA-pg/log" \
  -o "-p $PG_PORT -k $DATA-pg -c listen_addresses=127.0.0.1 -c shared_buffers=1GB -c synchronous_commit=off" start >/dev/null
add_posts postgres
runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w stop >/dev/null; PG_DATA=
start_app_postgres
measure
stop_app

echo "== SQLite ($DATA)"
STORE=SQLite
# The app migrates the store (posts tables) before the posts go in.
if [[ -z $(sqlite3 "$DATA/entregent.db" "SELECT name FROM sqlite_master WHERE name = 'posts'") ]]; then start_app_sqlite; stop_app; fi
add_posts sqlite
start_app_sqlite
measure
stop_app

echo
echo "feed-compare: $VIEWERS sampled viewers, pages 1 and 2, one request at a time (app over loopback HTTP; SQL over Npgsql)"
printf '%s\n' "${COMPARE[@]}"
echo
echo "Memory: the app's resident set after start-up, and the feed index's own account"
echo "| store | feed index (log) | resident set |"
echo "|---|---|---:|"
printf '%s\n' "${MEMORY[@]}"
echo
echo "wrk: 2 threads, ${DURATION}s per row, $MEMBERS members, $POSTS posts; $(nproc) cores; load average (1, 5, 15 min) before → after each run"
print_rows
