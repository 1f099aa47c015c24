#!/bin/sh
# Eighteenth independent audit: the damaged cohorts (seventh seed 71, twelfth seed 121, seventeenth
# seed 171) and sample-data/, reviewed from an S3 endpoint (s3proxy on 127.0.0.1) into S3 and from
# local folders into local folders; every table, rejects/, run.json, exit code and summary compared;
# then report and export over the S3 tables against the local ones.
#   SR_JAR=path/to/session-review.jar sh validation/eighteenth-cohort/run.sh [WORK]   (default /tmp/eighteenth-cohort)
#   COHORTS="sample seventh twelfth seventeenth names" (default: all five; names: gen_names.py, odd names)
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
WORK=${1:-/tmp/eighteenth-cohort}
SR_JAR=${SR_JAR:-$ROOT/jobs/target/session-review.jar}
COHORTS=${COHORTS:-"sample seventh twelfth seventeenth names"}
[ -f "$SR_JAR" ] || { echo "no jar at $SR_JAR: build with mvn -B -q -o -pl pipeline,jobs -am package -DskipTests" >&2; exit 2; }
S3JAR=${S3JAR:-$HOME/.m2/repository/org/apache/flink/flink-s3-fs-hadoop/2.3.0/flink-s3-fs-hadoop-2.3.0.jar}
[ -f "$S3JAR" ] || { echo "no $S3JAR: mvn dependency:copy -Dartifact=org.apache.flink:flink-s3-fs-hadoop:2.3.0" >&2; exit 2; }
BUCKET=cohorts
KEY=audit-access-key
SECRET=audit-secret-key-0123456789
TABLES="sessions moments windows scr beats artifacts synchrony ruptures segments trainees clients baselines annotations rejects"

rm -rf "$WORK"
mkdir -p "$WORK/control" "$WORK/plugins/s3-fs-hadoop"
cp "$S3JAR" "$WORK/plugins/s3-fs-hadoop/"
export FLINK_PLUGINS_DIR="$WORK/plugins"

