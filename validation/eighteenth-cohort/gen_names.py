"""Probe cohort 'names' (eighteenth audit): names an object store treats differently from a disk.

python3 gen_names.py SAMPLE_DATA DIR   writes DIR/sessions

One sample session (2026-03-19_T02_0900: a client E4 export and a JSONL coding) copied under
folder, wearable-folder and annotation-file names holding characters that URIs, Hadoop paths and
S3 keys treat specially (space, %, #, :, +, ?, [, non-ASCII), each copy with its own session_id;
and two folders that repeat one session_id in another case whose names sort differently by UTF-16
code units (Java's String order) and by UTF-8 bytes (S3's key order): which one is "the earlier
folder" that is reviewed (README, Input contract) must not depend on where the root lives.
N11: the client export as a zip a streaming writer made (stored entries with data descriptors),
which README's Wearables section says is read from its central directory."""
import gzip
import json
import os
import shutil
import sys
import zipfile

SRC = "2026-03-19_T02_0900"

CASES = [
    # (folder name, session_id, wearable folder name, annotation file name)
    ("N01 a space", "N01", "client export", "codes 1.jsonl"),
    ("N02%41percent", "N02", "client%20e4", "codes%2Fx.jsonl"),
    ("N03#hash", "N03", "client#1", "codes#1.jsonl"),
    ("N04:colon", "N04", "client:e4", "codes:1.jsonl"),
    ("N05+plus", "N05", "client+e4", "codes+1.jsonl"),
    ("N06-\u00fcml\u00e4ut", "N06", "kli\u00ebnt", "co\u00f0es.jsonl"),
    ("N07?question", "N07", "client?", "codes?.jsonl"),
    ("N08[bracket]", "N08", "client[1]", "codes[1].jsonl"),
    ("N09 trailing ", "N09", "client", "codes.jsonl"),
    # the order probe: U+1F600 sorts before U+E000 in UTF-16, after it in UTF-8
    ("N10-\U0001F600", "N10", "client", "codes.jsonl"),
    ("N10-\ue000", "n10", "client", "codes.jsonl"),
]


def main():
    sample, root = sys.argv[1], os.path.join(sys.argv[2], "sessions")
    src = os.path.join(sample, SRC)
    base = json.load(open(os.path.join(src, "session.json"), encoding="utf-8"))
    os.makedirs(root, exist_ok=True)
    for folder, sid, wear, ann in CASES:
        d = os.path.join(root, folder)
        os.makedirs(d)
        shutil.copytree(os.path.join(src, base["wearables"]["client"]), os.path.join(d, wear))
        shutil.copyfile(os.path.join(src, base["annotations"][0]), os.path.join(d, ann))
        s = dict(base)
        s["session_id"] = sid
        s["wearables"] = {"client": wear}
        s["annotations"] = [ann]
        with open(os.path.join(d, "session.json"), "w", encoding="utf-8") as f:
            json.dump(s, f, indent=2, ensure_ascii=False)
    # N11: the client export as a zip a streaming writer made (Python's zipfile writing to a pipe:
    # stored entries followed by data descriptors), which only the central directory delimits
    d = os.path.join(root, "N11-streamed-zip")
    os.makedirs(os.path.join(d, "client"))
    shutil.copyfile(os.path.join(src, base["annotations"][0]), os.path.join(d, "codes.jsonl"))
    w = os.path.join(src, base["wearables"]["client"])
    r, wfd = os.pipe()
    if os.fork() == 0:
        os.close(r)
        with os.fdopen(wfd, "wb") as pipe, zipfile.ZipFile(pipe, "w", zipfile.ZIP_STORED) as z:
            for n in sorted(os.listdir(w)):
                with open(os.path.join(w, n), "rb") as f:
                    z.writestr(n[:-3] if n.endswith(".gz") else n, gzip.decompress(f.read()) if n.endswith(".gz") else f.read())
        os._exit(0)
    os.close(wfd)
    with os.fdopen(r, "rb") as pipe, open(os.path.join(d, "client", "1773925148_A05D90.zip"), "wb") as out:
        shutil.copyfileobj(pipe, out)
    os.wait()
    s = dict(base)
    s["session_id"] = "N11"
    s["wearables"] = {"client": "client"}
    s["annotations"] = ["codes.jsonl"]
    with open(os.path.join(d, "session.json"), "w", encoding="utf-8") as f:
        json.dump(s, f, indent=2, ensure_ascii=False)


main()
