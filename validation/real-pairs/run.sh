#!/bin/sh
# Synchrony of unrelated real people: Stress-Predict S01-S08 paired as client and therapist (every
# unordered pair, protocol-aligned and 10 minutes offset; build_pairs.py), reviewed with the
# defaults, the synchrony read back with the jar's `sql` and judged by check.py against the null.
# Run from the repository root after building:
#   sh validation/real-pairs/run.sh [WORK_DIR]      (default /tmp/real-pairs; about 2 minutes)
# SR_JAR overrides jobs/target/session-review.jar; E4_DATA overrides the recordings folder.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
WORK=${1:-/tmp/real-pairs}
SR_JAR=${SR_JAR:-$REPO/jobs/target/session-review.jar}
[ -f "$SR_JAR" ] || { echo "no jar at $SR_JAR: build with mvn -B -q -o -pl pipeline,jobs -am package -DskipTests" >&2; exit 2; }
E4_DATA=${E4_DATA:-}
if [ -z "$E4_DATA" ]; then
  if [ -d "$REPO/../shared/data/e4" ]; then E4_DATA=$REPO/../shared/data/e4; else E4_DATA=/work/shared/data/e4; fi
fi
rm -rf "$WORK"; mkdir -p "$WORK"
python3 "$HERE/build_pairs.py" "$E4_DATA" "$WORK/sessions" > "$WORK/sessions.txt"
java -jar "$SR_JAR" review --sessions "$WORK/sessions" --out "$WORK/out" --allow-demo-key > "$WORK/review.log" 2>&1
java -jar "$SR_JAR" sql --tables "$WORK/out" --format csv -e "SELECT session_id, synchrony_es,
  synchrony_percentile, synchrony_surrogate_es, synchrony_share_above_pseudo FROM sessions ORDER BY session_id" \
  > "$WORK/sessions.csv" 2> "$WORK/sql.err"
java -jar "$SR_JAR" sql --tables "$WORK/out" --format csv -e "SELECT CASE WHEN session_id LIKE '%aligned'
  THEN 'aligned' ELSE 'offset' END AS v, signal, COUNT(*) AS n, AVG(CASE WHEN z_lag0 > 0 THEN 1.0 ELSE 0.0 END)
  AS share_pos, AVG(z_lag0) AS mean_z0, AVG(mean_abs_z) AS mean_abs FROM synchrony WHERE status = 'ok'
  GROUP BY CASE WHEN session_id LIKE '%aligned' THEN 'aligned' ELSE 'offset' END, signal ORDER BY v, signal" \
  > "$WORK/windows.csv" 2>> "$WORK/sql.err"
python3 "$HERE/overlap.py" "$E4_DATA" | tee "$WORK/results.txt"
# check.py's exit code is the script's (a pipe into tee would hide it)
python3 "$HERE/check.py" "$WORK/sessions.csv" "$WORK/windows.csv" > "$WORK/check.txt" && status=0 || status=$?
cat "$WORK/check.txt" | tee -a "$WORK/results.txt"
exit "$status"
