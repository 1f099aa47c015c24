#!/usr/bin/env python3
"""Fourth independent synthetic cohort: dyadic EDA synchrony (DOMAIN.md 4.3 A, B, D, E; 4.4).

gen.py SEED DIR [--nulls N]  writes one folder per dyad session under DIR (client/ and therapist/ EDA.csv,
session.json, annotations.jsonl) and DIR/plan.json with every planted coupling and the outcome
expected from DOMAIN.md. stdlib only, fixed seeds. Written from DOMAIN.md and the README alone.

Signals: each person's EDA = tonic level + slow AR(1) wander (tau 40 s, sd 0.25 uS) + SCRs
(Poisson 4/min, amplitude exp(mean 0.12 uS), rise 1 s / decay 4 s) + white noise 0.004 uS, 4 Hz.
--nulls N: only N uncoupled dyads (the false-positive batch).
Coupling: h(t) = mu_h + sign * (c(t - lag) - mu_c) + w * own_h_dev(t); lag > 0 = therapist follows.
"""
import json, math, os, random, sys

FS = 4
MEDIA_START_UTC = 1772442000  # 2026-03-02T09:00:00Z


def person(rng, n, mu):
    x = [0.0] * n
    a = math.exp(-1.0 / (40 * FS))
    s = 0.25 * math.sqrt(1 - a * a)
    v = 0.0
    for i in range(n):
        v = a * v + rng.gauss(0, s)
        x[i] = v
    # SCRs
    t = 0.0
    while True:
        t += rng.expovariate(4 / 60.0)
        i0 = int(t * FS)
        if i0 >= n:
            break
        amp = rng.expovariate(1 / 0.12)
        for j in range(i0, min(n, i0 + 40 * FS)):
            d = (j - i0) / FS
            x[j] += amp * (1 - math.exp(-d / 1.0)) * math.exp(-d / 4.0) / 0.53
    return [mu + xi + rng.gauss(0, 0.004) for xi in x]


def write_e4(folder, start, values, rate=FS):
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "EDA.csv"), "w") as f:
        f.write("%.6f\n%.6f\n" % (start, rate))
        for v in values:
            f.write("%.6f\n" % v)


