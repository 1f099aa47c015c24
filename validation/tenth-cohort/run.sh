#!/bin/sh
# Tenth audit: do the detailed tables agree with each other and with the README's Outputs?
# Builds one cohort (sample-data/, two second-cohort dyads, four third-cohort sessions with coded
# ruptures, cues and safety events, six seventh-cohort sessions with damaged or missing files, four
# sixth-cohort sessions with walks, late and early bands and a split recording, a copy of a sample
# session without the client's wristband and one with the client's band off for 100 s), reviews it as the README's first
# command does, reads every table back with the jar's `sql` (JSON lines) and checks every
# documented column relation with check.py. Run from the repository root after building:
#   sh validation/tenth-cohort/run.sh [WORK_DIR]      (default /tmp/tenth-cohort; about 8 minutes, 13 beside a build)
# SR_JAR overrides jobs/target/session-review.jar. Python 3 (standard library only) and Java 17.
# Results: WORK_DIR/results.txt (one line per check kind) and WORK_DIR/result.json.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
WORK=${1:-/tmp/tenth-cohort}
SR_JAR=${SR_JAR:-$REPO/jobs/target/session-review.jar}
[ -f "$SR_JAR" ] || { echo "no jar at $SR_JAR: build with mvn -B -q -o -pl pipeline,jobs -am package -DskipTests" >&2; exit 2; }
rm -rf "$WORK"; mkdir -p "$WORK/gen"
C=$WORK/cohort
cp -r "$REPO/sample-data" "$C"
rm -f "$C/README.md" "$C/planted.json"
DYADS=2,7 PLAN=$WORK/gen/plan2.json python3 "$REPO/validation/second-cohort/gen.py" "$C" 11 > "$WORK/gen/second.log"
python3 "$REPO/validation/third-cohort/gen.py" 31 "$WORK/gen/third" > "$WORK/gen/third.log"
for s in S02 S06 S09 S13; do cp -r "$WORK/gen/third/sessions/TC31-$s" "$C/"; done
python3 "$REPO/validation/seventh-cohort/gen.py" 71 "$WORK/gen/seventh" > "$WORK/gen/seventh.log"
for g in G02-cut-last-line-and-midway G04-empty-and-header-only G09-ibi-order-two-exports G10-out-of-range \
         G14-boris-unpaired G16-session-json-malformed; do
  cp -r "$WORK/gen/seventh/sessions/$g" "$C/"
done
python3 "$REPO/validation/sixth-cohort/gen.py" 61 "$WORK/gen/sixth" > "$WORK/gen/sixth.log"
for s in A3-on-5-10-min-before B3-late-and-early C1-split-in-video D4-short-walk-after; do
  cp -r "$WORK/gen/sixth/sessions/$s" "$C/"
done
# a session whose client wore no wristband: anxiety columns null (unknown), not 0; and one whose
# client took the band off for 100 s (EDA under 0.05 uS and skin temperature under 25 degC at
# once: not_worn), so the masked windows can be checked against artifacts/
python3 - "$C" <<'PY'
import json, os, shutil, sys
src = os.path.join(sys.argv[1], "2026-04-14_T01_1430")
dst = os.path.join(sys.argv[1], "2026-04-14_T01_1430_noclient")
shutil.copytree(src, dst)
p = os.path.join(dst, "session.json")
s = json.load(open(p))
shutil.rmtree(os.path.join(dst, s["wearables"]["client"]))
s["session_id"] = "T01-20260414-1430-NC"
s["client_id"] = "C-0902"
del s["wearables"]["client"]
json.dump(s, open(p, "w"), indent=2)

import gzip
src = os.path.join(sys.argv[1], "2026-03-09_T01_1000")
dst = os.path.join(sys.argv[1], "2026-03-09_T01_1000_offwrist")
shutil.copytree(src, dst)
p = os.path.join(dst, "session.json")
s = json.load(open(p))
s["session_id"] = "T01-20260309-1000-OFF"
json.dump(s, open(p, "w"), indent=2)
band = os.path.join(dst, s["wearables"]["client"])
for name, value in (("EDA.csv.gz", "0.010000"), ("TEMP.csv.gz", "22.00")):
    with gzip.open(os.path.join(band, name), "rt") as f:
        lines = f.read().splitlines()
    rate = float(lines[1].split(",")[0])
    for i in range(2 + int(700 * rate), 2 + int(800 * rate)):  # 700-800 s after the band's start
        lines[i] = value
    with gzip.open(os.path.join(band, name), "wt") as f:
        f.write("\n".join(lines) + "\n")
PY
java -jar "$SR_JAR" review --sessions "$C" --out "$WORK/out" --allow-demo-key > "$WORK/review.log" 2>&1
for t in sessions moments windows scr beats artifacts synchrony ruptures segments trainees clients baselines annotations rejects; do
  echo "SELECT '$t' AS block_marker FROM sessions LIMIT 1;"
  echo "SELECT * FROM $t;"
done > "$WORK/tables.sql"
java -jar "$SR_JAR" sql --tables "$WORK/out" -f "$WORK/tables.sql" --format json > "$WORK/rows.jsonl" 2> "$WORK/sql.err"
cd "$HERE" && python3 check.py "$WORK/rows.jsonl" "$WORK/out/run.json" --cohort "$C" --json "$WORK/result.json" | tee "$WORK/results.txt"
