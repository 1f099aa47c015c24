#!/usr/bin/env python3
"""The README's web-UI / REST path: POST /jars/upload (multipart, the job jar), then
POST /jars/{id}/run with {"programArgsList": [...], "parallelism": P}; waits for the job to end and
for the output's marker (the JobManager publishes just after FINISHED; at most 60 s).
Usage: rest.py REST_URL JAR REPORT.json PARALLELISM PROGRAM_ARGS...
REPORT.json: the HTTP status and body of each call, the job's final state, seconds to the marker."""
import json
import os
import sys
import time
import urllib.error
import urllib.request
import uuid

url, jar, report, parallelism = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
args = sys.argv[5:]
out = args[args.index("--out") + 1] if "--out" in args else None
rep = {"args": args}


def call(method, path, body=None, headers=None):
    req = urllib.request.Request(url + path, data=body, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=120) as r:
            return r.status, json.loads(r.read() or b"{}")
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read() or b"{}")


boundary = uuid.uuid4().hex
with open(jar, "rb") as f:
    data = f.read()
body = (("--%s\r\nContent-Disposition: form-data; name=\"jarfile\"; filename=\"%s\"\r\n"
         "Content-Type: application/x-java-archive\r\n\r\n") % (boundary, os.path.basename(jar))).encode() \
    + data + ("\r\n--%s--\r\n" % boundary).encode()
status, up = call("POST", "/jars/upload", body, {"Content-Type": "multipart/form-data; boundary=" + boundary})
rep["upload"] = [status, up]
jar_id = up["filename"].split("/")[-1]
t0 = time.time()
status, run = call("POST", "/jars/%s/run" % jar_id,
                   json.dumps({"programArgsList": args, "parallelism": parallelism}).encode(),
                   {"Content-Type": "application/json"})
rep["run"] = [status, run]
job = run.get("jobid")
if job:
    while time.time() - t0 < 600:
        s, d = call("GET", "/jobs/" + job)
        if d.get("state") in ("FINISHED", "FAILED", "CANCELED"):
            rep["state"] = d["state"]
            break
        time.sleep(0.5)
    rep["finished_after_s"] = round(time.time() - t0, 1)
    if out.startswith("s3://"):  # run.sh fetches the output and check.py looks for the marker
        json.dump(rep, open(report, "w"), indent=1)
        call("DELETE", "/jars/" + jar_id)
        sys.exit(0)
    marker = os.path.join(out, ".session-review-output.json")
    t1 = time.time()
    while time.time() - t1 < 60 and not os.path.exists(marker):
        time.sleep(0.2)
    rep["marker_after_finished_s"] = round(time.time() - t1, 1) if os.path.exists(marker) else None
call("DELETE", "/jars/" + jar_id)
json.dump(rep, open(report, "w"), indent=1)
