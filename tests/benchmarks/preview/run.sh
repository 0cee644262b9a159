#!/usr/bin/env bash
# Keystroke-to-updated-preview latency of the campaign editor (sample campaign, real
# WebEngine load), under Xvfb. Gets BUILD_DIR and WORK_DIR from scripts/run-benchmarks.sh.
set -euo pipefail
BUILD_DIR=${BUILD_DIR:-build}
WORK_DIR=${WORK_DIR:-/tmp/mailwright-bench}
mkdir -p "$WORK_DIR"
cmake --build "$BUILD_DIR" --target mailwright-cli mw_preview_bench -j2 >/dev/null
db="$WORK_DIR/preview-bench.db"
rm -f "$db" "$db-wal" "$db-shm"
"$BUILD_DIR/app/mailwright-cli" init --db "$db" --sample 5000 --seed 42 >/dev/null
export QTWEBENGINE_DISABLE_SANDBOX=1 QTWEBENGINE_CHROMIUM_FLAGS=--disable-gpu
xvfb-run -a -s "-screen 0 1600x1000x24" \
  "$BUILD_DIR/tests/benchmarks/preview/mw_preview_bench" --db "$db" --keystrokes "${KEYSTROKES:-200}" 2>/dev/null
