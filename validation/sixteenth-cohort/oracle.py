#!/usr/bin/env python3
"""An independent reference implementation of the coded-event rules (python3 stdlib only).

Written by the sixteenth audit from DOMAIN.md sections 2.7, 3 and 5 and the README (ruptures/,
segments/, sessions/, moments/, Methods "Coded-event rules where DOMAIN.md leaves a choice",
the missed-opportunity paragraph under Project layout, `review --list-options`), without reading
the product's rule code. Input: one session's accepted annotations (rows of `annotations/`:
code, actor, start_s, end_s, significance, modifiers) and its duration. All times are handled in
whole milliseconds, as the readers round them.

Choices DOMAIN.md and the README leave open are the module constants in READINGS, each named
where it is used; check.py reports a mismatch that only another reading explains as such.
"""
import math

MERGE_GAP = 120_000
REPAIR_WINDOW = 300_000
QUIET = 300_000
RESOLVED_WINDOW = 120_000
SEGMENT = 300_000
PRESSURE_WINDOW = 30_000
SETTLE = 120_000
CUE_RESPONSE = 10_000
EPISODE_LOOKBACK = 10_000
EPISODE_RESPONSE = 30_000
VOICED_LOOKBACK = 30_000
TURN_GRACE = 5_000
SAFETY_RESPONSE = 60_000
SEVERE_INTENSITY = 3
SEVERE_S = 30_000
SAME_EVENT = 10_000
SENSITIVITY = (5, 10, 20, 30)

EXPLICIT = {"INT_EMPATHIC_REFLECTION", "INT_VALIDATION", "INT_EXPLORE_FEELING",
            "INT_METACOMMUNICATION", "INT_REGULATE_ANXIETY", "INT_CLARIFY_DEFENSE",
            "INT_INTERPRETATION_LINK"}
REDUCING = {"INT_TOPIC_SHIFT", "INT_ADVICE", "INT_REASSURANCE", "INT_INFO_QUESTION_CLOSED"}
SILENCE = "INT_SILENCE_DELIBERATE"
# how far a class is from an answer: the worst of an episode's onset and its cues decides
RANK = {"responded_explicit_space": 0, "deliberate_silence": 1, "responded_reducing_space": 2, "no_response": 3}
PRESSING = {"INT_EXPLORE_FEELING", "INT_CHALLENGE_DEFENSE"}
# DOMAIN.md 2.2's order of the markers: withdrawal, then confrontation (segments' marker_counts)
MARKER_ORDER = ["RUP_W_DENIAL", "RUP_W_MINIMAL", "RUP_W_ABSTRACT", "RUP_W_AVOID_STORY",
                "RUP_W_DEFERENTIAL", "RUP_W_CONTENT_AFFECT_SPLIT", "RUP_W_SELFCRIT_HOPELESS",
                "RUP_C_COMPLAINT_THERAPIST", "RUP_C_REJECTS_INTERVENTION", "RUP_C_COMPLAINT_ACTIVITIES",
                "RUP_C_COMPLAINT_PARAMETERS", "RUP_C_COMPLAINT_PROGRESS", "RUP_C_DEFENDS_SELF",
                "RUP_C_CONTROL_PRESSURE"]

# Readings of what DOMAIN.md and the README leave open (see README.md of this folder).
READINGS = {
    "merge_from": "end",          # merge gap measured from the last marker's end (a STATE marker)
    "repair_from": "end",         # repair window from the last marker's end (--list-options)
    "quiet_from": "end",          # quiet measured from the class's last marker end
    "same_time_tie": "later",     # two open episodes with the same latest marker: the later opened
    "pressure_same_second": True, # a pressing code in the cue's own second counts
    "safety_same_second": True,   # a therapist code in the safety event's own second answers it
    "pressure_grouping": True,    # the cues one pressing code follows are one moment
    "voicing_intensity": "any",   # an ANX_* cue below the trigger intensity still voices an episode
    "turn_choice": "earliest",    # of two client turns holding a cue, the one that started first
    "safety_merge_time": "coded", # a severe ANX_CPD and a coded SAFE_SEVERE_DISSOCIATION: the coded one's time
}


def ms(x):
    return None if x is None else int(round(float(x) * 1000))


