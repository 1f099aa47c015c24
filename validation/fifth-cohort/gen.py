#!/usr/bin/env python3
"""Fifth independent synthetic cohort: the aggregate tables trainers and supervisors read.

Written for an audit (2026-12-06) from the README's definitions of `sessions/`, `trainees/`,
`clients/`, the report pages, the research export and `queries/`, and DOMAIN.md sections 2-3 and
5, without reading the project's generators. The E4 files are written by the third cohort's
`gen_e4` (its own simple model: tonic EDA with SCRs, beats with RSA, a Gaussian pulse wave, a still
wrist; a planted arousal raises EDA level, SCR rate and HR and lowers skin temperature), imported
from `../third-cohort/gen.py`: only the file format and signal model are reused, every plan fact
here is this generator's.

The cohort: 6 trainees, 2 clients each, 4-6 sessions per client (weekly or fortnightly, December
2025 to March 2026), 28-31 minutes each. Each session is built from up to three 500 s slots:

* offset 0: a rupture scenario (DOMAIN.md 3): W or C, resolved / partially resolved / unaddressed /
  escalated, with a planned time to first repair;
* offset 220: a coded-event scenario: a missed opportunity (a cue with no response, or with a
  reducing-space response), an answered cue, a safety event answered or not within 60 s, or an
  ISTDP pressure-above-threshold moment (ANX_CPD answered by INT_EXPLORE_FEELING);
* offset 320: a planted client arousal (physiology), voiced (ANX_STR_SIGH at +5 s answered by
  INT_VALIDATION at +12 s) or unvoiced (no code).

Sessions vary in what was recorded (both wristbands, the client's only, none), whether the video
was coded (`annotations: []` otherwise), consent (supervision, research) and time zone (a session
whose local date and UTC date fall in different months, one in ISO week 2026-W01 of December
2025). Two clients carry a high burden every session (plateau), one a steadily falling one, one a
session without a wristband in the middle of a high-burden run.

Usage: gen.py SEED OUTDIR   (writes OUTDIR/sessions/<folder>/..., OUTDIR/plan.json, OUTDIR/site.key)
"""
import importlib.util
import json
import os
import random
import sys
from datetime import datetime, timedelta, timezone

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location("third_gen", os.path.join(HERE, "..", "third-cohort", "gen.py"))
third = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(third)

SLOT_S = 500.0
FIRST_SLOT_S = 180.0


def ev(t, code, actor, **mods):
    return {"t": round(float(t), 3), "code": code, "actor": actor, "mods": mods}


# ------------------------------------------------------------------------------------------
# scenarios: each returns (events relative to its start, facts)

def rupture(rnd, cls, outcome):
    m = "RUP_W_MINIMAL" if cls == "W" else "RUP_C_COMPLAINT_THERAPIST"
    m2 = "RUP_W_ABSTRACT" if cls == "W" else "RUP_C_REJECTS_INTERVENTION"
    res = rnd.choice(["RES_CLARIFY_MISUNDERSTANDING", "RES_INVITE_DISCUSS_RELATIONSHIP", "RES_RATIONALE"])
    if outcome == "resolved":
        rep = rnd.choice([45.0, 60.0, 75.0, 90.0, 110.0])
        evs = [ev(0, m, "CL", significance=3), ev(30, m2, "CL", significance=3), ev(rep, res, "TH", significance=3)]
    elif outcome == "partially_resolved":
        rep = rnd.choice([20.0, 35.0, 50.0])
        evs = [ev(0, m, "CL", significance=3), ev(rep, res, "TH", significance=3),
               ev(rep + 60, m2, "CL", significance=3)]
    elif outcome == "escalated":
        rep = rnd.choice([25.0, 40.0])
        evs = [ev(0, m, "CL", significance=2), ev(rep, res, "TH", significance=3),
               ev(rep + 50, m2, "CL", significance=4)]
    else:  # unaddressed
        rep = None
        evs = [ev(0, m, "CL", significance=3), ev(40, m2, "CL", significance=3)]
    return evs, {"kind": "rupture", "cls": cls, "outcome": outcome, "time_to_repair": rep}


