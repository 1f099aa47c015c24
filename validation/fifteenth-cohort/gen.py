#!/usr/bin/env python3
"""Fifteenth audit: arousal planted into real wrist recordings (stdlib only).

usage: gen.py E4_DATA OUT_DIR [--seeds 151,152]

Backgrounds. Each real E4 recording of E4_DATA (Stress-Predict S01-S08, msr2023) gives one
background of rest only: for S02-S08 the first and the last rest of the dataset's own per-second
labels (labels_S0x.csv), for S01 the same two rests read from its task tags (tags 2-7 as S02's:
the eleventh audit's reading), each rest ending 30 s before a task and starting 120 s after one
(the recovery from hyperventilation left out), the last one ending 15 s before the recording
does (S04's band was taken off in its last 10 s); msr2023 (desk work, no labels) as it is, its
first 40 minutes. The two rests are joined end to end into one timeline (the join's time goes
into plan.json): EDA and skin temperature of the second rest are shifted by a constant so that
the level goes on where the first rest ended (the tasks' change between them taken out; for EDA,
when that shift would take the rest's 1st percentile below 0.1 uS, scaled by the ratio of the two
levels instead), BVP, ACC, HR and IBI are joined as they are. Nothing else of the real signals
is changed.

Sessions (OUT_DIR/sessions/). `C-<client>-<therapist>-v0`: one dyad per background with nothing
planted (client = recording i, therapist = recording i+1): the real backgrounds' own episodes.
`P-<client>-<therapist>-v1|v2-<seed>`: per seed two dyads per background (client i with
therapist i+1, and with therapist i+3; the therapist's recording aligned to start with the
client's), 15-40 min long (the shorter background), into whose real signals arousal responses
are added at known onsets:

* EDA: a tonic rise of 0.2-2 uS (weak / medium / strong) reaching its level as a step (raised
  cosine over 5-10 s), a ramp (linear over 20-60 s) or an S-shape (logistic over 20-60 s), held
  60-300 s, recovering exponentially (time constant 60-90 s); with a burst of SCRs (Bateman
  function, rise 0.75 s, decay 2 s; 0.05-0.5 uS at 2-4 a minute, the first at the onset), 2 s
  after the heart rate (SCR latency).
* Heart rate +5 to +25 bpm with the same shape, recovering with 40 s: the real pulse wave is
  read on a warped clock w(t) whose rate is f(t) = 1 + dHR(t) / HR_rest, so every real beat
  interval is shortened by f (BVP resampled from the real wave, IBI.csv re-timed from the real
  beats, HR.csv the real HR at w(t) times f). Three time constants after the active part (the
  response within 5 % of its size) the clock jumps back to real time (one splice of the pulse
  wave, in plan.json); the real cardiac background is thus used everywhere, compressed during
  the response.
* Optionally (concordant responses only) skin temperature falling 0.2-0.6 degC over 60-120 s,
  recovering with 180 s.
* Kinds: concordant (EDA and heart rate), EDA only (tonic rise and SCRs), heart rate only.
* Drift: some wearers get a slow EDA rise of 1-3 uS over 30 min (linear or saturating, from the
  session's start) and no response: no episode is expected.

Codings: one therapist response (INT_EMPATHIC_REFLECTION) 5, 15, 30 or 60 s after each planted
client onset, or none; and a neutral INT_STRUCTURE_AGENDA_HOMEWORK at 60 s in every session so
that each is coded. By DOMAIN.md 5 the truth is: answered when the response lies in [true onset -
10 s, true onset + 30 s], else missed.

plan.json holds every background, join, splice and planted fact (written here, from the
generator's own parameters; nothing is read from the product).
"""
import bisect
import csv
import json
import math
import os
import random
import sys

SESSION_MAX_S = 40 * 60
REC_TRIM_BEFORE_TASK = 30.0
REC_TRIM_AFTER_TASK = 120.0


