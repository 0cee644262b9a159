#!/usr/bin/env bash
# Render benchmarks (docs/render.md):
#  1. batch-render the sample campaign for 100,000 and 1,000,000 subscribers to .jsonl on
#     2 threads (target: 1M in under 10 s on 2 cores); wall and CPU time, output size;
#     1 vs 2 threads must give byte-identical files.
#  2. single-subscriber re-render after an edit (recompile + render; target < 20 ms).
# Gets BUILD_DIR and WORK_DIR from scripts/run-benchmarks.sh.
set -euo pipefail
BUILD_DIR=${BUILD_DIR:-build}
WORK_DIR=${WORK_DIR:-/tmp/mailwright-bench}
W="$WORK_DIR/render"
mkdir -p "$W"
cmake --build "$BUILD_DIR" --target mailwright-cli bench_render_setup bench_render_edit -j2 >/dev/null
CLI="$BUILD_DIR/app/mailwright-cli"
SETUP="$BUILD_DIR/tests/benchmarks/render/bench_render_setup"
EDIT="$BUILD_DIR/tests/benchmarks/render/bench_render_edit"

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
for n in ${MW_RENDER_BENCH_SIZES:-100000 1000000}; do
  db="$W/render-$n.db"
  t0=$(date +%s.%N)
  "$SETUP" "$db" "$n"
  t1=$(date +%s.%N)
  printf 'setup %d subscribers: %.1f s\n' "$n" "$(echo "$t1 - $t0" | bc)"
  for threads in 2; do
    out="$W/render-$n-t$threads.jsonl"
    /usr/bin/time -f '%e %U %S' -o "$W/time.txt" \
      "$CLI" render --db "$db" --campaign spring-picks --segment everyone --out "$out" \
      --threads "$threads" > "$W/summary.json"
    read -r wall user sys < "$W/time.txt"
    rendered=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["rendered"])' "$W/summary.json")
    mb=$(( $(stat -c %s "$out") / 1000000 ))
    printf 'batch render %d subscribers, %d threads: %s s wall, %s s user + %s s sys CPU (%.1f us CPU per subscriber), %d MB .jsonl\n' \
      "$rendered" "$threads" "$wall" "$user" "$sys" "$(echo "($user + $sys) * 1000000 / $rendered" | bc -l)" "$mb"
  done
  if [ "$n" -le 100000 ]; then
    "$CLI" render --db "$db" --campaign spring-picks --segment everyone --out "$W/render-$n-t1.jsonl" \
      --threads 1 > /dev/null
    if cmp -s "$W/render-$n-t1.jsonl" "$W/render-$n-t2.jsonl"; then
      echo "1 vs 2 threads: byte-identical"
    else
      echo "1 vs 2 threads: DIFFERENT"; exit 1
    fi
    "$EDIT" "$db" 42 200
  fi
  rm -f "$W"/render-"$n"-t*.jsonl
done
