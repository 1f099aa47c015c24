"""Per-window features, masks, baselines and z-scores re-implemented from the README's Methods text.

Written from README.md (Methods: Signal quality and artifacts, EDA, Cardiac, Motion, Temperature,
Baseline, Drift-following tonic level, Anxiety index; Outputs: windows/, baselines/, artifacts/,
sessions/), the option descriptions `review --list-options` prints (the README names them as the
place every parameter is declared) and DOMAIN.md 4, without reading product code. Each function
names the README sentence it follows. Where the README leaves a choice open the function says
"README silent" and takes what a researcher would assume; check.py reports those separately.

Times are seconds from media start (= the EDA recording's first sample for the sessions run.sh
builds). numpy and scipy only.
"""
import math
import os

import numpy as np
from scipy import signal

# ---------------------------------------------------------------- defaults (README / --list-options)
WINDOW_S, HOP_S = 30.0, 5.0
EDA_MIN, EDA_MAX, EDA_JUMP = 0.05, 60.0, 10.0          # uS, uS, uS/s (Signal quality)
TEMP_MIN, TEMP_MAX = 25.0, 40.0                        # degC
GROSS_G = 0.09                                         # MAD of |a| over 1 s (artifacts.gross_movement_g)
IBI_MIN, IBI_MAX, IBI_DEV, IBI_NB, IBI_NB_S = 0.3, 2.0, 0.2, 5, 15.0
COVER_S = 1.5                                          # cardiac.device_cover_s
SPAN_S = 60.0                                          # cardiac.time_span_s, temperature.slope_span_s
FREQ_SPAN_S = 180.0
MIN_PAIRS = 5                                          # cardiac.min_pairs
ADJ = 0.1                                              # adjacency: within 10 % of the later interval
MIN_Q = 0.5                                            # features.min_quality
SCR_MIN, RISE_MIN, RISE_MAX = 0.05, 0.5, 5.0
FIDGET_LO, FIDGET_HI, FRAME_S = 2.0, 6.0, 4.0
FIDGET_MIN_POWER = 1e-4


# ---------------------------------------------------------------- E4 files
def read_single(path, t0_media):
    """EDA/TEMP/HR/BVP: row 1 start (unix s), row 2 rate (Hz), then one value a line."""
    if not os.path.exists(path):
        return None, None
    with open(path) as f:
        lines = f.read().split("\n")
    start = float(lines[0].split(",")[0])
    rate = float(lines[1].split(",")[0])
    v = np.array([float(x.split(",")[0]) for x in lines[2:] if x.strip()])
    t = (start - t0_media) + np.arange(len(v)) / rate
    return t, v


def read_acc(path, t0_media):
    """ACC: three columns in 1/64 g (DOMAIN.md 4.0 Motion)."""
    with open(path) as f:
        lines = f.read().split("\n")
    start = float(lines[0].split(",")[0])
    rate = float(lines[1].split(",")[0])
    v = np.array([[float(c) for c in x.split(",")] for x in lines[2:] if x.strip()])
    t = (start - t0_media) + np.arange(len(v)) / rate
    return t, v / 64.0


def read_ibi(path, t0_media):
    """IBI.csv: header 'start, IBI', then 'seconds since start, interval s' (the beat ends it)."""
    if not os.path.exists(path):
        return np.zeros(0), np.zeros(0)
    with open(path) as f:
        lines = [x for x in f.read().split("\n") if x.strip()]
    start = float(lines[0].split(",")[0])
    rows = [tuple(float(c) for c in x.split(",")) for x in lines[1:]]
    t = np.array([r[0] for r in rows]) + (start - t0_media)
    ibi = np.array([r[1] for r in rows])
    return t, ibi


# ---------------------------------------------------------------- masks (Signal quality and artifacts)
def eda_mask(v):
    """Valid EDA: 0.05-60 uS, and no jump above 10 uS/s (both samples of a jump masked: README
    silent on which sample of a jump is masked)."""
    ok = (v >= EDA_MIN) & (v <= EDA_MAX)
    d = np.abs(np.diff(v)) * 4.0
    jump = np.zeros(len(v), bool)
    jump[1:] |= d > EDA_JUMP
    jump[:-1] |= d > EDA_JUMP
    return ok & ~jump


def temp_range_mask(v):
    """Worn skin temperature 25-40 degC (the fall rule is left to artifacts/, see check.py)."""
    return (v >= TEMP_MIN) & (v <= TEMP_MAX)


