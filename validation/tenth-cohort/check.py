"""Tenth audit: do the detailed tables agree with each other and with the README's Outputs?

python3 check.py ROWS.jsonl RUN.json [--cohort SESSIONS_ROOT] [--json RESULT.json]

ROWS.jsonl is `sql -f tables.sql --format json` over one review (each table preceded by a row
{"block_marker": NAME}); RUN.json that review's run.json. Every check is stated from the README
(section Outputs and the Methods it cites) as a researcher joining the tables would read it; a
check the README does not settle is marked "(README silent)" and states the researcher's
assumption. Prints one line per check: passed/total and the first failures.
"""
import collections
import datetime
import json
import math
import re
import statistics
import sys

from load import load

RESULTS = collections.OrderedDict()


def check(name, ok, detail=""):
    r = RESULTS.setdefault(name, {"pass": 0, "fail": 0, "examples": []})
    if ok:
        r["pass"] += 1
    else:
        r["fail"] += 1
        if len(r["examples"]) < 4:
            r["examples"].append(detail)


def close(a, b, tol=1e-6, rel=1e-9):
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= tol + rel * abs(b)


def ts(s):
    return datetime.datetime.fromisoformat(s.replace("Z", "+00:00"))


def by(rows, *keys):
    out = collections.defaultdict(list)
    for r in rows:
        out[tuple(r[k] for k in keys) if len(keys) > 1 else r[keys[0]]].append(r)
    return out


def overlap(a0, a1, b0, b1):
    return max(0.0, min(a1, b1) - max(a0, b0))


