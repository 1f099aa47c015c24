#!/usr/bin/env python3
"""--set arguments for the ninth cohort's provenance checks (Python standard library only).

provenance.py plan WORK            -> the options varied, their default and the value set
provenance.py keys WORK            -> the varied keys, one a line
provenance.py setargs WORK all|KEY -> --set KEY=VALUE arguments (every varied option, or one)
provenance.py feedback WORK        -> --set KEY=VALUE for every session_review.* parameter of
                                      the p1 run's sessions footer (fed back: same rows expected)
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import footer  # noqa: E402

# at least one option of every group --list-options prints; each value differs from the default
# and lies in its declared range. What each should change is checked in check.py.
VARIED = [
    ("ingest.e4_temp_max_c", "33.0", "rejects windows"),  # 34.0 rejected nothing: no sample above 33.9 degC
    ("features.hop_s", "10.0", "windows"),
    ("eda.scr_min_amplitude_us", "0.1", "scr windows"),
    ("eda.method", "NEUROKIT", "scr windows"),
    ("cardiac.ibi_max_deviation", "0.1", "beats windows"),
    ("motion.fidget_high_hz", "5.0", "windows"),
    ("temperature.slope_span_s", "90.0", "windows"),
    ("artifacts.gross_movement_g", "0.05", "artifacts windows"),
    ("scoring.weight.scl", "0.5", "windows sessions"),
    ("scoring.episode.enter_threshold", "2.5", "sessions"),
    ("scoring.episode.onset_baseline", "LINE", "moments"),
    ("safety.response_s", "5.0", "sessions moments"),
    ("rupture.merge_gap_s", "30.0", "ruptures"),
    ("opportunity.episode_response_s", "5.0", "sessions moments"),
    ("priority.weight.missed_opportunity", "3.0", "sessions"),
    ("synchrony.seed", "7", "sessions"),
    ("synchrony.max_lag_s", "4.0", "synchrony"),
    ("trends.client.high_burden_s", "200.0", "clients"),  # 60.0 changed nothing: no anxiety time in 60-120 s
]


def plan(work):
    opts = {}
    for line in open(os.path.join(work, "list-options.txt"), encoding="utf-8"):
        if line.startswith("  "):
            k = line.split()[0]
            opts[k] = line.strip()
    out = []
    for k, v, tables in VARIED:
        out.append("%s=%s (expected to change: %s) | %s" % (k, v, tables, opts.get(k, "NOT LISTED")))
    return out


def feedback(work):
    f = footer.table(os.path.join(work, "runs", "p1", "out", "sessions"))
    meta = next(iter(f.values()))
    args = []
    for k, v in sorted(meta.items()):
        if not k.startswith("session_review."):
            continue
        k = k[len("session_review."):]
        if k.startswith("column.") or k.startswith("run_input.") or k in (
                "version", "commit", "flink_version", "methods", "table", "table_description", "pseudonym_key"):
            continue
        args += ["--set", "%s=%s" % (k, v)]
    return args


if __name__ == "__main__":
    cmd, work = sys.argv[1], sys.argv[2]
    if cmd == "plan":
        print("\n".join(plan(work)))
    elif cmd == "tables":
        print(" ".join(t for k, _, tables in VARIED if k == sys.argv[3] for t in tables.split()))
    elif cmd == "keys":
        print("\n".join(k for k, _, _ in VARIED))
    elif cmd == "setargs":
        which = sys.argv[3]
        print(" ".join("--set %s=%s" % (k, v) for k, v, _ in VARIED if which in ("all", k)))
    elif cmd == "feedback":
        print(" ".join(feedback(work)))
