#!/bin/sh
# Twenty-first independent audit (identity canaries): generate the cohort, review it twice with a
# site key (the second run checks the outputs are identical), make the report and the research
# export, dump every table of the review and of the export with the jar's sql command (Parquet
# pages are compressed: grepping the files alone proves nothing), then search every output byte,
# every table cell and every console line for the canaries (check.py).
#   sh validation/twenty-first-cohort/run.sh [WORK] [SEED]   (default /tmp/twenty-first-cohort, seed 211)
#   SR_JAR=path/to/session-review.jar to use another build (default jobs/target/session-review.jar)
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
WORK=${1:-/tmp/twenty-first-cohort}
SEED=${2:-211}
SR_JAR=${SR_JAR:-$ROOT/jobs/target/session-review.jar}
[ -f "$SR_JAR" ] || { echo "no jar at $SR_JAR: build with mvn -B -q -o -pl pipeline,jobs -am package -DskipTests" >&2; exit 2; }
D="$WORK/seed$SEED"
rm -rf "$D"
mkdir -p "$D/logs"
python3 "$HERE/gen.py" "$SEED" "$D" > "$D/logs/gen.log"
KEY="$D/site.key"
J="java -jar $SR_JAR"
dump() { # dump every table folder of $1 into $2 (JSON lines)
  : > "$D/logs/$3.sql"
  for t in $(cd "$1" && ls -d */ 2>/dev/null | tr -d /); do
    echo "SELECT * FROM $t;" >> "$D/logs/$3.sql"
  done
  $J sql --tables "$1" --format json -f "$D/logs/$3.sql" > "$2" 2> "$D/logs/$3.stderr" || echo "sql $3 failed: rc $?" >> "$D/logs/rc.txt"
}
: > "$D/logs/rc.txt"
for run in 1 2; do
  rc=0
  $J review --sessions "$D/sessions" --out "$D/out$run" --pseudonym-key-file "$KEY" > "$D/logs/review$run.stdout" 2> "$D/logs/review$run.stderr" || rc=$?
  echo "review$run $rc" >> "$D/logs/rc.txt"
done
rc=0; $J report --tables "$D/out1" --out "$D/report" > "$D/logs/report.stdout" 2> "$D/logs/report.stderr" || rc=$?
echo "report $rc" >> "$D/logs/rc.txt"
rc=0; $J export --audience research --tables "$D/out1" --out "$D/research" --pseudonym-key-file "$KEY" > "$D/logs/export.stdout" 2> "$D/logs/export.stderr" || rc=$?
echo "export $rc" >> "$D/logs/rc.txt"
# run-wide files in a folder named after a client: the review's footers name the file (README,
# Outputs), never its folder; the export names neither
RW="$D/Jane-Doe-CANARY_RUNWIDE_DIR"
mkdir -p "$RW"
cp "$D/out1/baselines.json" "$RW/jane_doe_baselines.json"
printf '{"labels": {"sigh": "ANX_STR_SIGH"}}\n' > "$RW/jane_doe_codebook.json"
rc=0; $J review --sessions "$D/sessions" --out "$D/out3" --pseudonym-key-file "$KEY" --codebook "$RW/jane_doe_codebook.json" \
  --baselines "$RW/jane_doe_baselines.json" > "$D/logs/review3.stdout" 2> "$D/logs/review3.stderr" || rc=$?
echo "review3 $rc" >> "$D/logs/rc.txt"
rc=0; $J report --tables "$D/out3" --out "$D/report3" > "$D/logs/report3.stdout" 2> "$D/logs/report3.stderr" || rc=$?
echo "report3 $rc" >> "$D/logs/rc.txt"
rc=0; $J export --audience research --tables "$D/out3" --out "$D/research3" --pseudonym-key-file "$KEY" > "$D/logs/export3.stdout" 2> "$D/logs/export3.stderr" || rc=$?
echo "export3 $rc" >> "$D/logs/rc.txt"
if [ "${LIVE:-1}" = 1 ]; then
  # the Kafka path: an embedded broker, the live job, replay of the cohort, then every topic read back
  mkdir -p "$D/live"
  $J kafka --port 0 --dir "$D/kafka-data" > "$D/logs/live-kafka.stdout" 2> "$D/logs/live-kafka.stderr" &
  KPID=$!
  i=0; while ! grep -q 'listening on' "$D/logs/live-kafka.stdout" 2>/dev/null && [ $i -lt 120 ]; do sleep 1; i=$((i+1)); done
  BOOT=$(sed -n 's/.*listening on \([^ ]*\) .*/\1/p' "$D/logs/live-kafka.stdout")
  $J live --bootstrap "$BOOT" --out "$D/live/out" --silence 20 --set live.settle_s=5 --parallelism 2 \
    > "$D/logs/live-live.stdout" 2> "$D/logs/live-live.stderr" &
  LPID=$!
  sleep 25
  rc=0; $J replay --sessions "$D/sessions" --bootstrap "$BOOT" --speed max --pseudonym-key-file "$KEY" \
    > "$D/logs/live-replay.stdout" 2> "$D/logs/live-replay.stderr" || rc=$?
  echo "replay $rc" >> "$D/logs/rc.txt"
  rc=0; java -cp "$SR_JAR" "$HERE/Send.java" "$BOOT" session-review.input "$D/kafka-messages.txt" > "$D/logs/live-send.stdout" 2> "$D/logs/live-send.stderr" || rc=$?
  echo "send $rc" >> "$D/logs/rc.txt"
  sleep 60
  for t in session-review.input session-review.moments session-review.dead-letters; do
    $J watch --bootstrap "$BOOT" --topic "$t" --from-beginning --json --timeout 15 > "$D/live/$t.jsonl" 2> "$D/logs/live-watch-$t.stderr" || true
  done
  kill "$LPID" 2> /dev/null || true
  wait "$LPID" 2> /dev/null || true
  kill "$KPID" 2> /dev/null || true
  wait "$KPID" 2> /dev/null || true
  [ -d "$D/live/out/tables" ] && dump "$D/live/out/tables" "$D/logs/live-tables.jsonl" sqll
fi
dump "$D/out1" "$D/logs/tables1.jsonl" sql1
dump "$D/out3" "$D/logs/tables3.jsonl" sql3
dump "$D/research3" "$D/logs/research3.jsonl" sqlr3
dump "$D/out2" "$D/logs/tables2.jsonl" sql2
dump "$D/research" "$D/logs/research.jsonl" sqlr
echo "== seed $SEED"
status=0
python3 "$HERE/check.py" "$D" > "$D/check.txt" || status=1
cat "$D/check.txt"
exit $status
