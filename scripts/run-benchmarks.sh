#!/usr/bin/env bash
# Runs the benchmarks in tests/benchmarks/<area>/run.sh (all areas, or those named).
# Each run.sh gets BUILD_DIR (absolute), WORK_DIR (scratch space) and prints its figures.
#   bash scripts/run-benchmarks.sh [AREA ...]
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# The Liquid benchmark compares against liquidjs, installed from npm into WORK_DIR.
if ! command -v npm >/dev/null 2>&1; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nodejs npm
fi
export BUILD_DIR=$(cd "${MW_BUILD_DIR:-build}" && pwd)
export WORK_DIR=${MW_BENCH_DIR:-/tmp/mailwright-bench}
mkdir -p "$WORK_DIR"
export QTWEBENGINE_DISABLE_SANDBOX=1 QTWEBENGINE_CHROMIUM_FLAGS=--disable-gpu
areas=("$@")
if ((${#areas[@]} == 0)); then
  for d in tests/benchmarks/*/; do [ -f "$d/run.sh" ] && areas+=("$(basename "$d")"); done
fi
for a in "${areas[@]}"; do
  echo "== benchmark: $a =="
  bash "tests/benchmarks/$a/run.sh"
done
