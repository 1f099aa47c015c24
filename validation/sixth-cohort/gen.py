#!/usr/bin/env python3
"""Sixth independent cohort: the time structure of real recordings.

    python3 gen.py SEED DIR     -> DIR/sessions/<session>/..., DIR/plan.json

Written from the project README (input contract, "Alignment", session.json, the tables' columns,
Methods: baseline and calibration stretch) and DOMAIN.md section 4 only; no product code, test or
other generator was read.  Every wearer's physiology is one continuous simulation in absolute time
(seconds from media start), of which only the stretch the wristband was switched on is written:

* rest: heart rate 62-78 bpm with respiratory sinus arrhythmia, an Ornstein-Uhlenbeck wander of
  the rate (SD 2 bpm, 60 s) and of the tonic skin conductance (SD 0.08 uS, 120 s), 1-2 SCRs a
  minute, a still wrist;
* walking or stairs (before and after the session): heart rate +30 bpm (rise 20 s, recovery 45 s),
  2 Hz arm swing of 0.3-0.4 g on the accelerometer (gross movement), a sweat rise of the skin
  conductance (+1.2 uS, 60 s rise, 150 s decay), 4 SCRs a minute, skin temperature -0.3 degC, no
  device IBIs (the E4 drops them under motion) and a noisy pulse wave;
* an anxiety episode (planted in the video, or a still arousal outside it): a concordant rise
  (raised cosine over 30 s from the onset, 150 s plateau, 60 s fall) of heart rate (+16 bpm),
  tonic skin conductance (+0.9 uS, 2 s later), SCR rate (+5 a minute), with RSA halved and skin
  temperature -0.2 degC.

Files are plain E4 CSV (start row, rate row, samples; HR.csv 10 s after the others; IBI.csv with
offsets from the start).  plan.json holds, per session, what the README says must come out.
"""
import json
import math
import os
import shutil
import sys
from datetime import datetime, timedelta, timezone

import numpy as np

FS = {"EDA": 4, "BVP": 64, "ACC": 32, "TEMP": 4}
DT = 0.25  # the simulation grid for the slow state (s)


def ou(rng, n, dt, sd, tau):
    """Ornstein-Uhlenbeck series of n values, stationary SD sd, time constant tau (s)."""
    a = math.exp(-dt / tau)
    e = rng.normal(0, sd * math.sqrt(1 - a * a), n)
    x = np.empty(n)
    x[0] = rng.normal(0, sd)
    for i in range(1, n):
        x[i] = a * x[i - 1] + e[i]
    return x


def lowpass_asym(x, dt, tau_up, tau_down):
    y = np.empty_like(x)
    acc = 0.0
    au, ad = math.exp(-dt / tau_up), math.exp(-dt / tau_down)
    for i, v in enumerate(x):
        a = au if v > acc else ad
        acc = a * acc + (1 - a) * v
        y[i] = acc
    return y


def episode_profile(t, onset, ramp=30.0, plateau=150.0, fall=60.0):
    """0..1: raised cosine rise from onset over ramp, plateau, raised cosine fall."""
    p = np.zeros_like(t)
    r = (t >= onset) & (t < onset + ramp)
    p[r] = 0.5 - 0.5 * np.cos(np.pi * (t[r] - onset) / ramp)
    p[(t >= onset + ramp) & (t < onset + ramp + plateau)] = 1.0
    f0 = onset + ramp + plateau
    f = (t >= f0) & (t < f0 + fall)
    p[f] = 0.5 + 0.5 * np.cos(np.pi * (t[f] - f0) / fall)
    return p


