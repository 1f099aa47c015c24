#!/usr/bin/env python3
"""Checks of the twenty-third audit (README "Running on a Flink cluster"): every cluster output
against `java -jar ... review` of the same input, table by table and row by row (DuckDB dumps in
WORK/json, compare.py); run.json fields that differ; the publish complete (marker, no staging
left); consoles, exit codes and messages; the reader's view during a run killed mid-way.
Usage: python3 check.py WORK. Prints each check; exits 1 when one failed."""
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import compare  # noqa: E402

W = sys.argv[1]
R, S, J = os.path.join(W, "res"), os.path.join(W, "shared"), os.path.join(W, "json")
passed, failed = 0, []


def check(name, ok, detail=""):
    global passed
    if ok:
        passed += 1
        print("ok   %s%s" % (name, (": " + detail) if detail else ""))
    else:
        failed.append(name)
        print("FAIL %s%s" % (name, (": " + detail) if detail else ""))


def read(name):
    p = os.path.join(R, name)
    return open(p, encoding="utf-8", errors="replace").read() if os.path.exists(p) else ""


def rc(name):
    return read(name + ".rc").strip()


# ---- references
for c in ("sample", "seventh", "cohort30", "cohort30-streaming"):
    check("reference java -jar review of %s exits 0" % c, rc("ref-" + c) == "0", rc("ref-" + c))

# ---- outputs against their reference: (output, reference, parallelism expected in run.json)
RUNS = [
    ("attached-sample", "ref-sample", 2),
    ("attached-seventh", "ref-seventh", 1),
    ("rest-sample", "ref-sample", 2),
    ("rest-seventh", "ref-seventh", 1),
    ("rerun-over-rest", "ref-sample", 2),
    ("killed-batch", "ref-cohort30", 2),
    ("killed-streaming", "ref-cohort30-streaming", 2),
    ("detached-sample", "ref-sample", 1),
    ("detached-seventh", "ref-seventh", 1),
    ("application-sample", "ref-sample", 1),
    ("application-seventh", "ref-seventh", 1),
    ("s3-attached", "ref-sample", 2),
    ("s3-rest", "ref-sample", 2),
]
if not os.path.exists(os.path.join(R, "s3-attached.rc")):  # S3=0
    RUNS = RUNS[:-2]
# run.json may differ in paths and times (and parallelism, which -p and parallelism.default set)
ALLOWED = {".out", ".run.started_utc", ".run.finished_utc", ".run.parallelism"}
for out, ref, par in RUNS:
    if not os.path.isdir(os.path.join(J, out)):
        check("%s: output exists" % out, False, "no output")
        continue
    results = compare.compare_tables(os.path.join(J, ref), os.path.join(J, out))
    bad = [m for t, ok, m in results if not ok]
    rows = sum(int(m.split(": ")[1].split()[0]) for t, ok, m in results if ok)
    check("%s: 14 tables equal to %s row for row" % (out, ref), not bad,
          "; ".join(bad) if bad else "%d rows" % rows)
    diff = compare.run_json_diff(os.path.join(S, ref), os.path.join(S, out))
    # read from S3: a location is the s3:// URI where the local run has its path
    s3 = {k for k, (a, b) in diff.items() if isinstance(b, str) and b.startswith("s3://")}
    check("%s: run.json differs from %s only in %s%s" % (out, ref, ", ".join(sorted(ALLOWED)),
                                                          " and s3:// locations" if s3 else ""),
          set(diff) - s3 <= ALLOWED, "differs in " + ", ".join(sorted(set(diff) - s3))
          + ("; %d s3:// locations (%s)" % (len(s3), ", ".join(sorted(s3)[:4])) if s3 else ""))
    run = json.load(open(os.path.join(S, out, "run.json"), encoding="utf-8"))
    check("%s: run.json parallelism %d" % (out, par), run["run"]["parallelism"] == par,
          str(run["run"]["parallelism"]))
    files = open(os.path.join(J, out, "files.txt"), encoding="utf-8").read().split()
    leftovers = [f for f in files if f.startswith(".session-review-staging-") or f.startswith(".session-review-replaced-")]
    check("%s: published completely (the marker, no staging or replaced folder left)" % out,
          ".session-review-output.json" in files and not leftovers, ", ".join(leftovers[:3]))
    marker = os.path.join(S, out, ".session-review-output.json")
    if os.path.exists(marker):
        m = json.load(open(marker, encoding="utf-8"))
        check("%s: the marker names a run and every entry" % out, bool(m.get("run")) and "run.json" in m["entries"]
              and "sessions" in m["entries"], str(m.get("entries")))
    hidden = [f for f in files if "/." in "/" + f and not f.startswith(".session-review-output.json")]
    check("%s: no hidden (in-progress) file anywhere in --out" % out, not hidden, ", ".join(hidden[:3]))

