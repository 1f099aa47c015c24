"""Eighteenth audit: compare each cohort's review from S3 with its review from local folders.

python3 check.py WORK COHORT...   (run.sh calls it; WORK/COHORT holds what run.sh wrote)

Per cohort: exit codes, the stdout summary, every table row for row (sql --format json), rejects/
(the reason may name the s3:// location instead of the local path: only that is normalised),
run.json (inputs with their per-file accounting, sessions, totals, tables and the rest; the
sessions root, --out and the run id are normalised), read = accepted + rejected per file on both
paths, the report pages byte for byte, the research export's tables row for row. Prints every
difference; exits 1 when one was found."""
import collections
import json
import os
import re
import sys

WORK = sys.argv[1]
COHORTS = sys.argv[2:]
BUCKET = "cohorts"
failures = 0
passes = 0


def check(ok, what, detail=""):
    global failures, passes
    if ok:
        passes += 1
    else:
        failures += 1
        print("  FAIL " + what + ("\n       " + detail if detail else ""))
    return ok


def read(path):
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            return f.read()
    except FileNotFoundError:
        return None


def load_tables(path):
    tables = collections.OrderedDict()
    cur = None
    for line in (read(path) or "").splitlines():
        line = line.strip()
        if not line.startswith("{"):
            continue
        o = json.loads(line)
        if list(o.keys()) == ["block"]:
            cur = o["block"]
            tables.setdefault(cur, [])
            continue
        if cur is not None:
            tables[cur].append(o)
    return tables


def normaliser(c):
    D = os.path.join(WORK, c)
    pairs = [
        (os.path.join(D, "sessions"), "s3://%s/%s" % (BUCKET, c)),
        (os.path.join(D, "out-local"), "s3://%s/out-%s" % (BUCKET, c)),
        (os.path.join(D, "report-local"), os.path.join(D, "report-s3")),
        (os.path.join(D, "export-local"), os.path.join(D, "export-s3")),
    ]

    def norm(v):
        if isinstance(v, str):
            for a, b in pairs:
                v = v.replace("file:" + a, b).replace(a, b)
            return v
        if isinstance(v, list):
            return [norm(x) for x in v]
        if isinstance(v, dict):
            return {k: norm(x) for k, x in v.items()}
        return v

    return norm


def rows_of(table_rows, norm):
    return sorted(json.dumps(norm(r), sort_keys=True) for r in table_rows)


def diff_rows(what, a, b, limit=4):
    ca, cb = collections.Counter(a), collections.Counter(b)
    only_a = list((ca - cb).elements())
    only_b = list((cb - ca).elements())
    if not only_a and not only_b:
        return check(True, what)
    detail = "%d rows local only, %d rows S3 only" % (len(only_a), len(only_b))
    for r in only_a[:limit]:
        detail += "\n       local: " + r[:600]
    for r in only_b[:limit]:
        detail += "\n       s3:    " + r[:600]
    return check(False, what, detail)


def stdout_lines(text, norm):
    out = []
    for line in (text or "").splitlines():
        line = norm(line)
        line = re.sub(r"\b\d+(\.\d+)? ?(s|ms|seconds)\b", "<t>", line)
        line = re.sub(r"run [0-9a-f-]{8,}", "run <id>", line)
        out.append(line)
    return out


def files_under(root):
    res = {}
    if not os.path.isdir(root):
        return res
    for dp, dn, fn in os.walk(root):
        for f in fn:
            p = os.path.join(dp, f)
            rel = os.path.relpath(p, root)
            if rel.split(os.sep)[0].startswith("."):
                continue
            with open(p, "rb") as fh:
                res[rel] = fh.read()
    return res


