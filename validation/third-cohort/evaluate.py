#!/usr/bin/env python3
"""Compare a review's tables with a third-cohort plan.json.

Usage: evaluate.py PLAN.json OUT_DIR [--jar JAR] [--json RESULT.json]

Reads the tables with `java -jar JAR sql --tables OUT --format csv -e "SELECT ..."` (one query per
table, cached as OUT/../q_<table>.csv) and prints a table of checks (expected vs found) and every
mismatch with its session, code, times, expected, found and the DOMAIN.md rule. A plan item that
carries an `amb` note is reported as an ambiguity, never as a failure.
"""
import csv
import io
import json
import os
import subprocess
import sys

ROLE = {"cl": "CL", "client": "CL", "th": "TH", "therapist": "TH", "dy": "DY", "dyad": "DY"}

QUERIES = {
    "annotations": "SELECT session_id, code, actor, start_s, end_s, significance, modifiers, label, source_file FROM annotations",
    "ruptures": "SELECT session_id, episode_id, class, start_s, end_s, markers, outcome, first_repair_s, time_to_first_repair_s, strategies, max_significance, mixed, closed_at_session_end FROM ruptures",
    "moments": "SELECT session_id, kind, role, start_s, end_s, severity, evidence FROM moments",
    "rejects": "SELECT session_id, source_file, line, reason FROM rejects",
    "segments": "SELECT session_id, segment_index, start_s, withdrawal_markers, confrontation_markers, max_significance_w, max_significance_c, repair_count FROM segments",
    "sessions": "SELECT session_id, flagged, priority, annotation_count, safety_events, ruptures_withdrawal, ruptures_confrontation, ruptures_resolved, ruptures_partial, ruptures_unaddressed, ruptures_escalated, missed_opportunities, anxiety_episodes FROM sessions",
}


def query(jar, out, table, cache_dir):
    path = os.path.join(cache_dir, "q_%s.csv" % table)
    if not os.path.exists(path):
        r = subprocess.run(["java", "-jar", jar, "sql", "--tables", out, "--format", "csv", "-e", QUERIES[table]],
                           capture_output=True, text=True)
        if r.returncode != 0:
            sys.stderr.write(r.stderr[-3000:])
            raise SystemExit("sql failed for %s" % table)
        with open(path, "w") as f:
            f.write(r.stdout)
    with open(path) as f:
        text = f.read()
    rows = list(csv.DictReader(io.StringIO(text)))
    return rows


def fnum(x):
    if x is None or x == "" or x.lower() in ("null", "none", "nan"):
        return None
    try:
        return float(x)
    except ValueError:
        return None


def fbool(x):
    return str(x).strip().lower() in ("true", "1", "t", "yes")


class Checks:
    def __init__(self):
        self.rows = {}  # check -> [expected, found_ok]
        self.mism = []

    def tally(self, check, ok):
        r = self.rows.setdefault(check, [0, 0])
        r[0] += 1
        if ok:
            r[1] += 1

    def miss(self, check, session, what, times, expected, found, rule, amb=None):
        self.mism.append({"check": check, "session": session, "what": what, "times": times,
                          "expected": expected, "found": found, "rule": rule,
                          "class": "ambiguity" if amb else "to classify", "amb": amb})


def near(rows, t, tol):
    return [r for r in rows if fnum(r["start_s"]) is not None and abs(fnum(r["start_s"]) - t) <= tol]


