#!/usr/bin/env python3
"""Compare a seventh-cohort review (tables read with the jar's sql command, run.json) with the
plan gen.py wrote. Usage: python3 check.py DIR (DIR holding plan.json, out1/, out2/,
tables1.jsonl, tables2.jsonl, review1.rc, review1.log). Prints each check group, pass/fail
counts and every failure; failures where the README is silent are counted apart."""
import collections
import json
import os
import sys

D = sys.argv[1]
plan = json.load(open(os.path.join(D, "plan.json")))
results = collections.OrderedDict()  # group -> [passed, failed]
failures = []
silent = []


def check(group, ok, msg, readme_silent=False):
    r = results.setdefault(group, [0, 0])
    if ok:
        r[0] += 1
    else:
        r[1] += 1
        (silent if readme_silent else failures).append("[%s] %s" % (group, msg))


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
run1 = json.load(open(os.path.join(D, "out1", "run.json")))
run2 = json.load(open(os.path.join(D, "out2", "run.json")))
log1 = open(os.path.join(D, "review1.log"), encoding="utf-8", errors="replace").read()

# ---- the command
for run in (1, 2):
    rc = open(os.path.join(D, "review%d.rc" % run)).read().strip()
    check("command", rc == "0", "review run %d exit code %s (README: 0, bad records are rejects)" % (run, rc))
check("command", "Exception" not in log1 and "\tat " not in log1, "review console shows an exception or stack trace")

rejects = t1["rejects"]
by_session = {s["session_id"]: s for s in plan["sessions"]}
sessions = {r["session_id"]: r for r in t1["sessions"]}
ann = collections.Counter(r["session_id"] for r in t1["annotations"])
used = set()


def rel(r):
    """the reject row's file relative to its session folder"""
    f = r["source_file"] or ""
    for s in plan["sessions"]:
        if f.startswith(s["folder"] + "/"):
            return f[len(s["folder"]) + 1:]
    return f


def folder_of(r):
    f = r["source_file"] or ""
    return f.split("/")[0]


for s in plan["sessions"]:
    sid, folder = s["session_id"], s["folder"]
    mine = [(i, r) for i, r in enumerate(rejects) if r["session_id"] == sid or folder_of(r) == folder]
    # expected reject rows
    for e in s["rejects"]:
        cands = [
            (i, r)
            for i, r in mine
            if i not in used
            and rel(r) == e["file"]
            and (e["line"] is None or abs((r["line"] or 0) - e["line"]) <= e["tol"])
            and (not e["words"] or any(w.lower() in (r["reason"] or "").lower() for w in e["words"]))
        ]
        silent_case = any(e["note"] in x for x in s["readme_silent"])
        check(
            "expected reject rows",
            bool(cands),
            "%s: no reject row for %s line %s (%s)%s; rows of that file: %s"
            % (
                sid,
                e["file"],
                e["line"],
                e["note"],
                " containing " + "/".join(e["words"]) if e["words"] else "",
                [(r["line"], (r["reason"] or "")[:160]) for i, r in mine if rel(r) == e["file"]][:4],
            ),
        )
        for i, r in cands[:1]:
            used.add(i)
    # rejects allowed in a range (NUL block)
    for rg in s["reject_ranges"]:
        inr = [(i, r) for i, r in mine if rel(r) == rg["file"] and rg["first"] - 1 <= (r["line"] or 0) <= rg["last"] + 1]
        for i, _ in inr:
            used.add(i)
        check(
            "NUL block",
            rg["min"] <= len(inr) <= rg["max"],
            "%s: %d reject rows in lines %d-%d of %s (expected %d-%d): %s"
            % (sid, len(inr), rg["first"], rg["last"], rg["file"], rg["min"], rg["max"], [(r["line"], r["reason"][:120]) for _, r in inr]),
        )
    # unexpected rejects
    for i, r in mine:
        if i in used:
            continue
        check(
            "no unexpected reject",
            False,
            "%s: unexpected reject %s line %s: %s" % (sid, r["source_file"], r["line"], (r["reason"] or "")[:200]),
        )
    check("no unexpected reject", True, "")
    # reviewed or not
    check(
        "sessions reviewed as planned",
        (sid in sessions) == s["reviewed"],
        "%s: reviewed=%s, planned %s" % (sid, sid in sessions, s["reviewed"]),
    )
    if not s["reviewed"] or sid not in sessions:
        continue
    row = sessions[sid]
    mc = sorted(row.get("missing_channels") or [])
    check(
        "missing channels",
        mc == sorted(s["missing_channels"]),
        "%s: missing_channels %s, planned %s" % (sid, mc, sorted(s["missing_channels"])),
    )
    check(
        "annotations accepted",
        ann[sid] == s["annotations"],
        "%s: %d annotations accepted, planned %d" % (sid, ann[sid], s["annotations"]),
    )
    # the planted client episode, still found
    ms = [
        m
        for m in t1["moments"]
        if m["session_id"] == sid and m["role"] == "client" and m["kind"] in ("anxiety_episode", "unvoiced_arousal")
    ]
    near = [m for m in ms if abs(m["start_s"] - s["onset_s"]) <= 30]
    check(
        "planted episode found",
        bool(near),
        "%s: no client episode within 30 s of the planted onset %.0f s (client moments: %s)"
        % (sid, s["onset_s"], [(m["kind"], m["start_s"]) for m in ms]),
    )
    check(
        "planted episode found",
        row.get("anxiety_episodes") == 1,
        "%s: anxiety_episodes %s, planned 1" % (sid, row.get("anxiety_episodes")),
    )
    if near:
        print("  %s onset %.0f s, found %.1f s (%+.1f)" % (sid, s["onset_s"], near[0]["start_s"], near[0]["start_s"] - s["onset_s"]))

