#!/usr/bin/env python3
"""Compare the review's rule tables with oracle.py, row for row (python3 stdlib only).

check.py OUT [--json FILE]: reads OUT's tables with the jar's `sql` command (one JVM, five
statements, cached as OUT/../q16.jsonl), runs oracle.py on each session's accepted annotations
(so only the rules are compared, not the readers), and prints every mismatch with the session,
the coded events around it and the rule. SR_JAR names the jar (default jobs/target/session-review.jar).
"""
import json
import os
import subprocess
from collections import Counter
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import oracle  # noqa: E402

QUERIES = [
    ("ruptures", "SELECT session_id, episode_id, class, start_s, end_s, markers, outcome, first_repair_s, "
                 "time_to_first_repair_s, strategies, max_significance, mixed, closed_at_session_end FROM ruptures"),
    ("moments", "SELECT session_id, kind, role, start_s, end_s, evidence FROM moments"),
    ("segments", "SELECT * FROM segments"),
    ("annotations", "SELECT session_id, code, actor, start_s, end_s, significance, modifiers, source_line "
                    "FROM annotations"),
    ("sessions", "SELECT session_id, duration_s, annotation_count, safety_events, ruptures_withdrawal, "
                 "ruptures_confrontation, ruptures_resolved, ruptures_partial, ruptures_unaddressed, "
                 "ruptures_escalated, median_time_to_repair_s, segments_with_w_share, segments_with_c_share, "
                 "resolution_ratio, missed_opportunities, missed_opportunity_sensitivity FROM sessions"),
]


def load(out):
    cache = os.path.join(os.path.dirname(os.path.abspath(out)), "q16.jsonl")
    if not os.path.exists(cache) or os.path.getmtime(cache) < os.path.getmtime(os.path.join(out, "run.json")):
        jar = os.environ.get("SR_JAR", "jobs/target/session-review.jar")
        stmt = "; ".join(q for _, q in QUERIES)
        res = subprocess.run(["nice", "-n", "19", "java", "-jar", jar, "sql", "--tables", out,
                              "--format", "json", "-e", stmt], capture_output=True, text=True)
        if res.returncode != 0:
            sys.exit("sql failed: " + res.stderr[-2000:])
        with open(cache, "w") as f:
            f.write(res.stdout)
    blocks, cur = [], []
    with open(cache) as f:
        for line in f:
            line = line.strip()
            if not line:
                blocks.append(cur)
                cur = []
            else:
                cur.append(json.loads(line))
    blocks.append(cur)
    blocks = blocks[:len(QUERIES)] + [[]] * (len(QUERIES) - len(blocks))
    tables = {}
    for (name, _), rows in zip(QUERIES, blocks):
        by = {}
        for r in rows:
            by.setdefault(r["session_id"], []).append(r)
        tables[name] = by
    return tables


def near(evs, t, span=150.0):
    return [repr(e) for e in sorted(evs, key=lambda e: e.s) if abs(e.s / 1000 - t) <= span]


def feq(a, b):
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, float) or isinstance(b, float):
        return abs(float(a) - float(b)) < 1e-6
    return a == b


class Result:
    def __init__(self):
        self.counts = {}
        self.mismatches = []

    def check(self, what, ok, **detail):
        c = self.counts.setdefault(what, [0, 0])
        c[0] += 1
        c[1] += 1 if ok else 0
        if not ok:
            self.mismatches.append(dict(check=what, **detail))


RUP_FIELDS = ["end_s", "markers", "outcome", "first_repair_s", "time_to_first_repair_s", "strategies",
              "max_significance", "mixed", "closed_at_session_end"]
SEG_FIELDS = ["start_s", "end_s", "marker_counts", "withdrawal_markers", "confrontation_markers",
              "max_significance_w", "max_significance_c", "repair_count", "repair_max_significance"]
SES_FIELDS = ["ruptures_withdrawal", "ruptures_confrontation", "ruptures_resolved", "ruptures_partial",
              "ruptures_unaddressed", "ruptures_escalated", "median_time_to_repair_s",
              "segments_with_w_share", "segments_with_c_share", "resolution_ratio",
              "missed_opportunities", "missed_opportunity_sensitivity", "safety_events"]


