"""Eleventh audit: the review's episodes and moments on the shared real wrist recordings.

Reads the tables a review wrote (JSON lines from `sql --format json`, each table preceded by a
`{"block_marker": "<table>"}` row, as run.sh writes them) and the recordings' own labels
(`labels_S0x.csv`, S02-S08: 1 = stress task) and prints, per recording and in total:

* client anxiety episodes: count, length, share overlapping a stress task, tasks with at least
  one episode (hit rate), episodes per hour of rest (false alarms), onset minus task start and
  minus the first elevated window (index >= enter threshold) of the episode;
* the channels each episode's evidence names (rising channels, "rests on a single channel", the
  silent-channel sentence), episodes during hyperventilation (the third task) or with movement;
* per task, why no episode: windows at index >= 2, how many of them are unscored by movement
  (recomputed index from the z columns), the support (index without its strongest contribution);
* the sessions' ranking (priority), moments with their mm:ss and evidence;
* consistency checks that must hold (README Outputs / Methods): anxiety_time_s, priority and the
  flag reason's minutes from the episodes, the index recomputed from the z columns, each moment
  overlapping the video by at least scoring.episode.min_s, peak z of the evidence's channels,
  data_quality_client from the windows' channel qualities, moments' start_utc;
  `peak_anxiety_index` against the windows overlapping the video (README; over all windows before 2026-12-07).

usage: python3 check.py ROWS.JSONL DATA_E4_DIR [--json OUT.json] [--label NAME]
Standard library only.
"""
import csv
import datetime
import decimal
import json
import os
import re
import sys
from collections import Counter, defaultdict

ENTER = 2.0
MIN_S = 30.0
WEIGHTS = {"z_scl": 1.0, "z_hr": 1.0, "z_scr": 0.5, "z_rmssd": -0.5, "z_temp": -0.25}
LABELS = {"z_scl": "EDA level", "z_hr": "HR", "z_scr": "SCR rate", "z_rmssd": "RMSSD", "z_temp": "skin temp slope"}
FLOOR = -3.0


def load(path):
    blocks, cur = defaultdict(list), None
    for line in open(path):
        line = line.strip()
        if not line:
            continue
        r = json.loads(line)
        if len(r) == 1 and "block_marker" in r:
            cur = r["block_marker"]
            blocks[cur]
            continue
        blocks[cur].append(r)
    return blocks


def contributions(w):
    c = {}
    for k, wt in WEIGHTS.items():
        if w.get(k) is not None:
            c[k] = max(FLOOR, (1 if wt > 0 else -1) * w[k])
    return c


def index_and_support(w):
    """Index (weighted mean of signed contributions floored at -3) and support (without the
    strongest weighted contribution), from the z columns (README, Anxiety index; fidget weighs 0).
    Silent channels are not left out here, so the support of a non-responder is a lower bound."""
    c = contributions(w)
    if not c:
        return None, None
    tw = sum(abs(WEIGHTS[k]) for k in c)
    idx = sum(abs(WEIGHTS[k]) * v for k, v in c.items()) / tw
    top = max(c, key=lambda k: abs(WEIGHTS[k]) * c[k])
    rest = {k: v for k, v in c.items() if k != top}
    tw2 = sum(abs(WEIGHTS[k]) for k in rest)
    sup = sum(abs(WEIGHTS[k]) * v for k, v in rest.items()) / tw2 if tw2 else None
    return idx, sup


def segments(data, sid):
    """Label segments [start, end) in seconds from the recording start: (start, end, label)."""
    num = sid.rsplit("-", 1)[-1]
    path = os.path.join(data, sid, "labels_%s.csv" % num)
    if not os.path.exists(path):
        return None
    start = float(open(os.path.join(data, sid, "EDA.csv")).readline().split(",")[0])
    segs = []
    with open(path) as f:
        rows = list(csv.reader(f))[1:]
    for t, lab in rows:
        t, lab = float(t) - start, int(float(lab))
        if segs and segs[-1][2] == lab and abs(t - segs[-1][1]) < 1.5:
            segs[-1][1] = t + 1
        else:
            segs.append([t, t + 1, lab])
    return [tuple(s) for s in segs]


