#!/usr/bin/env python3
"""summary.py RESULT.json: one line per check kind (passed/total) and its first failures."""
import json
import sys

r = json.load(open(sys.argv[1], encoding="utf-8"))
checks = r["checks"]
passed = sum(v["passed"] for v in checks.values())
total = sum(v["total"] for v in checks.values())
print("== %s: %d sessions (%d withheld), %d pages; %d of %d checks passed in %d kinds" % (
    r["name"], r["sessions"], r["withheld"], r["pages"], passed, total, len(checks)))
for k, v in checks.items():
    bad = v["passed"] != v["total"]
    print("%-48s %6d/%-6d%s" % (k, v["passed"], v["total"], "  FAILED" if bad else ""))
    if bad:
        for f in v["failures"][:5]:
            print("      " + f)