def main():
    args = sys.argv[1:]
    plan_path, out = args[0], args[1]
    jar = os.environ.get("SR_JAR", "jobs/target/session-review.jar")
    res_json = None
    if "--jar" in args:
        jar = args[args.index("--jar") + 1]
    if "--json" in args:
        res_json = args[args.index("--json") + 1]
    plan = json.load(open(plan_path))
    cache = os.path.dirname(os.path.abspath(out.rstrip("/")))
    T = {t: query(jar, out, t, cache) for t in QUERIES}
    C = Checks()
    onset_errors = []
    by = lambda tab, sid: [r for r in T[tab] if r["session_id"] == sid]

    for s in plan["sessions"]:
        sid = s["session_id"]
        anns = by("annotations", sid)
        rups = by("ruptures", sid)
        moms = by("moments", sid)
        rejs = by("rejects", sid)
        sess = by("sessions", sid)
        fmt = s["format"]
        # ---- A. every planted event read, at its time, with its actor
        used = set()
        for sc in s["scenarios"]:
            for e in sc["events"]:
                cands = [i for i, a in enumerate(anns) if i not in used and a["code"] == e["code"]
                         and abs(fnum(a["start_s"]) - e["t"]) <= 0.0015]
                ok = False
                found = "no annotation row"
                if cands:
                    i = cands[0]
                    a = anns[i]
                    used.add(i)
                    act = ROLE.get(a["actor"].strip().lower(), a["actor"])
                    ok = act == e["actor"]
                    found = "actor %s start %s end %s" % (a["actor"], a["start_s"], a["end_s"])
                    if ok and e["end"] is not None and (e["end"] - e["t"]) >= 0.1:
                        ok = fnum(a["end_s"]) is not None and abs(fnum(a["end_s"]) - e["end"]) <= 0.0015
                    for k, v in e["mods"].items():
                        # the annotations table writes a cue's coded intensity in its `significance`
                        # column (the code's own scale; observed, not documented): accept either place
                        val = fnum(a["significance"])
                        mods = a.get("modifiers") or ""
                        if ("%s=%s" % (k, v)) in mods.replace(" ", "") or ('"%s":%s' % (k, v)) in mods.replace(" ", ""):
                            continue
                        if val is None or int(val) != int(v):
                            ok = False
                    if not ok:
                        found += " mods %s sig %s" % (a.get("modifiers"), a.get("significance"))
                C.tally("annotations read (%s)" % fmt, ok)
                if not ok:
                    C.miss("annotation", sid, "%s %s [%s]" % (e["code"], e["actor"], sc["name"]),
                           "%.3f-%s" % (e["t"], e["end"]), "read with actor/time/mods", found,
                           "DOMAIN 1 / README Annotations")
        extra = [a for i, a in enumerate(anns) if i not in used]
        C.tally("no unplanned annotation rows", not extra)
        for a in extra:
            C.miss("annotation", sid, "unplanned row %s %s" % (a["code"], a["actor"]), a["start_s"], "none",
                   "row", "DOMAIN 1")
        exp_rej = s.get("expected_rejects", 0)
        C.tally("rejects as planned (0; 1 for the other BORIS observation)", len(rejs) == exp_rej)
        for r in (rejs if len(rejs) != exp_rej else []):
            C.miss("rejects", sid, r["source_file"], "line %s" % r["line"], "no reject", r["reason"][:200],
                   "README input contract")
        # ---- C. ruptures
        used_r = set()
        n_plan = {"W": 0, "C": 0}
        for sc in s["scenarios"]:
            for pr in sc["ruptures"]:
                n_plan[pr["cls"]] += 1
                cands = [i for i, r in enumerate(rups) if i not in used_r and r["class"] == pr["cls"]
                         and abs(fnum(r["start_s"]) - pr["start"]) <= 0.01]
                label = "%s episode at %.1f [%s]" % (pr["cls"], pr["start"], sc["name"])
                if not cands:
                    C.tally("rupture episodes found", False)
                    C.miss("rupture", sid, label, "%.1f" % pr["start"], "episode (%s)" % pr["outcome"],
                           "no episode starting there", pr["rule"], pr.get("amb"))
                    continue
                i = cands[0]
                used_r.add(i)
                r = rups[i]
                C.tally("rupture episodes found", True)
                ok = fbool(r["closed_at_session_end"]) == sc.get("closed_at_end", False)
                C.tally("rupture closed_at_session_end", ok)
                if not ok:
                    C.miss("rupture closed at end", sid, label, "", sc.get("closed_at_end", False),
                           r["closed_at_session_end"], "DOMAIN 3.3")
                ok = r["outcome"] == pr["outcome"]
                C.tally("rupture outcome", ok)
                if not ok:
                    C.miss("rupture outcome", sid, label, "repair %s" % pr["first_repair"], pr["outcome"],
                           "%s (first_repair_s %s, strategies %s, markers %s)" % (r["outcome"], r["first_repair_s"], r["strategies"], r["markers"]),
                           pr["rule"] + " rule 4", pr.get("amb"))
                fr = fnum(r["first_repair_s"])
                ok = (fr is None and pr["first_repair"] is None) or (
                    fr is not None and pr["first_repair"] is not None and abs(fr - pr["first_repair"]) <= 0.01)
                C.tally("rupture first_repair_s", ok)
                if not ok:
                    C.miss("rupture first repair", sid, label, "", pr["first_repair"], r["first_repair_s"],
                           "DOMAIN 3.2/3.5", pr.get("amb"))
                if pr["first_repair"] is not None:
                    codes = [e["code"] for e in sc["events"] if e["actor"] == "TH" and abs(e["t"] - pr["first_repair"]) < 0.01
                             and (e["code"].startswith("RES_") or e["code"] == "INT_METACOMMUNICATION")]
                    ok = bool(codes) and codes[0] in (r["strategies"] or "")
                    C.tally("rupture strategies name the first repair", ok)
                    if not ok:
                        C.miss("rupture strategies", sid, label, "", codes, r["strategies"], "DOMAIN 3.5", pr.get("amb"))
                mk = r["markers"]
                try:
                    nmk = int(mk)
                except ValueError:
                    nmk = len([x for x in mk.strip("[]").replace(";", ",").split(",") if x.strip()])
                ok = nmk == pr["markers"]
                C.tally("rupture marker count", ok)
                if not ok:
                    C.miss("rupture markers", sid, label, "", pr["markers"], mk, "DOMAIN 3.1", pr.get("amb"))
                ok = fbool(r["mixed"]) == pr["mixed"]
                C.tally("rupture mixed flag", ok)
                if not ok:
                    C.miss("rupture mixed", sid, label, "", pr["mixed"], r["mixed"], "DOMAIN 3.1", pr.get("amb"))
                if pr["max_sig"] is not None:
                    ok = fnum(r["max_significance"]) == pr["max_sig"]
                    C.tally("rupture max_significance", ok)
                    if not ok:
                        C.miss("rupture significance", sid, label, "", pr["max_sig"], r["max_significance"],
                               "DOMAIN 3.6")
        for i, r in enumerate(rups):
            if i not in used_r:
                C.tally("no unplanned rupture episodes", False)
                C.miss("rupture", sid, "unplanned %s episode %s" % (r["class"], r["episode_id"]), r["start_s"],
                       "none", "%s markers %s" % (r["outcome"], r["markers"]), "DOMAIN 3.1")
        if not [r for i, r in enumerate(rups) if i not in used_r]:
            C.tally("no unplanned rupture episodes", True)
        if sess:
            ss = sess[0]
            for cls, col in (("W", "ruptures_withdrawal"), ("C", "ruptures_confrontation")):
                ok = fnum(ss[col]) == n_plan[cls]
                C.tally("sessions W/C counts", ok)
                if not ok:
                    C.miss("sessions", sid, col, "", n_plan[cls], ss[col], "DOMAIN 3.8")
        # ---- C2. 3RS roll-up (DOMAIN 3.6): segments [k*300, (k+1)*300) from media start
        segs = {int(r["segment_index"]): r for r in by("segments", sid)}
        exp = {}
        for sc in s["scenarios"]:
            for e in sc["events"]:
                k = int(e["t"] // 300)
                d = exp.setdefault(k, {"W": 0, "C": 0, "R": 0, "sw": None, "sc": None, "amb": []})
                c = e["code"]
                sig = e["mods"].get("significance")
                if c.startswith("RUP_W_"):
                    d["W"] += 1
                    if sig is not None:
                        d["sw"] = max(d["sw"] or 0, sig)
                elif c.startswith("RUP_C_"):
                    d["C"] += 1
                    if sig is not None:
                        d["sc"] = max(d["sc"] or 0, sig)
                elif (c.startswith("RES_") or c == "INT_METACOMMUNICATION") and e["actor"] == "TH":
                    d["R"] += 1
                    if c == "INT_METACOMMUNICATION":
                        d["amb"].append("INT_METACOMMUNICATION counted as a repair (3.2) though 3.6 names RES only")
                elif c.startswith("RES_") or c == "INT_METACOMMUNICATION":
                    d["amb"].append("a %s coded on the client's tier: 3.6 'count of RES' names no actor" % c)
        for k, d in sorted(exp.items()):
            r = segs.get(k)
            if not d["W"] and not d["C"] and not d["R"] and r is None:
                continue
            got = (None, None, None) if r is None else (fnum(r["withdrawal_markers"]), fnum(r["confrontation_markers"]), fnum(r["repair_count"]))
            ok = got == (d["W"], d["C"], d["R"])
            if ok and r is not None:
                ok = fnum(r["max_significance_w"]) == d["sw"] and fnum(r["max_significance_c"]) == d["sc"]
            C.tally("3RS segments (W, C, repairs, max significance)", ok)
            if not ok:
                C.miss("3RS segment", sid, "segment %d" % k, "%d-%d" % (300 * k, 300 * k + 300),
                       "W %d C %d repairs %d sigW %s sigC %s" % (d["W"], d["C"], d["R"], d["sw"], d["sc"]),
                       "none" if r is None else "W %s C %s repairs %s sigW %s sigC %s" % (
                           r["withdrawal_markers"], r["confrontation_markers"], r["repair_count"],
                           r["max_significance_w"], r["max_significance_c"]),
                       "DOMAIN 3.6", "; ".join(d["amb"]) or None)
        # ---- D. missed opportunities, E. safety, F. pressure, G. physio
        mo_m = [m for m in moms if m["kind"] == "missed_opportunity"]
        saf_m = [m for m in moms if m["kind"] == "safety"]
        pr_m = [m for m in moms if m["kind"] == "pressure_above_threshold"]
        ep_m = [m for m in moms if m["kind"] == "anxiety_episode" and m["role"] in ("client", "CL")]
        unv_m = [m for m in moms if m["kind"] == "unvoiced_arousal"]
        used_mo, used_saf, used_pr, used_ep, used_unv = set(), set(), set(), set(), set()
        n_safety = 0
        for sc in s["scenarios"]:
            phys = sc.get("physio")
            for m in sc["mo"]:
                if phys:
                    lo, hi = phys["onset"] - 40, phys["onset"] + 60
                else:
                    lo, hi = m["t"] - 1.0, m["t"] + 1.0
                hits = [i for i, x in enumerate(mo_m) if lo <= fnum(x["start_s"]) <= hi]
                for i in hits:
                    used_mo.add(i)
                want = m["outcome"] == "missed"
                ok = bool(hits) == want
                key = "missed opportunity: %s" % ("physio trigger" if phys else
                                                  ("trigger missed" if want else ("trigger answered" if m["outcome"] == "answered" else "not a trigger")))
                C.tally(key, ok)
                if not ok:
                    C.miss("missed opportunity", sid, "%s [%s]" % (m["code"], sc["name"]), "%.1f" % m["t"],
                           "missed" if want else m["outcome"] + " (no moment)",
                           ("moment at %s: %s" % (mo_m[hits[0]]["start_s"], mo_m[hits[0]]["evidence"][:160])) if hits else "no missed_opportunity moment",
                           m["rule"], m.get("amb"))
            for f in sc.get("safety", []):
                n_safety += 1
                # a coded SAFE_SEVERE_DISSOCIATION a few seconds after the ANX_CPD it defines may carry the time
                hi = 10.0 if "+" in f["code"] else 1.0
                hits = [i for i, x in enumerate(saf_m) if -1.0 <= fnum(x["start_s"]) - f["t"] <= hi]
                C.tally("safety events surfaced", bool(hits))
                if not hits:
                    C.miss("safety", sid, "%s [%s]" % (f["code"], sc["name"]), "%.1f" % f["t"], "safety moment",
                           "none", f["rule"], f.get("amb"))
                    continue
                for i in hits:
                    used_saf.add(i)
                if len(hits) > 1:
                    C.miss("safety", sid, "%s [%s]" % (f["code"], sc["name"]), "%.1f" % f["t"], "one safety moment",
                           "%d moments" % len(hits), f["rule"], f.get("amb"))
                ev = saf_m[hits[0]]["evidence"].lower()
                unans = ("no therapist" in ev) or ("unanswered" in ev) or ("not answered" in ev) or ("no response" in ev)
                ok = unans != f["answered"]
                C.tally("safety response within 60 s", ok)
                if not ok:
                    C.miss("safety response", sid, "%s [%s]" % (f["code"], sc["name"]), "%.1f" % f["t"],
                           "answered" if f["answered"] else "unanswered", saf_m[hits[0]]["evidence"][:200],
                           f["rule"], f.get("amb"))
            if sc["kind"] == "safety" and not sc.get("safety"):
                t0 = sc["at"]
                hits = [x for x in saf_m if abs(fnum(x["start_s"]) - t0) <= 1.0]
                C.tally("no safety moment for a non-safety code", not hits)
                if hits:
                    C.miss("safety", sid, "[%s]" % sc["name"], "%.1f" % t0, "no safety moment",
                           hits[0]["evidence"][:200], "DOMAIN 2.7 (ANX_CPD over 30 s or intensity 3)")
            for p in sc.get("pressure", []):
                hits = [i for i, x in enumerate(pr_m) if abs(fnum(x["start_s"]) - p["t"]) <= 1.0]
                for i in hits:
                    used_pr.add(i)
                ok = bool(hits) == p["flagged"]
                C.tally("pressure_above_threshold", ok)
                if not ok:
                    C.miss("pressure", sid, "[%s]" % sc["name"], "%.1f" % p["t"], p["flagged"], bool(hits),
                           p["rule"], p.get("amb"))
            if phys:
                on = phys["onset"]
                hits = [i for i, x in enumerate(ep_m) if on - 30 <= fnum(x["start_s"]) <= on + 30]
                C.tally("planted arousal episode found (onset +-30 s)", bool(hits))
                if not hits:
                    C.miss("physio episode", sid, "[%s]" % sc["name"], "onset %.1f" % on, "client episode",
                           "episodes at %s" % [x["start_s"] for x in ep_m], "DOMAIN 4.0")
                    continue
                for i in hits:
                    used_ep.add(i)
                x = ep_m[hits[0]]
                onset_errors.append(round(fnum(x["start_s"]) - on, 1))
                if phys["cue"]:
                    ok = phys["cue"] in x["evidence"]
                    C.tally("episode evidence names the coded ISTDP cue", ok)
                    if not ok:
                        C.miss("physio evidence", sid, "[%s]" % sc["name"], "onset %.1f" % on,
                               "evidence lists %s" % phys["cue"], x["evidence"][:200], "DOMAIN 4.0 (coded ANX_* cues inside)")
                uh = [i for i, y in enumerate(unv_m) if on - 30 <= fnum(y["start_s"]) <= on + 30]
                for i in uh:
                    used_unv.add(i)
                ok = bool(uh) == (phys["cue"] is None)
                C.tally("unvoiced_arousal iff no coded cue", ok)
                if not ok:
                    C.miss("unvoiced arousal", sid, "[%s]" % sc["name"], "onset %.1f" % on,
                           "unvoiced" if phys["cue"] is None else "voiced", "unvoiced moment" if uh else "none",
                           "DOMAIN 5 / 4.0")
        for lst, used, name in ((mo_m, used_mo, "missed_opportunity"), (saf_m, used_saf, "safety"),
                                (pr_m, used_pr, "pressure_above_threshold"), (ep_m, used_ep, "client anxiety_episode"),
                                (unv_m, used_unv, "unvoiced_arousal")):
            for i, x in enumerate(lst):
                if i not in used:
                    C.tally("no unplanned %s moments" % name, False)
                    C.miss("unplanned moment", sid, name, "%s-%s" % (x["start_s"], x["end_s"]), "none",
                           x["evidence"][:200], "-")
            if not [i for i in range(len(lst)) if i not in used]:
                C.tally("no unplanned %s moments" % name, True)
        if sess:
            ok = fnum(sess[0]["safety_events"]) == n_safety
            C.tally("sessions.safety_events", ok)
            if not ok:
                C.miss("sessions", sid, "safety_events", "", n_safety, sess[0]["safety_events"], "DOMAIN 2.7")

    # ---- report
    print("| check | expected | found as planned |")
    print("|---|---|---|")
    for k in sorted(C.rows):
        print("| %s | %d | %d |" % (k, C.rows[k][0], C.rows[k][1]))
    if onset_errors:
        e = sorted(onset_errors)
        print()
        print("planted arousal episodes: start_s minus planted onset, median %.1f s, range %.1f to %.1f s (%s)"
              % (e[len(e) // 2], e[0], e[-1], ", ".join("%+.1f" % x for x in onset_errors)))
    print()
    print("mismatches: %d (%d marked ambiguity)" % (len(C.mism), len([m for m in C.mism if m["amb"]])))
    for m in C.mism:
        print("- [%s] %s | %s | %s | t=%s | expected: %s | found: %s | rule: %s%s" % (
            m["class"], m["check"], m["session"], m["what"], m["times"], m["expected"], m["found"], m["rule"],
            (" | ambiguity: " + m["amb"]) if m["amb"] else ""))
    if res_json:
        json.dump({"checks": C.rows, "mismatches": C.mism, "onset_errors": onset_errors}, open(res_json, "w"), indent=1)


if __name__ == "__main__":
    main()
