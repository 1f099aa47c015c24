"""Table-by-table, row-by-row comparison of two review outputs dumped by Dump.java (one JSON line
per row, one file per table). Rows are compared as multisets of canonical JSON (a table's row
order is not part of the output contract: part files are read in name order, and names differ
between runs). Imported by check.py."""
import collections
import json
import os

TABLES = ["sessions", "moments", "windows", "scr", "beats", "artifacts", "synchrony", "ruptures",
          "segments", "trainees", "clients", "baselines", "annotations", "rejects"]


def rows(jdir, table):
    p = os.path.join(jdir, table + ".jsonl")
    if not os.path.exists(p):
        return None
    with open(p, encoding="utf-8") as f:
        # one reader (DuckDB) wrote every dump with the same column order: a row's line is canonical
        return [l.rstrip("\n") for l in f if l.strip()]


def compare_tables(ref, cand):
    """[(table, ok, message)] for every table."""
    out = []
    for t in TABLES:
        a, b = rows(ref, t), rows(cand, t)
        if b is None:
            out.append((t, False, "%s: no table in the candidate" % t))
            continue
        if a is None:
            out.append((t, False, "%s: no table in the reference" % t))
            continue
        ca, cb = collections.Counter(a), collections.Counter(b)
        if ca == cb:
            out.append((t, True, "%s: %d rows equal" % (t, len(a))))
        else:
            only_a, only_b = ca - cb, cb - ca
            ex = (list(only_a)[:1] + list(only_b)[:1])
            out.append((t, False, "%s: %d vs %d rows, %d only in the reference, %d only in the candidate; e.g. %s"
                        % (t, len(a), len(b), sum(only_a.values()), sum(only_b.values()),
                           " / ".join(x[:300] for x in ex))))
    return out


def flat(o, p=""):
    if isinstance(o, dict):
        for k, v in o.items():
            yield from flat(v, p + "." + k)
    elif isinstance(o, list):
        if not o:
            yield p, []
        for i, v in enumerate(o):
            yield from flat(v, "%s[%d]" % (p, i))
    else:
        yield p, o


def run_json_diff(ref_out, cand_out):
    """Fields of run.json that differ: {path: (ref, cand)}."""
    a = json.load(open(os.path.join(ref_out, "run.json"), encoding="utf-8"))
    b = json.load(open(os.path.join(cand_out, "run.json"), encoding="utf-8"))
    fa, fb = dict(flat(a)), dict(flat(b))
    return {k: (fa.get(k), fb.get(k)) for k in sorted(set(fa) | set(fb)) if fa.get(k) != fb.get(k)}
