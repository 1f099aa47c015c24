#!/bin/sh
# The sixteenth audit's differential test of the coded-event rules against oracle.py.
# Usage: SR_JAR=jobs/target/session-review.jar sh validation/sixteenth-cohort/run.sh WORK [SEED...]
# (default seeds 161 162 163; about 1 minute a seed: generate, review, one `sql` JVM, compare).
set -e
HERE=$(cd "$(dirname "$0")" && pwd)
WORK=${1:?usage: run.sh WORK [SEED...]}
shift
SEEDS=${*:-161 162 163}
SR_JAR=${SR_JAR:-jobs/target/session-review.jar}
export SR_JAR
mkdir -p "$WORK"
for seed in $SEEDS; do
  dir="$WORK/seed$seed"
  rm -rf "$dir"
  python3 "$HERE/gen.py" "$seed" "$dir"
  nice -n 19 java -jar "$SR_JAR" review --sessions "$dir/sessions" --out "$dir/out" --allow-demo-key \
    > "$dir/review.log" 2>&1 || { tail -20 "$dir/review.log"; exit 1; }
  python3 "$HERE/check.py" "$dir/out" --json "$dir/check.json" > "$dir/check.txt"
  grep -v '^{' "$dir/check.txt" | tail -1 | sed "s/^/seed $seed: /"
done
python3 - "$WORK" $SEEDS <<'PY'
import json, sys
work, seeds = sys.argv[1], sys.argv[2:]
tot, mism = {}, []
for s in seeds:
    d = json.load(open("%s/seed%s/check.json" % (work, s)))
    for k, (n, ok) in d["counts"].items():
        t = tot.setdefault(k, [0, 0]); t[0] += n; t[1] += ok
    mism += [dict(m, seed=s) for m in d["mismatches"]]
w = max(map(len, tot))
print("%-*s %9s %9s" % (w, "check (all seeds)", "compared", "equal"))
for k in sorted(tot):
    print("%-*s %9d %9d" % (w, k, *tot[k]))
print("compared %d, equal %d, mismatches %d" % (sum(t[0] for t in tot.values()), sum(t[1] for t in tot.values()), len(mism)))
for m in mism:
    m.pop("events", None)
    print(json.dumps(m, default=str)[:600])
PY
