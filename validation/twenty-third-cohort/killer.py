#!/usr/bin/env python3
"""Kill the TaskManager in the middle of a running review (README "Restarts, checkpoints, and
what a reader sees"): waits until the cluster's only job is RUNNING with a vertex RUNNING that
has read for KILL_AFTER seconds, SIGKILLs the TaskManager process, starts a replacement with
(run.sh starts it when REPORT.json.killed appears), and meanwhile snapshots the visible entries of --out every 0.2 s (a reader's
view: what a reader listing the folder sees). Usage:
  killer.py REST_URL TM_PID OUT REPORT.json KILL_AFTER_S
Writes REPORT.json: the job id, the vertex states at the kill, the states after, the snapshots."""
import json
import os
import signal
import sys
import time
import urllib.request

url, tm_pid, out, report, kill_after = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], float(sys.argv[5])


def get(path):
    return json.load(urllib.request.urlopen(url + path, timeout=5))


def visible(out):
    seen = []
    if not os.path.isdir(out):
        return seen
    for root, dirs, files in os.walk(out):
        rel = os.path.relpath(root, out)
        if any(part.startswith(".") for part in rel.split(os.sep) if part != "."):
            continue
        for f in files:
            if not f.startswith("."):
                seen.append(os.path.normpath(os.path.join(rel, f)))
    return sorted(seen)


rep = {"snapshots": [], "killed": False}
deadline = time.time() + 300
job = None
running_since = None
while time.time() < deadline:
    try:
        jobs = get("/jobs/overview")["jobs"]
        live = [j for j in jobs if j["state"] not in ("FINISHED", "FAILED", "CANCELED")]
        if live:
            job = live[0]["jid"]
            d = get("/jobs/" + job)
            states = {v["name"][:40]: v["status"] for v in d["vertices"]}
            if d["state"] == "RUNNING" and "RUNNING" in states.values():
                running_since = running_since or time.time()
                if time.time() - running_since >= kill_after:
                    rep["vertices_at_kill"] = states
                    break
    except Exception as e:  # the REST endpoint is busy: try again
        rep.setdefault("errors", []).append(str(e))
    rep["snapshots"].append(visible(out))
    time.sleep(0.2)
else:
    rep["error"] = "no running job to kill within 300 s"
    json.dump(rep, open(report, "w"), indent=1)
    sys.exit(1)

os.kill(tm_pid, signal.SIGKILL)
rep["killed"] = True
rep["job"] = job
rep["killed_at"] = time.time()
open(report + ".killed", "w").write(job)
while time.time() < deadline:
    rep["snapshots"].append(visible(out))
    try:
        d = get("/jobs/" + job)
        if d["state"] in ("FINISHED", "FAILED", "CANCELED"):
            rep["final_state"] = d["state"]
            break
    except Exception:
        pass
    time.sleep(0.2)
# the publish follows FINISHED: keep watching until the marker is there (at most 60 s)
end = time.time() + 60
while time.time() < end and not os.path.exists(os.path.join(out, ".session-review-output.json")):
    rep["snapshots"].append(visible(out))
    time.sleep(0.2)
rep["snapshots"].append(visible(out))
try:
    d = get("/jobs/" + job + "/exceptions")
    rep["exceptions"] = [e.get("exceptionName", "") + ": " + e.get("stacktrace", "").split("\n")[0][:200]
                         for e in d.get("exceptionHistory", {}).get("entries", [])]
except Exception as e:
    rep["exceptions_error"] = str(e)
json.dump(rep, open(report, "w"), indent=1)
