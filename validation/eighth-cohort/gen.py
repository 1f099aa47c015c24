#!/usr/bin/env python3
"""Eighth independent cohort: the range of people who wear the bands.

gen.py SEED DIR writes DIR/sessions/<id>/{session.json, client/, therapist/} as plain E4 CSV
exports and DIR/plan.json. Python 3 standard library only; its own physiology model, written
from the project README and DOMAIN.md section 4 (no product code or other generator read):

* EDA (4 Hz, uS): a tonic level (per wearer type) wandering as an Ornstein-Uhlenbeck process,
  a slow hydration drift, and skin conductance responses as Bateman functions (rise 0.75 s,
  decay 4 s time constants) at a Poisson rate per wearer type;
* heart: beat by beat, 60 / HR(t) plus respiratory sinus arrhythmia and a 0.1 Hz wave; ectopic
  (premature + compensatory) beats or an irregular (atrial-fibrillation-like) rhythm for some
  types; IBI.csv holds the beats of the stretches the device trusts; HR.csv a 10 s average from
  10 s after the start; BVP (64 Hz) a pulse wave per beat with sensor noise;
* ACC (32 Hz, 1/64 g): gravity, small 2-6 Hz hand movement (fidget), gestures (gross movement);
* TEMP (4 Hz, degC): a level, warming for cold hands, a fall in arousal (vasoconstriction).

A planted client arousal: raised-cosine rise of 10-30 s from the onset, held to 2-4 min, then a
45 s fall: tonic EDA + k * level, SCR rate up, HR +10-15 bpm, RSA halved, skin temperature -0.4.
"""
import calendar
import json
import math
import os
import random
import sys
import time

# wearer types: (name, parameters); each drawn per wearer from its seeded generator
TYPES = [
    "typical", "low_eda", "high_eda", "labile", "low_hr", "high_hr", "ectopic", "afib",
    "weak_pulse", "cold_hands", "fidgety", "motionless", "dominant_hand", "nondominant_hand",
]


def wearer_params(kind, rng):
    p = {
        "type": kind,
        "scl": rng.uniform(2.0, 8.0),
        "scr_rate": rng.uniform(1.0, 3.0),  # per minute at rest
        "scr_amp": 0.15,  # median amplitude uS
        "hr": rng.uniform(64, 78),
        "rsa_s": rng.uniform(0.025, 0.045),
        "lf_s": rng.uniform(0.01, 0.02),
        "jitter_s": 0.008,
        "ectopic_every": None,
        "afib": False,
        "bvp_amp": rng.uniform(40, 80),
        "ibi_good_mean_s": 60.0,
        "ibi_bad_mean_s": 12.0,
        "temp": rng.uniform(32.0, 34.5),
        "temp_warm": 0.0,
        "fidget_share": 0.1,
        "gesture_pause": (30.0, 90.0),  # seconds between gestures
        "gesture_len": (1.0, 4.0),
        "noise_acc": 1.0,
    }
    if kind == "low_eda":
        p["scl"] = rng.uniform(0.06, 0.2)
        p["scr_rate"] = rng.uniform(0.05, 0.3)
        p["scr_amp"] = 0.03
    elif kind == "high_eda":
        p["scl"] = rng.uniform(15.0, 30.0)
        p["scr_amp"] = 0.6
    elif kind == "labile":
        p["scr_rate"] = rng.uniform(6.0, 10.0)
    elif kind == "low_hr":
        p["hr"] = rng.uniform(45, 50)
        p["rsa_s"] = rng.uniform(0.08, 0.12)
        p["lf_s"] = rng.uniform(0.03, 0.05)
    elif kind == "high_hr":
        p["hr"] = rng.uniform(95, 105)
        p["rsa_s"] = rng.uniform(0.003, 0.006)
        p["lf_s"] = 0.003
        p["jitter_s"] = 0.002
    elif kind == "ectopic":
        p["ectopic_every"] = (20, 60)
    elif kind == "afib":
        p["afib"] = True
        p["hr"] = rng.uniform(78, 92)
    elif kind == "weak_pulse":
        p["bvp_amp"] = rng.uniform(40, 80) / rng.uniform(5, 10)
        p["ibi_good_mean_s"] = 10.0
        p["ibi_bad_mean_s"] = 40.0
    elif kind == "cold_hands":
        p["temp"] = rng.uniform(26.0, 28.0)
        p["temp_warm"] = rng.uniform(2.0, 3.0)
    elif kind == "fidgety":
        p["fidget_share"] = 0.8
        p["gesture_pause"] = (60.0, 180.0)
    elif kind == "motionless":
        p["fidget_share"] = 0.0
        p["gesture_pause"] = (1e9, 1e9)
        p["noise_acc"] = 0.6
    elif kind == "dominant_hand":
        p["gesture_pause"] = (6.0, 25.0)
        p["gesture_len"] = (1.0, 6.0)
    elif kind == "nondominant_hand":
        p["gesture_pause"] = (90.0, 240.0)
        p["gesture_len"] = (1.0, 3.0)
    return p


