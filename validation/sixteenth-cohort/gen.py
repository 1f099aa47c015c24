#!/usr/bin/env python3
"""Random codings for the sixteenth audit's differential test (python3 stdlib only).

gen.py SEED DIR writes DIR/sessions/<one folder per session>/ with session.json (no wristband:
the rules under test read codes only) and one coding file (native JSONL, or native CSV for about
a fifth of the sessions), 60-120 sessions of 10-50 min a seed. Event times are drawn around
anchors with the rules' boundary offsets (0, 9, 10, 11, 29-31, 59-61, 119-121, 299-301 s), at
120 s after the start and at the session end, with overlapping W/C episodes, repairs before any
rupture and after close, intensities 1-5 and missing, significances 1-5 and missing, STATE codes,
codes written in odd case, unknown codes and misattributed actors. Nothing here knows the rules'
outcome: check.py compares the review with oracle.py.
"""
import json
import os
import random
import shutil
import sys

SAMPLE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "sample-data")

W = ["RUP_W_DENIAL", "RUP_W_MINIMAL", "RUP_W_ABSTRACT", "RUP_W_AVOID_STORY", "RUP_W_DEFERENTIAL",
     "RUP_W_CONTENT_AFFECT_SPLIT", "RUP_W_SELFCRIT_HOPELESS"]
C = ["RUP_C_COMPLAINT_THERAPIST", "RUP_C_REJECTS_INTERVENTION", "RUP_C_COMPLAINT_ACTIVITIES",
     "RUP_C_COMPLAINT_PARAMETERS", "RUP_C_COMPLAINT_PROGRESS", "RUP_C_DEFENDS_SELF",
     "RUP_C_CONTROL_PRESSURE"]
RES = ["RES_CLARIFY_MISUNDERSTANDING", "RES_CHANGE_TASK_GOAL", "RES_RATIONALE",
       "RES_INVITE_DISCUSS_RELATIONSHIP", "RES_ACK_OWN_CONTRIBUTION", "RES_DISCLOSE_INTERNAL",
       "RES_LINK_PATTERN_IN_THERAPY", "RES_LINK_PATTERN_OUTSIDE", "RES_VALIDATE_DEFENSIVE_POSTURE",
       "RES_REDIRECT_REFOCUS", "RES_OTHER"]
INT = ["INT_EMPATHIC_REFLECTION", "INT_VALIDATION", "INT_EXPLORE_FEELING", "INT_CLARIFY_DEFENSE",
       "INT_CHALLENGE_DEFENSE", "INT_REGULATE_ANXIETY", "INT_METACOMMUNICATION",
       "INT_INTERPRETATION_LINK", "INT_PSYCHOED_RATIONALE", "INT_STRUCTURE_AGENDA_HOMEWORK",
       "INT_REASSURANCE", "INT_ADVICE", "INT_INFO_QUESTION_CLOSED", "INT_TOPIC_SHIFT",
       "INT_SILENCE_DELIBERATE"]
ANX = ["ANX_STR_HANDS", "ANX_STR_SIGH", "ANX_STR_TENSION", "ANX_STR_FIDGET", "ANX_SMO", "ANX_CPD",
       "ANX_MOT"]
AFF = ["AFF_CUE", "AFF_CONCERN", "AFF_FEELING_BREAKTHROUGH", "AFF_POSITIVE"]
SAFE = ["SAFE_SUICIDAL_IDEATION", "SAFE_SELF_HARM", "SAFE_HARM_OTHERS", "SAFE_SEVERE_DISSOCIATION",
        "SAFE_PANIC", "SAFE_MEDICAL", "SAFE_SESSION_EXIT"]
UNKNOWN = ["RUP_W_SULKING", "INT_HUG", "AFF_CLUE", "FOO"]
NEAR = [0, 0, 1, 9, 10, 11, 29, 30, 31, 59, 60, 61, 119, 120, 121, 299, 300, 301, 0.5, 10.5, 5, 20]


class Session:
    def __init__(self, rnd, duration):
        self.rnd = rnd
        self.d = duration
        self.events = []
        self.planned = []  # [canonical code, actor, start ms] of every event written

    def add(self, t, code, actor, end=None, **mods):
        r = self.rnd
        if t < 0 or t > self.d:
            return
        if end is not None:
            end = min(end, self.d)
            if end < t:
                end = None
        ev = {"start": round(t, 3), "code": code, "actor": actor}
        self.planned.append([code, actor, int(round(t * 1000)), end and int(round(end * 1000)),
                             mods.get("significance"), mods.get("intensity")])
        if end is not None:
            ev["end"] = round(end, 3)
        ev.update({k: v for k, v in mods.items() if v is not None})
        # odd spellings the README accepts for canonical codes and actors
        x = r.random()
        if x < 0.05:
            ev["code"] = code.lower().replace("_", "-")
        elif x < 0.08:
            ev["code"] = code.replace("_", " ").title()
        a = r.random()
        if a < 0.1:
            ev["actor"] = {"client": "CL", "therapist": "TH", "dyad": "DY"}[actor]
        elif a < 0.15:
            ev["actor"] = actor.capitalize()
        self.events.append(ev)

    def actor(self, own, other):
        return other if self.rnd.random() < 0.07 else own


