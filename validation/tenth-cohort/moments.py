"""moments/ against windows/, ruptures/ and annotations/ (README Outputs moments/)."""
import re

KINDS = {"anxiety_episode", "rupture", "unaddressed_rupture", "missed_opportunity", "unvoiced_arousal",
         "safety", "pressure_above_threshold", "synchrony_drop"}


def mmss(t):
    t = max(t, 0)
    return "%02d:%02d" % (int(t // 60), int(t) % 60)


def moment_checks(T, sessions, win, mom, rup, ann, check):
    for sid, ms in mom.items():
        s = sessions[sid]
        for m in ms:
            k = "%s %s %s-%s" % (sid, m["kind"], m["start_s"], m["end_s"])
            check("moments: kind documented", m["kind"] in KINDS, k)
            check("moments: start_s <= end_s", m["start_s"] <= m["end_s"], k)
            if m["kind"] != "anxiety_episode":
                check("moments: coded events' severity on the 1-5 scale", m["severity"] is not None and 1 <= m["severity"] <= 5, k + " %s" % m["severity"])
                continue
            ws = [w for w in win.get((sid, m["role"]), []) if w["anxiety_index"] is not None
                  and w["start_s"] < m["end_s"] and w["end_s"] > m["start_s"]]
            inside = [w for w in ws if w["start_s"] >= m["start_s"] and w["end_s"] <= m["end_s"]]
            peak_ov = max((w["anxiety_index"] for w in ws), default=None)
            peak_in = max((w["anxiety_index"] for w in inside), default=None)
            check("moments: episode severity = peak anxiety_index of the role's windows in the episode (README silent: overlapping or inside)",
                  m["severity"] is not None and (peak_ov is not None and abs(m["severity"] - peak_ov) < 1e-9
                                                 or peak_in is not None and abs(m["severity"] - peak_in) < 1e-9),
                  k + " severity %s, overlapping %s, inside %s" % (m["severity"], peak_ov, peak_in))
            # evidence z values: "peak z" of each channel over the episode. README silent which
            # windows: the detector's own, which can begin before start_s (a window starting
            # before the onset it placed) and leave out one overlapping it; so the check is that
            # the value is the peak of some windows overlapping the episode: at most the largest
            # |z| there, and at least the peak over the windows inside it
            allw = [w for w in win.get((sid, m["role"]), []) if w["start_s"] < m["end_s"] and w["end_s"] > m["start_s"]]
            core = [w for w in allw if w["start_s"] >= m["start_s"] and w["end_s"] <= m["end_s"]]
            for label, col in (("EDA level z", "z_scl"), ("HR z", "z_hr"), ("SCR rate z", "z_scr"),
                               ("fidget z", "z_fidget"), ("skin temp slope z", "z_temp"), ("RMSSD z", "z_rmssd")):
                mm = re.search(re.escape(label) + r" (-?[0-9.]+)", m["evidence"])
                if not mm:
                    continue
                val = float(mm.group(1))
                zs = [w[col] for w in allw if w[col] is not None]
                zc = [w[col] for w in core if w[col] is not None]
                lo = max(zc) if val >= 0 and zc else (min(zc) if zc else val)
                hi = max(zs) if val >= 0 else min(zs)
                ok = zs and (round(lo, 1) <= val + 1e-9 <= round(hi, 1) + 2e-9 if val >= 0 else round(hi, 1) - 1e-9 <= val <= round(lo, 1) + 1e-9)
                check("moments: evidence z = a peak of the column over windows overlapping the episode (%s)" % label,
                      bool(ok), k + " %s %s, core peak %s, overlapping peak %s" % (label, val, lo, hi))
            # coded cues named inside: each exists in annotations/ at that time, in the episode
            named = re.findall(r"(ANX_[A-Z_]+) at (\d\d:\d\d)", m["evidence"].split("coded cues inside:")[-1]) if "coded cues inside" in m["evidence"] else []
            for code, at in named:
                hit = [a for a in ann.get(sid, []) if a["code"] == code and mmss(a["start_s"]) == at]
                check("moments: a cue the evidence names is an annotation inside the episode",
                      any(m["start_s"] - 30 <= a["start_s"] <= m["end_s"] for a in hit), k + " %s at %s" % (code, at))
            cues = [a for a in ann.get(sid, []) if a["code"].startswith("ANX_") and a["actor"] == "client"
                    and m["start_s"] <= a["start_s"] <= m["end_s"]]
            for a in cues:
                check("moments: every client ANX_* cue inside the episode is named in its evidence (README silent)",
                      (a["code"], mmss(a["start_s"])) in named, k + " %s at %s not named" % (a["code"], mmss(a["start_s"])))
        # one rupture moment per episode, same times; unaddressed_rupture iff outcome unaddressed
        rm = [m for m in ms if m["kind"] in ("rupture", "unaddressed_rupture")]
        for r in rup.get(sid, []):
            hit = [m for m in rm if m["start_s"] == r["start_s"] and m["end_s"] == r["end_s"]
                   and (" %s (" % r["episode_id"]) in m["evidence"]]
            check("moments: each ruptures/ row has one rupture moment at its times", len(hit) == 1, "%s %s %d" % (sid, r["episode_id"], len(hit)))
            if hit:
                check("moments: kind unaddressed_rupture iff outcome unaddressed (README silent)",
                      (hit[0]["kind"] == "unaddressed_rupture") == (r["outcome"] == "unaddressed"),
                      "%s %s %s %s" % (sid, r["episode_id"], r["outcome"], hit[0]["kind"]))
        check("moments: rupture moments = ruptures/ rows", len(rm) == len(rup.get(sid, [])), "%s %d vs %d" % (sid, len(rm), len(rup.get(sid, []))))
    for sid in sessions:
        if sid not in mom:
            check("moments: rupture moments = ruptures/ rows", len(rup.get(sid, [])) == 0, sid)