# the s3proxy launcher runs with the jobs module's test class path (s3proxy, jclouds)
(cd "$ROOT" && mvn -o -q -pl jobs -am compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$WORK/classpath.txt" > "$WORK/classpath.log" 2>&1) \
  || { echo "could not build the test class path: see $WORK/classpath.log" >&2; exit 2; }
java -cp "$(cat "$WORK/classpath.txt")" "$HERE/S3Endpoint.java" "$WORK/control" "$BUCKET" "$KEY" "$SECRET" \
    > "$WORK/s3endpoint.log" 2>&1 &
S3PID=$!
trap 'touch "$WORK/control/stop"; sleep 1; kill $S3PID 2>/dev/null || true' EXIT
i=0
while [ ! -f "$WORK/control/port" ]; do
  i=$((i + 1)); [ $i -lt 600 ] || { echo "s3proxy did not start: $WORK/s3endpoint.log" >&2; exit 2; }
  kill -0 $S3PID 2>/dev/null || { echo "s3proxy exited: $WORK/s3endpoint.log" >&2; exit 2; }
  sleep 0.2
done
PORT=$(cat "$WORK/control/port")
echo "s3proxy on 127.0.0.1:$PORT"

# ask the launcher: request NAME put|get "A<TAB>B"
request() {
  printf '%s\t%s\n' "$3" "$4" > "$WORK/control/$1.tmp"
  mv "$WORK/control/$1.tmp" "$WORK/control/$1.$2"
  while [ ! -f "$WORK/control/$1.done" ] && [ ! -f "$WORK/control/$1.err" ]; do sleep 0.1; done
  [ -f "$WORK/control/$1.done" ] || { cat "$WORK/control/$1.err" >&2; exit 2; }
}
sr() { java -jar "$SR_JAR" "$@"; }
s3() {
  cmd=$1; shift
  java -jar "$SR_JAR" "$cmd" "$@" --flink "s3.endpoint=http://127.0.0.1:$PORT" --flink s3.path.style.access=true \
      --flink "s3.access-key=$KEY" --flink "s3.secret-key=$SECRET"
}
{
  for t in $TABLES; do
    echo "SELECT '$t' AS block FROM sessions LIMIT 1;"
    echo "SELECT * FROM $t;"
  done
} > "$WORK/tables.sql"

for c in $COHORTS; do
  D="$WORK/$c"
  mkdir -p "$D/gen"
  case $c in
    sample) cp -a "$ROOT/sample-data" "$D/gen/sessions" ;;
    seventh) python3 "$ROOT/validation/seventh-cohort/gen.py" 71 "$D/gen" > "$D/gen.log" 2>&1 ;;
    twelfth) python3 "$ROOT/validation/twelfth-cohort/gen.py" 121 "$D/gen" > "$D/gen.log" 2>&1 ;;
    seventeenth) python3 "$ROOT/validation/seventeenth-cohort/gen.py" 171 "$D/gen" > "$D/gen.log" 2>&1 ;;
    names) python3 "$HERE/gen_names.py" "$ROOT/sample-data" "$D/gen" > "$D/gen.log" 2>&1 ;;
    *) echo "unknown cohort $c" >&2; exit 2 ;;
  esac
  # what cannot exist on an object store: symbolic links (and folders with no file in them)
  (cd "$D/gen/sessions" && find . -type l | LC_ALL=C sort > "$D/dropped-links.txt" \
     && find . -type l -exec rm -f {} + \
     && find . -depth -type d -empty ! -name . -print | LC_ALL=C sort > "$D/dropped-empty-dirs.txt" \
     && find . -depth -type d -empty ! -name . -exec rmdir {} \;)
  mv "$D/gen/sessions" "$D/sessions"
  request "put-$c" put "$D/sessions" "$c"
  echo "== $c: $(cat "$WORK/control/put-$c.done" | tr -d '\n') files uploaded," \
       "$(wc -l < "$D/dropped-links.txt") links and $(wc -l < "$D/dropped-empty-dirs.txt") empty folders dropped"

  rc=0; sr review --sessions "$D/sessions" --out "$D/out-local" --allow-demo-key > "$D/review-local.out" 2> "$D/review-local.err" || rc=$?
  echo $rc > "$D/review-local.rc"
  rc=0; s3 review --sessions "s3://$BUCKET/$c" --out "s3://$BUCKET/out-$c" --allow-demo-key > "$D/review-s3.out" 2> "$D/review-s3.err" || rc=$?
  echo $rc > "$D/review-s3.rc"
  sr sql --tables "$D/out-local" --format json -f "$WORK/tables.sql" > "$D/tables-local.jsonl" 2> "$D/sql-local.err" || true
  s3 sql --tables "s3://$BUCKET/out-$c" --format json -f "$WORK/tables.sql" > "$D/tables-s3.jsonl" 2> "$D/sql-s3.err" || true
  request "get-$c" get "out-$c" "$D/out-s3"

  rc=0; sr report --tables "$D/out-local" --out "$D/report-local" > "$D/report-local.out" 2>&1 || rc=$?
  echo $rc > "$D/report-local.rc"
  rc=0; s3 report --tables "s3://$BUCKET/out-$c" --out "$D/report-s3" > "$D/report-s3.out" 2>&1 || rc=$?
  echo $rc > "$D/report-s3.rc"
  rc=0; sr export --audience research --tables "$D/out-local" --out "$D/export-local" --allow-demo-key --quiet > "$D/export-local.out" 2>&1 || rc=$?
  echo $rc > "$D/export-local.rc"
  rc=0; s3 export --audience research --tables "s3://$BUCKET/out-$c" --out "$D/export-s3" --allow-demo-key --quiet > "$D/export-s3.out" 2>&1 || rc=$?
  echo $rc > "$D/export-s3.rc"
  # the exports are compared byte for byte (check.py); sql reads them only when a file differs
  if [ -d "$D/export-local" ] && ! diff -rq -x .session-review-output.json "$D/export-local" "$D/export-s3" > /dev/null 2>&1; then
    for t in $(cd "$D/export-local" && ls); do
      [ -d "$D/export-local/$t" ] && echo "SELECT '$t' AS block FROM sessions LIMIT 1; SELECT * FROM $t;"
    done > "$D/export.sql"
    sr sql --tables "$D/export-local" --format json -f "$D/export.sql" > "$D/export-local.jsonl" 2> "$D/export-sql-local.err" || true
    sr sql --tables "$D/export-s3" --format json -f "$D/export.sql" > "$D/export-s3.jsonl" 2> "$D/export-sql-s3.err" || true
  fi
done

status=0
python3 "$HERE/check.py" "$WORK" $COHORTS > "$WORK/check.txt" || status=1
cat "$WORK/check.txt"
exit $status