def sig(r):
    return r.choice([None, None, 1, 2, 3, 4, 5])


def rupture(s, t):
    r = s.rnd
    cls = r.choice("WC")
    codes = W if cls == "W" else C
    n = r.choice([1, 1, 2, 2, 3, 4])
    times = [t]
    for _ in range(n - 1):
        times.append(times[-1] + r.choice([0, 1, 30, 60, 119, 120, 120.5, 121, 200, 299, 300, 301]))
    state = r.random() < 0.15
    for tm in times:
        end = tm + r.choice([5, 30, 130]) if state else None
        s.add(tm, r.choice(codes), s.actor("client", "therapist"), end, significance=sig(r))
    last = times[-1]
    for _ in range(r.choice([0, 1, 1, 2, 3])):
        base = r.choice(times)
        rt = base + r.choice(NEAR + [-20, -1, 390])
        code = r.choice(RES + ["INT_METACOMMUNICATION"] * 3)
        s.add(rt, code, s.actor("therapist", "client"), significance=sig(r))
    if r.random() < 0.4:  # markers come back, with a significance that may rise
        s.add(last + r.choice([30, 60, 119, 120, 121, 149, 150, 200]), r.choice(codes),
              "client", significance=sig(r))
    if r.random() < 0.3:  # a parallel episode of the other class
        other = C if cls == "W" else W
        s.add(t + r.choice([0, 10, 50, 119, 150, 299, 300]), r.choice(other), "client",
              significance=sig(r))


def cue(s, t):
    r = s.rnd
    code = r.choice(["AFF_CUE", "AFF_CONCERN"] + ANX + [r.choice(AFF)])
    inten = r.choice([None, None, 1, 2, 3, 4, 5]) if code.startswith("ANX") else None
    end = t + r.choice([3, 15, 31]) if r.random() < 0.2 else None
    mods = {"intensity": inten}
    if r.random() < 0.1:
        mods["significance"] = r.choice([1, 2, 3, 4, 5])
    s.add(t, code, s.actor("client", "therapist"), end, **mods)
    if r.random() < 0.25:  # a client turn holding the cue
        s.add(t - r.choice([0, 2, 5]), "TURN_CL", "client", t + r.choice([1, 2, 8, 20, 26]))
    if r.random() < 0.1:
        s.add(t + r.choice([-5, -1, 0, 1, 3]), "ARTIFACT", "dyad", t + r.choice([0, 1, 2, 10]))
    for _ in range(r.choice([0, 1, 1, 2])):
        rt = t + r.choice([-3, -1, 0, 1, 5, 9, 9.999, 10, 10.001, 11, 15, 25, 27, 31])
        e2 = rt + r.choice([2, 20]) if r.random() < 0.15 else None
        s.add(rt, r.choice(INT + RES), s.actor("therapist", "client"), e2)


def safety(s, t):
    r = s.rnd
    if r.random() < 0.35:
        inten = r.choice([None, 1, 2, 3, 3, 4])
        dur = r.choice([None, 10, 29, 30, 30.5, 31, 45])
        s.add(t, "ANX_CPD", s.actor("client", "therapist"), None if dur is None else t + dur,
              intensity=inten)
        if r.random() < 0.4:
            s.add(t + r.choice([-11, -10, -2, 0, 6, 10, 11, 40]), "SAFE_SEVERE_DISSOCIATION", "client")
    else:
        end = t + r.choice([20, 70]) if r.random() < 0.15 else None
        s.add(t, r.choice(SAFE), s.actor("client", "therapist"), end)
    for _ in range(r.choice([0, 1, 1, 2])):
        s.add(t + r.choice([-5, 0, 5, 30, 59, 60, 60.5, 61, 70]), r.choice(INT + RES),
              s.actor("therapist", "client"))


def pressure(s, t):
    r = s.rnd
    s.add(t, r.choice(["ANX_CPD", "ANX_MOT", "ANX_MOT", "ANX_STR_SIGH"]),
          s.actor("client", "therapist"), None, intensity=r.choice([None, 1, 2, 3]))
    if r.random() < 0.4:
        s.add(t + r.choice([-1, 0, 5, 10, 25, 31]), "INT_REGULATE_ANXIETY", s.actor("therapist", "client"))
    for _ in range(r.choice([1, 1, 2])):
        s.add(t + r.choice([-1, 0, 1, 20, 29, 30, 30.5, 31]),
              r.choice(["INT_EXPLORE_FEELING", "INT_CHALLENGE_DEFENSE"]), s.actor("therapist", "client"))


