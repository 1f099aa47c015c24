#!/bin/sh
# Third independent cohort (codings side): generate, review, evaluate.
#   sh validation/third-cohort/run.sh [WORK]      (default /tmp/third-cohort; seeds in SEEDS, default "31 32 33")
#   SR_JAR=path/to/session-review.jar to use another build (default jobs/target/session-review.jar)
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
WORK=${1:-/tmp/third-cohort}
SEEDS=${SEEDS:-"31 32 33"}
SR_JAR=${SR_JAR:-$ROOT/jobs/target/session-review.jar}
export SR_JAR
[ -f "$SR_JAR" ] || { echo "no jar at $SR_JAR: build with mvn -B -q -DskipTests package" >&2; exit 2; }
mkdir -p "$WORK"
for seed in $SEEDS; do
  D="$WORK/seed$seed"
  rm -rf "$D"
  python3 "$HERE/gen.py" "$seed" "$D"
  java -jar "$SR_JAR" review --sessions "$D/sessions" --out "$D/out" --allow-demo-key > "$D/review.log" 2>&1 \
    || { echo "review failed for seed $seed (see $D/review.log)" >&2; exit 1; }
  echo "== seed $seed"
  python3 "$HERE/evaluate.py" "$D/plan.json" "$D/out" --json "$D/result.json" | tee "$D/evaluation.txt"
done
python3 - "$WORK" $SEEDS <<'PY'
import json, sys
work, seeds = sys.argv[1], sys.argv[2:]
tot, mism = {}, []
for s in seeds:
    r = json.load(open("%s/seed%s/result.json" % (work, s)))
    for k, (e, f) in r["checks"].items():
        t = tot.setdefault(k, [0, 0]); t[0] += e; t[1] += f
    mism += [dict(m, seed=s) for m in r["mismatches"]]
print("== all seeds (%s)" % " ".join(seeds))
print("| check | expected | found as planned |")
print("|---|---|---|")
for k in sorted(tot):
    print("| %s | %d | %d |" % (k, tot[k][0], tot[k][1]))
errs = sorted(e for s in seeds for e in json.load(open("%s/seed%s/result.json" % (work, s))).get("onset_errors", []))
if errs:
    print("planted arousal episodes: start_s minus planted onset, median %.1f s, range %.1f to %.1f s, n=%d"
          % (errs[len(errs) // 2], errs[0], errs[-1], len(errs)))
print("mismatches: %d (%d marked ambiguity by the plan)" % (len(mism), len([m for m in mism if m["amb"]])))
for m in mism:
    print("- seed %s [%s] %s | %s | %s | t=%s | expected: %s | found: %s | rule: %s" % (
        m["seed"], m["class"], m["check"], m["session"], m["what"], m["times"], m["expected"], m["found"], m["rule"]))
PY
