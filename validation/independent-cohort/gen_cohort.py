#!/usr/bin/env python3
"""Independent held-out cohort generator for auditing session-review.

Python 3.11 stdlib only. Writes session folders (session.json, client/ and therapist/ E4 exports,
annotations.csv) plus plan.json (every planted fact with its true time, and the outcome expected
under DOMAIN.md sections 3-5 computed from the TRUE onset).

Usage: python3 gen_cohort.py --out DIR/cohort [--seed 20261207] (plan.json is written beside cohort/)

Physiology model (own design, not taken from the project):
  EDA 4 Hz = tonic (subject level + Ornstein-Uhlenbeck wander + optional slow drift + episode
  rise) + phasic (Bateman SCRs, Poisson arrivals, rate raised with arousal, log-normal
  amplitudes) + white noise, quantised to the E4's ~0.0009 uS step, 6 decimals.
  Cardiac: instantaneous HR = level + OU wander + episode rise, RSA at a drifting respiration
  rate (amplitude reduced in arousal), beats integrated with jitter; IBI.csv = intervals between
  detected consecutive beats (clustered drop-outs), quantised to 1/64 s like the E4; HR.csv =
  10 s trailing mean, 1 Hz, starting 10 s after the other channels; BVP 64 Hz = sum of pulse
  waves (systolic + diastolic Gaussian) with respiratory baseline, noise, motion bursts.
  ACC 32 Hz = gravity (posture vector, ~64 units of 1/64 g) + sensor noise + short gestures.
  TEMP 4 Hz = skin temperature with OU wander, small fall in arousal, quantised 0.01 degC.
Episodes: HR starts at the true onset T0; EDA starts 2-4 s later; temperature 10-20 s later.
"""
import argparse, json, math, os, random, datetime

FS_EDA, FS_BVP, FS_ACC, FS_TEMP = 4, 64, 32, 4
RESPONSE_CODES = ["INT_EMPATHIC_REFLECTION", "INT_VALIDATION", "INT_EXPLORE_FEELING",
                  "INT_REGULATE_ANXIETY", "INT_CLARIFY_DEFENSE", "INT_METACOMMUNICATION"]
EXPLICIT = set(RESPONSE_CODES + ["INT_INTERPRETATION_LINK"])
REDUCING = {"INT_TOPIC_SHIFT", "INT_ADVICE", "INT_REASSURANCE", "INT_INFO_QUESTION_CLOSED"}


# ----------------------------------------------------------------------------- shapes
def rise(shape, t, ramp):
    """0..1 rise of an episode t seconds after its (channel) onset."""
    if t <= 0:
        return 0.0
    u = t / ramp
    if shape == "step":  # raised cosine over a few seconds
        return 1.0 if u >= 1 else 0.5 - 0.5 * math.cos(math.pi * u)
    if u >= 1:
        return 1.0
    if shape == "linear":
        return u
    if shape == "saturating":
        return (1 - math.exp(-3 * u)) / (1 - math.exp(-3))
    if shape == "sshape":  # logistic, normalised to 0..1 over the ramp
        lo, hi = 1 / (1 + math.exp(5)), 1 / (1 + math.exp(-5))
        return (1 / (1 + math.exp(-10 * (u - 0.5))) - lo) / (hi - lo)
    raise ValueError(shape)


def episode_level(ep, t, lat):
    """Level 0..1 of episode ep at media time t for a channel with latency lat."""
    x = t - ep["onset_s"] - lat
    if x <= 0:
        return 0.0
    d = ep["duration_s"]
    if x <= d:
        return rise(ep["shape"], x, ep["ramp_s"])
    return rise(ep["shape"], d, ep["ramp_s"]) * math.exp(-(x - d) / ep["recovery_tau_s"])


def drift_level(dr, t, dur):
    """Drift in uS at media time t (starts at media time -inf -> 0 at session start)."""
    if dr is None:
        return 0.0
    u = max(0.0, t) / dur
    if dr["kind"] == "linear":
        return dr["total_us"] * min(u, 1.2)
    # saturating: 1 - exp(-t/tau), tau chosen so that 95 % is reached at end of the session
    return dr["total_us"] * (1 - math.exp(-3 * max(0.0, t) / dur)) / (1 - math.exp(-3))


