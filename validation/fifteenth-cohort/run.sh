#!/bin/sh
# Fifteenth audit: arousal planted into real wrist recordings. Builds the sessions from the rest
# stretches of ../shared/data/e4 (or /work/shared/data/e4) with gen.py (plan.json beside them),
# reviews them with the defaults, reads sessions, moments and the windows back with the jar's
# `sql` (JSON lines) and measures them against plan.json with check.py. Run from anywhere:
#   SR_JAR=jobs/target/session-review.jar sh validation/fifteenth-cohort/run.sh [WORK_DIR]
# (default /tmp/fifteenth-cohort; SEEDS=151,152 by default; about 2.5 minutes here). E4_DATA overrides the
# recordings folder. Python 3 (standard library only) and Java 17.
# Results: WORK_DIR/results.txt and WORK_DIR/result.json. Extra arguments go to `review` (e.g. --set KEY=VALUE).
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
WORK=${1:-/tmp/fifteenth-cohort}
[ $# -gt 0 ] && shift
SEEDS=${SEEDS:-151,152}
SR_JAR=${SR_JAR:-$REPO/jobs/target/session-review.jar}
[ -f "$SR_JAR" ] || { echo "no jar at $SR_JAR: build with mvn -B -q -o -pl pipeline,jobs -am package -DskipTests" >&2; exit 2; }
E4_DATA=${E4_DATA:-}
if [ -z "$E4_DATA" ]; then
  if [ -d "$REPO/../shared/data/e4" ]; then E4_DATA=$REPO/../shared/data/e4; else E4_DATA=/work/shared/data/e4; fi
fi
rm -rf "$WORK"; mkdir -p "$WORK"
python3 "$HERE/gen.py" "$E4_DATA" "$WORK" --seeds "$SEEDS" > "$WORK/gen.txt"
{
  echo "SELECT 'sessions' AS block_marker FROM sessions LIMIT 1;"
  echo "SELECT session_id, anxiety_episodes, missed_opportunities, flagged, priority, baseline_source, flag_reasons FROM sessions;"
  echo "SELECT 'moments' AS block_marker FROM sessions LIMIT 1;"
  echo "SELECT session_id, kind, role, start_s, end_s, severity, evidence FROM moments;"
  echo "SELECT 'windows' AS block_marker FROM sessions LIMIT 1;"
  echo "SELECT session_id, role, start_s, anxiety_index, z_scl, z_hr, z_scr, z_rmssd, z_temp, hr_bpm, eda_scl_us, gross_movement_s, exertion_recovery FROM windows;"
} > "$WORK/tables.sql"
java -jar "$SR_JAR" review --sessions "$WORK/sessions" --out "$WORK/out" --allow-demo-key "$@" > "$WORK/review.log" 2>&1
java -jar "$SR_JAR" sql --tables "$WORK/out" -f "$WORK/tables.sql" --format json > "$WORK/rows.jsonl" 2> "$WORK/sql.err"
python3 "$HERE/check.py" "$WORK/plan.json" "$WORK/rows.jsonl" --json "$WORK/result.json" | tee "$WORK/results.txt"
