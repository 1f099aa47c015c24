"""Synchrony of unrelated real people: the figures of validation/real-pairs/README.md.

Reads two CSV files written by the jar's `sql` (sessions' synchrony columns; synchrony windows
summarised per variant and signal) and prints, per variant (aligned, offset): sessions with an
index, how many lie above the 95th surrogate percentile, the percentiles, the median ES, and the
window-level share of positive z at lag 0. Exit 1 when a null expectation fails:

* offset pairs (neither shared timing nor interaction): at most 5 of 28 above the 95th percentile
  (binomial, p = 0.05, n = 28: P(X >= 6) = 0.0023), and a median percentile between 25 and 75;
* both variants: the share of positive window z at lag 0 between 0.45 and 0.55 (no bias of the
  windowed cross-correlation on real wrist EDA and heart rate).

usage: python3 check.py SESSIONS_CSV WINDOWS_CSV
"""
import csv
import statistics
import sys


def num(x):
    return None if x in ("", "null", None) else float(x)


def main(sessions_csv, windows_csv):
    rows = list(csv.DictReader(open(sessions_csv)))
    ok = True
    for variant in ("aligned", "offset"):
        rs = [r for r in rows if r["session_id"].endswith(variant)]
        pct = sorted(p for p in (num(r["synchrony_percentile"]) for r in rs) if p is not None)
        es = sorted(e for e in (num(r["synchrony_es"]) for r in rs) if e is not None)
        above = sum(p > 95 for p in pct)
        median = statistics.median(pct) if pct else float("nan")
        print("%-8s sessions %d, with an index %d, above the 95th percentile %d, median percentile %.1f,"
              " median ES %.2f" % (variant, len(rs), len(pct), above, median, statistics.median(es) if es else float("nan")))
        print("         percentiles: " + " ".join("%.0f" % p for p in pct))
        if variant == "offset":
            if above > 5 or not 25 <= median <= 75:
                print("FAIL offset pairs are not at chance")
                ok = False
    for r in csv.DictReader(open(windows_csv)):
        share = float(r["share_pos"])
        print("%-8s %-3s windows %s: share of z_lag0 > 0 %.3f, mean z_lag0 %.3f, mean |z| over lags %.3f" % (
            r["v"], r["signal"], r["n"], share, float(r["mean_z0"]), float(r["mean_abs"])))
        if not 0.45 <= share <= 0.55:
            print("FAIL window z at lag 0 is biased")
            ok = False
    print("all null expectations hold" if ok else "SOME NULL EXPECTATIONS FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