class Ev:
    __slots__ = ("code", "actor", "s", "e", "sig", "mods", "i")

    def __init__(self, row, i):
        self.code = row["code"]
        self.actor = row["actor"]
        self.s = ms(row["start_s"])
        self.e = ms(row.get("end_s"))
        self.sig = row.get("significance")
        self.mods = row.get("modifiers")
        self.i = i

    @property
    def end(self):
        return self.s if self.e is None else self.e

    def __repr__(self):
        t = "%.3f" % (self.s / 1000) + ("" if self.e is None else "-%.3f" % (self.e / 1000))
        extra = "" if self.sig is None else " sig=%s" % self.sig
        return "%s %s %s%s" % (t, self.code, self.actor, extra)


def events(rows):
    return [Ev(r, i) for i, r in enumerate(rows)]


def is_marker(ev):
    return ev.code.startswith("RUP_W_") or ev.code.startswith("RUP_C_")


def is_repair(ev):
    return ev.actor == "therapist" and (ev.code.startswith("RES_") or ev.code == "INT_METACOMMUNICATION")


def session_end(evs, duration_s):
    end = ms(duration_s)
    for ev in evs:
        end = max(end, ev.end)
    return end


# ---------------------------------------------------------------- DOMAIN.md 3.1-3.5: episodes
class Episode:
    def __init__(self, cls, ev, order):
        self.cls = cls
        self.start = ev.s
        self.order = order
        self.markers = [ev]
        self.repairs = []
        self.mixed = False
        self.closed = False

    @property
    def last(self):
        return self.markers[-1].s

    @property
    def last_end(self):
        return max(m.end for m in self.markers)


def episodes(evs, duration_s):
    end = session_end(evs, duration_s)
    items = sorted([e for e in evs if is_marker(e) or is_repair(e)],
                   key=lambda e: (e.s, 0 if is_marker(e) else 1, e.i))
    eps = []
    class_last = {}
    all_markers = [e for e in items if is_marker(e)]

    def close_upto(t):
        for ep in eps:
            if not ep.closed and ep.cls in class_last and t - class_last[ep.cls] > QUIET:
                ep.closed = True

    for ev in items:
        close_upto(ev.s)
        if is_marker(ev):
            cls = ev.code[4]
            mine = [ep for ep in eps if ep.cls == cls and not ep.closed]
            latest = max(mine, key=lambda ep: ep.last, default=None)
            ref = (lambda ep: ep.last) if READINGS["merge_from"] == "start" else (lambda ep: ep.last_end)
            if latest is not None and ev.s - ref(latest) <= MERGE_GAP:
                latest.markers.append(ev)
            else:
                ep = Episode(cls, ev, len(eps))
                others = [o for o in eps if o.cls != cls and not o.closed]
                if others:
                    ep.mixed = True
                    for o in others:
                        o.mixed = True
                eps.append(ep)
            class_last[cls] = max(class_last.get(cls, ev.end), ev.end if READINGS["quiet_from"] == "end" else ev.s)
        else:
            def reach(ep):
                base = ep.last_end if READINGS["repair_from"] == "end" else ep.last
                return base + REPAIR_WINDOW
            cands = [ep for ep in eps if not ep.closed and ep.start <= ev.s <= reach(ep)]
            if cands:
                key = (lambda ep: (ep.last, ep.order)) if READINGS["same_time_tie"] == "later" \
                    else (lambda ep: (ep.last, -ep.order))
                max(cands, key=key).repairs.append(ev)
    out = []
    counters = {"W": 0, "C": 0}
    for ep in eps:
        counters[ep.cls] += 1
        at_end = class_last[ep.cls] + QUIET >= end if not ep.closed else False
        # the last marker of the class that kept it open lies after the episode's own last one
        outcome = "unaddressed"
        first = None
        if ep.repairs:
            first = ep.repairs[0].s
            lr = ep.repairs[-1].s
            back = any(m.code[4] == ep.cls and lr < m.s <= lr + RESOLVED_WINDOW for m in all_markers)
            pre = [m.sig for m in ep.markers if m.s <= first and m.sig is not None]
            # a rise: the episode's markers after the first repair, and the class's markers that
            # come back within the resolved window after the last repair (any episode)
            post = [m.sig for m in ep.markers if m.s > first and m.sig is not None]
            post += [m.sig for m in all_markers if m.code[4] == ep.cls and lr < m.s <= lr + RESOLVED_WINDOW
                     and m.sig is not None]
            rise = bool(pre) and any(p > max(pre) for p in post)
            outcome = "escalated" if rise else ("partially_resolved" if back else "resolved")
        sigs = [m.sig for m in ep.markers if m.sig is not None]
        span_end = max([m.end for m in ep.markers] + [r.end for r in ep.repairs])
        out.append({
            "episode_id": "%s%d" % (ep.cls, counters[ep.cls]), "class": ep.cls,
            "start_s": ep.start / 1000, "end_s": span_end / 1000,
            "markers": [m.code for m in ep.markers], "outcome": outcome,
            "first_repair_s": None if first is None else first / 1000,
            "time_to_first_repair_s": None if first is None else (first - ep.start) / 1000,
            "strategies": [r.code for r in ep.repairs],
            "max_significance": max(sigs) if sigs else None,
            "mixed": ep.mixed, "closed_at_session_end": at_end,
            "_events": ep.markers + ep.repairs,
        })
    return out


