"""Build one session folder per shared real E4 recording, as a user would (README, Input contract).

Each session: session.json (client-only wearables, no annotations, media_start = the recording's
start from EDA.csv row 1, duration_s = the EDA recording's length), the six channel files copied
into client/. The calibration stretch (minutes 2-6 from media start) then falls in the protocol's
first rest (the first Stress-Predict task starts at 562-775 s).

usage: python3 build_sessions.py DATA_E4_DIR OUT_ROOT
"""
import datetime
import json
import os
import shutil
import sys

CHANNELS = ("EDA.csv", "BVP.csv", "ACC.csv", "TEMP.csv", "HR.csv", "IBI.csv")


def main(data, root):
    os.makedirs(root, exist_ok=True)
    for n, name in enumerate(sorted(os.listdir(data))):
        src = os.path.join(data, name)
        if not os.path.isfile(os.path.join(src, "EDA.csv")):
            continue
        with open(os.path.join(src, "EDA.csv")) as f:
            lines = f.read().split()
        start = float(lines[0].split(",")[0])
        rate = float(lines[1].split(",")[0])
        duration = int((len(lines) - 2) / rate)
        dst = os.path.join(root, name)
        os.makedirs(os.path.join(dst, "client"), exist_ok=True)
        for c in CHANNELS:
            if os.path.exists(os.path.join(src, c)):
                shutil.copyfile(os.path.join(src, c), os.path.join(dst, "client", c))
        media = datetime.datetime.fromtimestamp(start, datetime.timezone.utc)
        session = {
            "session_id": name,
            "therapist_id": "T-REAL",
            "client_id": "C-%02d" % n,
            "session_number": 1,
            "media_start": media.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "duration_s": duration,
            "wearables": {"client": "client"},
            "annotations": [],
            "consent": {"supervision": True, "research": True},
        }
        with open(os.path.join(dst, "session.json"), "w") as f:
            json.dump(session, f, indent=2)
        print(name, session["media_start"], duration)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
