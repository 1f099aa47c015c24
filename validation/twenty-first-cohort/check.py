#!/usr/bin/env python3
"""Searches every output byte of a run.sh work folder for the canaries gen.py planted.

Outputs searched: the review's two --out folders (every file's bytes: Parquet footers, key-value
metadata and column descriptions are uncompressed there; run.json, baselines.json), every table
cell of the review and of the research export read back with the jar's sql command (Parquet pages
are compressed), the report's pages and assets, the research export's files, and the console
(stdout, stderr) of every command. With a live/ folder (run.sh LIVE=1) also the Kafka topics as
`watch --json` printed them and the live tables.

Policy checked (README, Privacy): no canary and no raw client id in any byte of any output.
Exceptions, where the README says so and a supervisor needs it: a file or folder name (the path
tokens jane_doe / Jane-Doe, and the names of listed files that are absent) in the supervision
outputs (review tables' source_file, run.json's inputs, the console summary, the live tables and
topics, which are the review's), never in the report's pages or the research export; a codebook
label as coded in the review's annotations.label.
Prints one line per check and a summary; exit 1 when any check fails.
"""
import json
import os
import re
import sys

D = sys.argv[1]
plan = json.load(open(os.path.join(D, "plan.json")))
ok = bad = 0
failures = []


def check(cond, what):
    global ok, bad
    if cond:
        ok += 1
    else:
        bad += 1
        failures.append(what)
        print("FAIL", what)


# which canaries are file names (listed in session.json but absent) or labels kept as coded
PATHLIKE = {"CANARY_ANN_MISSING", "CANARY_CB_MISSING", "CANARY_SJ_MISSINGANN", "CANARY_K_SRCFILE", "CANARY_ZIP_DIR"}
LABEL = {"CANARY_CB_LABEL", "CANARY_K_LABEL"}
canaries = sorted({p["canary"] for p in plan["plants"]}, key=len, reverse=True)


def files(*subs):
    for sub in subs:
        base = os.path.join(D, sub)
        if os.path.isfile(base):
            yield base
            continue
        for dp, dn, fn in os.walk(base):
            for f in fn:
                yield os.path.join(dp, f)


def area(path):
    rel = os.path.relpath(path, D)
    if rel.startswith(("research", "logs/research", "logs/export", "logs/sqlr")):
        return "research"
    if rel.startswith(("report", "logs/report")):
        return "report"
    return "review"


SCAN = ["out1", "out2", "out3", "report", "report3", "research", "research3", "live", "kafka-data"] + ["logs/" + f for f in sorted(os.listdir(os.path.join(D, "logs")))
                                                         if not f.endswith(".sql")]
hits = {}
nfiles = nbytes = 0
token_re = re.compile(rb"CANARY_[A-Za-z0-9_]*|CLIENTRAW_[A-Z0-9]*|jane_doe_(?:codebook|baselines)\.json|jane[ _-]doe", re.I)
for f in files(*[s for s in SCAN if os.path.exists(os.path.join(D, s))]):
    rel = os.path.relpath(f, D)
    if rel.startswith("kafka-data/session-review.input-"):
        continue  # the input topic's log holds the hand-made messages (input); replay's are read below
    data = open(f, "rb").read()
    if rel.endswith("session-review.input.jsonl"):
        # replay's output: the input topic as watch printed it, without Send.java's hand-made messages
        data = b"\n".join(l for l in data.split(b"\n") if not re.search(rb'"session_id": ?"K0', l))
    nfiles += 1
    nbytes += len(data)
    # also UTF-16 text (a Windows tool's copy) and JSON-escaped text are found by the plain search
    for m in set(token_re.findall(data)):
        hits.setdefault(m.decode("ascii", "replace"), set()).add(os.path.relpath(f, D))

print("searched %d files, %d bytes" % (nfiles, nbytes))
for tok, where in sorted(hits.items()):
    areas = {area(os.path.join(D, w)) for w in where}
    up = tok.upper()
    if up in ("JANE_DOE_CODEBOOK.JSON", "JANE_DOE_BASELINES.JSON"):
        # the run-wide --codebook and --baselines by file name: the review's footers and run.json,
        # and the report's pages (README, Privacy), never the research export
        check(areas <= {"review", "report"}, "run-wide file name %s only in supervision outputs (found in %s)" % (tok, sorted(where)))
        print("  run-wide file name %-22s kept in %d files (%s)" % (tok, len(where), ", ".join(sorted({w.split("/")[0] for w in where}))))
    elif up.startswith("CLIENTRAW"):
        check(False, "raw client id %s in %s" % (tok, sorted(where)))
    elif re.fullmatch(r"JANE[_-]DOE", up) or up.startswith("CANARY_") and up in PATHLIKE:
        check(areas <= {"review"}, "path token %s only in supervision outputs (found in %s)" % (tok, sorted(where)))
        print("  path token %-22s kept in %s" % (tok, ", ".join(sorted(where))))
    elif up in LABEL:
        check(areas <= {"review"} and all("annotations" in w or w.startswith(("logs/tables", "logs/live-tables", "kafka-data"))
                                          or w.endswith("input.jsonl") for w in where),
              "label %s only in the review's annotations (found in %s)" % (tok, sorted(where)))
    else:
        check(False, "canary %s in %s" % (tok, sorted(where)))
check(not any(t.upper() == "JANE DOE" for t in hits), "the name (Jane Doe) as content in no output")

# every planted canary's own check (the search above found none of them outside the exceptions)
for p in plan["plants"]:
    c = p["canary"]
    found = [t for t in hits if c.upper() in t.upper() or t.upper() in c.upper() and t.upper().startswith("CANARY_") and len(t) > 12]
    if c in PATHLIKE or c in LABEL:
        continue
    check(not found, "plant %s (%s): %s" % (c, p["where"], "in no output" if not found else "FOUND"))

# the two review runs give the same rows
t1 = sorted(open(os.path.join(D, "logs/tables1.jsonl")).read().splitlines())
t2 = sorted(open(os.path.join(D, "logs/tables2.jsonl")).read().splitlines())
check(t1 == t2 and len(t1) > 100, "review run twice: the same %d rows" % len(t1))
for f in ("baselines.json",):
    check(open(os.path.join(D, "out1", f), "rb").read() == open(os.path.join(D, "out2", f), "rb").read(), "%s identical" % f)
rc = dict(l.split() for l in open(os.path.join(D, "logs/rc.txt")) if l.strip() and not l.startswith("sql"))
check(all(v == "0" for v in rc.values()), "every command exit 0: %s" % rc)
check(not [l for l in open(os.path.join(D, "logs/rc.txt")) if l.startswith("sql")], "every sql dump ran")
rows = [json.loads(l) for l in t1 if l.strip()]
rej = [r for r in rows if "reason" in r and "raw" in r]
check(all(len(r["reason"]) <= 240 for r in rej), "every reason at most 240 characters")
sess = {r["session_id"] for r in rows if "priority" in r or "flag_reasons" in r}
print("reviewed sessions:", sorted(s for s in sess if s))
print("reject rows: %d" % len(rej))
print("%d of %d checks passed" % (ok, ok + bad))
sys.exit(1 if bad else 0)
