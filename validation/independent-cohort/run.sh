#!/bin/sh
# Generates the independent cohort for each seed, reviews it with the built jar and compares the
# tables with the plan; then pools the seeds. Run from the repository root after building:
#   sh validation/independent-cohort/run.sh [WORK_DIR] [SEED ...]
# WORK_DIR defaults to /tmp/independent-cohort, the seeds to 20261207 2 3; SR_JAR to
# jobs/target/session-review.jar. Python 3 (standard library only) and Java 17.
set -e
HERE=$(cd "$(dirname "$0")" && pwd)
WORK=${1:-/tmp/independent-cohort}
[ $# -gt 0 ] && shift
SEEDS=${*:-20261207 2 3}
SR_JAR=$(cd "$(dirname "${SR_JAR:-jobs/target/session-review.jar}")" && pwd)/$(basename "${SR_JAR:-jobs/target/session-review.jar}")
export SR_JAR
RESULTS=""
for S in $SEEDS; do
  D=$WORK/seed_$S
  rm -rf "$D"; mkdir -p "$D"
  python3 "$HERE/gen_cohort.py" --out "$D/cohort" --seed "$S" > "$D/gen.log"
  java -jar "$SR_JAR" review --sessions "$D/cohort" --out "$D/out" --allow-demo-key > "$D/review.log" 2>&1
  python3 "$HERE/eval_review.py" --plan "$D/plan.json" --out "$D/out" --tag "$S" > "$D/eval.txt" 2>&1
  RESULTS="$RESULTS $D/results_$S.json"
done
python3 "$HERE/aggregate.py" $RESULTS | tee "$WORK/aggregate.txt"