def read_col(path):
    with open(path) as fh:
        lines = fh.read().splitlines()
    start = float(lines[0].split(",")[0])
    rate = float(lines[1].split(",")[0])
    return start, rate, lines[2:]


def read_channel(path):
    start, rate, lines = read_col(path)
    return start, rate, [float(x) for x in lines if x.strip()]


def read_acc(path):
    start, rate, lines = read_col(path)
    rows = [tuple(int(float(v)) for v in x.split(",")) for x in lines if x.strip()]
    return start, rate, rows


def read_ibi(path):
    with open(path) as fh:
        lines = fh.read().splitlines()
    start = float(lines[0].split(",")[0])
    beats = []
    for x in lines[1:]:
        if x.strip():
            a, b = x.split(",")
            beats.append((float(a), float(b)))
    return start, beats


def rest_segments(folder, name):
    """Rest stretches (seconds from the EDA start): first rest and last rest."""
    eda_start, _, eda = read_channel(os.path.join(folder, "EDA.csv"))
    length = len(eda) / 4.0
    if name == "msr2023":
        return [(0.0, min(length, SESSION_MAX_S))]
    if name.endswith("S01"):
        with open(os.path.join(folder, "tags_S01.csv")) as fh:
            tags = [float(x) - eda_start for x in fh.read().split()]
        tasks = [(tags[1], tags[2]), (tags[3], tags[4]), (tags[5], tags[6])]
    else:
        lab = name.split("-")[-1]
        rows = list(csv.reader(open(os.path.join(folder, "labels_%s.csv" % lab))))[1:]
        tasks, cur = [], None
        for t, l in rows:
            t = float(t) - eda_start
            if l.strip() == "1":
                if cur and abs(t - cur[1] - 1) < 0.5:
                    cur[1] = t
                else:
                    if cur:
                        tasks.append(tuple(cur))
                    cur = [t, t]
        tasks.append(tuple(cur))
        tasks = [(a, b + 1) for a, b in tasks]
    first = (0.0, tasks[0][0] - REC_TRIM_BEFORE_TASK)
    last = (tasks[-1][1] + REC_TRIM_AFTER_TASK, length - 15.0)
    return [first, last]


