#!/usr/bin/env python3
"""Compares the ninth cohort's runs (Python standard library only): check.py WORK

Each variation against its reference (ref; p1 for the --set runs): every table row for row (a
multiset of rows, each column cast to text by Flink SQL), run.json less what must differ (times,
paths; parallelism or mode where that is what was varied), every footer entry of every table,
the console (paths replaced), the report pages byte for byte; then the provenance checks.
Prints one line per check, PASS or FAIL with what differed, and a count.
"""
import collections
import filecmp
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import provenance  # noqa: E402

WORK = sys.argv[1]
RUNS = os.path.join(WORK, "runs")
results = []


def check(name, ok, detail=""):
    results.append(ok)
    print("%s %s%s" % ("PASS" if ok else "FAIL", name, (": " + detail) if detail and not ok else ""))


def rows(run):
    out = collections.defaultdict(collections.Counter)
    p = os.path.join(RUNS, run, "rows.txt")
    if not os.path.exists(p):
        return None
    for line in open(p, encoding="utf-8"):
        line = line.rstrip("\n")
        if line:
            t, _, r = line.partition("\t")
            out[t][r] += 1
    return out


def diff_rows(a, b):
    """Tables whose rows differ, with counts and one example each way."""
    msgs = []
    a, b = a or {}, b or {}
    for t in sorted(set(a) | set(b)):
        x, y = a.get(t, collections.Counter()), b.get(t, collections.Counter())
        if x != y:
            only_a, only_b = x - y, y - x
            ea = next(iter(only_a), "")[:230]
            eb = next(iter(only_b), "")[:230]
            msgs.append("%s (%d vs %d rows; %d only in reference, %d only here; e.g. ref [%s] here [%s])"
                        % (t, sum(x.values()), sum(y.values()), sum(only_a.values()),
                           sum(only_b.values()), ea, eb))
    return msgs


def load(run, f):
    p = os.path.join(RUNS, run, f)
    if not os.path.exists(p):
        return None
    with open(p, encoding="utf-8") as fh:
        return json.load(fh)


def footer_entries(run):
    """{table: {key: value}} from every file of the table (a key with two values in one table is
    reported as such)."""
    f = load(run, "footers.json") or {}
    out = {}
    for t, files in f.items():
        kv = {}
        for meta in files.values():
            for k, v in meta.items():
                if k.startswith("__"):
                    continue
                if k in kv and kv[k] != v:
                    kv[k] = "<differs between files of the table>"
                else:
                    kv[k] = v
        out[t] = kv
    return out


def diff_footers(a, b, ignore=()):
    msgs = []
    a, b = a or {}, b or {}
    for t in sorted(set(a) | set(b)):
        x, y = a.get(t, {}), b.get(t, {})
        for k in sorted(set(x) | set(y)):
            if k in ignore:
                continue
            if x.get(k) != y.get(k):
                msgs.append("%s %s: %r -> %r" % (t, k, (x.get(k) or "")[:60], (y.get(k) or "")[:60]))
    return msgs


def strip_run(j, drop_run_keys=()):
    j = json.loads(json.dumps(j))
    for k in ("started_utc", "finished_utc") + tuple(drop_run_keys):
        j.get("run", {}).pop(k, None)
    j.pop("out", None)
    j.pop("sessions_root", None)
    return j


def diff_json(a, b, path=""):
    if type(a) != type(b):
        return ["%s: %r -> %r" % (path, a, b)]
    if isinstance(a, dict):
        out = []
        for k in sorted(set(a) | set(b)):
            if k not in a or k not in b:
                out.append("%s.%s only in %s" % (path, k, "reference" if k in a else "this run"))
            else:
                out += diff_json(a[k], b[k], path + "." + k)
        return out
    if isinstance(a, list):
        if len(a) != len(b):
            return ["%s: %d -> %d entries" % (path, len(a), len(b))]
        out = []
        for i, (x, y) in enumerate(zip(a, b)):
            out += diff_json(x, y, "%s[%d]" % (path, i))
        return out
    return [] if a == b else ["%s: %r -> %r" % (path, a, b)]


def console(run):
    p = os.path.join(RUNS, run, "console.txt")
    if not os.path.exists(p):
        return []
    text = open(p, encoding="utf-8", errors="replace").read()
    text = re.sub(r"tables: \S+", "tables: OUT", text)
    return text.splitlines()


