#!/usr/bin/env python3
"""Evaluate the aggregate outputs of a review of the fifth cohort against plan.json.

evaluate.py WORK [--json RESULT]   (WORK holds plan.json, site.key, out/ (review), report/, research/
and the JSON-lines dumps run.sh writes with `sql --format json`: review.jsonl, research.jsonl)

Every aggregate is recomputed here from the README's definitions (the spec), from the plan where
the plan can say, else from the review's own lower-level tables (moments, windows, ruptures):

* sessions/: coded counts (ruptures by class and outcome, safety events, missed opportunities),
  3RS roll-up (resolution ratio, median time to repair, segment shares), anxiety_episodes and
  anxiety_time_s from the client's anxiety_episode moments, priority = tier x 1000 + 1000 x load /
  (load + 20), flagged = priority > 0, the coded flag reasons in order, ids, dates, pseudonym;
* trainees/: every column, per therapist and per month of session_date;
* clients/: burden, ruptures, trend (least squares over the last 4 sessions with client data),
  decline p (Student t, one-sided), plateau and note;
* report/: queue order and counts, the start moment, withheld sessions, trainee and client pages
  recomputed over the consented sessions;
* research export: consent filter, keyed pseudonyms, ISO week, dropped columns, trainees/ and
  clients/ recomputed over the research-consented sessions;
* queries/: each query's rows recomputed from the tables.
"""
import hashlib
import hmac
import json
import math
import os
import re
import sys
from datetime import date, datetime, timezone
from html import unescape

TOL = 1e-9


# ------------------------------------------------------------------------------------------ utils

def load_dump(path, names):
    """The JSON-lines output of one `sql` call with len(names) statements, blank line between."""
    text = open(path).read()
    parts = text.split("\n\n")
    if len(parts) != len(names):
        raise SystemExit("%s: %d results for %d statements" % (path, len(parts), len(names)))
    return {n: [json.loads(l) for l in p.splitlines() if l.strip()] for n, p in zip(names, parts)}


def close(a, b, tol=1e-6):
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, str) or isinstance(b, str):
        return a == b
    return abs(a - b) <= tol * max(1.0, abs(a), abs(b))