def overlap(a0, a1, b0, b1):
    return max(0.0, min(a1, b1) - max(a0, b0))


def mmss(s):
    s = max(0, s)
    return "%02d:%02d" % (int(s // 60), int(s) % 60)


def rising(evidence):
    """The rising channels the evidence names (before the parenthesis), and whether it says
    'rests on a single channel' and the silent-channel sentence."""
    head = evidence.split(" (other channels' peak")[0].split(";")[0]
    head = head.split("arousal: ", 1)[1]
    single = head.startswith("rests on a single channel")
    if single:
        head = head.split("): ", 1)[1]
    names = [m.group(1) for m in re.finditer(r"([A-Za-z ]+?) z (-?[0-9.]+)", head)]
    peaks = {m.group(1).strip(): float(m.group(2)) for m in re.finditer(r"([A-Za-z ]+?) z (-?[0-9.]+)", evidence)}
    return [n.strip() for n in names], single, "concordance rests on the other channels" in evidence, peaks


def main(argv):
    rows, data = argv[1], argv[2]
    out_json = argv[argv.index("--json") + 1] if "--json" in argv else None
    label = argv[argv.index("--label") + 1] if "--label" in argv else "defaults"
    b = load(rows)
    sessions = {s["session_id"]: s for s in b["sessions"]}
    windows = defaultdict(list)
    for w in b["windows"]:
        if w["role"] == "client":
            windows[w["session_id"]].append(w)
    for ws in windows.values():
        ws.sort(key=lambda w: w["start_s"])
    episodes = defaultdict(list)
    for m in b["moments"]:
        if m["kind"] == "anxiety_episode" and m["role"] == "client":
            episodes[m["session_id"]].append(m)
    for es in episodes.values():
        es.sort(key=lambda m: m["start_s"])

    checks = Counter()
    failures = []

    def check(name, ok, detail):
        checks[(name, ok)] += 1
        if not ok:
            failures.append("%s: %s" % (name, detail))

    result = {"label": label, "recordings": {}, "total": {}}
    tot = Counter()
    onsets, onsets_first = [], []
    print("== %s" % label)
    for sid in sorted(sessions):
        s = sessions[sid]
        ws, es = windows[sid], episodes[sid]
        dur = s["duration_s"]
        segs = segments(data, sid)
        rec = {"episodes": len(es), "episode_s": [round(m["end_s"] - m["start_s"], 1) for m in es]}

        # --- consistency checks (README Outputs, Alignment, Priority)
        watch = [overlap(m["start_s"], m["end_s"], 0, dur) for m in es]
        check("anxiety_time_s = watchable episode time", abs((s["anxiety_time_s"] or 0) - sum(watch)) < 0.01,
              "%s %s vs %s" % (sid, s["anxiety_time_s"], sum(watch)))
        check("anxiety_episodes = client episode moments", s["anxiety_episodes"] == len(es), sid)
        burden = sum(wt / 60 * m["severity"] + 0.5 for wt, m in zip(watch, es))
        prio = 1000 * burden / (burden + 20) if burden > 0 else 0.0
        check("priority = 1000 x burden / (burden + 20)", abs(s["priority"] - prio) < 0.05,
              "%s %.2f vs %.2f" % (sid, s["priority"], prio))
        if es:
            reason = [r for r in s["flag_reasons"] if "candidate client anxiety episode" in r]
            want = "%s min" % decimal.Decimal(repr(sum(watch) / 60)).quantize(decimal.Decimal("0.1"), decimal.ROUND_HALF_UP)
            check("flag reason minutes", bool(reason) and want in reason[0], "%s %s vs %s" % (sid, reason, want))
        media = datetime.datetime.fromisoformat(s["media_start_utc"].replace("Z", "+00:00"))
        for m in b["moments"]:
            if m["session_id"] == sid:
                at = datetime.datetime.fromisoformat(m["start_utc"].replace("Z", "+00:00"))
                check("moment start_utc = media_start_utc + start_s",
                      abs((at - media).total_seconds() - m["start_s"]) < 1e-3, "%s %s" % (sid, m["start_s"]))
        for m in es:
            check("moment overlaps the video by >= min_s", overlap(m["start_s"], m["end_s"], 0, dur) >= MIN_S - 1e-9,
                  "%s %s-%s" % (sid, m["start_s"], m["end_s"]))
        for w in ws:
            if w["anxiety_index"] is not None:
                idx, _ = index_and_support(w)
                check("index recomputed from z columns", idx is not None and abs(idx - w["anxiety_index"]) < 1e-6,
                      "%s %s %s vs %s" % (sid, w["start_s"], w["anxiety_index"], idx))
        hold = [w for w in ws if w["eda_quality"] > 0 or w["acc_quality"] > 0 or w["temp_quality"] > 0]
        dq = sum((w["eda_quality"] + w["cardiac_quality"] + w["acc_quality"] + w["temp_quality"]) / 4
                 for w in hold) / len(hold) if hold else 0.0
        check("data_quality_client = mean channel quality over windows with EDA/ACC/TEMP data",
              abs(dq - s["data_quality_client"]) < 1e-9, "%s %s vs %s" % (sid, s["data_quality_client"], dq))
        scored = [w["anxiety_index"] for w in ws if w["anxiety_index"] is not None]
        inside = [w["anxiety_index"] for w in ws if w["anxiety_index"] is not None and w["start_s"] >= 0
                  and w["end_s"] <= dur]
        overlapping = [w["anxiety_index"] for w in ws if w["anxiety_index"] is not None and w["end_s"] > 0
                       and w["start_s"] < dur]
        check("peak_anxiety_index = max over the client windows overlapping the video (README)",
              s["peak_anxiety_index"] is None or (overlapping and abs(s["peak_anxiety_index"] - max(overlapping)) < 1e-9),
              "%s %s vs %s (all windows %s)" % (sid, s["peak_anxiety_index"], max(overlapping) if overlapping else None,
                                                max(scored) if scored else None))
        rec["peak_anxiety_index"] = s["peak_anxiety_index"]
        rec["peak_index_inside_video"] = max(inside) if inside else None

        # --- episodes: channels, evidence peaks, movement
        ev_rows = []
        for m in es:
            names, single, silent, peaks = rising(m["evidence"])
            # an episode's windows: those whose centre lies in [start_s, end_s] (the evidence's peaks
            # match these exactly; windows inside the span miss 9 of 29 peaks)
            inep = [w for w in ws if m["start_s"] - 1e-9 <= (w["start_s"] + w["end_s"]) / 2 <= m["end_s"] + 1e-9]
            sc = [w for w in inep if w["anxiety_index"] is not None]
            for k, lab in LABELS.items():
                vals = [w[k] for w in sc if w[k] is not None]
                if lab in peaks and vals:
                    want = max(vals) if WEIGHTS[k] > 0 else min(vals)
                    check("evidence peak z = extreme over the episode's scored windows",
                          abs(round(want, 1) - peaks[lab]) <= 0.051, "%s %s %s %s vs %.2f" % (sid, m["start_s"], lab,
                                                                                              peaks[lab], want))
            moved = sum(1 for w in inep if (w["gross_movement_s"] or 0) >= 10 or w["exertion_recovery"])
            first = next((w for w in sc if w["anxiety_index"] >= ENTER), None)
            ev_rows.append({
                "start_s": m["start_s"], "end_s": m["end_s"], "severity": round(m["severity"], 2),
                "rising": names, "single_channel": single, "silent_sentence": silent,
                "windows": len(inep), "unscored_by_movement": moved,
                "first_elevated_s": first["start_s"] if first else None,
            })
            tot["single_channel"] += single
            tot["silent_sentence"] += silent
            tot["episodes_with_movement"] += moved > 0
            for n in names:
                tot["rising:" + n] += 1
            tot["rising_count:%d" % len(names)] += 1
        rec["episode_rows"] = ev_rows

        # --- against the labels
        if segs:
            tasks = [(a, e) for a, e, lab in segs if lab == 1]
            rest = [(a, e) for a, e, lab in segs if lab == 0]
            rest_h = sum(e - a for a, e in rest) / 3600
            in_task = [m for m in es if any(overlap(m["start_s"], m["end_s"], a, e) > 0 for a, e in tasks)]
            hit = []
            task_rows = []
            for i, (a, e) in enumerate(tasks):
                eps = [m for m in es if overlap(m["start_s"], m["end_s"], a, e) > 0]
                tw = [w for w in ws if w["start_s"] >= a and w["end_s"] <= e + 1]
                ge2 = [w for w in tw if w["anxiety_index"] is not None and w["anxiety_index"] >= ENTER]
                recomputed = [index_and_support(w) for w in tw]
                hidden = sum(1 for w, (idx, sup) in zip(tw, recomputed)
                             if w["anxiety_index"] is None and idx is not None and idx >= ENTER)
                concordant = sum(1 for w, (idx, sup) in zip(tw, recomputed)
                                 if w["anxiety_index"] is not None and idx >= ENTER and sup is not None and sup >= 1.0)
                hidden_conc = sum(1 for w, (idx, sup) in zip(tw, recomputed)
                                  if w["anxiety_index"] is None and idx is not None and idx >= ENTER
                                  and sup is not None and sup >= 1.0)
                unscored = sum(1 for w in tw if w["anxiety_index"] is None)
                row = {"task": ["Stroop", "interview", "hyperventilation"][i] if len(tasks) == 3 else str(i),
                       "start_s": a, "end_s": e, "episodes": len(eps), "windows": len(tw), "unscored": unscored,
                       "index_ge_2": len(ge2), "index_ge_2_and_support_ge_1": concordant,
                       "unscored_with_recomputed_index_ge_2": hidden,
                       "unscored_with_recomputed_index_ge_2_and_support_ge_1": hidden_conc,
                       "onsets_minus_task_start_s": [round(m["start_s"] - a, 1) for m in eps]}
                task_rows.append(row)
                if eps:
                    hit.append(i)
                    # the first episode overlapping the task: its onset against the task start
                    onsets.append(eps[0]["start_s"] - a)
                    first = next((w for w in ws if w["start_s"] >= eps[0]["start_s"] and w["anxiety_index"] is not None
                                  and w["anxiety_index"] >= ENTER), None)
                    if first:
                        onsets_first.append(eps[0]["start_s"] - first["start_s"])
                tot["task:" + row["task"]] += 1
                tot["hit:" + row["task"]] += bool(eps)
                tot["hyperventilation_episodes"] += len(eps) if row["task"] == "hyperventilation" else 0
            false_alarms = [m for m in es if m not in in_task]
            rec.update({
                "tasks": len(tasks), "tasks_hit": len(hit), "episodes_in_task": len(in_task),
                "false_alarms": len(false_alarms), "rest_hours": round(rest_h, 3),
                "false_alarms_per_rest_hour": round(len(false_alarms) / rest_h, 2),
                "task_rows": task_rows,
            })
            tot["tasks"] += len(tasks)
            tot["tasks_hit"] += len(hit)
            tot["episodes_labelled"] += len(es)
            tot["episodes_in_task"] += len(in_task)
            tot["false_alarms"] += len(false_alarms)
            tot["rest_s"] += sum(e - a for a, e in rest)
            tot["task_windows_ge2"] += sum(r["index_ge_2"] for r in task_rows)
            tot["task_windows"] += sum(r["windows"] for r in task_rows)
            tot["task_windows_unscored"] += sum(r["unscored"] for r in task_rows)
            tot["task_hidden_ge2_support"] += sum(r["unscored_with_recomputed_index_ge_2_and_support_ge_1"]
                                                  for r in task_rows)
        else:
            tot["episodes_unlabelled"] += len(es)
            tot["unlabelled_s"] += dur
        tot["episodes"] += len(es)
        rec["data_quality_client"] = round(s["data_quality_client"], 3)
        rec["flag_reasons"] = s["flag_reasons"]
        rec["priority"] = round(s["priority"], 1)
        rec["baseline_source"] = s["baseline_source"]
        result["recordings"][sid] = rec

        # --- print
        line = "%-20s episodes %d (%s s) peak %.2f (inside video %.2f) prio %.1f dq %.2f" % (
            sid, len(es), ", ".join("%.0f" % x for x in rec["episode_s"]) or "-", s["peak_anxiety_index"] or 0,
            rec["peak_index_inside_video"] or 0, s["priority"], s["data_quality_client"])
        if segs:
            line += " | tasks hit %d/%d, in task %d, false alarms %d (%.2f per rest hour)" % (
                rec["tasks_hit"], rec["tasks"], rec["episodes_in_task"], rec["false_alarms"],
                rec["false_alarms_per_rest_hour"])
        print(line)
        for r in rec.get("task_rows", []):
            print("    %-16s %4.0f-%4.0f s: episodes %d, windows %d (unscored %d), index>=2 %d (with support>=1 %d);"
                  " unscored windows whose z columns give index>=2 %d (support>=1 %d); onsets-task start %s" % (
                      r["task"], r["start_s"], r["end_s"], r["episodes"], r["windows"], r["unscored"],
                      r["index_ge_2"], r["index_ge_2_and_support_ge_1"], r["unscored_with_recomputed_index_ge_2"],
                      r["unscored_with_recomputed_index_ge_2_and_support_ge_1"], r["onsets_minus_task_start_s"]))
        for e in ev_rows:
            print("    episode %s-%s (%s, peak %.2f): rising %s%s%s; windows %d, unscored by movement %d" % (
                mmss(e["start_s"]), mmss(e["end_s"]), "%.0f s" % (e["end_s"] - e["start_s"]), e["severity"],
                "/".join(e["rising"]) or "-", ", SINGLE CHANNEL" if e["single_channel"] else "",
                ", silent-channel sentence" if e["silent_sentence"] else "", e["windows"], e["unscored_by_movement"]))

    rest_h = tot["rest_s"] / 3600
    total = {
        "episodes": tot["episodes"], "episodes_labelled_S02_S08": tot["episodes_labelled"],
        "episodes_in_task": tot["episodes_in_task"],
        "share_in_task": round(tot["episodes_in_task"] / tot["episodes_labelled"], 3) if tot["episodes_labelled"] else None,
        "tasks": tot["tasks"], "tasks_hit": tot["tasks_hit"],
        "hit_by_task": {t: "%d/%d" % (tot["hit:" + t], tot["task:" + t]) for t in ("Stroop", "interview", "hyperventilation")},
        "false_alarms": tot["false_alarms"], "rest_hours": round(rest_h, 2),
        "false_alarms_per_rest_hour": round(tot["false_alarms"] / rest_h, 3) if rest_h else None,
        "episodes_unlabelled_recordings": tot["episodes_unlabelled"],
        "unlabelled_hours": round(tot["unlabelled_s"] / 3600, 2),
        "onset_minus_task_start_s": sorted(round(x, 1) for x in onsets),
        "onset_minus_first_elevated_window_s": sorted(round(x, 1) for x in onsets_first),
        "single_channel_episodes": tot["single_channel"], "silent_channel_sentence": tot["silent_sentence"],
        "episodes_with_movement_windows": tot["episodes_with_movement"],
        "hyperventilation_episodes": tot["hyperventilation_episodes"],
        "rising_channels": {k[7:]: v for k, v in tot.items() if k.startswith("rising:")},
        "task_windows": tot["task_windows"], "task_windows_unscored": tot["task_windows_unscored"],
        "task_windows_index_ge_2": tot["task_windows_ge2"],
        "task_unscored_windows_recomputed_ge2_support_ge1": tot["task_hidden_ge2_support"],
    }
    result["total"] = total
    result["moments_by_kind"] = dict(Counter(m["kind"] for m in b["moments"]))
    ranking = sorted(sessions.values(), key=lambda s: (-s["priority"], s["session_id"]))
    result["ranking"] = [(s["session_id"], round(s["priority"], 1)) for s in ranking if s["flagged"]]
    result["artifacts"] = dict(Counter(a["kind"] for a in b["artifacts"] if a["role"] == "client"))
    result["checks"] = {"%s: %s" % (k, "ok" if ok else "FAIL"): v for (k, ok), v in sorted(checks.items())}
    result["failures"] = failures
    print("total: %s" % json.dumps(total))
    print("moments by kind: %s; flagged ranking: %s" % (result["moments_by_kind"], result["ranking"]))
    print("artifacts (client): %s" % result["artifacts"])
    for k, v in sorted(result["checks"].items()):
        print("check %-75s %d" % (k, v))
    for f in failures[:20]:
        print("FAIL " + f)
    if out_json:
        with open(out_json, "w") as f:
            json.dump(result, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
