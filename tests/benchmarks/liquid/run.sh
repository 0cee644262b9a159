#!/usr/bin/env bash
# Liquid benchmark: the ~6 KB email template (email.liquid) rendered for N subscriber
# records (default 100,000; MW_LIQUID_BENCH_N overrides) by
#   * mailwright-cli liquid --data-jsonl (single thread, end to end; stdout redirected to
#     the output file, the same file work as the other two tools -- and once more with
#     --out, which adds fsync and an atomic rename)
#   * bench_liquid with 1 and 2 threads (one shared parsed Template)
#   * liquidjs (npm, installed into $WORK_DIR) and ruby-liquid 5.4
# Every output must be byte-identical to ruby-liquid's. Each tool parses the template once
# and, per record, parses the JSON line and renders. Prints wall-clock and CPU seconds
# (user+sys of the whole process; the machine may be shared, CPU time is the fairer
# figure) and the speed-ups.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
: "${BUILD_DIR:?BUILD_DIR must point at the build directory}"
WORK_DIR=${WORK_DIR:-/tmp/mailwright-bench}
N=${MW_LIQUID_BENCH_N:-100000}
W="$WORK_DIR/liquid"
mkdir -p "$W"
cmake --build "$BUILD_DIR" --target bench_liquid mailwright-cli >/dev/null
CLI="$BUILD_DIR/app/mailwright-cli"
BENCH="$BUILD_DIR/tests/benchmarks/liquid/bench_liquid"
TPL="$HERE/email.liquid"
DATA="$W/data-$N.jsonl"
[ -s "$DATA" ] || python3 "$HERE/gen_data.py" "$N" "$DATA"
if [ ! -d "$W/node_modules/liquidjs" ]; then
  (cd "$W" && npm install --silent --no-audit --no-fund liquidjs@10.30.1 >/dev/null)
fi
cp "$HERE/liquidjs_bench.js" "$W/"
export TZ=UTC

# usage: timed NAME OUTFILE CMD... ; records "NAME wall cpu" in $W/times.txt
timed() {
  local name=$1 out=$2; shift 2
  /usr/bin/time -f "%e %U %S" -o "$W/time.tmp" "$@" > "$W/$name.log" 2> "$W/$name.err"
  read -r wall user sys < "$W/time.tmp"
  echo "$name $wall $(awk "BEGIN{print $user + $sys}") $out" >> "$W/times.txt"
}
# usage: timed_stdout NAME OUTFILE CMD... ; like timed, but the command's stdout is OUTFILE
timed_stdout() {
  local name=$1 out=$2; shift 2
  /usr/bin/time -f "%e %U %S" -o "$W/time.tmp" "$@" > "$out" 2> "$W/$name.err"
  read -r wall user sys < "$W/time.tmp"
  echo "$name $wall $(awk "BEGIN{print $user + $sys}") $out" >> "$W/times.txt"
}
rm -f "$W/times.txt"
echo "template: $(wc -c < "$TPL") bytes, $(grep -o '{{' "$TPL" | wc -l) outputs; records: $N ($(du -h "$DATA" | cut -f1) of JSON lines)"
timed ruby-liquid "$W/out-ruby.html" ruby "$HERE/ruby_bench.rb" "$TPL" "$DATA" "$W/out-ruby.html"
timed liquidjs "$W/out-liquidjs.html" node "$W/liquidjs_bench.js" "$TPL" "$DATA" "$W/out-liquidjs.html"
# The same file work as ruby-liquid's File.binwrite and liquidjs's writeFileSync: truncate
# the existing output file and write it (stdout redirected to the file).
timed_stdout mailwright-cli "$W/out-cli.html" "$CLI" liquid --template "$TPL" --data-jsonl "$DATA" --stats
# With --out the CLI does more: a new temporary file, fsync, then an atomic rename over
# the old output (QSaveFile) -- shown for completeness, not used for the speed-ups.
timed mailwright-cli--out "$W/out-cli-out.html" "$CLI" liquid --template "$TPL" --data-jsonl "$DATA" --out "$W/out-cli-out.html"
timed bench-1-thread "$W/out-t1.html" "$BENCH" "$TPL" "$DATA" "$W/out-t1.html" 1
timed bench-2-threads "$W/out-t2.html" "$BENCH" "$TPL" "$DATA" "$W/out-t2.html" 2

status=0
for f in out-liquidjs out-cli out-cli-out out-t1 out-t2; do
  if cmp -s "$W/out-ruby.html" "$W/$f.html"; then
    echo "identical to ruby-liquid: $f.html ($(wc -c < "$W/$f.html") bytes)"
  else
    echo "MISMATCH: $f.html differs from ruby-liquid's output"; status=1
  fi
done
echo
echo "whole-process figures (JSON parsing + rendering + writing the output):"
printf "%-20s %10s %10s %12s %14s\n" tool wall_s cpu_s renders/s_cpu us/render_cpu
while read -r name wall cpu _; do
  printf "%-20s %10.2f %10.2f %12.0f %14.1f\n" "$name" "$wall" "$cpu" "$(awk "BEGIN{print $N / $cpu}")" "$(awk "BEGIN{print $cpu * 1000000 / $N}")"
done < "$W/times.txt"
echo
echo "bench_liquid internal timings (excluding process start and file reading):"
cat "$W/bench-1-thread.log" "$W/bench-2-threads.log"
# Second view: the per-record loop as each tool times it itself (JSON parse + render of
# every record; no interpreter start-up, no reading of the input). ruby-liquid and liquidjs
# collect the output in memory and write it after the timer; bench_liquid streams it to a
# file inside the timed loop, so its figure is, if anything, pessimistic.
loop_of() { sed -n 's/.*seconds=\([0-9.e+-]*\).*/\1/p' "$W/$1.log" | head -1; }
bench_loop=$(sed -n 's/.*e2e_wall=\([0-9.]*\).*/\1/p' "$W/bench-1-thread.log")
echo
echo "in-process loop, wall seconds as each tool measures it (JSON parse + render per record):"
printf "%-28s %10s %14s\n" tool loop_s us/record
for pair in "ruby-liquid:$(loop_of ruby-liquid)" "liquidjs:$(loop_of liquidjs)" "bench_liquid-1-thread:$bench_loop"; do
  name=${pair%%:*}; sec=${pair#*:}
  printf "%-28s %10.3f %14.1f\n" "$name" "$sec" "$(awk "BEGIN{print $sec * 1000000 / $N}")"
done
cpu_of() { awk -v n="$1" '$1==n {print $3}' "$W/times.txt"; }
wall_of() { awk -v n="$1" '$1==n {print $2}' "$W/times.txt"; }
echo
echo "speed-ups of mailwright single-threaded (mailwright-cli), CPU time:"
ratio() { awk "BEGIN{printf \"%.0fx\", $1 / $2}"; }
echo "  vs liquidjs:    $(ratio "$(cpu_of liquidjs)" "$(cpu_of mailwright-cli)")"
echo "  vs ruby-liquid: $(ratio "$(cpu_of ruby-liquid)" "$(cpu_of mailwright-cli)")"
echo "wall clock: 1 thread $(wall_of bench-1-thread) s, 2 threads $(wall_of bench-2-threads) s; cli $(wall_of mailwright-cli) s, liquidjs $(wall_of liquidjs) s, ruby $(wall_of ruby-liquid) s"
exit $status
