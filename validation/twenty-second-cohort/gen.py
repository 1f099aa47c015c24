#!/usr/bin/env python3
"""Twenty-second cohort: the unusual sessions a supervisor meets in the report.

gen.py SEED REPO DIR writes DIR/sessions/: the eight sample-data/ sessions unchanged, 11 folders
made from copies of sample-data/ sessions and one more folder (session.json edited, annotation files written, some E4
files edited; the E4 start times, hence media_start, are kept so that the bands overlap the
video) and 104 sessions without wristbands, only codings, for a queue of more than 100
sessions. DIR/plan.json says what each edited folder tests. Stdlib only; deterministic for a seed.
"""
import gzip
import json
import os
import random
import shutil
import sys

SEED, REPO, OUT = int(sys.argv[1]), sys.argv[2], sys.argv[3]
SAMPLE = os.path.join(REPO, "sample-data")
ROOT = os.path.join(OUT, "sessions")
rnd = random.Random(SEED)
plan = {}


def copy(src, dst):
    shutil.copytree(os.path.join(SAMPLE, src), os.path.join(ROOT, dst))
    return os.path.join(ROOT, dst)


def manifest(folder, **changes):
    path = os.path.join(folder, "session.json")
    with open(path, encoding="utf-8") as f:
        m = json.load(f)
    for k, v in changes.items():
        if v is None:
            m.pop(k, None)
        else:
            m[k] = v
    with open(path, "w", encoding="utf-8") as f:
        json.dump(m, f, ensure_ascii=False, indent=1)
    return m


def jsonl(folder, name, events):
    with open(os.path.join(folder, name), "w", encoding="utf-8") as f:
        for e in events:
            f.write(json.dumps(e) + "\n")


def rewrite_e4(folder, name, fn):
    """Rewrites an E4 channel file (gzip): fn(index, rate, value) -> value for each data line."""
    path = os.path.join(folder, name)
    with gzip.open(path, "rt") as f:
        lines = f.read().splitlines()
    rate = float(lines[1].split(",")[0])
    out = lines[:2] + [fn(i, rate, v) for i, v in enumerate(lines[2:])]
    with gzip.open(path, "wt") as f:
        f.write("\n".join(out) + "\n")


def note(sid, what):
    plan[sid] = what


