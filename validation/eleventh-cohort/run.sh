#!/bin/sh
# Eleventh audit: what a supervisor sees when the shared real wrist recordings go through `review`.
# Builds one client-only session folder per recording of ../shared/data/e4 (or /work/shared/data/e4)
# in WORK_DIR (media_start = the recording's start, duration_s = its EDA length; see
# build_sessions.py), reviews them with the defaults, reads sessions, moments, windows and
# artifacts back with the jar's `sql` (JSON lines), and measures the episodes against the
# recordings' own labels with check.py. A second review with --set scoring.gross_movement_max_s=31
# (no window loses its index to movement: a diagnostic, not a proposed setting) shows what the
# movement rule hides. Run from the repository root after building:
#   sh validation/eleventh-cohort/run.sh [WORK_DIR]      (default /tmp/eleventh-cohort; about 1 minute)
# SR_JAR overrides jobs/target/session-review.jar; E4_DATA overrides the recordings folder.
# Python 3 (standard library only) and Java 17.
# Results: WORK_DIR/results.txt and WORK_DIR/result-defaults.json, WORK_DIR/result-movement-scored.json.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
WORK=${1:-/tmp/eleventh-cohort}
SR_JAR=${SR_JAR:-$REPO/jobs/target/session-review.jar}
[ -f "$SR_JAR" ] || { echo "no jar at $SR_JAR: build with mvn -B -q -o -pl pipeline,jobs -am package -DskipTests" >&2; exit 2; }
E4_DATA=${E4_DATA:-}
if [ -z "$E4_DATA" ]; then
  if [ -d "$REPO/../shared/data/e4" ]; then E4_DATA=$REPO/../shared/data/e4; else E4_DATA=/work/shared/data/e4; fi
fi
rm -rf "$WORK"; mkdir -p "$WORK"
python3 "$HERE/build_sessions.py" "$E4_DATA" "$WORK/sessions" > "$WORK/sessions.txt"
for t in sessions moments windows artifacts; do
  echo "SELECT '$t' AS block_marker FROM sessions LIMIT 1;"
  echo "SELECT * FROM $t;"
done > "$WORK/tables.sql"
: > "$WORK/results.txt"
for variant in defaults movement-scored; do
  if [ "$variant" = defaults ]; then set -- ; else set -- --set scoring.gross_movement_max_s=31; fi
  java -jar "$SR_JAR" review --sessions "$WORK/sessions" --out "$WORK/out-$variant" --allow-demo-key "$@" \
    > "$WORK/review-$variant.log" 2>&1
  java -jar "$SR_JAR" sql --tables "$WORK/out-$variant" -f "$WORK/tables.sql" --format json \
    > "$WORK/rows-$variant.jsonl" 2> "$WORK/sql-$variant.err"
  python3 "$HERE/check.py" "$WORK/rows-$variant.jsonl" "$E4_DATA" --label "$variant" \
    --json "$WORK/result-$variant.json" | tee -a "$WORK/results.txt"
done
