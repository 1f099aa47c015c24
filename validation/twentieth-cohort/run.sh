#!/bin/sh
# Twentieth independent cohort (a real archive: the files tools and the clinic leave beside the
# codings, and how archives are filed): generate, review twice (the second run checks that the
# outputs are deterministic; the first runs under strace, when installed, to see which files the
# review opens), read the tables with the jar's sql command, compare with the plan.
#   sh validation/twentieth-cohort/run.sh [WORK] [SEED]   (default /tmp/twentieth-cohort, seed 201)
#   SR_JAR=path/to/session-review.jar to use another build (default jobs/target/session-review.jar)
#   SCALE="50 500" also reviews 50 and 500 small session folders filed by trainee, once each, and
#   prints the seconds and the largest resident set of each (run time should grow about linearly)
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
WORK=${1:-/tmp/twentieth-cohort}
SEED=${2:-201}
SR_JAR=${SR_JAR:-$ROOT/jobs/target/session-review.jar}
[ -f "$SR_JAR" ] || { echo "no jar at $SR_JAR: build with mvn -B -q -o -pl pipeline,jobs -am package -DskipTests" >&2; exit 2; }
TIME=""
[ -x /usr/bin/time ] && TIME="/usr/bin/time -v"
TABLES="sessions moments annotations rejects"
D="$WORK/seed$SEED"
rm -rf "$D"
mkdir -p "$D"
python3 "$HERE/gen.py" "$SEED" "$D"
{
  for t in $TABLES; do
    echo "SELECT '$t' AS block FROM sessions LIMIT 1;"
    echo "SELECT * FROM $t;"
  done
} > "$D/tables.sql"
for run in 1 2; do
  rc=0
  wrap=$TIME
  if [ $run = 1 ] && command -v strace > /dev/null 2>&1; then
    wrap="strace -f -qq -e trace=open,openat -o $D/strace1.txt"
  fi
  t0=$(date +%s)
  $wrap java -jar "$SR_JAR" review --sessions "$D/archive" --out "$D/out$run" --allow-demo-key > "$D/review$run.log" 2>&1 || rc=$?
  echo "$rc" > "$D/review$run.rc"
  echo $(( $(date +%s) - t0 )) > "$D/review$run.seconds"
  java -jar "$SR_JAR" sql --tables "$D/out$run" --format json -f "$D/tables.sql" > "$D/tables$run.jsonl" 2> "$D/sql$run.log" || true
done
status=0
echo "== seed $SEED"
python3 "$HERE/check.py" "$D" > "$D/check.txt" || status=1
cat "$D/check.txt"
for n in ${SCALE:-}; do
  S="$WORK/scale"
  rm -rf "$S/scale-$n" "$S/out-$n"
  mkdir -p "$S"
  python3 "$HERE/gen.py" "$SEED" "$S" scale "$n"
  t0=$(date +%s)
  $TIME java -jar "$SR_JAR" review --sessions "$S/scale-$n" --out "$S/out-$n" --allow-demo-key > "$S/review-$n.log" 2>&1 || status=1
  secs=$(( $(date +%s) - t0 ))
  rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$S/review-$n.log")
  echo "scale: $n session folders reviewed in $secs s, largest resident set ${rss:-?} kB ($(grep -c '^\[' "$S/review-$n.log") sessions on the console)"
done
exit $status
