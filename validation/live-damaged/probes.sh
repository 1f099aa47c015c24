#!/bin/sh
# Hand probes of the live-damaged audit (README.md here): one broker and one live job (--silence 20)
#   SR_JAR=... sh validation/live-damaged/probes.sh SESSIONS WORK [PORT]
# SESSIONS: a seventh-cohort sessions folder (gen.py 71 DIR writes DIR/sessions). Probes:
#   P1 G19 replayed at --speed 10 and the replay killed after 25 s: the session must end by silence;
#   P2 G01 replayed twice (--speed max): the second time every message refused, the tables as once;
#   P3 raw records from another producer (Raw.java): damaged event lines, samples sent again and
#      out of order, a message after session_end.
# Then stops everything it started and prints the sessions, rejects and message counts.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
SRC=$(cd "$1" && pwd); WORK=$2; PORT=${3:-9312}
J=${SR_JAR:-jobs/target/session-review.jar}
SR_JAR=$(cd "$(dirname "$J")" && pwd)/$(basename "$J")
JAVA="nice -n 19 java -jar $SR_JAR"
BS=localhost:$PORT; T=pr.$$
KAFKA=; LIVE=; REPLAY=
cleanup() {
  for p in $REPLAY $LIVE $KAFKA; do kill "$p" 2>/dev/null || true; done
  for p in $REPLAY $LIVE $KAFKA; do wait "$p" 2>/dev/null || true; done
}
trap cleanup EXIT
trap 'exit 130' INT TERM
rm -rf "$WORK"; mkdir -p "$WORK/p1" "$WORK/p2"; cd "$WORK"
cp -r "$SRC"/G19-* p1/; cp -r "$SRC"/G01-* p2/
$JAVA kafka --port "$PORT" --dir kafka-data > kafka.log 2>&1 & KAFKA=$!
i=0; until grep -q "listening" kafka.log 2>/dev/null; do
  i=$((i + 1)); [ $i -lt 60 ] || { echo "broker did not start" >&2; exit 1; }; sleep 1; done
$JAVA live --bootstrap $BS --out live --topic $T.in --moments-topic $T.moments --dead-letter-topic $T.dl \
  --group $T --silence 20 > live.log 2>&1 & LIVE=$!
sleep 20
echo "$(date -u +%T) P1: replay G19 at 10x, killed after 25 s"
$JAVA replay --bootstrap $BS --topic $T.in --sessions p1 --allow-demo-key --speed 10 > p1.log 2>&1 & REPLAY=$!
sleep 25; kill $REPLAY; wait $REPLAY 2>/dev/null || true; REPLAY=
echo "$(date -u +%T) P2: replay G01 twice"
$JAVA replay --bootstrap $BS --topic $T.in --sessions p2 --allow-demo-key --speed max > p2a.log 2>&1
sleep 15
$JAVA replay --bootstrap $BS --topic $T.in --sessions p2 --allow-demo-key --speed max > p2b.log 2>&1
echo "$(date -u +%T) P3: raw records"
K=$(printf 'a%.0s' $(seq 64)); MS=1772442000000
{
  printf 'R1\t{"type":"session_start","session_id":"R1","therapist_id":"T9","client_key":"%s","session_number":1,"media_start":"2026-03-02T10:00:00+01:00","duration_s":600,"consent_supervision":true,"consent_research":false,"wearers":["client"]}\n' "$K"
  printf 'R1\t{"type":"samples","session_id":"R1","wearer":"client","channel":"EDA","stream_start_ms":%s,"start_ms":%s,"first_index":0,"rate_hz":4.0,"values":[0.41,0.42,0.43,0.44]}\n' $MS $MS
  printf 'R1\t{"type":"samples","session_id":"R1","wearer":"client","channel":"EDA","stream_start_ms":%s,"start_ms":%s,"first_index":8,"rate_hz":4.0,"values":[0.45,0.46,0.47,0.48]}\n' $MS $((MS + 2000))
  printf 'R1\t{"type":"samples","session_id":"R1","wearer":"client","channel":"EDA","stream_start_ms":%s,"start_ms":%s,"first_index":0,"rate_hz":4.0,"values":[0.41,0.42,0.43,0.44]}\n' $MS $MS
  printf 'R1\t{"type":"samples","session_id":"R1","wearer":"client","channel":"EDA","stream_start_ms":%s,"start_ms":%s,"first_index":2,"rate_hz":4.0,"values":[0.5,0.5,0.5,0.5]}\n' $MS $((MS + 500))
  printf 'R1\t{"type":"event","session_id":"R1","code":"RUP_W_MINIMAL","family":"RUP","actor":"client","start_s":1.0,"end_s":2.0,"significance":3,"label":"minimal response","source_file":"live-coder","source_line":1}\n'
  printf 'R1\t{"type":"event","session_id":"R1","code":"RUP_W_MINIMAL","family":"RUP","actor":"client","start_s":"1,5","end_s":2.0,"source_file":"live-coder","source_line":2}\n'
  printf 'R1\t{"type":"event","session_id":"R1","code":"RUP_W_MIN\n'
  printf 'R1\t{"type":"event","session_id":"R1","code":"NOT_A_CODE","family":"RUP","actor":"client","start_s":1.0,"end_s":2.0,"source_file":"live-coder","source_line":4}\n'
  printf 'R1\t{"type":"event","session_id":"R1","code":"RUP_W_MINIMAL","family":"RUP","actor":"client","start_s":2.5,"end_s":1.0,"source_file":"live-coder","source_line":5}\n'
  printf 'R1\t{"type":"event","session_id":"R1","code":"RUP_W_MINIMAL","family":"RUP","actor":"client","start_s":1.0,"end_s":2.0,"significance":3,"label":"minimal response","source_file":"live-coder","source_line":1}\n'
  printf 'R1\t{"type":"session_end","session_id":"R1"}\n'
  printf 'R1\t{"type":"event","session_id":"R1","code":"RUP_W_MINIMAL","family":"RUP","actor":"client","start_s":3.0,"end_s":4.0,"source_file":"live-coder","source_line":6}\n'
} > raw.tsv
nice -n 19 java -cp "$SR_JAR" "$HERE/Raw.java" $BS $T.in raw.tsv > p3.log 2>&1 || cat p3.log
echo "$(date -u +%T) waiting 60 s for the silence end"
sleep 60
kill $LIVE; wait $LIVE 2>/dev/null || true; LIVE=
kill $KAFKA; wait $KAFKA 2>/dev/null || true; KAFKA=
grep "messages read" live.log | tail -1 || true
grep "messages" p1.log p2a.log p2b.log | grep -v "s: " || true
cat > q.sql <<'Q'
SELECT session_id, annotation_count, missing_channels, duration_s FROM sessions ORDER BY session_id;
SELECT session_id, count(*) AS n, min(line) AS first_offset, max(line) AS last_offset FROM rejects GROUP BY session_id ORDER BY session_id;
SELECT session_id, line, substr(reason, 1, 150) AS reason FROM rejects WHERE session_id IN ('R1', 'G19') OR session_id IS NULL OR line IN (SELECT min(line) FROM rejects WHERE session_id = 'G01') ORDER BY line;
SELECT session_id, count(*) AS n FROM annotations GROUP BY session_id ORDER BY session_id;
Q
nice -n 19 java -jar "$SR_JAR" sql --tables live/tables -f q.sql 2>/dev/null | tee probes.txt
