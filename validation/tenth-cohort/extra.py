"""Further cross-table checks: window qualities vs artifacts/, cut windows, missing channels vs
run.json, trainees/ and clients/ vs sessions/."""
import collections

EDA_MASK = {"eda_contact_loss", "eda_above_range", "eda_jump", "eda_motion"}


def union_overlap(spans, a, b):
    spans = sorted((max(a, x), min(b, y)) for x, y in spans if y > a and x < b)
    tot, cur0, cur1 = 0.0, None, None
    for x, y in spans:
        if cur1 is None or x > cur1:
            if cur1 is not None:
                tot += cur1 - cur0
            cur0, cur1 = x, y
        else:
            cur1 = max(cur1, y)
    if cur1 is not None:
        tot += cur1 - cur0
    return tot


def extra_checks(T, sessions, win, art, run, check):
    for (sid, role), ws in win.items():
        arts = art.get((sid, role), [])
        eda = [(a["start_s"], a["end_s"]) for a in arts if a["kind"] in EDA_MASK or a["kind"] == "not_worn"
               or (a["kind"] == "no_data" and a["channel"] in ("EDA", "E4"))]
        temp = [(a["start_s"], a["end_s"]) for a in arts if a["kind"] in ("temp_off_wrist", "not_worn")
                or (a["kind"] == "no_data" and a["channel"] in ("TEMP", "E4"))]
        last = max(w["start_s"] for w in ws)
        for w in ws:
            L = w["end_s"] - w["start_s"]
            k = "%s %s %s" % (sid, role, w["start_s"])
            for col, spans, slack in (("eda_quality", eda, 0.5), ("temp_quality", temp, 0.5)):
                masked = union_overlap(spans, w["start_s"], w["end_s"]) / L
                check("windows.%s <= 1 - the share artifacts/ masks in the window" % col, w[col] <= 1 - masked + slack / L + 1e-9,
                      k + " %s=%.3f masked %.3f" % (col, w[col], masked))
            if L < 30 - 1e-9:
                later = [x for x in ws if x["start_s"] > w["start_s"] and x["end_s"] - x["start_s"] >= 30 - 1e-9]
                check("windows: a window shorter than 30 s is among the wearer's last (cut at its last sample)", not later,
                      k + " %d full windows after it" % len(later))
    kinds = {}
    for f in run["inputs"]:
        kinds.setdefault((f["session_id"], f["kind"]), []).append(f)
    for sid, s in sessions.items():
        for mc in s["missing_channels"] or []:
            role, ch = mc.split(":")
            fs = kinds.get((sid, "wearable:%s:%s" % (role, ch)), [])
            check("sessions.missing_channels: no accepted record of that file in run.json", sum(f["records_accepted"] for f in fs) == 0,
                  "%s %s %s" % (sid, mc, [(f["path"], f["records_accepted"]) for f in fs]))
        for role in ("client", "therapist"):
            for ch in ("EDA", "BVP", "ACC", "TEMP", "HR", "IBI"):
                fs = kinds.get((sid, "wearable:%s:%s" % (role, ch)), [])
                if any(f["records_accepted"] > 0 for f in fs):
                    continue
                wearer = any(kinds.get((sid, "wearable:%s:%s" % (role, c))) for c in ("EDA", "BVP", "ACC", "TEMP", "HR", "IBI"))
                if wearer:
                    check("sessions.missing_channels names every channel of a worn band with no accepted record (README silent)",
                          "%s:%s" % (role, ch) in (s["missing_channels"] or []), "%s %s:%s %s" % (sid, role, ch, s["missing_channels"]))
    # trainees 'all' rows vs sessions/
    bt = collections.defaultdict(list)
    for s in sessions.values():
        bt[s["therapist_id"]].append(s)
    for t in T["trainees"]:
        if t["period"] != "all":
            continue
        ss = bt[t["therapist_id"]]
        k = t["therapist_id"]
        check("trainees(all).sessions / flagged_sessions = sessions/ rows", t["sessions"] == len(ss) and t["flagged_sessions"] == sum(1 for s in ss if s["flagged"]), k)
        check("trainees(all).session_hours = sum duration_s / 3600", abs(t["session_hours"] - sum(s["duration_s"] for s in ss) / 3600) < 1e-9, k)
        ae = [s["anxiety_episodes"] for s in ss if s["anxiety_episodes"] is not None]
        check("trainees(all).anxiety_episodes = sum over sessions with client data", t["anxiety_episodes"] == (sum(ae) if ae else None), k + " %s vs %s" % (t["anxiety_episodes"], ae))
        coded = [s for s in ss if s["annotation_count"] > 0]
        for col in ("ruptures_withdrawal", "ruptures_confrontation", "safety_events", "missed_opportunities"):
            exp = sum(s[col] for s in coded) if coded else None
            check("trainees(all).%s = sum over coded sessions" % col, t[col] == exp, k + " %s vs %s" % (t[col], exp))
    for c in T["clients"]:
        s = sessions.get(c["session_id"])
        k = c["session_id"]
        check("clients row names a sessions/ row with the same keys", s is not None and s["client_key"] == c["client_key"] and s["session_number"] == c["session_number"], k)
        if s:
            check("clients anxiety burden = sessions/", c["anxiety_episodes"] == s["anxiety_episodes"] and c["anxiety_time_s"] == s["anxiety_time_s"]
                  and c["peak_anxiety_index"] == s["peak_anxiety_index"], k)