def iso(ts):
    import datetime
    return datetime.datetime.fromtimestamp(ts, datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S+00:00")


def make(seed, out, nulls=None):
    rng = random.Random(seed)
    plan = {"seed": seed, "sessions": [], "batch": "nulls" if nulls else "scenarios"}
    specs = []
    for i in range(nulls or 12):
        specs.append(dict(kind="null"))
    if not nulls:
      specs += [
        dict(kind="follow", lag=1, w=0.5), dict(kind="follow", lag=2, w=0.5),
        dict(kind="follow", lag=4, w=0.5), dict(kind="follow", lag=2, w=1.0),
        dict(kind="follow", lag=-2, w=0.5), dict(kind="follow", lag=-4, w=0.5),
        dict(kind="antiphase", lag=0, w=0.5),
        dict(kind="partial_unaddressed", lag=2, w=0.5),
        dict(kind="partial_resolved", lag=2, w=0.5),
        dict(kind="full_unaddressed", lag=2, w=0.5),
        dict(kind="drift_linear"), dict(kind="drift_sine"),
        dict(kind="clocks", lag=2, w=0.5), dict(kind="clocks2", lag=-3, w=0.5),
        # added after the first run: a strong coupling lost after the rupture, and a 900 s
        # session (independent 0-300, coupled 300-600, rupture at 600, independent after) where
        # the reference before the rupture (preceding 300 s) and the rest of the session differ
        dict(kind="partial_strong", lag=2, w=0.2),
        dict(kind="drop_preceding", lag=2, w=0.2, dur=900),
      ]
    day = 0
    for k, sp in enumerate(specs):
        sid = "S%d-%02d-%s" % (seed, k, sp["kind"])
        folder = os.path.join(out, sid)
        os.makedirs(folder, exist_ok=True)
        dur = sp.get("dur", 600)
        media = MEDIA_START_UTC + 86400 * (seed * 40 + k)
        c_start, c_len = 0.0, dur   # relative to media start, seconds
        h_start, h_len = 0.0, dur
        if sp["kind"] == "clocks":
            c_start, c_len = -45.0, 685.0
            h_start, h_len = 13.25, 567.0
        if sp["kind"] == "clocks2":
            c_start, c_len = 0.0, 600.0
            h_start, h_len = -30.5, 640.0
        # absolute grid from -60 s to dur+60 s, 4 Hz, on which everything is generated
        g0 = -60.0
        N = int((dur + 120) * FS)
        mu_c = rng.uniform(2.0, 6.0)
        mu_h = rng.uniform(3.0, 8.0)
        c = person(rng, N, mu_c)
        own = person(rng, N, mu_h)
        h = list(own)
        lag = sp.get("lag", 0)
        w = sp.get("w", 1.0)
        coupled_until = None
        if sp["kind"] in ("follow", "antiphase", "partial_unaddressed", "partial_resolved",
                          "full_unaddressed", "clocks", "clocks2", "partial_strong", "drop_preceding"):
            sign = -1.0 if sp["kind"] == "antiphase" else 1.0
            L = int(round(lag * FS))
            for i in range(N):
                j = i - L
                if 0 <= j < N:
                    h[i] = mu_h + sign * (c[j] - mu_c) + w * (own[i] - mu_h)
            if sp["kind"].startswith("partial"):
                coupled_until = 300.0
                cut = int((coupled_until - g0) * FS)
                # after the cut: independent, continuous level (shift own to join smoothly)
                off = h[cut - 1] - own[cut]
                for i in range(cut, N):
                    h[i] = own[i] + off
            if sp["kind"] == "drop_preceding":
                coupled_until = 600.0
                a, b = int((300.0 - g0) * FS), int((600.0 - g0) * FS)
                for i in list(range(0, a)) + list(range(b, N)):
                    h[i] = own[i]
                off = h[a] - own[a - 1]
                for i in range(a, b):
                    h[i] -= off
                off = h[b - 1] - own[b]
                for i in range(b, N):
                    h[i] = own[i] + off
        if sp["kind"] == "drift_linear":
            for i in range(N):
                d = 3.0 * (i / FS + g0) / dur
                c[i] += d
                h[i] += d
        if sp["kind"] == "drift_sine":
            for i in range(N):
                d = 1.0 * math.sin(2 * math.pi * (i / FS + g0) / 300.0)
                c[i] += d
                h[i] += d
        gaps = []
        if sp["kind"] == "clocks":
            gaps = [[200.0, 260.0]]
            a, b = int((200.0 - g0) * FS), int((260.0 - g0) * FS)
            for i in range(a, b):
                h[i] = 0.0
        ci0 = int((c_start - g0) * FS)
        hi0 = int((h_start - g0) * FS)
        cvals = c[ci0:ci0 + int(c_len * FS)]
        hvals = h[hi0:hi0 + int(h_len * FS)]
        write_e4(os.path.join(folder, "client"), media + c_start, cvals)
        write_e4(os.path.join(folder, "therapist"), media + h_start, hvals)
        ann = []
        if sp["kind"] == "drop_preceding":
            ann.append({"start": 600.0, "code": "RUP_W_MINIMAL", "actor": "client", "significance": 3})
        if sp["kind"] in ("partial_unaddressed", "partial_resolved", "full_unaddressed", "partial_strong"):
            ann.append({"start": 300.0, "code": "RUP_W_MINIMAL", "actor": "client", "significance": 3})
            if sp["kind"] == "partial_resolved":
                ann.append({"start": 320.0, "code": "RES_INVITE_DISCUSS_RELATIONSHIP", "actor": "therapist", "significance": 3})
        with open(os.path.join(folder, "annotations.jsonl"), "w") as f:
            for a in ann:
                f.write(json.dumps(a) + "\n")
        sj = {"session_id": sid, "therapist_id": "T4-%d" % (k % 3), "client_id": "C4-%d-%d" % (seed, k),
              "session_number": 1, "media_start": iso(media), "duration_s": dur,
              "wearables": {"client": "client", "therapist": "therapist"},
              "annotations": ["annotations.jsonl"],
              "consent": {"supervision": True, "research": True}}
        with open(os.path.join(folder, "session.json"), "w") as f:
            json.dump(sj, f, indent=1)
        coupled = sp["kind"] not in ("null", "drift_linear", "drift_sine")
        exp = {
            # DOMAIN 4.3 B/D: percentile > 95 = above chance
            # strong couplings inside SUSY's +-3 s must be above chance; a 4 s lag lies outside the
            # session index's lags and the moderate coupling (w = 1) is a question of power:
            # neither is derivable from DOMAIN (first plan said True: plan mistake, see README)
            "above_chance": (True if abs(lag) <= 3 and w < 1.0 else None) if coupled else (False if sp["kind"] == "null" else None),
            "peak_lag_s": lag if coupled else None,
            "z_lag0_sign": (-1 if sp["kind"] == "antiphase" else 1) if coupled else None,
            "leader": ("client" if lag > 0 else "therapist" if lag < 0 else None) if coupled else None,
            # README synchrony/: a drop after an unaddressed rupture; --list-options: standardised
            # difference <= -0.5 SD. Derivable for the strong couplings only; partial_unaddressed
            # (w = 0.5) is judged against the reference computation of that difference instead
            "synchrony_drop": True if sp["kind"] in ("partial_strong", "drop_preceding") else (None if sp["kind"] == "partial_unaddressed" else False),
            "rupture_outcome": {"partial_unaddressed": "unaddressed", "full_unaddressed": "unaddressed",
                                "partial_resolved": "resolved", "partial_strong": "unaddressed",
                                "drop_preceding": "unaddressed"}.get(sp["kind"]),
        }
        plan["sessions"].append({"session_id": sid, "kind": sp["kind"], "lag_s": lag if coupled else None,
                                 "own_weight": w if coupled else None, "coupled_until_s": coupled_until,
                                 "media_start_unix": media, "duration_s": dur,
                                 "client_span_s": [c_start, c_start + c_len],
                                 "therapist_span_s": [h_start, h_start + h_len],
                                 "therapist_contact_loss_s": gaps, "annotations": ann, "expected": exp})
    with open(os.path.join(out, "plan.json"), "w") as f:
        json.dump(plan, f, indent=1)


if __name__ == "__main__":
    nulls = int(sys.argv[4]) if len(sys.argv) > 4 and sys.argv[3] == "--nulls" else None
    make(int(sys.argv[1]), sys.argv[2], nulls)
