#!/usr/bin/env bash
# Builds the Liquid libFuzzer target with clang + ASan + UBSan and runs it.
#   bash scripts/fuzz-liquid.sh [SECONDS]        (default 600; 0 = until stopped)
# Build dir: build-fuzz/. Seeds: tests/fuzz/corpus/liquid (in git); new inputs go to
# build-fuzz/corpus/liquid. Crashes land in build-fuzz/fuzz-artifacts/. To refresh the
# seeds with a minimised corpus:
#   build-fuzz/tests/fuzz/fuzz_liquid -merge=1 NEWDIR tests/fuzz/corpus/liquid build-fuzz/corpus/liquid
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_TO_RUN=${1:-600}
SAN="-fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer"
CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DMW_BUILD_GUI=OFF -DMW_BUILD_BENCHMARKS=OFF -DMW_BUILD_FUZZERS=ON \
  "-DCMAKE_CXX_FLAGS=$SAN -fsanitize=fuzzer-no-link" "-DCMAKE_C_FLAGS=$SAN" \
  "-DCMAKE_EXE_LINKER_FLAGS=$SAN" >/dev/null
cmake --build build-fuzz --target fuzz_liquid -j2
mkdir -p tests/fuzz/corpus/liquid build-fuzz/corpus/liquid build-fuzz/fuzz-artifacts
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export ASAN_OPTIONS=detect_leaks=1
exec build-fuzz/tests/fuzz/fuzz_liquid -max_total_time="$SECONDS_TO_RUN" -timeout=10 \
  -rss_limit_mb=2048 -max_len=4096 -dict=tests/fuzz/liquid.dict \
  -artifact_prefix=build-fuzz/fuzz-artifacts/ build-fuzz/corpus/liquid tests/fuzz/corpus/liquid
