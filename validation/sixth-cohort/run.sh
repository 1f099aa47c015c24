#!/bin/sh
# Sixth independent cohort (time structure of real recordings): generate, review, read the tables
# with the jar's sql command, compare with the plan.
#   sh validation/sixth-cohort/run.sh [WORK]      (default /tmp/sixth-cohort; seeds in SEEDS, default "61 62")
#   SR_JAR=path/to/session-review.jar to use another build (default jobs/target/session-review.jar)
# One seed takes about 1.5 minutes on a 2-core machine (generation 10 s, review 30 s, sql 15 s), both 3.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
WORK=${1:-/tmp/sixth-cohort}
SEEDS=${SEEDS:-"61 62"}
SR_JAR=${SR_JAR:-$ROOT/jobs/target/session-review.jar}
[ -f "$SR_JAR" ] || { echo "no jar at $SR_JAR: build with mvn -B -q -o -pl pipeline,jobs -am package -DskipTests" >&2; exit 2; }
sr() { java -jar "$SR_JAR" "$@"; }
F="session_id LIKE 'F%'"
for seed in $SEEDS; do
  D="$WORK/seed$seed"
  rm -rf "$D"
  mkdir -p "$D"
  python3 "$HERE/gen.py" "$seed" "$D"
  sr review --sessions "$D/sessions" --out "$D/out" --allow-demo-key > "$D/review.log" 2>&1 \
    || { echo "review failed for seed $seed (see $D/review.log)" >&2; exit 1; }
  {
    for q in \
      "sessions|SELECT * FROM sessions" \
      "moments|SELECT session_id, kind, role, start_s, end_s, severity FROM moments" \
      "windows|SELECT * FROM windows" \
      "baselines|SELECT * FROM baselines" \
      "artifacts|SELECT * FROM artifacts WHERE channel = 'E4'" \
      "synchrony|SELECT session_id, signal, start_s, end_s, z_lag0, valid_share, status FROM synchrony" \
      "rejects|SELECT session_id, source_file, line, reason FROM rejects" \
      "f_windows|SELECT * FROM windows WHERE $F" \
      "f_scr|SELECT * FROM scr WHERE $F" \
      "f_beats|SELECT * FROM beats WHERE $F" \
      "f_artifacts|SELECT * FROM artifacts WHERE $F" \
      "f_synchrony|SELECT * FROM synchrony WHERE $F" \
      "f_baselines|SELECT * FROM baselines WHERE $F" \
      "f_moments|SELECT * FROM moments WHERE $F"; do
      echo "SELECT '${q%%|*}' AS block FROM sessions LIMIT 1;"
      echo "${q#*|};"
    done
  } > "$D/tables.sql"
  sr sql --tables "$D/out" --format json -f "$D/tables.sql" > "$D/tables.jsonl"
  echo "== seed $seed"
  python3 "$HERE/check.py" "$D" | tee "$D/check.txt"
done
