#!/bin/sh
# Fifth independent cohort (the aggregate tables): generate, review, report, export, run the shipped
# queries, evaluate.
#   sh validation/fifth-cohort/run.sh [WORK]      (default /tmp/fifth-cohort; seeds in SEEDS, default "51")
#   SR_JAR=path/to/session-review.jar to use another build (default jobs/target/session-review.jar)
# One seed takes 5-10 minutes on a 2-core machine (generation 1 min, review 1.5 min, report, export
# and two `sql` calls 2.5 min).
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
WORK=${1:-/tmp/fifth-cohort}
SEEDS=${SEEDS:-"51"}
SR_JAR=${SR_JAR:-$ROOT/jobs/target/session-review.jar}
[ -f "$SR_JAR" ] || { echo "no jar at $SR_JAR: build with mvn -B -q -DskipTests package" >&2; exit 2; }
sr() { java -jar "$SR_JAR" "$@"; }
# each statement's result is one block of JSON lines; evaluate.py splits them on the blank lines
strip() { sed -e 's/;[[:space:]]*$//' "$1"; }
for seed in $SEEDS; do
  D="$WORK/seed$seed"
  rm -rf "$D"
  mkdir -p "$D"
  python3 "$HERE/gen.py" "$seed" "$D"
  sr review --sessions "$D/sessions" --out "$D/out" --pseudonym-key-file "$D/site.key" > "$D/review.log" 2>&1 \
    || { echo "review failed for seed $seed (see $D/review.log)" >&2; exit 1; }
  sr report --tables "$D/out" --out "$D/report" --video-url-pattern 'file:///videos/{session_id}.mp4' > "$D/report.log" 2>&1
  sr export --audience research --tables "$D/out" --out "$D/research" --pseudonym-key-file "$D/site.key" > "$D/export.log" 2>&1
  {
    echo "SELECT * FROM sessions;"
    echo "SELECT session_id, kind, role, start_s, end_s, severity FROM moments;"
    echo "SELECT session_id, episode_id, class, start_s, end_s, outcome, time_to_first_repair_s FROM ruptures;"
    echo "SELECT * FROM trainees;"
    echo "SELECT * FROM clients;"
    echo "SELECT session_id, code, actor, start_s FROM annotations;"
    echo "SELECT session_id, start_s, end_s, anxiety_index FROM windows WHERE role = 'client';"
    for q in supervisor_queue trainer_comparison research_anxiety_in_ruptures; do
      strip "$ROOT/queries/$q.sql"; echo ";"
    done
  } > "$D/review.sql"
  sr sql --tables "$D/out" --format json -f "$D/review.sql" > "$D/review.jsonl"
  printf 'SELECT * FROM sessions;\nSELECT * FROM trainees;\nSELECT * FROM clients;\nSELECT * FROM moments;\n' > "$D/research.sql"
  sr sql --tables "$D/research" --format json -f "$D/research.sql" > "$D/research.jsonl"
  echo "== seed $seed"
  python3 "$HERE/evaluate.py" "$D" --json "$D/result.json" | tee "$D/evaluation.txt"
done
