#!/bin/sh
# Generates the second independent cohort (main set: dyads 0-7; follow-up set: dyads 8-12, one
# condition each) for seeds 11 12 13, reviews each with the built jar and compares the moments
# with the plan. Run from the repository root after building:
#   sh validation/second-cohort/run.sh [WORK_DIR]
# WORK_DIR defaults to /tmp/second-cohort; SR_JAR to jobs/target/session-review.jar.
# Python 3 (standard library only) and Java 17.
set -e
HERE=$(cd "$(dirname "$0")" && pwd)
WORK=${1:-/tmp/second-cohort}
SR_JAR=${SR_JAR:-jobs/target/session-review.jar}
rm -rf "$WORK"; mkdir -p "$WORK"
for SET in main follow-up; do
  D=$WORK/$SET
  mkdir -p "$D"
  if [ $SET = main ]; then DY=0,1,2,3,4,5,6,7; else DY=8,9,10,11,12; fi
  DYADS=$DY PLAN=$D/plan.json python3 "$HERE/gen.py" "$D/cohort" 11 12 13 > "$D/gen.log"
  java -jar "$SR_JAR" review --sessions "$D/cohort" --out "$D/out" --allow-demo-key > "$D/review.log" 2>&1
  java -jar "$SR_JAR" sql --tables "$D/out" --format csv \
    -e "SELECT session_id, kind, role, start_s, end_s, severity, evidence FROM moments" > "$D/moments.csv"
  (cd "$D" && python3 "$HERE/evaluate.py" plan.json moments.csv > eval.txt 2>&1)
  echo "== $SET"; head -20 "$D/eval.txt"
done
