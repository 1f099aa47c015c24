#!/bin/sh
# Twenty-second audit (the supervisor's report on unusual and damaged data, in a real browser):
# three cohorts (this audit's own folders, the sixth cohort's seed 61, the seventh's seed 71), each
# reviewed, reported twice (byte-identical) and once with --video-url-pattern, the pages compared
# with the tables (check.py) and opened in headless Chromium through chromedriver (browser.py).
#   SR_JAR=path/to/session-review.jar sh validation/twenty-second-cohort/run.sh [WORK]   (default /tmp/twenty-second-cohort)
# About 5.5-7 minutes on the shared 2-core machine. WORK/results.txt lists every check kind with passed/total
# and its first failures; WORK/<cohort>/result.json and browser.json the same as JSON.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
WORK=${1:-/tmp/twenty-second-cohort}
SR_JAR=${SR_JAR:-$ROOT/jobs/target/session-review.jar}
export SR_JAR
[ -f "$SR_JAR" ] || { echo "no jar at $SR_JAR: build with mvn -B -q -o -pl pipeline,jobs -am package -DskipTests" >&2; exit 2; }
sr() { java -jar "$SR_JAR" "$@"; }
PATTERN='file:///videos/{session_id}.mp4'
rm -rf "$WORK"
mkdir -p "$WORK"
python3 "$HERE/gen.py" 221 "$ROOT" "$WORK/own"
python3 "$ROOT/validation/sixth-cohort/gen.py" 61 "$WORK/sixth" > /dev/null
python3 "$ROOT/validation/seventh-cohort/gen.py" 71 "$WORK/seventh" > /dev/null
: > "$WORK/results.txt"
for c in own sixth seventh; do
  D="$WORK/$c"
  rc=0
  # the sixth cohort is scored against the own cohort's stored baselines (a run-wide file the
  # pages must name by name, size and SHA-256; its persons differ, so the sessions' own are used)
  extra=""
  [ "$c" = sixth ] && extra="--baselines $WORK/own/tables/baselines.json"
  # shellcheck disable=SC2086
  sr review --sessions "$D/sessions" --out "$D/tables" --allow-demo-key $extra > "$D/review.log" 2>&1 || rc=$?
  [ "$rc" -le 1 ] || { echo "review of $c failed ($rc, see $D/review.log)" >&2; exit 1; }
  sr report --tables "$D/tables" --out "$D/report" > "$D/report.log" 2>&1
  sr report --tables "$D/tables" --out "$D/report2" >> "$D/report.log" 2>&1
  sr report --tables "$D/tables" --out "$D/report-video" --video-url-pattern "$PATTERN" >> "$D/report.log" 2>&1
  python3 "$HERE/browser.py" "$D/report" "$D/browser.json" "$D/screenshots"
  python3 "$HERE/check.py" "$c" "$D/tables" "$D/report" --twin "$D/report2" \
    --video "$D/report-video" "$PATTERN" --browser "$D/browser.json" \
    ${extra:+--baselines-file "$WORK/own/tables/baselines.json"} > "$D/result.json"
  python3 "$HERE/summary.py" "$D/result.json" | tee -a "$WORK/results.txt"
done
# print: the longest session of the sixth cohort as PDF (the @media print rules)
P=$(ls "$WORK/sixth/report/sessions/" | grep '^E1' | head -1)
chromium --headless --disable-gpu --no-sandbox --no-pdf-header-footer \
  --print-to-pdf="$WORK/E1.pdf" "file://$WORK/sixth/report/sessions/$P" > /dev/null 2>&1 || true
python3 - "$WORK/E1.pdf" <<'EOF' | tee -a "$WORK/results.txt"
import re, sys
b = open(sys.argv[1], "rb").read() if __import__("os").path.exists(sys.argv[1]) else b""
n = len(re.findall(rb"/Type\s*/Page[^s]", b))
print("print to PDF (sixth E1 session page): %s, %d pages, %d bytes" % ("ok" if n > 0 else "FAILED", n, len(b)))
EOF
