"""baselines/ against the windows of the stretch its source names (README Outputs baselines/, Methods Baseline)."""
import re
import statistics

QUAL = {"eda": "eda_quality", "hr": "cardiac_quality", "hrv": "cardiac_quality", "fidget": "acc_quality",
        "temp": "temp_quality", "motion": "acc_quality"}


def quality_col(feature):
    for p, q in QUAL.items():
        if feature.startswith(p):
            return q
    return None


def baseline_checks(T, sessions, win, check):
    for b in T["baselines"]:
        s = sessions[b["session_id"]]
        k = "%s %s %s (%s)" % (b["session_id"], b["role"], b["feature"], b["source"])
        exp_person = "client:%s" % s["client_key"] if b["role"] == "client" else "therapist:%s" % s["therapist_id"]
        check("baselines.person = client:<client_key> / therapist:<therapist_id>", b["person"] == exp_person, k + " " + b["person"])
        check("baselines.session_number/date = sessions/", b["session_number"] == s["session_number"] and b["session_date"] == s["session_date"], k)
        bs = s["baseline_source"] or ""
        # since 2026-12-07 each row names its own feature's source: a fallen-back feature's row
        # gives its own count of usable windows, the session's text the largest (or lists them)
        same = b["source"] in bs or (b["source"].startswith("whole session (") and "whole session" in bs)
        check("baselines.source appears in sessions.baseline_source", same, k + " | " + str(s["baseline_source"]))
        m = re.fullmatch(r"calibration (\d+)-(\d+) s", b["source"])
        if not m or b["feature"] not in (win.get((b["session_id"], b["role"]), [{}])[0]):
            continue
        a0, a1 = float(m.group(1)), float(m.group(2))
        q = quality_col(b["feature"])
        ws = [w for w in win[(b["session_id"], b["role"])] if w["start_s"] >= a0 and w["end_s"] <= a1
              and w[b["feature"]] is not None and (w["gross_movement_s"] or 0) < 10 and (q is None or w[q] >= 0.5)]
        vals = [w[b["feature"]] for w in ws]
        if not vals:
            check("baselines: calibration windows exist", False, k)
            continue
        med = statistics.median(vals)
        mad = statistics.median(abs(v - med) for v in vals)
        check("baselines.windows = the stretch's usable windows (README silent: windows inside it)", b["windows"] == len(vals), k + " %s vs %d" % (b["windows"], len(vals)))
        check("baselines.median = median of the stretch's usable windows", abs(b["median"] - med) < 1e-6 * max(1, abs(med)), k + " %s vs %s" % (b["median"], med))
        check("baselines.mad = median absolute deviation of them (unscaled)", abs(b["mad"] - mad) < 1e-6 * max(1, abs(mad)), k + " %s vs %s" % (b["mad"], mad))
