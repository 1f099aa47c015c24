#!/usr/bin/env python3
"""Independent dyad cohort generator (audit 2). Written from DOMAIN.md + README input contract only.

Usage: gen.py OUTDIR seed [seed...]
Writes OUTDIR/<session folder>/ {session.json, client/, therapist/, codes.(jsonl|csv)} and OUTDIR/../plan.json
(plan.json lists every planted fact with the DOMAIN.md outcome computed from the TRUE onset).
"""
import json, math, os, random, sys

MEDIA_START_UNIX = 1772442000  # 2026-03-02T09:00:00Z

# ---------------------------------------------------------------- latent processes

def ou(rng, n, dt, sd, tau):
    """Ornstein-Uhlenbeck series, stationary SD sd, time constant tau."""
    a = math.exp(-dt / tau)
    b = sd * math.sqrt(1 - a * a)
    x = rng.gauss(0, sd)
    out = [0.0] * n
    for i in range(n):
        x = a * x + b * rng.gauss(0, 1)
        out[i] = x
    return out


def rise(shape, u):
    """0..1 over u in [0,1]."""
    u = min(max(u, 0.0), 1.0)
    if shape == 'sat':
        return (1 - math.exp(-3 * u)) / (1 - math.exp(-3))
    if shape == 'lin':
        return u
    return 0.5 * (1 - math.cos(math.pi * u))  # raised cosine (also 'step' with short ramp)


class Episode:
    def __init__(self, **kw):
        self.__dict__.update(kw)

    def act(self, t, tau=None, lag=0.0):
        """activation 0..1 at latent time t (s from media start)."""
        t = t - lag
        if t <= self.onset:
            return 0.0
        if t < self.onset + self.ramp:
            return rise(self.shape, (t - self.onset) / self.ramp)
        pe = self.onset + self.ramp + self.plateau
        if t <= pe:
            return 1.0
        return math.exp(-(t - pe) / (tau if tau else self.tau))

    def true_end(self):
        return self.onset + self.ramp + self.plateau + self.tau * math.log(2)


# ---------------------------------------------------------------- one wearer

