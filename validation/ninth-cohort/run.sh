#!/bin/sh
# Ninth audit: the same inputs give the same outputs, and the footers say what ran.
# Reviews one cohort (sample-data/ plus two sessions of the second cohort's generator) under
# variations of parallelism, runtime mode, JVM locale and time zone, root path, folder names and
# order, a re-run and read-only inputs, and compares every table row for row (read back with the
# jar's `sql`), run.json and every Parquet footer with the reference run; then checks that
# --list-options, the footers and run.json name the same parameters, that `--set` of options of
# every group is recorded and shapes the outputs, and that a footer fed back as --set gives the
# same rows. Run from the repository root after building:
#   sh validation/ninth-cohort/run.sh [WORK_DIR]        (SMALL=1, the default: 11 reviews)
#   SMALL=0 sh validation/ninth-cohort/run.sh           (every variation and one run per option)
#   PER_OPTION=1 sh validation/ninth-cohort/run.sh      (the small set and one run per option)
# WORK_DIR defaults to /tmp/ninth-cohort; SR_JAR to jobs/target/session-review.jar.
# Python 3 (standard library only) and Java 17. Results: WORK_DIR/results.txt.
set -e
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
WORK=${1:-/tmp/ninth-cohort}
SR_JAR=$(cd "$(dirname "${SR_JAR:-jobs/target/session-review.jar}")" && pwd)/$(basename "${SR_JAR:-jobs/target/session-review.jar}")
SMALL=${SMALL:-1}
[ -d "$WORK" ] && chmod -R u+w "$WORK" 2>/dev/null || true
rm -rf "$WORK"; mkdir -p "$WORK/runs"
COHORT=$WORK/cohort
cp -r "$REPO/sample-data" "$COHORT"
rm -f "$COHORT/README.md" "$COHORT/planted.json"
DYADS=2,7 PLAN=$WORK/plan2.json python3 "$REPO/validation/second-cohort/gen.py" "$COHORT" 11 > "$WORK/gen.log"

