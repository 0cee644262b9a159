#!/usr/bin/env bash
# Segment counts on a 1,000,000-subscriber / ~20M-event database, each next to hand-written
# SQL for the same question run in the sqlite3 shell on the same file.
#   (a) attribute only  (b) one behavioural window  (c) engagement score
#   (d) nested any/all with an excluded saved segment
# Targets: each count within 1.2x of the hand-written SQL, (b) under 1.5 s.
# Uses `mailwright-cli init --sample 1000000 --seed 1`; while the sample generator is not
# available it falls back to synthetic.sql (same size, deterministic) and says so.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
BUILD_DIR=${BUILD_DIR:-$HERE/../../../build}
WORK_DIR=${WORK_DIR:-/tmp/mailwright-bench}
CLI="$BUILD_DIR/app/mailwright-cli"
DB="$WORK_DIR/segments-1m.db"
RUNS=${SEGMENT_BENCH_RUNS:-5}
mkdir -p "$WORK_DIR"
[ -x "$CLI" ] || { echo "build mailwright-cli first ($CLI)"; exit 1; }

events() { sqlite3 "$1" "SELECT count(*) FROM events" 2>/dev/null || echo 0; }
if [ ! -f "$DB" ] || [ "$(events "$DB")" -lt 1000000 ]; then
  rm -f "$DB" "$DB-wal" "$DB-shm"
  echo "creating $DB (1,000,000 subscribers) ..."
  if "$CLI" init --db "$DB" --sample 1000000 --seed 1 2>"$WORK_DIR/segments-init.err" &&
     [ "$(events "$DB")" -ge 1000000 ]; then
    DATA="sample generator (init --sample 1000000 --seed 1)"
  else
    echo "note: init --sample is not available here ($(head -c 200 "$WORK_DIR/segments-init.err"));"
    echo "      using tests/benchmarks/segments/synthetic.sql instead"
    rm -f "$DB" "$DB-wal" "$DB-shm"
    "$CLI" init --db "$DB"
    sqlite3 "$DB" < "$HERE/synthetic.sql"
    echo synthetic > "$DB.synthetic"
  fi
fi
[ -f "$DB.synthetic" ] && DATA="synthetic.sql (sample generator not available)" || DATA=${DATA:-"sample generator"}

q() { sqlite3 "$DB" "$1"; }
NOW=$(q "SELECT coalesce((SELECT value FROM meta WHERE key = 'reference_time'), strftime('%s','now'))")
SUBS=$(q "SELECT count(*) FROM subscribers"); EVENTS=$(events "$DB")
echo "data: $DATA; $SUBS subscribers, $EVENTS events, reference time $NOW"
echo "sqlite $(sqlite3 --version | cut -d' ' -f1), $(nproc) cores"

# Parameters taken from the data so every case selects a real, non-trivial audience.
IFS='|' read -r AKEY AVAL <<< "$(q "SELECT j.key, j.value FROM (SELECT attributes FROM subscribers LIMIT 20000) s,
    json_each(s.attributes) j WHERE j.type = 'text' GROUP BY 1, 2 ORDER BY count(*) DESC LIMIT 1")"