def gross_seconds(t, a):
    """Gross movement: whole media seconds [n, n+1) whose |a| has a mean amplitude deviation
    (mean of | |a_i| - mean |a| |) of at least 0.09 g. Returns {n: mad}."""
    mag = np.sqrt((a ** 2).sum(axis=1))
    sec = np.floor(t + 1e-9).astype(int)
    out = {}
    order = np.argsort(sec, kind="stable")
    s_sorted = sec[order]
    bounds = np.flatnonzero(np.diff(s_sorted)) + 1
    for grp in np.split(order, bounds):
        m = mag[grp]
        out[int(sec[grp[0]])] = float(np.mean(np.abs(m - m.mean())))
    return out


def in_intervals(t, rows):
    """Boolean: t inside any [start_s, end_s) of rows."""
    m = np.zeros(len(t), bool)
    for r in rows:
        m |= (t >= r["start_s"]) & (t < r["end_s"])
    return m


# ---------------------------------------------------------------- EDA
def tonic_batch(v):
    """NEUROKIT_HIGHPASS's tonic: 2nd-order 0.05 Hz low-pass Butterworth, zero phase (scipy's
    sosfiltfilt), at 4 Hz (NeuroKit2's cleaning is skipped at or below 6 Hz). The default
    STREAMING method is 'the same response cut at +-15 s with a taper': the README does not name
    the taper, so the batch response is the reference and check.py's tolerance covers the cut."""
    sos = signal.butter(2, 0.05, btype="low", fs=4.0, output="sos")
    return signal.sosfiltfilt(sos, v)


def scrs(t, phasic, valid):
    """SCRs from the phasic component: a local maximum; its foot found by walking back from the
    steepest step of the rise to where the step falls below 0.1 of it (the trough at the latest);
    amplitude = peak - foot >= 0.05 uS, rise time 0.5-5 s; a rise under way at the first valid
    sample is no response. Returns [(onset, peak, amplitude)]."""
    out = []
    n = len(phasic)
    d = np.diff(phasic)
    i = 1
    while i < n - 1:
        if phasic[i] > phasic[i - 1] and phasic[i] >= phasic[i + 1] and valid[i]:
            # trough: walk back while falling backwards
            j = i
            while j > 0 and phasic[j - 1] < phasic[j] and valid[j - 1]:
                j -= 1
            if j == 0 or not valid[j - 1]:
                i += 1
                continue
            steep = int(np.argmax(d[j:i])) + j
            thr = 0.1 * d[steep]
            k = steep
            while k > j and d[k - 1] >= thr:
                k -= 1
            amp = phasic[i] - phasic[k]
            rise = t[i] - t[k]
            if amp >= SCR_MIN and RISE_MIN <= rise <= RISE_MAX:
                out.append((float(t[k]), float(t[i]), float(amp)))
        i += 1
    return out


# ---------------------------------------------------------------- cardiac
def clean_device(t, ibi):
    """0.3-2.0 s, and within 20 % of the median of up to 5 in-range neighbours a side (lying
    within 15 s: cardiac.ibi_neighbour_window_s), the beat itself left out; with fewer than 2
    neighbours the range alone decides. Returns accepted mask."""
    inr = (ibi >= IBI_MIN) & (ibi <= IBI_MAX)
    idx = np.flatnonzero(inr)
    acc = np.zeros(len(t), bool)
    for p, i in enumerate(idx):
        left = [j for j in idx[max(0, p - IBI_NB):p] if t[i] - t[j] <= IBI_NB_S]
        right = [j for j in idx[p + 1:p + 1 + IBI_NB] if t[j] - t[i] <= IBI_NB_S]
        nb = left + right
        if len(nb) < 2:  # an isolated beat: the range alone decides (README as corrected)
            acc[i] = True
            continue
        med = float(np.median(ibi[nb]))
        acc[i] = abs(ibi[i] - med) / med <= IBI_DEV
    return acc


def span_beats(bt, end, span):
    """Beats of the half-open span [end - span, end)."""
    lo = np.searchsorted(bt, end - span, "left")
    hi = np.searchsorted(bt, end, "left")
    return lo, hi


