#!/usr/bin/env python3
"""Compare a review's tables with plan.json (sixth cohort: time structure of real recordings).

    python3 check.py DIR         (DIR holds plan.json and tables.jsonl, written by run.sh)

tables.jsonl is the `sql --format json` output of the statements in run.sh, each result preceded
by a marker row {"block": NAME}.  Every expectation comes from
the README (input contract, "Alignment", the tables' columns, Methods: baseline); each check prints
one line, and a summary counts them.  Exit status 0 whatever the result (the figures are the
result); 2 when the tables cannot be read.
"""
import json
import math
import re
import sys
from collections import defaultdict

BLOCKS = ["sessions", "moments", "windows", "baselines", "artifacts", "synchrony", "rejects",
          "f_windows", "f_scr", "f_beats", "f_artifacts", "f_synchrony", "f_baselines", "f_moments"]
WINDOW_FEATURES = ["eda_scl_us", "eda_scr_per_min", "eda_scr_amplitude_sum_us", "hr_bpm",
                   "hrv_rmssd_ms", "motion_mag_g", "temp_slope_c_per_min", "anxiety_index"]
TOL_ONSET = 15.0


def read_blocks(path):
    """Rows grouped by the marker rows {"block": NAME} run.sh puts before each statement."""
    blocks, cur = {}, None
    with open(path) as f:
        for line in f:
            line = line.strip()
            if not line.startswith("{"):
                continue
            r = json.loads(line)
            if list(r) == ["block"]:
                cur = blocks.setdefault(r["block"], [])
            else:
                cur.append(r)
    return blocks


def hms(text):
    neg = text.startswith("-")
    parts = [int(x) for x in text.lstrip("-").split(":")]
    v = 0
    for p in parts:
        v = v * 60 + p
    return -v if neg else v


class Tally:
    def __init__(self):
        self.n = defaultdict(lambda: [0, 0])
        self.fails = []

    def check(self, group, ok, what):
        self.n[group][0] += 1
        if ok:
            self.n[group][1] += 1
        else:
            self.fails.append("%s: %s" % (group, what))
        return ok


def overlap(a, b, c, d):
    return max(0.0, min(b, d) - max(a, c))


cut_windows = [0]