# ---------------------------------------------------------------- DOMAIN.md 3.6: roll-up
def segments(evs, duration_s):
    d = ms(duration_s)
    covering = max(1, math.ceil(d / SEGMENT))

    def index(e):  # a code at the session end itself is in the segment ending there (README)
        k = max(e.s, 0) // SEGMENT
        return covering - 1 if k >= covering and e.s <= d else k
    n = covering
    for ev in evs:  # a marker or repair after the end adds segments (README segments/)
        if is_marker(ev) or is_repair(ev):
            n = max(n, index(ev) + 1)
    rows = []
    for k in range(n):
        lo, hi = k * SEGMENT, (k + 1) * SEGMENT
        inseg = [e for e in evs if index(e) == k]
        mk = [e for e in inseg if is_marker(e)]
        rp = [e for e in inseg if is_repair(e)]
        counts = {}
        for m in mk:
            counts[m.code] = counts.get(m.code, 0) + 1
        w = [m for m in mk if m.code.startswith("RUP_W_")]
        c = [m for m in mk if m.code.startswith("RUP_C_")]

        def mx(lst):
            v = [x.sig for x in lst if x.sig is not None]
            return max(v) if v else None
        end = d if lo < d <= hi else hi
        rows.append({"segment_index": k, "start_s": lo / 1000, "end_s": end / 1000,
                     "marker_counts": ";".join("%s=%d" % kv for kv in sorted(
                         counts.items(), key=lambda kv: (MARKER_ORDER.index(kv[0]) if kv[0] in MARKER_ORDER else 99, kv[0]))),
                     "withdrawal_markers": len(w), "confrontation_markers": len(c),
                     "max_significance_w": mx(w), "max_significance_c": mx(c),
                     "repair_count": len(rp), "repair_max_significance": mx(rp)})
    return rows


# ---------------------------------------------------------------- DOMAIN.md 3.7
def pressure(evs):
    """Each cue's first therapist pressing or regulating code in [t, t + 30 s] decides (Methods:
    not flagged when INT_REGULATE_ANXIETY comes first); READINGS["pressure_grouping"]: the cues
    a pressing code follows are one moment, from the first cue to the pressing code."""
    th = sorted([e for e in evs if e.actor == "therapist" and (e.code in PRESSING or e.code == "INT_REGULATE_ANXIETY")],
                key=lambda e: (e.s, e.i))
    groups = {}
    for cue in sorted(evs, key=lambda e: (e.s, e.i)):
        if cue.actor != "client" or cue.code not in ("ANX_CPD", "ANX_MOT"):
            continue
        lo = cue.s if READINGS["pressure_same_second"] else cue.s + 1
        inwin = [e for e in th if lo <= e.s <= cue.s + PRESSURE_WINDOW]
        if not inwin:
            continue
        t0 = inwin[0].s  # the first response time; regulating in that same second counts as first
        if any(e.s == t0 and e.code == "INT_REGULATE_ANXIETY" for e in inwin):
            continue
        first = inwin[0]
        groups.setdefault(first.i, (first, []))[1].append(cue)
    out = []
    for p, cues in groups.values():
        out.append({"start_s": min(c.s for c in cues) / 1000, "end_s": p.end / 1000, "_cues": cues, "_press": p})
    return out