def main():
    if os.path.exists(ROOT):
        shutil.rmtree(ROOT)
    os.makedirs(ROOT)
    for d in sorted(os.listdir(SAMPLE)):
        if os.path.isdir(os.path.join(SAMPLE, d)):
            shutil.copytree(os.path.join(SAMPLE, d), os.path.join(ROOT, d))

    # L1: a video of 66:40 (longer than an hour), bands of the 26-min sample recording; a
    # confrontation marker at 00:00, a withdrawal marker at 61:40 (unaddressed), a safety event
    # 10 s before the end (no response can follow), an intervention at the last second.
    f = copy("2026-03-02_T01_1000", "L1-long")
    manifest(f, session_id="T05-20260401-1000", therapist_id="T05", client_id="C-0105",
             session_number=1, duration_s=4000)
    jsonl(f, "annotations.jsonl", [
        {"start": 0.0, "code": "RUP_C_COMPLAINT_PROGRESS", "actor": "client", "significance": 3},
        {"start": 30.0, "end": 85.0, "code": "INT_STRUCTURE_AGENDA_HOMEWORK", "actor": "therapist"},
        {"start": 3700.0, "code": "RUP_W_MINIMAL", "actor": "client", "significance": 4},
        {"start": 3990.0, "code": "SAFE_SELF_HARM", "actor": "client"},
        {"start": 3999.0, "code": "INT_VALIDATION", "actor": "therapist"},
    ])
    note("T05-20260401-1000", "66:40 video, markers at 00:00 and 61:40, safety at 66:30, a code at 66:39")

    # U1: the same client, a session whose video was not coded (no annotation file).
    f = copy("2026-03-09_T01_1000", "U1-uncoded")
    manifest(f, session_id="T05-20260408-1000", therapist_id="T05", client_id="C-0105",
             session_number=2, annotations=[], codebook=None)
    for n in ("boris_aggregated.tsv", "codebook.json"):
        os.remove(os.path.join(f, n))
    note("T05-20260408-1000", "no annotations: not coded")

    # N1: no client wristband, only the therapist's; coded with an unaddressed rupture.
    f = copy("2026-03-26_T02_0900", "N1-no-client-band")
    m = manifest(f, session_id="T06-20260402-0900", therapist_id="T06", client_id="C-0106",
                 session_number=3)
    m["wearables"] = {"therapist": m["wearables"]["therapist"]}
    manifest(f, wearables=m["wearables"])
    shutil.rmtree(os.path.join(f, "1774529939_A05D90"))
    note("T06-20260402-0900", "only the therapist wears a band")

    # Q1: the client's EDA at 0.01 uS after 2 min and no ACC, BVP, IBI or HR file: LOW client quality.
    f = copy("2026-03-05_T02_0900", "Q1-low-quality")
    manifest(f, session_id="T06-20260409-0900", therapist_id="T06", client_id="C-0106",
             session_number=1)
    band = os.path.join(f, "1772719165_A05D90")
    rewrite_e4(band, "EDA.csv.gz", lambda i, r, v: "0.010000" if i / r > 120 else v)
    for n in ("ACC.csv.gz", "BVP.csv.gz", "IBI.csv.gz", "HR.csv.gz"):
        os.remove(os.path.join(band, n))
    note("T06-20260409-0900", "client EDA contact lost after 120 s, only EDA and TEMP files: LOW")

    # W1: the same trainee and client, no supervision consent: withheld; T06's and C-0106's rows
    # are recomputed without it.
    f = copy("2026-03-12_T02_0900", "W1-withheld")
    manifest(f, session_id="T06-20260416-0900", therapist_id="T06", client_id="C-0106",
             session_number=2,
             consent={"supervision": False, "research": True})
    note("T06-20260416-0900", "withheld")

    # R1: many rejects: 400 lines of unknown codes and broken JSON beside the real coding.
    f = copy("2026-03-19_T02_0900", "R1-many-rejects")
    manifest(f, session_id="T07-20260403-1100", therapist_id="T07", client_id="C-0107",
             session_number=2)
    with open(os.path.join(f, "annotations.jsonl"), "a", encoding="utf-8") as out:
        for i in range(400):
            if i % 2:
                out.write('{"start": %d, "code": "NOT_A_CODE_%d", "actor": "client"}\n' % (i, i))
            else:
                out.write('{"start": %d, "code": "INT_VALIDATION", "actor": \n' % i)
    note("T07-20260403-1100", "400 rejected lines")

    # I1: an id with a space and non-ASCII letters, a trainee id with non-ASCII letters.
    f = copy("2026-04-14_T01_1430", "I1-odd-id")
    manifest(f, session_id="T08 séance 1 <b>", therapist_id="Thérapeute 8", client_id="C-0108",
             session_number=1)
    note("T08 séance 1 <b>", "space, non-ASCII and markup in the id")

    # I2/I3: case twins for a trainee id (session ids differing only in case are one session,
    # README input contract) (coded, wristbands of the sample).
    f = copy("2026-04-21_T01_1430", "I2-twin-upper")
    manifest(f, session_id="T09-20260421-1430", therapist_id="T09", client_id="C-0109",
             session_number=1, consent={"supervision": True, "research": True})
    f = copy("2026-03-02_T01_1000", "I3-twin-lower")
    manifest(f, session_id="t09-20260421-1500", therapist_id="t09", client_id="C-0110",
             session_number=1)
    note("T09-20260421-1430", "trainee T09, case twin of trainee t09")
    note("t09-20260421-1500", "trainee t09, case twin of trainee T09")

    # S1: only the therapist, a client who was never recorded nor wore a band; a safety event at
    # 00:00 answered at once.
    f = copy("2026-03-12_T02_0900", "S1-therapist-only")
    m = manifest(f, session_id="T07-20260410-1100", therapist_id="T07", client_id="C-0107",
                 session_number=1)
    manifest(f, wearables={"therapist": m["wearables"]["therapist"]}, annotations=["codes.jsonl"],
             codebook=None)
    shutil.rmtree(os.path.join(f, m["wearables"]["client"]))
    for n in ("boris_events.tsv", "therapist_codes.jsonl", "codebook.json"):
        os.remove(os.path.join(f, n))
    jsonl(f, "codes.jsonl", [
        {"start": 0.0, "code": "SAFE_PANIC", "actor": "client"},
        {"start": 5.0, "code": "INT_REGULATE_ANXIETY", "actor": "therapist"},
        {"start": 1499.0, "code": "RUP_W_DENIAL", "actor": "client", "significance": 2},
    ])
    note("T07-20260410-1100", "therapist band only, safety at 00:00 answered, marker at the last second")

    # X1: a trainee and a client whose only session is withheld: no trainee or client page, and
    # neither the trainee id (but in the session id's line) nor the pseudonym on any page.
    folder = os.path.join(ROOT, "X1-withheld-only")
    os.makedirs(folder)
    jsonl(folder, "codes.jsonl", [{"start": 300.0, "code": "SAFE_SUICIDAL_IDEATION", "actor": "client"}])
    with open(os.path.join(folder, "session.json"), "w") as out:
        json.dump({"session_id": "T10-20260420-0900", "therapist_id": "T10", "client_id": "C-0111",
                   "session_number": 1, "media_start": "2026-04-20T09:00:00+02:00", "duration_s": 1800,
                   "wearables": {}, "annotations": ["codes.jsonl"],
                   "consent": {"supervision": False, "research": True}}, out, indent=1)
    note("T10-20260420-0900", "withheld, the only session of trainee T10 and its client")

    # Q: 104 sessions without wristbands, 8 trainees, 13 sessions each, codings only; some equal
    # codings (priority ties decided by session id), some calm.
    kinds = ["calm", "unaddressed", "safety", "safety_answered", "missed", "escalated", "tie"]
    for t in range(8):
        for k in range(13):
            sid = "Q%02d-2026%02d%02d-%02d00" % (t + 1, 1 + k // 4, 1 + 7 * (k % 4), 9 + (t % 3))
            dur = rnd.choice([1800, 2700, 3000, 3900])
            kind = kinds[(t * 13 + k) % len(kinds)]
            ev = [{"start": 60.0, "end": 90.0, "code": "INT_STRUCTURE_AGENDA_HOMEWORK",
                   "actor": "therapist"}]
            t0 = float(rnd.randrange(300, dur - 400))
            if kind == "unaddressed":
                ev.append({"start": t0, "code": "RUP_W_AVOID_STORY", "actor": "client",
                           "significance": rnd.randint(1, 5)})
            elif kind == "safety":
                ev.append({"start": t0, "code": "SAFE_SUICIDAL_IDEATION", "actor": "client"})
            elif kind == "safety_answered":
                ev.append({"start": t0, "code": "SAFE_PANIC", "actor": "client"})
                ev.append({"start": t0 + 20, "code": "INT_REGULATE_ANXIETY", "actor": "therapist"})
            elif kind == "missed":
                ev.append({"start": t0, "code": "ANX_STR_SIGH", "actor": "client", "intensity": 2})
                ev.append({"start": t0 + 200, "code": "ANX_CPD", "actor": "client", "intensity": 3})
            elif kind == "escalated":
                ev.append({"start": t0, "code": "RUP_C_COMPLAINT_PROGRESS", "actor": "client",
                           "significance": 2})
                ev.append({"start": t0 + 30, "code": "RES_INVITE_DISCUSS_RELATIONSHIP", "actor": "therapist",
                           "significance": 3})
                ev.append({"start": t0 + 100, "code": "RUP_C_COMPLAINT_PROGRESS", "actor": "client",
                           "significance": 5})
            elif kind == "tie":
                ev = [{"start": 600.0, "code": "RUP_W_MINIMAL", "actor": "client", "significance": 3}]
                dur = 1800
            if k == 12:  # the last second of the video
                ev.append({"start": float(dur), "code": "RUP_W_DEFERENTIAL", "actor": "client",
                           "significance": 2})
            folder = os.path.join(ROOT, "queue", sid)
            os.makedirs(folder)
            jsonl(folder, "codes.jsonl", ev)
            with open(os.path.join(folder, "session.json"), "w") as out:
                json.dump({"session_id": sid, "therapist_id": "Q%02d" % (t + 1),
                           "client_id": "QC-%d-%d" % (t, k % 2), "session_number": 1 + k // 2,
                           "media_start": "2026-%02d-%02dT%02d:00:00Z" % (1 + k // 4, 1 + 7 * (k % 4), 9 + (t % 3)),
                           "duration_s": dur, "wearables": {}, "annotations": ["codes.jsonl"],
                           "consent": {"supervision": (t * 13 + k) % 29 != 5, "research": True}},
                          out, indent=1)
    with open(os.path.join(OUT, "plan.json"), "w", encoding="utf-8") as out:
        json.dump(plan, out, ensure_ascii=False, indent=1)


main()
