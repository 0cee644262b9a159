#!/usr/bin/env bash
# Import benchmark: a deterministic 1,000,000-row subscriber CSV imported by
# `mailwright-cli import subscribers` into a fresh database, against the sqlite3 shell's
# `.import` of the same file into a file database with a comparable table (same columns,
# UNIQUE email and external_id, the same secondary indexes as our schema). Prints rows/s and the
# ratio. Median of $RUNS runs (default 3); wall-clock and CPU (user+sys) seconds.
#   BUILD_DIR=... WORK_DIR=... bash tests/benchmarks/import/run.sh   [ROWS]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
BUILD_DIR=${BUILD_DIR:-$here/../../../build}
WORK_DIR=${WORK_DIR:-/tmp/mailwright-bench}
ROWS=${1:-1000000}
RUNS=${RUNS:-3}
cli="$BUILD_DIR/app/mailwright-cli"
mkdir -p "$WORK_DIR/import"
cd "$WORK_DIR/import"

csv="subscribers-$ROWS.csv"
if [ ! -s "$csv" ]; then
  echo "generating $csv ..."
  /usr/bin/python3 "$here/gensubscribers.py" "$ROWS" "$csv.tmp" && mv "$csv.tmp" "$csv"
fi
echo "file: $csv ($(stat -L -c %s "$csv") bytes, $ROWS rows)"

# Runs a command, appends "wall cpu" seconds to the named file.
timed() {
  local out=$1; shift
  /usr/bin/time -f "%e %U %S" -o time.tmp "$@" > /dev/null
  awk '{printf "%.3f %.3f\n", $1, $2 + $3}' time.tmp >> "$out"
}

# The comparison table: the CSV's columns, UNIQUE email and external_id like ours, and every
# secondary index our schema has on subscribers (read from a fresh database, so the
# comparison follows the schema as migrations add indexes).
rm -f schema.db schema.db-wal schema.db-shm
"$cli" init --db schema.db
indexes=$(sqlite3 schema.db "SELECT group_concat(sql, '; ') FROM sqlite_master
                             WHERE type = 'index' AND tbl_name = 'subscribers' AND sql IS NOT NULL")
pagesize=$(sqlite3 schema.db "PRAGMA page_size")
rm -f schema.db schema.db-wal schema.db-shm
echo "secondary indexes: $indexes"
echo "page size: $pagesize (the shell's databases get the same)"

rm -f ours.txt shell.txt shellwal.txt
for i in $(seq "$RUNS"); do
  rm -f ours.db ours.db-wal ours.db-shm
  "$cli" init --db ours.db
  # The derived-metrics refresh that follows an import is timed separately below.
  timed ours.txt "$cli" import subscribers --db ours.db --csv "$csv" --no-metrics
  count=$(sqlite3 ours.db "SELECT count(*) FROM subscribers")
  [ "$count" = "$ROWS" ] || { echo "expected $ROWS subscribers, found $count"; exit 1; }

  for mode in delete wal; do
    rm -f shell.db shell.db-wal shell.db-shm
    sqlite3 shell.db "PRAGMA page_size=$pagesize;" "PRAGMA journal_mode=$mode;" "CREATE TABLE subscribers(
        email TEXT NOT NULL UNIQUE, external_id TEXT UNIQUE, first_name TEXT, last_name TEXT,
        city TEXT, country TEXT, language TEXT, timezone TEXT, created_at TEXT, status TEXT,
        loyalty_points TEXT, favourite_color TEXT);
      $indexes;" > /dev/null
    [ "$mode" = delete ] && f=shell.txt || f=shellwal.txt
    timed "$f" sqlite3 shell.db ".import --csv --skip 1 $csv subscribers"
  done
done

median() { sort -n -k"$2" "$1" | awk -v k="$2" '{a[NR]=$k} END {print a[int((NR+1)/2)]}'; }
ours_wall=$(median ours.txt 1); ours_cpu=$(median ours.txt 2)
sh_wall=$(median shell.txt 1); sh_cpu=$(median shell.txt 2)
shw_wall=$(median shellwal.txt 1); shw_cpu=$(median shellwal.txt 2)
awk -v n="$ROWS" -v ow="$ours_wall" -v oc="$ours_cpu" -v sw="$sh_wall" -v sc="$sh_cpu" \
    -v ww="$shw_wall" -v wc="$shw_cpu" 'BEGIN {
  printf "mailwright-cli import:        %6.2f s wall, %6.2f s cpu, %8.0f rows/s\n", ow, oc, n / ow
  printf "sqlite3 .import (rollback):   %6.2f s wall, %6.2f s cpu, %8.0f rows/s\n", sw, sc, n / sw
  printf "sqlite3 .import (WAL):        %6.2f s wall, %6.2f s cpu, %8.0f rows/s\n", ww, wc, n / ww
  printf "ratio ours / sqlite3 .import: %.2f wall, %.2f cpu (target <= 2)\n", ow / sw, oc / sc
}'

# Once: the import as users run it, followed by the derived-metrics refresh (when built in).
rm -f ours.db ours.db-wal ours.db-shm
"$cli" init --db ours.db
start=$(date +%s.%N)
summary=$("$cli" import subscribers --db ours.db --csv "$csv")
end=$(date +%s.%N)
refreshed=$(echo "$summary" | grep -o '"metrics_refreshed":[a-z]*' | cut -d: -f2)
awk -v s="$start" -v e="$end" -v r="$refreshed" 'BEGIN {
  printf "import + metrics refresh:     %6.2f s wall (metrics_refreshed: %s)\n", e - s, r }'

# Where SQLite's single writer puts the floor: the shell's .import into the same columns
# with fewer B-trees (no index at all; only the two UNIQUE constraints; each of them plus
# one secondary index). One run each; the difference is what one more B-tree costs.
floor() {
  local label=$1 ddl=$2
  rm -f floor.db floor.db-wal floor.db-shm floor.txt
  sqlite3 floor.db "PRAGMA page_size=$pagesize;" "PRAGMA journal_mode=wal;" "CREATE TABLE subscribers(
      email TEXT NOT NULL $3, external_id TEXT $3, first_name TEXT, last_name TEXT,
      city TEXT, country TEXT, language TEXT, timezone TEXT, created_at TEXT, status TEXT,
      loyalty_points TEXT, favourite_color TEXT); $ddl" > /dev/null
  timed floor.txt sqlite3 floor.db ".import --csv --skip 1 $csv subscribers"
  awk -v n="$ROWS" -v l="$label" '{printf "  %-34s %6.2f s wall, %6.2f s cpu, %8.0f rows/s\n", l, $1, $2, n / $1}' floor.txt
}
echo "sqlite3 .import (WAL) by number of B-trees:"
floor "table only (1 B-tree)" "" ""
floor "+ UNIQUE email, external_id (3)" "" "UNIQUE"
floor "+ index on country (4)" "CREATE INDEX a ON subscribers(country);" "UNIQUE"
floor "+ index on last_name (4)" "CREATE INDEX b ON subscribers(last_name);" "UNIQUE"
rm -f floor.db floor.db-wal floor.db-shm floor.txt
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
rm -f ours.db ours.db-wal ours.db-shm shell.db shell.db-wal shell.db-shm time.tmp