def more_checks(T, sessions, win, rup, run, cohort, check):
    import datetime
    import glob
    import json
    import os
    import re
    # sessions/ against each session.json of the cohort (the input contract)
    if cohort:
        for p in glob.glob(os.path.join(cohort, "*", "session.json")):
            try:
                sj = json.load(open(p, encoding="utf-8"))
            except ValueError:
                continue
            s = sessions.get(sj.get("session_id"))
            if s is None:
                continue
            ms = datetime.datetime.fromisoformat(sj["media_start"].replace("Z", "+00:00"))
            k = sj["session_id"]
            check("sessions.session_date = media_start's date in its own offset", s["session_date"] == ms.date().isoformat(), k + " %s vs %s" % (s["session_date"], ms))
            utc = ms.astimezone(datetime.timezone.utc)
            got = datetime.datetime.fromisoformat(s["media_start_utc"].replace("Z", "+00:00"))
            check("sessions.media_start_utc = session.json media_start", abs((got - utc).total_seconds()) < 0.0015, k)
            check("sessions.duration_s = session.json duration_s", abs(s["duration_s"] - float(sj["duration_s"])) < 1e-9, k)
            check("sessions.session_number/therapist_id = session.json", s["session_number"] == sj["session_number"] and s["therapist_id"] == sj["therapist_id"], k)
    for s in sessions.values():
        v = s["missed_opportunity_sensitivity"]
        if v is None:
            check("sessions.missed_opportunity_sensitivity null only for an uncoded video", s["annotation_count"] == 0, s["session_id"])
            continue
        parts = re.fullmatch(r"5s=(\d+)/(\d+);10s=(\d+)/(\d+);20s=(\d+)/(\d+);30s=(\d+)/(\d+)", v)
        check("sessions.missed_opportunity_sensitivity is 5s=m/n;10s=...;20s=...;30s=... with m <= n",
              parts is not None and all(int(parts.group(i)) <= int(parts.group(i + 1)) for i in (1, 3, 5, 7)), s["session_id"] + " " + v)
    # annotations.source_file: below the sessions root, a run.json input of that session
    paths = {f["path"]: f for f in run["inputs"]}
    for a in T["annotations"]:
        f = paths.get(a["source_file"])
        check("annotations.source_file is a run.json input of the session", f is not None and f["session_id"] == a["session_id"], a["session_id"] + " " + str(a["source_file"]))
        check("annotations.source_line >= 0", a["source_line"] is not None and a["source_line"] >= 0, a["session_id"])
    for r in T["rejects"]:
        check("rejects.line >= 0 and raw at most 200 characters", r["line"] >= 0 and (r["raw"] is None or len(r["raw"]) <= 200), r["source_file"])
    # windows: hr_bpm null -> cardiac_quality is the beats' share, below 0.5
    for ws in win.values():
        for w in ws:
            if w["hr_bpm"] is None:
                check("windows: hr_bpm null -> cardiac_quality below features.min_quality", w["cardiac_quality"] < 0.5, "%s %s %s" % (w["session_id"], w["role"], w["start_s"]))
    # synchrony: a skipped window has null values (README: null, not NaN), an ok one has values
    for w in T["synchrony"]:
        vals = [w[c] for c in ("z_lag0", "mean_abs_z", "peak_lag_s", "peak_z")]
        if w["status"] == "ok":
            check("synchrony: an ok window has its values", all(v is not None for v in vals), "%s %s %s" % (w["session_id"], w["signal"], w["start_s"]))
        else:
            check("synchrony: a skipped window has null values and leader none", all(v is None for v in vals) and w["leader"] in (None, "none"),
                  "%s %s %s %s" % (w["session_id"], w["signal"], w["start_s"], w["status"]))
    # ruptures.closed_at_session_end: the session ended within 300 s of its last marker
    for sid, rs in rup.items():
        dur = sessions[sid]["duration_s"]
        for r in rs:
            check("ruptures: closed_at_session_end -> the video ends within 300 s of the episode's end (README silent)",
                  not r["closed_at_session_end"] or r["end_s"] + 300 > dur - 1e-9, "%s %s end %s duration %s" % (sid, r["episode_id"], r["end_s"], dur))
    # trainees: the months add up to the 'all' row
    rows = collections.defaultdict(list)
    for t in T["trainees"]:
        rows[t["therapist_id"]].append(t)
    for tid, rs in rows.items():
        allr = [t for t in rs if t["period"] == "all"]
        months = [t for t in rs if t["period"] != "all"]
        if len(allr) != 1:
            check("trainees: one 'all' row per therapist", False, tid)
            continue
        for col in ("sessions", "flagged_sessions"):
            check("trainees: months add up to the 'all' row (%s)" % col, sum(t[col] for t in months) == allr[0][col], tid)