def coded(rnd, kind):
    if kind == "missed_none":
        return [ev(0, rnd.choice(["AFF_CONCERN", "AFF_CUE"]), "CL")], {"kind": kind, "missed": 1}
    if kind == "missed_reducing":
        return [ev(0, "AFF_CUE", "CL"), ev(4, "INT_TOPIC_SHIFT", "TH")], {"kind": kind, "missed": 1}
    if kind == "answered":
        return [ev(0, "AFF_CONCERN", "CL"), ev(5, "INT_VALIDATION", "TH")], {"kind": kind, "missed": 0}
    if kind == "safety_unanswered":
        return [ev(0, "SAFE_SUICIDAL_IDEATION", "CL")], {"kind": kind, "safety": 1, "answered": 0}
    if kind == "safety_answered":
        return [ev(0, "SAFE_PANIC", "CL"), ev(20, "INT_REGULATE_ANXIETY", "TH")], \
            {"kind": kind, "safety": 1, "answered": 1}
    if kind == "pressure":
        return [ev(0, "ANX_CPD", "CL", intensity=2), ev(6, "INT_EXPLORE_FEELING", "TH")], \
            {"kind": kind, "pressure": 1}
    raise ValueError(kind)


def arousal(voiced, dur):
    evs = [ev(5, "ANX_STR_SIGH", "CL", intensity=2), ev(12, "INT_VALIDATION", "TH")] if voiced else []
    return evs, {"kind": "arousal", "voiced": voiced, "dur": dur}


# ------------------------------------------------------------------------------------------

TRAINEES = ["TA", "TB", "TC", "TD", "TE", "TF"]
RUPTURES = [None, None, ("W", "resolved"), ("W", "partially_resolved"), ("W", "unaddressed"),
            ("W", "escalated"), ("C", "resolved"), ("C", "partially_resolved"), ("C", "unaddressed"),
            ("C", "escalated")]
CODED = [None] * 9 + ["missed_none"] * 2 + ["missed_reducing"] * 2 + ["answered"] * 3 + [
    "safety_unanswered", "safety_answered", "pressure", "pressure"]


