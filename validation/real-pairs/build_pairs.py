"""Dyad sessions from two unrelated people: the shared real E4 recordings paired as client and therapist.

Stress-Predict S01-S08 are eight different volunteers recorded on different days, each alone. Every
unordered pair (i < j) becomes two dyad sessions (README, Input contract): S0i as the client in its
own time, and S0j as the therapist with every start time in its files moved so that

* ``aligned``: S0j starts when S0i starts. Both followed the same protocol (rest, Stroop, rest,
  interview, rest, hyperventilation, rest) with similar timing, so their task responses coincide:
  shared-stimulus coupling, no interaction.
* ``offset``: S0j starts 600 s before S0i (its protocol runs 10 minutes ahead), so neither shared
  timing nor interaction links the two: the session synchrony index should be at chance, above
  its 95th surrogate percentile in about 5 % of sessions.

The video is the common span of the two recordings. No annotations.

usage: python3 build_pairs.py DATA_E4_DIR OUT_ROOT
"""
import datetime
import json
import os
import sys

CHANNELS = ("EDA.csv", "BVP.csv", "ACC.csv", "TEMP.csv", "HR.csv", "IBI.csv")
OFFSET_S = 600


def start_and_length(folder):
    with open(os.path.join(folder, "EDA.csv")) as f:
        lines = f.read().split()
    start = float(lines[0].split(",")[0])
    rate = float(lines[1].split(",")[0])
    return start, (len(lines) - 2) / rate


def copy_shifted(src, dst, shift):
    """Copies the channel files, adding ``shift`` seconds to each file's start (row 1)."""
    os.makedirs(dst, exist_ok=True)
    for c in CHANNELS:
        path = os.path.join(src, c)
        if not os.path.exists(path):
            continue
        with open(path) as f:
            text = f.read()
        first, rest = text.split("\n", 1)
        cells = first.split(",")
        if c == "IBI.csv":  # "start, IBI"
            cells[0] = "%.6f" % (float(cells[0]) + shift)
        else:
            cells = ["%.6f" % (float(x) + shift) for x in cells]
        with open(os.path.join(dst, c), "w") as f:
            f.write(",".join(cells) + "\n" + rest)


def main(data, root):
    names = sorted(n for n in os.listdir(data) if n.startswith("stress-predict-S"))
    os.makedirs(root, exist_ok=True)
    for a in range(len(names)):
        for b in range(a + 1, len(names)):
            ca, cb = os.path.join(data, names[a]), os.path.join(data, names[b])
            sa, la = start_and_length(ca)
            sb, lb = start_and_length(cb)
            for variant, lead in (("aligned", 0), ("offset", OFFSET_S)):
                sid = "%s-%s-%s" % (names[a][-3:], names[b][-3:], variant)
                dst = os.path.join(root, sid)
                copy_shifted(ca, os.path.join(dst, "client"), 0.0)
                # therapist starts `lead` s before the client: its protocol runs ahead by `lead`
                copy_shifted(cb, os.path.join(dst, "therapist"), (sa - lead) - sb)
                begin = sa  # the client's start; the therapist started earlier or at once
                end = min(sa + la, sa - lead + lb)
                session = {
                    "session_id": sid,
                    "therapist_id": "T-" + names[b][-3:],
                    "client_id": "C-" + names[a][-3:],
                    "session_number": 1,
                    "media_start": datetime.datetime.fromtimestamp(begin, datetime.timezone.utc)
                    .strftime("%Y-%m-%dT%H:%M:%SZ"),
                    "duration_s": int(end - begin),
                    "wearables": {"client": "client", "therapist": "therapist"},
                    "annotations": [],
                    "consent": {"supervision": True, "research": True},
                }
                with open(os.path.join(dst, "session.json"), "w") as f:
                    json.dump(session, f, indent=2)
                print(sid, session["media_start"], session["duration_s"])


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
