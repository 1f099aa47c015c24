"""Synthetic client-only sessions whose per-window features are known in closed form.

Each session is 720 s (12 minutes: the calibration stretch, minutes 2-6, lies inside), one client
wristband with EDA (4 Hz), TEMP (4 Hz), ACC (32 Hz, 1/64 g), IBI.csv and HR.csv (1 Hz, starting
10 s after the others, as the E4 writes it). No BVP.csv: heart rate comes from the device's beats
(the README's first source) or HR.csv. What each session plants (see plan.json it writes):

  const      EDA 2.0 uS, TEMP 33.0 degC, ACC (0, 0, 64) = 1 g, IBI 0.8 s (75 bpm), HR.csv 75:
             SCL 2.0, no SCR, hr 75, RMSSD = SDNN = 0, slope 0, |a| 1 g, fidget 0, movement 0.
  sine_hr    as const, but the instantaneous heart rate 70 + 6 sin(2 pi t / 60) bpm (period 60 s):
             the trailing 60 s always holds one full period, so hr_bpm ~ 70 bpm (60000 / mean
             interval; the mean interval of a sine rate is 60/70 s x (1 + (6/70)^2/2) to second
             order: 69.74 bpm).
  temp_ramp  TEMP 30 + 0.5 degC/min x t (a rise; 0.0125 degC per 4 Hz sample written to 4
             decimals): slope 0.5 degC/min in every window with a full trailing 60 s.
  acc_burst  ACC at rest, a 3 Hz oscillation of 0.5 g on z over 300-320 s (gross movement: MAD of
             |a| about 0.32 g >= 0.09 g) and a 4 Hz oscillation of 0.05 g over 420-450 s (fidget:
             MAD 0.032 g, below 0.09 g; dominant frequency 4 Hz).
  scr        EDA 3.0 uS plus an SCR every 60 s from 130 s: a rise of 0.4 uS over 2 s (half-cosine)
             recovering exponentially (tau 4 s): one SCR of 0.4 uS per minute.

usage: python3 synth.py OUT_ROOT
"""
import datetime
import json
import math
import os
import sys

T0 = 1767268800  # 2026-01-01T12:00:00Z
DUR = 720


def write_channel(path, header, rate, rows):
    with open(path, "w") as f:
        f.write(header + "\n" + rate + "\n")
        for r in rows:
            f.write(r + "\n")


def beats_from_phase(phase, dur):
    """Beat k at the time the cumulative phase (beats since 0 s) reaches k, by bisection."""
    ts, k = [], 1
    while True:
        lo, hi = 0.0, dur + 5.0
        if phase(hi) < k:
            break
        for _ in range(60):
            mid = (lo + hi) / 2
            if phase(mid) < k:
                lo = mid
            else:
                hi = mid
        if hi >= dur:
            break
        ts.append(round(hi, 6))
        k += 1
    return ts


def session(root, name, eda, temp, acc, hr_rate, phase):
    d = os.path.join(root, name, "client")
    os.makedirs(d, exist_ok=True)
    write_channel(os.path.join(d, "EDA.csv"), "%.6f" % T0, "4.000000",
                  ["%.6f" % eda(i / 4) for i in range(DUR * 4)])
    write_channel(os.path.join(d, "TEMP.csv"), "%.6f" % T0, "4.000000",
                  ["%.4f" % temp(i / 4) for i in range(DUR * 4)])
    write_channel(os.path.join(d, "ACC.csv"), ", ".join(["%.6f" % T0] * 3), ", ".join(["32.000000"] * 3),
                  [",".join(str(v) for v in acc(i / 32)) for i in range(DUR * 32)])
    beats = beats_from_phase(phase, DUR)
    rows = ["%.6f,%.6f" % (b, b - a) for a, b in zip(beats, beats[1:])]
    write_channel(os.path.join(d, "IBI.csv"), "%.6f, IBI" % T0, "", rows)
    # IBI.csv has no rate row: rewrite without the empty line
    with open(os.path.join(d, "IBI.csv"), "w") as f:
        f.write("%.6f, IBI\n" % T0 + "".join(r + "\n" for r in rows))
    write_channel(os.path.join(d, "HR.csv"), "%.6f" % (T0 + 10), "1.000000",
                  ["%.2f" % hr_rate(10 + i) for i in range(DUR - 10)])
    media = datetime.datetime.fromtimestamp(T0, datetime.timezone.utc)
    s = {"session_id": "SYN-" + name, "therapist_id": "T-SYN", "client_id": "C-" + name,
         "session_number": 1, "media_start": media.strftime("%Y-%m-%dT%H:%M:%SZ"),
         "duration_s": DUR, "wearables": {"client": "client"}, "annotations": [],
         "consent": {"supervision": True, "research": True}}
    with open(os.path.join(root, name, "session.json"), "w") as f:
        json.dump(s, f, indent=2)
    return {"session_id": s["session_id"], "beats": len(beats)}


def rest_acc(t):
    return (0, 0, 64)


def burst_acc(t):
    if 300 <= t < 320:
        return (0, 0, int(round(64 + 32 * math.sin(2 * math.pi * 3 * t))))
    if 420 <= t < 450:
        return (0, 0, int(round(64 + 3.2 * math.sin(2 * math.pi * 4 * t))))
    return (0, 0, 64)


def scr_eda(t):
    v = 3.0
    k = math.floor((t - 130) / 60)
    if t >= 130:
        t0 = 130 + 60 * k
        u = t - t0
        if u < 2:
            v += 0.4 * (1 - math.cos(math.pi * u / 2)) / 2
        else:
            v += 0.4 * math.exp(-(u - 2) / 4)
    return v


def main(root):
    plan = []
    c75 = (lambda t: 75.0, lambda t: 75.0 * t / 60)
    sine = (lambda t: 70 + 6 * math.sin(2 * math.pi * t / 60),
            lambda t: 70 * t / 60 + 6 / (2 * math.pi) * (1 - math.cos(2 * math.pi * t / 60)))
    plan.append(session(root, "const", lambda t: 2.0, lambda t: 33.0, rest_acc, *c75))
    plan.append(session(root, "sine_hr", lambda t: 2.0, lambda t: 33.0, rest_acc, *sine))
    plan.append(session(root, "temp_ramp", lambda t: 2.0, lambda t: 30 + 0.5 * t / 60, rest_acc, *c75))
    plan.append(session(root, "acc_burst", lambda t: 2.0, lambda t: 33.0, burst_acc, *c75))
    plan.append(session(root, "scr", scr_eda, lambda t: 33.0, rest_acc, *c75))
    with open(os.path.join(root, "..", "synth-plan.json"), "w") as f:
        json.dump(plan, f, indent=1)
    for p in plan:
        print(p["session_id"], p["beats"], "beats")


if __name__ == "__main__":
    main(sys.argv[1])
