#!/usr/bin/env bash
# Sample generator benchmark: generate N subscribers (default 1,000,000) with seed 42 and
# report wall-clock and CPU seconds per stage, events, file size, and a separate metrics
# refresh over the result. The machine is shared, so the load average is printed too: CPU
# seconds are the figure that does not depend on what else is running.
#   MW_BENCH_SUBSCRIBERS=N bash scripts/run-benchmarks.sh generate
set -euo pipefail
: "${BUILD_DIR:?}" "${WORK_DIR:?}"
N=${MW_BENCH_SUBSCRIBERS:-1000000}
BIN="$BUILD_DIR/tests/benchmarks/generate/bench_generate"
cmake --build "$BUILD_DIR" --target bench_generate -j2 >/dev/null
DB="$WORK_DIR/generate-$N.db"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) (2 cores)"
"$BIN" "$DB" "$N" 42
echo "load average after:  $(cut -d' ' -f1-3 /proc/loadavg)"
rm -f "$DB" "$DB-wal" "$DB-shm"
