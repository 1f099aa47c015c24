#!/bin/sh
# Twenty-third independent audit: the README's "Running on a Flink cluster", followed as a user
# would, on a real multi-process Flink 2.3 cluster built from Maven Central jars alone (lib/ from
# ~/.m2 with dist-pom.xml; JobManager and TaskManagers started with `java -cp 'lib/*'` as
# Flink's scripts do; `flink` = CliFrontend; see cluster.sh). Every submission path the README
# names, on sample-data/, a damaged cohort (the seventh cohort's generator, seed 71) and a
# generated 30-session cohort (bench's generator), each output compared table by table, row by
# row with `java -jar session-review.jar review` of the same input (check.py). Starts and stops
# everything it starts.
#   SR_JAR=... SR_FLINK_JAR=... sh validation/twenty-third-cohort/run.sh [WORK]   (default /tmp/twenty-third-cohort)
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
WORK=${1:-/tmp/twenty-third-cohort}
SR_JAR=$(cd "$(dirname "${SR_JAR:-$ROOT/jobs/target/session-review.jar}")" && pwd)/$(basename "${SR_JAR:-session-review.jar}")
SR_FLINK_JAR=$(cd "$(dirname "${SR_FLINK_JAR:-$ROOT/jobs/target/session-review-flink.jar}")" && pwd)/$(basename "${SR_FLINK_JAR:-session-review-flink.jar}")
for j in "$SR_JAR" "$SR_FLINK_JAR"; do
  [ -f "$j" ] || { echo "no jar at $j: build with mvn -B -q -o -pl pipeline,jobs -am package -DskipTests" >&2; exit 2; }
