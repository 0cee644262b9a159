#!/usr/bin/env bash
# GUI benchmark: open a 1,000,000-subscriber database in the main window and show the first
# rows (target < 1 s), plus full row count, random scroll jumps, search and detail pane.
# The database is made with plain SQL (make_audience.sql) after `mailwright-cli init`, and
# kept in $WORK_DIR between runs. MW_GUI_BENCH_N changes the size.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
N=${MW_GUI_BENCH_N:-1000000}
DB="$WORK_DIR/gui-audience-$N.db"
cmake --build "$BUILD_DIR" --target bench_gui_open mailwright-cli >/dev/null
if [ ! -s "$DB" ] || [ -e "$DB.partial" ]; then
  rm -f "$DB" "$DB-wal" "$DB-shm"
  touch "$DB.partial"
  echo "creating $DB ($N subscribers, plain SQL) ..."
  start=$(date +%s.%N)
  "$BUILD_DIR/app/mailwright-cli" init --db "$DB"
  sed "s/@N@/$N/g; s/@E@/4/g" "$here/make_audience.sql" | sqlite3 "$DB" >/dev/null
  rm -f "$DB.partial"
  echo "created in $(echo "$(date +%s.%N) - $start" | bc) s"
fi
# Brings an older benchmark database up to the current schema.
"$BUILD_DIR/app/mailwright-cli" init --db "$DB"
echo "database: $DB ($(du -h "$DB" | cut -f1))"
QT_QPA_PLATFORM=offscreen "$BUILD_DIR/tests/benchmarks/gui/bench_gui_open" "$DB" "${MW_GUI_BENCH_RUNS:-3}"
