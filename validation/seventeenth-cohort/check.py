#!/usr/bin/env python3
"""Compare a seventeenth-cohort review (tables read with the jar's sql command, run.json) with the
plan gen.py wrote. Usage: python3 check.py DIR (DIR holding plan.json, out1/, out2/,
tables1.jsonl, tables2.jsonl, review1.rc, review2.rc, review1.log). Prints each check group,
pass/fail counts and every failure; exits 1 when a check failed."""
import collections
import json
import os
import sys

D = sys.argv[1]
plan = json.load(open(os.path.join(D, "plan.json"), encoding="utf-8"))
results = collections.OrderedDict()  # group -> [passed, failed]
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


t1 = load_tables(os.path.join(D, "tables1.jsonl"))
t2 = load_tables(os.path.join(D, "tables2.jsonl"))
run1 = json.load(open(os.path.join(D, "out1", "run.json"), encoding="utf-8"))
run2 = json.load(open(os.path.join(D, "out2", "run.json"), encoding="utf-8"))
log1 = open(os.path.join(D, "review1.log"), encoding="utf-8", errors="replace").read()
for run in (1, 2):
    sp = os.path.join(D, "review%d.seconds" % run)
    if os.path.exists(sp):
        print("review run %d: %s s" % (run, open(sp).read().strip()))

# ---- the command (README: exit 0 when bad records are rejects; no crash)
for run in (1, 2):
    rc = open(os.path.join(D, "review%d.rc" % run)).read().strip()
    check("command", rc == "0", "review run %d exit code %s (README: 0, bad records are rejects)" % (run, rc))
check("command", "Exception" not in log1 and "\tat " not in log1, "review console shows an exception or stack trace")

rejects = t1["rejects"]
sessions = {r["session_id"]: r for r in t1["sessions"]}
ann = collections.Counter(r["session_id"] for r in t1["annotations"])
used = set()


def rel(r, folder):
    """the reject row's file relative to its session folder, without a trailing /"""
    f = (r["source_file"] or "").rstrip("/")
    return f[len(folder) + 1:] if f.startswith(folder + "/") else f


for s in plan["sessions"]:
    sid, folder = s["session_id"], s["folder"]
    mine = [(i, r) for i, r in enumerate(rejects)
            if (r["source_file"] or "").startswith(folder + "/") or (r["source_file"] or "").rstrip("/") == folder]
    for e in s["rejects"]:
        cands = [
            (i, r)
            for i, r in mine
            if i not in used
            and (e["file"] is None or rel(r, folder) == e["file"])
            and (e["line"] is None or abs((r["line"] or 0) - e["line"]) <= e["tol"])
            and (not e["words"] or any(w.lower() in (r["reason"] or "").lower() for w in e["words"]))
        ]
        check(
            "expected reject rows",
            bool(cands),
            "%s: no reject row for %s line %s (%s)%s; rows of that file: %s"
            % (sid, e["file"], e["line"], e["note"], " containing " + "/".join(e["words"]) if e["words"] else "",
               [(r["line"], (r["reason"] or "")[:200]) for i, r in mine if rel(r, folder) == e["file"]][:3]),
        )
        for i, _ in cands[:1]:
            used.add(i)
    # rows the README leaves open (a stretch of beats, a damaged zip's own row): allowed
    for o in s["optional_rejects"]:
        for i, r in mine:
            if i not in used and (rel(r, folder) == o["file"] or rel(r, folder).startswith(o["file"] + "/")):
                used.add(i)
    for i, r in mine:
        if i not in used:
            check("no unexpected reject", False,
                  "%s: unexpected reject %s line %s: %s" % (sid, r["source_file"], r["line"], (r["reason"] or "")[:200]))
    check("no unexpected reject", True, "")
    for r in (r for _, r in mine):
        check("reasons readable", "\ufffd" not in (r["reason"] or ""),
              "%s: reason holds a replacement character: %s" % (sid, (r["reason"] or "")[:200]))
    for p in s["not_listed"]:
        listed = [i["path"] for i in run1["inputs"] if i["path"] == folder + "/" + p or i["path"].startswith(folder + "/" + p + "/")]
        check("other files not listed", not listed, "%s: %s is listed in run.json (README: not read, not listed)" % (sid, p))
    if s.get("dup_of"):
        check("duplicate session", s["dup_of"] in sessions, "%s: the first session %s not reviewed" % (sid, s["dup_of"]))
    check("sessions reviewed as planned", (sid in sessions) == s["reviewed"],
          "%s: reviewed=%s, planned %s" % (sid, sid in sessions, s["reviewed"]))
    if not s["reviewed"] or sid not in sessions:
        continue
    row = sessions[sid]
    mc = sorted(row.get("missing_channels") or [])
    check("missing channels", mc == sorted(s["missing_channels"]),
          "%s: missing_channels %s, planned %s" % (sid, mc, sorted(s["missing_channels"])))
    check("annotations accepted", ann[sid] == s["annotations"],
          "%s: %d annotations accepted, planned %d" % (sid, ann[sid], s["annotations"]))
    for w in s["flag_words"]:
        check("flag reasons", any(w in x for x in (row.get("flag_reasons") or [])),
              "%s: no flag reason containing %r: %s" % (sid, w, row.get("flag_reasons")))
    if not s["episode"]:
        continue
    ms = [m for m in t1["moments"] if m["session_id"] == sid and m["role"] == "client"
          and m["kind"] in ("anxiety_episode", "unvoiced_arousal")]
    near = [m for m in ms if abs(m["start_s"] - s["onset_s"]) <= 30]
    check("planted episode found", bool(near), "%s: no client episode within 30 s of the planted onset %.0f s (client moments: %s)"
          % (sid, s["onset_s"], [(m["kind"], m["start_s"]) for m in ms]))
    if near:
        print("  %s onset %.0f s, found %.1f s (%+.1f)" % (sid, s["onset_s"], near[0]["start_s"], near[0]["start_s"] - s["onset_s"]))

