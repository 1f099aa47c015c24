#!/bin/sh
# sh validation/fourth-cohort/run.sh [WORK]   (SR_JAR: the session-review jar; default jobs/target/session-review.jar)
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
WORK=${1:-/tmp/fourth-cohort}
JAR=${SR_JAR:-$ROOT/jobs/target/session-review.jar}
rm -rf "$WORK"; mkdir -p "$WORK/sessions"
for s in 41 42 43; do python3 "$HERE/gen.py" $s "$WORK/s$s"; done
for s in 44 45 46 47; do python3 "$HERE/gen.py" $s "$WORK/s$s" --nulls 40; done
for d in "$WORK"/s*/S*; do cp -r "$d" "$WORK/sessions/"; done   # copies: symbolic links are not followed
java -jar "$JAR" review --sessions "$WORK/sessions" --out "$WORK/out" --allow-demo-key --quiet > "$WORK/review.log" 2>&1
q() { java -jar "$JAR" sql --tables "$WORK/out" --format csv -e "$1" 2>/dev/null > "$WORK/$2"; }
q "SELECT session_id, synchrony_es, synchrony_percentile, client_leads_share, synchrony_es_client_leads, synchrony_es_therapist_leads, synchrony_share_above_pseudo, synchrony_surrogate_es FROM sessions" sessions.csv
q "SELECT * FROM synchrony" sync.csv
q "SELECT session_id, kind, role, start_s, end_s, severity, evidence FROM moments" moments.csv
q "SELECT session_id, episode_id, start_s, end_s, outcome FROM ruptures" ruptures.csv
python3 "$HERE/evaluate.py" "$WORK"
