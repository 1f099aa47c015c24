#!/usr/bin/env python3
"""Compare a session-review output with plan.json (the planted facts).

Usage: python3 eval_review.py --plan plan.json --out out [--tag NAME]
Writes results_<tag>.json and prints a report. Python 3.11 stdlib only; reads the tables through
`java -jar $SR_JAR sql ... --format csv` (one JVM for all statements; SR_JAR defaults to
jobs/target/session-review.jar).
"""
import argparse, csv, io, json, os, statistics, subprocess

JAR = os.environ.get("SR_JAR", "jobs/target/session-review.jar")
QUERIES = [
    ("moments", "SELECT session_id, kind, role, start_s, end_s, severity, evidence FROM moments ORDER BY session_id, start_s, kind"),
    ("ruptures", "SELECT session_id, episode_id, class, start_s, end_s, outcome, first_repair_s, closed_at_session_end FROM ruptures ORDER BY session_id, start_s"),
    ("sessions", "SELECT session_id, flagged, priority, anxiety_episodes, missed_opportunities, ruptures_withdrawal, ruptures_confrontation, ruptures_resolved, ruptures_partial, ruptures_unaddressed, ruptures_escalated, missing_channels, data_quality_client, data_quality_therapist, baseline_source, flag_reasons, missed_opportunity_sensitivity FROM sessions ORDER BY session_id"),
    ("rejects", "SELECT session_id, source_file, line, reason FROM rejects ORDER BY session_id, source_file, line"),
    ("artifacts", "SELECT session_id, role, channel, kind, COUNT(*) AS n, SUM(end_s - start_s) AS total_s FROM artifacts GROUP BY session_id, role, channel, kind ORDER BY session_id, role, channel, kind"),
]


