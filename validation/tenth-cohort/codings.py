"""ruptures/, segments/ and synchrony.during_rupture against annotations/ (README Outputs)."""
import collections
import math


def is_marker(a, cls=None):
    return a["code"].startswith("RUP_%s_" % cls if cls else "RUP_")


def is_repair(a):
    return a["actor"] == "therapist" and (a["code"].startswith("RES_") or a["code"] == "INT_METACOMMUNICATION")


def coding_checks(T, sessions, win, rup, ann, seg, syn, check):
    for sid, rs in rup.items():
        an = ann.get(sid, [])
        for r in rs:
            k = "%s %s" % (sid, r["episode_id"])
            check("ruptures: episode_id is class + number", r["episode_id"][0] == r["class"] and r["episode_id"][1:].isdigit(), k)
            check("ruptures: start_s <= end_s", r["start_s"] <= r["end_s"], k)
            check("ruptures: first_repair_s null iff time_to_first_repair_s null",
                  (r["first_repair_s"] is None) == (r["time_to_first_repair_s"] is None), k)
            if r["first_repair_s"] is not None:
                check("ruptures: time_to_first_repair_s = first_repair_s - start_s",
                      abs(r["time_to_first_repair_s"] - (r["first_repair_s"] - r["start_s"])) < 1e-9, k)
                check("ruptures: first_repair_s is a therapist RES_*/INT_METACOMMUNICATION annotation",
                      any(is_repair(a) and abs(a["start_s"] - r["first_repair_s"]) < 1e-9 for a in an), k + " %s" % r["first_repair_s"])
            check("ruptures: outcome unaddressed iff no repair", (r["outcome"] == "unaddressed") == (r["first_repair_s"] is None), k + " " + r["outcome"])
            check("ruptures: outcome documented", r["outcome"] in ("resolved", "partially_resolved", "unaddressed", "escalated"), k)
            check("ruptures: markers are RUP_<class>_*", r["markers"] and all(x.startswith("RUP_%s_" % r["class"]) for x in r["markers"]), k + " %s" % r["markers"])
            check("ruptures: stage_reached 1-4 or null", r["stage_reached"] is None or 1 <= r["stage_reached"] <= 4, k)
            for st in r["strategies"] or []:
                check("ruptures: strategies are RES_* or INT_METACOMMUNICATION", st.startswith("RES_") or st == "INT_METACOMMUNICATION", k + " " + st)
            # markers: the class's RUP annotations from start_s to end_s (README silent: within the
            # episode's times; end_s is the last marker or the repair)
            am = [a for a in an if is_marker(a, r["class"]) and r["start_s"] - 1e-9 <= a["start_s"] <= r["end_s"] + 1e-9]
            check("ruptures: markers = the class's RUP_* annotations within [start_s, end_s] (README silent)",
                  sorted(a["code"] for a in am) == sorted(r["markers"]), k + " %s vs %s" % (r["markers"], sorted(a["code"] for a in am)))
            sig = [a["significance"] for a in am if a["significance"] is not None]
            check("ruptures: max_significance = max marker significance (null without one)",
                  r["max_significance"] == (max(sig) if sig else None), k + " %s vs %s" % (r["max_significance"], sig))
            cw = [w["anxiety_index"] for w in win.get((sid, "client"), []) if w["anxiety_index"] is not None
                  and w["start_s"] < r["end_s"] + 30 and w["end_s"] > r["start_s"] - 30]
            ex = max(cw, default=None)
            check("ruptures.client_arousal_z = peak client anxiety index within 30 s of the episode",
                  (ex is None and r["client_arousal_z"] is None) or (ex is not None and r["client_arousal_z"] is not None and abs(ex - r["client_arousal_z"]) < 1e-9),
                  k + " %s vs %s" % (r["client_arousal_z"], ex))
            other = [o for o in rs if o["class"] != r["class"] and o["start_s"] <= r["end_s"] and o["end_s"] >= r["start_s"]]
            check("ruptures.mixed = an episode of the other class overlaps it in time (README: parallel)", r["mixed"] == bool(other),
                  k + " mixed %s, overlapping %s" % (r["mixed"], [o["episode_id"] for o in other]))
    # synchrony.during_rupture: the window overlaps a rupture episode (README silent on the edges)
    for sid, ws in syn.items():
        rs = rup.get(sid, [])
        for w in ws:
            ov = any(r["start_s"] < w["end_s"] and r["end_s"] > w["start_s"] for r in rs)
            ov_closed = any(r["start_s"] <= w["end_s"] and r["end_s"] >= w["start_s"] for r in rs)
            check("synchrony.during_rupture = the window overlaps a ruptures/ episode", w["during_rupture"] in (ov, ov_closed),
                  "%s %s %s: %s" % (sid, w["signal"], w["start_s"], w["during_rupture"]))
            check("synchrony: 30 s windows", abs(w["end_s"] - w["start_s"] - 30) < 1e-9, "%s %s" % (sid, w["start_s"]))
            check("synchrony: valid_share in [0, 1]", 0 <= w["valid_share"] <= 1, "%s %s" % (sid, w["start_s"]))
            if w["status"] == "ok":
                check("synchrony: peak_lag_s within -5..+5", w["peak_lag_s"] is not None and -5 <= w["peak_lag_s"] <= 5, "%s %s" % (sid, w["start_s"]))
                exp = "client" if w["peak_lag_s"] > 0 else "therapist" if w["peak_lag_s"] < 0 else "none"
                check("synchrony: leader = the side of peak_lag_s (positive: client; min peak z 0)", w["leader"] == exp,
                      "%s %s %s lag %s" % (sid, w["start_s"], w["leader"], w["peak_lag_s"]))
    # segments
    for sid, s in sessions.items():
        sg = sorted(seg.get(sid, []), key=lambda x: x["segment_index"])
        an = ann.get(sid, [])
        if not sg:
            check("segments: a session with annotations has segments", not an, sid)
            continue
        check("segments: no rows for a session whose video was not coded (annotation_count 0)", s["annotation_count"] > 0,
              "%s: %d rows of zeros" % (sid, len(sg)))
        check("segments: indexes 0..n-1", [x["segment_index"] for x in sg] == list(range(len(sg))), sid)
        check("segments: cover the video (last end >= duration_s, n = ceil(duration / 300)) (README silent)",
              len(sg) == math.ceil(s["duration_s"] / 300 - 1e-9), "%s %d segments, duration %s" % (sid, len(sg), s["duration_s"]))
        for x in sg:
            k = "%s %d" % (sid, x["segment_index"])
            check("segments: start_s = 300 k, end_s = 300 (k + 1), the one holding the session end cut at duration_s", x["start_s"] == 300 * x["segment_index"] and x["end_s"] == (s["duration_s"] if x["start_s"] < s["duration_s"] < 300 * (x["segment_index"] + 1) else 300 * (x["segment_index"] + 1)), k + " %s-%s" % (x["start_s"], x["end_s"]))
            inn = [a for a in an if x["start_s"] <= a["start_s"] < x["end_s"]]
            w = [a for a in inn if is_marker(a, "W")]
            c = [a for a in inn if is_marker(a, "C")]
            check("segments.withdrawal_markers = RUP_W_* annotations starting in the segment", x["withdrawal_markers"] == len(w), k + " %s vs %d" % (x["withdrawal_markers"], len(w)))
            check("segments.confrontation_markers = RUP_C_* annotations starting in the segment", x["confrontation_markers"] == len(c), k + " %s vs %d" % (x["confrontation_markers"], len(c)))
            cnt = collections.Counter(a["code"] for a in inn if is_marker(a))
            got = dict((p.split("=")[0], int(p.split("=")[1])) for p in (x["marker_counts"] or "").split(";") if p)
            check("segments.marker_counts = RUP_* codes starting in the segment", got == dict(cnt), k + " %s vs %s" % (x["marker_counts"], dict(cnt)))
            for col, ms in (("max_significance_w", w), ("max_significance_c", c)):
                sig = [a["significance"] for a in ms if a["significance"] is not None]
                check("segments.%s = max significance of its markers" % col, x[col] == (max(sig) if sig else None), k + " %s vs %s" % (x[col], sig))
            rep = [a for a in inn if is_repair(a)]
            check("segments.repair_count = therapist RES_* and INT_METACOMMUNICATION starting in the segment", x["repair_count"] == len(rep), k + " %s vs %d" % (x["repair_count"], len(rep)))
            sig = [a["significance"] for a in rep if a["significance"] is not None]
            check("segments.repair_max_significance = max significance of its repairs", x["repair_max_significance"] == (max(sig) if sig else None), k + " %s vs %s" % (x["repair_max_significance"], sig))
    # annotations
    for a in T["annotations"]:
        k = "%s %s %s" % (a["session_id"], a["code"], a["start_s"])
        check("annotations: end_s null or >= start_s", a["end_s"] is None or a["end_s"] >= a["start_s"], k)
        if a["significance"] is not None:
            lim = 3 if a["code"].startswith("ANX_") else 5
            check("annotations: significance 1-5 (ANX_* cue intensity 1-3)", 1 <= a["significance"] <= lim, k + " %s" % a["significance"])