# dump NAME: rows of every table (read back in the plain environment), footers, run.json
dump() {
  D=$WORK/runs/$1
  python3 "$HERE/tables.py" sql "$D/out" > "$D/rows.sql"
  java -jar "$SR_JAR" sql --tables "$D/out" -f "$D/rows.sql" --format csv > "$D/rows.csv" 2> "$D/sql.err" \
    || echo "sql exit $?" >> "$D/sql.err"
  python3 "$HERE/tables.py" norm "$D/rows.csv" > "$D/rows.txt"
  python3 "$HERE/footer.py" --all "$D/out" > "$D/footers.json"
}
# review NAME [VAR=VALUE...] -- [java options] -- [review options]: a review into runs/NAME/out
review() {
  NAME=$1; shift
  D=$WORK/runs/$NAME; mkdir -p "$D"
  ENVV=""; while [ "$1" != "--" ]; do ENVV="$ENVV $1"; shift; done; shift
  JOPT=""; while [ "$1" != "--" ]; do JOPT="$JOPT $1"; shift; done; shift
  SESS=$COHORT; OUT=$D/out
  [ -n "$ROOT" ] && SESS=$ROOT
  [ -n "$OUTDIR" ] && OUT=$OUTDIR
  echo "$ENVV | $JOPT | $* | $SESS" > "$D/how.txt"
  # shellcheck disable=SC2086
  env $ENVV java $JOPT -jar "$SR_JAR" review --sessions "$SESS" --out "$OUT" --allow-demo-key "$@" \
    > "$D/console.txt" 2> "$D/stderr.txt" || echo "exit $?" >> "$D/console.txt"
  [ "$OUT" = "$D/out" ] || cp -r "$OUT" "$D/out"
  [ -n "$NOREPORT" ] || env $ENVV java $JOPT -jar "$SR_JAR" report --tables "$D/out" --out "$D/report" > /dev/null 2>> "$D/stderr.txt" || true
  dump "$NAME"
  echo "$(date -u +%H:%M:%S) $NAME done" >> "$WORK/progress.log"
}
P="--parallelism 2"
review ref -- -- $P
review p1 -- -- --parallelism 1
review p4 -- -- --parallelism 4
review tr_TR -- -Duser.language=tr -Duser.country=TR -- $P
review de_DE -- -Duser.language=de -Duser.country=DE -- $P
review ar_SA_Chatham TZ=Pacific/Chatham -- -Duser.language=ar -Duser.country=SA -Duser.timezone=Pacific/Chatham -- $P
review LANG_C_StJohns LANG=C LC_ALL=C TZ=America/St_Johns -- -- $P
# the same folders under another root, renamed, copied in reverse name order (session ids come
# from session.json: README, Input contract), the inputs read-only
ALT=$WORK/other-root/sessions; mkdir -p "$ALT"
N=0; for F in $(ls "$COHORT" | sort -r); do N=$((N+1)); cp -r "$COHORT/$F" "$ALT/z$N-$(echo "$F" | tr 'A-Z_' 'a-z-')"; done
chmod -R a-w "$WORK/other-root"
ROOT=$ALT review renamed_readonly -- -- $P
# a second run over the same --out (the reference run's copy)
cp -r "$WORK/runs/ref/out" "$WORK/rerun-out"
OUTDIR=$WORK/rerun-out review rerun -- -- $P
# scored against the reference run's pooled baselines: the footers and run.json must name the file
review baselines -- -- $P --baselines "$WORK/runs/ref/out/baselines.json"
if [ "$SMALL" = 0 ]; then
  review streaming -- -- $P --mode streaming
  review th_TH -- -Duser.language=th -Duser.country=TH -Duser.variant=TH -- $P
  review hi_IN_Chatham_env TZ=Pacific/Chatham -- -Duser.language=hi -Duser.country=IN -- $P
  review StJohns_prop -- -Duser.timezone=America/St_Johns -- $P
  review ar_SA -- -Duser.language=ar -Duser.country=SA -- $P
fi
# sql itself under other locales and zones, over the reference tables
for V in "de_DE:-Duser.language=de -Duser.country=DE" "ar_SA:-Duser.language=ar -Duser.country=SA -Duser.timezone=Pacific/Chatham"; do
  N=${V%%:*}; O=${V#*:}; D=$WORK/runs/sql_$N; mkdir -p "$D"
  # shellcheck disable=SC2086
  java $O -jar "$SR_JAR" sql --tables "$WORK/runs/ref/out" -f "$WORK/runs/ref/rows.sql" --format csv > "$D/rows.csv" 2> "$D/sql.err" \
    || echo "sql exit $?" >> "$D/sql.err"
  python3 "$HERE/tables.py" norm "$D/rows.csv" > "$D/rows.txt"
done
# provenance: --list-options, --set of options of every group, a footer fed back as --set
java -jar "$SR_JAR" review --list-options > "$WORK/list-options.txt"
python3 "$HERE/provenance.py" plan "$WORK" > "$WORK/set-plan.txt"
review set_all -- -- --parallelism 1 $(python3 "$HERE/provenance.py" setargs "$WORK" all)
review p1_feedback -- -- --parallelism 1 $(python3 "$HERE/provenance.py" feedback "$WORK")
if [ "$SMALL" = 0 ] || [ "$PER_OPTION" = 1 ]; then
  # one run per option; only the tables it should change (and sessions) are read back
  for K in $(python3 "$HERE/provenance.py" keys "$WORK"); do
    TABLES="sessions $(python3 "$HERE/provenance.py" tables "$WORK" "$K")" NOREPORT=1 \
      review "set_$K" -- -- --parallelism 1 $(python3 "$HERE/provenance.py" setargs "$WORK" "$K")
  done
fi
python3 "$HERE/check.py" "$WORK" | tee "$WORK/results.txt"
