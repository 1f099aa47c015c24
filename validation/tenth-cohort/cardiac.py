"""windows/ heart rate and cardiac quality against beats/ (README Outputs windows/, Methods Cardiac)."""
import bisect
import math

ADJ = 0.1


def merged_beats(bs, cover_s=1.5):
    """Accepted device beats, plus accepted pulse-wave beats with no accepted device beat within
    cardiac.device_cover_s (1.5 s): the merged beats the README's hr_bpm is taken from."""
    dev = sorted(b["t_s"] for b in bs if b["accepted"] and b["source"] == "device")
    out = [b for b in bs if b["accepted"] and b["source"] == "device"]
    for b in bs:
        if b["accepted"] and b["source"] == "bvp":
            i = bisect.bisect_left(dev, b["t_s"] - cover_s)
            if i >= len(dev) or dev[i] > b["t_s"] + cover_s:
                out.append(b)
    out.sort(key=lambda b: b["t_s"])
    return out


def beat_checks(T, win, beats, art, check, span=60.0):
    for (sid, role), ws in win.items():
        mb = merged_beats(beats.get((sid, role), []))
        ts = [b["t_s"] for b in mb]
        dev = [b for b in beats.get((sid, role), []) if b["source"] == "device"]
        dev.sort(key=lambda b: b["t_s"])
        for w in ws:
            e = w["end_s"]
            # the span [end - 60 s, end): a beat at the window end is the next span's
            lo = bisect.bisect_left(ts, e - span)
            hi = bisect.bisect_left(ts, e)
            inn = mb[lo:hi]
            cov = sum(max(0.0, min(b["t_s"], e) - max(b["t_s"] - b["ibi_ms"] / 1000, e - span)) for b in inn) / span
            # where the band was not worn, the cardiac quality is at most the worn share of the
            # window (README windows/): such windows are checked against that bound instead
            nw = [a for a in (art or {}).get((sid, role), []) if a["kind"] == "not_worn"
                  and a["start_s"] < w["end_s"] and a["end_s"] > w["start_s"]]
            if nw:
                worn = 1 - sum(min(a["end_s"], w["end_s"]) - max(a["start_s"], w["start_s"]) for a in nw) / (w["end_s"] - w["start_s"])
                check("windows overlapping not_worn: cardiac_quality <= the worn share of the window",
                      w["cardiac_quality"] <= worn + 1e-6, "%s %s %s: %s vs worn %.3f" % (sid, role, w["start_s"], w["cardiac_quality"], worn))
                continue
            if cov >= 0.5 and inn:
                exp = 60000 / (sum(b["ibi_ms"] for b in inn) / len(inn))
                key = "%s %s %s" % (sid, role, w["start_s"])
                check("windows.hr_bpm = 60000 / mean accepted merged interval over the trailing 60 s (beats cover >= half)",
                      w["hr_bpm"] is not None and abs(w["hr_bpm"] - exp) < 1e-6,
                      "%s: %s vs %.3f (%d beats, coverage %.3f)" % (key, w["hr_bpm"], exp, len(inn), cov))
                check("windows.cardiac_quality = beats' covered share of the trailing 60 s (beats cover >= half)",
                      abs(w["cardiac_quality"] - min(1.0, cov)) < 1e-6,
                      "%s: %s vs %.4f" % (key, w["cardiac_quality"], cov))
            # RMSSD over adjacent accepted device intervals in the trailing 60 s (README: of the
            # accepted beats; pulse-wave beats never feed it)
            dl = [b for b in dev if e - span <= b["t_s"] < e and b["accepted"]]
            diffs = []
            for a, b in zip(dl, dl[1:]):
                # adjacent: the interval ending at b starts at a (within 10 %, as HrvTimeDomain)
                if abs((b["t_s"] - a["t_s"]) * 1000 - b["ibi_ms"]) <= ADJ * b["ibi_ms"]:
                    diffs.append(b["ibi_ms"] - a["ibi_ms"])
            if w["hrv_rmssd_ms"] is not None and diffs:
                exp = math.sqrt(sum(d * d for d in diffs) / len(diffs))
                check("windows.hrv_rmssd_ms = RMSSD of successive accepted device intervals over the trailing 60 s",
                      abs(w["hrv_rmssd_ms"] - exp) < 1e-6,
                      "%s %s %s: %s vs %.2f (%d pairs)" % (sid, role, w["start_s"], w["hrv_rmssd_ms"], exp, len(diffs)))
