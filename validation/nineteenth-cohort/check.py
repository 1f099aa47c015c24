"""Compares recompute.py's per-window features, baselines and z-scores with the review's tables.

usage: python3 check.py SESSIONS_ROOT ROWS_JSONL [--json OUT]

Tolerances, fixed before the comparison (README.md of this folder says why):
  closed form (a mean, a share, a least-squares slope, a count, a median):  |d| <= 1e-6 x max(1, |x|)
  hr_bpm from HR.csv (a mean of two-decimal values):                        same
  eda_scl_us (STREAMING: the zero-phase response cut at +-15 s with a taper):
      |d| <= 0.01 uS + 1 % where the EDA has no masked sample within 60 s and the window lies 60 s
      from the recording's edges; elsewhere reported, not judged
  fidget power and frequency, LF, HF (an FFT band sum, a Lomb periodogram): closed form, as above
  (the README did not state their method before this audit: recompute.py follows its corrected
  text)
  SCRs of the batch split (a peak detector on another filter's output): reported as shares
  synthetic truths: as exact as the construction allows (TRUTH below)
"""
import json
import math
import os
import statistics
import sys
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import recompute as rc  # noqa: E402

CLOSED = ["eda_quality", "temp_quality", "acc_quality", "temp_slope_c_per_min", "motion_mag_g",
          "gross_movement_s", "hr_bpm", "cardiac_quality", "hrv_rmssd_ms", "hrv_sdnn_ms", "hrv_pnn50",
          "fidget_power", "fidget_freq_hz", "hrv_lf_ms2", "hrv_hf_ms2"]
# quantities whose value is known in closed form on the synthetic sessions (synth.py): feature ->
# (true value, absolute tolerance, which windows: a predicate on the window)
FULL = lambda w: w["start_s"] >= 60 and w["end_s"] - w["start_s"] == 30
TRUTH = {
    "SYN-const": {"eda_scl_us": (2.0, 1e-9, FULL), "eda_scr_per_min": (0.0, 0, FULL), "hr_bpm": (75.0, 1e-9, FULL),
                  "hrv_rmssd_ms": (0.0, 1e-6, FULL), "hrv_sdnn_ms": (0.0, 1e-6, FULL), "temp_slope_c_per_min": (0.0, 1e-9, FULL),
                  "motion_mag_g": (0.0, 0, FULL), "fidget_power": (0.0, 1e-12, FULL), "gross_movement_s": (0.0, 0, FULL),
                  "hrv_lf_hf": (None, 0, lambda w: w["start_s"] >= 150), "anxiety_index": (0.0, 1e-9, FULL)},
    # one full period of the rate in every trailing 60 s: 70 beats, so 60000 / mean interval = 70
    # bpm up to the span's partial beats at its ends
    "SYN-sine_hr": {"hr_bpm": (70.0, 0.2, FULL)},
    "SYN-temp_ramp": {"temp_slope_c_per_min": (0.5, 1e-3, FULL)},
    "SYN-acc_burst": {"gross_movement_s": (20.0, 0, lambda w: 290 <= w["start_s"] <= 300),
                      "fidget_freq_hz": (4.0, 0.01, lambda w: w["start_s"] == 420),
                      "fidget_power": (0.05 ** 2 / 2, 0.3 * 0.05 ** 2 / 2, lambda w: w["start_s"] == 420)},
    # peaks at 132 + 60 k s: a window holds one (2 per minute) or none
    "SYN-scr": {"eda_scr_per_min": ("planted", 0, lambda w: w["start_s"] >= 60 and w["end_s"] - w["start_s"] == 30),
                "eda_scl_us": (3.0 + 0.4 * (1 + 4) / 60, 0.1, lambda w: w["start_s"] >= 160)},
}
Z_FEATURES = {"z_scl": ("eda_scl_us", 1, "scoring.floor.scl_us"), "z_scr": ("eda_scr_per_min", 0.5, None),
              "z_hr": ("hr_bpm", 1, None), "z_rmssd": ("hrv_rmssd_ms", -0.5, None),
              "z_fidget": ("fidget_power", 0.0, None), "z_temp": ("temp_slope_c_per_min", -0.25, None)}