def coverage(bt, bi, end, span):
    """Share of the span covered by the intervals (each (t - ibi, t]) clipped to it."""
    lo, hi = span_beats(bt, end, span)
    c = np.clip(np.minimum(bt[lo:hi], end) - np.maximum(bt[lo:hi] - bi[lo:hi], end - span), 0, None).sum()
    return c / span, lo, hi


def hrv_time(dt, di, end):
    """RMSSD, SDNN (n-1), pNN50 of the accepted device beats of [end - 60, end); successive
    differences only between adjacent beats (time between them = the later interval within 10 %);
    at least cardiac.min_pairs pairs; device beats covering at least half the span. pNN50: the
    adjacent pairs differing by more than 50 ms per interval that belongs to at least one adjacent
    pair, % (on an unbroken series NN50 / n, Task Force 1996; README as corrected by this audit)."""
    cov, lo, hi = coverage(dt, di, end, SPAN_S)
    if cov < MIN_Q or hi - lo < 2:
        return None
    ms = di[lo:hi] * 1000.0
    ts = dt[lo:hi]
    adj = [k for k in range(1, len(ms)) if abs((ts[k] - ts[k - 1]) * 1000.0 - ms[k]) <= ADJ * ms[k]]
    diffs = np.array([ms[k] - ms[k - 1] for k in adj])
    if len(diffs) < MIN_PAIRS:
        return None
    paired = len({k for k in adj} | {k - 1 for k in adj})
    return (float(np.sqrt(np.mean(diffs ** 2))), float(np.std(ms, ddof=1)),
            float(100.0 * np.sum(np.abs(diffs) > 50.0) / paired))


def lomb_bands(dt, di, end):
    """LF 0.04-0.15 and HF 0.15-0.4 Hz over [end - 180, end) of the accepted device beats (at
    least 30, covering at least half the span): intervals in ms at their beat times, least-squares
    line removed, Lomb's unnormalised periodogram P(f) on a 0.005 Hz grid from 0.04 to 0.4 Hz,
    one-sided PSD 2 P(f) dt (dt the median beat spacing, s), band power by the trapezoid rule, ms^2
    (a modulation of A ms gives A^2 / 2). README as corrected by this audit."""
    cov, lo, hi = coverage(dt, di, end, FREQ_SPAN_S)
    if cov < 0.5 or hi - lo < 30:
        return None
    ts = dt[lo:hi] - (end - FREQ_SPAN_S)
    y = di[lo:hi] * 1000.0
    y = y - np.polyval(np.polyfit(ts, y, 1), ts)
    f = np.arange(0, int(round((0.4 - 0.04) / 0.005)) + 1) * 0.005 + 0.04
    p = signal.lombscargle(ts, y, 2 * np.pi * f, normalize=False)
    psd = 2 * p * float(np.median(np.diff(ts)))

    def band(a, b):
        m = (f >= a - 1e-9) & (f <= b + 1e-9)
        return float(np.trapezoid(psd[m], f[m]))
    return band(0.04, 0.15), band(0.15, 0.4)