def main():
    d = sys.argv[1]
    plan = json.load(open(d + "/plan.json"))
    raw = read_blocks(d + "/tables.jsonl")
    missing = [k for k in BLOCKS if k not in raw]
    if missing:
        print("tables.jsonl lacks the blocks %s" % missing)
        sys.exit(2)
    tables = raw
    T = Tally()
    sess = {r["session_id"]: r for r in tables["sessions"]}
    moments = defaultdict(list)
    for m in tables["moments"]:
        moments[m["session_id"]].append(m)
    windows = defaultdict(list)
    for w in tables["windows"]:
        windows[(w["session_id"], w["role"])].append(w)
    base = defaultdict(dict)
    for b in tables["baselines"]:
        base[(b["session_id"], b["role"])][b["feature"]] = b
    onsets = []
    episodes_found = episodes_planted = unplanned = 0
    for s in plan["sessions"]:
        sid, dur = s["session_id"], s["duration_s"]
        if not T.check("session reviewed", sid in sess, sid):
            continue
        row = sess[sid]
        # 1. nothing outside the video as a moment (README Alignment: overlaps, cut at the end)
        for m in moments[sid]:
            T.check("moment within the video", m["end_s"] > 0 and m["start_s"] < dur and m["end_s"] <= dur + 1e-9,
                    "%s %s %s %.1f-%.1f (video 0-%.0f)" % (sid, m["kind"], m["role"], m["start_s"], m["end_s"], dur))
        # 2. planted episodes found, onset within 15 s; no unplanned episode
        eps = [m for m in moments[sid] if m["kind"] == "anxiety_episode"]
        for role, w in s["wearers"].items():
            mine = [m for m in eps if m["role"] == role]
            used = set()
            for on in w["episodes"]:
                in_calib = dur < 960 and overlap(on, on + 240, 120, 360) > 0
                episodes_planted += 1
                hit = [m for m in mine if overlap(m["start_s"], m["end_s"], on, on + 240) > 0]
                grp = "planted episode found" + (" (short session, arousal in minutes 2-6)" if in_calib else "")
                if T.check(grp, bool(hit), "%s %s onset %.0f" % (sid, role, on)):
                    episodes_found += 1
                    m = min(hit, key=lambda x: abs(x["start_s"] - on))
                    used.add(id(m))
                    err = m["start_s"] - on
                    onsets.append((sid, role, err))
                    T.check("onset within 15 s", abs(err) <= TOL_ONSET, "%s %s onset %.0f found %.1f (%+.1f s)" % (sid, role, on, m["start_s"], err))
            for m in mine:
                if id(m) not in used:
                    unplanned += 1
                    T.check("no unplanned episode", False, "%s %s %.1f-%.1f" % (sid, role, m["start_s"], m["end_s"]))
            if not [m for m in mine if id(m) not in used]:
                T.check("no unplanned episode", True, "")
        # 3. anxiety_time_s = client episode time inside the video (README sessions/)
        cl = [m for m in eps if m["role"] == "client"]
        want = sum(overlap(m["start_s"], m["end_s"], 0, dur) for m in cl)
        if row.get("anxiety_time_s") is not None:
            T.check("anxiety_time_s = watchable episode time", abs(row["anxiety_time_s"] - want) < 0.51,
                    "%s %.1f vs %.1f" % (sid, row["anxiety_time_s"], want))
        T.check("anxiety_episodes = client episode moments", row.get("anxiety_episodes") == len(cl),
                "%s %s vs %d" % (sid, row.get("anxiety_episodes"), len(cl)))
        reasons = row.get("flag_reasons") or []
        text = " | ".join(reasons)
        # 4. coverage and its reasons (README Alignment)
        for role, w in s["wearers"].items():
            spans = w["spans"]
            cov = sum(overlap(a, b, 0, dur) for a, b in spans) / dur
            on, off = spans[0][0], spans[-1][1]
            rx = re.search(r"%s sensor data cover (\d+) %% of the video \(recorded from (-?[\d:]+) to (-?[\d:]+) of its ([\d:]+)([^)]*)\)" % role, text)
            if cov < 0.9:
                if T.check("coverage reason when below 90 %", rx is not None, "%s %s coverage %.0f %%: %s" % (sid, role, 100 * cov, text[:200])):
                    T.check("coverage figure within 2 points", abs(int(rx.group(1)) - 100 * cov) <= 2.0,
                            "%s %s says %s %%, recorded %.1f %%" % (sid, role, rx.group(1), 100 * cov))
                    T.check("recorded span in the reason within 5 s", abs(hms(rx.group(2)) - on) <= 5 and abs(hms(rx.group(3)) - off) <= 5,
                            "%s %s says %s..%s, recorded %.0f..%.0f" % (sid, role, rx.group(2), rx.group(3), on, off))
                    if on > 0.1 * dur:
                        T.check("late start named", "started late" in text, "%s %s" % (sid, role))
                    if off < 0.9 * dur:
                        T.check("early stop named", "stopped early" in text, "%s %s" % (sid, role))
                    if len(spans) > 1:
                        g = re.search(r"no data (-?[\d:]+)-(-?[\d:]+)", rx.group(5))
                        gap = (spans[0][1], spans[1][0])
                        T.check("gap between parts named within 35 s", g is not None and abs(hms(g.group(1)) - gap[0]) <= 35 and abs(hms(g.group(2)) - gap[1]) <= 35,
                                "%s %s reason %r, gap %.0f-%.0f" % (sid, role, rx and rx.group(5), gap[0], gap[1]))
            else:
                T.check("no coverage reason at 90 % or more", rx is None, "%s %s coverage %.0f %%" % (sid, role, 100 * cov))
            # 5. data quality is not lowered by time without data (README sessions/)
            q = row.get("data_quality_" + role)
            T.check("data quality >= 0.9 whatever the coverage", q is not None and q >= 0.9, "%s %s %s" % (sid, role, q))
            # 6. no invented values where the wearer has no data
            bad = 0
            for x in windows[(sid, role)]:
                if all(overlap(x["start_s"], x["end_s"], a, b) == 0 for a, b in spans):
                    vals = [x.get(f) for f in WINDOW_FEATURES if x.get(f) is not None]
                    # cardiac_quality is the beats' share of the trailing 60 s when hr_bpm is null
                    qs = [x.get(f) for f in ("eda_quality", "acc_quality", "temp_quality") if x.get(f)]
                    if vals or qs:
                        bad += 1
            T.check("no window value without data", bad == 0, "%s %s %d windows outside the recording hold values" % (sid, role, bad))
            # 7. windows aligned to media start, 30 s long, hop 5 s
            mis = [x for x in windows[(sid, role)] if abs(x["start_s"] / 5 - round(x["start_s"] / 5)) > 1e-9]
            T.check("windows aligned to media start (start_s a multiple of 5 s)", not mis, "%s %s %d misaligned, e.g. %s" % (sid, role, len(mis), mis[:1] and mis[0]["start_s"]))
            # README windows/: 30 s.  Found: the last windows of a recording are cut at its last
            # sample (at least 15 s long); counted apart, any other length is a mismatch
            cut = [x for x in windows[(sid, role)] if abs(x["end_s"] - x["start_s"] - 30) > 1e-9]
            ends = [b for _, b in spans]
            odd = [x for x in cut if not (x["end_s"] - x["start_s"] >= 15 and any(abs(x["end_s"] - e) <= 1 for e in ends))]
            T.check("windows 30 s long, or cut at the recording's end (>= 15 s)", not odd, "%s %s %d windows of other lengths" % (sid, role, len(odd)))
            cut_windows[0] += len(cut)  # information, not a check: it cannot fail
            # 8. baseline from the calibration stretch 120-360 s where it holds data, resting HR
            b = base[(sid, role)].get("hr_bpm")
            in_calib = any(a <= 120 and b2 >= 360 for a, b2 in spans) and dur >= 960
            if in_calib:
                T.check("baseline source is the calibration stretch 120-360 s", b is not None and b["source"].startswith("calibration 120-360"),
                        "%s %s %s" % (sid, role, b and b["source"]))
                T.check("baseline HR = resting HR (+-4 bpm), not the walking before", b is not None and abs(b["median"] - w["rest_hr"]) <= 4,
                        "%s %s median %.1f rest %.1f" % (sid, role, b["median"] if b else float("nan"), w["rest_hr"]))
            elif dur >= 960:
                T.check("no data in minutes 2-6: baseline not from them", b is not None and not b["source"].startswith("calibration 120-360"),
                        "%s %s %s" % (sid, role, b and b["source"]))
        # 9. short sessions: the reason about the calibration stretch (README Alignment)
        if dur < 960 and "client: calibration 120-360" in (row.get("baseline_source") or ""):
            T.check("short session names the calibration stretch", "calibration stretch" in text and "not judged" in text, "%s" % sid)
        # 10. rejects: none planned
        rj = [r for r in tables["rejects"] if r["session_id"] == sid]
        T.check("no reject", not rj, "%s %d rejects, e.g. %s" % (sid, len(rj), rj[:1]))
        # 11. the gap between two parts is a no_data row of the whole band
        for role, w in s["wearers"].items():
            if len(w["spans"]) > 1:
                gap = (w["spans"][0][1], w["spans"][1][0])
                rows = [a for a in tables["artifacts"] if a["session_id"] == sid and a["role"] == role
                        and a["channel"] == "E4" and a["kind"] == "no_data"]
                T.check("gap between parts is one E4 no_data row", any(abs(a["start_s"] - gap[0]) <= 1 and abs(a["end_s"] - gap[1]) <= 1 for a in rows),
                        "%s %s gap %.1f-%.1f rows %s" % (sid, role, gap[0], gap[1], [(a["start_s"], a["end_s"]) for a in rows]))
        # 12. synchrony only where both wearers recorded
        if len(s["wearers"]) == 2:
            sp = {r: w["spans"] for r, w in s["wearers"].items()}
            bad = 0
            for y in tables["synchrony"]:
                if y["session_id"] != sid or y.get("z_lag0") is None:
                    continue
                for r in sp:
                    if all(overlap(y["start_s"], y["end_s"], a, b) == 0 for a, b in sp[r]):
                        bad += 1
                        break
            T.check("no synchrony value where a wearer has no data", bad == 0, "%s %d windows" % (sid, bad))
        # 13. session_date in media_start's offset, media_start_utc the same instant
        T.check("session_date in media_start's offset", row.get("session_date") == s["session_date"],
                "%s %s vs %s" % (sid, row.get("session_date"), s["session_date"]))
    # 14. the same instants written with other offsets: identical rows
    fs = [s for s in plan["sessions"] if s.get("same_as")]
    for s in fs:
        ref, sid = s["same_as"], s["session_id"]
        for t in ("f_windows", "f_scr", "f_beats", "f_artifacts", "f_synchrony", "f_baselines", "f_moments"):
            def rows(x):
                out = []
                for r in tables[t]:
                    if r["session_id"] == x:
                        r = dict(r)
                        r.pop("session_id")
                        r.pop("person", None)
                        r.pop("session_date", None)
                        out.append(json.dumps(r, sort_keys=True))
                return sorted(out)
            a, b = rows(ref), rows(sid)
            T.check("same instant, other offset: identical rows", a == b and len(a) > 0 or (t in ("f_artifacts",) and a == b),
                    "%s vs %s in %s: %d vs %d rows, %d differ" % (sid, ref, t[2:], len(a), len(b), len(set(a) ^ set(b))))
        ra, rb = dict(sess[ref]), dict(sess[sid])
        skip = {"session_id", "client_key", "session_date"}
        diff = [k for k in ra if k not in skip and ra[k] != rb.get(k)]
        T.check("same instant, other offset: identical sessions row", not diff, "%s: %s" % (sid, diff))
    # report
    for g, (n, ok) in sorted(T.n.items()):
        print("%-72s %4d/%-4d" % (g, ok, n))
    errs = [e for _, _, e in onsets]
    if errs:
        errs_sorted = sorted(errs)
        med = errs_sorted[len(errs) // 2] if len(errs) % 2 else 0.5 * (errs_sorted[len(errs) // 2 - 1] + errs_sorted[len(errs) // 2])
        print("start minus planted onset: " + ", ".join("%s %s %+.1f" % (sid, role, e) for sid, role, e in onsets))
        print("planted episodes found %d/%d; start minus planted onset median %+.1f s, range %+.1f..%+.1f s, within 15 s %d/%d; unplanned %d"
              % (episodes_found, episodes_planted, med, min(errs), max(errs), sum(abs(e) <= TOL_ONSET for e in errs), len(errs), unplanned))
    total = sum(n for n, _ in T.n.values())
    ok = sum(o for _, o in T.n.values())
    print("checks equal to the plan: %d of %d" % (ok, total))
    print("(information: %d windows cut at the end of a recording, README windows/)" % cut_windows[0])
    for f in T.fails:
        print("  MISMATCH " + f)


if __name__ == "__main__":
    main()
