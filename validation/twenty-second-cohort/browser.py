#!/usr/bin/env python3
"""Opens every page of a report in headless Chromium through chromedriver (the W3C WebDriver
protocol over HTTP, stdlib urllib), from file:// without a server.

browser.py REPORT OUT.json [SCREENSHOT_DIR]
Per page: it loads, has a title and an h1, no console error (a CSP violation or script error
is one), every link the browser resolves (a.href) names an existing file, and the CSP blocks a
fetch (a securitypolicyviolation event). On index.html the trainee filter hides every other
trainee's row. Writes {check kind: {passed, total, failures}} to OUT.json.
"""
import base64
import glob
import json
import os
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

REPORT, OUT = os.path.abspath(sys.argv[1]), sys.argv[2]
SHOTS = sys.argv[3] if len(sys.argv) > 3 else None
from checks import check, results  # noqa: E402


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    p = s.getsockname()[1]
    s.close()
    return p


PORT = free_port()
BASE = "http://127.0.0.1:%d" % PORT


def call(method, path, body=None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(BASE + path, data=data, method=method,
                                 headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=60) as r:
        return json.loads(r.read())["value"]


def main():
    driver = subprocess.Popen(["/usr/bin/chromedriver", "--port=%d" % PORT],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(50):
            try:
                call("GET", "/status")
                break
            except OSError:
                time.sleep(0.2)
        sid = call("POST", "/session", {"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {"binary": "/usr/bin/chromium",
                                   "args": ["--headless", "--disable-gpu", "--no-sandbox",
                                            "--window-size=1280,1000", "--allow-file-access-from-files"]},
            "goog:loggingPrefs": {"browser": "ALL"}}}})["sessionId"]
        s = "/session/" + sid
        try:
            run(s)
        finally:
            call("DELETE", s)
    finally:
        driver.terminate()
        driver.wait(10)
    with open(OUT, "w") as f:
        json.dump(results, f, indent=1, ensure_ascii=False)


def js(s, script, *args):
    return call("POST", s + "/execute/sync", {"script": script, "args": list(args)})


def logs(s):
    try:
        return call("POST", s + "/se/log", {"type": "browser"})
    except Exception as e:  # noqa: BLE001
        return [{"level": "SEVERE", "message": "no log endpoint: %s" % e}]


def run(s):
    pages = sorted(os.path.relpath(p, REPORT) for p in glob.glob(os.path.join(REPORT, "**", "*.html"),
                                                                 recursive=True))
    shots = {"index.html"}
    for rel in pages:
        url = "file://" + urllib.parse.quote(os.path.join(REPORT, rel))
        call("POST", s + "/url", {"url": url})
        info = js(s, "return {title: document.title, h1: (document.querySelector('h1')||{}).textContent,"
                     " height: document.body.scrollHeight, ready: document.readyState,"
                     " links: Array.from(document.querySelectorAll('a[href]')).map(a => a.href)}")
        check("page loads with a title and h1", info["ready"] == "complete" and info["title"]
              and info["h1"] and info["height"] > 100, rel)
        for href in info["links"]:
            u = urllib.parse.urlsplit(href)
            if u.scheme != "file" or href.startswith("file:///videos/"):
                continue
            path = urllib.parse.unquote(u.path)
            check("browser link names a file", os.path.isfile(path) and path.startswith(REPORT),
                  "%s -> %s" % (rel, href))
        errs = [e["message"] for e in logs(s) if e.get("level") in ("SEVERE", "ERROR")]
        check("no console error", not errs, "%s: %s" % (rel, errs[:2]))
        if rel == "index.html" or rel.endswith(("T05-20260401-1000.html", "-d5594a2f.html")) \
                or (rel.startswith("clients/") and len(shots) < 4) or "E1" in rel:
            shots.add(rel)
            if SHOTS:
                os.makedirs(SHOTS, exist_ok=True)
                png = base64.b64decode(call("GET", s + "/screenshot"))
                with open(os.path.join(SHOTS, rel.replace("/", "_") + ".png"), "wb") as f:
                    f.write(png)
    # the CSP is enforced: a fetch from a page is refused with a securitypolicyviolation
    call("POST", s + "/url", {"url": "file://" + urllib.parse.quote(os.path.join(REPORT, "index.html"))})
    got = call("POST", s + "/execute/async", {"script": """
        var done = arguments[arguments.length - 1];
        document.addEventListener('securitypolicyviolation', function (e) { done(e.violatedDirective); });
        var img = new Image(); img.src = 'https://example.org/x.png';
        setTimeout(function () { done('no violation'); }, 3000);""", "args": []})
    check("CSP blocks a fetch", got.startswith("img-src"), got)
    vlog = logs(s)  # the violation is a console error: proof that the log is read; drop it
    check("console log is read (the violation appears)", any("Content Security Policy" in e["message"] for e in vlog), vlog[:1])
    # the trainee filter: each trainee in turn, then all
    opts = js(s, "var o = document.querySelectorAll('#trainee-filter option'); "
                 "return [document.getElementById('trainee-filter-form').hidden, Array.from(o).map(x => x.value)]")
    check("trainee filter shown (script ran)", opts[0] is False, "form hidden")
    visible = ("return Array.from(document.querySelectorAll('tr[data-therapist]'))"
               ".filter(r => r.offsetParent !== null).map(r => r.getAttribute('data-therapist'))")
    total = len(js(s, visible))
    options = call("POST", s + "/elements", {"using": "css selector", "value": "#trainee-filter option"})
    for v, el in zip(opts[1], options):
        call("POST", s + "/element/%s/click" % list(el.values())[0], {})
        shown = js(s, visible)
        if v == "":
            check("trainee filter: all", len(shown) == total, "%d of %d" % (len(shown), total))
        else:
            n = js(s, "return document.querySelectorAll('tr[data-therapist]').length - "
                      "Array.from(document.querySelectorAll('tr[data-therapist]'))"
                      ".filter(r => r.getAttribute('data-therapist') !== arguments[0]).length", v)
            check("trainee filter: one trainee's rows", shown and set(shown) == {v} and len(shown) == n,
                  "%r: %d shown %s, %d rows" % (v, len(shown), sorted(set(shown))[:3], n))
    errs = [e["message"] for e in logs(s) if e.get("level") in ("SEVERE", "ERROR")]
    check("no console error after filtering", not errs, errs[:2])


main()