# streaming and batch give the same tables (README: every path the same tables; streaming runs compared the same way)
res = compare.compare_tables(os.path.join(J, "ref-cohort30"), os.path.join(J, "ref-cohort30-streaming"))
check("java -jar --mode streaming equals batch on cohort30", all(ok for t, ok, m in res),
      "; ".join(m for t, ok, m in res if not ok))

# ---- consoles: an attached flink run prints what java -jar prints (README)
for out, ref in (("attached-sample", "ref-sample"), ("attached-seventh", "ref-seventh"),
                 ("killed-batch", "ref-cohort30"), ("killed-streaming", "ref-cohort30-streaming"),
                 ("rerun-over-rest", "ref-sample")):
    a = read(out + ".out").splitlines()
    b = read(ref + ".out").replace(os.path.join(S, ref), os.path.join(S, out)).splitlines()
    first = a[0] if a else ""
    check("%s: flink run exits 0" % out, rc(out) == "0", rc(out))
    check("%s: console = java -jar's, after Flink's 'Job has been submitted' line" % out,
          first.startswith("Job has been submitted with JobID") and a[1:] == b,
          "first line %r; %d vs %d lines; first difference %s" % (
              first[:60], len(a) - 1, len(b),
              next(((x[:120], y[:120]) for x, y in zip(a[1:], b) if x != y), None)))

# ---- detached
d = read("detached-refused.out")
check("flink run -d without the setting: exit 1", rc("detached-refused") == "1", rc("detached-refused"))
check("flink run -d without the setting: the reason first, nothing submitted or created",
      d.startswith("session-review review: a detached 'flink run -d' to a session cluster cannot publish")
      and "Job has been submitted" not in d and not os.path.exists(os.path.join(S, "detached-refused")),
      d.splitlines()[0][:160] if d else "")
d = read("detached-nolib.out")
check("flink run -d with the setting but the jar not in lib/: exit 1, nothing created",
      rc("detached-nolib") == "1" and not os.path.exists(os.path.join(S, "detached-nolib")), rc("detached-nolib"))
first = d.splitlines()[0] if d else ""
check("flink run -d with the setting but the jar not in lib/: one line saying the job was not submitted and why",
      first.startswith("session-review review: the job was not submitted (") and "Failed to deserialize" in first
      and "lib/ of the JobManager and every TaskManager" in first, first[:200])
for n in ("detached-sample", "detached-seventh"):
    d = read(n + ".out")
    check("%s: exit 0 at once with the job id and where the tables will be published" % n,
          rc(n) == "0" and "Job has been submitted with JobID" in d and "its tables are published to" in d,
          " / ".join(d.splitlines()[:2])[:200])

