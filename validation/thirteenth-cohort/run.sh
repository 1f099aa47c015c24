#!/bin/sh
# Thirteenth cohort (one coding in 37 export variants of ELAN, BORIS and the native formats):
# generate, review, read five tables back with one sql call, compare with plan.json (exit 1 on a mismatch).
#   SR_JAR=path/to/session-review.jar sh validation/thirteenth-cohort/run.sh [WORK]   (default /tmp/thirteenth-cohort, SEED 13)
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
WORK=${1:-/tmp/thirteenth-cohort}
SEED=${SEED:-13}
SR_JAR=${SR_JAR:-$ROOT/jobs/target/session-review.jar}
[ -f "$SR_JAR" ] || { echo "no jar at $SR_JAR: build with mvn -B -q -o -pl pipeline,jobs -am package -DskipTests" >&2; exit 2; }
rm -rf "$WORK"
mkdir -p "$WORK"
python3 "$HERE/gen.py" "$SEED" "$WORK"
rc=0
java -jar "$SR_JAR" review --sessions "$WORK/sessions" --out "$WORK/out" --allow-demo-key > "$WORK/review.log" 2>&1 || rc=$?
echo "review exit code $rc (log: $WORK/review.log)"
{
  for t in annotations ruptures moments sessions rejects; do
    echo "SELECT '$t' AS block FROM sessions LIMIT 1;"
    echo "SELECT * FROM $t;"
  done
} > "$WORK/tables.sql"
java -jar "$SR_JAR" sql --tables "$WORK/out" --format json -f "$WORK/tables.sql" > "$WORK/tables.jsonl" 2> "$WORK/sql.log"
crc=0
python3 "$HERE/check.py" "$WORK/plan.json" "$WORK/tables.jsonl" > "$WORK/check.txt" || crc=$?
cat "$WORK/check.txt"
exit "$crc"