SCORE=$(q "SELECT engagement_score FROM subscriber_metrics ORDER BY engagement_score
    LIMIT 1 OFFSET (SELECT count(*) * 7 / 10 FROM subscriber_metrics)")
# Among buyers: most subscribers have no lifetime value, and ">= 0" would exclude everyone.
LTV=$(q "SELECT lifetime_value FROM subscriber_metrics WHERE lifetime_value > 0 ORDER BY lifetime_value
    LIMIT 1 OFFSET (SELECT count(*) * 85 / 100 FROM subscriber_metrics WHERE lifetime_value > 0)")
TIER=$(q "SELECT engagement_tier FROM subscriber_metrics GROUP BY 1 ORDER BY count(*) DESC LIMIT 1")
read -r C1 C2 <<< "$(q "SELECT country FROM subscribers WHERE country IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 2" | tr '\n' ' ')"
PURCHASE=$(q "SELECT id FROM event_types WHERE name = 'purchase'"); OPEN=$(q "SELECT id FROM event_types WHERE name = 'open'")
D30=$((NOW - 30 * 86400)); D14=$((NOW - 14 * 86400)); D365=$((NOW - 365 * 86400))
sqlesc() { printf "%s" "$1" | sed "s/'/''/g"; }
jsonesc() { printf "%s" "$1" | sed 's/\\/\\\\/g; s/"/\\"/g'; }

cat > "$WORK_DIR/seg-a.json" <<JSON
{"match":"all","conditions":[{"field":"attributes.$AKEY","op":"=","value":"$(jsonesc "$AVAL")"}]}
JSON
cat > "$WORK_DIR/seg-b.json" <<JSON
{"match":"all","conditions":[{"event":"purchase","count":">= 1","within_days":30}]}
JSON
cat > "$WORK_DIR/seg-c.json" <<JSON
{"match":"all","conditions":[{"field":"metrics.engagement_score","op":">=","value":$SCORE}]}
JSON
cat > "$WORK_DIR/seg-vip.json" <<JSON
{"match":"all","conditions":[{"field":"metrics.lifetime_value","op":">=","value":$LTV}]}
JSON
cat > "$WORK_DIR/seg-d.json" <<JSON
{"match":"all","conditions":[
  {"field":"country","op":"in","value":["$C1","$C2"]},
  {"match":"any","conditions":[
    {"event":"open","count":">= 1","within_days":14},
    {"match":"all","conditions":[
      {"field":"metrics.engagement_tier","op":"=","value":"$(jsonesc "$TIER")"},
      {"field":"created_at","op":"within_last_days","value":365}]}]},
  {"segment":"bench_vip","negate":true}]}
JSON
"$CLI" segment save --db "$DB" --name bench_vip --definition "$WORK_DIR/seg-vip.json" >/dev/null

HAND_A="SELECT count(*) FROM subscribers WHERE status = 'subscribed'
  AND json_extract(attributes, '\$.$AKEY') = '$(sqlesc "$AVAL")';"
# (b) has two idiomatic hand-written forms; the faster one is the reference.
HAND_B1="SELECT count(*) FROM subscribers WHERE status = 'subscribed' AND id IN
  (SELECT subscriber_id FROM events WHERE type = $PURCHASE AND occurred_at BETWEEN $D30 AND $NOW);"
HAND_B2="SELECT count(*) FROM subscribers s WHERE s.status = 'subscribed' AND EXISTS
  (SELECT 1 FROM events e WHERE e.subscriber_id = s.id AND e.type = $PURCHASE
   AND e.occurred_at BETWEEN $D30 AND $NOW);"
HAND_C="SELECT count(*) FROM subscribers s JOIN subscriber_metrics m ON m.subscriber_id = s.id
  WHERE s.status = 'subscribed' AND m.engagement_score >= $SCORE;"
HAND_D="SELECT count(*) FROM subscribers s WHERE s.status = 'subscribed' AND s.country IN ('$C1', '$C2')
  AND (EXISTS (SELECT 1 FROM events e WHERE e.subscriber_id = s.id AND e.type = $OPEN
               AND e.occurred_at BETWEEN $D14 AND $NOW)
       OR (s.id IN (SELECT subscriber_id FROM subscriber_metrics WHERE engagement_tier = '$(sqlesc "$TIER")')
           AND s.created_at BETWEEN $D365 AND $NOW))
  AND s.id NOT IN (SELECT m.subscriber_id FROM subscriber_metrics m JOIN subscribers v ON v.id = m.subscriber_id
                   WHERE v.status = 'subscribed' AND m.lifetime_value >= $LTV);"

# Best of $RUNS, in milliseconds, our count and the hand-written SQL taking turns so that
# load from other processes hits both alike. Ours: elapsed_ms of `segment count` (compile,
# including its event-frequency probe, and count, in process). Hand-written: the sqlite3
# shell's .timer (query only, no parsing of anything of ours).
# Each prints "count wall_ms cpu_ms".
ours_once() {
  local out
  out=$("$CLI" segment count --db "$DB" --definition "$1")
  printf "%s %s %s\n" "$(printf "%s" "$out" | sed -E 's/.*"count":([0-9]+).*/\1/')" \
    "$(printf "%s" "$out" | sed -E 's/.*"elapsed_ms":([0-9.]+).*/\1/')" \
    "$(printf "%s" "$out" | sed -E 's/.*"cpu_ms":([0-9.]+).*/\1/')"
}
hand_once() {
  local out
  out=$(printf ".timer on\n%s\n" "$1" | sqlite3 "$DB")
  printf "%s %s\n" "$(printf "%s\n" "$out" | head -1)" \
    "$(printf "%s\n" "$out" | sed -nE 's/^Run Time: real ([0-9.]+) user ([0-9.]+) sys ([0-9.]+).*/\1 \2 \3/p' |
       awk '{ printf "%.1f %.1f", $1 * 1000, ($2 + $3) * 1000 }')"
}
# Our compiled SQL with its parameters written in as literals, for the shell: separates the
# quality of the SQL from process and cache effects.
literal_sql() {
  "$CLI" segment sql --db "$DB" --definition "$1" --format json | /usr/bin/python3 -c '
import json, sys
d = json.load(sys.stdin)
params = iter(d["parameters"])
def lit(p):
    return "\x27" + p.replace("\x27", "\x27\x27") + "\x27" if isinstance(p, str) else repr(p)
sql = "".join(lit(next(params)) if ch == "?" else ch for ch in d["sql"])
print(sql.replace("SELECT s.id FROM", "SELECT count(*) FROM", 1).replace(" ORDER BY s.id", "") + ";")'
}
min() { awk -v a="$1" -v b="$2" 'BEGIN { print (a == "" || b + 0 < a + 0) ? b : a }'; }
measure() { # definition.json "hand SQL" ["second hand SQL"] -> count ms hcount hms [h2count h2ms]
  local oc om="" hc hm="" h2c="" h2m="" c m u lit sm="" sc
  lit=$(literal_sql "$1")
  for _ in $(seq "$RUNS"); do
    read -r oc m u <<< "$(ours_once "$1")"; om=$(min "$om" "$m"); OCPU=$(min "${OCPU:-}" "$u")
    read -r sc m u <<< "$(hand_once "$lit")"; sm=$(min "$sm" "$m")
    read -r hc m u <<< "$(hand_once "$2")"; hm=$(min "$hm" "$m"); HCPU=$(min "${HCPU:-}" "$u")
    if [ -n "${3:-}" ]; then read -r h2c m u <<< "$(hand_once "$3")"; h2m=$(min "$h2m" "$m"); H2CPU=$(min "${H2CPU:-}" "$u"); fi
  done
  echo "$OCPU $HCPU ${H2CPU:-}" > "$WORK_DIR/seg-cpu.txt"
  [ "$sc" = "$oc" ] || sm="$sm(count:$sc!)"
  echo "$oc $om $sm $hc $hm $h2c $h2m"
}

status=0
echo "ours_ms: segment count's elapsed_ms; ours_sql: our compiled SQL run in the sqlite3 shell;"
echo "hand_ms: hand-written SQL in the sqlite3 shell; best of $RUNS, taking turns; ratio = ours_ms / hand_ms"
echo "cpu: process CPU ms of the same best runs (ours: cpu_ms of segment count; hand: user+sys of the shell)"
printf "%-34s %8s %10s %10s %10s %6s %8s %8s %6s  %s\n" case count ours_ms ours_sql hand_ms ratio our_cpu hand_cpu cpu_r verdict
report() { # name ours_count ours_ms hand_count hand_ms [limit_ms] [hand form] (global: SM)
  local ratio verdict="ok"
  ratio=$(awk -v a="$3" -v b="$5" 'BEGIN { printf "%.2f", a / b }')
  if [ "$2" != "$4" ]; then verdict="COUNT MISMATCH ($4)"; status=1; fi
  if awk -v r="$ratio" 'BEGIN { exit !(r > 1.2) }'; then verdict="$verdict; slower than 1.2x"; status=1; fi
  if [ -n "${6:-}" ] && awk -v a="$3" -v l="$6" 'BEGIN { exit !(a > l) }'; then verdict="$verdict; over ${6} ms"; status=1; fi
  local oc hcpu h2 cratio
  read -r oc hcpu h2 < "$WORK_DIR/seg-cpu.txt"
  if [ "${7:-}" = 2 ]; then hcpu=$h2; fi
  cratio=$(awk -v a="$oc" -v b="$hcpu" 'BEGIN { printf "%.2f", (b > 0) ? a / b : 0 }')
  printf "%-34s %8s %10s %10s %10s %6s %8s %8s %6s  %s\n" "$1" "$2" "$3" "$SM" "$5" "$ratio" "$oc" "$hcpu" "$cratio" "$verdict"
}
read -r ca ma SM ha ta _ <<< "$(measure "$WORK_DIR/seg-a.json" "$HAND_A")"
report "(a) attributes.$AKEY = $AVAL" "$ca" "$ma" "$ha" "$ta"
read -r cb mb SM hb1 tb1 hb2 tb2 <<< "$(measure "$WORK_DIR/seg-b.json" "$HAND_B1" "$HAND_B2")"
if awk -v a="$tb1" -v b="$tb2" 'BEGIN { exit !(a <= b) }'; then hb=$hb1; tb=$tb1; form=1; else hb=$hb2; tb=$tb2; form=2; fi
report "(b) purchase >= 1 in 30 days" "$cb" "$mb" "$hb" "$tb" 1500 "$form"
echo "    hand-written IN form ${tb1} ms, EXISTS form ${tb2} ms (count $hb2)"
read -r cc mc SM hc tc _ <<< "$(measure "$WORK_DIR/seg-c.json" "$HAND_C")"
report "(c) engagement_score >= $SCORE" "$cc" "$mc" "$hc" "$tc"
read -r cd md SM hd td _ <<< "$(measure "$WORK_DIR/seg-d.json" "$HAND_D")"
report "(d) nested any/all, not in vip" "$cd" "$md" "$hd" "$td"
# Membership one subscriber at a time, as a preview render asks (built with the benchmarks).
CONTAINS="$BUILD_DIR/tests/benchmarks/segments/segments_contains"
[ -x "$CONTAINS" ] && "$CONTAINS" "$DB" bench_vip 1000
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
exit $status