# ---- accounting in run.json against the rejects table and the files
rows_per_file = collections.Counter(r["source_file"] for r in rejects)
plan_records, plan_rejected = {}, {}
for s in plan["sessions"]:
    for f, n in s["records"].items():
        plan_records[s["folder"] + "/" + f] = n
    for f, n in s["rejected_records"].items():
        plan_rejected[s["folder"] + "/" + f] = n
for inp in run1["inputs"]:
    p = inp["path"]
    check("read = accepted + rejected", inp["records_read"] == inp["records_accepted"] + inp["records_rejected"],
          "%s: read %d, accepted %d, rejected %d" % (p, inp["records_read"], inp["records_accepted"], inp["records_rejected"]))
    n = rows_per_file.get(p, 0)
    # README rejects/: an E4 file rejected at a header row counts every data line under one row at line 1 or 2
    header = [r for r in rejects if r["source_file"] == p and r["line"] in (1, 2) and "header" in (r["reason"] or "")]
    want = inp["records_read"] if inp["kind"].startswith("wearable") and header and n == 1 else n
    want = plan_rejected.get(p, want)
    check("rejected records = reject rows", want == inp["records_rejected"],
          "%s: run.json records_rejected %d, expected %d (%d reject rows)" % (p, inp["records_rejected"], want, n))
    if p in plan_records:
        check("records read = data lines", inp["records_read"] == max(1, plan_records[p]),
              "%s: records_read %d, the file has %d lines after its header rows" % (p, inp["records_read"], plan_records[p]))

# ---- determinism: two runs over the same input give the same rows
for t in sorted(set(t1) | set(t2)):
    a = sorted(json.dumps(r, sort_keys=True) for r in t1.get(t, []))
    b = sorted(json.dumps(r, sort_keys=True) for r in t2.get(t, []))
    check("deterministic", a == b, "table %s differs between two runs (%d vs %d rows, %d differ)" % (t, len(a), len(b), len(set(a) ^ set(b))))
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
print("\nREADME silent (a user's expectation was planned):")
for s in plan["sessions"]:
    for x in s["readme_silent"]:
        print("  %s: %s" % (s["session_id"], x))
sys.exit(1 if tf else 0)
