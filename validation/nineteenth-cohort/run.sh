#!/bin/sh
# Nineteenth audit: the per-window features, baselines and anxiety index recomputed from the
# README's Methods text (recompute.py) and compared value by value with the tables (check.py).
# Sessions: one client-only session per real recording of ../shared/data/e4 (or /work/shared/data/e4;
# built as the eleventh cohort builds them, its build_sessions.py, into WORK_DIR, never into the
# repository) and five synthetic sessions with closed-form features (synth.py). One `review` with
# the defaults, one `sql` call reading windows, baselines, artifacts, sessions, beats and scr back
# as JSON lines. Run from anywhere:
#   SR_JAR=jobs/target/session-review.jar sh validation/nineteenth-cohort/run.sh [WORK_DIR]
# (default /tmp/nineteenth-cohort; about 3 minutes). E4_DATA overrides the recordings folder.
# Python 3 with numpy and scipy, Java 17. Results: WORK_DIR/results.txt, WORK_DIR/result.json.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
WORK=${1:-/tmp/nineteenth-cohort}
[ $# -gt 0 ] && shift
SR_JAR=${SR_JAR:-$REPO/jobs/target/session-review.jar}
[ -f "$SR_JAR" ] || { echo "no jar at $SR_JAR: build with mvn -B -q -o -pl pipeline,jobs -am package -DskipTests" >&2; exit 2; }
E4_DATA=${E4_DATA:-}
if [ -z "$E4_DATA" ]; then
  if [ -d "$REPO/../shared/data/e4" ]; then E4_DATA=$REPO/../shared/data/e4; else E4_DATA=/work/shared/data/e4; fi
fi
rm -rf "$WORK"; mkdir -p "$WORK/sessions"
python3 "$REPO/validation/eleventh-cohort/build_sessions.py" "$E4_DATA" "$WORK/sessions" > "$WORK/sessions.txt"
python3 "$HERE/synth.py" "$WORK/sessions" >> "$WORK/sessions.txt"
for t in windows baselines artifacts sessions beats scr; do
  echo "SELECT '$t' AS block_marker FROM sessions LIMIT 1;"
  echo "SELECT * FROM $t;"
done > "$WORK/tables.sql"
java -jar "$SR_JAR" review --sessions "$WORK/sessions" --out "$WORK/out" --allow-demo-key "$@" > "$WORK/review.log" 2>&1
java -jar "$SR_JAR" sql --tables "$WORK/out" -f "$WORK/tables.sql" --format json > "$WORK/rows.jsonl" 2> "$WORK/sql.err"
python3 "$HERE/check.py" "$WORK/sessions" "$WORK/rows.jsonl" --json "$WORK/result.json" | tee "$WORK/results.txt"