FLOORS = {"eda_scl_us": 0.05, "eda_scr_per_min": 2.0, "hr_bpm": 2.0, "hrv_rmssd_ms": 5.0,
          "temp_slope_c_per_min": 0.05}


def load(path):
    tables, cur = {}, None
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            row = json.loads(line)
            if list(row) == ["block_marker"]:
                cur = row["block_marker"]
                tables[cur] = []
            elif cur is not None:
                tables[cur].append(row)
    return tables


class Tally:
    def __init__(self):
        self.n = defaultdict(int)
        self.ok = defaultdict(int)
        self.worst = defaultdict(lambda: (0.0, ""))
        self.fail = defaultdict(list)

    def add(self, kind, ok, diff=0.0, where=""):
        self.n[kind] += 1
        self.ok[kind] += bool(ok)
        if diff is not None and abs(diff) > abs(self.worst[kind][0]):
            self.worst[kind] = (diff, where)
        if not ok and len(self.fail[kind]) < 4:
            self.fail[kind].append(where)


def close(a, b, rel=1e-6):
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= rel * max(1.0, abs(b))


def main(root, rows_path, json_out=None):
    T = load(rows_path)
    tal = Tally()
    sessions = {s["session_id"]: s for s in T["sessions"]}
    win = defaultdict(list)
    for w in T["windows"]:
        win[(w["session_id"], w["role"])].append(w)
    art = defaultdict(list)
    for a in T["artifacts"]:
        art[(a["session_id"], a["role"])].append(a)
    bvp = defaultdict(list)
    for b in T["beats"]:
        if b["source"] == "bvp" and b["accepted"]:
            bvp[(b["session_id"], b["role"])].append((b["t_s"], b["ibi_ms"] / 1000.0))
    dev_tab = defaultdict(list)
    for b in T["beats"]:
        if b["source"] == "device":
            dev_tab[(b["session_id"], b["role"])].append(b)
    scr_tab = defaultdict(list)
    for x in T["scr"]:
        scr_tab[(x["session_id"], x["role"])].append(x)
    ratios = defaultdict(list)
    folders = {}
    for name in sorted(os.listdir(root)):
        sj = os.path.join(root, name, "session.json")
        if os.path.exists(sj):
            with open(sj) as f:
                s = json.load(f)
            folders[s["session_id"]] = (os.path.join(root, name), s)
    for (sid, role), ws in sorted(win.items()):
        folder, sj = folders[sid]
        with open(os.path.join(folder, sj["wearables"][role], "EDA.csv")) as f:
            t0 = float(f.readline().split(",")[0])
        ws.sort(key=lambda w: w["start_s"])
        mine, ex = rc.wearer(os.path.join(folder, sj["wearables"][role]), t0, ws, art[(sid, role)], bvp[(sid, role)])
        # window grid: starts at k x 5 s, 30 s long, cut at the recording's last sample
        for w in ws:
            k = "%s %s %.0f" % (sid, role, w["start_s"])
            tal.add("grid: start_s a multiple of 5 s", abs(w["start_s"] / 5 - round(w["start_s"] / 5)) < 1e-9, 0, k)
            tal.add("grid: 15 s <= end_s - start_s <= 30 s", 15 - 1e-9 <= w["end_s"] - w["start_s"] <= 30 + 1e-9, 0, k)
        # device beats' cleaning against beats/
        tab = sorted(dev_tab[(sid, role)], key=lambda b: b["t_s"])
        it = ex["device_t"]
        acc = ex["device_accepted"]
        for b in tab:
            j = int(round(min(range(len(it)), key=lambda q: abs(it[q] - b["t_s"])))) if len(it) else None
            if j is None or abs(it[j] - b["t_s"]) > 1e-3:
                tal.add("beats: device beat found in IBI.csv", False, None, "%s %s" % (sid, b["t_s"]))
                continue
            tal.add("beats: device accepted = 0.3-2.0 s and within 20 % of the median of 5 neighbours a side",
                    bool(acc[j]) == bool(b["accepted"]), 0, "%s %s %.3f table %s (%s) mine %s" % (sid, role, b["t_s"], b["accepted"], b["reject_reason"], bool(acc[j])))
        # SCRs against scr/
        tab_scr = scr_tab[(sid, role)]
        for x in ex["scr"]:
            hit = any(abs(y["peak_s"] - x[1]) <= 1.0 for y in tab_scr)
            tal.add("scr: a recomputed SCR (batch split) has a scr/ row with its peak within 1 s", hit, 0, "%s %.2f amp %.3f" % (sid, x[1], x[2]))
        for y in tab_scr:
            hit = any(abs(y["peak_s"] - x[1]) <= 1.0 for x in ex["scr"])
            tal.add("scr: a scr/ row has a recomputed SCR (batch split) with its peak within 1 s", hit, 0, "%s %.2f amp %.3f" % (sid, y["peak_s"], y["amplitude_us"]))
            m = [x for x in ex["scr"] if abs(y["peak_s"] - x[1]) <= 1.0]
            if m:
                d = m[0][2] - y["amplitude_us"]
                tal.add("scr: amplitude within 0.01 uS + 10 % of the recomputed", abs(d) <= 0.01 + 0.1 * y["amplitude_us"], d, "%s %.2f %.3f vs %.3f" % (sid, y["peak_s"], y["amplitude_us"], m[0][2]))
        # per window
        eda_bad = ex["eda_t"][~ex["eda_ok"]]
        t_end = ex["eda_t"][-1] if len(ex["eda_t"]) else 0
        tscr = sorted(x["peak_s"] for x in tab_scr)
        tscr_on = sorted(x["onset_s"] for x in tab_scr)
        for w in ws:
            m = mine[w["start_s"]]
            k = "%s %s %.0f" % (sid, role, w["start_s"])
            for f in CLOSED:
                if f not in m and (f.startswith("hrv") or f.startswith("fidget")):
                    m[f] = None
                if f not in m:
                    continue
                a, b = w[f], m[f]
                if f in ("hr_bpm", "cardiac_quality") and w.get("irregular_rhythm"):
                    continue
                if f.startswith("hrv") or f == "temp_slope_c_per_min":
                    # a feature is null when its channel fails quality: compare where both exist,
                    # and count the null/non-null disagreements as failures
                    pass
                ok = close(a, b)
                diff = (a - b) if (a is not None and b is not None) else None
                src = (" src " + m.get("hr_source", "")) if f in ("hr_bpm", "cardiac_quality") else ""
                tal.add("windows.%s" % f, ok, diff, "%s: table %s mine %s%s" % (k, a, b, src))
            # SCL: the streaming filter against the batch zero-phase response
            if w["eda_scl_us"] is not None and "eda_scl_us" in m:
                clean = (w["start_s"] >= 60 and w["end_s"] <= t_end - 60
                         and not ((eda_bad >= w["start_s"] - 60) & (eda_bad < w["end_s"] + 60)).any())
                d = w["eda_scl_us"] - m["eda_scl_us"]
                kind = "windows.eda_scl_us vs batch tonic (clean windows)" if clean else "windows.eda_scl_us vs batch tonic (near a mask or an edge: reported)"
                tal.add(kind, abs(d) <= 0.01 + 0.01 * abs(m["eda_scl_us"]) if clean else True, d, "%s: table %s mine %s" % (k, w["eda_scl_us"], m["eda_scl_us"]))
            # SCR rate: from scr/ rows (peak or onset in the window) and from the recomputed SCRs
            if w["eda_scr_per_min"] is not None:
                L = (w["end_s"] - w["start_s"]) / 60
                npk = sum(1 for p in tscr if w["start_s"] <= p < w["end_s"])
                non = sum(1 for p in tscr_on if w["start_s"] <= p < w["end_s"])
                tal.add("windows.eda_scr_per_min = scr/ peaks in [start, end) per minute", close(w["eda_scr_per_min"], npk / L), w["eda_scr_per_min"] - npk / L, k)
                tal.add("windows.eda_scr_per_min = scr/ onsets in [start, end) per minute", close(w["eda_scr_per_min"], non / L), w["eda_scr_per_min"] - non / L, k)
                tal.add("windows.eda_scr_per_min = recomputed SCR peaks per minute (batch split)", close(w["eda_scr_per_min"], m["eda_scr_per_min"]), w["eda_scr_per_min"] - m["eda_scr_per_min"], k)
                if w["eda_scr_amplitude_sum_us"] is not None:
                    amp = sum(x["amplitude_us"] for x in tab_scr if w["start_s"] <= x["peak_s"] < w["end_s"])
                    tal.add("windows.eda_scr_amplitude_sum_us = scr/ amplitudes of peaks in [start, end)", close(w["eda_scr_amplitude_sum_us"], amp), w["eda_scr_amplitude_sum_us"] - amp, k)
            if w["motion_mag_g"] is not None and "motion_mag_g_mean_centred" in m:
                ratios["motion_mag_g / MAD about the mean"].append(w["motion_mag_g"] / m["motion_mag_g_mean_centred"] if m["motion_mag_g_mean_centred"] else 1.0)
            if w["hrv_lf_hf"] is not None and w["hrv_lf_ms2"] is not None and w["hrv_hf_ms2"]:
                tal.add("windows.hrv_lf_hf = hrv_lf_ms2 / hrv_hf_ms2", close(w["hrv_lf_hf"], w["hrv_lf_ms2"] / w["hrv_hf_ms2"]), 0, k)
    # baselines from the table's windows, and z from the table's features and baselines
    base = defaultdict(dict)
    for b in T["baselines"]:
        base[(b["session_id"], b["role"])][b["feature"]] = b
    for (sid, role), bs in base.items():
        ws = win[(sid, role)]
        for feat, b in bs.items():
            k = "%s %s %s (%s)" % (sid, role, feat, b["source"])
            if not b["source"].startswith("calibration"):
                tal.add("baselines: source (not calibration: reported)", True, 0, k)
                continue
            a0, a1 = (float(x) for x in b["source"].split()[1].split("-"))
            q = {"eda": "eda_quality", "hr": "cardiac_quality", "fid": "acc_quality", "tem": "temp_quality"}[feat[:3] if feat[:3] in ("fid", "tem") else ("eda" if feat.startswith("eda") else "hr")]
            vals = [w[feat] for w in ws if w["start_s"] >= a0 and w["end_s"] <= a1 and w[feat] is not None
                    and (w["gross_movement_s"] or 0) < 10 and w[q] >= 0.5]
            if not vals:
                continue
            med = statistics.median(vals)
            mad = statistics.median(abs(v - med) for v in vals)
            tal.add("baselines.windows = usable windows inside the stretch", b["windows"] == len(vals), b["windows"] - len(vals), k)
            tal.add("baselines.median", close(b["median"], med, 1e-9), b["median"] - med, k)
            tal.add("baselines.mad (unscaled)", close(b["mad"], mad, 1e-9), b["mad"] - mad, k)
    for (sid, role), ws in win.items():
        bs = base.get((sid, role), {})
        for w in ws:
            k = "%s %s %.0f" % (sid, role, w["start_s"])
            for zc, (feat, wt, _) in Z_FEATURES.items():
                if feat not in bs or w[feat] is None or w[zc] is None:
                    continue
                b = bs[feat]
                med = b["median"]
                if feat == "temp_slope_c_per_min":
                    med = min(med, 0.0)
                scale = 1.4826 * b["mad"]
                floor = FLOORS.get(feat)
                if feat == "fidget_power":
                    floor = max(0.1 * b["median"], 5e-6)
                scale = max(scale, floor)
                z = max(-10.0, min(10.0, (w[feat] - med) / scale))
                if feat == "eda_scl_us":
                    # drift-following reference: z(SCL) is never above the fixed-baseline value
                    tal.add("z_scl <= fixed-baseline z", w[zc] <= z + 1e-9, w[zc] - z, k)
                    tal.add("z_scl = fixed-baseline z (equal where no drift is followed: reported)", True, w[zc] - z, k)
                    continue
                if feat == "hr_bpm" and w.get("irregular_rhythm"):
                    continue
                tal.add("windows.%s = clamp((x - median) / max(1.4826 MAD, floor))" % zc, close(w[zc], z, 1e-9), w[zc] - z, "%s: table %s mine %s" % (k, w[zc], z))
            # index from the z columns
            if w["anxiety_index"] is not None:
                num = den = 0.0
                for zc, (feat, wt, _) in Z_FEATURES.items():
                    if wt == 0 or w[zc] is None:
                        continue
                    num += abs(wt) * max(math.copysign(1, wt) * w[zc], -3.0)
                    den += abs(wt)
                idx = num / den if den else None
                tal.add("windows.anxiety_index = weighted mean of contributions >= -3", close(w["anxiety_index"], idx, 1e-9), w["anxiety_index"] - idx, k)
            else:
                tal.add("windows.anxiety_index null: gross movement >= 10 s, exertion recovery or no channel", (w["gross_movement_s"] or 0) >= 10 or w["exertion_recovery"] or all(w[z] is None for z in Z_FEATURES), 0, k)
    # closed-form truths of the synthetic sessions
    for sid, truths in TRUTH.items():
        ws = win.get((sid, "client"), [])
        for f, (label, tol, pred) in truths.items():
            for w in ws:
                val = label
                if not pred(w):
                    continue
                a = w[f]
                if val == "planted":
                    val = 2.0 * sum(1 for p in range(132, 720, 60) if w["start_s"] <= p < w["end_s"])
                ok = (a is None) if val is None else (a is not None and abs(a - val) <= tol)
                tal.add("synthetic truth: %s %s = %s (+-%g)" % (sid, f, label, tol), ok, (a - val) if (a is not None and val is not None) else None, "%s %.0f: %s" % (sid, w["start_s"], a))
    lines = []
    result = {}
    for kind in sorted(tal.n):
        worst = tal.worst[kind]
        lines.append("%-100s %7d / %7d  (%.1f %%)  largest diff %s  %s" % (kind, tal.ok[kind], tal.n[kind], 100.0 * tal.ok[kind] / tal.n[kind], "%.3g" % worst[0] if worst[0] else 0, worst[1]))
        for f in tal.fail[kind]:
            lines.append("      fail: " + f)
        result[kind] = {"ok": tal.ok[kind], "n": tal.n[kind], "largest_diff": worst[0], "where": worst[1], "failures": tal.fail[kind]}
    for f, rs in sorted(ratios.items()):
        rs.sort()
        lines.append("ratio table/recomputed %-30s n %6d  median %.4g  p5 %.4g  p95 %.4g" % (f, len(rs), rs[len(rs) // 2], rs[len(rs) // 20], rs[-1 - len(rs) // 20]))
        result["ratio " + f] = {"n": len(rs), "median": rs[len(rs) // 2]}
    print("\n".join(lines))
    if json_out:
        with open(json_out, "w") as f:
            json.dump(result, f, indent=1)


if __name__ == "__main__":
    a = sys.argv[1:]
    out = None
    if "--json" in a:
        out = a[a.index("--json") + 1]
        a = a[:a.index("--json")]
    main(a[0], a[1], out)