def median(v):
    v = sorted(v)
    n = len(v)
    if n == 0:
        return None
    return v[n // 2] if n % 2 else (v[n // 2 - 1] + v[n // 2]) / 2.0


def betacf(a, b, x):
    qab, qap, qam = a + b, a + 1.0, a - 1.0
    c, d = 1.0, 1.0 - qab * x / qap
    d = 1.0 / (d if abs(d) > 1e-300 else 1e-300)
    h = d
    for m in range(1, 300):
        m2 = 2 * m
        aa = m * (b - m) * x / ((qam + m2) * (a + m2))
        d = 1.0 + aa * d
        d = 1.0 / (d if abs(d) > 1e-300 else 1e-300)
        c = 1.0 + aa / c
        c = c if abs(c) > 1e-300 else 1e-300
        h *= d * c
        aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
        d = 1.0 + aa * d
        d = 1.0 / (d if abs(d) > 1e-300 else 1e-300)
        c = 1.0 + aa / c
        c = c if abs(c) > 1e-300 else 1e-300
        de = d * c
        h *= de
        if abs(de - 1.0) < 1e-15:
            break
    return h


def betai(a, b, x):
    if x <= 0:
        return 0.0
    if x >= 1:
        return 1.0
    bt = math.exp(math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log(1 - x))
    if x < (a + 1) / (a + b + 2):
        return bt * betacf(a, b, x) / a
    return 1.0 - bt * betacf(b, a, 1 - x) / b


def t_cdf(t, df):
    x = df / (df + t * t)
    p = 0.5 * betai(df / 2.0, 0.5, x)
    return p if t < 0 else 1 - p


def ols(xs, ys):
    n = len(xs)
    if n < 2:
        return None, None
    mx, my = sum(xs) / n, sum(ys) / n
    sxx = sum((x - mx) ** 2 for x in xs)
    if sxx == 0:
        return None, None
    b = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sxx
    if n < 3 or b >= 0:
        return b, None
    a = my - b * mx
    sse = sum((y - a - b * x) ** 2 for x, y in zip(xs, ys))
    se = math.sqrt(sse / (n - 2) / sxx)
    if not se > 0:
        return b, 0.0
    return b, t_cdf(b / se, n - 2)


def hm(key, msg):
    return hmac.new(key, msg.encode(), hashlib.sha256).hexdigest()


class Checks:
    def __init__(self):
        self.rows = {}
        self.mism = []

    def check(self, name, ok, where="", expected=None, found=None, note=""):
        r = self.rows.setdefault(name, [0, 0])
        r[0] += 1
        if ok:
            r[1] += 1
        else:
            self.mism.append({"check": name, "where": where, "expected": expected, "found": found, "note": note})
        return ok


# ------------------------------------------------------------------------------------- the plan

def plan_facts(s):
    """What the plan says about one session's coded events (None where the video was not coded)."""
    f = {"W": 0, "C": 0, "resolved": 0, "partially_resolved": 0, "unaddressed": 0, "escalated": 0,
         "unaddressed_W": 0, "unaddressed_C": 0, "escalated_W": 0, "escalated_C": 0,
         "safety": 0, "unanswered": 0, "answered": 0, "missed": 0, "pressure": 0, "repairs": [],
         "safety_t": [], "unaddressed_t": [], "missed_t": [], "arousals": []}
    for x in s["facts"]:
        k = x["kind"]
        if k == "rupture":
            f[x["cls"]] += 1
            f[x["outcome"]] += 1
            if x["outcome"] in ("unaddressed", "escalated"):
                f["%s_%s" % (x["outcome"], x["cls"])] += 1
            if x["time_to_repair"] is not None:
                f["repairs"].append(x["time_to_repair"])
            if x["outcome"] == "unaddressed":
                f["unaddressed_t"].append(x["t"])
        elif k in ("safety_unanswered", "safety_answered"):
            f["safety"] += 1
            f["answered" if x["answered"] else "unanswered"] += 1
            f["safety_t"].append(x["t"])
        elif k in ("missed_none", "missed_reducing"):
            f["missed"] += 1
            f["missed_t"].append(x["t"])
        elif k == "pressure":
            f["pressure"] += 1
        elif k == "arousal":
            f["arousals"].append(x)
    return f


def coded_reasons(f, unvoiced):
    """The README's coded flag reasons (CodedReviewPriority order), most important first."""
    def n(k, one, many):
        return ["%d %s" % (k, one if k == 1 else many)] if k else []
    out = []
    out += n(f["unaddressed_W"], "candidate unaddressed withdrawal rupture", "candidate unaddressed withdrawal ruptures")
    out += n(f["unaddressed_C"], "candidate unaddressed confrontation rupture", "candidate unaddressed confrontation ruptures")
    out += n(f["escalated_W"], "candidate escalated withdrawal rupture", "candidate escalated withdrawal ruptures")
    out += n(f["escalated_C"], "candidate escalated confrontation rupture", "candidate escalated confrontation ruptures")
    out += n(f["missed"], "candidate missed opportunity", "candidate missed opportunities")
    out += n(f["pressure"], "candidate pressure-above-threshold moment", "candidate pressure-above-threshold moments")
    out += n(unvoiced, "candidate unvoiced-arousal moment", "candidate unvoiced-arousal moments")
    return out


# ----------------------------------------------------------------------- aggregates, independently

def month(d):
    return d[:7] if d else None


def trainee_rows(sessions):
    """trainees/ from session rows, by the README: per therapist 'all' and per month."""
    groups = {}
    for s in sessions:
        groups.setdefault((s["therapist_id"], "all"), []).append(s)
        groups.setdefault((s["therapist_id"], month(s["session_date"])), []).append(s)
    out = {}
    for (t, p), ss in groups.items():
        r = {"sessions": len(ss), "flagged_sessions": sum(1 for s in ss if s["flagged"])}
        r["flagged_share"] = r["flagged_sessions"] / len(ss)
        r["session_hours"] = sum(s["duration_s"] for s in ss) / 3600.0
        wc = [s for s in ss if s["anxiety_episodes"] is not None]
        cod = [s for s in ss if s["annotation_count"] > 0]
        r["anxiety_episodes"] = sum(s["anxiety_episodes"] for s in wc) if wc else None
        h = sum(s["duration_s"] for s in wc) / 3600.0
        r["anxiety_episodes_per_hour"] = r["anxiety_episodes"] / h if wc and h > 0 else None
        r["missed_opportunities"] = sum(s["missed_opportunities"] or 0 for s in cod) if cod else None
        h = sum(s["duration_s"] for s in cod) / 3600.0
        r["missed_opportunities_per_hour"] = r["missed_opportunities"] / h if cod and h > 0 else None
        for c, col in (("withdrawal", "ruptures_withdrawal"), ("confrontation", "ruptures_confrontation"),
                       ("resolved", "ruptures_resolved"), ("partial", "ruptures_partial"),
                       ("unaddressed", "ruptures_unaddressed"), ("escalated", "ruptures_escalated"),
                       ("safety", "safety_events")):
            r[col] = sum(s[col] for s in cod) if cod else None
        d = (r["ruptures_resolved"] or 0) + (r["ruptures_partial"] or 0) + (r["ruptures_unaddressed"] or 0)
        r["resolution_ratio"] = r["ruptures_resolved"] / d if d else None
        med = [s["median_time_to_repair_s"] for s in ss if s["median_time_to_repair_s"] is not None]
        r["median_time_to_repair_s_sessions"] = median(med)
        es = [s["synchrony_es"] for s in ss if s["synchrony_es"] is not None]
        r["mean_synchrony_es"] = sum(es) / len(es) if es else None
        r["synchrony_sessions"] = len(es)
        out[(t, p)] = r
    return out


def client_rows(sessions, last_n=4, high=120.0, alpha=0.05):
    """clients/ from session rows, by the README: trend over the last 4 sessions with client data."""
    byc = {}
    for s in sessions:
        byc.setdefault(s["client_key"], []).append(s)
    out = {}
    for ck, ss in byc.items():
        ss.sort(key=lambda s: (s["session_number"], s["media_start_utc"], s["session_id"]))
        measured = []
        for s in ss:
            r = {"anxiety_episodes": s["anxiety_episodes"], "anxiety_time_s": s["anxiety_time_s"],
                 "ruptures_withdrawal": s["ruptures_withdrawal"] if s["annotation_count"] > 0 else None,
                 "ruptures_unaddressed": s["ruptures_unaddressed"] if s["annotation_count"] > 0 else None}
            if s["anxiety_time_s"] is None:
                win = []
            else:
                measured.append(s)
                win = measured[-last_n:]
            xs = [w["session_number"] for w in win]
            ys = [w["anxiety_time_s"] for w in win]
            slope, p = ols(xs, ys)
            r["trend_sessions"] = len(win)
            r["anxiety_trend_s_per_session"] = slope
            r["decline_p"] = p
            r["high_burden_sessions"] = sum(1 for y in ys if y >= high)
            r["plateau"] = (len(win) == last_n and r["high_burden_sessions"] == last_n and slope is not None
                            and not (p is not None and p < alpha))
            r["note"] = "discuss in supervision: consider consultation" if r["plateau"] else None
            out[(ck, s["session_number"], s["session_id"])] = r
    return out


def pct(v):
    """The report's shares: whole per cent, truncated (Format.percent's documented choice)."""
    return "—" if v is None else "%d %%" % math.floor(v * 100 + 1e-9)


def iso_week(d):
    y, w, _ = date.fromisoformat(d).isocalendar()
    return "%04d-W%02d" % (y, w)


# ------------------------------------------------------------------------------------------- main

def main():
    work = sys.argv[1]
    res_path = sys.argv[sys.argv.index("--json") + 1] if "--json" in sys.argv else None
    plan = json.load(open(os.path.join(work, "plan.json")))
    key = open(os.path.join(work, "site.key"), "rb").read()
    R = load_dump(os.path.join(work, "review.jsonl"),
                  ["sessions", "moments", "ruptures", "trainees", "clients", "annotations", "cwin",
                   "q_supervisor_queue", "q_trainer_comparison", "q_research_anxiety_in_ruptures"])
    X = load_dump(os.path.join(work, "research.jsonl"), ["sessions", "trainees", "clients", "moments"])
    C = Checks()
    S = {r["session_id"]: r for r in R["sessions"]}
    P = {s["session_id"]: s for s in plan["sessions"]}
    by = lambda tab, sid: [r for r in R[tab] if r["session_id"] == sid]

    C.check("sessions: one row per planned session", set(S) == set(P), "", sorted(P), sorted(S))
    for sid, p in P.items():
        s = S.get(sid)
        if s is None:
            continue
        f = plan_facts(p)
        coded = p["coded"]
        # ---- identity and calendar
        C.check("sessions: client_key = HMAC(site key, client_id)", s["client_key"] == hm(key, p["client_id"]), sid,
                hm(key, p["client_id"])[:12], s["client_key"][:12])
        C.check("sessions: session_date in media_start's offset", s["session_date"] == p["session_date"], sid,
                p["session_date"], s["session_date"])
        utc = datetime.fromisoformat(p["media_start"]).astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S")
        C.check("sessions: media_start_utc", s["media_start_utc"].startswith(utc), sid, utc, s["media_start_utc"])
        C.check("sessions: consent columns", s["consent_supervision"] == p["consent_supervision"]
                and s["consent_research"] == p["consent_research"], sid)
        C.check("sessions: coded iff annotation_count > 0", (s["annotation_count"] > 0) == coded, sid, coded,
                s["annotation_count"])
        # ---- coded counts, from the plan
        if coded:
            for col, v in (("ruptures_withdrawal", f["W"]), ("ruptures_confrontation", f["C"]),
                           ("ruptures_resolved", f["resolved"]), ("ruptures_partial", f["partially_resolved"]),
                           ("ruptures_unaddressed", f["unaddressed"]), ("ruptures_escalated", f["escalated"]),
                           ("safety_events", f["safety"]), ("missed_opportunities", f["missed"])):
                C.check("sessions: %s = plan" % col, s[col] == v, sid, v, s[col])
            d = f["resolved"] + f["partially_resolved"] + f["unaddressed"]
            rr = f["resolved"] / d if d else None
            C.check("sessions: resolution_ratio = resolved / (resolved + partial + unaddressed)",
                    close(s["resolution_ratio"], rr), sid, rr, s["resolution_ratio"])
            C.check("sessions: median_time_to_repair_s = median of the planned first repairs",
                    close(s["median_time_to_repair_s"], median(f["repairs"])), sid, median(f["repairs"]),
                    s["median_time_to_repair_s"])
            # 3RS shares: segments [k*300, (k+1)*300) over the video, with a W (C) marker
            nseg = int(math.ceil(p["duration_s"] / 300.0))
            for cls, col in (("W", "segments_with_w_share"), ("C", "segments_with_c_share")):
                segs = {int(e["t"] // 300) for e in p["events"] if e["code"].startswith("RUP_%s_" % cls)}
                C.check("sessions: %s = share of 5-min segments with a marker" % col,
                        close(s[col], len(segs) / nseg), sid, len(segs) / nseg, s[col])
        else:
            C.check("sessions: uncoded session has missed_opportunities null", s["missed_opportunities"] is None, sid,
                    None, s["missed_opportunities"])
            C.check("sessions: uncoded session has ruptures_* and safety_events 0 (known limitation)",
                    all(s[c] == 0 for c in ("ruptures_withdrawal", "ruptures_confrontation", "safety_events")), sid)
        # ---- anxiety from the review's own moments
        moms = by("moments", sid)
        cl_eps = [m for m in moms if m["kind"] == "anxiety_episode" and m["role"] == "client"]
        unvoiced = len([m for m in moms if m["kind"] == "unvoiced_arousal"])
        if p["wear"] == "none":
            C.check("sessions: no client data -> anxiety_episodes and anxiety_time_s null",
                    s["anxiety_episodes"] is None and s["anxiety_time_s"] is None, sid, None,
                    (s["anxiety_episodes"], s["anxiety_time_s"]))
        else:
            C.check("sessions: anxiety_episodes = client anxiety_episode moments", s["anxiety_episodes"] == len(cl_eps),
                    sid, len(cl_eps), s["anxiety_episodes"])
            t = sum(min(m["end_s"], p["duration_s"]) - max(m["start_s"], 0) for m in cl_eps)
            C.check("sessions: anxiety_time_s = their time inside the video", close(s["anxiety_time_s"], t), sid, t,
                    s["anxiety_time_s"])
            C.check("plan: planted arousals found as client episodes (detection, not aggregation)",
                    len(cl_eps) == len(f["arousals"]), sid, len(f["arousals"]), len(cl_eps))
        cw = [w["anxiety_index"] for w in R["cwin"] if w["session_id"] == sid and w["anxiety_index"] is not None]
        cwv = [w["anxiety_index"] for w in R["cwin"] if w["session_id"] == sid and w["anxiety_index"] is not None
               and w["start_s"] >= 0 and w["end_s"] <= p["duration_s"]]
        if p["wear"] != "none":
            C.check("sessions: peak_anxiety_index = max client window index (any window)",
                    close(s["peak_anxiety_index"], max(cw) if cw else None), sid, max(cw) if cw else None,
                    s["peak_anxiety_index"])
            C.check("sessions: peak_anxiety_index = max client window index (windows inside the video)",
                    close(s["peak_anxiety_index"], max(cwv) if cwv else None), sid, max(cwv) if cwv else None,
                    s["peak_anxiety_index"])
        # ---- priority, flag, reasons
        burden = sum((m["end_s"] - m["start_s"]) / 60.0 * m["severity"] + 0.5 for m in cl_eps)
        if coded:
            tier = 4 if f["unanswered"] else 3 if f["safety"] else 2 if f["unaddressed"] else 1 if f["missed"] else 0
            load = (10 * f["unanswered"] + 5 * f["answered"] + 4 * f["unaddressed"] + 3 * f["escalated"]
                    + 2 * f["missed"] + 2 * f["pressure"] + 1 * unvoiced + burden)
        else:
            tier, load = 0, burden + unvoiced
        prio = tier * 1000 + (1000 * load / (load + 20) if load > 0 else 0)
        C.check("sessions: priority = tier x 1000 + 1000 x load / (load + 20)", close(s["priority"], prio, 1e-9), sid,
                round(prio, 4), s["priority"])
        C.check("sessions: flagged = priority > 0", s["flagged"] == (s["priority"] > 0), sid, s["priority"] > 0,
                s["flagged"])
        if coded:
            exp = coded_reasons(f, unvoiced)
            got = [r for r in s["flag_reasons"] if not r.startswith("1 safety") and "safety event" not in r]
            got_coded = [r for r in got if r.startswith(tuple("0123456789")) and "candidate" in r
                         and "client anxiety" not in r]
            C.check("sessions: coded flag reasons, in the README's order", got_coded == exp, sid, exp, got_coded)
            saf = [r for r in s["flag_reasons"] if "safety event" in r]
            C.check("sessions: safety reasons lead", s["flag_reasons"][:len(saf)] == saf, sid)
            C.check("sessions: one safety reason per kind (answered / unanswered)",
                    len(saf) == (f["answered"] > 0) + (f["unanswered"] > 0), sid,
                    (f["answered"] > 0) + (f["unanswered"] > 0), len(saf))

    # ---------------------------------------------------------------- trainees/
    sess = list(R["sessions"])
    exp_t = trainee_rows(sess)
    got_t = {(r["therapist_id"], r["period"]): r for r in R["trainees"]}
    C.check("trainees: one row per therapist and per month of session_date", set(exp_t) == set(got_t), "",
            sorted(set(exp_t) - set(got_t)), sorted(set(got_t) - set(exp_t)))
    plan_rep = {}  # therapist, period -> every planned time to first repair
    for p in plan["sessions"]:
        if p["coded"]:
            for per in ("all", month(p["session_date"])):
                plan_rep.setdefault((p["therapist_id"], per), []).extend(plan_facts(p)["repairs"])
    for k, e in sorted(exp_t.items()):
        g = got_t.get(k)
        if g is None:
            continue
        for col, v in e.items():
            if col.endswith("_sessions") and col.startswith("median"):
                continue
            C.check("trainees: %s" % col, close(g[col], v), "%s %s" % k, v, g[col])
        ep = median(plan_rep.get(k, []))
        C.check("trainees: median_time_to_repair_s = median over the period's repaired ruptures (natural reading)",
                close(g["median_time_to_repair_s"], ep), "%s %s" % k, ep, g["median_time_to_repair_s"])
        sm = median([s["median_time_to_repair_s"] for s in sess if s["therapist_id"] == k[0]
                     and (k[1] == "all" or month(s["session_date"]) == k[1])
                     and s["median_time_to_repair_s"] is not None])
        C.check("trainees: median_time_to_repair_s = median of the session medians (TraineeTable's Javadoc)",
                close(g["median_time_to_repair_s"], sm), "%s %s" % k, sm, g["median_time_to_repair_s"])
    # plan-level: ruptures per trainee from the plan
    for (t, per), g in got_t.items():
        ps = [p for p in plan["sessions"] if p["therapist_id"] == t and (per == "all" or month(p["session_date"]) == per)]
        cod = [plan_facts(p) for p in ps if p["coded"]]
        if cod:
            C.check("trainees: ruptures W / C = plan", (g["ruptures_withdrawal"], g["ruptures_confrontation"]) ==
                    (sum(f["W"] for f in cod), sum(f["C"] for f in cod)), "%s %s" % (t, per))
            C.check("trainees: safety_events = plan", g["safety_events"] == sum(f["safety"] for f in cod),
                    "%s %s" % (t, per), sum(f["safety"] for f in cod), g["safety_events"])

    # ---------------------------------------------------------------- clients/
    exp_c = client_rows(sess)
    got_c = {(r["client_key"], r["session_number"], r["session_id"]): r for r in R["clients"]}
    C.check("clients: one row per client x session", set(exp_c) == set(got_c), "")
    for k, e in exp_c.items():
        g = got_c.get(k)
        if g is None:
            continue
        for col, v in e.items():
            C.check("clients: %s" % col, close(g[col], v, 1e-6), "%s #%d" % (k[2], k[1]), v, g[col])
    # plan-level plateau: the plateau clients' planned burden is high in every session
    for p in plan["sessions"]:
        if p["client_role"] == "plateau" and p["session_number"] >= 4:
            g = got_c.get((hm(key, p["client_id"]), p["session_number"], p["session_id"]))
            win = sorted((r["session_number"], r["anxiety_time_s"]) for r in R["clients"] if g and r["client_key"] == g["client_key"]
                         and r["anxiety_time_s"] is not None and r["session_number"] <= p["session_number"])[-4:]
            C.check("plan: a plateau client's session >= 4 is a plateau (detection dependent)",
                    g is not None and g["plateau"], p["session_id"], True, g and g["plateau"],
                    "(anxiety_time_s %s, slope %s, decline p %s)" % ([w[1] for w in win], g and g["anxiety_trend_s_per_session"],
                                                                     g and g["decline_p"]))
        if p["client_role"] == "decline" and p["session_number"] >= 4:
            g = got_c.get((hm(key, p["client_id"]), p["session_number"], p["session_id"]))
            C.check("plan: a steadily declining client is no plateau", g is not None and not g["plateau"],
                    p["session_id"], False, g and g["plateau"])

    # ---------------------------------------------------------------- queries/
    q = R["q_supervisor_queue"]
    exp_q = sorted([s for s in sess if s["flagged"] and s["consent_supervision"]],
                   key=lambda s: (-s["priority"], s["session_id"]))
    C.check("queries/supervisor_queue: rows and order", [r["session_id"] for r in q] == [s["session_id"] for s in exp_q],
            "", len(exp_q), len(q))
    for r in q:
        s = S[r["session_id"]]
        C.check("queries/supervisor_queue: coded counts null when uncoded",
                (r["safety_events"], r["ruptures_unaddressed"]) == ((s["safety_events"], s["ruptures_unaddressed"])
                if s["annotation_count"] > 0 else (None, None)), r["session_id"])
    safety_first = [bool(S[r["session_id"]]["safety_events"]) for r in q]
    C.check("queries/supervisor_queue: a safety event always leads", safety_first == sorted(safety_first, reverse=True),
            "")
    tc = {r["therapist_id"]: r for r in R["q_trainer_comparison"]}
    for t in sorted({s["therapist_id"] for s in sess}):
        ss = [s for s in sess if s["therapist_id"] == t]
        g = tc.get(t)
        e = exp_t[(t, "all")]
        C.check("queries/trainer_comparison: sessions, flagged, hours = trainees/ all", g is not None and
                (g["sessions"], g["flagged_sessions"]) == (e["sessions"], e["flagged_sessions"])
                and close(g["session_hours"], e["session_hours"]), t)
        for col in ("anxiety_episodes_per_hour", "missed_opportunities_per_hour"):
            C.check("queries/trainer_comparison: %s = trainees/ all" % col, g is not None and close(g[col], e[col]), t,
                    e[col], g and g[col])
        for col in ("ruptures_withdrawal", "ruptures_confrontation", "ruptures_resolved", "ruptures_unaddressed",
                    "safety_events"):
            C.check("queries/trainer_comparison: %s = trainees/ all" % col, g is not None and g[col] == e[col], t,
                    e[col], g and g[col])
        med = [s["median_time_to_repair_s"] for s in ss if s["median_time_to_repair_s"] is not None]
        C.check("queries/trainer_comparison: mean_time_to_repair_s = mean of session medians",
                g is not None and close(g["mean_time_to_repair_s"], sum(med) / len(med) if med else None), t)
        C.check("queries/trainer_comparison: mean_synchrony_es = trainees/ all",
                g is not None and close(g["mean_synchrony_es"], e["mean_synchrony_es"]), t)
    # research query from client windows, ruptures and sessions
    rup = {}
    for r in R["ruptures"]:
        rup.setdefault(r["session_id"], []).append((r["start_s"], r["end_s"]))
    agg = {}
    for w in R["cwin"]:
        sid = w["session_id"]
        if sid not in rup or w["anxiety_index"] is None:
            continue
        if not (w["start_s"] >= 0 and w["end_s"] <= S[sid]["duration_s"]):
            continue
        inside = any(a < w["end_s"] and b > w["start_s"] for a, b in rup[sid])
        agg.setdefault((sid, "inside" if inside else "outside"), []).append(w["anxiety_index"])
    got_r = {(r["session_id"], r["windows_in"]): r for r in R["q_research_anxiety_in_ruptures"]}
    C.check("queries/research_anxiety_in_ruptures: groups", set(agg) == set(got_r), "",
            len(agg), len(got_r))
    for k, v in agg.items():
        g = got_r.get(k)
        C.check("queries/research_anxiety_in_ruptures: windows, mean, max", g is not None and g["windows"] == len(v)
                and close(g["mean_anxiety_index"], sum(v) / len(v)) and close(g["max_anxiety_index"], max(v)),
                "%s %s" % k, (len(v), sum(v) / len(v)), g and (g["windows"], g["mean_anxiety_index"]))

    # ---------------------------------------------------------------- report
    rep = os.path.join(work, "report")
    idx = open(os.path.join(rep, "index.html"), encoding="utf-8").read()
    queue = idx[idx.find('<table id="queue">'):]
    queue = queue[:queue.find("</table>")]
    rows = re.findall(r'<tr data-therapist="[^"]*" data-session="([^"]+)"[^>]*>(.*?)</tr>', queue, re.S)
    exp_order = sorted([s for s in sess if s["flagged"] and s["consent_supervision"]],
                       key=lambda s: (-(1 if (s["safety_events"] or 0) > 0 else 0), -s["priority"], s["session_id"]))
    C.check("report: queue = flagged consented sessions, safety first, then priority, then id",
            [r[0] for r in rows] == [s["session_id"] for s in exp_order], "", [s["session_id"] for s in exp_order][:5],
            [r[0] for r in rows][:5])
    for sid, body in rows:
        s = S[sid]
        p = P[sid]
        f = plan_facts(p)
        cells = [unescape(re.sub(r"<[^>]+>", "", c)).strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", body, re.S)]
        wc = "%d / %d" % (s["ruptures_withdrawal"], s["ruptures_confrontation"]) if s["annotation_count"] else "not coded"
        C.check("report: queue row W / C", cells[7] == wc, sid, wc, cells[7])
        C.check("report: queue row anxiety episodes", cells[6].split(" ")[0] ==
                ("—" if s["anxiety_episodes"] is None else str(s["anxiety_episodes"])), sid, s["anxiety_episodes"], cells[6])
        mo = "not coded" if not s["annotation_count"] else str(s["missed_opportunities"])
        C.check("report: queue row missed opportunities", cells[8] == mo, sid, mo, cells[8])
        sf = "not coded" if not s["annotation_count"] else str(s["safety_events"])
        C.check("report: queue row safety events", cells[9] == sf, sid, sf, cells[9])
        C.check("report: queue row priority", cells[11] == "%.1f" % s["priority"], sid, "%.1f" % s["priority"], cells[11])
        start = re.search(r'class="start">start at <a [^>]*>(\d+):(\d+)</a>: ([^<]*)', body)
        if f["safety_t"]:
            exp = min(f["safety_t"])
            C.check("report: start at the safety event", start is not None and
                    int(start.group(1)) * 60 + int(start.group(2)) == int(exp), sid, exp, start and start.group(0))
        elif p["coded"] and f["unaddressed_t"]:
            exp = min(f["unaddressed_t"])
            C.check("report: start at the unaddressed rupture", start is not None and
                    int(start.group(1)) * 60 + int(start.group(2)) == int(exp), sid, exp, start and start.group(0))
        elif p["coded"] and f["escalated"]:
            exp = min(x["t"] for x in p["facts"] if x["kind"] == "rupture" and x["outcome"] == "escalated")
            C.check("report: start at the escalated rupture (README: the flag reasons' order)", start is not None and
                    int(start.group(1)) * 60 + int(start.group(2)) == int(exp), sid, exp, start and start.group(0))
        elif p["coded"] and f["missed_t"]:
            exp = min(f["missed_t"])
            C.check("report: start at the missed opportunity", start is not None and
                    int(start.group(1)) * 60 + int(start.group(2)) == int(exp), sid, exp, start and start.group(0))
    withheld = [s["session_id"] for s in sess if not s["consent_supervision"]]
    for sid in withheld:
        C.check("report: withheld session listed, no page", ("%s: withheld" % sid) in unescape(re.sub(r"<[^>]+>", "", idx))
                and not os.path.exists(os.path.join(rep, "sessions", sid + ".html")), sid)
    cons = [s for s in sess if s["consent_supervision"]]
    exp_tc = trainee_rows(cons)
    for t in sorted({s["therapist_id"] for s in sess}):
        h = open(os.path.join(rep, "trainees", t + ".html"), encoding="utf-8").read()
        m = re.search(r'<tr data-period="all">(.*?)</tr>', h, re.S)
        cells = [unescape(re.sub(r"<[^>]+>", "", c)).strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", m.group(1))]
        for per, body in re.findall(r'<tr data-period="([^"]+)">(.*?)</tr>', h, re.S):
            cl = [unescape(re.sub(r"<[^>]+>", "", c)).strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", body)]
            e = exp_tc.get((t, per))
            if not C.check("report: trainee page period rows = recompute over consented sessions", e is not None,
                           "%s %s" % (t, per)):
                continue
            dash = lambda v, f="%d": "—" if v is None else f % v
            want = [per, str(e["sessions"]), "%d (%s)" % (e["flagged_sessions"], pct(e["flagged_share"])),
                    "%.2f" % e["session_hours"],
                    "%s (%s)" % (dash(e["anxiety_episodes"]), dash(e["anxiety_episodes_per_hour"], "%.2f")),
                    "%s (%s)" % (dash(e["missed_opportunities"]), dash(e["missed_opportunities_per_hour"], "%.2f")),
                    "%s / %s" % (dash(e["ruptures_withdrawal"]), dash(e["ruptures_confrontation"])),
                    " / ".join(dash(e[c]) for c in ("ruptures_resolved", "ruptures_partial", "ruptures_unaddressed",
                                                    "ruptures_escalated")),
                    pct(e["resolution_ratio"]), dash(None if e["median_time_to_repair_s_sessions"] is None else
                                                    math.floor(e["median_time_to_repair_s_sessions"] + 0.5), "%d s"),
                    dash(e["mean_synchrony_es"], "%.2f"), dash(e["safety_events"])]
            for i, (w, g) in enumerate(zip(want, cl)):
                C.check("report: trainee page cell %d" % i, w == g, "%s %s" % (t, per), w, g)
        e = exp_tc[(t, "all")]
        C.check("report: trainee page 'all' sessions over the consented sessions", cells[1] == str(e["sessions"]), t,
                e["sessions"], cells[1])
        C.check("report: trainee page flagged n", cells[2].split(" ")[0] == str(e["flagged_sessions"]), t,
                e["flagged_sessions"], cells[2])
        C.check("report: trainee page hours", cells[3] == "%.2f" % e["session_hours"], t, "%.2f" % e["session_hours"],
                cells[3])
        wcx = "%s / %s" % tuple("—" if e[c] is None else str(e[c]) for c in ("ruptures_withdrawal", "ruptures_confrontation"))
        C.check("report: trainee page ruptures W / C", cells[6] == wcx, t, wcx, cells[6])
    exp_cc = client_rows(cons)
    latest = {}
    for (ck, n, sid), r in exp_cc.items():
        if S[sid]["anxiety_time_s"] is not None:
            if ck not in latest or n > latest[ck][0]:
                latest[ck] = (n, r["plateau"])
    for ck, (n, pl) in latest.items():
        fn = os.path.join(rep, "clients", ck + ".html")
        if not os.path.exists(fn):
            continue
        h = open(fn, encoding="utf-8").read()
        tab = h[h.find("<table", h.find('id="burden"')):]
        tab = tab[:tab.find("</table>")]
        for body in re.findall(r"<tr[^>]*>(.*?)</tr>", tab, re.S):
            cl = [unescape(re.sub(r"<[^>]+>", "", c)).strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", body, re.S)]
            if len(cl) < 11:
                continue
            k = (ck, int(cl[0]), cl[1])
            e = exp_cc.get(k)
            if not C.check("report: client page rows = recompute over consented sessions", e is not None, cl[1]):
                continue
            tr = "—" if e["anxiety_trend_s_per_session"] is None else "%.1f s/session" % e["anxiety_trend_s_per_session"]
            dp = "—" if e["decline_p"] is None else "%.3f" % e["decline_p"]
            hb = "%d of %d" % (e["high_burden_sessions"], e["trend_sessions"])
            m = re.match(r"(-?[0-9.]+) s/session", cl[7])
            if m and e["anxiety_trend_s_per_session"] is not None:  # the page rounds half up, Python half even
                tr = cl[7] if abs(float(m.group(1)) - e["anxiety_trend_s_per_session"]) <= 0.0501 else tr
            for name, w, g in (("trend", tr, cl[7]), ("decline p", dp, cl[8]), ("high-burden", hb, cl[9]),
                               ("note", e["note"] or "", cl[10])):
                C.check("report: client page %s" % name, w == g, "%s #%s" % (cl[1], cl[0]), w, g)
        # the page's own note (outside the rows) when the latest session with client data ends a plateau
        head = h[:h.find('id="burden"')]
        has = "discuss in supervision: consider consultation" in head
        C.check("report: client page note iff the latest session with client data ends a plateau", has == pl, ck[:12],
                pl, has)

    # ---------------------------------------------------------------- research export
    rs = [s for s in sess if s["consent_research"]]
    xs = {r["session_id"]: r for r in X["sessions"]}
    psid = {"s_" + hm(key, "session:" + s["session_id"])[:16]: s for s in rs}
    C.check("export: sessions = the research-consented ones, keyed s_ pseudonyms", set(xs) == set(psid), "",
            len(psid), len(xs))
    for k, s in psid.items():
        x = xs.get(k)
        if x is None:
            continue
        C.check("export: therapist_id = t_ + HMAC(therapist:id)", x["therapist_id"] == "t_" + hm(key, "therapist:" + s["therapist_id"])[:16],
                s["session_id"], "t_" + hm(key, "therapist:" + s["therapist_id"])[:16], x["therapist_id"])
        C.check("export: client_key = c_ + HMAC(client:client_key)", x["client_key"] == "c_" + hm(key, "client:" + s["client_key"])[:16],
                s["session_id"], "c_" + hm(key, "client:" + s["client_key"])[:16], x["client_key"])
        C.check("export: session_week = ISO week of session_date", x.get("session_week") == iso_week(s["session_date"]),
                s["session_id"], iso_week(s["session_date"]), x.get("session_week"))
        C.check("export: no *_utc and no flag_reasons", not any(c.endswith("_utc") for c in x) and "flag_reasons" not in x
                and "session_date" not in x, s["session_id"])
        for col in ("priority", "anxiety_episodes", "ruptures_unaddressed", "missed_opportunities", "synchrony_es"):
            C.check("export: sessions numbers kept", close(x[col], s[col]), s["session_id"])
    # trainees/ and clients/ recomputed over the research-consented sessions
    tmap = {"t_" + hm(key, "therapist:" + t)[:16]: t for t in {s["therapist_id"] for s in sess}}
    exp_xt = trainee_rows(rs)
    for r in X["trainees"]:
        t = tmap.get(r["therapist_id"])
        e = exp_xt.get((t, r["period"]))
        C.check("export: trainees row exists in the recompute", e is not None, "%s %s" % (t, r["period"]))
        if e is None:
            continue
        for col, v in e.items():
            if col == "median_time_to_repair_s_sessions":
                col = "median_time_to_repair_s"
            C.check("export: trainees %s over research-consented sessions" % col, close(r[col], v), "%s %s" % (t, r["period"]),
                    v, r[col])
    C.check("export: trainees rows", len(X["trainees"]) == len(exp_xt), "", len(exp_xt), len(X["trainees"]))
    exp_xc = client_rows(rs)
    cmap = {"c_" + hm(key, "client:" + s["client_key"])[:16]: s["client_key"] for s in sess}
    smap = {k: s["session_id"] for k, s in psid.items()}
    for r in X["clients"]:
        k = (cmap.get(r["client_key"]), r["session_number"], smap.get(r["session_id"]))
        e = exp_xc.get(k)
        C.check("export: clients row exists in the recompute", e is not None, str(k))
        if e is None:
            continue
        for col, v in e.items():
            C.check("export: clients %s over research-consented sessions" % col, close(r[col], v, 1e-6), "%s #%d" % (k[2], k[1]),
                    v, r[col])
    C.check("export: moments without evidence or start_utc", all("evidence" not in m and "start_utc" not in m for m in X["moments"]), "")
    C.check("export: moments only of exported sessions", all(m["session_id"] in xs for m in X["moments"]), "")

    # ---------------------------------------------------------------- output
    res = {"checks": C.rows, "mismatches": C.mism}
    print("| check | compared | equal |")
    print("|---|---|---|")
    for k in sorted(C.rows):
        print("| %s | %d | %d |" % (k, C.rows[k][0], C.rows[k][1]))
    print("mismatches: %d" % len(C.mism))
    for m in C.mism[:400]:
        print("- %s | %s | expected %s | found %s %s" % (m["check"], m["where"], m["expected"], m["found"], m["note"]))
    if res_path:
        json.dump(res, open(res_path, "w"), indent=1, default=str)


if __name__ == "__main__":
    main()
