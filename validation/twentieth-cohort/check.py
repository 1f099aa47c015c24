#!/usr/bin/env python3
"""Compare a twentieth-cohort review (tables read with the jar's sql command, run.json, the
console, and the files the review opened as strace saw them) with the plan gen.py wrote.
Usage: python3 check.py DIR (DIR holding plan.json, out1/, out2/, tables1.jsonl, tables2.jsonl,
review1.rc, review2.rc, review1.log, review2.log, optionally strace1.txt). Prints each check group,
pass/fail counts and every failure; exits 1 when a check failed."""
import collections
import json
import os
import re
import sys

D = sys.argv[1]
plan = json.load(open(os.path.join(D, "plan.json"), encoding="utf-8"))
ARCH = os.path.join(D, "archive")
CH = ["ACC.csv", "BVP.csv", "EDA.csv", "HR.csv", "IBI.csv", "TEMP.csv"]
results = collections.OrderedDict()
failures = []


def check(group, ok, msg):
    r = results.setdefault(group, [0, 0])
    r[0 if ok else 1] += 1
    if not ok:
        failures.append("[%s] %s" % (group, msg))


def load_tables(path):
    tables = collections.defaultdict(list)
    cur = None
    if not os.path.exists(path):
        return tables
    for line in open(path, encoding="utf-8"):
        line = line.strip()
        if not line:
            continue
        o = json.loads(line)
        if list(o.keys()) == ["block"]:
            cur = o["block"]
            tables.setdefault(cur, [])
            continue
        tables[cur].append(o)
    return tables


def read(p):
    return open(os.path.join(D, p), encoding="utf-8", errors="replace").read() if os.path.exists(os.path.join(D, p)) else ""


t1 = load_tables(os.path.join(D, "tables1.jsonl"))
t2 = load_tables(os.path.join(D, "tables2.jsonl"))
run1 = json.load(open(os.path.join(D, "out1", "run.json"), encoding="utf-8"))
run2 = json.load(open(os.path.join(D, "out2", "run.json"), encoding="utf-8"))
logs = [read("review1.log"), read("review2.log")]
for run in (1, 2):
    x = read("review%d.seconds" % run).strip()
    if x:
        print("review run %d: %s s" % (run, x))