def arousal_fn(ep):
    """Arousal 0..1 at recording time t (s)."""
    if ep is None:
        return lambda t: 0.0
    on, ramp, hold_end, fall = ep["onset_rec"], ep["ramp_s"], ep["hold_end_rec"], 45.0

    def a(t):
        if t < on:
            return 0.0
        if t < on + ramp:
            return 0.5 - 0.5 * math.cos(math.pi * (t - on) / ramp)
        if t < hold_end:
            return 1.0
        if t < hold_end + fall:
            return 0.5 + 0.5 * math.cos(math.pi * (t - hold_end) / fall)
        return 0.0
    return a


def ou(rng, n, dt, sd, tau):
    out, x = [], rng.gauss(0, sd)
    k = math.exp(-dt / tau)
    s = sd * math.sqrt(1 - k * k)
    for _ in range(n):
        out.append(x)
        x = x * k + rng.gauss(0, s)
    return out


def gestures(p, rng, total):
    """List of (start, end) gesture bursts (gross movement) in recording time."""
    out, t = [], rng.uniform(*p["gesture_pause"]) if p["gesture_pause"][0] < 1e8 else 1e12
    while t < total:
        ln = rng.uniform(*p["gesture_len"])
        out.append((t, t + ln))
        t += ln + rng.uniform(*p["gesture_pause"])
    return out


def fidget_bouts(p, rng, total):
    out, t = [], 0.0
    if p["fidget_share"] <= 0:
        return out
    while t < total:
        on = rng.uniform(10, 60) * p["fidget_share"] / 0.8 if p["fidget_share"] >= 0.5 else rng.uniform(5, 20)
        off = rng.uniform(2, 10) if p["fidget_share"] >= 0.5 else rng.uniform(60, 200)
        out.append((t + off, t + off + on))
        t += off + on
    return out


def in_any(spans, t):
    for a, b in spans:
        if a <= t < b:
            return True
        if a > t:
            return False
    return False


def write(path, header_rows, rows):
    with open(path, "w") as f:
        for h in header_rows:
            f.write(h + "\n")
        f.write("\n".join(rows))
        f.write("\n")