# ----------------------------------------------------------------------------- noise
def ou(rng, n, dt, tau, sd):
    a = math.exp(-dt / tau)
    b = sd * math.sqrt(1 - a * a)
    x = rng.gauss(0, sd)
    out = []
    for _ in range(n):
        x = a * x + b * rng.gauss(0, 1)
        out.append(x)
    return out


# ----------------------------------------------------------------------------- one wearer
def make_wearer(rng, p, episodes, drift, lead, total, dur):
    """Return dict of channel -> list of lines (without headers) and beat list.
    Device time td in [0, total); media time = td - lead."""
    n4 = int(total * 4)
    # ---- EDA
    wander = ou(rng, n4, 0.25, 90.0, p["scl_wander_sd"])
    # SCR arrivals (Poisson, rate modulated by arousal: thinning)
    scrs = []
    t = 0.0
    max_rate = p["scr_rate_arousal"] / 60.0
    while t < total:
        t += rng.expovariate(max_rate)
        tm = t - lead
        g = max([episode_level(e, tm, e["eda_lat_s"]) for e in episodes] + [0.0])
        rate = (p["scr_rate_rest"] + (p["scr_rate_arousal"] - p["scr_rate_rest"]) * g) / 60.0
        if rng.random() < rate / max_rate:
            med = p["scr_amp_med"] * (1 + 1.0 * g)
            amp = min(2.0, med * math.exp(rng.gauss(0, 0.6)))
            scrs.append((t, amp))
    tau1, tau2 = 3.0, 0.7  # Bateman decay / rise time constants (s)
    tpk = math.log(tau1 / tau2) * tau1 * tau2 / (tau1 - tau2)
    norm = math.exp(-tpk / tau1) - math.exp(-tpk / tau2)
    phasic = [0.0] * n4
    for (t0, amp) in scrs:
        i0 = int(math.ceil(t0 * 4))
        for i in range(i0, min(n4, i0 + 4 * 25)):
            x = i / 4 - t0
            phasic[i] += amp * (math.exp(-x / tau1) - math.exp(-x / tau2)) / norm
    eda = []
    q = 0.000896
    for i in range(n4):
        tm = i / 4 - lead
        ton = p["scl0"] + wander[i] + drift_level(drift, tm, dur)
        for e in episodes:
            ton += e["eda_rise_us"] * episode_level(e, tm, e["eda_lat_s"])
        v = ton + phasic[i] + rng.gauss(0, 0.002)
        # E4 start-up: first second ramps from 0
        if i < 4:
            v *= i / 4
        v = max(0.0, round(v / q) * q)
        eda.append("%.6f" % v)

    # ---- temperature
    twander = ou(rng, n4, 0.25, 300.0, 0.12)
    temp = []
    for i in range(n4):
        tm = i / 4 - lead
        v = p["temp0"] + twander[i] + 0.3 * min(1.0, max(0.0, tm + lead) / 900)  # warm-up
        for e in episodes:
            v -= e["temp_fall_c"] * episode_level(e, tm, e["temp_lat_s"])
        v += rng.gauss(0, 0.01)
        temp.append("%.2f" % v)

    # ---- heart: instantaneous rate at 4 Hz
    hwander = ou(rng, n4, 0.25, 40.0, p["hr_wander_sd"])

    def hr_at(td):
        i = min(n4 - 1, max(0, int(td * 4)))
        tm = td - lead
        v = p["hr0"] + hwander[i]
        g = 0.0
        for e in episodes:
            lv = episode_level(e, tm, 0.0)
            v += e["hr_rise_bpm"] * lv
            g = max(g, lv)
        return v, g

    beats = []
    td = rng.uniform(0.2, 0.9)
    resp_phase = 0.0
    resp_f = p["resp_hz"]
    while td < total:
        base, g = hr_at(td)
        rsa = p["rsa_bpm"] * (1 - 0.45 * g)
        inst = base + rsa * math.sin(2 * math.pi * resp_phase)
        ibi = 60.0 / inst + rng.gauss(0, 0.008)
        beats.append(td)
        td += ibi
        resp_f = min(0.35, max(0.18, resp_f + rng.gauss(0, 0.004)))
        resp_phase += resp_f * ibi

    # ---- gestures (short hand movements, talking)
    gestures = []
    t = rng.uniform(20, 90)
    while t < total:
        gestures.append((t, rng.uniform(1.0, 3.0), rng.uniform(8, 18), rng.uniform(1.0, 2.5)))
        t += rng.expovariate(1.0 / p["gesture_every_s"])

    def in_gesture(td, pad=0.0):
        for (g0, gl, _, _) in gestures:
            if g0 - pad <= td <= g0 + gl + pad:
                return True
        return False

    # ---- BVP 64 Hz
    nb = int(total * FS_BVP)
    bvp = [0.0] * nb
    amp_w = ou(rng, len(beats) + 1, 1.0, 30.0, 0.12)
    for k, tb in enumerate(beats):
        a = p["bvp_amp"] * (1 + amp_w[k])
        ta = tb + 0.22  # pulse arrival
        i0 = int(ta * FS_BVP)
        for i in range(max(0, i0 - 8), min(nb, i0 + 56)):
            x = i / FS_BVP - ta
            bvp[i] += a * (math.exp(-((x - 0.10) / 0.075) ** 2) + 0.35 * math.exp(-((x - 0.38) / 0.09) ** 2) - 0.45 * math.exp(-((x + 0.05) / 0.06) ** 2))
    gi = 0
    bw = ou(rng, nb // 16 + 2, 0.25, 5.0, 6.0)
    bvp_lines = []
    for i in range(nb):
        t = i / FS_BVP
        v = bvp[i] - p["bvp_amp"] * 0.25 + 0.06 * p["bvp_amp"] * math.sin(2 * math.pi * p["resp_hz"] * t) + bw[i // 16] + rng.gauss(0, 1.5)
        bvp_lines.append(v)
    for (g0, gl, ga, gf) in gestures:
        for i in range(int(g0 * FS_BVP), min(nb, int((g0 + gl) * FS_BVP))):
            bvp_lines[i] += rng.gauss(0, 3 * ga)
    bvp_lines = ["%.2f" % v for v in bvp_lines]

    # ---- IBI.csv (detected consecutive beats only, clustered drop-outs, 1/64 s)
    det = []
    missing = False
    for tb in beats:
        if missing:
            if rng.random() < 0.25:
                missing = False
        else:
            if rng.random() < p["ibi_drop_p"]:
                missing = True
        det.append((not missing) and not in_gesture(tb, 1.0))
    ibi_lines = []
    for k in range(1, len(beats)):
        if det[k] and det[k - 1]:
            off = round(beats[k] * 64) / 64
            iv = round((beats[k] - beats[k - 1]) * 64) / 64
            ibi_lines.append("%.6f,%.6f" % (off, iv))

    # ---- HR.csv (1 Hz, trailing 10 s mean of beat rate, from 10 s)
    hr_lines = []
    j = 0
    for s in range(10, int(total)):
        lo = s - 10
        while j < len(beats) and beats[j] < lo:
            j += 1
        k = j
        rs = []
        while k + 1 < len(beats) and beats[k + 1] < s:
            rs.append(60.0 / (beats[k + 1] - beats[k]))
            k += 1
        hr_lines.append("%.2f" % (sum(rs) / len(rs) if rs else p["hr0"]))

    # ---- ACC 32 Hz
    na = int(total * FS_ACC)
    acc = []
    # posture vector, changes every few minutes (slow 3 s transition)
    def unit(rng):
        while True:
            x, y, z = rng.uniform(-0.6, 0.6), rng.uniform(-0.6, 0.6), rng.uniform(0.5, 1.0)
            m = math.sqrt(x * x + y * y + z * z)
            return (x / m, y / m, z / m)
    postures = [(0.0, unit(rng))]
    t = rng.uniform(200, 500)
    while t < total:
        postures.append((t, unit(rng)))
        t += rng.uniform(200, 600)
    pi_ = 0
    gptr = 0
    for i in range(na):
        t = i / FS_ACC
        while pi_ + 1 < len(postures) and postures[pi_ + 1][0] <= t:
            pi_ += 1
        v = postures[pi_][1]
        if pi_ > 0 and t - postures[pi_][0] < 3.0:
            w = (t - postures[pi_][0]) / 3.0
            u0 = postures[pi_ - 1][1]
            v = tuple(u0[c] * (1 - w) + v[c] * w for c in range(3))
        xs = [64 * v[c] + rng.gauss(0, 0.6) for c in range(3)]
        while gptr < len(gestures) and gestures[gptr][0] + gestures[gptr][1] < t:
            gptr += 1
        if gptr < len(gestures) and gestures[gptr][0] <= t:
            g0, gl, ga, gf = gestures[gptr]
            ph = 2 * math.pi * gf * (t - g0)
            xs[0] += ga * math.sin(ph)
            xs[1] += 0.6 * ga * math.sin(ph + 1.0)
            xs[2] += 0.4 * ga * math.cos(ph)
        acc.append("%d,%d,%d" % tuple(max(-128, min(127, int(round(x)))) for x in xs))
    return {"EDA": eda, "TEMP": temp, "BVP": bvp_lines, "IBI": ibi_lines, "HR": hr_lines, "ACC": acc,
            "n_scr": len(scrs), "n_beats": len(beats), "gestures": len(gestures)}


def write_e4(folder, ch, start_unix):
    os.makedirs(folder, exist_ok=True)
    s = "%.6f" % start_unix

    def w(name, header, lines):
        with open(os.path.join(folder, name), "w", newline="\n") as f:
            f.write(header)
            f.write("\n".join(lines))
            f.write("\n")
    w("EDA.csv", "%s\n4.000000\n" % s, ch["EDA"])
    w("TEMP.csv", "%s\n4.000000\n" % s, ch["TEMP"])
    w("BVP.csv", "%s\n64.000000\n" % s, ch["BVP"])
    w("ACC.csv", "%s, %s, %s\n32.000000, 32.000000, 32.000000\n" % (s, s, s), ch["ACC"])
    w("HR.csv", "%.6f\n1.000000\n" % (start_unix + 10), ch["HR"])
    w("IBI.csv", "%s, IBI\n" % s, ch["IBI"])


# ----------------------------------------------------------------------------- the plan
def build_plan(rng):
    shapes = ["step", "linear", "saturating", "sshape"]
    delays = [5, 15, 30, 60, None]
    sessions = []
    # episode sessions H01-H06: (duration_s, onsets)
    ep_sessions = [
        ("H01", 1800, [540, 1140]),
        ("H02", 2100, [560, 1150, 1700]),
        ("H03", 2400, [600, 1200, 1820]),
        ("H04", 1500, [520, 1060]),
        ("H05", 2280, [580, 1180, 1760]),
        ("H06", 2040, [620, 1230, 1650]),
    ]
    k = 0
    for sid, dur, onsets in ep_sessions:
        eps = []
        for j, on in enumerate(onsets):
            shape = shapes[k % 4]
            delay = delays[k % 5]
            ramp = rng.uniform(2.5, 5.0) if shape == "step" else rng.choice([30, 45, 60, 90, 120]) + rng.uniform(-3, 3)
            on = on + rng.uniform(-20, 20)
            dur_ep = rng.uniform(120, 360)
            ep = {"id": "%s-E%d" % (sid, j + 1), "onset_s": round(on, 2), "shape": shape, "ramp_s": round(ramp, 1),
                  "duration_s": round(dur_ep, 1), "recovery_tau_s": round(rng.uniform(40, 90), 1),
                  "eda_rise_us": round(rng.uniform(0.3, 2.0), 2), "hr_rise_bpm": round(rng.uniform(6, 15), 1),
                  "eda_lat_s": round(rng.uniform(2, 4), 2), "temp_lat_s": round(rng.uniform(10, 20), 1),
                  "temp_fall_c": round(rng.uniform(0.1, 0.35), 2),
                  "response_delay_s": delay, "response_code": RESPONSE_CODES[k % len(RESPONSE_CODES)] if delay is not None else None,
                  # voiced: a client cue coded 3 s before the response (or 5 s after the onset when no response)
                  "voiced": (k % 2 == 1)}
            eps.append(ep)
            k += 1
        sessions.append({"id": sid, "duration_s": dur, "episodes": eps, "client_drift": None, "therapist_drift": None})
    # two episodes get a space-reducing response instead (expected missed)
    sessions[3]["episodes"][1]["response_code"] = "INT_TOPIC_SHIFT"
    sessions[3]["episodes"][1]["response_delay_s"] = 8
    sessions[4]["episodes"][2]["response_code"] = "INT_REASSURANCE"
    sessions[4]["episodes"][2]["response_delay_s"] = 12
    # drift-only sessions
    sessions.append({"id": "H07", "duration_s": 2100, "episodes": [], "client_drift": {"kind": "linear", "total_us": 3.0}, "therapist_drift": None})
    sessions.append({"id": "H08", "duration_s": 2400, "episodes": [], "client_drift": {"kind": "saturating", "total_us": 5.0}, "therapist_drift": None})
    sessions.append({"id": "H09", "duration_s": 2220, "episodes": [], "client_drift": None, "therapist_drift": {"kind": "saturating", "total_us": 4.0}})
    sessions.append({"id": "H10", "duration_s": 2400, "episodes": [], "client_drift": {"kind": "linear", "total_us": 1.5}, "therapist_drift": {"kind": "linear", "total_us": 5.0}})
    return sessions


def wearer_params(rng, role):
    if role == "client":
        return {"scl0": rng.uniform(1.5, 6.0), "scl_wander_sd": rng.uniform(0.04, 0.10), "scr_rate_rest": rng.uniform(1.0, 2.5),
                "scr_rate_arousal": rng.uniform(5.0, 8.0), "scr_amp_med": rng.uniform(0.05, 0.12), "temp0": rng.uniform(32.0, 34.0),
                "hr0": rng.uniform(64, 82), "hr_wander_sd": rng.uniform(1.5, 2.5), "rsa_bpm": rng.uniform(3, 6), "resp_hz": rng.uniform(0.22, 0.3),
                "bvp_amp": rng.uniform(60, 140), "ibi_drop_p": rng.uniform(0.01, 0.03), "gesture_every_s": rng.uniform(90, 180)}
    return {"scl0": rng.uniform(1.0, 5.0), "scl_wander_sd": rng.uniform(0.04, 0.10), "scr_rate_rest": rng.uniform(1.0, 2.5),
            "scr_rate_arousal": 3.0, "scr_amp_med": rng.uniform(0.05, 0.12), "temp0": rng.uniform(32.0, 34.5),
            "hr0": rng.uniform(60, 78), "hr_wander_sd": rng.uniform(1.5, 2.5), "rsa_bpm": rng.uniform(3, 6), "resp_hz": rng.uniform(0.2, 0.3),
            "bvp_amp": rng.uniform(60, 140), "ibi_drop_p": rng.uniform(0.01, 0.03), "gesture_every_s": rng.uniform(60, 150)}


def annotations_for(rng, s):
    """Coded events; returns (rows, expected triggers, expected ruptures)."""
    rows = []  # (start, end, code, actor, intensity, significance)
    triggers = []
    for e in s["episodes"]:
        t0 = e["onset_s"]
        d = e["response_delay_s"]
        if d is not None:
            rows.append((round(t0 + d, 2), None, e["response_code"], "therapist", None, None))
        if e["voiced"]:
            tc = round(t0 + (d - 3 if d is not None else 5), 2)
            e["cue_s"] = tc
            rows.append((tc, None, "ANX_STR_HANDS", "client", 2, None))
        # expected per DOMAIN 5 from the TRUE onset: window [t0-10, t0+30]
        answered_onset = d is not None and (t0 - 10 <= t0 + d <= t0 + 30) and e["response_code"] in EXPLICIT
        answered_cue = True
        if e.get("cue_s") is not None:
            answered_cue = d is not None and e["response_code"] in EXPLICIT and (e["cue_s"] <= t0 + d <= e["cue_s"] + 10)
        e["expected_missed"] = not answered_onset or (e["voiced"] and (t0 - 10 <= e["cue_s"] <= t0 + 30) and not answered_cue)
        e["expected_missed_onset_only"] = not answered_onset
    ruptures = []
    dur = s["duration_s"]
    # cue-only triggers and ruptures in the episode-free sessions
    if s["id"] == "H07":
        cues = [(700, "AFF_CUE", None, "INT_VALIDATION", 4), (1200, "AFF_CONCERN", None, "INT_TOPIC_SHIFT", 3),
                (1500, "ANX_STR_SIGH", 1, None, None), (1800, "AFF_CUE", None, None, None)]
    elif s["id"] == "H08":
        cues = [(650, "ANX_STR_FIDGET", 3, "INT_REGULATE_ANXIETY", 7), (1300, "AFF_CUE", None, "INT_EMPATHIC_REFLECTION", 14),
                (1900, "AFF_CONCERN", None, "INT_ADVICE", 2)]
    elif s["id"] == "H09":
        cues = [(900, "AFF_CUE", None, "INT_EXPLORE_FEELING", 9)]
    else:
        cues = []
    for (t, code, inten, resp, d) in cues:
        rows.append((t, None, code, "client", inten, None))
        if resp:
            rows.append((t + d, None, resp, "therapist", None, None))
        is_trig = not (code.startswith("ANX_") and inten is not None and inten < 2)
        missed = is_trig and not (resp in EXPLICIT and d is not None and d <= 10)
        triggers.append({"t": t, "code": code, "intensity": inten, "response": resp, "delay": d, "trigger": is_trig, "expected_missed": missed})
    if s["id"] == "H10":
        # W resolved: markers 500, 560; repair 620; nothing of W within 120 s after
        rows += [(500, None, "RUP_W_MINIMAL", "client", None, 2), (560, None, "RUP_W_ABSTRACT", "client", None, 3),
                 (620, None, "RES_INVITE_DISCUSS_RELATIONSHIP", "therapist", None, 3)]
        ruptures.append({"class": "W", "start_s": 500, "expected": "resolved", "repair_s": 620})
        # C unaddressed: 1150, 1200
        rows += [(1150, None, "RUP_C_COMPLAINT_THERAPIST", "client", None, 3), (1200, None, "RUP_C_REJECTS_INTERVENTION", "client", None, 3)]
        ruptures.append({"class": "C", "start_s": 1150, "expected": "unaddressed", "repair_s": None})
        # W partially resolved: marker 1600, repair 1640, marker again 1700 (sig same)
        rows += [(1600, None, "RUP_W_DEFERENTIAL", "client", None, 2), (1640, None, "RES_LINK_PATTERN_IN_THERAPY", "therapist", None, 2),
                 (1700, None, "RUP_W_MINIMAL", "client", None, 2)]
        ruptures.append({"class": "W", "start_s": 1600, "expected": "partially_resolved", "repair_s": 1640})
        # C escalated: 2050 sig 2, repair 2080, C sig 4 at 2120
        rows += [(2050, None, "RUP_C_COMPLAINT_PROGRESS", "client", None, 2), (2080, None, "RES_RATIONALE", "therapist", None, 2),
                 (2120, None, "RUP_C_CONTROL_PRESSURE", "client", None, 4)]
        ruptures.append({"class": "C", "start_s": 2050, "expected": "escalated", "repair_s": 2080})
    if s["id"] == "H09":
        # W resolved via INT_METACOMMUNICATION (DOMAIN 3.2 counts it), C unaddressed
        rows += [(1300, None, "RUP_W_SELFCRIT_HOPELESS", "client", None, 3), (1345, None, "INT_METACOMMUNICATION", "therapist", None, None)]
        ruptures.append({"class": "W", "start_s": 1300, "expected": "resolved", "repair_s": 1345})
        rows += [(1900, None, "RUP_C_COMPLAINT_PARAMETERS", "client", None, 2)]
        ruptures.append({"class": "C", "start_s": 1900, "expected": "unaddressed", "repair_s": None})
    if s["id"] == "H02":
        # a rupture inside an episode session, far from episode windows: W unaddressed
        rows += [(900, None, "RUP_W_AVOID_STORY", "client", None, 2)]
        ruptures.append({"class": "W", "start_s": 900, "expected": "unaddressed", "repair_s": None})
    # background codes: structure at start, psychoeducation, positive affect, far (>=90 s) from
    # any trigger window, episode or rupture
    busy = []
    for e in s["episodes"]:
        busy.append((e["onset_s"] - 100, e["onset_s"] + e["duration_s"] + 100))
    for tr in triggers:
        busy.append((tr["t"] - 90, tr["t"] + 100))
    for r in ruptures:
        busy.append((r["start_s"] - 60, r["start_s"] + 500))
    rows.append((20.0, 70.0, "INT_STRUCTURE_AGENDA_HOMEWORK", "therapist", None, None))
    t = 150.0
    while t < dur - 60:
        if not any(a <= t <= b for a, b in busy):
            code = rng.choice(["AFF_POSITIVE", "INT_PSYCHOED_RATIONALE"])
            rows.append((round(t, 1), None, code, "client" if code.startswith("AFF") else "therapist", None, None))
        t += rng.uniform(150, 300)
    rows.sort(key=lambda r: r[0])
    return rows, triggers, ruptures


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=20261207)
    ap.add_argument("--only", default=None)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    plan = build_plan(rng)
    os.makedirs(a.out, exist_ok=True)
    tz = datetime.timezone(datetime.timedelta(hours=2))
    base = datetime.datetime(2026, 5, 4, 9, 0, 0, tzinfo=tz)
    out_plan = {"seed": a.seed, "sessions": []}
    for idx, s in enumerate(plan):
        srng = random.Random(a.seed * 100 + idx)
        ms = base + datetime.timedelta(days=idx * 2, hours=(idx % 3))
        media_unix = ms.timestamp()
        rows, triggers, ruptures = annotations_for(srng, s)
        folder = os.path.join(a.out, "%s_%s" % (ms.strftime("%Y-%m-%d"), s["id"]))
        therapist = "TA" if idx % 2 == 0 else "TB"
        meta = {"session_id": s["id"], "therapist_id": therapist, "client_id": "HC-%03d" % (idx + 1), "session_number": 1 + idx // 4,
                "media_start": ms.isoformat(), "duration_s": s["duration_s"],
                "wearables": {"client": "client", "therapist": "therapist"}, "annotations": ["codes.csv"],
                "consent": {"supervision": True, "research": True}}
        leads = {}
        if a.only is None or a.only == s["id"]:
            os.makedirs(folder, exist_ok=True)
            with open(os.path.join(folder, "session.json"), "w") as f:
                json.dump(meta, f, indent=2)
            with open(os.path.join(folder, "codes.csv"), "w", newline="\n") as f:
                f.write("start,end,code,actor,intensity,significance\n")
                for (st, en, code, actor, inten, sig) in rows:
                    f.write("%s,%s,%s,%s,%s,%s\n" % (st, "" if en is None else en, code, actor, "" if inten is None else inten, "" if sig is None else sig))
            for role in ("client", "therapist"):
                wrng = random.Random(a.seed * 1000 + idx * 10 + (0 if role == "client" else 1))
                p = wearer_params(wrng, role)
                lead = round(wrng.uniform(60, 200))
                tail = wrng.uniform(30, 120)
                total = lead + s["duration_s"] + tail
                eps = s["episodes"] if role == "client" else []
                drift = s["client_drift"] if role == "client" else s["therapist_drift"]
                ch = make_wearer(wrng, p, eps, drift, lead, total, s["duration_s"])
                write_e4(os.path.join(folder, role), ch, media_unix - lead)
                leads[role] = {"lead_s": lead, "total_s": round(total, 2), "params": {k: round(v, 3) for k, v in p.items()},
                               "n_scr": ch["n_scr"], "n_beats": ch["n_beats"], "gestures": ch["gestures"],
                               "lines": {k: len(ch[k]) for k in ("EDA", "TEMP", "BVP", "IBI", "HR", "ACC")}}
            print("wrote", folder, flush=True)
        out_plan["sessions"].append({"id": s["id"], "folder": folder, "duration_s": s["duration_s"], "media_start": ms.isoformat(),
                                     "client_drift": s["client_drift"], "therapist_drift": s["therapist_drift"],
                                     "episodes": s["episodes"], "cue_triggers": triggers, "ruptures": ruptures, "wearers": leads,
                                     "n_annotations": len(rows)})
    if a.only is None:
        with open(os.path.join(os.path.dirname(a.out.rstrip("/")), "plan.json"), "w") as f:
            json.dump(out_plan, f, indent=1)


if __name__ == "__main__":
    main()