m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", logs[1])
if m:
    print("review run 2: maximum resident set %d MB" % (int(m.group(1)) // 1024))

# ---- the command: exit 0 (README: bad sessions and records are rejects), no stack trace
for run in (1, 2):
    rc = read("review%d.rc" % run).strip()
    check("command", rc == "0", "review run %d exit code %s (README: 0)" % (run, rc))
check("command", "Exception" not in logs[0] and "\tat " not in logs[0], "the console shows an exception or stack trace")

rejects = t1["rejects"]
sessions = {r["session_id"]: r for r in t1["sessions"]}
ann = collections.Counter(r["session_id"] for r in t1["annotations"])
folders = sorted((s["folder"] for s in plan["sessions"]), key=len, reverse=True)


def owner(path):
    """the planned session folder a path lies in (the deepest one), or None"""
    p = (path or "").rstrip("/")
    for f in folders:
        if p == f or p.startswith(f + "/"):
            return f
    return None


by_folder = collections.defaultdict(list)
for i, r in enumerate(rejects):
    by_folder[owner(r["source_file"])].append((i, r))
used = set()

# ---- folders of the archive that are no session: one row each, as planned
for fr in plan["folders"]:
    cands = [(i, r) for i, r in by_folder[None] if i not in used and r["source_file"] == fr["path"]
             and all(w.lower() in (r["reason"] or "").lower() for w in fr["words"])]
    check("folder rows", bool(cands), "no reject row for %s containing %s (%s); rows there: %s" % (
        fr["path"], fr["words"], fr["note"], [(r["source_file"], r["reason"]) for _, r in by_folder[None]
                                              if r["source_file"].startswith(fr["path"])][:3]))
    for i, _ in cands[:1]:
        used.add(i)
for i, r in by_folder[None]:
    check("folder rows", i in used, "unexpected reject row %s: %s" % (r["source_file"], r["reason"]))

# ---- per session folder
for s in plan["sessions"]:
    sid, folder = s["session_id"], s["folder"]
    mine = by_folder[folder]

    def rel(r):
        return (r["source_file"] or "")[len(folder) + 1:].rstrip("/")

    for e in s["rejects"]:
        cands = [(i, r) for i, r in mine if i not in used and rel(r) == e["file"]
                 and all(w.lower() in (r["reason"] or "").lower() for w in e["words"])]
        check("expected reject rows", bool(cands), "%s (%s): no reject row for %s containing %s (%s); rows of that file: %s" % (
            sid, folder, e["file"], e["words"], e["note"], [(r["line"], r["reason"][:160]) for _, r in mine if rel(r) == e["file"]]))
        for i, _ in cands[:1]:
            used.add(i)
    if s.get("same_coding_twice"):
        dup = [(i, r) for i, r in mine if i not in used and rel(r) == s["same_coding_twice"] and "two coders' identical events" in r["reason"]]
        check("one coding listed twice", len(dup) == 6, "%s: %d rows 'the same event' for %s, expected 6 (each event of the "
              "second export once; a trainer expects the events counted once)" % (sid, len(dup), s["same_coding_twice"]))
        used.update(i for i, _ in dup)
    for i, r in mine:
        check("no unexpected reject", i in used, "%s: unexpected reject %s line %s: %s" % (sid, r["source_file"], r["line"], r["reason"][:200]))
    # run.json lists only what session.json names (README: only what session.json names is read)
    allowed = {"session.json"} | set(s["listed"]) | set(s["records"])
    for inp in run1["inputs"]:
        if owner(inp["path"]) == folder:
            check("only listed files in run.json", inp["path"][len(folder) + 1:] in allowed,
                  "%s: %s listed in run.json, but session.json does not name it" % (sid, inp["path"]))
    for p in s["not_listed"]:
        check("only listed files in run.json", not any(i["path"] == folder + "/" + p for i in run1["inputs"]),
              "%s: %s listed in run.json" % (sid, p))
    if s.get("dup_of"):
        check("duplicate session", s["dup_of"] in sessions, "%s: the first session %s not reviewed" % (folder, s["dup_of"]))
        continue
    check("sessions reviewed as planned", (sid in sessions) == s["reviewed"],
          "%s (%s): reviewed=%s, planned %s" % (sid, folder, sid in sessions, s["reviewed"]))
    if sid not in sessions:
        continue
    check("annotations accepted", ann[sid] == s["annotations"],
          "%s (%s): %d annotations accepted, planned %d" % (sid, folder, ann[sid], s["annotations"]))
    srcs = {r["source_file"] for r in t1["annotations"] if r["session_id"] == sid}
    check("annotations' source_file", all(x.startswith(folder + "/") for x in srcs),
          "%s: source_file %s does not begin with the folder's path %s" % (sid, sorted(srcs)[:2], folder))

check("session count", len(t1["sessions"]) == sum(1 for s in plan["sessions"] if s["reviewed"]),
      "%d sessions reviewed, planned %d" % (len(t1["sessions"]), sum(1 for s in plan["sessions"] if s["reviewed"])))

# ---- nothing outside the archive, no sparse video, no file beside the codings opened (strace)
paths = [i["path"] for i in run1["inputs"]]
check("other disk not read", not any(re.search(r"\(external disk\)/.", p) or "other-disk" in p for p in paths),
      "a file of the linked other disk is in run.json")
tr = read("strace1.txt")
if tr:
    opened = set()
    for line in tr.splitlines():
        mm = re.search(r'open(?:at)?\((?:AT_FDCWD, )?"([^"]+)", ([A-Z_|]+)', line)
        if mm and "O_DIRECTORY" not in mm.group(2) and "ENOENT" not in line:
            opened.add(mm.group(1))
    arch = os.path.realpath(ARCH)
    mine = {p for p in opened if p.startswith(ARCH + "/") or p.startswith(arch + "/")}
    check("files opened", bool(mine), "strace saw no file of the archive opened (strace not working?)")
    for rel_ in plan["sparse"]:
        check("files opened", os.path.join(ARCH, rel_) not in opened, "%s (a 2 GB sparse video) was opened" % rel_)
    outside = os.path.join(D, "other-disk")
    check("files opened", not any(p.startswith(outside) for p in opened), "a file on the linked other disk was opened")
    for s in plan["sessions"]:
        for p in s["not_listed"]:
            check("files opened", os.path.join(ARCH, s["folder"], p) not in opened, "%s/%s was opened" % (s["folder"], p))
    listed = {os.path.join(ARCH, s["folder"], f) for s in plan["sessions"] for f in s["listed"]}
    extra = sorted(p for p in mine if ("/.git/" in p or "/.ipynb_checkpoints/" in p or "README.txt" in p or "notes" in p)
                   and p not in listed and not os.path.isdir(p))
    check("files opened", not extra, "opened: %s" % extra[:5])
    print("strace: %d files of the archive opened (and %d folders listed)"
          % (sum(1 for p in mine if not os.path.isdir(p)), sum(1 for p in mine if os.path.isdir(p))))
else:
    print("strace: not run (no strace1.txt): files opened not checked")

# ---- the client's name in notes, transcripts, .pfsx, README.txt: in no output
name = plan["name"]
blobs = [("tables", json.dumps([t1, t2], ensure_ascii=False)), ("run.json", json.dumps(run1, ensure_ascii=False)),
         ("console", logs[0] + logs[1])]
for wname in (name, name.split()[1]):
    for what, b in blobs:
        check("no name in any output", wname not in b, "%r appears in %s" % (wname, what))
for root_, _, files in os.walk(os.path.join(D, "out1")):
    for fn in files:
        data = open(os.path.join(root_, fn), "rb").read()
        check("no name in any output", name.split()[1].encode() not in data, "%r in out1 file %s" % (name, fn))

# ---- accounting: read = accepted + rejected per file; E4 files read whole
rows_per_file = collections.Counter(r["source_file"] for r in rejects)
plan_records = {s["folder"] + "/" + f: n for s in plan["sessions"] for f, n in s["records"].items()}
for inp in run1["inputs"]:
    p = inp["path"]
    check("read = accepted + rejected", inp["records_read"] == inp["records_accepted"] + inp["records_rejected"],
          "%s: read %d, accepted %d, rejected %d" % (p, inp["records_read"], inp["records_accepted"], inp["records_rejected"]))
    check("rejected records = reject rows", rows_per_file.get(p, 0) == inp["records_rejected"],
          "%s: records_rejected %d, %d reject rows" % (p, inp["records_rejected"], rows_per_file.get(p, 0)))
    if p in plan_records:
        check("records read = data lines", inp["records_read"] == plan_records[p],
              "%s: records_read %d, the file has %d" % (p, inp["records_read"], plan_records[p]))
    if inp["size_bytes"] and inp["size_bytes"] > 64 * 1024 * 1024:
        check("no hash of a file not read", inp["sha256"] is None, "%s: %d bytes hashed" % (p, inp["size_bytes"]))
check("totals", run1["totals"]["records_read"] == run1["totals"]["records_accepted"] + run1["totals"]["records_rejected"],
      "run.json totals: read != accepted + rejected")

# ---- determinism
for t in sorted(set(t1) | set(t2)):
    a = sorted(json.dumps(r, sort_keys=True) for r in t1.get(t, []))
    b = sorted(json.dumps(r, sort_keys=True) for r in t2.get(t, []))
    check("deterministic", a == b, "table %s differs between two runs (%d vs %d rows)" % (t, len(a), len(b)))
check("deterministic", run1["inputs"] == run2["inputs"], "run.json inputs differ between two runs")
check("deterministic", run1["totals"] == run2["totals"], "run.json totals differ between two runs")

print()
tp = tf = 0
for g, (p_, f_) in results.items():
    print("%-34s %4d pass %4d fail" % (g, p_, f_))
    tp += p_
    tf += f_
print("%-34s %4d pass %4d fail" % ("TOTAL", tp, tf))
if failures:
    print("\nFAILURES:")
    for x in failures:
        print("  " + x)
print("\nREADME silent (a trainer's expectation was planned):")
for s in plan["sessions"]:
    for x in s["readme_silent"]:
        print("  %s (%s): %s" % (s["session_id"], s["folder"], x))
sys.exit(1 if tf else 0)
