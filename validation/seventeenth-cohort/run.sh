#!/bin/sh
# Seventeenth independent cohort (damaged and unusual input, third round): generate, review twice
# (the second run checks that outputs are deterministic), read the tables with the jar's sql
# command, compare with the plan.
#   sh validation/seventeenth-cohort/run.sh [WORK]      (default /tmp/seventeenth-cohort; seeds in SEEDS, default "171")
#   SR_JAR=path/to/session-review.jar to use another build (default jobs/target/session-review.jar)
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
WORK=${1:-/tmp/seventeenth-cohort}
SEEDS=${SEEDS:-"171"}
SR_JAR=${SR_JAR:-$ROOT/jobs/target/session-review.jar}
[ -f "$SR_JAR" ] || { echo "no jar at $SR_JAR: build with mvn -B -q -o -pl pipeline,jobs -am package -DskipTests" >&2; exit 2; }
sr() { java -jar "$SR_JAR" "$@"; }
TABLES="sessions moments windows scr beats artifacts synchrony ruptures segments trainees clients baselines annotations rejects"
status=0
for seed in $SEEDS; do
  D="$WORK/seed$seed"
  rm -rf "$D"
  mkdir -p "$D"
  python3 "$HERE/gen.py" "$seed" "$D"
  {
    for t in $TABLES; do
      echo "SELECT '$t' AS block FROM sessions LIMIT 1;"
      echo "SELECT * FROM $t;"
    done
  } > "$D/tables.sql"
  for run in 1 2; do
    rc=0
    t0=$(date +%s)
    sr review --sessions "$D/sessions" --out "$D/out$run" --allow-demo-key > "$D/review$run.log" 2>&1 || rc=$?
    echo "$rc" > "$D/review$run.rc"
    echo $(( $(date +%s) - t0 )) > "$D/review$run.seconds"
    sr sql --tables "$D/out$run" --format json -f "$D/tables.sql" > "$D/tables$run.jsonl" 2> "$D/sql$run.log" || true
  done
  echo "== seed $seed"
  python3 "$HERE/check.py" "$D" > "$D/check.txt" || status=1
  cat "$D/check.txt"
done
exit $status