# ---------------------------------------------------------------- DOMAIN.md 2.7
def safety(evs, duration_s):
    d = session_end(evs, duration_s)
    th = [e for e in evs if e.actor == "therapist"]
    coded = [e for e in evs if e.code.startswith("SAFE_")]
    derived = []
    for e in evs:
        if e.actor == "client" and e.code == "ANX_CPD":
            inten = e.sig
            if (inten is not None and inten >= SEVERE_INTENSITY) or (e.e is not None and e.e - e.s > SEVERE_S):
                derived.append(e)
    used = set()
    out = []
    for e in derived:
        same = [c for c in coded if c.code == "SAFE_SEVERE_DISSOCIATION"
                and c.s <= e.end + SAME_EVENT and c.end >= e.s - SAME_EVENT]
        if same and READINGS["safety_merge_time"] == "coded":
            continue  # the coded event stands for both
        for c in same:
            used.add(c.i)
        out.append(e)
    out += [c for c in coded if c.i not in used]
    rows = []
    for e in out:
        lo = e.s if READINGS["safety_same_second"] else e.s + 1
        # a RUP_* marker is the client's whatever tier it was coded on (README ruptures/)
        # a therapist's INT_* or RES_* code (DOMAIN.md 2.7 "a TH response code"): a RUP_* marker is
        # the client's whatever tier it was coded on (README ruptures/), an ANX_* or SAFE_* no response
        answered = any(lo <= t.s <= e.s + SAFETY_RESPONSE for t in th
                       if t is not e and (t.code.startswith("INT_") or t.code.startswith("RES_")))
        observable = e.s + SAFETY_RESPONSE <= d
        rows.append({"start_s": e.s / 1000, "answered": answered,
                     "observable": observable, "_ev": e})
    return rows


# ---------------------------------------------------------------- DOMAIN.md 5 (coded cues)
def triggers(evs):
    arts = [e for e in evs if e.code == "ARTIFACT"]
    out = []
    for e in evs:
        if e.actor != "client":
            continue
        if e.code.startswith("ANX_"):
            if e.sig is not None and e.sig < 2:
                continue
        elif e.code not in ("AFF_CUE", "AFF_CONCERN"):
            continue
        if e.s < SETTLE:
            continue
        if any(a.s <= e.end and a.end >= e.s for a in arts):
            continue
        out.append(e)
    return out


def judge(evs, cue, wlo, whi):
    th = [e for e in evs if e.actor == "therapist" and wlo <= e.end and e.s <= whi]
    codes = {e.code for e in th}
    if codes & EXPLICIT or any(c.startswith("RES_") for c in codes):
        return "responded_explicit_space"
    if SILENCE in codes:
        return "deliberate_silence"
    if codes & REDUCING:
        return "responded_reducing_space"
    return "no_response"


def cue_window_end(evs, cue):
    turns = [e for e in evs if e.code == "TURN_CL"]  # a point turn holds a cue at its instant
    holding = [t for t in turns if t.s <= cue.s <= t.end]
    if holding:
        # READINGS["turn_choice"]: of overlapping client turns holding it, the earliest started
        return min(holding, key=lambda t: (t.s, t.i)).end + TURN_GRACE
    return cue.s + CUE_RESPONSE


def voicing_cues(evs):
    """Client ANX_*, AFF_CUE and AFF_CONCERN codes wherever they lie (Methods: an
    artifact-overlapped cue still voices an episode) and at any intensity (READINGS)."""
    return [e for e in evs if e.actor == "client" and (e.code in ("AFF_CUE", "AFF_CONCERN") or
            e.code.startswith("ANX_"))]


def missed(evs, episodes=()):
    """Coded cues and (trigger (a)) the review's own client anxiety-episode onsets, given as
    (start_s, end_s) pairs, so that only the rule is compared."""
    rows = []
    trig = triggers(evs)
    joined = set()
    arts = [e for e in evs if e.code == "ARTIFACT"]
    for (es, ee) in sorted(episodes):
        t, end = ms(es), ms(ee)
        if t < SETTLE or any(a.s <= t <= a.end for a in arts):
            continue
        lo, hi = t - EPISODE_LOOKBACK, t + EPISODE_RESPONSE
        worst = judge(evs, None, lo, hi)
        wend = hi
        for c in trig:
            if lo <= c.s <= hi:
                joined.add(c.i)
                cend = cue_window_end(evs, c)
                wend = max(wend, cend)
                cls = judge(evs, c, c.s, cend)
                if RANK[cls] > RANK[worst]:
                    worst = cls
        voiced = any(v.s <= end and v.end >= t - VOICED_LOOKBACK for v in voicing_cues(evs))
        miss = worst in ("no_response", "responded_reducing_space")
        rows.append({"start_s": lo / 1000, "end_s": wend / 1000, "class": worst, "missed": miss and voiced,
                     "unvoiced": miss and not voiced, "_onset": t})
    for cue in trig:
        if cue.i in joined:
            continue
        whi = cue_window_end(evs, cue)
        cls = judge(evs, cue, cue.s, whi)
        rows.append({"start_s": cue.s / 1000, "end_s": whi / 1000, "class": cls,
                     "missed": cls in ("no_response", "responded_reducing_space"), "unvoiced": False,
                     "_cue": cue})
    return rows