class Background:
    """A real recording's rest stretches joined into one timeline (t = 0 at its first sample)."""

    def __init__(self, folder, name):
        self.name = name
        self.segs = rest_segments(folder, name)
        self.length = sum(b - a for a, b in self.segs)
        self.joins = []
        off = 0.0
        self.map = []  # (bg_from, bg_to, src_from)
        for a, b in self.segs:
            self.map.append((off, off + b - a, a))
            off += b - a
            self.joins.append(off)
        self.joins = self.joins[:-1]
        ch = {}
        for c in ("EDA", "TEMP", "BVP", "HR"):
            ch[c] = read_channel(os.path.join(folder, c + ".csv"))
        self.acc = read_acc(os.path.join(folder, "ACC.csv"))
        self.ibi = read_ibi(os.path.join(folder, "IBI.csv"))
        self.t0 = ch["EDA"][0]
        self.src = ch
        # join offsets for the levels (EDA, TEMP): continuity at each join
        # each later rest goes on at the level where the one before it ended: shifted by a
        # constant, or (EDA, when the shift would take the rest's 1st percentile below 0.1 uS)
        # scaled by the ratio of the two levels
        self.level_offset = {"EDA": [0.0], "TEMP": [0.0]}
        self.level_scale = {"EDA": [1.0], "TEMP": [1.0]}
        for c in ("EDA", "TEMP"):
            start, rate, vals = ch[c]
            for k in range(1, len(self.map)):
                prev_end = self.map[k - 1][2] + (self.map[k - 1][1] - self.map[k - 1][0])
                nxt = self.map[k][2]
                sc, off = self.level_scale[c][-1], self.level_offset[c][-1]
                before = self._mean(vals, start, rate, prev_end - 2, prev_end) * sc + off
                after = self._mean(vals, start, rate, nxt, nxt + 2)
                seg = sorted(vals[int((nxt + self.t0 - start) * rate):
                                  int((nxt + self.map[k][1] - self.map[k][0] + self.t0 - start) * rate)])
                if c == "EDA" and seg[len(seg) // 100] + before - after < 0.1:
                    self.level_scale[c].append(before / after)
                    self.level_offset[c].append(0.0)
                else:
                    self.level_scale[c].append(1.0)
                    self.level_offset[c].append(before - after)
        hr = [v for v in self.channel("HR") if 30 <= v <= 200]
        hr.sort()
        self.hr_rest = hr[len(hr) // 2]

    def _mean(self, vals, start, rate, a, b):
        i, j = int((a + self.t0 - start) * rate), int((b + self.t0 - start) * rate)
        seg = vals[max(i, 0):max(j, i + 1)]
        return sum(seg) / len(seg)

    def seg_of(self, t):
        for k, (a, b, s) in enumerate(self.map):
            if a <= t < b:
                return k
        return len(self.map) - 1

    def src_time(self, t):
        k = self.seg_of(t)
        a, b, s = self.map[k]
        return s + (t - a), k

    def channel(self, c, length=None):
        start, rate, vals = self.src[c]
        n = int((length or self.length) * rate)
        out = []
        for i in range(n):
            st, k = self.src_time(i / rate)
            j = int(round((st + self.t0 - start) * rate))
            v = vals[min(max(j, 0), len(vals) - 1)]
            if c in self.level_offset:
                v = v * self.level_scale[c][k] + self.level_offset[c][k]
            out.append(v)
        return out

    def hr_start_offset(self):
        return self.src["HR"][0] - self.t0

    def acc_rows(self, length):
        start, rate, rows = self.acc
        out = []
        for i in range(int(length * rate)):
            st, _ = self.src_time(i / rate)
            j = int(round((st + self.t0 - start) * rate))
            out.append(rows[min(max(j, 0), len(rows) - 1)])
        return out

    def beats(self, length):
        """The real device beats on the background timeline: [(t_s, ibi_s)]."""
        start, beats = self.ibi
        out = []
        for off, ibi in beats:
            st = off + start - self.t0
            for a, b, s in self.map:
                if s <= st < s + (b - a):
                    t = a + st - s
                    if t < length:
                        out.append((t, ibi))
        out.sort()
        return out


def shape(u, kind, rise):
    """0..1 rise of a response u seconds after its onset."""
    if u <= 0:
        return 0.0
    if kind == "step":
        return 1.0 if u >= rise else 0.5 - 0.5 * math.cos(math.pi * u / rise)
    if kind == "ramp":
        return min(1.0, u / rise)
    # S-shape: logistic over `rise` (1 % to 99 %)
    k = 2 * math.log(99) / rise
    lo = 1 / (1 + math.exp(k * rise / 2))
    hi = 1 / (1 + math.exp(-k * rise / 2))
    v = 1 / (1 + math.exp(-k * (min(u, rise) - rise / 2)))
    return (v - lo) / (hi - lo)


def envelope(t, p, lat=0.0, tau=None):
    """Rise, plateau, exponential recovery of a planted response at time t (s)."""
    u = t - p["onset_s"] - lat
    if u <= 0:
        return 0.0
    rise, hold = p["rise_s"], p["hold_s"]
    if u < rise + hold:
        return shape(u, p["shape"], rise)
    return math.exp(-(u - rise - hold) / (tau or p["recovery_tau_s"]))


def bateman(u):
    if u <= 0:
        return 0.0
    tr, td = 0.75, 2.0
    tp = math.log(td / tr) * tr * td / (td - tr)
    norm = math.exp(-tp / td) - math.exp(-tp / tr)
    return (math.exp(-u / td) - math.exp(-u / tr)) / norm


MAGNITUDES = {
    "weak": {"eda": (0.2, 0.3), "scr": (0.05, 0.1), "scr_per_min": 2, "hr": (5, 7)},
    "medium": {"eda": (0.5, 0.8), "scr": (0.1, 0.25), "scr_per_min": 3, "hr": (10, 14)},
    "strong": {"eda": (1.2, 2.0), "scr": (0.2, 0.5), "scr_per_min": 4, "hr": (18, 25)},
}
HR_TAU_S = 40.0
EDA_LATENCY_S = 2.0


def make_plant(rng, onset, magnitude, shp, kind, role, max_active):
    m = MAGNITUDES[magnitude]
    rise = rng.uniform(5, 10) if shp == "step" else rng.uniform(20, 60)
    active = min(rng.uniform(60, 300), max_active)
    hold = max(active - rise, 30.0)
    p = {"role": role, "onset_s": round(onset, 1), "magnitude": magnitude, "shape": shp,
         "kind": kind, "rise_s": round(rise, 1), "hold_s": round(hold, 1),
         "recovery_tau_s": round(rng.uniform(60, 90), 1),
         "eda_tonic_us": round(rng.uniform(*m["eda"]), 3) if kind != "hr_only" else 0.0,
         "hr_bpm": round(rng.uniform(*m["hr"]), 1) if kind != "eda_only" else 0.0,
         "temp_fall_c": round(rng.uniform(0.2, 0.6), 2) if rng.random() < 0.5 and kind == "both" else 0.0,
         "scrs": []}
    if kind != "hr_only":
        t = onset + EDA_LATENCY_S
        end = onset + rise + hold
        while t < end:
            p["scrs"].append([round(t, 2), round(rng.uniform(*m["scr"]), 3)])
            t += rng.expovariate(m["scr_per_min"] / 60.0) + 2.0
    p["active_end_s"] = round(onset + rise + hold, 1)
    # the response is over when the slower recovery is within 5 % of its size (3 time constants)
    p["recovered_s"] = round(p["active_end_s"] + 3 * max(p["recovery_tau_s"], HR_TAU_S), 1)
    return p


def plan_role(rng, length, joins, n_max, role, kinds, respond):
    """Onsets from 420 s on (after the calibration stretch, minutes 2-6), each response with its
    180 s look-back and 60 s after its active part off the joins, the next onset 60-150 s after
    the previous response has recovered."""
    plants, t = [], 420.0 + rng.uniform(0, 60)
    mags = ["weak", "medium", "strong"]
    shapes = ["step", "ramp", "S"]
    while len(plants) < n_max and t + 240 < length:
        ahead = [j for j in joins if j > t - 200]
        nextjoin = min(ahead) if ahead else None
        if nextjoin is not None and nextjoin < t + 120:
            t = nextjoin + 210
            continue
        max_active = (nextjoin - 60 - t) if nextjoin is not None else (length - 150 - t)
        if max_active < 60:
            if nextjoin is None:
                break
            t = nextjoin + 210
            continue
        p = make_plant(rng, t, rng.choice(mags), rng.choice(shapes), kinds(len(plants)), role, max_active)
        if respond is not None:
            p["response_delay_s"] = respond(len(plants))
        plants.append(p)
        t = p["recovered_s"] + 60 + rng.uniform(0, 90)
    return plants


def fmt(v, nd):
    return ("%." + str(nd) + "f") % v


def write_wearer(folder, bg, t0_unix, length, plants, drift, splices):
    os.makedirs(folder, exist_ok=True)
    hr_rest = bg.hr_rest
    cardiac = [p for p in plants if p["hr_bpm"] > 0]

    def dhr(t):
        return sum(p["hr_bpm"] * envelope(t, p, 0.0, HR_TAU_S) for p in cardiac)

    # warped clock: w(t) = integral of f; back to real time after each cardiac response
    dt = 1 / 64.0
    n_bvp = int(length * 64)
    w = [0.0] * n_bvp
    ends = sorted(p["recovered_s"] for p in cardiac)
    acc, lead = 0.0, 0.0
    for i in range(n_bvp):
        t = i * dt
        if ends and t >= ends[0]:
            if lead:
                splices.append({"t_s": round(t, 3), "cardiac_lead_s": round(lead, 2)})
            lead = 0.0
            ends.pop(0)
        f = 1 + dhr(t) / hr_rest
        w[i] = t + lead
        lead += (f - 1) * dt
    # the background's own cardiac channels, a little longer (the warp reads ahead)
    extra = length + max([s["cardiac_lead_s"] for s in splices] + [0]) + 5
    extra = min(extra, bg.length)
    bvp_bg = bg.channel("BVP", extra)
    bvp = []
    for i in range(n_bvp):
        x = w[i] * 64
        j = int(x)
        if j + 1 >= len(bvp_bg):
            bvp.append(bvp_bg[-1])
            continue
        fr = x - j
        bvp.append(bvp_bg[j] * (1 - fr) + bvp_bg[j + 1] * fr)

    def warp(t):
        x = t * 64
        j = min(int(x), n_bvp - 2)
        return w[j] + (w[j + 1] - w[j]) * (x - j)

    # inverse warp inside each response: the first t with w(t) >= s, searched in [lo, hi)
    def inverse(s, lo, hi):
        i0, i1 = int(lo * 64), min(int(hi * 64), n_bvp - 1)
        k = bisect.bisect_left(w, s, i0, i1)
        if k <= i0:
            return lo
        a, b = w[k - 1], w[k]
        return (k - 1 + (s - a) / (b - a if b > a else 1)) * dt

    beats_bg = bg.beats(extra)
    spans = []
    for p in cardiac:
        spans.append((p["onset_s"], p["recovered_s"]))
    beats = []
    for t, ibi in beats_bg:
        if t < length and not any(a <= t < b for a, b in spans):
            beats.append((t, ibi))
    for a, b in spans:
        sa, sb = warp(a), warp(min(b, length) - dt)
        for t, ibi in beats_bg:
            if sa <= t < sb:
                nt = inverse(t, a, b)
                prev = inverse(t - ibi, a, b) if t - ibi >= sa else a - (sa - (t - ibi))
                if a <= nt < min(b, length):
                    beats.append((nt, nt - prev))
    beats.sort()

    # HR.csv: 1 Hz from 10 s after the start
    hr_off = bg.hr_start_offset()
    hr_bg = bg.channel("HR", extra)
    hr = []
    for k in range(int(length - hr_off)):
        t = hr_off + k
        j = min(max(int(round(warp(t))), 0), len(hr_bg) - 1)
        hr.append(hr_bg[j] * (1 + dhr(t) / hr_rest))

    eda = bg.channel("EDA", length)
    edp = [p for p in plants if p["eda_tonic_us"] > 0 or p["scrs"]]
    for i in range(len(eda)):
        t = i / 4.0
        v = 0.0
        for p in edp:
            if p["onset_s"] <= t < p["recovered_s"] + 60:
                v += p["eda_tonic_us"] * envelope(t, p, EDA_LATENCY_S)
                for ts, amp in p["scrs"]:
                    if 0 < t - ts < 30:
                        v += amp * bateman(t - ts)
        if drift:
            u = min(t / drift["over_s"], 1.0)
            v += drift["rise_us"] * (u if drift["shape"] == "linear" else (1 - math.exp(-3 * u)) / (1 - math.exp(-3)))
        eda[i] += v
    temp = bg.channel("TEMP", length)
    tp = [p for p in plants if p["temp_fall_c"] > 0]
    for i in range(len(temp)):
        t = i / 4.0
        for p in tp:
            u = t - p["onset_s"]
            if u > 0:
                fall_s = min(120.0, max(60.0, p["rise_s"] + p["hold_s"]))
                if u < fall_s:
                    temp[i] -= p["temp_fall_c"] * u / fall_s
                else:
                    temp[i] -= p["temp_fall_c"] * math.exp(-(u - fall_s) / 180.0)
    accr = bg.acc_rows(length)

    def write(name, start, rate, vals, nd):
        with open(os.path.join(folder, name), "w") as fh:
            fh.write("%s\n%s\n" % (fmt(start, 6), fmt(rate, 6)))
            fh.write("".join(fmt(v, nd) + "\n" for v in vals))

    write("EDA.csv", t0_unix, 4, eda, 6)
    write("TEMP.csv", t0_unix, 4, temp, 2)
    write("BVP.csv", t0_unix, 64, bvp, 2)
    write("HR.csv", t0_unix + hr_off, 1, hr, 2)
    with open(os.path.join(folder, "ACC.csv"), "w") as fh:
        fh.write(", ".join([fmt(t0_unix, 6)] * 3) + "\n" + ", ".join([fmt(32, 6)] * 3) + "\n")
        fh.write("".join("%d,%d,%d\n" % r for r in accr))
    with open(os.path.join(folder, "IBI.csv"), "w") as fh:
        fh.write("%s, IBI\n" % fmt(t0_unix, 6))
        fh.write("".join("%s,%s\n" % (fmt(t, 6), fmt(ibi, 6)) for t, ibi in beats if ibi > 0))


def main():
    e4, out = sys.argv[1], sys.argv[2]
    seeds = [int(x) for x in sys.argv[sys.argv.index("--seeds") + 1].split(",")] if "--seeds" in sys.argv else [151]
    names = ["stress-predict-S0%d" % i for i in range(1, 9)] + ["msr2023"]
    bgs = [Background(os.path.join(e4, n), n) for n in names]
    plan = {"seeds": seeds, "backgrounds": {}, "sessions": []}
    for b in bgs:
        plan["backgrounds"][b.name] = {"rest_segments_s": [[round(a, 1), round(c, 1)] for a, c in b.segs],
                                       "length_s": round(b.length, 1), "joins_s": [round(j, 1) for j in b.joins],
                                       "hr_rest_bpm": b.hr_rest,
                                       "eda_level_offsets_us": [round(x, 4) for x in b.level_offset["EDA"]],
                                       "eda_level_scales": [round(x, 4) for x in b.level_scale["EDA"]],
                                       "temp_level_offsets_c": [round(x, 3) for x in b.level_offset["TEMP"]]}
    t0_unix = 1767261600.0  # 2026-01-01T10:00:00Z: both wristbands start with the video
    delays = [5, 15, 30, 60, None]
    di = [0]

    def respond(_):
        d = delays[di[0] % len(delays)]
        di[0] += 1
        return d

    kinds_cycle = ["both", "both", "eda_only", "both", "hr_only", "both"]
    ki = [0]

    def kinds(_):
        k = kinds_cycle[ki[0] % len(kinds_cycle)]
        ki[0] += 1
        return k

    n = len(bgs)
    specs = []
    for i in range(n):
        specs.append(("control", i, (i + 1) % n, 0, None))
    for seed in seeds:
        for i in range(n):
            specs.append(("planted", i, (i + 1) % n, 1, seed))
            specs.append(("planted", i, (i + 3) % n, 2, seed))
    # drift-only wearers (no response planted into them): per seed, (recording, variant)
    drift_clients = {151: {(3, 2), (6, 2), (8, 1)}, 152: {(1, 1), (4, 2), (7, 1)}}
    therapist_drift = {151: {(1, 2)}, 152: {(5, 1)}}
    rngs = {seed: random.Random(seed) for seed in seeds}
    for group, ci, ti, variant, seed in specs:
        rng = rngs.get(seed)
        cb, tb = bgs[ci], bgs[ti]
        length = math.floor(min(cb.length, tb.length, SESSION_MAX_S))
        sid = "%s-%s-%s-v%d%s" % (group[0].upper(), cb.name.replace("stress-predict-", ""),
                                  tb.name.replace("stress-predict-", ""), variant,
                                  "" if seed is None else "-%d" % seed)
        sdir = os.path.join(out, "sessions", sid)
        os.makedirs(sdir, exist_ok=True)
        cplants, tplants, cdrift, tdrift = [], [], None, None
        if group == "planted":
            if (ci, variant) in drift_clients.get(seed, set()):
                cdrift = {"rise_us": round(rng.uniform(1, 3), 2), "over_s": 1800.0,
                          "shape": rng.choice(["linear", "saturating"])}
            else:
                cplants = plan_role(rng, length, cb.joins, 3, "client", kinds, respond)
            if variant == 1 and ci % 2 == (0 if seed % 2 else 1):
                tplants = plan_role(rng, length, tb.joins, 1, "therapist", lambda _: "both", None)
            if (ci, variant) in therapist_drift.get(seed, set()):
                tdrift = {"rise_us": round(rng.uniform(1, 3), 2), "over_s": 1800.0,
                          "shape": rng.choice(["linear", "saturating"])}
        # one client's sessions on distinct days, numbered in date order: control, then variant 1
        # and 2 of each seed (a week apart, the second seed 3 days after the first)
        day = 0 if group == "control" else 7 * variant + 3 * seeds.index(seed)
        number = 1 if group == "control" else 2 + (variant - 1) * len(seeds) + seeds.index(seed)
        t0 = t0_unix + day * 86400.0
        csp, tsp = [], []
        write_wearer(os.path.join(sdir, "client"), cb, t0, length, cplants, cdrift, csp)
        write_wearer(os.path.join(sdir, "therapist"), tb, t0, length, tplants, tdrift, tsp)
        codes = [{"start": 60.0, "code": "INT_STRUCTURE_AGENDA_HOMEWORK", "actor": "therapist"}]
        for p in cplants:
            if p.get("response_delay_s") is not None:
                codes.append({"start": round(p["onset_s"] + p["response_delay_s"], 1),
                              "code": "INT_EMPATHIC_REFLECTION", "actor": "therapist"})
        with open(os.path.join(sdir, "codes.csv"), "w") as fh:
            fh.write("start,end,code,actor\n")
            fh.write("".join("%s,,%s,%s\n" % (c["start"], c["code"], c["actor"]) for c in codes))
        session = {"session_id": sid, "therapist_id": "T" + tb.name[-2:], "client_id": "C" + cb.name[-2:],
                   "session_number": number,
                   "media_start": "2026-01-%02dT10:00:00Z" % (1 + day), "duration_s": length,
                   "wearables": {"client": "client", "therapist": "therapist"},
                   "annotations": ["codes.csv"], "consent": {"supervision": True, "research": True}}
        with open(os.path.join(sdir, "session.json"), "w") as fh:
            json.dump(session, fh, indent=1)
        plan["sessions"].append({"session_id": sid, "group": group, "seed": seed, "client": cb.name, "therapist": tb.name,
                                 "duration_s": length, "client_joins_s": [round(j, 1) for j in cb.joins],
                                 "therapist_joins_s": [round(j, 1) for j in tb.joins],
                                 "client_splices": csp, "therapist_splices": tsp,
                                 "client_drift": cdrift, "therapist_drift": tdrift,
                                 "plants": cplants + tplants, "codes": codes})
        print(sid, length, len(cplants), len(tplants), "drift" if cdrift or tdrift else "", flush=True)
    with open(os.path.join(out, "plan.json"), "w") as fh:
        json.dump(plan, fh, indent=1)


if __name__ == "__main__":
    main()
