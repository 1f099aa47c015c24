"""Pools the results_<seed>.json files given as arguments (see run.sh) into one summary."""
import json, statistics, sys
files = sys.argv[1:]
eps, trig, rup, unpl = [], [], [], []
for f in files:
    r = json.load(open(f))
    for e in r["episodes"]: e["run"] = r["tag"]; eps.append(e)
    trig += r["triggers"]; rup += r["ruptures"]
    for u in r["unplanned"]: u["run"] = r["tag"]; unpl.append(u)
found = [e for e in eps if e["found"]]
errs = [e["err_s"] for e in found]
print("episodes planted %d, found as separate episodes %d, merged into a neighbour %d" % (len(eps), len(found), sum(e["merged_into_other"] for e in eps)))
print("onset error: median %.1f s, within 15 s %d/%d, worst %.1f, range %.1f..%.1f" % (statistics.median(errs), sum(abs(x) <= 15 for x in errs), len(errs), max(errs, key=abs), min(errs), max(errs)))
for sh in ["step", "linear", "saturating", "sshape"]:
    v = [e["err_s"] for e in found if e["shape"] == sh]
    print("  %-10s n=%d median %.1f within15 %d range %.1f..%.1f" % (sh, len(v), statistics.median(v), sum(abs(x) <= 15 for x in v), min(v), max(v)))
for lab, cond in [("first episode of session (E1)", lambda e: e["id"].endswith("E1")), ("later episodes", lambda e: not e["id"].endswith("E1"))]:
    v = [e["err_s"] for e in found if cond(e)]
    print("  %-30s n=%d median %.1f within15 %d" % (lab, len(v), statistics.median(v), sum(abs(x) <= 15 for x in v)))
def conf(rows):
    tp = sum(r["expected_missed"] and r["reported_missed"] for r in rows); fp = sum((not r["expected_missed"]) and r["reported_missed"] for r in rows)
    fn = sum(r["expected_missed"] and not r["reported_missed"] for r in rows); tn = len(rows) - tp - fp - fn
    return "tp %d fp %d fn %d tn %d precision %.2f recall %.2f" % (tp, fp, fn, tn, tp / (tp + fp) if tp + fp else float('nan'), tp / (tp + fn) if tp + fn else float('nan'))
ep_trig = [e for e in eps if e["found"] or e["merged_into_other"]]
print("missed (episode onset triggers, any kind incl. unvoiced):", conf(eps))
print("   voiced only (missed_opportunity):", conf([e for e in eps if e["voiced"]]))
print("   unvoiced only (unvoiced_arousal):", conf([e for e in eps if not e["voiced"]]))
print("missed (cue triggers):", conf(trig))
print("all:", conf(eps + trig))
bd = {}
for e in eps:
    k = (e["response_code"] if e["response_code"] in ("INT_TOPIC_SHIFT", "INT_REASSURANCE") else "explicit", e["response_delay_s"])
    bd.setdefault(str(k), []).append(e["reported_missed"])
for k, v in sorted(bd.items()): print("  response", k, "reported missed %d of %d" % (sum(v), len(v)))
print("ruptures as planted: %d of %d" % (sum(r["expected"] == r["actual"] for r in rup), len(rup)))
print("false positives (answered per DOMAIN from true onset, reported missed):")
for e in eps:
    if e["reported_missed"] and not e["expected_missed"]:
        print("   run %s %s %s err %s resp %s@%s; response rel. to estimated onset %s; kinds %s" % (e["run"], e["id"], e["shape"], e.get("err_s"), e["response_code"], e["response_delay_s"], e.get("response_rel_to_estimate_s"), e["reported_kinds"]))
print("unplanned:")
for u in unpl: print("  ", u["run"], {k: v for k, v in u.items() if k != "run"})
