#!/usr/bin/env python3
"""Fifteenth audit: the review's episodes against the responses planted into real recordings.

usage: check.py plan.json rows.jsonl [--json out.json]

rows.jsonl is the jar's `sql --format json` output of run.sh's tables.sql (blocks introduced by a
row {"block_marker": name}). Every expectation comes from plan.json (gen.py) and the README /
DOMAIN.md rules; nothing is read from the product but its output tables.

* A planted response is found when an episode of its wearer overlaps [onset - 60 s, end of its
  active part + 60 s]; the one starting nearest the onset is its match; onset error = start_s -
  the true onset (the heart rate's; EDA follows 2 s later). The issue asks for 15 s.
* The same wearer's background was also reviewed with nothing planted (`C-` sessions). An episode
  of a planted session that matches no plant is a false alarm; it is "background" when the control
  review of that recording has an episode overlapping it (a real event of the recording, or of
  how its rests were joined), "join" when it starts within 240 s after a join of the rests or 60 s
  before one, "drift" on a wearer with a planted drift, else "unexplained". A plant whose match
  overlaps a background episode is counted apart ("on a background event").
* Missed opportunities (DOMAIN.md 5): a planted client onset with a therapist response 5, 15 or
  30 s after it is answered, one at 60 s or without a response is missed; the review reports a
  physiological trigger as missed with a `missed_opportunity` or `unvoiced_arousal` moment
  starting 10 s before the episode's start.
"""
import json
import statistics
import sys
from collections import defaultdict


def load_rows(path):
    blocks, cur = defaultdict(list), None
    with open(path) as fh:
        for line in fh:
            line = line.strip()
            if not line.startswith("{"):
                continue
            r = json.loads(line)
            if "block_marker" in r:
                cur = r["block_marker"]
                continue
            blocks[cur].append(r)
    return blocks


def rising(evidence):
    head = evidence.split(" (other channels")[0]
    head = head.split("arousal: ", 1)[-1].replace("rests on a single channel (EDA level): ", "")
    head = head.split(": ", 1)[-1] if head.startswith("rests on") else head
    return [c.rsplit(" z ", 1)[0] for c in head.split(", ")]


def overlaps(a0, a1, b0, b1):
    return a0 < b1 and b0 < a1


