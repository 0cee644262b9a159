#!/usr/bin/env bash
# Installs everything Mailwright needs on Debian 12 (as root) and builds it into build/.
# Idempotent: packages already present are skipped quickly; the build is incremental.
set -euo pipefail
cd "$(dirname "$0")/.."

PACKAGES=(
  # toolchain
  cmake ninja-build g++ clang libclang-rt-14-dev clang-format
  # Qt 6.4 (Widgets, Charts, Sql, WebEngine, Test, Linguist)
  qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite qt6-charts-dev qt6-webengine-dev
  qt6-webengine-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  libgl-dev libvulkan-dev libxkbcommon-dev
  # libraries
  libboost-dev libsqlite3-dev sqlite3
  libssl-dev # OpenSSL libcrypto: hardware SHA-256 for batch-render digests (core/render)
  # GUI tests and screenshots
  xvfb xauth imagemagick fonts-liberation fonts-dejavu-core
  qt6-translations-l10n # Qt's own strings (dialog buttons) in the GUI's languages
  # references for differential tests: Shopify Liquid, SciPy/statsmodels
  ruby ruby-liquid python3-scipy python3-statsmodels
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  if [ "$(id -u)" -ne 0 ]; then
    echo "setup: need root to install: ${missing[*]}" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

BUILD_DIR=${MW_BUILD_DIR:-build}
cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=${MW_BUILD_TYPE:-RelWithDebInfo} >/dev/null
cmake --build "$BUILD_DIR" --parallel "$(nproc)"
