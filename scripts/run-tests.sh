#!/usr/bin/env bash
# One command: install, build, run every test with CTest (GUI tests under Xvfb).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
BUILD_DIR=${MW_BUILD_DIR:-build}
export QTWEBENGINE_DISABLE_SANDBOX=1 QTWEBENGINE_CHROMIUM_FLAGS=--disable-gpu
cd "$BUILD_DIR"
xvfb-run -a -s "-screen 0 1600x1000x24" ctest --output-on-failure --parallel "$(nproc)" "$@"