def plan_cohort(seed):
    rnd = random.Random(seed * 104729)
    sessions = []
    cid = 0
    special = {}  # client index -> role
    roles = ["plateau", "plateau", "decline", "gap"]
    picks = rnd.sample(range(12), 4)
    for r, c in zip(roles, picks):
        special[c] = r
    calm_left = 6
    for ti, tid in enumerate(TRAINEES):
        for k in range(2):
            ci = ti * 2 + k
            cid += 1
            role = special.get(ci, "normal")
            n = 6 if role == "plateau" else (5 if role in ("decline", "gap") else rnd.choice([4, 5]))
            start = datetime(2025, 12, 22) + timedelta(days=rnd.randrange(0, 50))
            hour = 9 + rnd.randrange(0, 8)
            day = start
            for sn in range(1, n + 1):
                if sn > 1:
                    day = day + timedelta(days=rnd.choice([7, 7, 7, 14]))
                s = {"therapist_id": tid, "client_id": "client-%d-%02d" % (seed, cid), "client_role": role,
                     "session_number": sn, "local": day.replace(hour=hour, minute=rnd.choice([0, 30])),
                     "offset_h": 1, "duration_s": float(rnd.choice([1680, 1740, 1800, 1860]))}
                wear = rnd.choices(["both", "client", "none"], [0.7, 0.15, 0.15])[0]
                is_coded = rnd.random() > 0.12
                if role in ("plateau", "decline"):
                    wear = "both"
                if role == "gap":
                    wear = "none" if sn == 3 else "both"
                s["wear"] = wear
                s["coded"] = is_coded
                s["consent_supervision"] = rnd.random() > 0.08
                s["consent_research"] = rnd.random() > 0.12
                # slots
                slots = []
                calm = calm_left > 0 and role == "normal" and rnd.random() < 0.2
                if calm:
                    calm_left -= 1
                for j in range(3):
                    slot = {"at": FIRST_SLOT_S + j * SLOT_S}
                    if is_coded:
                        r = rnd.choice(RUPTURES)
                        c = rnd.choice(CODED)
                        if calm:
                            r = r if (r is None or r[1] == "resolved") else None
                            c = c if c in (None, "answered") else None
                        slot["rupture"] = r
                        slot["coded"] = c
                    ar = None
                    if wear != "none":
                        if role in ("plateau", "gap") and j < 2:
                            ar = (rnd.random() < 0.6, 170.0)
                        elif role == "decline" and j == 0:
                            ar = (True, [430.0, 360.0, 290.0, 220.0, 150.0][sn - 1])
                        elif role == "normal" and not calm and rnd.random() < 0.3:
                            ar = (rnd.random() < 0.5, rnd.choice([70.0, 100.0, 130.0]))
                        if ar is not None and j == 2:
                            ar = (ar[0], min(ar[1], 100.0))
                        if ar is not None and role == "decline" and ar[1] > 250:
                            pass  # the 430 s arousal of slot 0 runs into slot 1: slot 1 holds no arousal
                    slot["arousal"] = ar
                    slots.append(slot)
                if role == "decline":
                    for sl in slots[1:]:
                        sl["arousal"] = None
                s["slots"] = slots
                s["calm"] = calm
                sessions.append(s)
    # time-zone and calendar edge cases
    by_date = sorted(range(len(sessions)), key=lambda i: sessions[i]["local"])
    sessions[by_date[0]]["local"] = datetime(2025, 12, 30, 10, 0)  # ISO week 2026-W01, month 2025-12
    sessions[by_date[0]]["offset_h"] = 1
    mid = [i for i in by_date if sessions[i]["local"].month == 2 and sessions[i]["local"].day <= 26]
    if mid:
        i = mid[0]
        sessions[i]["local"] = sessions[i]["local"].replace(day=28, hour=23, minute=40)
        sessions[i]["offset_h"] = -5  # local 28 Feb, UTC 1 Mar
    mar = [i for i in by_date if sessions[i]["local"].month == 3 and i not in mid[:1]]
    if mar:
        i = mar[0]
        sessions[i]["local"] = sessions[i]["local"].replace(day=1, hour=0, minute=20)
        sessions[i]["offset_h"] = 3  # local 1 Mar, UTC 28 Feb
    # dates must stay in number order per client: re-sort each client's dates to its numbers
    byc = {}
    for s in sessions:
        byc.setdefault(s["client_id"], []).append(s)
    for lst in byc.values():
        ds = sorted((s["local"], s["offset_h"]) for s in lst)
        for s, (d, o) in zip(sorted(lst, key=lambda x: x["session_number"]), ds):
            s["local"], s["offset_h"] = d, o
    return sessions


