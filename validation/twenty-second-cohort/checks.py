"""The audit's tally of checks, shared by check.py and browser.py: per kind, how many passed of how
many, and up to 12 failures to show."""
from collections import defaultdict

results = defaultdict(lambda: {"passed": 0, "total": 0, "failures": []})


def check(kind, ok, what=""):
    r = results[kind]
    r["total"] += 1
    if ok:
        r["passed"] += 1
    elif len(r["failures"]) < 12:
        r["failures"].append(what)
    return ok
