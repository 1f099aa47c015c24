#!/usr/bin/env python3
"""check.py PLAN TABLES_JSONL: compare the review's tables (sql --format json, blocks separated by
a row {"block": name}) with plan.json. Prints one line per variant and every mismatch; exit 1 on any."""
import json
import sys

TOL = 0.0015


def load_tables(path):
    tables, cur = {}, None
    with open(path) as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            o = json.loads(line)
            if list(o.keys()) == ["block"]:
                cur = o["block"]
                tables[cur] = []
            elif cur:
                tables[cur].append(o)
    return tables


def near(a, b, tol=TOL):
    if a is None or b is None:
        return a is None and b is None
    return abs(float(a) - float(b)) <= tol


def check_annotations(s, ev, rows, out):
    left = list(rows)
    for e in ev:
        hit = None
        for r in left:
            if r["code"] != e["code"] or r["actor"] != e["actor"] or not near(r["start_s"], e["start_s"]):
                continue
            if e["end_s"] is None:
                ok_end = r["end_s"] is None or (s["point_may_have_end"] and float(r["end_s"]) - float(r["start_s"]) <= 0.1)
            else:
                ok_end = near(r["end_s"], e["end_s"])
            if ok_end:
                hit = r
                break
        if hit is None:
            cand = [(r["code"], r["actor"], r["start_s"], r["end_s"]) for r in rows if r["code"] == e["code"]]
            out.append("annotation missing or mistimed: %s %s %.3f-%s; rows of that code: %s"
                       % (e["code"], e["actor"], e["start_s"], e["end_s"], cand))
            continue
        left.remove(hit)
        m = s["expect_modifiers"]  # true: significance and intensity; "significance": that only; false: none
        want = e["mods"].get("significance") if m else None
        if want is None and m is True:
            want = e["mods"].get("intensity")
        got = hit.get("significance")
        if want is not None and (got is None or int(got) != int(want)):
            out.append("%s at %.3f: significance/intensity %s, expected %s (modifiers %s)"
                       % (e["code"], e["start_s"], got, want, hit.get("modifiers")))
    for r in left:
        out.append("unplanned annotation: %s %s %s-%s (line %s)" % (r["code"], r["actor"], r["start_s"], r["end_s"],
                                                                    r.get("source_line")))


def main():
    plan = json.load(open(sys.argv[1]))
    t = load_tables(sys.argv[2])
    by = lambda name, sid: [r for r in t.get(name, []) if r.get("session_id") == sid]
    exp = plan["expect"]
    ref_moments = None
    fails = 0
    print("%-32s %5s %5s %5s %5s %5s %5s" % ("variant", "annot", "rejct", "ruptr", "momnt", "sess", "same"))
    details = []
    for s in plan["sessions"]:
        sid = s["session_id"]
        res = {}
        # annotations
        out = []
        check_annotations(s, plan["events"], by("annotations", sid), out)
        res["annot"] = out
        # rejects
        out = []
        rj = by("rejects", sid)
        for x in s["expected_rejects"]:
            if not any(x["match"].lower() in (r.get("reason") or "").lower() for r in rj):
                out.append("expected reject not found (%s)" % x["why"])
        if len(rj) != len(s["expected_rejects"]):
            out.append("%d reject rows, expected %d: %s" % (len(rj), len(s["expected_rejects"]),
                                                            ["line %s: %s" % (r["line"], r["reason"]) for r in rj]))
        res["rejct"] = out
        # ruptures
        out = []
        rp = sorted(by("ruptures", sid), key=lambda r: float(r["start_s"]))
        want = exp["ruptures"]
        if len(rp) != len(want):
            out.append("%d rupture episodes, expected %d" % (len(rp), len(want)))
        for w in want:
            m = [r for r in rp if r["class"] == w["class"] and near(r["start_s"], w["start_s"])]
            if not m:
                out.append("no %s episode at %s" % (w["class"], w["start_s"]))
                continue
            r = m[0]
            if r["outcome"] != w["outcome"]:
                out.append("%s episode outcome %s, expected %s" % (w["class"], r["outcome"], w["outcome"]))
            if not near(r["first_repair_s"], w["first_repair_s"]):
                out.append("%s episode first_repair_s %s, expected %s" % (w["class"], r["first_repair_s"], w["first_repair_s"]))
            nm = len(r["markers"]) if isinstance(r["markers"], list) else int(r["markers"])
            if nm != w["markers"]:
                out.append("%s episode markers %s" % (w["class"], r["markers"]))
            ms = w["max_significance"] if s["expect_modifiers"] else None
            got = r.get("max_significance")
            if (ms is None) != (got is None) or (ms is not None and int(got) != ms):
                out.append("%s episode max_significance %s, expected %s" % (w["class"], got, ms))
        res["ruptr"] = out
        # coded moments
        out = []
        mo = by("moments", sid)
        for w in exp["coded_moments"]:
            if not any(m["kind"] == w["kind"] and abs(float(m["start_s"]) - w["start_s"]) <= 1.0 for m in mo):
                out.append("no %s moment at %s (%s)" % (w["kind"], w["start_s"], w["why"]))
        for m in mo:
            if m["kind"] == "missed_opportunity" and abs(float(m["start_s"]) - 300.0) <= 1.0:
                out.append("missed_opportunity at 300 s: the AFF_CUE was answered at 305 s")
            if m["kind"] == "pressure_above_threshold":
                out.append("unplanned pressure_above_threshold at %s" % m["start_s"])
        res["momnt"] = out
        # sessions
        out = []
        ss = by("sessions", sid)
        if len(ss) != 1:
            out.append("%d sessions rows" % len(ss))
        else:
            for k, v in exp["sessions"].items():
                if ss[0].get(k) is None or int(ss[0][k]) != v:
                    out.append("sessions.%s %s, expected %s" % (k, ss[0].get(k), v))
        res["sess"] = out
        # every moment the same as the first variant's (physiology is the same in every session)
        key = sorted((m["kind"], m["role"], round(float(m["start_s"]), 1),
                      None if m["end_s"] is None else round(float(m["end_s"]), 1)) for m in mo)
        out = []
        if ref_moments is None:
            ref_moments = key
        elif key != ref_moments:
            out.append("moments differ from the first variant's: extra %s, missing %s"
                       % ([k for k in key if k not in ref_moments], [k for k in ref_moments if k not in key]))
        res["same"] = out
        cells = ["ok" if not res[k] else "FAIL" for k in ("annot", "rejct", "ruptr", "momnt", "sess", "same")]
        print("%-32s %5s %5s %5s %5s %5s %5s" % (s["variant"], *cells))
        for k, v in res.items():
            for line in v:
                details.append("%s [%s] %s" % (s["variant"], k, line))
                fails += 1
    print()
    print("reference moments (%d): %s" % (len(ref_moments or []), ref_moments))
    print("%d mismatches" % fails)
    for d in details:
        print(" -", d)
    sys.exit(1 if fails else 0)


if __name__ == "__main__":
    main()