class Wearer:
    def __init__(self, rng, role, p):
        self.rng = rng
        self.role = role
        self.p = p  # dict of person params
        self.episodes = []  # Episode
        self.gestures = []  # (start, dur, amp)
        self.fidgets = []  # (start, end, amp)
        self.offwrist = []  # (start, end, kind) kind: 'eda' contact loss or 'off' not worn
        self.sighs = []  # times of sighs (each an SCR)

    def arousal(self, t, ch):
        """sum of episode activations for channel ch."""
        s = 0.0
        for e in self.episodes:
            if ch == 'eda':
                a = e.act(t, tau=e.tau_eda, lag=1.5)
            elif ch == 'temp':
                a = e.act(t, tau=e.tau * 3, lag=8.0)
            else:
                a = e.act(t)
            s += a * getattr(e, 'd_' + ch)
        return s

    def gesture_level(self, t):
        g = 0.0
        for (s, d, amp) in self.gestures:
            if s <= t <= s + d:
                g = max(g, amp)
        return g

    def off_state(self, t):
        for (s, e, k) in self.offwrist:
            if s <= t <= e:
                return k
        return None

    def time_since_rewear(self, t):
        best = None
        for (s, e, k) in self.offwrist:
            if t > e:
                best = t - e if best is None else min(best, t - e)
        return best

    # ---- writers
    def write(self, folder, t_start, t_end):
        """t_start, t_end in media seconds (integers)."""
        os.makedirs(folder, exist_ok=True)
        rng = self.rng
        p = self.p
        unix0 = MEDIA_START_UNIX + t_start
        dur = t_end - t_start
        # ---------------- EDA 4 Hz
        fs = 4
        n = dur * fs
        wander = ou(rng, n, 1 / fs, p['eda_wander'], 150.0)
        # spontaneous + episode SCRs via Poisson
        scr = [0.0] * (n + 200)
        base_rate = p['scr_rate'] / 60.0  # per s
        for i in range(n):
            t = t_start + i / fs
            mult = 1.0
            for e in self.episodes:
                mult += (e.scr_mult - 1) * e.act(t, tau=e.tau_eda, lag=1.5)
            if rng.random() < base_rate * mult / fs:
                amp = p['scr_amp'] * math.exp(rng.gauss(0, 0.5))
                self._add_scr(scr, i, amp, fs)
        for ts in self.sighs:
            i = int((ts + 1.5 - t_start) * fs)
            if 0 <= i < n:
                self._add_scr(scr, i, p['scr_amp'] * 2.0, fs)
        lines = ['%d.000000' % unix0, '%d.000000' % fs]
        for i in range(n):
            t = t_start + i / fs
            v = p['eda_floor'] + wander[i] + self.arousal(t, 'eda') + scr[i] + p['drift'](t)
            st = self.off_state(t)
            if st is not None:
                v = abs(rng.gauss(0.01, 0.008))
            else:
                tr = self.time_since_rewear(t)
                if tr is not None and tr < 400:
                    v *= 1 - math.exp(-tr / 60.0)  # electrode re-hydrates
            v += rng.gauss(0, 0.003)
            v = max(v, 0.0)
            lines.append('%.6f' % v)
        _w(folder, 'EDA.csv', lines)
        # ---------------- TEMP 4 Hz
        twander = ou(rng, n, 1 / fs, 0.12, 400.0)
        lines = ['%d.00' % unix0, '%d.00' % fs]
        tval = None
        for i in range(n):
            t = t_start + i / fs
            target = p['temp0'] + twander[i] + self.arousal(t, 'temp')
            st = self.off_state(t)
            if st == 'off':
                target = 25.0
            if tval is None:
                tval = target
            # first-order sensor response (skin/air contact), tau 40 s
            tval += (target - tval) * (1 / fs) / 40.0
            lines.append('%.2f' % (tval + rng.gauss(0, 0.015)))
        _w(folder, 'TEMP.csv', lines)
        # ---------------- beats
        beats = []  # times (media s)
        t = t_start + rng.random()
        hrw = ou(rng, int(dur) + 2, 1.0, p['hr_wander'], 60.0)
        phase = 0.0
        while t < t_end:
            k = min(int(t - t_start), len(hrw) - 1)
            hr = p['hr0'] + hrw[k] + self.arousal(t, 'hr')
            a_rsa = p['rsa'] * (1 - min(0.9, self.arousal(t, 'rsa')))
            fr = p['resp_hz'] * (1 + 0.25 * min(1.0, self.arousal(t, 'rsa')))
            ibi = 60.0 / hr + a_rsa * math.sin(2 * math.pi * phase) + rng.gauss(0, 0.006)
            phase += fr * ibi
            t += ibi
            beats.append(t)
        # ---------------- IBI.csv: device drops beats in bursts, more during movement
        lines = ['%d.000000, IBI' % unix0]
        good = True
        for j in range(1, len(beats)):
            tb = beats[j]
            mov = self.gesture_level(tb) > 0 or self.off_state(tb) is not None
            if mov:
                good = False
            elif good and rng.random() < p['ibi_drop']:
                good = False
            elif not good and rng.random() < 0.08:
                good = True
            if good and not mov and beats[j - 1] >= t_start:
                lines.append('%.6f,%.6f' % (tb - t_start, tb - beats[j - 1]))
        _w(folder, 'IBI.csv', lines)
        # ---------------- HR.csv 1 Hz, starts 10 s later, trailing 10 s mean
        lines = ['%d.000000' % (unix0 + 10), '1.000000']
        j0 = 0
        for s in range(10, int(dur)):
            tt = t_start + s
            while j0 < len(beats) and beats[j0] < tt - 12:
                j0 += 1
            ws = []
            for j in range(max(1, j0), len(beats)):
                if beats[j] > tt:
                    break
                if beats[j] >= tt - 10:
                    ws.append(beats[j] - beats[j - 1])
            if ws:
                lines.append('%.2f' % (60.0 / (sum(ws) / len(ws))))
            else:
                lines.append('%.2f' % (p['hr0']))
        _w(folder, 'HR.csv', lines)
        # ---------------- ACC 32 Hz + BVP 64 Hz
        fa = 32
        na = dur * fa
        gx, gy, gz = p['grav']
        post = [ou(rng, na // 32 + 2, 1.0, 3.0, 300.0) for _ in range(3)]
        lines = ['%d, %d, %d' % (unix0, unix0, unix0), '32.000000, 32.000000, 32.000000']
        gest_phase = [rng.random() * 6 for _ in range(6)]
        motion_amp = [0.0] * na
        for i in range(na):
            t = t_start + i / fa
            k = i // 32
            x, y, z = gx + post[0][k], gy + post[1][k], gz + post[2][k]
            g = self.gesture_level(t)
            if g > 0:
                x += g * (math.sin(2 * math.pi * 0.9 * t + gest_phase[0]) + 0.6 * math.sin(2 * math.pi * 1.7 * t + gest_phase[1]))
                y += g * (math.sin(2 * math.pi * 1.3 * t + gest_phase[2]) + 0.5 * math.sin(2 * math.pi * 0.6 * t + gest_phase[3]))
                z += 0.7 * g * math.sin(2 * math.pi * 1.1 * t + gest_phase[4])
                motion_amp[i] = g
            for (fs0, fe, famp) in self.fidgets:
                if fs0 <= t <= fe:
                    x += famp * math.sin(2 * math.pi * 3.2 * t)
                    y += 0.5 * famp * math.sin(2 * math.pi * 3.2 * t + 1)
            if self.off_state(t) == 'off':
                x, y, z = 0.0, 0.0, 64.0  # lying on the table
            r = lambda v: max(-127, min(127, int(round(v + rng.gauss(0, 0.6)))))
            lines.append('%d,%d,%d' % (r(x), r(y), r(z)))
        _w(folder, 'ACC.csv', lines)
        fb = 64
        nb = dur * fb
        bvp = [0.0] * nb
        for tb in beats:
            amp = p['bvp_amp'] * (1 - 0.25 * min(1.0, self.arousal(tb, 'rsa')))
            i0 = int((tb - t_start) * fb)
            for d in range(-6, 50):
                i = i0 + d
                if 0 <= i < nb:
                    tau = (t_start + i / fb) - tb
                    bvp[i] += amp * (math.exp(-((tau - 0.12) / 0.06) ** 2) + 0.35 * math.exp(-((tau - 0.38) / 0.08) ** 2) - 0.25)
        lines = ['%d.000000' % unix0, '64.000000']
        ph = [rng.random() * 6 for _ in range(3)]
        for i in range(nb):
            t = t_start + i / fb
            v = bvp[i] + 8 * math.sin(2 * math.pi * p['resp_hz'] * t) + rng.gauss(0, 1.5)
            g = self.gesture_level(t)
            if g > 0:  # motion artifact: large low-frequency swings
                v += 6 * g * (math.sin(2 * math.pi * 1.1 * t + ph[0]) + math.sin(2 * math.pi * 2.3 * t + ph[1]) + 0.7 * math.sin(2 * math.pi * 0.7 * t + ph[2]))
                v += rng.gauss(0, 2 * g)
            if self.off_state(t) == 'off':
                v = rng.gauss(0, 3)
            lines.append('%.2f' % v)
        _w(folder, 'BVP.csv', lines)

    @staticmethod
    def _add_scr(arr, i, amp, fs):
        # Bateman-like, rise ~1.5-2 s, recovery tau 5 s; normalised peak = amp
        t1, t2 = 5.0, 0.9
        tp = math.log(t1 / t2) * t1 * t2 / (t1 - t2)
        pk = math.exp(-tp / t1) - math.exp(-tp / t2)
        for d in range(0, 40 * fs):
            j = i + d
            if j >= len(arr):
                break
            tt = d / fs
            arr[j] += amp * (math.exp(-tt / t1) - math.exp(-tt / t2)) / pk


def _w(folder, name, lines):
    with open(os.path.join(folder, name), 'w') as f:
        f.write('\n'.join(lines))
        f.write('\n')


# ---------------------------------------------------------------- persons

def person(rng, role, kind='normal'):
    p = dict(
        eda_floor=rng.uniform(1.5, 6.0), eda_wander=0.12, scr_rate=rng.uniform(1.0, 3.0), scr_amp=0.12,
        hr0=rng.uniform(68, 84), hr_wander=2.0, rsa=rng.uniform(0.035, 0.06), resp_hz=rng.uniform(0.2, 0.28),
        temp0=rng.uniform(32.5, 34.0), bvp_amp=rng.uniform(60, 120), ibi_drop=rng.uniform(0.005, 0.02),
        grav=(rng.uniform(-20, 5), rng.uniform(10, 30), rng.uniform(45, 58)), drift=lambda t: 0.0)
    p['eda_wander'] = 0.03 + 0.04 * p['eda_floor']
    p['scr_amp'] = 0.04 + 0.03 * p['eda_floor']
    if kind == 'low_eda':
        p.update(eda_floor=rng.uniform(0.15, 0.25), eda_wander=0.02, scr_amp=0.025, scr_rate=1.0)
    if kind == 'high_eda':
        p.update(eda_floor=rng.uniform(12, 18), eda_wander=0.5, scr_amp=0.5)
    if kind == 'eda_nonresponder':
        p.update(eda_floor=rng.uniform(0.6, 1.0), eda_wander=0.05, scr_amp=0.03, scr_rate=0.3)
    return p


def make_episode(rng, role, onset, cond, shape=None, **over):
    shape = shape or rng.choice(['step', 'rc20', 'rc45', 'sat40', 'lin60'])
    ramp = {'step': 4.0, 'rc20': 20.0, 'rc45': 45.0, 'sat40': 40.0, 'lin60': 60.0}[shape]
    sh = {'step': 'rc', 'rc20': 'rc', 'rc45': 'rc', 'sat40': 'sat', 'lin60': 'lin'}[shape]
    e = dict(role=role, onset=float(onset), shape_name=shape, shape=sh, ramp=ramp, plateau=rng.uniform(60, 200), tau=40.0,
             tau_eda=60.0, d_eda=rng.uniform(0.6, 1.4), d_hr=rng.uniform(9, 15), d_rsa=0.6, d_temp=-rng.uniform(0.2, 0.4),
             scr_mult=3.0, cond=cond)
    e.update(over)
    return Episode(**e)


# ---------------------------------------------------------------- sessions

RESP_EXPLICIT = ['INT_EMPATHIC_REFLECTION', 'INT_EXPLORE_FEELING', 'INT_REGULATE_ANXIETY', 'INT_VALIDATION']


def build_session(seed, d):
    rng = random.Random(seed * 1000 + d)
    cond = ['baseline_contaminated', 'long', 'short', 'hr_only', 'eda_only', 'close_slow_recovery', 'artifacts_late_start',
            'amplitude_extremes', 'late_start_only', 'dense_gestures_only', 'mild_contaminated', 'hr_only_normal_eda',
            'contaminated_with_baseline_code'][d]
    dur = {'baseline_contaminated': 32, 'long': 75, 'short': 15, 'hr_only': 35, 'eda_only': 35, 'close_slow_recovery': 40,
           'artifacts_late_start': 45, 'amplitude_extremes': 30, 'late_start_only': 40, 'dense_gestures_only': 35,
           'mild_contaminated': 32, 'hr_only_normal_eda': 35, 'contaminated_with_baseline_code': 32}[cond] * 60 + rng.randint(-90, 90)
    if cond == 'short':
        dur = 15 * 60 + rng.randint(-30, 30)
    ckind = {'hr_only': 'eda_nonresponder', 'amplitude_extremes': 'low_eda'}.get(cond, 'normal')
    tkind = 'high_eda' if cond == 'amplitude_extremes' else 'normal'
    cl = Wearer(rng, 'client', person(rng, 'client', ckind))
    th = Wearer(rng, 'therapist', person(rng, 'therapist', tkind))
    # recording spans (media seconds)
    c0, c1 = -rng.randint(60, 300), dur + rng.randint(30, 240)
    t0, t1 = -rng.randint(20, 400), dur + rng.randint(30, 240)
    plan_notes = []

    # gestures: each speaker gestures now and then; dense in the artifacts condition
    def gestures(w, every, lo, hi, amp):
        t = rng.uniform(0, every)
        while t < dur + 200:
            w.gestures.append((t, rng.uniform(lo, hi), rng.uniform(*amp)))
            t += rng.expovariate(1.0 / every)
    gestures(cl, 90, 2, 6, (8, 25))
    gestures(th, 70, 2, 6, (8, 25))

    cep = []  # client episodes
    tep = []
    if cond == 'baseline_contaminated':
        # anticipatory arousal from before the video to ~minute 6, decaying (not a planted episode to find)
        pre = make_episode(rng, 'client', c0 - 10, 'pre_session_arousal', shape='step', plateau=float(-c0 + rng.randint(150, 220)),
                           tau=120.0, tau_eda=150.0, d_eda=rng.uniform(1.0, 1.8), d_hr=rng.uniform(10, 16))
        cl.episodes.append(pre)
        plan_notes.append('client aroused from before the video, decaying from %.0f s (tau 120-150 s): calibration min 2-6 contaminated' % (pre.onset + pre.ramp + pre.plateau))
        for on in (rng.uniform(780, 900), rng.uniform(1350, 1500)):
            cep.append(make_episode(rng, 'client', on, 'after_contaminated_baseline'))
        tep.append(make_episode(rng, 'therapist', rng.uniform(1100, 1250), 'therapist'))
    elif cond == 'long':
        amp = rng.uniform(1.0, 2.0)
        cl.p['drift'] = lambda t, a=amp: a * (1 - math.exp(-max(t, 0) / 1500.0))
        plan_notes.append('client EDA hydration drift +%.2f uS saturating tau 25 min' % amp)
        for on in (rng.uniform(700, 800), rng.uniform(1500, 1700), rng.uniform(2500, 2700), rng.uniform(3600, 3900)):
            cep.append(make_episode(rng, 'client', on, 'long_session'))
        # a sustained 12-min arousal
        cep.append(make_episode(rng, 'client', rng.uniform(3000, 3100), 'long_sustained', plateau=720.0))
        cep.sort(key=lambda e: e.onset)
        tep.append(make_episode(rng, 'therapist', rng.uniform(1000, 1200), 'therapist'))
        tep.append(make_episode(rng, 'therapist', rng.uniform(2000, 2300), 'therapist'))
    elif cond == 'short':
        cep.append(make_episode(rng, 'client', rng.uniform(450, 560), 'short_session', plateau=rng.uniform(60, 120)))
    elif cond == 'hr_only':
        for on in (rng.uniform(600, 700), rng.uniform(1150, 1300), rng.uniform(1650, 1800)):
            cep.append(make_episode(rng, 'client', on, 'hr_only', d_eda=0.0, scr_mult=1.0, d_hr=rng.uniform(10, 16)))
    elif cond == 'eda_only':
        for on in (rng.uniform(600, 700), rng.uniform(1150, 1300), rng.uniform(1650, 1800)):
            cep.append(make_episode(rng, 'client', on, 'eda_only', d_hr=rng.uniform(1.5, 3.5), d_rsa=0.1, d_temp=-0.1,
                                    d_eda=rng.uniform(0.8, 1.6), scr_mult=4.0))
    elif cond == 'close_slow_recovery':
        a = rng.uniform(600, 700)
        cep.append(make_episode(rng, 'client', a, 'close_first', plateau=rng.uniform(50, 70), tau_eda=rng.uniform(200, 300)))
        cep.append(make_episode(rng, 'client', a + rng.uniform(140, 180), 'close_second', plateau=rng.uniform(50, 70), tau_eda=rng.uniform(200, 300)))
        b = rng.uniform(1500, 1600)
        cep.append(make_episode(rng, 'client', b, 'slow_recovery_first', plateau=rng.uniform(90, 120), tau_eda=rng.uniform(300, 400)))
        cep.append(make_episode(rng, 'client', b + rng.uniform(300, 360), 'after_slow_recovery', plateau=rng.uniform(60, 90)))
        tep.append(make_episode(rng, 'therapist', rng.uniform(1000, 1200), 'therapist'))
    elif cond == 'artifacts_late_start':
        c0 = rng.randint(420, 540)  # client wristband started 7-9 min into the video
        t1 = dur - rng.randint(240, 360)  # therapist's stopped 4-6 min early
        plan_notes.append('client E4 starts at %d s; therapist E4 ends at %d s of %d' % (c0, t1, dur))
        gestures(cl, 25, 3, 9, (15, 40))
        on1 = c0 + rng.uniform(400, 500)
        cep.append(make_episode(rng, 'client', on1, 'late_start_plain'))
        # contact loss (EDA only) 60-90 s
        cls = on1 + rng.uniform(400, 500)
        cl.offwrist.append((cls, cls + rng.uniform(60, 90), 'eda'))
        # episode with a gesture burst right at its onset
        on2 = cls + rng.uniform(300, 360)
        cep.append(make_episode(rng, 'client', on2, 'gesture_at_onset'))
        cl.gestures.append((on2 - 3, 12.0, 35.0))
        # not worn 3 min
        nw = on2 + rng.uniform(420, 480)
        cl.offwrist.append((nw, nw + rng.uniform(150, 200), 'off'))
        on3 = nw + rng.uniform(420, 520)
        if on3 < dur - 300:
            cep.append(make_episode(rng, 'client', on3, 'after_rewear'))
        plan_notes.append('client EDA contact loss %.0f-%.0f; not worn %.0f-%.0f' % (cl.offwrist[0][0], cl.offwrist[0][1], cl.offwrist[1][0], cl.offwrist[1][1]))
        tep.append(make_episode(rng, 'therapist', rng.uniform(900, 1300), 'therapist'))
    elif cond == 'amplitude_extremes':
        for on in (rng.uniform(700, 800), rng.uniform(1300, 1450)):
            cep.append(make_episode(rng, 'client', on, 'low_eda_client', d_eda=rng.uniform(0.06, 0.15), scr_mult=3.0))
        for on in (rng.uniform(900, 1000), rng.uniform(1500, 1650)):
            tep.append(make_episode(rng, 'therapist', on, 'high_eda_therapist', d_eda=rng.uniform(2.0, 4.0)))
    if cond == 'late_start_only':
        c0 = rng.randint(420, 540)
        plan_notes.append('client E4 starts at %d s' % c0)
        for k, on in enumerate((c0 + rng.uniform(400, 500), c0 + rng.uniform(1000, 1100), c0 + rng.uniform(1600, 1700))):
            cep.append(make_episode(rng, 'client', on, 'late_start_only'))
    elif cond == 'dense_gestures_only':
        gestures(cl, 25, 3, 9, (15, 40))
        for on in (rng.uniform(600, 700), rng.uniform(1150, 1300), rng.uniform(1650, 1800)):
            cep.append(make_episode(rng, 'client', on, 'dense_gestures_only'))
    elif cond in ('mild_contaminated', 'contaminated_with_baseline_code'):
        mild = cond == 'mild_contaminated'
        pre = make_episode(rng, 'client', c0 - 10, 'pre_session_arousal', shape='step', plateau=float(-c0 + rng.randint(60, 120)),
                           tau=90.0, tau_eda=120.0, d_eda=rng.uniform(0.4, 0.6) if mild else rng.uniform(1.0, 1.8),
                           d_hr=rng.uniform(4, 6) if mild else rng.uniform(10, 16))
        cl.episodes.append(pre)
        plan_notes.append('client pre-session arousal d_eda %.2f d_hr %.1f decaying from %.0f s' % (pre.d_eda, pre.d_hr, pre.onset + pre.ramp + pre.plateau))
        for on in (rng.uniform(780, 900), rng.uniform(1350, 1500)):
            cep.append(make_episode(rng, 'client', on, cond))
    elif cond == 'hr_only_normal_eda':
        for on in (rng.uniform(600, 700), rng.uniform(1150, 1300), rng.uniform(1650, 1800)):
            cep.append(make_episode(rng, 'client', on, 'hr_only_normal_eda', d_eda=0.0, scr_mult=1.0, d_hr=rng.uniform(10, 16)))
    # fidgeting in some client episodes
    for e in cep:
        if rng.random() < 0.3:
            cl.fidgets.append((e.onset + 5, e.onset + e.ramp + e.plateau, rng.uniform(2, 4)))
    cl.episodes.extend(cep)
    th.episodes.extend(tep)

    # ------------------------------------------------------------ annotations
    ann = []
    opp = []
    delays = [5, 15, 25, 60, None, 'reduce']
    rng.shuffle(delays)
    k = rng.randint(0, 5)
    for i, e in enumerate(cep):
        dl = delays[(k + i) % len(delays)]
        voiced = rng.random() < 0.6
        cue_t = None
        if voiced:
            cue_t = e.onset + rng.uniform(8, 25)
            ann.append(dict(start=round(cue_t, 1), code=rng.choice(['ANX_STR_HANDS', 'ANX_STR_TENSION', 'ANX_STR_FIDGET']), actor='client', intensity=1))
            if rng.random() < 0.5:
                cl.sighs.append(cue_t)
        resp = None
        if dl == 'reduce':
            resp = e.onset + 10
            ann.append(dict(start=round(resp, 1), code=rng.choice(['INT_TOPIC_SHIFT', 'INT_ADVICE', 'INT_INFO_QUESTION_CLOSED']), actor='therapist'))
        elif dl is not None:
            resp = e.onset + dl
            ann.append(dict(start=round(resp, 1), code=rng.choice(RESP_EXPLICIT), actor='therapist'))
        answered = dl not in (None, 'reduce', 60)
        excluded = None
        if e.onset < 120:
            excluded = 'first 120 s'
        elif e.onset - max(c0, 0) < 120:
            excluded = 'less than 120 s of client data before the onset'
        opp.append(dict(kind='episode_onset', onset=e.onset, cond=e.cond, delay=dl, voiced=voiced, cue_t=cue_t,
                        expected=('excluded' if excluded else ('answered' if answered else 'missed')),
                        expected_kind=(None if excluded or answered else ('missed_opportunity' if voiced else 'unvoiced_arousal')),
                        excluded=excluded))
    # coded cue triggers away from episodes
    busy = [(e.onset - 120, e.true_end() + 120) for e in cl.episodes]
    cue_delays = [3, 8, 20, None, 'reduce']
    rng.shuffle(cue_delays)
    placed = 0
    tries = 0
    while placed < 3 and tries < 200:
        tries += 1
        t = rng.uniform(200, dur - 60)
        if any(a <= t <= b for a, b in busy) or any(abs(t - o.get('t', -1e9)) < 60 for o in opp):
            continue
        if cond == 'artifacts_late_start' and t < c0 + 130:
            continue
        code = rng.choice(['AFF_CUE', 'AFF_CONCERN', 'ANX_STR_SIGH', 'ANX_SMO'])
        rec = dict(start=round(t, 1), code=code, actor='client')
        if code.startswith('ANX'):
            rec['intensity'] = rng.choice([2, 3])
        if code == 'ANX_STR_SIGH':
            cl.sighs.append(t)
        ann.append(rec)
        dl = cue_delays[placed % len(cue_delays)]
        if dl == 'reduce':
            ann.append(dict(start=round(t + 4, 1), code='INT_REASSURANCE', actor='therapist'))
        elif dl is not None:
            ann.append(dict(start=round(t + dl, 1), code=rng.choice(RESP_EXPLICIT), actor='therapist'))
        answered = dl not in (None, 'reduce', 20)
        opp.append(dict(kind='coded_cue', t=t, code=code, delay=dl, expected='answered' if answered else 'missed',
                        expected_kind=None if answered else 'missed_opportunity'))
        busy.append((t - 60, t + 60))
        placed += 1
    if cond == 'contaminated_with_baseline_code':
        ann.append(dict(start=540.0, end=720.0, code='BASELINE', actor='client'))
    # filler therapist codes far from triggers (not responses to anything): structure / psychoed
    for t in range(60, dur - 60, 400):
        if all(not (a - 60 <= t <= b + 60) for a, b in busy):
            ann.append(dict(start=float(t), end=float(t + 20), code='INT_PSYCHOED_RATIONALE', actor='therapist'))
    ann.sort(key=lambda r: r['start'])

    sid = 'A2-S%d-D%d' % (seed, d)
    folder_name = '%s_%s' % (sid, cond)
    return dict(sid=sid, folder=folder_name, cond=cond, dur=dur, cl=cl, th=th, spans=dict(client=(c0, c1), therapist=(t0, t1)),
                ann=ann, opp=opp, notes=plan_notes, fmt='csv' if d % 3 == 2 else 'jsonl')


def write_session(root, s):
    folder = os.path.join(root, s['folder'])
    os.makedirs(folder, exist_ok=True)
    c0, c1 = s['spans']['client']
    t0, t1 = s['spans']['therapist']
    s['cl'].write(os.path.join(folder, 'client'), c0, c1)
    s['th'].write(os.path.join(folder, 'therapist'), t0, t1)
    if s['fmt'] == 'jsonl':
        fn = 'codes.jsonl'
        with open(os.path.join(folder, fn), 'w') as f:
            for r in s['ann']:
                f.write(json.dumps(r) + '\n')
    else:
        fn = 'codes.csv'
        with open(os.path.join(folder, fn), 'w') as f:
            f.write('start,end,code,actor,intensity\n')
            for r in s['ann']:
                f.write('%s,%s,%s,%s,%s\n' % (r['start'], r.get('end', ''), r['code'], r['actor'], r.get('intensity', '')))
    sj = dict(session_id=s['sid'], therapist_id='TA%d' % (int(s['sid'][-1]) % 3 + 1), client_id='CL-%s' % s['sid'],
              session_number=1, media_start='2026-03-02T10:00:00+01:00', duration_s=s['dur'],
              wearables=dict(client='client', therapist='therapist'), annotations=[fn],
              consent=dict(supervision=True, research=True))
    with open(os.path.join(folder, 'session.json'), 'w') as f:
        json.dump(sj, f, indent=2)


def plan_of(s):
    def ep(e):
        return dict(role=e.role, onset=round(e.onset, 2), shape=e.shape_name, ramp=e.ramp, plateau=round(e.plateau, 1),
                    true_end=round(e.true_end(), 1), d_eda=round(e.d_eda, 3), d_hr=round(e.d_hr, 2), d_temp=round(e.d_temp, 2),
                    tau_eda=round(e.tau_eda, 1), scr_mult=e.scr_mult, cond=e.cond)
    return dict(session_id=s['sid'], folder=s['folder'], condition=s['cond'], duration_s=s['dur'], spans=s['spans'],
                episodes=[ep(e) for e in s['cl'].episodes + s['th'].episodes],
                opportunities=s['opp'], notes=s['notes'], annotation_format=s['fmt'],
                offwrist=[dict(start=a, end=b, kind=k) for a, b, k in s['cl'].offwrist],
                gestures_client=len(s['cl'].gestures))


if __name__ == '__main__':
    out = sys.argv[1]
    seeds = [int(x) for x in sys.argv[2:]]
    os.makedirs(out, exist_ok=True)
    plan = []
    ds = [int(x) for x in os.environ.get('DYADS', '0,1,2,3,4,5,6,7').split(',')]
    for seed in seeds:
        for d in ds:
            s = build_session(seed, d)
            write_session(out, s)
            plan.append(plan_of(s))
            print('wrote', s['folder'], s['dur'], flush=True)
    with open(os.environ.get('PLAN', os.path.join(os.path.dirname(os.path.abspath(out)), 'plan.json')), 'w') as f:
        json.dump(plan, f, indent=1)
