#!/usr/bin/env python3
"""Table dumps for the ninth cohort (Python standard library only).

tables.py sql OUTDIR            -> (only the tables named in $TABLES, when set) one Flink SQL statement (for the jar's `sql` command) that
                                   returns every row of every table as (tbl, row) with each
                                   column cast to STRING ('<null>' for null), '|' between columns
tables.py norm DUMP.csv         -> the dump's rows sorted (a multiset: row order is not defined)
The column lists come from the Parquet schema in each table's footer (footer.py).
"""
import glob
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import footer  # noqa: E402

TABLES = ["sessions", "moments", "windows", "scr", "beats", "artifacts", "synchrony", "ruptures",
          "segments", "trainees", "clients", "baselines", "annotations", "rejects"]


def columns(path):
    with open(path, "rb") as f:
        f.seek(-8, os.SEEK_END)
        n = struct.unpack("<i", f.read(4))[0]
        f.seek(-8 - n, os.SEEK_END)
        meta = footer.Compact(f.read(n)).struct()
    schema = meta[2]

    def walk(i):
        j = i + 1
        for _ in range(schema[i].get(5) or 0):
            j = walk(j)
        return j

    out, i = [], 1
    while i < len(schema):
        out.append(schema[i][4].decode("utf-8"))
        i = walk(i)
    return out


def statement(outdir):
    parts = []
    only = os.environ.get("TABLES", "").split()
    for t in TABLES:
        if only and t not in only:
            continue
        files = sorted(glob.glob(os.path.join(outdir, t, "*.parquet")))
        if not files:
            continue
        cols = ", '|', ".join("COALESCE(CAST(`%s` AS STRING), '<null>')" % c for c in columns(files[0]))
        parts.append("SELECT '%s' AS tbl, CONCAT(%s) AS r FROM `%s`" % (t, cols, t))
    return "\nUNION ALL\n".join(parts) + ";\n"


def norm(path):
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    # header line first; rows are CSV (RFC 4180) records: keep them as text, sort
    import csv
    rows = list(csv.reader(lines[1:] if lines and lines[0].startswith("tbl") else lines))
    rows = ["\t".join(r) for r in rows if r]
    return sorted(rows)


if __name__ == "__main__":
    if sys.argv[1] == "sql":
        sys.stdout.write(statement(sys.argv[2]))
    elif sys.argv[1] == "norm":
        sys.stdout.write("\n".join(norm(sys.argv[2])) + "\n")