for c in COHORTS:
    D = os.path.join(WORK, c)
    norm = normaliser(c)
    print("== %s" % c)
    dropped = [l for l in (read(os.path.join(D, "dropped-links.txt")) or "").splitlines() if l]
    empty = [l for l in (read(os.path.join(D, "dropped-empty-dirs.txt")) or "").splitlines() if l]
    print("  dropped before upload (cannot exist on an object store): %d symbolic links %s, %d empty folders %s"
          % (len(dropped), dropped, len(empty), empty))
    rc_s = (read(os.path.join(D, "review-s3.rc")) or "?").strip()
    rc_l = (read(os.path.join(D, "review-local.rc")) or "?").strip()
    print("  review exit codes: local %s, s3 %s" % (rc_l, rc_s))
    check(rc_l == rc_s, "review exit code", "local %s, s3 %s\n       s3 stderr tail: %s"
          % (rc_l, rc_s, "\n       ".join((read(os.path.join(D, "review-s3.err")) or "").splitlines()[-8:])))
    so_l = stdout_lines(read(os.path.join(D, "review-local.out")), norm)
    so_s = stdout_lines(read(os.path.join(D, "review-s3.out")), norm)
    diff_rows("review stdout summary (paths and timings normalised)", so_l, so_s, limit=8)
    if so_l != so_s and sorted(so_l) == sorted(so_s):
        check(False, "review stdout: same lines in another order")

    tl = load_tables(os.path.join(D, "tables-local.jsonl"))
    ts = load_tables(os.path.join(D, "tables-s3.jsonl"))
    check(len(tl) >= 14, "sql over the local tables read every table", "%s; %s" % (list(tl), (read(os.path.join(D, "sql-local.err")) or "")[-400:]))
    check(len(ts) >= 14, "sql over the S3 tables read every table", "%s; %s" % (list(ts), (read(os.path.join(D, "sql-s3.err")) or "")[-400:]))
    counts = []
    for t in tl:
        a = rows_of(tl[t], norm)
        b = rows_of(ts.get(t, []), lambda v: v)
        counts.append("%s %d/%d" % (t, len(a), len(b)))
        diff_rows("table %s row for row" % t, a, b)
    print("  rows local/s3: " + ", ".join(counts))

    rl = read(os.path.join(D, "out-local", "run.json"))
    rs = read(os.path.join(D, "out-s3", "run.json"))
    if check(rl is not None and rs is not None, "run.json on both paths"):
        jl, js = norm(json.loads(rl)), json.loads(rs)
        for k in sorted(set(jl) | set(js)):
            if k in ("run", "out", "sessions_root"):
                continue
            if k == "tool":
                continue
            vl, vs = jl.get(k), js.get(k)
            if k == "inputs":
                il = {i["path"]: i for i in vl}
                is_ = {i["path"]: i for i in vs}
                check([i["path"] for i in vl] == [i["path"] for i in vs] or sorted(il) != sorted(is_),
                      "run.json inputs in the same order",
                      "local %s\n       s3    %s" % ([i["path"] for i in vl][:6], [i["path"] for i in vs][:6]))
                for p in sorted(set(il) | set(is_)):
                    check(il.get(p) == is_.get(p), "run.json input %s" % p,
                          "local %s\n       s3    %s" % (json.dumps(il.get(p))[:500], json.dumps(is_.get(p))[:500]))
                for side, lst in (("local", vl), ("s3", vs)):
                    bad = [i["path"] for i in lst
                           if i.get("records_read") != (i.get("records_accepted") or 0) + (i.get("records_rejected") or 0)]
                    check(not bad, "%s: read = accepted + rejected for every file" % side, str(bad[:5]))
                print("  run.json inputs: local %d files, s3 %d files" % (len(vl), len(vs)))
            else:
                check(vl == vs, "run.json %s" % k,
                      "local %s\n       s3    %s" % (json.dumps(vl)[:700], json.dumps(vs)[:700]))
        check(js.get("sessions_root") == "s3://%s/%s" % (BUCKET, c), "run.json sessions_root names the S3 root",
              str(js.get("sessions_root")))

    for cmd in ("report", "export"):
        a = (read(os.path.join(D, "%s-local.rc" % cmd)) or "?").strip()
        b = (read(os.path.join(D, "%s-s3.rc" % cmd)) or "?").strip()
        check(a == b, "%s exit code" % cmd, "local %s, s3 %s: %s" % (a, b, (read(os.path.join(D, "%s-s3.out" % cmd)) or "")[-500:]))
        ol = stdout_lines(read(os.path.join(D, "%s-local.out" % cmd)), norm)
        os_ = stdout_lines(read(os.path.join(D, "%s-s3.out" % cmd)), norm)
        diff_rows("%s output lines" % cmd, ol, os_, limit=6)
    pl, ps = files_under(os.path.join(D, "report-local")), files_under(os.path.join(D, "report-s3"))
    check(sorted(pl) == sorted(ps), "report: the same pages",
          "local only %s; s3 only %s" % (sorted(set(pl) - set(ps))[:5], sorted(set(ps) - set(pl))[:5]))
    differ = [p for p in sorted(set(pl) & set(ps))
              if norm(pl[p].decode("utf-8", "replace")) != ps[p].decode("utf-8", "replace")]
    check(not differ, "report: every page the same (paths normalised)", str(differ[:8]))
    print("  report pages: local %d, s3 %d" % (len(pl), len(ps)))
    xl, xs = files_under(os.path.join(D, "export-local")), files_under(os.path.join(D, "export-s3"))
    check(len(xl) > 0, "export wrote files locally")
    if xl == xs:
        check(True, "export: every file byte for byte the same")
        print("  export files: %d, byte for byte the same" % len(xl))
    else:
        # run.sh read both with sql when a file differed: compare the rows
        el = load_tables(os.path.join(D, "export-local.jsonl"))
        es = load_tables(os.path.join(D, "export-s3.jsonl"))
        check(len(el) > 0, "export tables read", (read(os.path.join(D, "export-sql-local.err")) or "")[-300:])
        for t in el:
            diff_rows("export table %s row for row" % t, rows_of(el[t], norm), rows_of(es.get(t, []), lambda v: v))

print("== %d checks passed, %d failed" % (passes, failures))
sys.exit(1 if failures else 0)