def session(rnd, idx, seed, phys=None):
    d = rnd.choice([600, 900, 1200, 1500, 1800, 2400, 3000]) if rnd.random() < 0.4 \
        else round(rnd.uniform(600, 3000), rnd.choice([0, 1, 3]))
    if phys is not None:
        d = phys["duration_s"]
    s = Session(rnd, d)
    anchors = [rnd.uniform(0, d) for _ in range(rnd.randint(6, 24))]
    if phys is not None:  # codes around the planted client episodes' onsets (trigger (a))
        for ep in phys["client_episodes"]:
            for _ in range(rnd.randint(1, 3)):
                a = ep["start_s"] + rnd.choice([-45, -35, -15, -10, -5, 0, 3, 8, 15, 25, 30, 35, 60])
                s.add(a, rnd.choice(INT + RES + ["AFF_CUE", "ANX_STR_SIGH", "ANX_STR_HANDS"]),
                      rnd.choice(["client", "therapist", "therapist"]))
                if rnd.random() < 0.15:
                    s.add(a, "ARTIFACT", "dyad", a + rnd.choice([2, 20]))
    anchors += rnd.sample([0, 110, 119, 119.999, 120, 120.001, 121, d - 300, d - 120, d - 60, d - 10,
                           d, d - 0.5], 4)
    for a in anchors:
        rnd.choice([rupture, rupture, rupture, cue, cue, safety, pressure])(s, a)
    for _ in range(rnd.randint(0, 6)):  # background therapist talk and stray repairs
        s.add(rnd.uniform(0, d), rnd.choice(INT + RES), "therapist")
    if rnd.random() < 0.3:
        s.add(rnd.uniform(0, d), rnd.choice(UNKNOWN), "client")
    if rnd.random() < 0.3:  # a same-second pair of two codes
        t = rnd.uniform(0, d)
        s.add(t, rnd.choice(W + C), "client", significance=sig(rnd))
        s.add(t, rnd.choice(RES + AFF + ["INT_METACOMMUNICATION"]), rnd.choice(["client", "therapist"]))
    return s


def write(root, seed, idx, s, rnd, phys=None):
    sid = "S16-%d-%03d" % (seed, idx)
    folder = os.path.join(root, "sessions", sid)
    os.makedirs(folder, exist_ok=True)
    wearables, media_start = {}, "2026-03-02T10:00:00+01:00"
    if phys is not None:  # the sample cohort's wristbands, their media start and length
        media_start = phys["media_start"]
        for w in phys["wearers"]:
            shutil.copytree(os.path.join(SAMPLE, phys["folder"], w["folder"]), os.path.join(folder, w["role"]))
            wearables[w["role"]] = w["role"]
    x = rnd.random()
    fmt = "eaf" if x < 0.06 else "boris" if x < 0.12 else "csv" if x < 0.3 else "jsonl"
    name = "codes." + ("tsv" if fmt == "boris" else fmt)
    meta = {"session_id": sid, "therapist_id": "T%d" % (idx % 7), "client_id": "c%d-%d" % (seed, idx),
            "session_number": 1 + idx // 7, "media_start": media_start,
            "duration_s": s.d, "wearables": wearables, "annotations": [name],
            "consent": {"supervision": True, "research": True}}
    with open(os.path.join(folder, "session.json"), "w") as f:
        json.dump(meta, f, indent=1)
    evs = list(s.events)
    rnd.shuffle(evs)
    with open(os.path.join(folder, name), "w") as f:
        if fmt == "jsonl":
            for ev in evs:
                f.write(json.dumps(ev) + "\n")
        elif fmt == "eaf":
            f.write(eaf(evs))
        elif fmt == "boris":
            f.write(boris(sid, evs))
        else:
            cols = ["start", "end", "code", "actor", "significance", "intensity"]
            f.write(",".join(cols) + "\n")
            for ev in evs:
                f.write(",".join("" if ev.get(c) is None else str(ev[c]) for c in cols) + "\n")
    return sid, fmt


ROLE = {"client": "client", "cl": "client", "therapist": "therapist", "th": "therapist",
        "dyad": "dyad", "dy": "dyad"}


