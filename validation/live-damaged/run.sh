#!/bin/sh
# Live versus batch on damaged and unusual input: the seventh cohort (../seventh-cohort/gen.py).
# Run from the repository root after building the jar (see README.md here):
#   SR_JAR=jobs/target/session-review.jar sh validation/live-damaged/run.sh [WORK_DIR] [SEED] [PORT]
# Generates the cohort (seed default 71), reviews it in batch, starts its own broker (port PORT,
# default 9311), runs `live` with its own --out and `watch --json`, replays every session folder
# (`replay --speed SPEED`, default max), waits until every reviewed session has ended live, stops
# everything and compares every table row for row (sorted CSV from `sql --format csv`), rejects/
# included. With KILLS=N (default 0) the live job is SIGKILLed N times, KILL_GAP seconds apart
# (default 15), during the replay and restarted with the same --out. Every process it starts is
# stopped at the end, also on failure. JVMs run under `nice -n 19`.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
WORK=${1:-/tmp/live-damaged}; SEED=${2:-71}; PORT=${3:-9311}
KILLS=${KILLS:-0}; KILL_GAP=${KILL_GAP:-15}; SPEED=${SPEED:-max}; WAIT_S=${WAIT_S:-240}
J=${SR_JAR:-jobs/target/session-review.jar}
[ -f "$J" ] || { echo "no jar at $J: mvn -B -q -o -pl pipeline,jobs -am package -DskipTests" >&2; exit 2; }
SR_JAR=$(cd "$(dirname "$J")" && pwd)/$(basename "$J")
sr() { nice -n 19 java -jar "$SR_JAR" "$@"; }
JAVA="nice -n 19 java -jar $SR_JAR"   # in the background as a plain command, so that $! is the JVM itself
BS=localhost:$PORT; T=ld$SEED.$$    # topics and consumer group unique per run
KAFKA=; LIVE=; WATCH=; REPLAY=
cleanup() {
  for p in $REPLAY $WATCH $LIVE $KAFKA; do kill "$p" 2>/dev/null || true; done
  for p in $REPLAY $WATCH $LIVE $KAFKA; do wait "$p" 2>/dev/null || true; done
}
trap cleanup EXIT
trap 'exit 130' INT TERM
rm -rf "$WORK"; mkdir -p "$WORK"; cd "$WORK"
if [ -n "${COHORT:-}" ]; then cp -r "$COHORT" sessions; else python3 "$HERE/../seventh-cohort/gen.py" "$SEED" . > gen.log; fi
echo "$(date -u +%T) review"
sr review --sessions sessions --out batch --allow-demo-key > review.log 2>&1 || echo "review exit $?"
$JAVA kafka --port "$PORT" --dir kafka-data > kafka.log 2>&1 & KAFKA=$!
i=0; until grep -q "listening" kafka.log 2>/dev/null; do
  i=$((i + 1)); [ $i -lt 60 ] || { echo "broker did not start" >&2; exit 1; }; sleep 1; done
start_live() { $JAVA live --bootstrap $BS --out live --topic $T.in --moments-topic $T.moments \
    --dead-letter-topic $T.dl --group $T ${LIVE_ARGS:-} >> live.log 2>&1 & LIVE=$!; }
start_live; sleep 20
$JAVA watch --bootstrap $BS --topic $T.moments --from-beginning --json > moments.jsonl 2> watch.err & WATCH=$!
echo "$(date -u +%T) replay --speed $SPEED"
$JAVA replay --bootstrap $BS --topic $T.in --sessions sessions --allow-demo-key --speed "$SPEED" > replay.log 2>&1 & REPLAY=$!
i=0
while [ $i -lt "$KILLS" ]; do
  sleep "$KILL_GAP"; kill -9 $LIVE; wait $LIVE 2>/dev/null || true; echo "$(date -u +%T) killed live"
  sleep 2; start_live; i=$((i + 1))
done
rc=0; wait $REPLAY || rc=$?; REPLAY=; echo "$(date -u +%T) replay exit $rc"
count() { sr sql --tables "$1" --format csv -e "SELECT count(*) AS n FROM sessions" 2>/dev/null | tail -1; }
want=$(count batch); got=0; t0=$(date +%s)
while [ "$got" != "$want" ] && [ $(( $(date +%s) - t0 )) -lt "$WAIT_S" ]; do
  sleep 10; got=$(count live/tables || echo 0)
done
echo "$(date -u +%T) sessions ended live: $got of $want"
sleep 5   # a last checkpoint for the rows of the last session
kill $WATCH 2>/dev/null || true; wait $WATCH 2>/dev/null || true; WATCH=
kill $LIVE; wait $LIVE 2>/dev/null || true; LIVE=
kill $KAFKA; wait $KAFKA 2>/dev/null || true; KAFKA=
grep "messages read" live.log | tail -1 || true
TABLES="sessions moments annotations rejects ruptures segments synchrony baselines artifacts windows scr beats"
for t in $TABLES; do echo "SELECT '== $t' AS block FROM sessions LIMIT 1;"; echo "SELECT * FROM $t;"; done > tables.sql
sr sql --tables batch --format csv -f tables.sql > batch-tables.csv 2> sql-batch.log || true
sr sql --tables live/tables --format csv -f tables.sql > live-tables.csv 2> sql-live.log || true
rc=0; python3 "$HERE/compare.py" . $TABLES > compare.txt || rc=$?
cat compare.txt
exit $rc