def gen_wearer(folder, p, rng, start_unix, total, ep):
    os.makedirs(folder, exist_ok=True)
    a = arousal_fn(ep)
    scale = p["scl"]
    dscl = ep["dscl"] if ep else 0.0
    moves = gestures(p, rng, total)
    fid = fidget_bouts(p, rng, total)
    st = "%.6f" % start_unix
    # ---- EDA 4 Hz
    n = int(total * 4)
    wander = ou(rng, n, 0.25, 0.04 * scale, 120.0)
    drift = rng.uniform(0.0, 0.05) * scale
    eda = [scale + wander[i] + drift * i / n + dscl * a(i / 4) for i in range(n)]
    t, scr_times = 0.0, []
    while t < total:
        rate = p["scr_rate"] + (ep["dscr"] * a(t) if ep else 0.0)
        t += rng.expovariate(max(rate, 1e-3) / 60.0)
        if t < total:
            scr_times.append(t)
    # (the rate is taken at the previous response: close enough for a rise of 10-30 s)
    tr, td = 0.75, 4.0
    tpk = math.log(td / tr) * tr * td / (td - tr)
    norm = math.exp(-tpk / td) - math.exp(-tpk / tr)
    for ts in scr_times:
        amp = p["scr_amp"] * math.exp(rng.gauss(0, 0.5))
        i0 = int(math.ceil(ts * 4))
        for i in range(i0, min(n, i0 + 120)):
            u = i / 4 - ts
            eda[i] += amp * (math.exp(-u / td) - math.exp(-u / tr)) / norm
    noise = 0.0015 + 0.0005 * scale
    eda_rows = ["%.6f" % max(0.0, v + rng.gauss(0, noise)) for v in eda]
    write(os.path.join(folder, "EDA.csv"), [st, "4.000000"], eda_rows)
    # ---- beats
    beats = [rng.uniform(0, 0.8)]
    hrw = ou(rng, int(total) + 2, 1.0, 1.5, 60.0)
    f_resp = rng.uniform(0.2, 0.3)
    phi = rng.uniform(0, 6.28)
    next_ect = rng.randint(*p["ectopic_every"]) if p["ectopic_every"] else None
    kinds = []
    pending_comp = None
    while beats[-1] < total + 2:
        tb = beats[-1]
        ar = a(tb)
        hr = p["hr"] + hrw[min(int(tb), len(hrw) - 1)] + (ep["dhr"] * ar if ep else 0.0)
        base = 60.0 / hr
        if p["afib"]:
            ibi = base * math.exp(rng.gauss(0, 0.18))
            ibi = min(max(ibi, 0.33), 1.8)
            kind = "n"
        else:
            rsa = p["rsa_s"] * (1 - 0.5 * ar)
            ibi = (base + rsa * math.sin(2 * math.pi * f_resp * tb)
                   + p["lf_s"] * math.sin(2 * math.pi * 0.1 * tb + phi) + rng.gauss(0, p["jitter_s"]))
            kind = "n"
            if pending_comp is not None:
                ibi, kind, pending_comp = pending_comp, "c", None
            elif next_ect is not None:
                next_ect -= 1
                if next_ect <= 0:
                    pre = ibi * rng.uniform(0.6, 0.7)
                    pending_comp = 2 * ibi - pre
                    ibi, kind = pre, "e"
                    next_ect = rng.randint(*p["ectopic_every"])
        beats.append(tb + ibi)
        kinds.append(kind)
    # device IBI stretches it trusts: alternating good and bad spans, bad during gestures
    spans, t, good = [], 0.0, True
    while t < total + 5:
        ln = rng.expovariate(1.0 / (p["ibi_good_mean_s"] if good else p["ibi_bad_mean_s"]))
        if good:
            spans.append((t, t + ln))
        t += ln
        good = not good
    ibi_rows = []
    for k in range(1, len(beats)):
        tb = beats[k]
        if tb >= total:
            break
        if in_any(spans, tb) and in_any(spans, beats[k - 1]) and not in_any(moves, tb):
            ibi_rows.append("%.6f,%.6f" % (tb, tb - beats[k - 1]))
    write(os.path.join(folder, "IBI.csv"), [st + ", IBI"], ibi_rows)
    # HR.csv: 10 s average of the rate from 10 s after the start, 1 Hz
    hr_rows, j0 = [], 0
    for s in range(10, int(total)):
        while j0 < len(beats) and beats[j0] < s - 10:
            j0 += 1
        j = j0
        ib = []
        while j + 1 < len(beats) and beats[j + 1] <= s:
            ib.append(beats[j + 1] - beats[j])
            j += 1
        hr_rows.append("%.2f" % (60.0 / (sum(ib) / len(ib)) if ib else 0.0))
    write(os.path.join(folder, "HR.csv"), ["%.6f" % (start_unix + 10), "1.000000"], hr_rows)
    # ---- BVP 64 Hz
    nb = int(total * 64)
    ptt = 0.22
    k = 0
    amp = p["bvp_amp"]
    bvp_rows = []
    for i in range(nb):
        s = i / 64.0 - ptt
        while k + 1 < len(beats) - 1 and beats[k + 1] <= s:
            k += 1
        ib = beats[k + 1] - beats[k]
        u = (s - beats[k]) / ib if s >= beats[k] else 0.9
        w = math.exp(-((u - 0.15) / 0.07) ** 2) + 0.35 * math.exp(-((u - 0.45) / 0.08) ** 2) - 0.25
        v = amp * w + 0.1 * amp * math.sin(2 * math.pi * f_resp * i / 64.0) + rng.gauss(0, 1.0)
        if in_any(moves, i / 64.0):
            v += rng.gauss(0, 2.5 * max(amp, 20))
        bvp_rows.append("%.2f" % v)
    write(os.path.join(folder, "BVP.csv"), [st, "64.000000"], bvp_rows)
    # ---- ACC 32 Hz, 1/64 g
    na = int(total * 32)
    pitch = rng.uniform(-0.6, 0.6)
    roll = rng.uniform(-0.6, 0.6)
    ffreq = rng.uniform(2.5, 5.0)
    famp = rng.uniform(1.3, 1.9)  # 0.02-0.03 g: small, under the gross-movement threshold (1 s MAD of |a| at 0.09 g)
    acc_rows = []
    gi = 0
    for i in range(na):
        t = i / 32.0
        x = 64 * math.sin(pitch)
        y = 64 * math.cos(pitch) * math.sin(roll)
        z = 64 * math.cos(pitch) * math.cos(roll)
        if in_any(fid, t):
            o = famp * math.sin(2 * math.pi * ffreq * t)
            x += o
            y += 0.6 * o
        while gi < len(moves) and moves[gi][1] < t:
            gi += 1
        if gi < len(moves) and moves[gi][0] <= t < moves[gi][1]:
            g = 18 * math.sin(2 * math.pi * 1.5 * t)
            x += g
            z += 0.7 * g
            y += 8 * math.sin(2 * math.pi * 0.9 * t)
        x += rng.gauss(0, p["noise_acc"])
        y += rng.gauss(0, p["noise_acc"])
        z += rng.gauss(0, p["noise_acc"])
        acc_rows.append("%d,%d,%d" % (round(x), round(y), round(z)))
    write(os.path.join(folder, "ACC.csv"), [st + ", " + st + ", " + st, "32.000000, 32.000000, 32.000000"],
          acc_rows)
    # ---- TEMP 4 Hz
    tw = ou(rng, n, 0.25, 0.05, 120.0)
    temp_rows = []
    tau = total / 2.0
    for i in range(n):
        t = i / 4.0
        v = p["temp"] + p["temp_warm"] * (1 - math.exp(-t / tau)) / (1 - math.exp(-2.0)) + tw[i]
        v -= (ep["dtemp"] if ep else 0.0) * a(t - 20)
        temp_rows.append("%.2f" % (round((v + rng.gauss(0, 0.01)) / 0.02) * 0.02))
    write(os.path.join(folder, "TEMP.csv"), [st, "4.000000"], temp_rows)
    # facts for the plan: clean RMSSD of the sinus beats at rest, moved share
    diffs = []
    for k2 in range(2, len(kinds)):
        if kinds[k2] == "n" and kinds[k2 - 1] == "n" and a(beats[k2]) == 0:
            diffs.append((beats[k2 + 1] - beats[k2]) - (beats[k2] - beats[k2 - 1]))
    rmssd = 1000 * math.sqrt(sum(d * d for d in diffs) / len(diffs)) if diffs else None
    moved = sum(b - a2 for a2, b in moves if a2 < total)
    return {"type": p["type"], "scl_us": round(scale, 3), "scr_rate_per_min": round(p["scr_rate"], 2),
            "hr_bpm": round(p["hr"], 1), "rmssd_ms": round(rmssd, 1) if rmssd else None,
            "temp_c": round(p["temp"], 2), "temp_warm_c": round(p["temp_warm"], 2),
            "bvp_amp": round(amp, 1), "ibi_rows": len(ibi_rows), "beats": len(beats) - 1,
            "gesture_s": round(moved, 1), "gestures": len(moves), "scr_planted": len(scr_times)}