def eaf(evs):
    """ELAN 3.0: one tier per actor, significance and intensity as Symbolic_Association tiers."""
    slots, tiers = [], {}
    for ev in evs:
        role = ROLE[ev["actor"].lower()]
        b = int(round(ev["start"] * 1000))
        e = int(round(ev.get("end", ev["start"]) * 1000))
        n = len(slots)
        slots += [b, e]
        tiers.setdefault(role, []).append((n, ev))
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<ANNOTATION_DOCUMENT AUTHOR="" DATE="2026-03-02T10:00:00+01:00" FORMAT="3.0" VERSION="3.0">',
           '<HEADER MEDIA_FILE="" TIME_UNITS="milliseconds"/>', "<TIME_ORDER>"]
    out += ['<TIME_SLOT TIME_SLOT_ID="ts%d" TIME_VALUE="%d"/>' % (i + 1, v) for i, v in enumerate(slots)]
    out.append("</TIME_ORDER>")
    aid = 0
    for role, items in tiers.items():
        out.append('<TIER LINGUISTIC_TYPE_REF="codes" PARTICIPANT="%s" TIER_ID="%s-codes">' % (role, role))
        deps = {"significance": [], "intensity": []}
        for n, ev in items:
            aid += 1
            out.append('<ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID="a%d" TIME_SLOT_REF1="ts%d" '
                       'TIME_SLOT_REF2="ts%d"><ANNOTATION_VALUE>%s</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION>'
                       '</ANNOTATION>' % (aid, n + 1, n + 2, ev["code"]))
            for k in deps:
                if ev.get(k) is not None:
                    deps[k].append((aid, ev[k]))
        out.append("</TIER>")
        for k, vals in deps.items():
            if not vals:
                continue
            out.append('<TIER LINGUISTIC_TYPE_REF="assoc" PARENT_REF="%s-codes" TIER_ID="%s-%s">' % (role, role, k))
            for parent, v in vals:
                aid += 1
                out.append('<ANNOTATION><REF_ANNOTATION ANNOTATION_ID="a%d" ANNOTATION_REF="a%d">'
                           '<ANNOTATION_VALUE>%s</ANNOTATION_VALUE></REF_ANNOTATION></ANNOTATION>' % (aid, parent, v))
            out.append("</TIER>")
    out += ['<LINGUISTIC_TYPE GRAPHIC_REFERENCES="false" LINGUISTIC_TYPE_ID="codes" TIME_ALIGNABLE="true"/>',
            '<LINGUISTIC_TYPE CONSTRAINTS="Symbolic_Association" GRAPHIC_REFERENCES="false" '
            'LINGUISTIC_TYPE_ID="assoc" TIME_ALIGNABLE="false"/>',
            '<CONSTRAINT DESCRIPTION="1-1 association" STEREOTYPE="Symbolic_Association"/>',
            "</ANNOTATION_DOCUMENT>", ""]
    return "\n".join(out)


def boris(sid, evs):
    """BORIS 9 aggregated events (tab-separated, CRLF), no modifiers: points and states."""
    head = ["Observation id", "Observation date", "Description", "Observation type", "Source",
            "Time offset (s)", "Coding duration", "Media duration (s)", "FPS (frame/s)", "Subject",
            "Observation duration by subject by observation", "Behavior", "Behavioral category",
            "Behavior type", "Start (s)", "Stop (s)", "Duration (s)", "Media file name",
            "Image index start", "Image index stop", "Image file path start", "Image file path stop",
            "Comment start", "Comment stop"]
    rows = ["\t".join(head)]
    for ev in evs:
        b, e = ev["start"], ev.get("end")
        kind = "POINT" if e is None else "STATE"
        rows.append("\t".join([sid, "2026-03-02 10:00:00", "", "Media file", "player #1:s.mp4", "0.000",
                               "3000.000", "3000.000", "25.000", ROLE[ev["actor"].lower()], "3000.000",
                               ev["code"], "", kind, "%.3f" % b, "%.3f" % (b if e is None else e),
                               "NA" if e is None else "%.3f" % (e - b), "s.mp4", "NA", "NA", "NA", "NA", "", ""]))
    return "\r\n".join(rows) + "\r\n"


def main():
    seed, out = int(sys.argv[1]), sys.argv[2]
    rnd = random.Random(seed)
    n = rnd.randint(60, 120)
    planned = {}
    samples = []
    if os.path.exists(os.path.join(SAMPLE, "planted.json")):
        with open(os.path.join(SAMPLE, "planted.json")) as f:
            samples = [x for x in json.load(f)["sessions"] if x.get("client_episodes")]
    prnd = random.Random(seed * 7919)  # a stream of its own for the choice of wristbands
    for i in range(n):
        phys = prnd.choice(samples) if samples and prnd.random() < 0.12 else None
        s = session(rnd, i, seed, phys)
        sid, fmt = write(out, seed, i, s, rnd, phys)
        # the BORIS export carries no modifiers: events differing only in them are one there
        planned[sid] = [p if fmt != "boris" else p[:4] + [None, None] for p in s.planned if p[0] not in UNKNOWN]
    with open(os.path.join(out, "planned.json"), "w") as f:
        json.dump(planned, f)
    print("%d sessions in %s" % (n, os.path.join(out, "sessions")))


if __name__ == "__main__":
    main()