def run_sql(tables):
    stmt = ";\n".join(q for _, q in QUERIES)
    r = subprocess.run(["java", "-jar", JAR, "sql", "--tables", tables, "--format", "csv", "-e", stmt],
                       capture_output=True, text=True, check=True)
    # results follow each other separated by one blank line; parse sequentially with csv
    blocks = []
    cur = []
    for line in r.stdout.split("\n"):
        if line == "" and cur:
            blocks.append("\n".join(cur))
            cur = []
        elif line != "":
            cur.append(line)
    if cur:
        blocks.append("\n".join(cur))
    if len(blocks) != len(QUERIES):
        raise SystemExit("expected %d result blocks, got %d:\n%s\n%s" % (len(QUERIES), len(blocks), r.stdout[:2000], r.stderr[-2000:]))
    return {name: list(csv.DictReader(io.StringIO(b))) for (name, _), b in zip(QUERIES, blocks)}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--plan", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--tag", default="main")
    a = ap.parse_args()
    plan = json.load(open(a.plan))
    t = run_sql(a.out)
    runj = json.load(open(os.path.join(a.out, "run.json")))
    res = {"tag": a.tag, "episodes": [], "triggers": [], "ruptures": [], "unplanned": [], "notes": []}
    mom = t["moments"]
    for s in plan["sessions"]:
        sid = s["id"]
        sm = [m for m in mom if m["session_id"] == sid]
        det = [m for m in sm if m["kind"] == "anxiety_episode" and m["role"] == "client"]
        used = set()
        # ------------------------------------------------------------ episodes
        for e in s["episodes"]:
            on = e["onset_s"]
            allc = [(i, m) for i, m in enumerate(det) if float(m["start_s"]) < on + e["duration_s"] and float(m["end_s"]) > on - 60]
            # one detection matches one planted episode: the planted onset nearest its start
            def owner(m):
                ov = [x for x in s["episodes"] if float(m["start_s"]) < x["onset_s"] + x["duration_s"] and float(m["end_s"]) > x["onset_s"] - 60]
                return min(ov, key=lambda x: abs(float(m["start_s"]) - x["onset_s"]))["id"]
            cand = [(i, m) for i, m in allc if owner(m) == e["id"]]
            row = {"session": sid, "id": e["id"], "shape": e["shape"], "ramp_s": e["ramp_s"], "duration_s": e["duration_s"],
                   "eda_rise_us": e["eda_rise_us"], "hr_rise_bpm": e["hr_rise_bpm"], "onset_s": on, "found": bool(cand),
                   "merged_into_other": bool(allc) and not cand}
            if cand:
                i, m = min(cand, key=lambda im: abs(float(im[1]["start_s"]) - on))
                used.add(i)
                row.update({"det_start_s": float(m["start_s"]), "det_end_s": float(m["end_s"]), "err_s": round(float(m["start_s"]) - on, 2),
                            "n_detected_overlapping": len(cand)})
            # missed-opportunity outcome for the onset trigger
            exp = e["expected_missed"]
            act_kinds = []
            if cand:
                ds = row["det_start_s"]
                for m in sm:
                    if m["kind"] in ("missed_opportunity", "unvoiced_arousal") and abs(float(m["start_s"]) + 10 - ds) < 1.0:
                        act_kinds.append(m["kind"])
            row.update({"response_delay_s": e["response_delay_s"], "response_code": e["response_code"], "voiced": e["voiced"],
                        "expected_missed": exp, "reported_kinds": act_kinds, "reported_missed": bool(act_kinds)})
            if cand:
                est = row["det_start_s"]
                d = e["response_delay_s"]
                row["response_rel_to_estimate_s"] = None if d is None else round(on + d - est, 2)
            res["episodes"].append(row)
        for i, m in enumerate(det):
            if i not in used:
                res["unplanned"].append({"session": sid, "kind": "client anxiety_episode", "start_s": m["start_s"], "end_s": m["end_s"], "evidence": m["evidence"]})
        for m in sm:
            if m["role"] == "therapist" and m["kind"] == "anxiety_episode":
                res["unplanned"].append({"session": sid, "kind": "therapist anxiety_episode", "start_s": m["start_s"], "end_s": m["end_s"], "evidence": m["evidence"]})
        # ------------------------------------------------------------ cue triggers
        for c in s["cue_triggers"]:
            rep = [m["kind"] for m in sm if m["kind"] == "missed_opportunity" and abs(float(m["start_s"]) - c["t"]) < 1.0]
            res["triggers"].append({"session": sid, "t": c["t"], "code": c["code"], "intensity": c["intensity"], "response": c["response"],
                                    "delay": c["delay"], "is_trigger": c["trigger"], "expected_missed": c["expected_missed"], "reported_missed": bool(rep)})
        # moments of a missed kind that match no planted trigger
        ep_starts = [float(m["start_s"]) for m in det]
        for m in sm:
            if m["kind"] in ("missed_opportunity", "unvoiced_arousal"):
                st = float(m["start_s"])
                if not any(abs(st + 10 - x) < 1 for x in ep_starts) and not any(abs(st - c["t"]) < 1 for c in s["cue_triggers"]):
                    res["unplanned"].append({"session": sid, "kind": m["kind"], "start_s": m["start_s"], "evidence": m["evidence"]})
        # ------------------------------------------------------------ ruptures
        rr = [r for r in t["ruptures"] if r["session_id"] == sid]
        for r in s["ruptures"]:
            got = [x for x in rr if x["class"] == r["class"] and abs(float(x["start_s"]) - r["start_s"]) < 1]
            res["ruptures"].append({"session": sid, "class": r["class"], "start_s": r["start_s"], "expected": r["expected"],
                                    "actual": got[0]["outcome"] if got else None})
        for x in rr:
            if not any(x["class"] == r["class"] and abs(float(x["start_s"]) - r["start_s"]) < 1 for r in s["ruptures"]):
                res["unplanned"].append({"session": sid, "kind": "rupture", "start_s": x["start_s"], "outcome": x["outcome"]})
        for m in sm:
            if m["kind"] in ("safety", "pressure_above_threshold", "synchrony_drop"):
                res["unplanned"].append({"session": sid, "kind": m["kind"], "start_s": m["start_s"], "evidence": m["evidence"]})
    # ------------------------------------------------------------ summary figures
    eps = res["episodes"]
    found = [e for e in eps if e["found"]]
    errs = [e["err_s"] for e in found]
    summ = {"episodes_planted": len(eps), "episodes_found": len(found)}
    if errs:
        summ.update({"median_err_s": statistics.median(errs), "within_15s": sum(1 for x in errs if abs(x) <= 15),
                     "worst_err_s": max(errs, key=abs), "min_err_s": min(errs), "max_err_s": max(errs),
                     "mean_abs_err_s": round(sum(abs(x) for x in errs) / len(errs), 1)})
        byshape = {}
        for e in found:
            byshape.setdefault(e["shape"], []).append(e["err_s"])
        summ["by_shape"] = {k: {"n": len(v), "median": statistics.median(v), "within_15s": sum(1 for x in v if abs(x) <= 15), "range": [min(v), max(v)]} for k, v in byshape.items()}
    # missed-opportunity confusion: episode triggers (settle: onset >= 120 s always here) + cue triggers
    def conf(rows):
        tp = sum(1 for r in rows if r["expected_missed"] and r["reported_missed"])
        fp = sum(1 for r in rows if not r["expected_missed"] and r["reported_missed"])
        fn = sum(1 for r in rows if r["expected_missed"] and not r["reported_missed"])
        tn = sum(1 for r in rows if not r["expected_missed"] and not r["reported_missed"])
        return {"tp": tp, "fp": fp, "fn": fn, "tn": tn,
                "precision": round(tp / (tp + fp), 3) if tp + fp else None, "recall": round(tp / (tp + fn), 3) if tp + fn else None}
    summ["missed_episode_triggers_all"] = conf(eps)
    summ["missed_episode_triggers_voiced"] = conf([e for e in eps if e["voiced"]])
    summ["missed_episode_triggers_unvoiced"] = conf([e for e in eps if not e["voiced"]])
    summ["missed_cue_triggers"] = conf(res["triggers"])
    summ["missed_all"] = conf(eps + res["triggers"])
    bydelay = {}
    for e in eps:
        k = "%s@%s" % (e["response_code"] if e["response_code"] in ("INT_TOPIC_SHIFT", "INT_REASSURANCE") else "explicit", e["response_delay_s"])
        bydelay.setdefault(k, [0, 0])
        bydelay[k][0] += 1
        bydelay[k][1] += int(e["reported_missed"])
    summ["reported_missed_by_response_delay"] = {k: "%d of %d reported missed" % (v[1], v[0]) for k, v in sorted(bydelay.items())}
    summ["ruptures_as_planted"] = "%d of %d" % (sum(1 for r in res["ruptures"] if r["expected"] == r["actual"]), len(res["ruptures"]))
    summ["unplanned_flags"] = len(res["unplanned"])
    summ["rejects_rows"] = len(t["rejects"])
    bad = [i for i in runj["inputs"] if i["records_read"] != i["records_accepted"] + i["records_rejected"]]
    summ["run_json_files"] = len(runj["inputs"])
    summ["run_json_files_read_ne_acc_plus_rej"] = len(bad)
    summ["run_json_records_rejected"] = runj["totals"]["records_rejected"]
    res["summary"] = summ
    res["sessions_table"] = t["sessions"]
    res["artifacts"] = t["artifacts"]
    res["rejects"] = t["rejects"]
    out = os.path.join(os.path.dirname(os.path.abspath(a.plan)), "results_%s.json" % a.tag)
    json.dump(res, open(out, "w"), indent=1)
    # --------------------------------------------------------------- print
    print("== episodes (%s)" % a.tag)
    print("%-8s %-10s %6s %6s %5s %5s %8s %8s %7s %6s %-8s %-5s %s" % ("id", "shape", "ramp", "dur", "dEDA", "dHR", "onset", "det", "err", "resp", "code", "exp", "reported"))
    for e in eps:
        print("%-8s %-10s %6.1f %6.1f %5.2f %5.1f %8.1f %8s %7s %6s %-8s %-5s %s" % (
            e["id"], e["shape"], e["ramp_s"], e["duration_s"], e["eda_rise_us"], e["hr_rise_bpm"], e["onset_s"],
            e.get("det_start_s", "-"), e.get("err_s", "-"), e["response_delay_s"], (e["response_code"] or "-")[4:12],
            "M" if e["expected_missed"] else "ok", ",".join(e["reported_kinds"]) or "-"))
    print("== cue triggers")
    for c in res["triggers"]:
        print(c)
    print("== ruptures")
    for r in res["ruptures"]:
        print(r)
    print("== unplanned")
    for u in res["unplanned"]:
        print(u)
    print("== summary")
    print(json.dumps(summ, indent=1))


if __name__ == "__main__":
    main()