def compare_session(sid, t, res):
    ses = t["sessions"][sid][0]
    rows = sorted(t["annotations"].get(sid, []), key=lambda r: r["source_line"])
    episodes = [(m["start_s"], m["end_s"]) for m in t["moments"].get(sid, [])
                if m["kind"] == "anxiety_episode" and m["role"] == "client"]
    exp = oracle.review(rows, ses["duration_s"], episodes)
    evs = exp["events"]
    # ruptures, matched by class and start
    found = {(r["class"], round(r["start_s"], 3)): r for r in t["ruptures"].get(sid, [])}
    want = {(r["class"], round(r["start_s"], 3)): r for r in exp["ruptures"]}
    for k in sorted(set(found) | set(want)):
        f, w = found.get(k), want.get(k)
        if f is None or w is None:
            res.check("rupture episode exists", False, session=sid, key=k, expected=w and "episode",
                      found=f and "episode", events=near(evs, k[1], 400))
            continue
        res.check("rupture episode exists", True)
        for fld in RUP_FIELDS:
            ok = f[fld] == w[fld] if isinstance(w[fld], list) else feq(f[fld], w[fld])
            res.check("rupture " + fld, ok, session=sid, key=k, expected=w[fld], found=f[fld],
                      events=near(evs, k[1], 450))
    # segments
    fs = {r["segment_index"]: r for r in t["segments"].get(sid, [])}
    ws = {r["segment_index"]: r for r in exp["segments"]}
    for k in sorted(set(fs) | set(ws)):
        f, w = fs.get(k), ws.get(k)
        if f is None or w is None:
            res.check("segment row exists", False, session=sid, key=k, expected=w, found=f)
            continue
        res.check("segment row exists", True)
        for fld in SEG_FIELDS:
            res.check("segment " + fld, feq(f[fld], w[fld]), session=sid, key=k, expected=w[fld],
                      found=f[fld], events=near(evs, k * 300 + 150, 160))
    # sessions
    for fld in SES_FIELDS:
        res.check("sessions " + fld, feq(ses[fld], exp["sessions"][fld]), session=sid,
                  expected=exp["sessions"][fld], found=ses[fld])
    moms = t["moments"].get(sid, [])
    # rupture moments: one per episode, unaddressed ones as unaddressed_rupture
    fm = sorted((m["kind"], round(m["start_s"], 3)) for m in moms if m["kind"] in ("rupture", "unaddressed_rupture"))
    wm = sorted(("unaddressed_rupture" if r["outcome"] == "unaddressed" else "rupture", round(r["start_s"], 3))
                for r in exp["ruptures"])
    res.check("rupture moments", fm == wm, session=sid, expected=wm, found=fm)
    # missed opportunities: each missed trigger one moment [t, window end]
    fmo = sorted((round(m["start_s"], 3), round(m["end_s"], 3)) for m in moms if m["kind"] == "missed_opportunity")
    wmo = sorted((round(m["start_s"], 3), round(m["end_s"], 3)) for m in exp["missed"] if m["missed"])
    for k in sorted(set(fmo) | set(wmo)):
        ok = fmo.count(k) == wmo.count(k)
        res.check("missed opportunity moment", ok, session=sid, key=k, expected=wmo.count(k),
                  found=fmo.count(k), events=near(evs, k[0], 40))
    fu = sorted((round(m["start_s"], 3), round(m["end_s"], 3)) for m in moms if m["kind"] == "unvoiced_arousal")
    wu = sorted((round(m["start_s"], 3), round(m["end_s"], 3)) for m in exp["missed"] if m["unvoiced"])
    for k in sorted(set(fu) | set(wu)):
        res.check("unvoiced arousal moment", fu.count(k) == wu.count(k), session=sid, key=k,
                  expected=wu.count(k), found=fu.count(k), events=near(evs, k[0], 60))
    # pressure above threshold
    fp = sorted((round(m["start_s"], 3), round(m["end_s"], 3)) for m in moms if m["kind"] == "pressure_above_threshold")
    wp = sorted((round(m["start_s"], 3), round(m["end_s"], 3)) for m in exp["pressure"])
    for k in sorted(set(fp) | set(wp)):
        res.check("pressure_above_threshold moment", fp.count(k) == wp.count(k), session=sid, key=k,
                  expected=wp.count(k), found=fp.count(k), events=near(evs, k[0], 40))
    # safety: every event a moment, answered or not
    def state(ev):
        e = ev["evidence"]
        if "no therapist response coded within" in e:
            return "unanswered"
        if "could not be observed" in e or "not observable" in e:
            return "unobservable"
        return "answered"
    fsf = sorted((round(m["start_s"], 3), state(m)) for m in moms if m["kind"] == "safety")
    wsf = sorted((round(s["start_s"], 3), "answered" if s["answered"] else
                  ("unanswered" if s["observable"] else "unobservable")) for s in exp["safety"])
    for k in sorted(set(fsf) | set(wsf)):
        res.check("safety moment", fsf.count(k) == wsf.count(k), session=sid, key=k,
                  expected=wsf.count(k), found=fsf.count(k), events=near(evs, k[0], 80))


def compare_read(planned, t, res):
    """Every generated event with a known code is a row of annotations/ (code, actor, start ms);
    an exact repeat of a row is read once (README: the repeat is a reject)."""
    for sid, evs in sorted(planned.items()):
        want = sorted(tuple(p[:3]) for p in {tuple(p) for p in evs})
        got = sorted((r["code"], r["actor"], int(round(r["start_s"] * 1000))) for r in t["annotations"].get(sid, []))
        cw, cg = Counter(want), Counter(got)
        res.check("annotations read as generated", want == got, session=sid,
                  expected=sorted((cw - cg).items())[:5], found=sorted((cg - cw).items())[:5])


def main():
    out = sys.argv[1]
    t = load(out)
    res = Result()
    plan = os.path.join(os.path.dirname(os.path.abspath(out)), "planned.json")
    if os.path.exists(plan):
        with open(plan) as f:
            compare_read(json.load(f), t, res)
    for sid in sorted(t["sessions"]):
        compare_session(sid, t, res)
    width = max(len(k) for k in res.counts)
    print("%-*s %8s %8s" % (width, "check", "compared", "equal"))
    for k in sorted(res.counts):
        print("%-*s %8d %8d" % (width, k, *res.counts[k]))
    print("sessions: %d, mismatches: %d" % (len(t["sessions"]), len(res.mismatches)))
    for m in res.mismatches:
        print(json.dumps(m, default=str))
    if "--json" in sys.argv:
        with open(sys.argv[sys.argv.index("--json") + 1], "w") as f:
            json.dump({"counts": res.counts, "mismatches": res.mismatches}, f, default=str, indent=1)


if __name__ == "__main__":
    main()