class Wearer:
    """One person's physiology from t0 to t1 (s from media start)."""

    def __init__(self, rng, t0, t1, rest_hr, scl0, walks, arousals):
        self.rng, self.t0, self.t1 = rng, float(t0), float(t1)
        self.rest_hr, self.scl0 = rest_hr, scl0
        n = int(round((t1 - t0) / DT)) + 1
        self.t = t0 + DT * np.arange(n)
        t = self.t
        walk = np.zeros(n)
        for a, b in walks:
            walk[(t >= a) & (t < b)] = 1.0
        self.walk = walk
        arousal = np.zeros(n)
        for on in arousals:
            arousal = np.maximum(arousal, episode_profile(t, on))
        self.arousal = arousal
        arousal_eda = np.interp(t - 2.0, t, arousal)
        walk_hr = lowpass_asym(walk, DT, 20.0, 45.0)
        sweat = lowpass_asym(walk, DT, 60.0, 150.0)
        self.hr = rest_hr + 16.0 * arousal + 30.0 * walk_hr + ou(rng, n, DT, 2.0, 60.0)
        self.scl = (scl0 + 0.9 * arousal_eda + 1.2 * sweat + ou(rng, n, DT, 0.08, 120.0))
        self.scr_rate = 1.5 + 5.0 * arousal + 4.0 * walk_hr  # per minute
        self.rsa = 0.045 * (1 - 0.5 * arousal) * (1 - 0.6 * walk_hr)  # s, interval modulation
        self.temp = 33.2 + ou(rng, n, DT, 0.05, 300.0) - 0.2 * arousal - 0.3 * sweat

    def at(self, x, tt):
        return np.interp(tt, self.t, x)

    def beats(self):
        rng = self.rng
        out = []
        tb = self.t0 + rng.uniform(0, 1)
        while tb < self.t1:
            hr = float(self.at(self.hr, tb))
            ibi = 60.0 / hr + float(self.at(self.rsa, tb)) * math.sin(2 * math.pi * 0.25 * tb)
            ibi += rng.normal(0, 0.008)
            tb += ibi
            out.append(tb)
        return np.array(out)

    def simulate(self):
        rng = self.rng
        dur = self.t1 - self.t0
        sig = {}
        # EDA: tonic plus SCRs (bi-exponential, rise ~1.5 s)
        te = self.t0 + np.arange(int(dur * 4)) / 4.0
        eda = self.at(self.scl, te)
        rate = self.at(self.scr_rate, te) / 60.0
        onsets = te[rng.random(te.size) < rate / 4.0]
        k = np.arange(0, 80)  # 20 s of response
        shape = np.exp(-k / 4 / 4.0) - np.exp(-k / 4 / 0.75)
        shape /= shape.max()
        for on in onsets:
            i = int(round((on - self.t0) * 4))
            amp = rng.lognormal(math.log(0.16), 0.45)
            j = min(eda.size, i + k.size)
            eda[i:j] += amp * shape[: j - i]
        eda += rng.normal(0, 0.004, eda.size)
        sig["EDA"] = np.clip(eda, 0.0, None)
        # TEMP
        tt = self.t0 + np.arange(int(dur * 4)) / 4.0
        sig["TEMP"] = self.at(self.temp, tt) + rng.normal(0, 0.01, tt.size)
        # beats -> BVP, IBI, HR
        b = self.beats()
        tb = self.t0 + np.arange(int(dur * 64)) / 64.0
        bvp = np.zeros(tb.size)
        pk = np.arange(0, 52)
        wave = np.exp(-((pk / 64 - 0.12) / 0.05) ** 2) + 0.35 * np.exp(-((pk / 64 - 0.38) / 0.07) ** 2)
        wave -= wave.mean()
        idx = np.round((b + 0.2 - self.t0) * 64).astype(int)
        amps = rng.normal(80, 6, idx.size)
        for i0, a in zip(idx, amps):
            j = min(bvp.size, i0 + pk.size)
            if 0 <= i0 < bvp.size:
                bvp[i0:j] += a * wave[: j - i0]
        walk64 = self.at(self.walk, tb)
        bvp += rng.normal(0, 2.0, tb.size) + walk64 * (rng.normal(0, 60, tb.size)
                                                       + 90 * np.sin(2 * np.pi * 1.9 * tb))
        sig["BVP"] = bvp
        ibis = np.diff(b)
        bt = b[1:]
        keep = (self.at(self.walk, bt) < 0.5) & (rng.random(bt.size) > 0.04) & (bt < self.t1)
        sig["IBI"] = (bt[keep] - self.t0, ibis[keep])
        th = self.t0 + 10 + np.arange(int(dur - 10))
        sig["HR"] = self.at(self.hr, th) + rng.normal(0, 1.0, th.size)
        # ACC: a still wrist at one orientation, arm swing while walking
        ta = self.t0 + np.arange(int(dur * 32)) / 32.0
        g = np.array([-0.55, 0.35, 0.76])
        g = g / np.linalg.norm(g) * 64
        w = self.at(self.walk, ta)
        acc = np.empty((ta.size, 3))
        for ax in range(3):
            swing = (22 - 6 * ax) * np.sin(2 * np.pi * 1.9 * ta + ax)
            acc[:, ax] = g[ax] + rng.normal(0, 0.6, ta.size) + w * (swing + rng.normal(0, 4, ta.size))
        sig["ACC"] = np.clip(np.round(acc), -128, 127).astype(int)
        return sig


def fmt(arr, nd):
    f = ("{:.%df}" % nd).format
    return "\n".join(map(f, arr.tolist()))