# ---- accounting in run.json against the rejects table and the files
rows_per_file = collections.Counter(r["source_file"] for r in rejects)
plan_records = {}
for s in plan["sessions"]:
    for f, n in s["records"].items():
        plan_records[s["folder"] + "/" + f] = n
for inp in run1["inputs"]:
    p = inp["path"]
    ok = inp["records_read"] == inp["records_accepted"] + inp["records_rejected"]
    check("read = accepted + rejected", ok, "%s: read %d, accepted %d, rejected %d" % (p, inp["records_read"], inp["records_accepted"], inp["records_rejected"]))
    n = rows_per_file.get(p, 0)
    # README (Wearables, rejects/): a wearable file rejected at a header row counts every data
    # line it holds as rejected, under one row at line 1 or 2
    header = [r for r in rejects if r["source_file"] == p and r["line"] in (1, 2) and "header" in (r["reason"] or "")]
    want = n if not (inp["kind"].startswith("wearable") and header and n == 1) else inp["records_read"]
    check(
        "rejected records = reject rows",
        want == inp["records_rejected"],
        "%s: run.json records_rejected %d, rejects rows %d (first: %s)" % (p, inp["records_rejected"], n, inp.get("first_reject")),
    )
    if p in plan_records and plan_records[p] > 0:
        name = p.rsplit("/", 1)[1]
        hdr = 1 if name.startswith("IBI") else 2
        expect = max(1, plan_records[p] - hdr)
        check(
            "records read = data lines",
            inp["records_read"] == expect,
            "%s: records_read %d, the file has %d lines after its header rows" % (p, inp["records_read"], expect),
        )

# ---- every annotation file listed: events read = accepted + rejected (from run.json)
# ---- determinism: two runs over the same input give the same rows
for t in sorted(set(t1) | set(t2)):
    a = sorted(json.dumps(r, sort_keys=True) for r in t1.get(t, []))
    b = sorted(json.dumps(r, sort_keys=True) for r in t2.get(t, []))
    check("deterministic", a == b, "table %s differs between two runs (%d vs %d rows, %d rows differ)" % (t, len(a), len(b), len(set(a) ^ set(b))))
check("deterministic", run1["inputs"] == run2["inputs"], "run.json inputs differ between two runs")
check("deterministic", run1["totals"] == run2["totals"], "run.json totals differ between two runs")

print()
tp = tf = 0
for g, (p, f) in results.items():
    print("%-34s %4d pass %4d fail" % (g, p, f))
    tp += p
    tf += f
print("%-34s %4d pass %4d fail (%d of them where the README is silent)" % ("TOTAL", tp, tf, len(silent)))
if failures:
    print("\nFAILURES:")
    for x in failures:
        print("  " + x)
if silent:
    print("\nREADME SILENT (a user's expectation, not a defect):")
    for x in silent:
        print("  " + x)
for s in plan["sessions"]:
    if s["readme_silent"]:
        for x in s["readme_silent"]:
            print("  note %s: %s" % (s["session_id"], x))