def sensitivity(evs, anxiety=()):
    """README sessions/ missed_opportunity_sensitivity: each window w replaces every response
    window (an onset's [t - 10 s, t + w], a cue's [c, c + w], no turns); a voiced onset is one
    opportunity with the cues in its window, missed when it or one of them is; unvoiced onsets
    count in neither m nor n."""
    trig = triggers(evs)
    arts = [e for e in evs if e.code == "ARTIFACT"]
    voicing = voicing_cues(evs)
    missed_classes = ("no_response", "responded_reducing_space")
    parts = []
    for w in SENSITIVITY:
        wm = w * 1000
        m = n = 0
        joined = set()
        for (es, ee) in sorted(anxiety):
            t, end = ms(es), ms(ee)
            if t < SETTLE or any(a.s <= t <= a.end for a in arts):
                continue
            lo, hi = t - EPISODE_LOOKBACK, t + wm
            mine = [c for c in trig if lo <= c.s <= hi]
            joined.update(c.i for c in mine)
            if not any(v.s <= end and v.end >= t - VOICED_LOOKBACK for v in voicing):
                continue
            n += 1
            if judge(evs, None, lo, hi) in missed_classes or any(
                    judge(evs, c, c.s, c.s + wm) in missed_classes for c in mine):
                m += 1
        for c in trig:
            if c.i in joined:
                continue
            n += 1
            m += judge(evs, c, c.s, c.s + wm) in missed_classes
        parts.append("%ds=%d/%d" % (w, m, n))
    return ";".join(parts)


def median(xs):
    xs = sorted(xs)
    if not xs:
        return None
    n = len(xs)
    return xs[n // 2] if n % 2 else (xs[n // 2 - 1] + xs[n // 2]) / 2


def session_summary(eps, segs, mo, saf):
    def count(o):
        return sum(1 for e in eps if e["outcome"] == o)
    res, par, una, esc = count("resolved"), count("partially_resolved"), count("unaddressed"), count("escalated")
    n = len(segs)
    return {
        "ruptures_withdrawal": sum(1 for e in eps if e["class"] == "W"),
        "ruptures_confrontation": sum(1 for e in eps if e["class"] == "C"),
        "ruptures_resolved": res, "ruptures_partial": par, "ruptures_unaddressed": una,
        "ruptures_escalated": esc,
        "median_time_to_repair_s": median([e["time_to_first_repair_s"] for e in eps
                                           if e["time_to_first_repair_s"] is not None]),
        "segments_with_w_share": sum(1 for s in segs if s["withdrawal_markers"]) / n,
        "segments_with_c_share": sum(1 for s in segs if s["confrontation_markers"]) / n,
        "resolution_ratio": res / (res + par + una) if res + par + una else None,
        "missed_opportunities": sum(1 for m in mo if m["missed"]),
        "safety_events": len(saf),
    }


def review(rows, duration_s, anxiety=()):
    """Every rule output the audit compares, for one session's accepted annotations and the
    review's client anxiety episodes ((start_s, end_s) pairs)."""
    evs = events(rows)
    eps = episodes(evs, duration_s)
    segs = segments(evs, duration_s)
    mo = missed(evs, anxiety)
    saf = safety(evs, duration_s)
    pr = pressure(evs)
    summ = session_summary(eps, segs, mo, saf)
    summ["missed_opportunity_sensitivity"] = sensitivity(evs, anxiety)
    return {"events": evs, "ruptures": eps, "segments": segs, "missed": mo, "safety": saf,
            "pressure": pr, "sessions": summ}