def write_e4(folder, start_unix, sig, a, b, t0):
    """Write the samples of sig (simulated from t0) between a and b (s from media start)."""
    os.makedirs(folder, exist_ok=True)
    st = start_unix  # unix seconds of a (whole seconds, as the E4 writes)
    for ch, nd in (("EDA", 6), ("TEMP", 2), ("BVP", 2)):
        fs = FS[ch]
        i, j = int(round((a - t0) * fs)), int(round((b - t0) * fs))
        with open(os.path.join(folder, ch + ".csv"), "w") as f:
            f.write("%.6f\n%.6f\n" % (st, fs) if ch != "BVP" else "%.2f\n%.6f\n" % (st, fs))
            f.write(fmt(sig[ch][i:j], nd) + "\n")
    i, j = int(round((a - t0) * 32)), int(round((b - t0) * 32))
    with open(os.path.join(folder, "ACC.csv"), "w") as f:
        f.write("%.6f, %.6f, %.6f\n32.000000, 32.000000, 32.000000\n" % (st, st, st))
        f.write("\n".join("%d,%d,%d" % tuple(r) for r in sig["ACC"][i:j].tolist()) + "\n")
    i, j = int(round(a - t0)), int(round(b - t0)) - 10
    with open(os.path.join(folder, "HR.csv"), "w") as f:
        f.write("%.6f\n1.000000\n" % (st + 10))
        f.write(fmt(sig["HR"][i:j], 2) + "\n")
    off, ibi = sig["IBI"]
    m = (off >= (a - t0) + 1) & (off < (b - t0))
    with open(os.path.join(folder, "IBI.csv"), "w") as f:
        f.write("%.6f, IBI\n" % st)
        f.write("\n".join("%.6f,%.6f" % (o - (a - t0), v) for o, v in zip(off[m], ibi[m])) + "\n")


def iso(dt_utc, offset_h, basic=False, space=False, frac=None):
    tz = timezone(timedelta(hours=offset_h))
    loc = dt_utc.astimezone(tz)
    s = loc.strftime("%Y-%m-%d" + (" " if space else "T") + "%H:%M:%S")
    if frac is not None:
        s += frac
    sign = "+" if offset_h >= 0 else "-"
    hh, mm = int(abs(offset_h)), int(round(abs(offset_h) * 60)) % 60
    s += ("%s%02d%02d" if basic else "%s%02d:%02d") % (sign, hh, mm)
    return s, loc.date().isoformat()