def report_diff(a, b):
    ra, rb = os.path.join(RUNS, a, "report"), os.path.join(RUNS, b, "report")
    if not os.path.isdir(rb):
        return ["no report"]
    out = []
    for root, _, files in os.walk(ra):
        for f in files:
            if f == ".session-review-output.json":  # names the run's id
                continue
            pa = os.path.join(root, f)
            pb = os.path.join(rb, os.path.relpath(pa, ra))
            if not os.path.exists(pb):
                out.append("missing " + os.path.relpath(pa, ra))
            elif not filecmp.cmp(pa, pb, shallow=False):
                out.append("differs " + os.path.relpath(pa, ra))
    return out


SOURCE_FILE_COLUMN = {"annotations": 9, "rejects": 1}


def folderless(table_rows):
    out = collections.defaultdict(collections.Counter)
    for t, counter in table_rows.items():
        for r, n in counter.items():
            if t in SOURCE_FILE_COLUMN:
                cols = r.split("|")
                i = SOURCE_FILE_COLUMN[t]
                cols[i] = cols[i].split("/", 1)[-1]
                r = "|".join(cols)
            out[t][r] += n
    return out


NON_ASCII_DIGITS = re.compile("[\u0660-\u0669\u06f0-\u06f9\u0966-\u096f\u0e50-\u0e59]")


def compare(run, ref="ref", drop_run_keys=(), path_independent=False):
    if not os.path.isdir(os.path.join(RUNS, run)):
        # SMALL=1 leaves some variations out: say which, so a shorter count is never silent
        print("not run (no folder %s): its checks are not counted" % run)
        return
    a, b = rows(ref), rows(run)
    if path_independent and b:
        # source_file is the path below the sessions root (README, annotations/): its first
        # segment is the session folder's name, which this run changed on purpose
        a, b = folderless(a), folderless(b)
    if b is None or not b:
        check(run + " tables read back", False, "no rows")
        return
    d = diff_rows(a, b)
    check(run + " tables row for row", not d, "; ".join(d))
    ja, jb = load(ref, "out/run.json"), load(run, "out/run.json")
    if jb is None:
        check(run + " run.json", False, "missing")
    else:
        ja, jb = strip_run(ja, drop_run_keys), strip_run(jb, drop_run_keys)
        if path_independent:
            for j in (ja, jb):
                for e in j.get("inputs", []):
                    e["path"] = "/".join(e["path"].split("/")[1:])
                j["inputs"] = sorted(j.get("inputs", []), key=lambda e: (e["session_id"], e["path"]))
        d = diff_json(ja, jb)
        check(run + " run.json", not d, "; ".join(d[:6]) + (" ... %d in all" % len(d) if len(d) > 6 else ""))
    d = diff_footers(footer_entries(ref), footer_entries(run))
    check(run + " footers", not d, "; ".join(d[:6]) + (" ... %d in all" % len(d) if len(d) > 6 else ""))
    ca, cb = console(ref), console(run)
    if cb:
        d = [x for x in zip(ca, cb) if x[0] != x[1]]
        check(run + " console", ca == cb,
              "; ".join("%r -> %r" % x for x in d[:3]) or "%d vs %d lines" % (len(ca), len(cb)))
        bad = [l for l in cb if NON_ASCII_DIGITS.search(l)]
        check(run + " console digits", not bad, "; ".join(bad[:2]))
    d = report_diff(ref, run)
    check(run + " report pages byte for byte", not d, "; ".join(d[:6]) + (" ... %d in all" % len(d) if len(d) > 6 else ""))