# ---- refusals: java -jar exit 2; flink run exit 1 (Flink's), the same message first; nothing created
for n, path in (("no-sessions", "refuse-no-sessions"), ("out-inside", "sample/refuse-out-inside"), ("s3", None)):
    f, j = read("refuse-%s.out" % n), read("refuse-%s-jar.out" % n)
    check("refusal %s: java -jar exit 2" % n, rc("refuse-%s-jar" % n) == "2", rc("refuse-%s-jar" % n))
    check("refusal %s: flink run exit 1, java -jar's message as its first line" % n,
          rc("refuse-" + n) == "1" and f.splitlines()[:1] == j.splitlines()[:1],
          (f.splitlines() or [""])[0][:160])
    if path:
        check("refusal %s: nothing created" % n, not os.path.exists(os.path.join(S, path)))
check("refusal s3: the message names the scheme", "no file system for the s3:// scheme" in read("refuse-s3.out"))

# ---- REST
for n in ("rest-sample", "rest-seventh"):
    p = os.path.join(R, n + ".json")
    r = json.load(open(p)) if os.path.exists(p) else {}
    check("%s: upload 200, run 200 with a job id, FINISHED, marker within 60 s" % n,
          r.get("upload", [0])[0] == 200 and r.get("run", [0])[0] == 200 and r.get("state") == "FINISHED"
          and r.get("marker_after_finished_s") is not None,
          "run %s, state %s, finished after %s s, marker %s s later" % (
              r.get("run", [None])[0], r.get("state"), r.get("finished_after_s"), r.get("marker_after_finished_s")))
if os.path.exists(os.path.join(R, "s3-attached.rc")):
    check("s3-attached: flink run exits 0", rc("s3-attached") == "0", rc("s3-attached"))
    r = json.load(open(os.path.join(R, "s3-rest.json")))
    check("s3-rest: run 200, FINISHED", r["run"][0] == 200 and r.get("state") == "FINISHED", str(r.get("state")))
p = os.path.join(R, "rest-refused.json")
r = json.load(open(p)) if os.path.exists(p) else {"run": [0, {}]}
errs = "\n".join(r["run"][1].get("errors", []))
check("REST refusal: HTTP 400 carrying the one-line message, nothing created",
      r["run"][0] == 400 and "session-review review: --sessions DIR is required" in errs
      and not os.path.exists(os.path.join(S, "rest-refused")), "HTTP %s" % r["run"][0])

# ---- application mode
for c in ("sample", "seventh"):
    o, log = read("application-%s.out" % c), read("application-%s-jobmanager.log" % c)
    check("application-%s: the JobManager ran the program, published, and exited" % c,
          rc("application-" + c) == "exited" and "output published to" in log
          and "submitted job" in o, o.splitlines()[0][:160] if o else "")

# ---- recovery: the kill happened mid-run, the job recovered, a reader never saw a partial table
for mode in ("batch", "streaming"):
    p = os.path.join(R, "killed-%s.json" % mode)
    k = json.load(open(p)) if os.path.exists(p) else {}
    check("killed-%s: TaskManager SIGKILLed while the job ran, replacement started, job FINISHED" % mode,
          k.get("killed") and k.get("final_state") == "FINISHED",
          "vertices at the kill %s; failures %s" % (k.get("vertices_at_kill"), len(k.get("exceptions", []))))
    final = set(open(os.path.join(J, "killed-" + mode, "files.txt")).read().split()) if os.path.isdir(
        os.path.join(J, "killed-" + mode)) else set()
    snaps = k.get("snapshots", [])
    partial = [s for s in snaps if not set(s) <= final]
    check("killed-%s: every visible file in %d snapshots of --out is one of the final output's" % (mode, len(snaps)),
          snaps and not partial, "e.g. %s" % (sorted(set(partial[0]) - final)[:3] if partial else ""))
    log = read("session-jobmanager.log")
    job = k.get("job", "-")
    if mode == "streaming":
        restored = re.search(r"Restoring job %s from Checkpoint" % job, log)
        print("     (streaming run restored from a checkpoint: %s)" % ("yes" if restored else "no, started again"))

print("\n%d passed, %d failed" % (passed, len(failed)))
for f in failed:
    print("  failed: " + f)
sys.exit(1 if failed else 0)
