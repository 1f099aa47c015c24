#!/bin/sh
# Live-versus-batch comparison on the second independent cohort (see README.md here).
# Run from the repository root after building the jar:
#   sh validation/live-audit/run.sh [WORK_DIR] [SEED] [PORT]
# Starts its own broker (port PORT, default 9193), reviews the cohort in batch, runs `live`,
# `replay --speed 100` and `watch --json`, then compares the moments (compare.py) and every other
# table. With KILLS=N (default 0) the live job is killed (SIGKILL) N times during the replay and
# restarted with the same --out. Every process it starts is stopped at the end.
set -e
HERE=$(cd "$(dirname "$0")" && pwd)
WORK=${1:-/tmp/live-audit}; SEED=${2:-11}; PORT=${3:-9193}; KILLS=${KILLS:-0}
SR_JAR=$(cd "$(dirname "${SR_JAR:-jobs/target/session-review.jar}")" && pwd)/$(basename "${SR_JAR:-jobs/target/session-review.jar}")
SR="java -jar $SR_JAR"
BS=localhost:$PORT; T=la$SEED.$$    # topics and consumer group unique per run
rm -rf "$WORK"; mkdir -p "$WORK"; cd "$WORK"
DYADS=0,1,2,3,4,5,6,7 PLAN=plan.json python3 "$HERE/../second-cohort/gen.py" cohort "$SEED" > gen.log
$SR review --sessions cohort --out batch --allow-demo-key > review.log 2>&1
$SR kafka --port "$PORT" --dir kafka-data > kafka.log 2>&1 & KAFKA=$!
LIVE=; WATCH=
cleanup() { for p in $WATCH $LIVE $KAFKA; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT
sleep 15
start_live() { $SR live --bootstrap $BS --out live --topic $T.in --moments-topic $T.moments \
    --dead-letter-topic $T.dl --group $T >> live.log 2>&1 & LIVE=$!; }
start_live; sleep 20
$SR watch --bootstrap $BS --topic $T.moments --from-beginning --json --timeout 120 > moments.jsonl 2> watch.err & WATCH=$!
$SR replay --bootstrap $BS --topic $T.in --sessions cohort --allow-demo-key --speed 100 > replay.log 2>&1 & REPLAY=$!
i=0
while [ $i -lt "$KILLS" ]; do
  sleep 15; kill -9 $LIVE; sleep 2; start_live; i=$((i + 1))
done
wait $REPLAY
wait $WATCH || true; WATCH=
kill $LIVE; wait $LIVE 2>/dev/null || true; LIVE=
grep "messages read" live.log | tail -1
Q="SELECT session_id, kind, role, start_s, end_s, severity, evidence FROM moments ORDER BY session_id, kind, start_s"
$SR sql --tables batch --format csv -e "$Q" 2>/dev/null > batch-moments.csv
$SR sql --tables live/tables --format csv -e "$Q" 2>/dev/null > live-moments.csv
python3 "$HERE/compare.py" batch-moments.csv live-moments.csv moments.jsonl | tee compare.txt
for t in sessions annotations rejects ruptures segments synchrony baselines artifacts windows scr beats; do
  a=$($SR sql --tables batch --format csv -e "SELECT * FROM $t" 2>/dev/null | sort | md5sum)
  b=$($SR sql --tables live/tables --format csv -e "SELECT * FROM $t" 2>/dev/null | sort | md5sum)
  echo "table $t: $([ "$a" = "$b" ] && echo same || echo DIFFERS)"
done | tee -a compare.txt
