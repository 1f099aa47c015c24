"""sessions/ totals recomputed from moments/, ruptures/, annotations/, segments/, windows/, synchrony/."""
import statistics


def vid(m, dur):
    return max(0.0, min(m["end_s"], dur) - max(m["start_s"], 0.0))


def session_checks(T, sessions, win, mom, rup, ann, seg, syn, check):
    for sid, s in sessions.items():
        ms = mom.get(sid, [])
        rs = rup.get(sid, [])
        dur = s["duration_s"]
        eps = [m for m in ms if m["kind"] == "anxiety_episode" and m["role"] == "client"]
        cw = win.get((sid, "client"), [])
        has_client = any(max(w["eda_quality"], w["cardiac_quality"], w["acc_quality"], w["temp_quality"]) > 0
                         and w["end_s"] > 0 and w["start_s"] < dur for w in cw)
        if s["anxiety_episodes"] is not None:
            check("sessions.anxiety_episodes = client anxiety_episode moments", s["anxiety_episodes"] == len(eps), "%s %s vs %d" % (sid, s["anxiety_episodes"], len(eps)))
        check("sessions.anxiety_episodes null iff no client data in the video (README: null, unknown)",
              (s["anxiety_episodes"] is None) == (not has_client), "%s %s client data %s" % (sid, s["anxiety_episodes"], has_client))
        check("sessions.anxiety_time_s null iff no client data in the video", (s["anxiety_time_s"] is None) == (not has_client), sid)
        if s["anxiety_time_s"] is not None:
            exp = sum(vid(m, dur) for m in eps)
            check("sessions.anxiety_time_s = client episodes' time inside the video", abs(s["anxiety_time_s"] - exp) < 1e-6, "%s %s vs %s" % (sid, s["anxiety_time_s"], exp))
        # peak index: README says "(client)"; a researcher takes the max over the client's windows
        idx_all = [w["anxiety_index"] for w in cw if w["anxiety_index"] is not None]
        idx_vid = [w["anxiety_index"] for w in cw if w["anxiety_index"] is not None and w["start_s"] >= 0 and w["end_s"] <= dur]
        idx_ov = [w["anxiety_index"] for w in cw if w["anxiety_index"] is not None and w["end_s"] > 0 and w["start_s"] < dur]
        p = s["peak_anxiety_index"]
        variants = {"all": max(idx_all, default=None), "in video": max(idx_vid, default=None), "overlapping video": max(idx_ov, default=None)}
        check("sessions.peak_anxiety_index = max client window anxiety_index (README silent which windows)",
              any(v is not None and p is not None and abs(p - v) < 1e-9 for v in variants.values()) or (p is None and not idx_ov),
              "%s %s vs %s" % (sid, p, variants))
        if eps and p is not None:
            check("sessions.peak_anxiety_index >= every client episode's severity", p >= max(m["severity"] for m in eps) - 1e-9,
                  "%s %s vs %s" % (sid, p, max(m["severity"] for m in eps)))
        mo = [m for m in ms if m["kind"] == "missed_opportunity"]
        if s["missed_opportunities"] is not None:
            check("sessions.missed_opportunities = missed_opportunity moments", s["missed_opportunities"] == len(mo), "%s %s vs %d" % (sid, s["missed_opportunities"], len(mo)))
        check("sessions.missed_opportunities null iff the video was not coded (annotation_count 0)",
              (s["missed_opportunities"] is None) == (s["annotation_count"] == 0), "%s %s %s" % (sid, s["missed_opportunities"], s["annotation_count"]))
        saf = [m for m in ms if m["kind"] == "safety"]
        check("sessions.safety_events = safety moments", s["safety_events"] == len(saf), "%s %s vs %d" % (sid, s["safety_events"], len(saf)))
        for col, pred in (("ruptures_withdrawal", lambda r: r["class"] == "W"), ("ruptures_confrontation", lambda r: r["class"] == "C"),
                          ("ruptures_resolved", lambda r: r["outcome"] == "resolved"), ("ruptures_partial", lambda r: r["outcome"] == "partially_resolved"),
                          ("ruptures_unaddressed", lambda r: r["outcome"] == "unaddressed"), ("ruptures_escalated", lambda r: r["outcome"] == "escalated")):
            n = sum(1 for r in rs if pred(r))
            check("sessions.%s = ruptures/ rows" % col, s[col] == n, "%s %s vs %d" % (sid, s[col], n))
        tt = [r["time_to_first_repair_s"] for r in rs if r["outcome"] in ("resolved", "partially_resolved", "escalated")]
        exp = statistics.median(tt) if tt else None
        check("sessions.median_time_to_repair_s = median over episodes with a repair attempt",
              (exp is None and s["median_time_to_repair_s"] is None) or (exp is not None and s["median_time_to_repair_s"] is not None and abs(exp - s["median_time_to_repair_s"]) < 1e-9),
              "%s %s vs %s" % (sid, s["median_time_to_repair_s"], exp))
        den = s["ruptures_resolved"] + s["ruptures_partial"] + s["ruptures_unaddressed"]
        exp = s["ruptures_resolved"] / den if den else None
        check("sessions.resolution_ratio = resolved / (resolved + partial + unaddressed)",
              (exp is None and s["resolution_ratio"] is None) or (exp is not None and s["resolution_ratio"] is not None and abs(exp - s["resolution_ratio"]) < 1e-9),
              "%s %s vs %s" % (sid, s["resolution_ratio"], exp))
        sg = seg.get(sid, [])
        if sg:
            for col, mk in (("segments_with_w_share", "withdrawal_markers"), ("segments_with_c_share", "confrontation_markers")):
                exp = sum(1 for x in sg if x[mk] > 0) / len(sg)
                check("sessions.%s = share of the session's segments/ rows with such markers" % col,
                      s[col] is not None and abs(s[col] - exp) < 1e-9, "%s %s vs %s (%d segments)" % (sid, s[col], exp, len(sg)))
        check("sessions.annotation_count = annotations/ rows", s["annotation_count"] == len(ann.get(sid, [])),
              "%s %s vs %d" % (sid, s["annotation_count"], len(ann.get(sid, []))))
        check("sessions.flagged iff priority > 0", s["flagged"] == (s["priority"] > 0), "%s %s %s" % (sid, s["flagged"], s["priority"]))
        # priority = tier x 1000 + 1000 x load / (load + 20)
        unans = sum(1 for m in saf if "therapist response coded within 60 s:" not in m["evidence"])
        ans = len(saf) - unans
        press = sum(1 for m in ms if m["kind"] == "pressure_above_threshold")
        unv = sum(1 for m in ms if m["kind"] == "unvoiced_arousal")
        burden = sum(vid(m, dur) / 60 * m["severity"] + 0.5 for m in eps)
        load = (10 * unans + 5 * ans + 4 * s["ruptures_unaddressed"] + 3 * s["ruptures_escalated"]
                + 2 * (s["missed_opportunities"] or 0) + 2 * press + unv + burden)
        tier = 4 if unans else 3 if ans else 2 if s["ruptures_unaddressed"] else 1 if s["missed_opportunities"] else 0
        exp = tier * 1000 + 1000 * load / (load + 20)
        check("sessions.priority = tier x 1000 + 1000 x load / (load + 20) from the session's moments",
              abs(s["priority"] - exp) < 0.05, "%s %.2f vs %.2f (tier %d load %.2f)" % (sid, s["priority"], exp, tier, load))
        # data quality: mean over the wearer's windows holding a valid sample of their own (EDA,
        # accelerometer or skin temperature quality above 0; cardiac only for a wearer with none
        # of those) of the mean of the four qualities; all of the wearer's windows; 0 without
        # that wearer (README, as made precise by this audit)
        for role, col in (("client", "data_quality_client"), ("therapist", "data_quality_therapist")):
            ws = win.get((sid, role), [])
            qs = lambda w: (w["eda_quality"], w["cardiac_quality"], w["acc_quality"], w["temp_quality"])
            own = lambda w: max(w["eda_quality"], w["acc_quality"], w["temp_quality"]) > 0
            held = [w for w in ws if own(w)] or [w for w in ws if w["cardiac_quality"] > 0]
            exp = sum(sum(qs(w)) / 4 for w in held) / len(held) if held else 0.0
            check("sessions.%s = mean over windows holding a sample of their own of the mean of four qualities" % col,
                  abs(s[col] - exp) < 1e-9, "%s %s vs %s" % (sid, s[col], exp))
        # client_leads_share: of the EDA windows with status ok and a leader, the client's share
        # (README since this audit; before, "Share of synchrony windows led by the client")
        sw = [w for w in syn.get(sid, []) if w["status"] == "ok" and w["leader"] in ("client", "therapist")]
        eda = [w for w in sw if w["signal"] == "eda"]
        if eda:
            exp = sum(1 for w in eda if w["leader"] == "client") / len(eda)
            check("sessions.client_leads_share = client share of the EDA ok windows with a leader",
                  s["client_leads_share"] is not None and abs(s["client_leads_share"] - exp) < 1e-9, "%s %s vs %s" % (sid, s["client_leads_share"], exp))