def main():
    seed, out = int(sys.argv[1]), sys.argv[2]
    rng = random.Random(seed)
    root = os.path.join(out, "sessions")
    os.makedirs(root, exist_ok=True)
    plan = {"seed": seed, "sessions": []}
    idx = 0
    for ti, kind in enumerate(TYPES):
        for cond in ("calm", "episode"):
            idx += 1
            sid = "H%02d" % idx
            srng = random.Random(seed * 1000 + idx)
            dur = srng.randint(20, 32) * 60
            lead = srng.uniform(60, 120)
            tail = srng.uniform(20, 60)
            total = lead + dur + tail
            media = calendar.timegm((2026, 3, 1, 9, 0, 0)) + 86400 * idx  # 10:00 at +01:00
            media_iso = time.strftime("%Y-%m-%dT10:00:00+01:00", time.gmtime(media))
            start = media - lead
            ep = None
            if cond == "episode":
                onset = srng.uniform(600, dur - 330)
                ramp = srng.uniform(10, 30)
                length = srng.uniform(120, 240)
                cp = wearer_params(kind, random.Random(seed * 7919 + idx))
                # the level change scales with the wearer's level (a response is larger on a
                # higher level); a near non-responder barely changes (its level 0.06-0.2 uS)
                dscl = 0.6 if kind not in ("low_eda", "high_eda") else (0.02 if kind == "low_eda" else 2.5)
                ep = {"onset_s": round(onset, 1), "onset_rec": onset + lead, "ramp_s": round(ramp, 1),
                      "length_s": round(length, 1), "hold_end_rec": onset + lead + length,
                      "dscl": dscl, "dscr": 4.0 if kind != "low_eda" else 0.3,
                      "dhr": srng.uniform(10, 15), "dtemp": 0.4}
            else:
                cp = wearer_params(kind, random.Random(seed * 7919 + idx))
            th_kind = TYPES[(ti * 5 + idx) % len(TYPES)]
            tp = wearer_params(th_kind, random.Random(seed * 104729 + idx))
            d = os.path.join(root, sid)
            os.makedirs(d, exist_ok=True)
            cfacts = gen_wearer(os.path.join(d, "client"), cp, random.Random(seed * 31 + idx), start, total, ep)
            tfacts = gen_wearer(os.path.join(d, "therapist"), tp, random.Random(seed * 37 + idx), start, total, None)
            sj = {"session_id": sid, "therapist_id": "T%d" % (1 + idx % 4), "client_id": "C%03d" % idx,
                  "session_number": 1, "media_start": media_iso,
                  "wearables": {"client": "client", "therapist": "therapist"}, "annotations": [],
                  "consent": {"supervision": True, "research": True}, "duration_s": dur}
            with open(os.path.join(d, "session.json"), "w") as f:
                json.dump(sj, f, indent=1)
            entry = {"session_id": sid, "condition": cond, "client": cfacts, "therapist": tfacts,
                     "duration_s": dur, "lead_s": round(lead, 2), "media_start_unix": media}
            if ep:
                entry["episode"] = {k: ep[k] for k in ("onset_s", "ramp_s", "length_s", "dscl", "dscr", "dhr", "dtemp")}
                entry["episode"]["dhr"] = round(ep["dhr"], 1)
            plan["sessions"].append(entry)
    with open(os.path.join(out, "plan.json"), "w") as f:
        json.dump(plan, f, indent=1)


if __name__ == "__main__":
    main()
