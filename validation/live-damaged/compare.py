#!/usr/bin/env python3
"""Compares a live-damaged run (see README.md here).

Usage: python3 compare.py WORK TABLE...

WORK holds batch-tables.csv and live-tables.csv (`sql --format csv -f tables.sql`: per table a
marker row '== TABLE', then the table; statements separated by a blank line), batch/run.json,
replay.log and live.log. Prints per table whether the sorted rows are equal (and writes
batch-T.csv / live-T.csv, sorted, for a look), then the accounting: every review rejects row
named by replay or in the live rejects table, live's messages read = accepted + refused, refused
= live rejects rows that refuse a message, and review's run.json read = accepted + rejected.
"""
import csv
import io
import json
import os
import re
import sys


def blocks(path):
    out, name, lines = {}, None, []
    with open(path, encoding="utf-8") as f:
        text = f.read()
    for chunk in text.split("\n\n"):
        rows = chunk.strip("\n").split("\n")
        if len(rows) >= 2 and rows[0] == "block" and rows[1].startswith('"== '):
            name = rows[1][4:-1]
            continue
        if name is not None and rows and rows[0]:
            out[name] = (rows[0], sorted(rows[1:]))
            name = None
    return out


def main():
    work, tables = sys.argv[1], sys.argv[2:]
    b, l = blocks(os.path.join(work, "batch-tables.csv")), blocks(os.path.join(work, "live-tables.csv"))
    differ = 0
    undocumented = 0  # differences other than rejects/ (documented: file-reading rejects are replay's)
    for t in tables:
        hb, rb = b.get(t, ("", []))
        hl, rl = l.get(t, ("", []))
        for side, h, rows in (("batch", hb, rb), ("live", hl, rl)):
            with open(os.path.join(work, f"{side}-{t}.csv"), "w", encoding="utf-8") as f:
                f.write("\n".join([h] + rows) + "\n")
        if hb == hl and rb == rl and t in b and t in l:
            print(f"table {t}: same ({len(rb)} rows)")
            continue
        differ += 1
        undocumented += t != "rejects"
        sb, sl = set(rb), set(rl)
        print(f"table {t}: DIFFERS (batch {len(rb)} rows, live {len(rl)}; only batch {len(sb - sl)},"
              f" only live {len(sl - sb)}{'' if hb == hl else '; columns differ'})")
    # review's rejects: each must be named by replay (it does not send them) or be a live rejects row
    with open(os.path.join(work, "replay.log"), encoding="utf-8") as f:
        replay = f.read()
    named = missing = 0
    for row in csv.reader(io.StringIO("\n".join(b.get("rejects", ("", []))[1]))):
        if not row:
            continue
        where = row[1] + (f" line {row[2]}" if row[2] not in ("0", "") else "")
        if f"{where}: {row[3]}" in replay or (row[1].endswith("session.json") and row[3] in replay):
            named += 1
        else:
            missing += 1
            print(f"  review reject not named by replay: {where}: {row[3][:100]}")
    print(f"review rejects rows named by replay: {named}, named nowhere: {missing}")
    m = re.search(r"(\d+) messages \((\d+) samples, (\d+) events, (\d+) sessions ended\)", replay)
    if m:
        print(f"replay sent {m.group(1)} messages ({m.group(2)} samples, {m.group(3)} events, {m.group(4)} sessions)")
    with open(os.path.join(work, "live.log"), encoding="utf-8") as f:
        counts = re.findall(r"messages read (\d+) = (\d+) accepted \+ (\d+) refused", f.read())
    if counts:
        r, a, x = map(int, counts[-1])
        print(f"live (last start): read {r} = {a} accepted + {x} refused: {'ok' if r == a + x else 'MISMATCH'}")
        undocumented += r != a + x
    with open(os.path.join(work, "batch", "run.json"), encoding="utf-8") as f:
        run = json.load(f)
    bad = [i["path"] for i in run["inputs"]
           if i["records_read"] != i["records_accepted"] + i["records_rejected"]]
    print(f"review run.json: {len(run['inputs'])} files, read = accepted + rejected for"
          f" {len(run['inputs']) - len(bad)}{' (not: ' + ', '.join(bad) + ')' if bad else ''};"
          f" live writes run.json: {os.path.exists(os.path.join(work, 'live', 'run.json'))}")
    print(f"tables differing: {differ} of {len(tables)}")
    failed = undocumented + missing + len(bad)
    print("RESULT: " + ("ok" if failed == 0 else f"FAILED ({failed} undocumented differences)"))
    return 1 if failed else 0


sys.exit(main())
