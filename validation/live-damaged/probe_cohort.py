#!/usr/bin/env python3
"""Makes the probe cohort of the live-damaged audit from a seventh-cohort sessions folder.

Usage: python3 probe_cohort.py SESSIONS DEST

DEST/G01 is a copy of G01-intact-eaf; DEST/B01 the same session (id B01) whose client EDA.csv holds
two exports joined in the wrong order (`cat "EDA (1).csv" EDA.csv`): the samples from 500 s of the
recording on, under their own header rows starting 60 s after the earlier part ends, come first,
then the earlier export; its times jump back 560 s at the second header. DEST/C01 (id C01) has
channels that stop early while the others go on: client IBI.csv cut after 45 % of its lines, client
ACC.csv after 50 %, therapist HR.csv after 60 % (each at a line end).
"""
import json
import os
import shutil
import sys

src, dest = sys.argv[1], sys.argv[2]
g01 = next(os.path.join(src, d) for d in sorted(os.listdir(src)) if d.startswith("G01"))
shutil.copytree(g01, os.path.join(dest, "G01"))
b01 = os.path.join(dest, "B01")
shutil.copytree(g01, b01)
with open(os.path.join(b01, "session.json")) as f:
    meta = json.load(f)
meta["session_id"] = "B01"
with open(os.path.join(b01, "session.json"), "w") as f:
    json.dump(meta, f, indent=2)
eda = os.path.join(b01, "client", "EDA.csv")
with open(eda) as f:
    lines = f.read().split("\n")
start, rate, samples = float(lines[0]), float(lines[1]), [x for x in lines[2:] if x]
cut = int(500 * rate)
later_start = start + cut / rate + 60
with open(eda, "w") as f:
    f.write(f"{later_start:.6f}\n{rate:.6f}\n" + "\n".join(samples[cut:]) + "\n")
    f.write(f"{start:.6f}\n{rate:.6f}\n" + "\n".join(samples[:cut]) + "\n")
print(f"B01 client EDA: {len(samples) - cut} samples from {later_start:.0f}, then {cut} from {start:.0f}")

c01 = os.path.join(dest, "C01")
shutil.copytree(g01, c01)
meta["session_id"] = "C01"
with open(os.path.join(c01, "session.json"), "w") as f:
    json.dump(meta, f, indent=2)
for rel, share in (("client/IBI.csv", 0.45), ("client/ACC.csv", 0.5), ("therapist/HR.csv", 0.6)):
    path = os.path.join(c01, rel)
    with open(path) as f:
        lines = f.read().split("\n")
    kept = int(len(lines) * share)
    with open(path, "w") as f:
        f.write("\n".join(lines[:kept]) + "\n")
    print(f"C01 {rel}: {kept} of {len(lines)} lines")