# ---------------------------------------------------------------- motion
def fidget(t, a, start, end, gross):
    """Fidget power and dominant frequency of |a| in 2-6 Hz (README Methods, Motion, as corrected
    by this audit): 4 s frames (128 samples) with 50 % overlap from the window's first sample,
    frame mean removed, periodic Hann window, one-sided PSD P = 2 |X|^2 / (fs sum w^2); band power
    = sum of P fs / M over the bins in [2, 6] Hz (a sine of amplitude A gives A^2 / 2), the mean
    over the window's whole frames. Dominant frequency: the largest bin of the PSD averaged over
    the frames without a gross-movement second, refined by Gaussian (log-parabola) interpolation
    where the bin and its neighbours form a peak (at most half a bin), clamped to the band; null when the used frames' band power is below 1e-4 g^2."""
    sel = (t >= start) & (t < end)
    mag = np.sqrt((a[sel] ** 2).sum(axis=1))
    ts = t[sel]
    n = int(round(FRAME_S * 32))
    if len(mag) < n:
        return None, None
    w = 0.5 - 0.5 * np.cos(2 * np.pi * np.arange(n) / n)  # periodic Hann
    f = np.fft.rfftfreq(n, 1 / 32.0)
    band = (f >= FIDGET_LO - 1e-9) & (f <= FIDGET_HI + 1e-9)
    pw, used = [], []
    for s0 in range(0, len(mag) - n + 1, n // 2):
        x = mag[s0:s0 + n] - mag[s0:s0 + n].mean()
        X = np.fft.rfft(x * w)
        p = 2 * np.abs(X) ** 2 / (32.0 * (w ** 2).sum())
        p[0] /= 2
        p[-1] /= 2
        pw.append(p[band].sum() * 32.0 / n)
        # gross movement of the frame's 1 s segments, counted from the window's first sample
        segs = range(s0 // 32, (s0 + n - 1) // 32 + 1)
        if not any(np.mean(np.abs(mag[g * 32:(g + 1) * 32] - mag[g * 32:(g + 1) * 32].mean())) >= GROSS_G
                   for g in segs if (g + 1) * 32 <= len(mag)):
            used.append(p)
    power = float(np.mean(pw))
    if not used:
        return power, None
    mp = np.mean(used, axis=0)
    if mp[band].sum() * 32.0 / n < FIDGET_MIN_POWER:
        return power, None
    idx = np.flatnonzero(band)
    k = idx[int(np.argmax(mp[idx]))]
    fk = f[k]
    if 0 < k < len(mp) - 1 and mp[k - 1] > 0 and mp[k + 1] > 0 and mp[k] > 0:
        l0, l1, l2 = np.log(mp[k - 1]), np.log(mp[k]), np.log(mp[k + 1])
        den = l0 - 2 * l1 + l2
        # only where the three log powers form a peak, and by at most half a bin (README as corrected)
        delta = 0.5 * (l0 - l2) / den if den < 0 else 0.0
        fk = (k + max(-0.5, min(0.5, delta))) * 32.0 / n
    return power, float(min(max(fk, FIDGET_LO), FIDGET_HI))


# ---------------------------------------------------------------- temperature
def slope_c_per_min(t, v, ok, end):
    """Least-squares slope of the worn samples of [end - 60, end), degC/min; at least half the
    span's samples worn (temperature.slope_min_valid_share)."""
    sel = (t >= end - SPAN_S) & (t < end)
    n_exp = SPAN_S * 4
    s2 = sel & ok
    if s2.sum() < 0.5 * n_exp or s2.sum() < 2:
        return None
    x, y = t[s2], v[s2]
    return float(np.polyfit(x, y, 1)[0] * 60.0)


# ---------------------------------------------------------------- one wearer
def wearer(folder, t0_media, windows, artifacts, bvp_beats):
    """Recomputes every window of `windows` (rows of the table: start_s, end_s) for one wearer.

    artifacts: that wearer's artifacts/ rows (used only where stated: eda_motion and not_worn
    stretches and the temperature fall rule, which are not re-derived here). bvp_beats: the
    accepted pulse-wave beats of beats/ (t_s, ibi_ms); the Elgendi detector is not re-implemented
    (NeuroKit2 reference values check it), only how they fill the device's gaps.
    Returns ({start_s: {feature: value}}, extras)."""
    p = lambda n: os.path.join(folder, n)
    et, ev = read_single(p("EDA.csv"), t0_media)
    tt, tv = read_single(p("TEMP.csv"), t0_media)
    ht, hv = read_single(p("HR.csv"), t0_media)
    at, av = read_acc(p("ACC.csv"), t0_media)
    it, ii = read_ibi(p("IBI.csv"), t0_media)
    by = lambda k: [a for a in artifacts if a["kind"] == k]
    not_worn = by("not_worn")
    # masks
    e_ok = eda_mask(ev) & ~in_intervals(et, by("eda_motion")) & ~in_intervals(et, not_worn)
    t_ok_range = temp_range_mask(tv) & ~in_intervals(tt, not_worn)
    t_ok = t_ok_range & ~in_intervals(tt, by("temp_off_wrist"))
    a_ok = ~in_intervals(at, not_worn)
    gross = gross_seconds(at[a_ok], av[a_ok])
    # EDA: tonic over the valid samples (masked ones are not interpolated into features: a masked
    # sample is replaced by the tonic of its neighbours for filtering only; README silent)
    ev_f = ev.copy()
    if (~e_ok).any() and e_ok.any():
        ev_f[~e_ok] = np.interp(et[~e_ok], et[e_ok], ev[e_ok])
    tonic = tonic_batch(ev_f)
    phasic = ev_f - tonic
    my_scr = scrs(et, phasic, e_ok)
    # cardiac
    acc_dev = clean_device(it, ii)
    if not_worn:
        acc_dev &= ~in_intervals(it, not_worn)
    dt, di = it[acc_dev], ii[acc_dev]
    mt = list(zip(dt, di))
    for b in bvp_beats:
        k = np.searchsorted(dt, b[0] - COVER_S)
        if k >= len(dt) or dt[k] > b[0] + COVER_S:
            mt.append(b)
    mt.sort()
    mtt = np.array([b[0] for b in mt])
    mti = np.array([b[1] for b in mt])
    h_ok = (hv >= 30) & (hv <= 200) & ~in_intervals(ht, not_worn) if ht is not None else None
    out = {}
    for w in windows:
        s, e = w["start_s"], w["end_s"]
        L = e - s
        r = {}
        sel = (et >= s) & (et < e)
        r["eda_quality"] = float((sel & e_ok).sum() / (L * 4))
        if (sel & e_ok).any():
            r["eda_scl_us"] = float(tonic[sel & e_ok].mean())
            r["eda_scl_us_all"] = float(tonic[sel].mean())
        on = [x for x in my_scr if s <= x[0] < e]
        pk = [x for x in my_scr if s <= x[1] < e]
        r["scr_onset_count"], r["scr_peak_count"] = len(on), len(pk)
        r["eda_scr_per_min_onset"] = len(on) / (L / 60)
        r["eda_scr_per_min"] = len(pk) / (L / 60)
        r["eda_scr_amplitude_sum_us"] = sum(x[2] for x in pk)
        # temperature
        ts = (tt >= s) & (tt < e)
        r["temp_quality"] = float((ts & t_ok).sum() / (L * 4))
        r["temp_quality_range_only"] = float((ts & t_ok_range).sum() / (L * 4))
        r["temp_slope_c_per_min"] = slope_c_per_min(tt, tv, t_ok, e)
        # motion
        asel = (at >= s) & (at < e) & a_ok
        r["acc_quality"] = float(asel.sum() / (L * 32))
        r["gross_movement_s"] = 0.0
        if asel.any() and r["acc_quality"] >= MIN_Q:
            mag = np.sqrt((av[asel] ** 2).sum(axis=1))
            r["motion_mag_mean_g"] = float(mag.mean())
            # mean absolute deviation of |a| from its window median (README as corrected)
            r["motion_mag_g"] = float(np.mean(np.abs(mag - np.median(mag))))
            r["motion_mag_g_mean_centred"] = float(np.mean(np.abs(mag - mag.mean())))
            r["fidget_power"], r["fidget_freq_hz"] = fidget(at[a_ok], av[a_ok], s, e, gross)
            r["gross_movement_s"] = float(sum(1 for n, m in gross.items() if m >= GROSS_G and s <= n and n + 1 <= e))
        else:
            r["motion_mag_g"] = r["fidget_power"] = r["fidget_freq_hz"] = None
        # cardiac: source 1, merged beats over [e - 60, e)
        cov, lo, hi = coverage(mtt, mti, e, SPAN_S)
        r["beats_cov"] = float(min(1.0, cov))
        if cov >= MIN_Q and hi > lo:
            r["hr_bpm"] = 60.0 / float(mti[lo:hi].mean())
            r["cardiac_quality"] = float(min(1.0, cov))
            r["hr_source"] = "beats"
        else:
            hs = (ht >= s) & (ht < e) if ht is not None else None
            share = float((hs & h_ok).sum() / L) if ht is not None else 0.0
            if share >= MIN_Q:
                r["hr_bpm"] = float(hv[hs & h_ok].mean())
                r["cardiac_quality"] = min(1.0, share)
                r["hr_source"] = "hr.csv"
            else:
                r["hr_bpm"] = None
                r["cardiac_quality"] = float(min(1.0, cov))
                r["hr_source"] = "none"
        h = hrv_time(dt, di, e)
        if h:
            r["hrv_rmssd_ms"], r["hrv_sdnn_ms"], r["hrv_pnn50"] = h
        lh = lomb_bands(dt, di, e)
        if lh:
            r["hrv_lf_ms2"], r["hrv_hf_ms2"] = lh
        out[s] = r
    extras = {"scr": my_scr, "device_accepted": acc_dev, "device_t": it, "gross": gross,
              "eda_t": et, "eda_ok": e_ok, "temp_t": tt, "temp_ok_range": t_ok_range}
    return out, extras