def main():
    seed, out = int(sys.argv[1]), sys.argv[2]
    rng = np.random.default_rng(seed)
    root = os.path.join(out, "sessions")
    if os.path.exists(root):
        shutil.rmtree(root)
    os.makedirs(root)
    plan = {"seed": seed, "sessions": []}
    base = datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)

    def walks_pre(on, end_before):
        """2-3 bouts of walking or stairs between switching on (on < 0) and end_before (< 0)."""
        bouts, t = [], end_before
        for _ in range(int(rng.integers(2, 4))):
            ln = float(rng.uniform(150, 420))
            a = t - ln
            if a < on + 30:
                break
            bouts.append((a, t))
            t = a - float(rng.uniform(300, 900))
        return sorted(bouts)

    def walks_post(dur, off):
        bouts = [(dur + float(rng.uniform(5, 30)), dur + float(rng.uniform(200, 300)))]
        if off - dur > 900:
            a = dur + float(rng.uniform(700, 800))
            bouts.append((a, min(off - 5, a + float(rng.uniform(180, 400)))))
        return [b for b in bouts if b[0] < off]

    def person(role, on, off, dur, episodes, pre_walk_end=None, still_out=()):
        """One wearer; on/off relative to media start; episodes = planted onsets in the video."""
        pre_end = pre_walk_end if pre_walk_end is not None else -float(rng.uniform(240, 330))
        pre = walks_pre(on, pre_end) if on < pre_end - 60 else []
        if not pre and on < pre_end - 60:
            pre = [(on + 20.0, pre_end)]
        walks = pre + walks_post(dur, off)
        outside = [x for x in still_out if on + 200 < x < off - 250]
        rest = float(rng.uniform(62, 78))
        return {"role": role, "on": on, "off": off, "walks": walks, "episodes": list(episodes),
                "arousals_outside": outside, "rest_hr": rest, "scl0": float(rng.uniform(1.5, 4.0))}

    sessions = []

    def add(sid, dur, people, day, media_offset_h=1, notes="", parts=None, frac=None, extra=None):
        sessions.append(dict(sid=sid, dur=dur, people=people, day=day, media_offset_h=media_offset_h,
                             notes=notes, parts=parts or {}, frac=frac, extra=extra or {}))

    # A: switched on long before and off long after, walking and stairs around the session
    d = 2400.0
    on = -float(rng.integers(90, 121)) * 60 - float(rng.integers(1, 59))
    off = d + float(rng.integers(40, 61)) * 60
    add("A1-calm-prepost", d, [person("client", on, off, d, [], still_out=(-1500.0, d + 420.0)),
                               person("therapist", on + 137, off - 211, d, [])], 0,
        notes="calm video; walking, stairs and a still arousal before and after it")
    d = 2700.0
    on = -float(rng.integers(60, 100)) * 60 - 23
    off = d + float(rng.integers(30, 50)) * 60 + 11
    add("A2-episodes-prepost", d, [person("client", on, off, d, [900.0 + rng.integers(0, 60), 1800.0 + rng.integers(0, 60)],
                                          still_out=(-1200.0, d + 420.0)),
                                   person("therapist", on - 300, off + 120, d, [1320.0 + rng.integers(0, 60)])], 1,
        notes="two client and one therapist episode; arousal before and after")
    d = 1800.0
    on = -float(rng.integers(5, 10)) * 60 - 7
    off = d + float(rng.integers(5, 10)) * 60
    add("A3-on-5-10-min-before", d, [person("client", on, off, d, [720.0 + rng.integers(0, 60)], pre_walk_end=-180.0),
                                     person("therapist", on - 40, off + 30, d, [])], 2,
        notes="switched on minutes before, walking until 3 min before the video", frac=".500")
    # B: wearers that start late or stop early, started minutes apart
    d = 2400.0
    late = float(rng.integers(7, 10)) * 60 + 13
    add("B1-client-late", d, [person("client", late, d + 900, d, [1500.0 + rng.integers(0, 60)]),
                              person("therapist", -1260.0, d + 600, d, [])], 3,
        notes="client band switched on after the media start")
    d = 2400.0
    early = float(rng.integers(8, 12)) * 60 + 29
    add("B2-therapist-early", d, [person("client", -1800.0, d + 700, d, [1560.0 + rng.integers(0, 60)]),
                                  person("therapist", -900.0, d - early, d, [780.0 + rng.integers(0, 60)])], 4,
        notes="therapist band stopped before the end")
    d = 2700.0
    late = float(rng.integers(5, 8)) * 60 + 41
    early = float(rng.integers(6, 9)) * 60 + 3
    add("B3-late-and-early", d, [person("client", late, d + 1200, d, [1200.0 + rng.integers(0, 60)]),
                                 person("therapist", -660.0, d - early, d, [1620.0 + rng.integers(0, 60)])], 5,
        notes="client late, therapist early: synchrony over the common span only")
    # C: a recording split into two exports (device reconnected), listed as parts
    d = 2400.0
    g0 = float(rng.integers(14, 18)) * 60 + 17
    gl = float(rng.integers(5, 8)) * 60 + 9
    add("C1-split-in-video", d, [person("client", -1500.0, d + 900, d, [g0 + gl + 420 + rng.integers(0, 60)]),
                                 person("therapist", -1400.0, d + 800, d, [])], 6,
        parts={"client": [g0, g0 + gl]}, notes="client recording in two exports, gap inside the video")
    d = 2400.0
    g0 = -float(rng.integers(15, 20)) * 60
    gl = float(rng.integers(3, 6)) * 60 + 31
    add("C2-split-before-video", d, [person("client", -2700.0, d + 600, d, [600.0 + rng.integers(0, 60)]),
                                     person("therapist", -1300.0, d + 800, d, [])], 7,
        parts={"client": [g0, g0 + gl]}, notes="client recording in two exports, gap before the video")
    # D: very short sessions (shorter than the calibration stretch) and a long one
    for k, d in enumerate((120.0, 180.0, 300.0)):
        ep = 25.0 + rng.integers(0, 10)
        add("D%d-short-%ds" % (k + 1, int(d)), d,
            [person("client", -1200.0 - 60 * k, d + 1800, d, [ep], pre_walk_end=-300.0),
             person("therapist", -1100.0, d + 1700, d, [])], 8 + k,
            notes="a session of %d s, shorter than minutes 2-6" % d)
    # D4: a short session after which the client walks on through minutes 2-15 (to the station)
    d = 180.0
    c4 = person("client", -1200.0, d + 1500, d, [25.0 + rng.integers(0, 10)], pre_walk_end=-300.0)
    c4["walks"] = [w for w in c4["walks"] if w[1] < 0] + [(d + 10.0, 960.0)]
    add("D4-short-walk-after", d, [c4, person("therapist", -1100.0, d + 1700, d, [])], 14,
        notes="a 180 s session; the client walks from 10 s after its end to minute 16")
    d = 9000.0
    add("E1-long-2h30", d, [person("client", -1800.0, d + 900, d,
                                   [1500.0 + rng.integers(0, 60), 4500.0 + rng.integers(0, 60), 7800.0 + rng.integers(0, 60)]),
                            person("therapist", -1700.0, d + 800, d, [6000.0 + rng.integers(0, 60)])], 11,
        notes="a 2.5 h session")
    # F: one recording, media_start written with different offsets (a European DST change day)
    d = 2400.0
    fsess = person("client", -2400.0, d + 1200, d, [1080.0 + rng.integers(0, 60)])
    tsess = person("therapist", -2000.0, d + 1000, d, [])
    add("F0-utc", d, [fsess, tsess], None, notes="same instant, written Z", extra={"F": (0, False, False)})

    for s in sessions:
        sid, dur = s["sid"], s["dur"]
        if s["day"] is None:
            ms_utc = datetime(2026, 3, 29, 1, 30, tzinfo=timezone.utc)
        else:
            ms_utc = base + timedelta(days=3 * s["day"], minutes=int(rng.integers(0, 120)))
        folder = os.path.join(root, sid)
        os.makedirs(folder)
        wearables, entry = {}, {"session_id": sid, "duration_s": dur, "notes": s["notes"], "wearers": {}}
        frac = s["frac"]
        ms_unix = ms_utc.timestamp() + (0.5 if frac else 0.0)
        for p in s["people"]:
            role = p["role"]
            prng = np.random.default_rng([seed, sum(map(ord, sid)), len(role)])
            # E4 start rows are whole unix seconds
            on_abs = math.floor(ms_unix + p["on"])
            on = on_abs - ms_unix
            off = p["off"]
            w = Wearer(prng, on, off, p["rest_hr"], p["scl0"], p["walks"],
                       p["episodes"] + p["arousals_outside"])
            sig = w.simulate()
            parts = s["parts"].get(role)
            if parts:
                g0, g1 = parts
                g1 = on + math.ceil(g1 - on)
                write_e4(os.path.join(folder, role + "_e4_1"), on_abs, sig, on, g0, on)
                write_e4(os.path.join(folder, role + "_e4_2"), on_abs + (g1 - on), sig, g1, off, on)
                wearables[role] = [role + "_e4_1", role + "_e4_2"]
                spans = [[on, g0], [g1, off]]
            else:
                write_e4(os.path.join(folder, role + "_e4"), on_abs, sig, on, off, on)
                wearables[role] = role + "_e4"
                spans = [[on, off]]
            entry["wearers"][role] = {"spans": spans, "rest_hr": p["rest_hr"], "walks": p["walks"],
                                      "episodes": p["episodes"], "arousals_outside": p["arousals_outside"]}
        if s["day"] is None:
            text, date = "2026-03-29T01:30:00Z", "2026-03-29"
        else:
            text, date = iso(ms_utc, s["media_offset_h"], frac=frac)
        sj = {"session_id": sid, "therapist_id": "T6", "client_id": "C6-" + sid[:2],
              "session_number": 1, "media_start": text, "wearables": wearables,
              "annotations": [], "consent": {"supervision": True, "research": True},
              "duration_s": dur}
        with open(os.path.join(folder, "session.json"), "w") as f:
            json.dump(sj, f, indent=1)
        entry.update(media_start=text, media_start_unix=ms_unix, session_date=date)
        plan["sessions"].append(entry)
        if "F" in s["extra"]:
            # the same session written with other offsets and notations: identical outputs expected
            variants = [("F1-plus0200-cest", 2, False, False, None), ("F2-minus0500", -5, False, False, None),
                        ("F3-plus0100-basic-space", 1, True, True, None), ("F4-plus0530-fraction", 5.5, False, False, ".000")]
            for vid, oh, basic, space, vfrac in variants:
                vf = os.path.join(root, vid)
                shutil.copytree(folder, vf)
                text, date = iso(ms_utc, oh, basic=basic, space=space, frac=vfrac)
                sj2 = dict(sj, session_id=vid, media_start=text, client_id="C6-" + vid[:2])
                with open(os.path.join(vf, "session.json"), "w") as f:
                    json.dump(sj2, f, indent=1)
                e2 = json.loads(json.dumps(entry))
                e2.update(session_id=vid, media_start=text, session_date=date, same_as="F0-utc")
                plan["sessions"].append(e2)
    with open(os.path.join(out, "plan.json"), "w") as f:
        json.dump(plan, f, indent=1)


if __name__ == "__main__":
    main()