done
DUCK=$(ls "$HOME"/.m2/repository/org/duckdb/duckdb_jdbc/*/duckdb_jdbc-*.jar | tail -1)
. "$HERE/cluster.sh"

rm -rf "$WORK"
mkdir -p "$WORK/res" "$WORK/shared"
R=$WORK/res          # consoles, exit codes, reports
S=$WORK/shared       # the "shared file system": inputs and outputs, one path on every process
A=$WORK/session      # session cluster (plain lib/)
B=$WORK/session-lib  # session cluster with session-review-flink.jar in lib/, parent-first
C=$WORK/application  # application cluster
D3=$WORK/session-s3  # session cluster with the S3 plugin
trap 'for h in "$A" "$B" "$C" "$D3"; do stop_all "$h"; done' EXIT INT TERM
t0=$(date +%s)
say() { echo "[$(( $(date +%s) - t0 )) s] $*"; }
sr() { java -jar "$SR_JAR" "$@"; }

# ---------------------------------------------------------------- inputs and references
say "inputs: sample-data, the seventh cohort's generator (seed 71), bench's generator (30 x 30 min)"
cp -r "$ROOT/sample-data" "$S/sample"
python3 "$ROOT/validation/seventh-cohort/gen.py" 71 "$S/seventh-gen" > "$R/gen-seventh.log"
mv "$S/seventh-gen/sessions" "$S/seventh"
nice -n 19 java -Xmx512m -jar "$SR_JAR" bench --sessions 30 --minutes 30 --parallelism 2 --work "$WORK/bench" \
  --floor-passes 1 > "$R/bench.log" 2>&1
mv "$WORK/bench/cohort-30-sessions-30-min-seed-20260302" "$S/cohort30"
rm -rf "$WORK/bench"
for c in sample seventh cohort30; do
  say "reference: java -jar review of $c"
  rc=0; sr review --sessions "$S/$c" --out "$S/ref-$c" --allow-demo-key > "$R/ref-$c.out" 2>&1 || rc=$?; echo $rc > "$R/ref-$c.rc"
done

# ---------------------------------------------------------------- session cluster, plain lib/
say "session cluster: lib/ from ~/.m2, 1 JobManager, 1 TaskManager (2 slots)"
flink_home "$A"
cp -r "$A/lib" "$WORK/flink-lib"
jm_start "$A"; tm_start "$A"; await_tms "$A" 1
U=$(rest_url "$A")
# fl NAME ARGS...: flink ARGS... in the user's working folder, console and exit code kept
fl() { n=$1; shift; rc=0; (cd "$ROOT" && flink "$A" "$@") > "$R/$n.out" 2>&1 || rc=$?; echo $rc > "$R/$n.rc"; }
say "flink run -p 2 (attached): sample, then -p 1: seventh"
fl attached-sample run -p 2 "$SR_FLINK_JAR" review --sessions "$S/sample" --out "$S/attached-sample" --allow-demo-key
fl attached-seventh run -p 1 "$SR_FLINK_JAR" review --sessions "$S/seventh" --out "$S/attached-seventh" --allow-demo-key
say "flink run -d without the jar in lib/: refused"
fl detached-refused run -d "$SR_FLINK_JAR" review --sessions "$S/sample" --out "$S/detached-refused" --allow-demo-key
fl detached-nolib run -d -Dsession-review.jar-in-cluster-lib=true "$SR_FLINK_JAR" review --sessions "$S/sample" --out "$S/detached-nolib" --allow-demo-key
say "refusals: no --sessions, --out inside the sessions root, --out s3:// without its plugin"
refuse() {  # the same arguments to flink run and to java -jar (fl sets n and rc: other names here)
  what=$1; shift
  fl "refuse-$what" run "$SR_FLINK_JAR" review "$@"
  jrc=0; sr review "$@" > "$R/refuse-$what-jar.out" 2>&1 || jrc=$?; echo $jrc > "$R/refuse-$what-jar.rc"
}
refuse no-sessions --out "$S/refuse-no-sessions" --allow-demo-key
refuse out-inside --sessions "$S/sample" --out "$S/sample/refuse-out-inside" --allow-demo-key
refuse s3 --sessions "$S/sample" --out s3://bucket/out --allow-demo-key
say "REST: POST /jars/upload, /jars/{id}/run with programArgsList: sample, seventh, one refusal"
python3 "$HERE/rest.py" "$U" "$SR_FLINK_JAR" "$R/rest-sample.json" 2 review --sessions "$S/sample" --out "$S/rest-sample" --allow-demo-key
python3 "$HERE/rest.py" "$U" "$SR_FLINK_JAR" "$R/rest-seventh.json" 1 review --sessions "$S/seventh" --out "$S/rest-seventh" --allow-demo-key
python3 "$HERE/rest.py" "$U" "$SR_FLINK_JAR" "$R/rest-refused.json" 1 review --out "$S/rest-refused" --allow-demo-key
say "a second run over a REST run's --out replaces it"
cp -r "$S/rest-sample" "$S/rerun-over-rest"
fl rerun-over-rest run -p 2 "$SR_FLINK_JAR" review --sessions "$S/sample" --out "$S/rerun-over-rest" --allow-demo-key
say "recovery: SIGKILL the TaskManager while the 30-session review reads, start another (batch, then streaming)"
for mode in batch streaming; do
  python3 "$HERE/killer.py" "$U" "$(tail -1 "$A/tm.pids")" "$S/killed-$mode" "$R/killed-$mode.json" 4 &
  kp=$!
  fl killed-$mode run -p 2 "$SR_FLINK_JAR" review --sessions "$S/cohort30" --out "$S/killed-$mode" --allow-demo-key --mode $mode &
  cp=$!
  while [ ! -f "$R/killed-$mode.json.killed" ] && kill -0 $kp 2>/dev/null; do sleep 0.2; done
  [ -f "$R/killed-$mode.json.killed" ] && tm_start "$A"
  wait $cp || true; wait $kp || true
  await_tms "$A" 1
done
say "reference for the streaming run: java -jar review --mode streaming of cohort30"
rc=0; sr review --sessions "$S/cohort30" --out "$S/ref-cohort30-streaming" --allow-demo-key --mode streaming > "$R/ref-cohort30-streaming.out" 2>&1 || rc=$?
echo $rc > "$R/ref-cohort30-streaming.rc"
cp "$A/log/jobmanager.log" "$R/session-jobmanager.log"
stop_all "$A"

# ---------------------------------------------------------------- session cluster, the jar in lib/
say "session cluster with session-review-flink.jar in lib/ and classloader.resolve-order: parent-first"
flink_home "$B" "$WORK/flink-lib"
cp "$SR_FLINK_JAR" "$B/lib/"
conf_set "$B" classloader.resolve-order parent-first
jm_start "$B"; tm_start "$B"; await_tms "$B" 1
await_marker() { i=0; while [ ! -f "$1/.session-review-output.json" ] && [ $i -lt 600 ]; do sleep 0.2; i=$((i + 1)); done; }
say "flink run -d -Dsession-review.jar-in-cluster-lib=true: sample"
rc=0; (cd "$ROOT" && flink "$B" run -d -Dsession-review.jar-in-cluster-lib=true "$SR_FLINK_JAR" review \
  --sessions "$S/sample" --out "$S/detached-sample" --allow-demo-key) > "$R/detached-sample.out" 2>&1 || rc=$?
echo $rc > "$R/detached-sample.rc"; await_marker "$S/detached-sample"
say "flink run -d with session-review.jar-in-cluster-lib: true in config.yaml: seventh"
conf_set "$B" session-review.jar-in-cluster-lib true
rc=0; (cd "$ROOT" && flink "$B" run -d -p 1 "$SR_FLINK_JAR" review \
  --sessions "$S/seventh" --out "$S/detached-seventh" --allow-demo-key) > "$R/detached-seventh.out" 2>&1 || rc=$?
echo $rc > "$R/detached-seventh.rc"; await_marker "$S/detached-seventh"
cp "$B/log/jobmanager.log" "$R/session-lib-jobmanager.log"
stop_all "$B"

# ---------------------------------------------------------------- application mode
for c in sample seventh; do
  say "application mode (bin/standalone-job.sh start --jars ... --job-classname ...; bin/taskmanager.sh start): $c"
  flink_home "$C" "$WORK/flink-lib"
  jm_start "$C" "$ENTRY_APPLICATION" --jars "file://$SR_FLINK_JAR" --job-classname org.sessionreview.jobs.Main \
    review --sessions "$S/$c" --out "$S/application-$c" --allow-demo-key
  jm=$JM_PID
  tm_start "$C"
  i=0; while kill -0 "$jm" 2>/dev/null && [ $i -lt 900 ]; do sleep 0.2; i=$((i + 1)); done
  if kill -0 "$jm" 2>/dev/null; then echo "still running" > "$R/application-$c.rc"; else echo exited > "$R/application-$c.rc"; fi
  cp "$C/log/jobmanager.out" "$R/application-$c.out"; cp "$C/log/jobmanager.log" "$R/application-$c-jobmanager.log"
  stop_all "$C"
done

# ---------------------------------------------------------------- S3 on the cluster
if [ "${S3:-1}" = 1 ]; then
  say "S3 on the cluster: s3proxy on 127.0.0.1 (../eighteenth-cohort/S3Endpoint.java), flink-s3-fs-hadoop in plugins/s3-fs-hadoop/, s3.* in config.yaml"
  S3JAR=$HOME/.m2/repository/org/apache/flink/flink-s3-fs-hadoop/2.3.0/flink-s3-fs-hadoop-2.3.0.jar
  KEY=audit-access-key; SECRET=audit-secret-key-0123456789
  (cd "$ROOT" && mvn -B -o -q -pl jobs -am compile dependency:build-classpath -Dmdep.includeScope=test \
      -Dmdep.outputFile="$WORK/classpath.txt") > "$R/classpath.log" 2>&1
  mkdir -p "$WORK/s3control"
  java -cp "$(cat "$WORK/classpath.txt")" "$ROOT/validation/eighteenth-cohort/S3Endpoint.java" "$WORK/s3control" cohorts \
      "$KEY" "$SECRET" > "$R/s3endpoint.log" 2>&1 &
  S3PID=$!
  trap 'for h in "$A" "$B" "$C" "$D3"; do stop_all "$h"; done; touch "$WORK/s3control/stop"; sleep 1; kill $S3PID 2>/dev/null || true' EXIT INT TERM
  i=0; while [ ! -f "$WORK/s3control/port" ] && [ $i -lt 600 ] && kill -0 $S3PID 2>/dev/null; do sleep 0.2; i=$((i + 1)); done
  PORT=$(cat "$WORK/s3control/port")
  # request NAME put|get "A<TAB>B": the endpoint's own upload/download (eighteenth-cohort/S3Endpoint.java)
  request() {
    printf '%s\t%s\n' "$3" "$4" > "$WORK/s3control/$1.tmp"
    mv "$WORK/s3control/$1.tmp" "$WORK/s3control/$1.$2"
    while [ ! -f "$WORK/s3control/$1.done" ] && [ ! -f "$WORK/s3control/$1.err" ]; do sleep 0.1; done
  }
  request put-sample put "$S/sample" sample
  flink_home "$D3" "$WORK/flink-lib"
  mkdir -p "$D3/plugins/s3-fs-hadoop"; cp "$S3JAR" "$D3/plugins/s3-fs-hadoop/"
  conf_set "$D3" s3.endpoint "http://127.0.0.1:$PORT"; conf_set "$D3" s3.path.style.access true
  conf_set "$D3" s3.access-key "$KEY"; conf_set "$D3" s3.secret-key "$SECRET"
  jm_start "$D3"; tm_start "$D3"; await_tms "$D3" 1
  rc=0; (cd "$ROOT" && flink "$D3" run -p 2 "$SR_FLINK_JAR" review --sessions s3://cohorts/sample \
      --out s3://cohorts/out-attached --allow-demo-key) > "$R/s3-attached.out" 2>&1 || rc=$?
  echo $rc > "$R/s3-attached.rc"
  python3 "$HERE/rest.py" "$(rest_url "$D3")" "$SR_FLINK_JAR" "$R/s3-rest.json" 2 review --sessions s3://cohorts/sample \
      --out s3://cohorts/out-rest --allow-demo-key
  sleep 3  # the JobManager publishes just after FINISHED (the marker cannot be watched on S3 from here)
  request get-attached get out-attached "$S/s3-attached"
  request get-rest get out-rest "$S/s3-rest"
  cp "$D3/log/jobmanager.log" "$R/s3-jobmanager.log"
  stop_all "$D3"
fi

# ---------------------------------------------------------------- compare
say "dump every output with DuckDB, compare"
set --
for o in "$S"/ref-* "$S"/attached-* "$S"/rest-sample "$S"/rest-seventh "$S"/rerun-over-rest "$S"/killed-* "$S"/detached-sample "$S"/detached-seventh "$S"/application-* "$S"/s3-attached "$S"/s3-rest; do
  [ -d "$o" ] && set -- "$@" "$o" "$WORK/json/$(basename "$o")"
done
java -cp "$DUCK" "$HERE/Dump.java" "$@"
say "check"
status=0
python3 "$HERE/check.py" "$WORK" > "$R/check.txt" || status=1
cat "$R/check.txt"
say "done"
exit $status