def main():
    compare("p1", drop_run_keys=("parallelism",))
    compare("p4", drop_run_keys=("parallelism",))
    compare("streaming", drop_run_keys=("mode",))
    for r in ("tr_TR", "de_DE", "ar_SA_Chatham", "LANG_C_StJohns", "rerun", "th_TH",
              "hi_IN_Chatham_env", "StJohns_prop", "ar_SA"):
        compare(r)
    compare("renamed_readonly", path_independent=True)
    for r in ("sql_de_DE", "sql_ar_SA"):
        if not os.path.isdir(os.path.join(RUNS, r)):
            continue
        if not rows(r):
            err = os.path.join(RUNS, r, "sql.err")
            first = [l for l in open(err, encoding="utf-8", errors="replace") if "ould not parse" in l or
                     "does not start" in l or l.startswith("session-review")] if os.path.exists(err) else []
            check(r + " sql output row for row", False, "no rows: " + " / ".join(x.strip()[:160] for x in first[:2]))
            continue
        d = diff_rows(rows("ref"), rows(r))
        check(r + " sql output row for row", not d, "; ".join(d))
    # --baselines: the file that shaped the z-scores is named (by its SHA-256) in footers and run.json
    if os.path.isdir(os.path.join(RUNS, "baselines")):
        import hashlib
        with open(os.path.join(RUNS, "ref", "out", "baselines.json"), "rb") as f:
            sha = hashlib.sha256(f.read()).hexdigest()
        fe = footer_entries("baselines")
        bad = [t for t, kv in fe.items() if sha not in json.dumps(kv)]
        check("--baselines file named by its SHA-256 in every footer", bool(fe) and not bad,
              "not in " + (", ".join(bad) or "any: no footers"))
        check("--baselines file named by its SHA-256 in run.json", sha in json.dumps(load("baselines", "out/run.json")))
        changed = [x.split(" ")[0] for x in diff_rows(rows("ref"), rows("baselines"))]
        check("--baselines changes sessions and windows", "sessions" in changed and "windows" in changed,
              "changed: " + ", ".join(changed))
    # provenance: --list-options == footer parameter keys == run.json parameters
    opts = [l.split()[0] for l in open(os.path.join(WORK, "list-options.txt"), encoding="utf-8")
            if l.startswith("  ")]
    check("list-options: each key once", len(opts) == len(set(opts)), "%d keys" % len(opts))
    fe = footer_entries("ref")
    meta_keys = {"version", "commit", "flink_version", "methods", "table", "table_description", "pseudonym_key",
                 "run_input.baselines", "run_input.codebook"}
    for t, kv in sorted(fe.items()):
        keys = {k[len("session_review."):] for k in kv if k.startswith("session_review.")}
        keys = {k for k in keys if not k.startswith("column.") and k not in meta_keys}
        check("footer of %s names exactly the listed options" % t, keys == set(opts),
              "extra %s missing %s" % (sorted(keys - set(opts))[:5], sorted(set(opts) - keys)[:5]))
        other = [k for k in kv if not k.startswith("session_review.")]
        check("footer of %s has only session_review.* entries" % t, not other, ", ".join(other))
    params = load("ref", "out/run.json")["parameters"]
    check("run.json parameters are the listed options", set(params) == set(opts),
          "extra %s missing %s" % (sorted(set(params) - set(opts))[:5], sorted(set(opts) - set(params))[:5]))
    sv = fe["sessions"]
    d = [k for k in opts if str(params[k]) != sv.get("session_review." + k)]
    check("run.json and footer give the same value for every option", not d, ", ".join(d[:5]))
    # --set of every group's options: recorded with the new value everywhere
    if os.path.isdir(os.path.join(RUNS, "set_all")):
        fs, js = footer_entries("set_all"), load("set_all", "out/run.json")
        given = re.findall(r"--set (\S+?)=(\S+)", open(os.path.join(RUNS, "set_all", "how.txt")).read())
        for k, v in given:
            bad = [t for t, kv in fs.items() if kv.get("session_review." + k) != v]
            check("--set %s=%s in every footer" % (k, v), bool(fs) and not bad,
                  "not in " + (", ".join(bad) or "any: no footers"))
            check("--set %s=%s in run.json" % (k, v), js["parameters"].get(k) == v,
                  "run.json has %r" % js["parameters"].get(k))
        d = diff_rows(rows("p1"), rows("set_all"))
        check("set_all changes the tables", bool(d), "changed: " + ", ".join(x.split(" ")[0] for x in d))
    for k, v, tables in provenance.VARIED:
        run = "set_" + k
        how = os.path.join(RUNS, run, "how.txt")
        if os.path.exists(how):  # the value this run was given
            v = dict(re.findall(r"--set (\S+?)=(\S+)", open(how).read())).get(k, v)
        if not os.path.isdir(os.path.join(RUNS, run)):
            continue
        if rows(run) is None:
            check(run + " finished and read back", False, "no rows.txt")
            continue
        fs = footer_entries(run)
        bad = [t for t, kv in fs.items() if kv.get("session_review." + k) != v]
        check("%s recorded in every footer" % run, bool(fs) and not bad, ", ".join(bad) or "no footers")
        here = rows(run)
        ref = {t: r for t, r in rows("p1").items() if t in here}
        changed = [x.split(" ")[0] for x in diff_rows(ref, here)]
        missing = [t for t in tables.split() if t not in changed]
        check("%s changes %s" % (run, tables), not missing, "changed: %s" % (", ".join(changed) or "nothing"))
        other = diff_footers(footer_entries("p1"), fs, ignore=("session_review." + k,))
        other = [o for o in other if ".methods:" not in o]
        check("%s changes no other footer parameter" % run, not other, "; ".join(other[:4]))
    # a footer fed back as --set gives the same rows
    if os.path.isdir(os.path.join(RUNS, "p1_feedback")):
        compare("p1_feedback", ref="p1")
    print("%d of %d checks passed" % (sum(results), len(results)))


main()