def main():
    T = load(sys.argv[1])
    run = json.load(open(sys.argv[2], encoding="utf-8"))
    sessions = {s["session_id"]: s for s in T["sessions"]}
    win = by(T["windows"], "session_id", "role")
    mom = by(T["moments"], "session_id")
    rup = by(T["ruptures"], "session_id")
    ann = by(T["annotations"], "session_id")
    seg = by(T["segments"], "session_id")
    scr = by(T["scr"], "session_id", "role")
    beats = by(T["beats"], "session_id", "role")
    art = by(T["artifacts"], "session_id", "role")
    syn = by(T["synchrony"], "session_id")

    # ---- no NaN or infinity anywhere (the README speaks of null, never NaN)
    for t, rows in T.items():
        for r in rows:
            bad = [k for k, v in r.items() if isinstance(v, float) and not math.isfinite(v)]
            bad += [k for k, v in r.items() if isinstance(v, str) and v in ("NaN", "Infinity", "-Infinity")]
            check("no NaN/Infinity in any table", not bad, "%s %s %s" % (t, r.get("session_id"), bad))

    # ---- keys unique as documented
    for t, keys in [("sessions", ("session_id",)), ("windows", ("session_id", "role", "start_s")),
                    ("ruptures", ("session_id", "episode_id")), ("segments", ("session_id", "segment_index")),
                    ("baselines", ("session_id", "role", "feature")),
                    ("synchrony", ("session_id", "signal", "start_s")),
                    ("scr", ("session_id", "role", "onset_s"))]:
        c = collections.Counter(tuple(r[k] for k in keys) for r in T[t])
        for k, n in c.items():
            check("%s key %s unique" % (t, "+".join(keys)), n == 1, "%s x%d" % (k, n))

    # ---- *_utc = media_start + *_s
    for t in ("moments", "windows"):
        for r in T[t]:
            s = sessions[r["session_id"]]
            exp = ts(s["media_start_utc"]) + datetime.timedelta(seconds=r["start_s"])
            check("%s.start_utc = media_start_utc + start_s" % t, abs((ts(r["start_utc"]) - exp).total_seconds()) < 0.0015,
                  "%s %s %s vs %s" % (r["session_id"], r["start_s"], r["start_utc"], exp))

    # ---- windows
    for (sid, role), ws in win.items():
        ws.sort(key=lambda w: w["start_s"])
        for w in ws:
            d = w["end_s"] - w["start_s"]
            check("windows 30 s, or 15-30 s when cut at the recording's end", 15 <= d <= 30 + 1e-9,
                  "%s %s %s %s" % (sid, role, w["start_s"], d))
            check("windows start on the 5 s hop", abs(w["start_s"] / 5 - round(w["start_s"] / 5)) < 1e-6,
                  "%s %s %s" % (sid, role, w["start_s"]))
            for q in ("eda_quality", "cardiac_quality", "acc_quality", "temp_quality"):
                check("windows qualities in [0, 1]", w[q] is not None and 0 <= w[q] <= 1, "%s %s %s %s=%s" % (sid, role, w["start_s"], q, w[q]))
            if w["gross_movement_s"] is not None and w["gross_movement_s"] >= 10:
                check("windows: >= 10 s gross movement -> no index", w["anxiety_index"] is None, "%s %s %s" % (sid, role, w["start_s"]))
            if w["exertion_recovery"]:
                check("windows: exertion_recovery -> no index", w["anxiety_index"] is None, "%s %s %s" % (sid, role, w["start_s"]))
            check("windows: exertion_recovery true/false, never null in a new table", w["exertion_recovery"] in (True, False),
                  "%s %s %s" % (sid, role, w["start_s"]))
            # feature null when its channel fails quality (features.min_quality 0.5)
            for feat, q, z in (("eda_scl_us", "eda_quality", "z_scl"), ("temp_slope_c_per_min", "temp_quality", "z_temp"),
                               ("fidget_power", "acc_quality", "z_fidget")):
                if w[q] < 0.5:
                    check("windows: feature null when its channel fails quality (%s)" % feat, w[feat] is None,
                          "%s %s %s %s=%s %s=%s" % (sid, role, w["start_s"], q, w[q], feat, w[feat]))
                check("windows: z null where its feature is null (%s)" % z, not (w[feat] is None and w[z] is not None),
                      "%s %s %s" % (sid, role, w["start_s"]))
            if w["hr_bpm"] is not None:
                check("windows: hr_bpm only with cardiac_quality >= 0.5", w["cardiac_quality"] >= 0.5 - 1e-9,
                      "%s %s %s q=%s" % (sid, role, w["start_s"], w["cardiac_quality"]))
            else:
                check("windows: z_hr null where hr_bpm is null", w["z_hr"] is None, "%s %s %s" % (sid, role, w["start_s"]))
            # SCR rate and amplitude sum against scr/ (README silent on onset or peak: a researcher
            # counts the responses whose onset lies in the window)
            ss = scr.get((sid, role), [])
            if w["eda_scr_per_min"] is not None:
                ins = [x for x in ss if w["start_s"] <= x["onset_s"] < w["end_s"]]
                insp = [x for x in ss if w["start_s"] <= x["peak_s"] < w["end_s"]]
                minutes = (w["end_s"] - w["start_s"]) / 60
                ok_on = close(w["eda_scr_per_min"], len(ins) / minutes, 1e-6)
                ok_pk = close(w["eda_scr_per_min"], len(insp) / minutes, 1e-6)
                check("windows.eda_scr_per_min = scr/ rows in the window per minute (README silent: onset or peak)", ok_on or ok_pk,
                      "%s %s %s: %s vs onsets %d peaks %d" % (sid, role, w["start_s"], w["eda_scr_per_min"], len(ins), len(insp)))
                amp_on = sum(x["amplitude_us"] for x in ins)
                amp_pk = sum(x["amplitude_us"] for x in insp)
                check("windows.eda_scr_amplitude_sum_us = sum of scr/ amplitudes in the window",
                      w["eda_scr_amplitude_sum_us"] is not None and (close(w["eda_scr_amplitude_sum_us"], amp_on, 1e-6) or close(w["eda_scr_amplitude_sum_us"], amp_pk, 1e-6)),
                      "%s %s %s: %s vs %s / %s" % (sid, role, w["start_s"], w["eda_scr_amplitude_sum_us"], amp_on, amp_pk))
    # windows wholly inside a not_worn stretch: every quality 0, every feature null, no index
    for (sid, role), arts in art.items():
        for a in arts:
            if a["kind"] != "not_worn":
                continue
            for w in win.get((sid, role), []):
                if w["start_s"] >= a["start_s"] and w["end_s"] <= a["end_s"]:
                    qs = [w[q] for q in ("eda_quality", "cardiac_quality", "acc_quality", "temp_quality")]
                    check("windows inside not_worn: qualities 0, no index", max(qs) == 0 and w["anxiety_index"] is None and w["hr_bpm"] is None,
                          "%s %s %s %s" % (sid, role, w["start_s"], qs))
    # heart rate from beats: where no HR.csv fallback can apply (quality from beats), hr_bpm =
    # 60000 / mean accepted interval over the trailing 60 s (regular rhythm only: irregular spans
    # take all in-range beats and belong to another helper's change)
    from cardiac import beat_checks
    beat_checks(T, win, beats, art, check)

    # ---- scr
    for r in T["scr"]:
        k = "%s %s %s" % (r["session_id"], r["role"], r["onset_s"])
        check("scr: rise_s = peak_s - onset_s", close(r["rise_s"], r["peak_s"] - r["onset_s"], 1e-6), k)
        check("scr: rise 0.5-5 s", 0.5 - 1e-9 <= r["rise_s"] <= 5 + 1e-9, k + " rise %s" % r["rise_s"])
        check("scr: amplitude >= 0.05 uS", r["amplitude_us"] >= 0.05 - 1e-12, k + " amp %s" % r["amplitude_us"])
        check("scr: quality in [0, 1]", 0 <= r["quality"] <= 1, k)
        check("scr: half_recovery_s positive or null", r["half_recovery_s"] is None or r["half_recovery_s"] > 0, k)

    # ---- beats
    reasons = {"out_of_range", "deviates_from_local_median", "low_amplitude", "motion", "masked",
               "previous_beat_rejected", "no_previous_beat"}
    for r in T["beats"]:
        k = "%s %s %s" % (r["session_id"], r["role"], r["t_s"])
        check("beats: reject_reason null iff accepted", (r["reject_reason"] is None) == bool(r["accepted"]), k)
        check("beats: reject_reason one of the documented", r["reject_reason"] is None or r["reject_reason"] in reasons, k + " " + str(r["reject_reason"]))
        check("beats: source device or bvp", r["source"] in ("device", "bvp"), k)
        if r["accepted"]:
            check("beats: accepted interval in 300-2000 ms", 300 - 1e-6 <= r["ibi_ms"] <= 2000 + 1e-6, k + " %s" % r["ibi_ms"])
    for (sid, role), arts in art.items():
        nw = [a for a in arts if a["kind"] == "not_worn"]
        for b in beats.get((sid, role), []):
            if b["accepted"] and any(a["start_s"] <= b["t_s"] <= a["end_s"] for a in nw):
                check("beats: no accepted beat inside not_worn", False, "%s %s %s" % (sid, role, b["t_s"]))

    # ---- artifacts
    kinds = {"eda_contact_loss", "eda_above_range", "eda_jump", "eda_motion", "temp_off_wrist", "acc_gross_movement",
             "ibi_gap", "no_data", "not_worn"}
    for a in T["artifacts"]:
        k = "%s %s %s %s %s-%s" % (a["session_id"], a["role"], a["channel"], a["kind"], a["start_s"], a["end_s"])
        check("artifacts: kind documented", a["kind"] in kinds, k)
        check("artifacts: start_s < end_s", a["start_s"] < a["end_s"], k)
        if a["kind"] == "not_worn":
            check("artifacts: not_worn channel E4, >= 5 s", a["channel"] == "E4" and a["end_s"] - a["start_s"] >= 5 - 1e-9, k)
        if a["kind"] == "no_data" and a["channel"] == "E4":
            check("artifacts: E4 no_data >= a window (30 s)", a["end_s"] - a["start_s"] >= 30 - 1e-9, k)
        if a["kind"] == "ibi_gap":
            check("artifacts: ibi_gap longer than 3 s", a["end_s"] - a["start_s"] > 3, k)
            acc = {round(b["t_s"], 3) for b in beats.get((a["session_id"], a["role"]), []) if b["accepted"]}
            inside = [b for b in beats.get((a["session_id"], a["role"]), []) if b["accepted"] and b["source"] == "device" and a["start_s"] + 1e-3 < b["t_s"] < a["end_s"] - 1e-3]
            check("artifacts: no accepted device beat inside an ibi_gap (channel IBI)", not inside, k + " %d inside" % len(inside))

    # ---- moments
    from moments import moment_checks
    moment_checks(T, sessions, win, mom, rup, ann, check)

    # ---- sessions vs the lower tables
    from session_totals import session_checks
    session_checks(T, sessions, win, mom, rup, ann, seg, syn, check)

    # ---- ruptures and segments vs annotations
    from codings import coding_checks
    coding_checks(T, sessions, win, rup, ann, seg, syn, check)

    # ---- baselines vs the calibration windows
    from baselines import baseline_checks
    baseline_checks(T, sessions, win, check)

    from extra import extra_checks
    extra_checks(T, sessions, win, art, run, check)
    from extra import more_checks
    cohort = sys.argv[sys.argv.index("--cohort") + 1] if "--cohort" in sys.argv else None
    more_checks(T, sessions, win, rup, run, cohort, check)
    from extra import reason_checks
    reason_checks(T, sessions, mom, rup, win, run, check)

    # ---- rejects vs run.json
    per_file = collections.Counter(r["source_file"] for r in T["rejects"])
    for f in run["inputs"]:
        k = f["path"]
        check("run.json: records read = accepted + rejected per file",
              f["records_read"] == f["records_accepted"] + f["records_rejected"], k)
        check("rejects/ has a row for every file with rejected records, and none for others",
              (f["records_rejected"] > 0) == (per_file.get(k, 0) > 0), "%s rejected %d rows %d" % (k, f["records_rejected"], per_file.get(k, 0)))
    paths = {f["path"] for f in run["inputs"]}
    for p in per_file:
        check("rejects.source_file is a run.json input path", p in paths, p)
    tot = run["totals"]
    check("run.json totals = sum over files", tot["records_read"] == sum(f["records_read"] for f in run["inputs"])
          and tot["records_rejected"] == sum(f["records_rejected"] for f in run["inputs"]), str(tot))
    check("run.json sessions_reviewed = sessions/ rows", tot["sessions_reviewed"] == len(sessions), str(tot))
    check("run.json sessions_flagged = flagged sessions/ rows", tot["sessions_flagged"] == sum(1 for s in sessions.values() if s["flagged"]), str(tot))

    out = {"checks": RESULTS}
    total = sum(r["pass"] + r["fail"] for r in RESULTS.values())
    passed = sum(r["pass"] for r in RESULTS.values())
    for name, r in RESULTS.items():
        flag = "ok  " if r["fail"] == 0 else "FAIL"
        print("%s %s: %d/%d" % (flag, name, r["pass"], r["pass"] + r["fail"]))
        for e in r["examples"]:
            print("       " + e)
    print("checks %d of %d passed; kinds %d of %d without a failure" % (
        passed, total, sum(1 for r in RESULTS.values() if r["fail"] == 0), len(RESULTS)))
    if "--json" in sys.argv:
        json.dump(out, open(sys.argv[sys.argv.index("--json") + 1], "w"), indent=1)


if __name__ == "__main__":
    main()