def main():
    seed = int(sys.argv[1])
    out = sys.argv[2]
    root = os.path.join(out, "sessions")
    os.makedirs(root, exist_ok=True)
    key = ("fifth-cohort-site-key-%d" % seed).encode()
    with open(os.path.join(out, "site.key"), "wb") as f:
        f.write(key)
    sessions = plan_cohort(seed)
    rnd = random.Random(seed)
    plan = {"seed": seed, "generator": "validation/fifth-cohort/gen.py", "site_key": key.decode(), "sessions": []}
    used_ids = set()
    for i, s in enumerate(sessions):
        tz = timezone(timedelta(hours=s["offset_h"]))
        media = s["local"].replace(tzinfo=tz)
        sid = "%s-%s" % (s["therapist_id"], media.strftime("%Y%m%d-%H%M"))
        while sid in used_ids:
            media = media + timedelta(minutes=1)
            sid = "%s-%s" % (s["therapist_id"], media.strftime("%Y%m%d-%H%M"))
        used_ids.add(sid)
        folder = os.path.join(root, "f%03d_%s" % (i, sid))
        os.makedirs(folder, exist_ok=True)
        dur = s["duration_s"]
        events, facts, episodes = [], [], []
        for sl in s["slots"]:
            at = sl["at"]
            if sl.get("rupture"):
                e, f = rupture(rnd, *sl["rupture"])
                events += [dict(x, t=round(at + x["t"], 3)) for x in e]
                facts.append(dict(f, t=at))
            if sl.get("coded"):
                e, f = coded(rnd, sl["coded"])
                events += [dict(x, t=round(at + 220 + x["t"], 3)) for x in e]
                facts.append(dict(f, t=at + 220))
            if sl.get("arousal"):
                voiced, adur = sl["arousal"]
                e, f = arousal(voiced and s["coded"], adur)
                events += [dict(x, t=round(at + 320 + x["t"], 3)) for x in e] if s["coded"] else []
                facts.append(dict(f, t=at + 320))
                episodes.append((at + 320, adur))
        wearables = {}
        if s["wear"] in ("both", "client"):
            third.gen_e4(os.path.join(folder, "client_e4"), random.Random(seed * 1000 + i), media.timestamp(),
                         60 + rnd.random() * 60, dur, episodes, 64 + rnd.random() * 8, 1.5 + rnd.random() * 2)
            wearables["client"] = "client_e4"
        if s["wear"] == "both":
            third.gen_e4(os.path.join(folder, "therapist_e4"), random.Random(seed * 1000 + 500 + i),
                         media.timestamp(), 50 + rnd.random() * 40, dur, [], 70 + rnd.random() * 8,
                         2.5 + rnd.random() * 2)
            wearables["therapist"] = "therapist_e4"
        anns = []
        if s["coded"]:
            # every coded video holds the session's agenda-setting, so a coding with no planted event is
            # still a coded session (an empty file is a reject, not a coding that found nothing)
            events.append(ev(30, "INT_STRUCTURE_AGENDA_HOMEWORK", "TH"))
            events.sort(key=lambda x: x["t"])
            with open(os.path.join(folder, "codes.jsonl"), "w") as f:
                for x in events:
                    o = {"start": x["t"], "code": x["code"], "actor": {"CL": "client", "TH": "therapist"}[x["actor"]]}
                    o.update(x["mods"])
                    f.write(json.dumps(o) + "\n")
            anns = ["codes.jsonl"]
        sj = {"session_id": sid, "therapist_id": s["therapist_id"], "client_id": s["client_id"],
              "session_number": s["session_number"], "media_start": media.isoformat(), "duration_s": dur,
              "wearables": wearables, "annotations": anns,
              "consent": {"supervision": s["consent_supervision"], "research": s["consent_research"]}}
        with open(os.path.join(folder, "session.json"), "w") as f:
            json.dump(sj, f, indent=2)
        plan["sessions"].append({
            "session_id": sid, "therapist_id": s["therapist_id"], "client_id": s["client_id"],
            "client_role": s["client_role"], "session_number": s["session_number"],
            "media_start": media.isoformat(), "session_date": media.date().isoformat(),
            "duration_s": dur, "wear": s["wear"], "coded": s["coded"], "calm": s["calm"],
            "consent_supervision": s["consent_supervision"], "consent_research": s["consent_research"],
            "facts": facts, "events": events})
    with open(os.path.join(out, "plan.json"), "w") as f:
        json.dump(plan, f, indent=1)
    print("seed %d: %d sessions in %s" % (seed, len(sessions), root))


if __name__ == "__main__":
    main()
