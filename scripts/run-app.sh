#!/usr/bin/env bash
# One command: install, build, create a sample database if there is none, launch the GUI.
#   bash scripts/run-app.sh [DATABASE]      (default: ~/.local/share/Mailwright/sample.db)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
BUILD_DIR=${MW_BUILD_DIR:-build}
DB=${1:-${HOME}/.local/share/Mailwright/sample.db}
if [ ! -s "$DB" ]; then
  mkdir -p "$(dirname "$DB")"
  echo "Creating a sample database at $DB ..."
  "$BUILD_DIR/app/mailwright-cli" init --db "$DB" --sample "${MW_SAMPLE_SIZE:-20000}" --seed 42
fi
# WebEngine cannot use its sandbox as root, and has no GPU in a VM or under Xvfb.
if [ "$(id -u)" -eq 0 ]; then export QTWEBENGINE_DISABLE_SANDBOX=1; fi
export QTWEBENGINE_CHROMIUM_FLAGS=${QTWEBENGINE_CHROMIUM_FLAGS:---disable-gpu}
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "No display found; running under Xvfb (xvfb-run)." >&2
  exec xvfb-run -a -s "-screen 0 1600x1000x24" "$BUILD_DIR/app/mailwright" "$DB"
fi
exec "$BUILD_DIR/app/mailwright" "$DB"