def main():
    plan = json.load(open(sys.argv[1]))
    rows = load_rows(sys.argv[2])
    out_json = sys.argv[sys.argv.index("--json") + 1] if "--json" in sys.argv else None
    eps = defaultdict(list)
    mo = defaultdict(list)
    for m in rows["moments"]:
        if m["kind"] == "anxiety_episode":
            eps[(m["session_id"], m["role"])].append(m)
        mo[m["session_id"]].append(m)
    win = defaultdict(list)
    for w in rows["windows"]:
        win[(w["session_id"], w["role"])].append(w)
    sessions = {s["session_id"]: s for s in plan["sessions"]}

    # control episodes per recording (a wearer's review depends on its own files only)
    control = defaultdict(list)
    control_hours = defaultdict(float)
    for s in plan["sessions"]:
        if s["group"] != "control":
            continue
        for role, rec in (("client", s["client"]), ("therapist", s["therapist"])):
            for e in eps[(s["session_id"], role)]:
                control[rec].append((e["start_s"], e["end_s"], s["session_id"], role, e["evidence"]))
            control_hours[rec] = max(control_hours[rec], s["duration_s"] / 3600.0)
    ctrl_sid = {}
    for s in plan["sessions"]:
        if s["group"] == "control":
            ctrl_sid[s["client"]] = (s["session_id"], "client")
    out = {"control": {}, "plants": [], "false_alarms": [], "summary": {}}
    print("== control (nothing planted): episodes of the real backgrounds")
    seen = set()
    n_ctrl = 0
    for rec in sorted(control_hours):
        uniq = sorted({(round(a, 1), round(b, 1)) for a, b, *_ in control[rec]})
        n_ctrl += len(uniq)
        seen.add(rec)
        out["control"][rec] = uniq
        print("  %-20s %.2f h  %d episode(s) %s" % (rec, control_hours[rec], len(uniq), uniq))
    print("  all: %d episodes in %.2f wearer-hours (%.2f per hour)" % (
        n_ctrl, sum(control_hours.values()), n_ctrl / sum(control_hours.values())))

    plants = []
    fa = []
    hours = 0.0
    for s in plan["sessions"]:
        if s["group"] != "planted":
            continue
        sid = s["session_id"]
        for role in ("client", "therapist"):
            rec = s[role]
            hours += s["duration_s"] / 3600.0
            joins = s["%s_joins_s" % role]
            drift = s["%s_drift" % role]
            mine = [p for p in s["plants"] if p["role"] == role]
            used = set()
            for p in mine:
                lo, hi = p["onset_s"] - 60, p["active_end_s"] + 60
                cand = [e for e in eps[(sid, role)] if overlaps(e["start_s"], e["end_s"], lo, hi)]
                cand.sort(key=lambda e: abs(e["start_s"] - p["onset_s"]))
                r = dict(p)
                r.update({"session_id": sid, "recording": rec})
                ws = [w for w in win[(sid, role)] if p["onset_s"] <= w["start_s"] + 30 and w["start_s"] <= p["active_end_s"]]
                idx = [w["anxiety_index"] for w in ws if w["anxiety_index"] is not None]
                r["max_index"] = round(max(idx), 2) if idx else None
                r["max_z_scl"] = round(max([w["z_scl"] for w in ws if w["z_scl"] is not None] or [float("nan")]), 2)
                r["max_z_hr"] = round(max([w["z_hr"] for w in ws if w["z_hr"] is not None] or [float("nan")]), 2)
                if cand:
                    e = cand[0]
                    used.add(id(e))
                    r["found"] = True
                    r["start_s"] = e["start_s"]
                    r["end_s"] = e["end_s"]
                    r["onset_error_s"] = round(e["start_s"] - p["onset_s"], 1)
                    r["evidence"] = e["evidence"]
                    r["rising"] = rising(e["evidence"])
                    r["single_channel_evidence"] = "rests on a single channel" in e["evidence"]
                    r["on_background_event"] = any(overlaps(a, b, e["start_s"], e["end_s"]) or
                                                   overlaps(a, b, p["onset_s"] - 180, p["active_end_s"])
                                                   for a, b, *_ in control[rec])
                    if role == "client":
                        rep = [m for m in mo[sid] if m["kind"] in ("missed_opportunity", "unvoiced_arousal")
                               and m["role"] == "client" and abs(m["start_s"] + 10 - e["start_s"]) < 1.0]
                        r["reported_missed"] = bool(rep)
                        d = p.get("response_delay_s")
                        r["truly_missed"] = d is None or not (-10 <= d <= 30)
                        r["excluded_120s"] = e["start_s"] < 120
                else:
                    r["found"] = False
                    r["on_background_event"] = any(overlaps(a, b, p["onset_s"] - 180, p["active_end_s"])
                                                   for a, b, *_ in control[rec])
                # what the review measured of the plant: planted minus control windows on the
                # plateau (the same real background reviewed with nothing planted)
                csid = ctrl_sid[rec]
                cw = {w["start_s"]: w for w in win[csid]}
                plateau = [w for w in win[(sid, role)]
                           if p["onset_s"] + p["rise_s"] + 30 <= w["start_s"] and w["start_s"] + 30 <= p["active_end_s"]]
                for col, key in (("hr_bpm", "measured_dhr_bpm"), ("eda_scl_us", "measured_deda_us")):
                    d = [w[col] - cw[w["start_s"]][col] for w in plateau
                         if w["start_s"] in cw and w[col] is not None and cw[w["start_s"]][col] is not None]
                    r[key] = round(statistics.median(d), 2) if d else None
                plants.append(r)
            for e in eps[(sid, role)]:
                if id(e) in used:
                    continue
                if any(overlaps(a, b, e["start_s"], e["end_s"]) for a, b, *_ in control[rec]):
                    cause = "background"
                elif any(overlaps(e["start_s"], e["end_s"], p["onset_s"] - 180, p["recovered_s"]) for p in mine):
                    cause = "plant recovery"
                elif any(j - 60 <= e["start_s"] <= j + 240 for j in joins):
                    cause = "join"
                elif drift:
                    cause = "drift"
                else:
                    cause = "unexplained"
                fa.append({"session_id": sid, "role": role, "recording": rec, "start_s": e["start_s"],
                           "end_s": e["end_s"], "cause": cause, "evidence": e["evidence"]})
    out["plants"], out["false_alarms"] = plants, fa

    def line(label, ps):
        f = [p for p in ps if p["found"]]
        errs = [p["onset_error_s"] for p in f]
        w15 = sum(1 for x in errs if abs(x) <= 15)
        med = statistics.median(errs) if errs else float("nan")
        rng = "%+.1f..%+.1f" % (min(errs), max(errs)) if errs else "-"
        print("  %-26s found %2d/%-2d  within 15 s %2d/%-2d  median %+6.1f s  range %s" % (
            label, len(f), len(ps), w15, len(f), med, rng))
        return {"planted": len(ps), "found": len(f), "within_15s": w15, "median_error_s": med, "range": rng}

    summ = out["summary"]
    clean = [p for p in plants if not p["on_background_event"]]
    print("== planted responses (%d; %d matched an episode that overlaps a background episode, left out below)" % (
        len(plants), len(plants) - len(clean)))
    summ["all"] = line("all", clean)
    for role in ("client", "therapist"):
        summ[role] = line(role, [p for p in clean if p["role"] == role])
    for key, vals in (("kind", ("both", "eda_only", "hr_only")), ("magnitude", ("weak", "medium", "strong")),
                      ("shape", ("step", "ramp", "S"))):
        for v in vals:
            summ["%s=%s" % (key, v)] = line("%s=%s" % (key, v), [p for p in clean if p[key] == v])
    for v in ("weak", "medium", "strong"):
        for k in ("both", "eda_only", "hr_only"):
            ps = [p for p in clean if p["magnitude"] == v and p["kind"] == k]
            if ps:
                summ["%s/%s" % (v, k)] = line("%s/%s" % (v, k), ps)
    print("== each planted response")
    for p in plants:
        print("  %-18s %-9s %5.0f s %-6s %-5s %-8s EDA %.2f uS HR %+4.1f T %.2f rise %4.1f act %5.1f (measured %s uS %s bpm) | %s" % (
            p["session_id"], p["role"], p["onset_s"], p["magnitude"], p["shape"], p["kind"], p["eda_tonic_us"],
            p["hr_bpm"], p["temp_fall_c"], p["rise_s"], p["active_end_s"] - p["onset_s"],
            p["measured_deda_us"], p["measured_dhr_bpm"],
            ("found %+6.1f s %s%s%s" % (p["onset_error_s"], "/".join(p["rising"]),
                                         " SINGLE" if p["single_channel_evidence"] else "",
                                         " [background]" if p["on_background_event"] else ""))
            if p["found"] else "MISSED max index %s z_scl %s z_hr %s" % (p["max_index"], p["max_z_scl"], p["max_z_hr"])))
    print("== single-channel plants: evidence")
    for p in plants:
        if p["kind"] != "both":
            print("  %-18s %-8s %-6s %s" % (p["session_id"], p["kind"], p["magnitude"],
                                           ("episode, rising: %s%s" % ("/".join(p["rising"]), ", 'rests on a single channel'" if p["single_channel_evidence"] else ""))
                                           if p["found"] else "no episode"))
    print("== missed concordant responses, by what the windows show (max over the response's windows)")
    miss_cause = defaultdict(list)
    for p in clean:
        if p["kind"] != "both" or p["found"]:
            continue
        if p["max_z_scl"] != p["max_z_scl"] or p["max_z_scl"] < 1:
            c = "EDA level never 1 z above its baseline (the level fell below the calibration stretch's)"
        elif p["max_z_hr"] != p["max_z_hr"] or p["max_z_hr"] < 1:
            c = "heart rate never 1 z above its baseline (the rest after the tasks below the first rest's)"
        elif p["max_index"] is not None and p["max_index"] >= 2.0:
            c = "index at 2.0 or more, no episode (concordance support or the shifted-level rule)"
        else:
            c = "both channels rose, index below 2.0"
        miss_cause[c].append("%s %s %s %.0f s" % (p["session_id"], p["role"], p["magnitude"], p["onset_s"]))
    for c, v in miss_cause.items():
        print("  %d  %s: %s" % (len(v), c, "; ".join(v)))
    summ["missed_concordant_by_cause"] = {c: len(v) for c, v in miss_cause.items()}
    print("== false alarms (episodes matching no plant) in %.2f wearer-hours of planted sessions" % hours)
    by = defaultdict(int)
    for f in fa:
        by[f["cause"]] += 1
        print("  %-18s %-9s %-20s %7.1f-%7.1f %-14s %s" % (f["session_id"], f["role"], f["recording"], f["start_s"],
                                                         f["end_s"], f["cause"], f["evidence"][:110]))
    print("  by cause: %s; per hour: all %.2f, not background/join/plant %.2f" % (
        dict(by), len(fa) / hours, sum(by[c] for c in ("drift", "unexplained")) / hours))
    summ["false_alarms_by_cause"] = dict(by)
    summ["wearer_hours_planted"] = round(hours, 2)
    print("== drift wearers")
    for s in plan["sessions"]:
        for role in ("client", "therapist"):
            d = s.get("%s_drift" % role)
            if d:
                es = [(e["start_s"], e["end_s"]) for e in eps[(s["session_id"], role)]]
                print("  %-18s %-9s +%.2f uS %s over %.0f s: episodes %s" % (s["session_id"], role, d["rise_us"], d["shape"],
                                                                            d["over_s"], es))
    print("== missed opportunities from planted client onsets (found, not on a background event)")
    cm = defaultdict(int)
    for p in clean:
        if p["role"] != "client" or not p["found"]:
            continue
        key = ("missed" if p["truly_missed"] else "answered", "reported missed" if p["reported_missed"] else "reported answered")
        cm[key] += 1
        if (p["truly_missed"]) != p["reported_missed"]:
            print("  WRONG %-18s delay %s onset error %+.1f s -> %s" % (p["session_id"], p.get("response_delay_s"),
                                                                     p["onset_error_s"], key[1]))
    for k in sorted(cm):
        print("  truly %-8s %-18s %d" % (k[0], k[1], cm[k]))
    tp = cm[("missed", "reported missed")]
    fp = cm[("answered", "reported missed")]
    fn = cm[("missed", "reported answered")]
    prec = tp / (tp + fp) if tp + fp else float("nan")
    rec = tp / (tp + fn) if tp + fn else float("nan")
    print("  precision %.2f recall %.2f" % (prec, rec))
    summ["missed_precision"], summ["missed_recall"] = prec, rec
    by_delay = defaultdict(lambda: [0, 0])
    for p in clean:
        if p["role"] == "client" and p["found"]:
            by_delay[str(p.get("response_delay_s"))][0 if p["reported_missed"] else 1] += 1
    print("  by response delay (reported missed / answered): %s" % dict(by_delay))
    if out_json:
        json.dump(out, open(out_json, "w"), indent=1, default=str)


if __name__ == "__main__":
    main()