def reason_checks(T, sessions, mom, rup, win, run, check):
    """flag_reasons, the readable strings, against the columns and moments they summarise."""
    import re
    low = float(run["parameters"].get("scoring.low_data_quality", "0.5"))
    for sid, s in sessions.items():
        rs = s["flag_reasons"] or []
        ms = mom.get(sid, [])
        text = " | ".join(rs)
        k = sid + ": " + text[:160]
        for kind, word in (("missed_opportunity", "missed opportunit"), ("unvoiced_arousal", "unvoiced-arousal moment"),
                           ("pressure_above_threshold", "pressure-above-threshold moment")):
            n = sum(1 for m in ms if m["kind"] == kind)
            got = [int(x) for x in re.findall(r"(\d+) candidate " + re.escape(word), text)]
            check("sessions.flag_reasons: '%s' count = moments" % word, sum(got) == n, k + " vs %d" % n)
        m = re.search(r"(\d+) candidate client anxiety episodes? \(([0-9.]+) min, peak index ([0-9.]+)\)", text)
        eps = [x for x in ms if x["kind"] == "anxiety_episode" and x["role"] == "client"]
        if eps:
            ok = m is not None and int(m.group(1)) == len(eps) and abs(float(m.group(2)) - s["anxiety_time_s"] / 60) <= 0.051
            check("sessions.flag_reasons: client episodes' count and minutes = anxiety_episodes, anxiety_time_s / 60", ok, k)
            if m:
                pk = max(x["severity"] for x in eps)
                check("sessions.flag_reasons: the episodes' peak index = the highest episode severity (README silent: or peak_anxiety_index)",
                      abs(float(m.group(3)) - pk) <= 0.051, k + " vs episodes %.2f, peak_anxiety_index %.2f" % (pk, s["peak_anxiety_index"]))
        else:
            check("sessions.flag_reasons: no client-episode reason without a client episode", m is None, k)
        for cls, word in (("W", "withdrawal"), ("C", "confrontation")):
            n = sum(1 for r in rup.get(sid, []) if r["class"] == cls and r["outcome"] == "unaddressed")
            got = [int(x) for x in re.findall(r"(\d+) candidate unaddressed %s rupture" % word, text)]
            check("sessions.flag_reasons: unaddressed ruptures by class = ruptures/", sum(got) == n, k + " vs %d" % n)
        saf = sum(1 for x in ms if x["kind"] == "safety")
        got = sum(int(x) for x in re.findall(r"(\d+) safety events?", text))
        check("sessions.flag_reasons: safety events = safety moments", got == saf, k + " vs %d" % saf)
        for role, col in (("client", "data_quality_client"), ("therapist", "data_quality_therapist")):
            has = bool(win.get((sid, role)))
            named = re.search(r"%s data quality (\d+) %%" % role, text)
            if role == "client" and has:
                check("sessions.flag_reasons: client data quality below scoring.low_data_quality named, with its percent",
                      (s[col] < low) == (named is not None) and (named is None or int(named.group(1)) == round(100 * s[col])), k + " dq %s" % s[col])
            if not has:
                check("sessions.data_quality_<wearer> = 0 without that wearer", s[col] == 0, "%s %s %s" % (sid, role, s[col]))
        # synchrony needs both wearers
        both = bool(win.get((sid, "client"))) and bool(win.get((sid, "therapist")))
        if not both:
            check("sessions: synchrony_es and percentile null without both wearers", s["synchrony_es"] is None and s["synchrony_percentile"] is None, sid)
