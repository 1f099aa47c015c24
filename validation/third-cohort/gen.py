#!/usr/bin/env python3
"""Third independent synthetic cohort: the codings side of the review.

Written for an audit (2026-12-06) from DOMAIN.md (sections 1, 2, 3, 5) and the README's input
contract alone, without reading the project's generators, tests or the two earlier audits.

Each seed writes 8 dyad sessions, each coded in one annotation format (native JSONL, native CSV
with other tools' column names and mm:ss times, ELAN .eaf 3.0 with TIME_ORIGIN, several tiers
per participant, controlled vocabularies, CVE_REF with empty values, Symbolic_Association
significance/intensity tiers, a Time_Subdivision tier with unaligned slots and a
Symbolic_Subdivision tier; ELAN .eaf 2.8 with multilingual CV; ELAN tab-delimited export with
tier+participant and hh:mm:ss.ms+ss.msec columns, and with tier names and msec only; BORIS tabular
events and aggregated events exports). Into the sessions it packs isolated *scenarios*, each
with the outcome DOMAIN.md's rules give:

* rupture scenarios (section 3): W/C markers, merge gap 120 s (119/120/121), repair window up to
  last marker + 300 s (299/300/301), repairs before the rupture, by the client, by a non-repair
  INT, INT_METACOMMUNICATION, partial, escalated, mixed W/C with the "most recent" episode,
  post-repair returning markers at repair + 119/121 s;
* cue scenarios (section 5): triggers (AFF_CUE, AFF_CONCERN, ANX_* with intensity >= 2 or none),
  non-triggers, response classes, the [t, t+10] window at 9/10/11 s and -1 s, turns, ARTIFACT,
  the first 120 s (119/120/121);
* safety (2.7: every SAFE_*, ANX_CPD at intensity 3 or over 30 s, response within 60 s) and the
  ISTDP pressure-above-threshold overlay (3.7);
* physiology scenarios: a planted client arousal episode (EDA level, SCR rate, HR up, RMSSD and
  skin temperature down) with or without a coded ISTDP cue and therapist response.

The E4 model is deliberately simple (its own): tonic EDA 2 uS with a slow sine wander and
Bateman-shaped SCRs, heart beats at 68 bpm with respiratory sinus arrhythmia, a Gaussian pulse
wave, still wrist (gravity plus noise), skin temperature 33.5 degC. Wristbands start 40-200 s
before the video (media_start), the therapist's 10-30 s after the client's.

Usage: gen.py SEED OUTDIR   (writes OUTDIR/sessions/<id>/... and OUTDIR/plan.json)
"""
import json
import math
import os
import random
import sys
from datetime import datetime, timedelta, timezone

AMBIG = "ambiguity"

# --------------------------------------------------------------------------------------------
# scenario library. Events: (t_rel, end_rel or None, code, actor, mods dict)
# expected: ruptures [{cls, start, markers, outcome, first_repair, mixed, max_sig, amb}],
#           mo [{t, code, outcome: missed|answered|none, amb}], safety [{t, code, answered, amb}],
#           pressure [{t, flagged, amb}], physio [{onset, cue, ...}]


def E(t, code, actor, end=None, **mods):
    return {"t": float(t), "end": None if end is None else float(end), "code": code,
            "actor": actor, "mods": mods}


def rup(cls, start, markers, outcome, first_repair=None, mixed=False, max_sig=None, amb=None,
        rule="DOMAIN 3"):
    return {"cls": cls, "start": float(start), "markers": markers, "outcome": outcome,
            "first_repair": None if first_repair is None else float(first_repair),
            "mixed": mixed, "max_sig": max_sig, "amb": amb, "rule": rule}


def mo(t, code, outcome, amb=None, rule="DOMAIN 5"):
    return {"t": float(t), "code": code, "outcome": outcome, "amb": amb, "rule": rule}


def rupture_scenarios():
    S = []

    def add(name, events, ruptures, mods=False, mo_list=(), note=""):
        S.append({"name": name, "kind": "rupture", "events": events, "ruptures": ruptures,
                  "mo": list(mo_list), "needs_mods": mods, "note": note})

    add("R01_W_single_repaired", [E(0, "RUP_W_MINIMAL", "CL"), E(30, "RES_INVITE_DISCUSS_RELATIONSHIP", "TH")],
        [rup("W", 0, 1, "resolved", 30)])
    add("R02_W_unaddressed", [E(0, "RUP_W_AVOID_STORY", "CL", end=25)], [rup("W", 0, 1, "unaddressed")])
    add("R03_W_chain_last_marker", [E(0, "RUP_W_ABSTRACT", "CL"), E(110, "RUP_W_ABSTRACT", "CL"),
                                     E(220, "RUP_W_DENIAL", "CL"), E(230, "RES_LINK_PATTERN_IN_THERAPY", "TH")],
        [rup("W", 0, 3, "resolved", 230)], note="each marker within 120 s of the previous, 220 s from the first")
    add("R04_W_gap121", [E(0, "RUP_W_MINIMAL", "CL"), E(121, "RUP_W_MINIMAL", "CL")],
        [rup("W", 0, 1, "unaddressed"), rup("W", 121, 1, "unaddressed")])
    add("R05_W_gap119", [E(0, "RUP_W_MINIMAL", "CL"), E(119, "RUP_W_DEFERENTIAL", "CL")],
        [rup("W", 0, 2, "unaddressed")])
    add("R06_W_gap120", [E(0, "RUP_W_MINIMAL", "CL"), E(120, "RUP_W_MINIMAL", "CL")],
        [rup("W", 0, 2, "unaddressed", amb="marker exactly mergeGap=120 s after the last: 'within' read as <=")])
    add("R07_repair_at_299", [E(0, "RUP_C_REJECTS_INTERVENTION", "CL"), E(299, "RES_RATIONALE", "TH")],
        [rup("C", 0, 1, "resolved", 299)])
    add("R08_repair_at_300", [E(0, "RUP_C_REJECTS_INTERVENTION", "CL"), E(300, "RES_RATIONALE", "TH")],
        [rup("C", 0, 1, "resolved", 300, amb="repair exactly at lastMarker+300 s: closed interval [start, last+300] read as inclusive")])
    add("R09_repair_at_301", [E(0, "RUP_C_COMPLAINT_ACTIVITIES", "CL"), E(301, "RES_RATIONALE", "TH")],
        [rup("C", 0, 1, "unaddressed")])
    add("R10_repair_before_start", [E(-20, "RES_CLARIFY_MISUNDERSTANDING", "TH"), E(0, "RUP_W_SELFCRIT_HOPELESS", "CL")],
        [rup("W", 0, 1, "unaddressed")], note="repair 20 s before the marker: outside [episode.start, ...]")
    add("R11_repair_by_client", [E(0, "RUP_W_CONTENT_AFFECT_SPLIT", "CL"), E(20, "RES_OTHER", "CL")],
        [rup("W", 0, 1, "unaddressed", rule="DOMAIN 2.3 (RES are the therapist's strategies) / README ruptures")])
    add("R12_metacommunication", [E(0, "RUP_C_COMPLAINT_THERAPIST", "CL"), E(15, "INT_METACOMMUNICATION", "TH", end=40)],
        [rup("C", 0, 1, "resolved", 15)])
    add("R13_non_repair_INT", [E(0, "RUP_W_DENIAL", "CL"), E(10, "INT_VALIDATION", "TH"), E(30, "INT_EXPLORE_FEELING", "TH")],
        [rup("W", 0, 1, "unaddressed")], note="INT_VALIDATION / INT_EXPLORE_FEELING are not repair attempts (3.2)")
    add("R14_partial", [E(0, "RUP_C_DEFENDS_SELF", "CL"), E(30, "RES_VALIDATE_DEFENSIVE_POSTURE", "TH"),
                         E(90, "RUP_C_DEFENDS_SELF", "CL")],
        [rup("C", 0, 2, "partially_resolved", 30)])
    add("R15_escalated", [E(0, "RUP_C_CONTROL_PRESSURE", "CL", significance=2), E(30, "RES_ACK_OWN_CONTRIBUTION", "TH"),
                           E(60, "RUP_C_CONTROL_PRESSURE", "CL", significance=4)],
        [rup("C", 0, 2, "escalated", 30, max_sig=4)], mods=True)
    add("R16_return_same_sig", [E(0, "RUP_W_MINIMAL", "CL", significance=3), E(30, "RES_REDIRECT_REFOCUS", "TH"),
                                 E(60, "RUP_W_MINIMAL", "CL", significance=3)],
        [rup("W", 0, 2, "partially_resolved", 30, max_sig=3)], mods=True)
    add("R17_mixed_same_recent", [E(0, "RUP_W_MINIMAL", "CL"), E(30, "RUP_C_COMPLAINT_PROGRESS", "CL"),
                                   E(60, "RES_INVITE_DISCUSS_RELATIONSHIP", "TH")],
        [rup("W", 0, 1, "unaddressed", mixed=True), rup("C", 30, 1, "resolved", 60, mixed=True)])
    add("R18_mixed_latest_marker", [E(0, "RUP_W_AVOID_STORY", "CL"), E(30, "RUP_C_COMPLAINT_PARAMETERS", "CL"),
                                     E(50, "RUP_W_AVOID_STORY", "CL"), E(60, "RES_CHANGE_TASK_GOAL", "TH")],
        [rup("W", 0, 2, "resolved", 60, mixed=True, amb="'most recent open episode': latest marker (W) vs latest opened (C); README: latest marker"),
         rup("C", 30, 1, "unaddressed", mixed=True, amb="see W of this scenario")])
    add("R19_two_episodes_repair_recent", [E(0, "RUP_W_MINIMAL", "CL"), E(200, "RUP_W_DENIAL", "CL"),
                                            E(210, "RES_LINK_PATTERN_OUTSIDE", "TH")],
        [rup("W", 0, 1, "unaddressed"), rup("W", 200, 1, "resolved", 210)],
        note="the repair lies in both windows and attaches to the most recent only")
    add("R20_C_two_strategies_sig", [E(0, "RUP_C_COMPLAINT_PARAMETERS", "CL", significance=3),
                                      E(40, "RES_ACK_OWN_CONTRIBUTION", "TH"), E(50, "RES_DISCLOSE_INTERNAL", "TH")],
        [rup("C", 0, 1, "resolved", 40, max_sig=3)], mods=True)
    add("R21_return_after_repair_119", [E(0, "RUP_W_DEFERENTIAL", "CL"), E(30, "RES_INVITE_DISCUSS_RELATIONSHIP", "TH"),
                                         E(149, "RUP_W_DEFERENTIAL", "CL")],
        [rup("W", 0, 1, "partially_resolved", 30,
             amb="returning marker 149 s after the first opens a new episode (>120) but is a same-class marker 119 s after the repair: 4. read literally ('no marker of the same class')"),
         rup("W", 149, 1, "unaddressed", amb="see above")])
    add("R22_return_after_repair_121", [E(0, "RUP_W_DEFERENTIAL", "CL"), E(30, "RES_INVITE_DISCUSS_RELATIONSHIP", "TH"),
                                         E(151, "RUP_W_DEFERENTIAL", "CL")],
        [rup("W", 0, 1, "resolved", 30), rup("W", 151, 1, "unaddressed")])
    add("R23_state_markers_C", [E(0, "RUP_C_COMPLAINT_THERAPIST", "CL", end=20), E(60, "RUP_C_REJECTS_INTERVENTION", "CL", end=75),
                                 E(180, "RES_CLARIFY_MISUNDERSTANDING", "TH", end=200)],
        [rup("C", 0, 2, "resolved", 180)])
    add("R24_repair_chain_window_from_last", [E(0, "RUP_W_MINIMAL", "CL"), E(100, "RUP_W_MINIMAL", "CL"),
                                               E(390, "RES_REDIRECT_REFOCUS", "TH")],
        [rup("W", 0, 2, "resolved", 390)], note="repair 390 s after start, 290 s after the last marker")
    add("R25_repair_same_second", [E(0, "RUP_C_COMPLAINT_PROGRESS", "CL"), E(0, "RES_CHANGE_TASK_GOAL", "TH")],
        [rup("C", 0, 1, "resolved", 0)], note="repair coded in the marker's second: t in [start, ...]")
    add("R26_W_closed_then_C_repair", [E(0, "RUP_W_MINIMAL", "CL"), E(100, "RUP_C_REJECTS_INTERVENTION", "CL"),
                                        E(350, "RES_CLARIFY_MISUNDERSTANDING", "TH")],
        [rup("W", 0, 1, "unaddressed", mixed=True), rup("C", 100, 1, "resolved", 350, mixed=True)],
        note="the repair is past W's window (0+300) and inside C's (100+300)")
    add("R27_partial_then_second_repair", [E(0, "RUP_W_ABSTRACT", "CL"), E(30, "RES_REDIRECT_REFOCUS", "TH"),
                                            E(90, "RUP_W_ABSTRACT", "CL"), E(120, "RES_LINK_PATTERN_OUTSIDE", "TH")],
        [rup("W", 0, 2, "resolved", 30, amb="markers came back after the first repair but none within 120 s of the last: rule 4 literal 'resolved' vs 'partially resolved = markers come back'")])
    add("R28_marker_on_therapist_tier", [E(0, "RUP_W_DEFERENTIAL", "TH"), E(40, "RES_INVITE_DISCUSS_RELATIONSHIP", "TH")],
        [rup("W", 0, 1, "resolved", 40, amb="a RUP marker coded on the therapist's tier: DOMAIN 2.2 markers are the patient's; README counts it as the client's")])
    add("R29_metacomm_by_client", [E(0, "RUP_C_COMPLAINT_THERAPIST", "CL"), E(20, "INT_METACOMMUNICATION", "CL")],
        [rup("C", 0, 1, "unaddressed")], note="INT_METACOMMUNICATION is a therapist intervention (2.5)")
    add("R30_escalated_first_uncoded", [E(0, "RUP_C_CONTROL_PRESSURE", "CL"), E(30, "RES_RATIONALE", "TH"),
                                         E(60, "RUP_C_CONTROL_PRESSURE", "CL", significance=5)],
        [rup("C", 0, 2, "partially_resolved", 30, max_sig=5, amb="no significance before the repair to rise from: README partially_resolved")], mods=True)
    add("R31_repair_between_episodes", [E(0, "RUP_W_MINIMAL", "CL"), E(305, "RES_OTHER", "TH"), E(310, "RUP_W_MINIMAL", "CL")],
        [rup("W", 0, 1, "unaddressed"), rup("W", 310, 1, "unaddressed")],
        note="the repair is past the first episode's window and before the second starts")
    add("R32_sig_rises_before_repair", [E(0, "RUP_C_COMPLAINT_THERAPIST", "CL", significance=2),
                                         E(40, "RUP_C_COMPLAINT_THERAPIST", "CL", significance=4),
                                         E(60, "RES_ACK_OWN_CONTRIBUTION", "TH")],
        [rup("C", 0, 2, "resolved", 60, max_sig=4)], mods=True, note="the rise comes before the repair: not escalated")
    add("R33_return_lower_sig", [E(0, "RUP_W_SELFCRIT_HOPELESS", "CL", significance=4), E(30, "RES_LINK_PATTERN_OUTSIDE", "TH"),
                                  E(70, "RUP_W_SELFCRIT_HOPELESS", "CL", significance=2)],
        [rup("W", 0, 2, "partially_resolved", 30, max_sig=4)], mods=True)
    return S


def cue_scenarios():
    S = []

    def add(name, events, mo_list, mods=False, note="", turns=False):
        S.append({"name": name, "kind": "turns" if turns else "cue", "events": events, "ruptures": [],
                  "mo": mo_list, "needs_mods": mods, "note": note})

    add("C01_cue_validated", [E(0, "AFF_CUE", "CL"), E(5, "INT_VALIDATION", "TH")], [mo(0, "AFF_CUE", "answered")])
    add("C02_concern_none", [E(0, "AFF_CONCERN", "CL")], [mo(0, "AFF_CONCERN", "missed")])
    add("C03_sigh_int1", [E(0, "ANX_STR_SIGH", "CL", intensity=1)], [mo(0, "ANX_STR_SIGH", "none")], mods=True)
    add("C04_sigh_int2", [E(0, "ANX_STR_SIGH", "CL", intensity=2)], [mo(0, "ANX_STR_SIGH", "missed")], mods=True)
    add("C05_fidget_no_int", [E(0, "ANX_STR_FIDGET", "CL", end=12)], [mo(0, "ANX_STR_FIDGET", "missed")])
    add("C06_hands_topic_shift", [E(0, "ANX_STR_HANDS", "CL", intensity=3), E(4, "INT_TOPIC_SHIFT", "TH")],
        [mo(0, "ANX_STR_HANDS", "missed")], mods=True)
    add("C07_reassurance", [E(0, "AFF_CUE", "CL"), E(3, "INT_REASSURANCE", "TH")], [mo(0, "AFF_CUE", "missed")])
    add("C08_advice", [E(0, "AFF_CONCERN", "CL"), E(3, "INT_ADVICE", "TH")], [mo(0, "AFF_CONCERN", "missed")])
    add("C09_closed_question", [E(0, "AFF_CUE", "CL"), E(6, "INT_INFO_QUESTION_CLOSED", "TH")], [mo(0, "AFF_CUE", "missed")])
    add("C10_deliberate_silence", [E(0, "AFF_CONCERN", "CL"), E(1, "INT_SILENCE_DELIBERATE", "TH", end=8)],
        [mo(0, "AFF_CONCERN", "answered")])
    add("C11_resp_at_10", [E(0, "AFF_CUE", "CL"), E(10, "INT_EXPLORE_FEELING", "TH")],
        [mo(0, "AFF_CUE", "answered", amb="response exactly at t+10 s: [t, t+10] read as inclusive")])
    add("C12_resp_at_9", [E(0, "AFF_CUE", "CL"), E(9, "INT_EXPLORE_FEELING", "TH")], [mo(0, "AFF_CUE", "answered")])
    add("C13_resp_at_11", [E(0, "AFF_CUE", "CL"), E(11, "INT_EXPLORE_FEELING", "TH")], [mo(0, "AFF_CUE", "missed")])
    add("C14_resp_before", [E(0, "AFF_CUE", "CL"), E(-1, "INT_EMPATHIC_REFLECTION", "TH")], [mo(0, "AFF_CUE", "missed")],
        note="a point response 1 s before the cue lies outside [t, t+10]")
    add("C15_state_resp_overlapping", [E(0, "AFF_CUE", "CL"), E(-5, "INT_EMPATHIC_REFLECTION", "TH", end=3)],
        [mo(0, "AFF_CUE", "answered", amb="a response begun before the cue and still running: DOMAIN says 'in the window'; README counts overlap")])
    add("C16_shift_then_validation", [E(0, "AFF_CUE", "CL"), E(2, "INT_TOPIC_SHIFT", "TH"), E(7, "INT_VALIDATION", "TH")],
        [mo(0, "AFF_CUE", "answered", amb="two classes in one window; README: the most space-providing decides")])
    add("C17_client_coded_response", [E(0, "AFF_CONCERN", "CL"), E(3, "INT_VALIDATION", "CL")],
        [mo(0, "AFF_CONCERN", "missed")], note="an INT coded on the client's tier is no therapist behaviour")
    add("C18_breakthrough_not_trigger", [E(0, "AFF_FEELING_BREAKTHROUGH", "CL", end=20)], [mo(0, "AFF_FEELING_BREAKTHROUGH", "none")])
    add("C19_positive_not_trigger", [E(0, "AFF_POSITIVE", "CL")], [mo(0, "AFF_POSITIVE", "none")])
    add("C20_res_answers", [E(0, "AFF_CUE", "CL"), E(4, "RES_VALIDATE_DEFENSIVE_POSTURE", "TH")],
        [mo(0, "AFF_CUE", "answered")], note="any RES_* is explicit space")
    add("C21_challenge_unlisted", [E(0, "AFF_CUE", "CL"), E(4, "INT_CHALLENGE_DEFENSE", "TH")],
        [mo(0, "AFF_CUE", "missed", amb="INT_CHALLENGE_DEFENSE is in none of DOMAIN 5's classes: read as no_response")])
    add("C22_artifact_overlap", [E(-2, "ARTIFACT", "CL", end=5), E(0, "AFF_CUE", "CL")],
        [mo(0, "AFF_CUE", "none")], note="trigger overlapping a coded ARTIFACT is excluded")
    add("C23_cpd_int1", [E(0, "ANX_CPD", "CL", intensity=1)], [mo(0, "ANX_CPD", "none")], mods=True)
    add("C24_smo_regulated", [E(0, "ANX_SMO", "CL", intensity=2), E(6, "INT_REGULATE_ANXIETY", "TH")],
        [mo(0, "ANX_SMO", "answered")], mods=True)
    add("C25_therapist_cue", [E(0, "AFF_CUE", "TH")], [mo(0, "AFF_CUE", "none")], note="triggers are client cues")
    add("C26_rupture_not_trigger", [E(0, "RUP_W_MINIMAL", "CL"), E(10, "RES_OTHER", "TH")],
        [mo(0, "RUP_W_MINIMAL", "none")])
    add("C27_interp_link", [E(0, "ANX_STR_TENSION", "CL", end=15), E(8, "INT_INTERPRETATION_LINK", "TH")],
        [mo(0, "ANX_STR_TENSION", "answered")])
    add("C28_state_cue_window_from_start", [E(0, "AFF_CUE", "CL", end=20), E(15, "INT_VALIDATION", "TH")],
        [mo(0, "AFF_CUE", "missed", amb="a STATE cue: t read as its start, so [t, t+10] ends before the response at +15")])
    add("C29_two_cues_one_response", [E(0, "AFF_CONCERN", "CL"), E(5, "AFF_CUE", "CL"), E(12, "INT_VALIDATION", "TH")],
        [mo(0, "AFF_CONCERN", "missed"), mo(5, "AFF_CUE", "answered")],
        note="the response 12 s after the first cue answers only the second")
    add("C30_aff_cue_int1", [E(0, "AFF_CUE", "CL", intensity=1)], [mo(0, "AFF_CUE", "missed")], mods=True,
        note="the intensity condition is for ANX_* cues; AFF_CUE is a trigger at any intensity")
    add("C31_anx_sig_not_intensity", [E(0, "ANX_STR_SIGH", "CL", significance=1)], [mo(0, "ANX_STR_SIGH", "missed")], mods=True,
        note="a significance is not the cue's intensity: intensity not coded, so a trigger")
    # the C26 rupture is also a rupture episode: record it
    S[-6]["ruptures"] = [rup("W", 0, 1, "resolved", 10)]
    S[-6]["kind"] = "rupture_cue"
    assert S[-6]["name"] == "C26_rupture_not_trigger"
    # turns (one session per seed holds them, so that every cue there lies in a client turn)
    add("T01_turn_resp_27", [E(-2, "TURN_CL", "CL", end=25), E(0, "AFF_CUE", "CL"), E(27, "INT_VALIDATION", "TH")],
        [mo(0, "AFF_CUE", "answered")], turns=True, note="turn end + 5 s = 30 s")
    add("T02_turn_resp_31", [E(-2, "TURN_CL", "CL", end=25), E(0, "AFF_CUE", "CL"), E(31, "INT_VALIDATION", "TH")],
        [mo(0, "AFF_CUE", "missed")], turns=True)
    add("T03_turn_resp_8", [E(-2, "TURN_CL", "CL", end=25), E(0, "AFF_CONCERN", "CL"), E(8, "INT_VALIDATION", "TH")],
        [mo(0, "AFF_CONCERN", "answered")], turns=True)
    add("T05_short_turn_resp9", [E(-5, "TURN_CL", "CL", end=2), E(0, "AFF_CUE", "CL"), E(9, "INT_VALIDATION", "TH")],
        [mo(0, "AFF_CUE", "missed", amb="turn ends 2 s after the cue: 'to the end of the client's turn + 5 s' read as replacing [t, t+10] (window to t+7)")],
        turns=True)
    add("T04_turn_none", [E(-2, "TURN_CL", "CL", end=25), E(0, "AFF_CONCERN", "CL"), E(26, "TURN_TH", "TH", end=40)],
        [mo(0, "AFF_CONCERN", "missed")], turns=True)
    return S


def safety_scenarios():
    S = []

    def add(name, events, safety, mo_list=(), pressure=(), mods=False, note=""):
        S.append({"name": name, "kind": "safety", "events": events, "ruptures": [], "mo": list(mo_list),
                  "safety": safety, "pressure": list(pressure), "needs_mods": mods, "note": note})

    def sf(t, code, answered, amb=None, rule="DOMAIN 2.7"):
        return {"t": float(t), "code": code, "answered": answered, "amb": amb, "rule": rule}

    def pr(t, flagged, amb=None):
        return {"t": float(t), "flagged": flagged, "amb": amb, "rule": "DOMAIN 3.7"}

    add("S01_si_resp59", [E(0, "SAFE_SUICIDAL_IDEATION", "CL"), E(59, "INT_EXPLORE_FEELING", "TH")],
        [sf(0, "SAFE_SUICIDAL_IDEATION", True)])
    add("S02_selfharm_resp60", [E(0, "SAFE_SELF_HARM", "CL"), E(60, "INT_VALIDATION", "TH")],
        [sf(0, "SAFE_SELF_HARM", True, amb="response exactly 60 s after: 'within 60 s' read as inclusive")])
    add("S03_panic_resp61", [E(0, "SAFE_PANIC", "CL", end=40), E(61, "INT_REGULATE_ANXIETY", "TH")],
        [sf(0, "SAFE_PANIC", False)])
    add("S04_exit_none", [E(0, "SAFE_SESSION_EXIT", "CL")], [sf(0, "SAFE_SESSION_EXIT", False)])
    add("S05_harm_others_resp5", [E(0, "SAFE_HARM_OTHERS", "CL"), E(5, "INT_CLARIFY_DEFENSE", "TH")],
        [sf(0, "SAFE_HARM_OTHERS", True)])
    add("S06_medical_by_th", [E(0, "SAFE_MEDICAL", "TH"), E(10, "INT_REGULATE_ANXIETY", "TH")],
        [sf(0, "SAFE_MEDICAL", True, amb="SAFE coded on the therapist's tier: DOMAIN 2.7 'always surfaced'")])
    add("S07_cpd_int3", [E(0, "ANX_CPD", "CL", intensity=3), E(5, "INT_REGULATE_ANXIETY", "TH")],
        [sf(0, "ANX_CPD", True)], mo_list=[mo(0, "ANX_CPD", "answered")], mods=True,
        note="ANX_CPD at intensity 3 = SAFE_SEVERE_DISSOCIATION (2.7)")
    add("S08_cpd_31s", [E(0, "ANX_CPD", "CL", end=31), E(40, "INT_REGULATE_ANXIETY", "TH")],
        [sf(0, "ANX_CPD", True)], mo_list=[mo(0, "ANX_CPD", "missed")], note="lasting over 30 s; response 40 s after")
    add("S09_cpd_30s", [E(0, "ANX_CPD", "CL", end=30), E(5, "INT_REGULATE_ANXIETY", "TH")],
        [], mo_list=[mo(0, "ANX_CPD", "answered")], note="exactly 30 s is not 'over 30 s': no safety event")
    add("S10_cpd_29s_int2", [E(0, "ANX_CPD", "CL", end=29, intensity=2), E(5, "INT_REGULATE_ANXIETY", "TH")],
        [], mo_list=[mo(0, "ANX_CPD", "answered")], mods=True)
    add("S11_cpd3_plus_coded_sev", [E(0, "ANX_CPD", "CL", intensity=3), E(6, "SAFE_SEVERE_DISSOCIATION", "CL"),
                                     E(8, "INT_REGULATE_ANXIETY", "TH")],
        [sf(0, "ANX_CPD+SAFE_SEVERE_DISSOCIATION", True, amb="DOMAIN does not say whether the coded SAFE and the ANX_CPD it defines are one event; README: one within 10 s")],
        mo_list=[mo(0, "ANX_CPD", "answered")], mods=True)
    add("S12_si_client_coded_response", [E(0, "SAFE_SUICIDAL_IDEATION", "CL"), E(10, "INT_VALIDATION", "CL")],
        [sf(0, "SAFE_SUICIDAL_IDEATION", False)], note="a response coded on the client's tier is no TH response")
    add("S13_si_response_before", [E(-5, "INT_EXPLORE_FEELING", "TH"), E(0, "SAFE_SUICIDAL_IDEATION", "CL")],
        [sf(0, "SAFE_SUICIDAL_IDEATION", False)], note="the therapist code 5 s before does not follow the event")
    add("S14_si_reducing_response", [E(0, "SAFE_SUICIDAL_IDEATION", "CL"), E(10, "INT_TOPIC_SHIFT", "TH")],
        [sf(0, "SAFE_SUICIDAL_IDEATION", True, amb="'a TH response code': any therapist code, a topic shift included")])
    add("S15_state_safe_resp70", [E(0, "SAFE_PANIC", "CL", end=90), E(70, "INT_REGULATE_ANXIETY", "TH")],
        [sf(0, "SAFE_PANIC", False, amb="a STATE safety event: 60 s counted from its start")])
    add("S16_two_safe_one_response", [E(0, "SAFE_SELF_HARM", "CL"), E(30, "SAFE_SUICIDAL_IDEATION", "CL"),
                                       E(45, "INT_EXPLORE_FEELING", "TH")],
        [sf(0, "SAFE_SELF_HARM", True), sf(30, "SAFE_SUICIDAL_IDEATION", True)])
    # pressure above threshold (3.7)
    add("P01_cpd_explore20", [E(0, "ANX_CPD", "CL"), E(5, "INT_VALIDATION", "TH"), E(20, "INT_EXPLORE_FEELING", "TH")],
        [], mo_list=[mo(0, "ANX_CPD", "answered")], pressure=[pr(0, True)])
    add("P02_mot_challenge30", [E(0, "ANX_MOT", "CL"), E(30, "INT_CHALLENGE_DEFENSE", "TH")],
        [], mo_list=[mo(0, "ANX_MOT", "missed")], pressure=[pr(0, True, amb="pressing code exactly 30 s after: 'within 30 s' read as inclusive")])
    add("P03_mot_challenge31", [E(0, "ANX_MOT", "CL"), E(31, "INT_CHALLENGE_DEFENSE", "TH")],
        [], mo_list=[mo(0, "ANX_MOT", "missed")], pressure=[pr(0, False)])
    add("P04_cpd_regulate_first", [E(0, "ANX_CPD", "CL"), E(4, "INT_REGULATE_ANXIETY", "TH"), E(20, "INT_EXPLORE_FEELING", "TH")],
        [], mo_list=[mo(0, "ANX_CPD", "answered")],
        pressure=[pr(0, False, amb="'instead of INT_REGULATE_ANXIETY': regulation came first; README: not flagged")])
    add("P06_cpd_client_coded_explore", [E(0, "ANX_CPD", "CL"), E(5, "INT_VALIDATION", "TH"), E(15, "INT_EXPLORE_FEELING", "CL")],
        [], mo_list=[mo(0, "ANX_CPD", "answered")], pressure=[pr(0, False)],
        note="the pressing code is on the client's tier: no TH code")
    add("P05_sigh_explore", [E(0, "ANX_STR_SIGH", "CL"), E(8, "INT_EXPLORE_FEELING", "TH")],
        [], mo_list=[mo(0, "ANX_STR_SIGH", "answered")], pressure=[pr(0, False)], note="striated: within tolerance")
    return S


def physio_scenarios():
    S = []

    def add(name, events, cue, mo_list, note=""):
        S.append({"name": name, "kind": "physio", "events": events, "ruptures": [], "mo": mo_list,
                  "needs_mods": any(e["mods"] for e in events), "physio": {"onset": 0.0, "dur": 150.0, "cue": cue},
                  "note": note})

    add("PH1_sigh_regulated", [E(8, "ANX_STR_SIGH", "CL", intensity=2), E(12, "INT_REGULATE_ANXIETY", "TH")],
        "ANX_STR_SIGH", [mo(0, "episode+ANX_STR_SIGH", "answered")])
    add("PH2_hands_unanswered", [E(10, "ANX_STR_HANDS", "CL", end=18)], "ANX_STR_HANDS",
        [mo(0, "episode+ANX_STR_HANDS", "missed")])
    add("PH3_unvoiced", [], None, [mo(0, "episode (no cue)", "unvoiced")])
    add("PH4_cue_topic_shift", [E(5, "AFF_CUE", "CL"), E(8, "INT_TOPIC_SHIFT", "TH")], "AFF_CUE",
        [mo(0, "episode+AFF_CUE", "missed")])
    add("PH5_fidget_coded_explore", [E(6, "ANX_STR_FIDGET", "CL", end=30), E(14, "INT_EXPLORE_FEELING", "TH")], "ANX_STR_FIDGET",
        [mo(0, "episode+ANX_STR_FIDGET", "answered")])
    add("PH6_late_cue_answered_onset_missed", [E(60, "ANX_STR_SIGH", "CL"), E(63, "INT_VALIDATION", "TH")], "ANX_STR_SIGH",
        [mo(0, "episode+ANX_STR_SIGH", "missed")],
        note="onset window [O-10, O+30] has no response (a voiced episode: its cue lies inside); the cue at O+60 is answered")
    add("PH7_cue_before_onset", [E(-20, "AFF_CUE", "CL"), E(25, "INT_VALIDATION", "TH")], "AFF_CUE",
        [mo(0, "episode+AFF_CUE", "missed")],
        note="the cue's own window [O-20, O-10] has no response; the onset's is answered at O+25")
    add("PH8_cue_answered_late", [E(5, "ANX_STR_HANDS", "CL"), E(20, "INT_VALIDATION", "TH")], "ANX_STR_HANDS",
        [mo(0, "episode+ANX_STR_HANDS", "missed")],
        note="the validation 15 s after the cue answers the onset window, not the cue's [t, t+10]")
    add("PH9_onset_in_coded_artifact", [E(-15, "ARTIFACT", "CL", end=15), E(40, "ANX_STR_SIGH", "CL"),
                                         E(43, "INT_VALIDATION", "TH")], "ANX_STR_SIGH",
        [mo(0, "episode+ANX_STR_SIGH", "none")],
        note="the onset overlaps a coded ARTIFACT (excluded, DOMAIN 5); the cue at O+40 is answered")
    return S


def format_extras(fmt):
    """Scenarios only ELAN can express (unaligned slots, symbolic subdivision)."""
    if fmt != "eaf30":
        return []
    return [
        {"name": "X1_time_subdivision_unaligned", "kind": "xsub", "needs_mods": False, "ruptures": [],
         "events": [E(0, "ANX_STR_TENSION", "CL", end=6), E(0, "ANX_STR_HANDS", "CL", end=2),
                    E(2, "ANX_STR_FIDGET", "CL", end=4), E(4, "ANX_STR_SIGH", "CL", end=6),
                    E(5, "INT_VALIDATION", "TH")],
         "mo": [mo(0, "ANX_STR_TENSION", "answered"), mo(0, "ANX_STR_HANDS", "answered"),
                mo(2, "ANX_STR_FIDGET", "answered"), mo(4, "ANX_STR_SIGH", "answered")],
         "note": "children of a Time_Subdivision tier, middle slots without TIME_VALUE (interpolated evenly)"},
        {"name": "X2_symbolic_subdivision", "kind": "ysub", "needs_mods": False, "ruptures": [],
         "events": [E(0, "AFF_CONCERN", "CL"), E(3, "INT_EXPLORE_FEELING", "TH", end=9),
                    E(3, "INT_VALIDATION", "TH", end=5), E(5, "INT_EMPATHIC_REFLECTION", "TH", end=7),
                    E(7, "INT_REGULATE_ANXIETY", "TH", end=9)],
         "mo": [mo(0, "AFF_CONCERN", "answered")],
         "note": "REF annotations of a Symbolic_Subdivision tier split the parent 3-9 s evenly"},
    ]


SPAN = {"tail": 60, "rupture": 330, "rupture_cue": 330, "cue": 70, "turns": 70, "safety": 90, "physio": 480,
        "xsub": 70, "ysub": 70}

FORMATS = ["jsonl", "csv", "eaf30", "eaf28", "tabA", "tabB", "boris_tab", "boris_agg", "tabC", "boris_multi",
           "eaf30cb", "json_array", "split", "boris_mod", "tabCols", "csv_de"]
MODS_OK = {"jsonl", "csv", "eaf30", "eaf28", "tabA", "tabC", "eaf30cb", "json_array", "tabCols", "csv_de"}


def fmt_ok(fmt, sc):
    """Can this format carry the scenario's modifiers?"""
    if not sc["needs_mods"] or fmt in MODS_OK:
        return True
    modded = [e for e in sc["events"] if e["mods"]]
    if fmt == "boris_mod":  # one modifier set, read as significance through the codebook
        return all(set(e["mods"]) <= {"significance"} for e in modded)
    if fmt == "split":  # ruptures in the .eaf (modifier tiers), the rest in a BORIS export without modifiers
        return all(e["code"].startswith("RUP_") for e in modded)
    return False


def span_of(sc):
    ts = [e["t"] for e in sc["events"]] + [e["end"] for e in sc["events"] if e["end"] is not None]
    last = max(ts) if ts else 0.0
    return last + SPAN[sc["kind"]]


def first_of(sc):
    ts = [e["t"] for e in sc["events"]]
    return min(ts + [0.0])


def build_plan(seed):
    rnd = random.Random(seed)
    sessions = []
    fmts = FORMATS[:]
    rnd.shuffle(fmts)
    for i, fmt in enumerate(fmts):
        sessions.append({"id": "TC%d-S%02d" % (seed, i + 1), "format": fmt, "scen": [], "physio": [],
                         "early": None, "turns": False})
    # the turns session: a format with actor columns and state events
    turn_sess = [s for s in sessions if s["format"] in ("jsonl", "eaf30", "boris_tab")][0]
    turn_sess["turns"] = True
    rest = [s for s in sessions if not s["turns"]]
    rs = rupture_scenarios()
    cs = [c for c in cue_scenarios() if c["kind"] != "turns"]
    ts = [c for c in cue_scenarios() if c["kind"] == "turns"]
    ss = safety_scenarios()
    ps = physio_scenarios()
    rnd.shuffle(rs)
    rnd.shuffle(cs)
    rnd.shuffle(ss)
    rnd.shuffle(ps)

    def place(sc, pool):
        cands = [s for s in pool if fmt_ok(s["format"], sc)]
        # least loaded
        cands.sort(key=lambda s: (sum(span_of(x) for x in s["scen"]), s["id"]))
        cands[0]["scen"].append(sc)

    for sc in rs:
        place(sc, sessions)
    for sc in cs + ss:
        place(sc, rest)
    turn_sess["scen"].extend(ts)
    phys_pool = [s for s in rest]
    rnd.shuffle(phys_pool)
    for k, sc in enumerate(ps):
        sess = phys_pool[k % 4]
        if not fmt_ok(sess["format"], sc):
            sess = [s for s in phys_pool[:4] if fmt_ok(s["format"], sc)][0]
        sess["physio"].append(sc)
    for s in sessions:
        s["scen"].extend(format_extras(s["format"]))
    # first-120-s boundary cues
    early = [s for s in rest][:3]
    for s, t, outc, amb in zip(early, (119.0, 120.0, 121.0), ("none", "none", "missed"),
                               (None, "cue exactly at 120 s: 'the first 120 s' read as [0, 120]", None)):
        s["early"] = {"name": "EARLY_%d" % int(t), "kind": "early", "events": [E(0, "AFF_CONCERN", "CL")],
                      "ruptures": [], "mo": [mo(0, "AFF_CONCERN", outc, amb=amb, rule="DOMAIN 5 (first 120 s excluded)")],
                      "at": t}
    # a safety event inside the first 120 s: always surfaced (2.7), unanswered
    for s in rest[5:6]:
        s["early"] = {"name": "EARLY_SAFE_50", "kind": "early", "events": [E(0, "SAFE_PANIC", "CL", end=20)],
                      "ruptures": [], "mo": [], "at": 50.0,
                      "safety": [{"t": 0.0, "code": "SAFE_PANIC", "answered": False, "amb": None,
                                  "rule": "DOMAIN 2.7 (always surfaced)"}]}
    # a withdrawal marker 60 s before the end, never repaired: closed at session end (3.3)
    for s in rest[3:5]:
        s["tail"] = {"name": "R_TAIL_session_end", "kind": "tail", "events": [E(0, "RUP_W_SELFCRIT_HOPELESS", "CL")],
                     "ruptures": [rup("W", 0, 1, "unaddressed")], "mo": [], "closed_at_end": True}
    # two W episodes near the end: the newer one's marker keeps the older open (3.3: 'no marker of its
    # class'), so both close at session end; and a safety event 20 s before the end, never answered
    for s in rest[5:7]:
        s["tail"] = {"name": "R_TAIL2_kept_open", "kind": "tail", "tail_at": 200.0,
                     "events": [E(0, "RUP_W_MINIMAL", "CL"), E(140, "RUP_W_AVOID_STORY", "CL"),
                                E(180, "SAFE_SUICIDAL_IDEATION", "CL")],
                     "ruptures": [rup("W", 0, 1, "unaddressed", amb="kept open by the newer episode's marker: 3.3 read as 'no marker of its class'"),
                                  rup("W", 140, 1, "unaddressed")], "mo": [], "closed_at_end": True,
                     "safety": [{"t": 180.0, "code": "SAFE_SUICIDAL_IDEATION", "answered": False,
                                 "amb": None, "rule": "DOMAIN 2.7 (no TH code within 60 s; the video ends 20 s after)"}]}
    # lay out times
    for s in sessions:
        rnd.shuffle(s["scen"])
        cur = 160.0
        placed = []
        if s["early"]:
            placed.append((s["early"]["at"], s["early"]))
        for sc in s["scen"]:
            at = cur - first_of(sc) + rnd.randint(0, 20)
            placed.append((at, sc))
            cur = at + span_of(sc) + 15
        cur = max(cur + 200, 700.0)
        for sc in s["physio"]:
            at = cur + rnd.randint(0, 30)
            placed.append((at, sc))
            cur = at + span_of(sc) + 150
        s["duration"] = float(int(cur + 120))
        if s.get("tail"):
            placed.append((s["duration"] - s["tail"].get("tail_at", 60.0), s["tail"]))
        s["placed"] = placed
    return sessions


# --------------------------------------------------------------------------------------------
# E4 physiology

def e4_write(path, start, rate, rows, fmt="%.6f"):
    with open(path, "w") as f:
        if isinstance(start, (list, tuple)):
            f.write(", ".join("%.6f" % x for x in start) + "\n")
            f.write(", ".join("%.6f" % rate for _ in start) + "\n")
            for r in rows:
                f.write(",".join(str(v) for v in r) + "\n")
        else:
            f.write("%.6f\n%.6f\n" % (start, rate))
            for v in rows:
                f.write((fmt % v) + "\n")


def raised(u):
    if u <= 0:
        return 0.0
    if u >= 1:
        return 1.0
    return 0.5 - 0.5 * math.cos(math.pi * u)


def episode_level(t, episodes):
    """0..1 arousal at time t (relative to media start)."""
    lv = 0.0
    for on, dur in episodes:
        if t < on:
            continue
        rise = raised((t - on) / 20.0)
        fall = 1.0 - raised((t - on - dur) / 60.0)
        lv = max(lv, rise * fall)
    return lv


def gen_e4(folder, rnd, media_epoch, lead, dur, episodes, base_hr, base_scl):
    os.makedirs(folder, exist_ok=True)
    start = media_epoch - lead
    total = lead + dur + 60.0  # seconds of recording
    t0 = -lead  # media time of the first sample
    # heart beats
    beats = []
    t = t0 + rnd.random()
    phase = rnd.random() * 6.28
    while t < t0 + total:
        a = episode_level(t, episodes)
        hr = base_hr + 15.0 * a + 1.5 * math.sin(2 * math.pi * t / 300.0 + phase)
        rsa = (0.05 * (1 - 0.6 * a)) * math.sin(2 * math.pi * t / 4.5)
        ibi = 60.0 / hr * (1 + rsa) + rnd.gauss(0, 0.008)
        t += ibi
        beats.append((t, ibi))
    # EDA 4 Hz with SCRs
    n_eda = int(total * 4)
    eda = [0.0] * n_eda
    scr_times = []
    tt = t0
    while tt < t0 + total:
        a = episode_level(tt, episodes)
        rate = (1.5 + 6.0 * a) / 60.0
        tt += rnd.expovariate(rate)
        scr_times.append((tt, rnd.uniform(0.08, 0.25) * (1 + a)))
    for i in range(n_eda):
        tm = t0 + i / 4.0
        a = episode_level(tm, episodes)
        v = base_scl + 0.08 * math.sin(2 * math.pi * tm / 700.0) + 1.2 * a
        eda[i] = v
    for (ts, amp) in scr_times:
        i0 = int((ts - t0) * 4)
        for k in range(0, 4 * 25):
            i = i0 + k
            if i < 0 or i >= n_eda:
                continue
            x = k / 4.0
            eda[i] += amp * 1.25 * (math.exp(-x / 4.0) - math.exp(-x / 0.75))
    eda = [max(0.06, v + rnd.gauss(0, 0.003)) for v in eda]
    e4_write(os.path.join(folder, "EDA.csv"), start, 4.0, eda)
    # TEMP
    n_t = int(total * 4)
    temp = []
    for i in range(n_t):
        tm = t0 + i / 4.0
        temp.append(33.5 - 0.6 * episode_level(tm - 20, episodes) + rnd.gauss(0, 0.01))
    e4_write(os.path.join(folder, "TEMP.csv"), start, 4.0, temp, "%.2f")
    # IBI
    with open(os.path.join(folder, "IBI.csv"), "w") as f:
        f.write("%.6f, IBI\n" % start)
        for (bt, ibi) in beats:
            off = bt - t0
            if off > 0 and rnd.random() > 0.03:
                f.write("%.6f,%.6f\n" % (off, ibi))
    # HR 1 Hz from 10 s
    hr_rows = []
    bi = 0
    for s in range(10, int(total)):
        tm = t0 + s
        while bi < len(beats) - 1 and beats[bi][0] < tm:
            bi += 1
        hr_rows.append(60.0 / beats[max(0, bi - 1)][1])
    e4_write(os.path.join(folder, "HR.csv"), start + 10, 1.0, hr_rows, "%.2f")
    # BVP 64 Hz: Gaussian pulse per beat
    n_b = int(total * 64)
    bvp = [0.0] * n_b
    for (bt, ibi) in beats:
        c = (bt - t0 + 0.25) * 64
        for k in range(int(c) - 20, int(c) + 21):
            if 0 <= k < n_b:
                d = (k - c) / 64.0
                bvp[k] += 60.0 * math.exp(-d * d / (2 * 0.06 ** 2)) - 20.0 * math.exp(-(d - 0.2) ** 2 / (2 * 0.08 ** 2))
    bvp = [v + rnd.gauss(0, 1.0) for v in bvp]
    e4_write(os.path.join(folder, "BVP.csv"), start, 64.0, bvp, "%.2f")
    # ACC 32 Hz still
    n_a = int(total * 32)
    acc = []
    for i in range(n_a):
        acc.append((rnd.randint(-1, 1), 10 + rnd.randint(-1, 1), 63 + rnd.randint(-1, 1)))
    e4_write(os.path.join(folder, "ACC.csv"), [start, start, start], 32.0, acc)


# --------------------------------------------------------------------------------------------
# annotation writers. Each gets the session's absolute events (t in session seconds).

def code_variant(code, rnd):
    k = rnd.randint(0, 4)
    if k == 0:
        return code
    if k == 1:
        return code.lower()
    if k == 2:
        return code.replace("_", "-").lower()
    if k == 3:
        return " ".join(w.capitalize() for w in code.split("_"))
    return code.replace("_", ".")


def actor_word(a, style):
    if style == "role":
        return {"CL": "client", "TH": "therapist", "DY": "dyad"}[a]
    if style == "Role":
        return {"CL": "Client", "TH": "Therapist", "DY": "Dyad"}[a]
    return a


def w_jsonl(path, evs, rnd):
    with open(path, "w") as f:
        for i, e in enumerate(evs):
            o = {"start": round(e["t"], 3), "code": code_variant(e["code"], rnd),
                 "actor": actor_word(e["actor"], ["role", "Role", "CL"][i % 3])}
            if e["end"] is not None:
                o["end"] = round(e["end"], 3)
            if e["mods"]:
                if i % 2:
                    o["modifiers"] = dict(e["mods"])
                else:
                    o.update(e["mods"])
            f.write(json.dumps(o) + "\n")


def mmss(t):
    m = int(t // 60)
    s = t - 60 * m
    return "%d:%06.3f" % (m, s)


def w_csv(path, evs, rnd):
    with open(path, "w") as f:
        f.write("onset,offset,label,speaker,intensity,significance\n")
        for e in evs:
            f.write("%s,%s,%s,%s,%s,%s\n" % (
                mmss(e["t"]), "" if e["end"] is None else mmss(e["end"]), code_variant(e["code"], rnd),
                actor_word(e["actor"], "Role"), e["mods"].get("intensity", ""), e["mods"].get("significance", "")))


def hms(ms):
    ms = int(round(ms))
    h = ms // 3600000
    m = (ms // 60000) % 60
    s = (ms // 1000) % 60
    return "%02d:%02d:%02d.%03d" % (h, m, s, ms % 1000)


def jdouble(ms):
    v = ms / 1000.0
    r = repr(v)
    if "e" in r:
        r = "%.3f" % v
    return r


def tier_of(e):
    fam = e["code"].split("_")[0]
    side = "CL" if e["actor"] == "CL" else "TH"
    if fam == "RUP":
        return side + "-rupture"
    if fam in ("ANX", "AFF"):
        return side + "-anxiety"
    if fam in ("INT", "RES"):
        return side + "-intervention"
    return side + "-other"


def w_tab(path, evs, rnd, variant):
    lines = []
    if variant == "A":
        # exported with "add master media offset" ticked: the times below already include it
        lines.append("#file:///media/session.mp4 -- offset: 3000")
        lines.append("")
    for e in evs:
        b = int(round(e["t"] * 1000))
        en = b if e["end"] is None else int(round(e["end"] * 1000))
        tier = tier_of(e)
        part = {"CL": "client", "TH": "therapist"}[e["actor"]]
        rows = [(tier, part, b, en, e["code"])]
        for k, v in e["mods"].items():
            rows.append((k, part, b, en, str(v)))
        for (tr, p, bb, ee, val) in rows:
            if variant == "A":
                lines.append("\t".join([tr, p, hms(bb), jdouble(bb), hms(ee), jdouble(ee), hms(ee - bb),
                                        jdouble(ee - bb), val]))
            else:
                lines.append("\t".join([tr, str(bb), str(ee), val]))
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")


def w_tab_csv(path, evs, rnd):
    """ELAN's CSV variant: comma separator, text fields in double quotes."""
    q = lambda x: '"' + x.replace('"', '""') + '"'
    lines = []
    for e in evs:
        b = int(round(e["t"] * 1000))
        en = b if e["end"] is None else int(round(e["end"] * 1000))
        part = {"CL": "client", "TH": "therapist"}[e["actor"]]
        rows = [(tier_of(e), e["code"])] + [(k, str(v)) for k, v in e["mods"].items()]
        for tr, val in rows:
            # within each group: ss.msec before msec (DOMAIN 1.2)
            lines.append(",".join([q(tr), q(part), jdouble(b), str(b), jdouble(en), str(en), jdouble(en - b),
                                   str(en - b), q(val)]))
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")


def w_tab_cols(path, evs, rnd):
    """ELAN tab export, 'Separate column for each tier' layout (header row; one row per time interval)."""
    tiers = []
    rows = {}
    for e in evs:
        b = int(round(e["t"] * 1000))
        en = b if e["end"] is None else int(round(e["end"] * 1000))
        cells = [(tier_of(e), e["code"])] + [(k, str(v)) for k, v in e["mods"].items()]
        r = rows.setdefault((b, en), {})
        for tr, val in cells:
            assert tr not in r, (tr, b)
            r[tr] = val
            if tr not in tiers:
                tiers.append(tr)
    # the selected time formats appear in every selected group (Begin, End, Duration): DOMAIN 1.2
    head = ["Begin Time - hh:mm:ss.ms", "Begin Time - ss.msec", "End Time - hh:mm:ss.ms", "End Time - ss.msec",
            "Duration - hh:mm:ss.ms", "Duration - ss.msec"] + tiers
    with open(path, "w") as f:
        f.write("\t".join(head) + "\n")
        for (b, en) in sorted(rows):
            r = rows[(b, en)]
            f.write("\t".join([hms(b), jdouble(b), hms(en), jdouble(en), hms(en - b), jdouble(en - b)]
                               + [r.get(t, "") for t in tiers]) + "\n")


def w_csv_de(path, evs, rnd):
    """A native CSV re-saved by a German spreadsheet: sep=; hint, decimal commas, codes with spaces."""
    dc = lambda x: ("%.1f" % x).replace(".", ",")
    with open(path, "w", encoding="utf-8") as f:
        f.write("sep=;\n")
        f.write("onset;offset;label;role;intensity;significance\n")
        for e in evs:
            f.write(";".join([dc(e["t"]), "" if e["end"] is None else dc(e["end"]),
                              " ".join(w.capitalize() for w in e["code"].split("_")),
                              {"CL": "Klient", "TH": "Therapeut"}[e["actor"]] if False else actor_word(e["actor"], "Role"),
                              str(e["mods"].get("intensity", "")), str(e["mods"].get("significance", ""))]) + "\n")


def w_json_array(path, evs, rnd):
    arr = []
    for i, e in enumerate(evs):
        o = {"start": round(e["t"], 3), "code": code_variant(e["code"], rnd), "actor": actor_word(e["actor"], "role")}
        if e["end"] is not None:
            o["end"] = round(e["end"], 3)
        if i % 3 == 1:  # times written mm:ss.fff (README: start/end may be mm:ss[.fff])
            o["start"] = mmss(e["t"])
            if e["end"] is not None:
                o["end"] = mmss(e["end"])
        o.update(e["mods"])
        arr.append(o)
    with open(path, "w") as f:
        json.dump(arr, f, indent=2)


BORIS_CAT = {"RUP": "rupture", "RES": "resolution", "INT": "intervention", "ANX": "anxiety",
             "AFF": "affect", "SAFE": "safety", "TURN": "structure", "ARTIFACT": "structure"}


def w_boris_tab(path, evs, rnd, obs_id, dur, other=None):
    head = ["Observation id", "Observation date", "Description", "Observation duration", "Observation type",
            "Source", "Time offset (s)", "Media duration (s)", "FPS", "Subject", "Behavior",
            "Behavioral category", "Behavior type", "Time", "Media file name", "Image index",
            "Image file path", "Comment"]
    rows = []
    for e in evs:
        subj = {"CL": "Client", "TH": "Therapist"}[e["actor"]]
        beh = code_variant(e["code"], rnd)  # one spelling per behaviour event (START and STOP alike)
        cat = BORIS_CAT.get(e["code"].split("_")[0], "")
        if e["end"] is None:
            rows.append((e["t"], subj, beh, cat, "POINT"))
        else:
            rows.append((e["t"], subj, beh, cat, "START"))
            rows.append((e["end"], subj, beh, cat, "STOP"))
    rows.sort(key=lambda r: (r[0], r[4] != "STOP"))
    rows = [(obs_id,) + r for r in rows]
    if other:
        # a second coder's observation of another session first in the file: never read
        rows = [(other[0], t, "Client", "AFF_CUE", "affect", "POINT") for t in other[1]] + rows
    with open(path, "w", newline="") as f:
        f.write("\t".join(head) + "\r\n")
        for (oid, t, subj, beh, cat, typ) in rows:
            f.write("\t".join([oid, "2026-03-02 10:00:00", "", "%.3f" % dur, "Media file(s)",
                               "player #1:session.mp4", "7.000", "%.3f" % dur, "25.000", subj, beh, cat, typ,
                               "%.3f" % t, "session.mp4", str(int(t * 25)), "NA", ""]) + "\r\n")


def w_boris_tab_mod(path, evs, rnd, obs_id, dur):
    """BORIS 9 tabular events with one modifier set (significance or intensity, 'None' when not chosen)."""
    head = ["Observation id", "Observation date", "Description", "Observation duration", "Observation type",
            "Source", "Time offset (s)", "Media duration (s)", "FPS", "Subject", "Behavior",
            "Behavioral category", "Modifier #1", "Behavior type", "Time", "Media file name", "Image index",
            "Image file path", "Comment"]
    rows = []
    for e in evs:
        subj = {"CL": "Client", "TH": "Therapist"}[e["actor"]]
        beh = code_variant(e["code"], rnd)
        cat = BORIS_CAT.get(e["code"].split("_")[0], "")
        mod = str(list(e["mods"].values())[0]) if e["mods"] else "None"
        if e["end"] is None:
            rows.append((e["t"], subj, beh, cat, mod, "POINT"))
        else:
            rows.append((e["t"], subj, beh, cat, mod, "START"))
            rows.append((e["end"], subj, beh, cat, mod, "STOP"))
    rows.sort(key=lambda r: (r[0], r[5] != "STOP"))
    with open(path, "w", newline="") as f:
        f.write("\t".join(head) + "\r\n")
        for (t, subj, beh, cat, mod, typ) in rows:
            f.write("\t".join([obs_id, "2026-03-02 10:00:00", "", "%.3f" % dur, "Media file(s)",
                               "player #1:session.mp4", "0.000", "%.3f" % dur, "25.000", subj, beh, cat, mod, typ,
                               hms(t * 1000), "session.mp4", str(int(t * 25)), "NA", ""]) + "\r\n")


def w_boris_agg(path, evs, rnd, obs_id, dur):
    head = ["Observation id", "Observation date", "Description", "Observation type", "Source",
            "Time offset (s)", "Coding duration", "Media duration (s)", "FPS (frame/s)", "Subject",
            "Observation duration by subject by observation", "Behavior", "Behavioral category",
            "Behavior type", "Start (s)", "Stop (s)", "Duration (s)", "Media file name", "Image index start",
            "Image index stop", "Image file path start", "Image file path stop", "Comment start", "Comment stop"]
    with open(path, "w", newline="") as f:
        f.write(",".join(head) + "\r\n")
        for e in sorted(evs, key=lambda e: e["t"]):
            subj = {"CL": "Client", "TH": "Therapist"}[e["actor"]]
            cat = BORIS_CAT.get(e["code"].split("_")[0], "") or "Not defined"
            if e["end"] is None:
                typ, st, sp, du = "POINT", "%.3f" % e["t"], "%.3f" % e["t"], "NA"
            else:
                typ, st, sp, du = "STATE", "%.3f" % e["t"], "%.3f" % e["end"], "%.3f" % (e["end"] - e["t"])
            f.write(",".join([obs_id, "2026-03-02 10:00:00", "", "Media file", "player #1:session.mp4",
                              "7.000", "%.3f" % dur, "%.3f" % dur, "25.000", subj, "%.3f" % dur,
                              code_variant(e["code"], rnd), cat, typ, st, sp, du, "session.mp4",
                              "NA", "NA", "NA", "NA", "", ""]) + "\r\n")


ALL_CODES = None


GERMAN = {"RUP_W_MINIMAL": "Minimale Antworten", "AFF_CUE": "Emotionaler Hinweis", "INT_VALIDATION": "Validierung",
          "RES_RATIONALE": "Begründung"}
SITE_LABELS = {"ANX_STR_SIGH": "sigh", "ANX_STR_HANDS": "Hände ringen", "AFF_CUE": "emotional cue"}
SITE_PARTS = {"CL": "Anna K.", "TH": "Dr. Berg"}


def site_tier(e):
    fam = e["code"].split("_")[0]
    who = "Anna" if e["actor"] == "CL" else "Berg"
    return who + " " + {"RUP": "ruptures", "ANX": "cues", "AFF": "cues", "INT": "interventions",
                        "RES": "interventions"}.get(fam, "other codes")


def eaf_doc(evs, rnd, version, origin_ms, extras, site=False):
    """ELAN document. evs: events NOT in extras; extras: (kind, abs_t0) of X1/X2 scenarios."""
    slots = []  # (id, value or None)
    sid = [0]

    def slot(v):
        sid[0] += 1
        i = "ts%d" % sid[0]
        slots.append((i, v))
        return i

    aid = [0]

    def nid():
        aid[0] += 1
        return "a%d" % aid[0]

    tiers = {}  # tier_id -> dict(attrs, anns list of xml strings)
    order = []

    def tier(tid, lt, part=None, parent=None):
        if tid not in tiers:
            tiers[tid] = {"lt": lt, "part": part, "parent": parent, "anns": []}
            order.append(tid)
        return tiers[tid]

    lab = (lambda c: SITE_LABELS.get(c, c)) if site else (lambda c: c)
    cv_codes = sorted(set(lab(e["code"]) for e in evs) | {"ANX_STR_TENSION", "ANX_STR_HANDS", "ANX_STR_FIDGET",
                                                     "ANX_STR_SIGH", "INT_VALIDATION", "INT_EXPLORE_FEELING",
                                                     "INT_EMPATHIC_REFLECTION", "INT_REGULATE_ANXIETY", "AFF_CONCERN"})
    cve_id = {c: "cveid_%d" % (i + 1) for i, c in enumerate(cv_codes)}
    ms = lambda t: int(round(t * 1000)) - origin_ms
    partname = {"CL": "client", "TH": "therapist"}
    for e in sorted(evs, key=lambda e: (e["t"], e["code"])):
        tname = site_tier(e) if site else tier_of(e)
        if site:
            tr = tier(tname, "codes", SITE_PARTS[e["actor"]])
        else:
            tr = tier(tname, "codes", partname[e["actor"]] if version == "3.0" else e["actor"])
        b = ms(e["t"])
        en = ms(e["t"]) + 40 if e["end"] is None else ms(e["end"])  # point = 1 frame (40 ms)
        s1, s2 = slot(b), slot(en)
        a = nid()
        use_ref = rnd.random() < 0.4 or (lab(e["code"]) in GERMAN and version == "3.0" and not site)
        if use_ref:
            tr["anns"].append('<ALIGNABLE_ANNOTATION ANNOTATION_ID="%s" TIME_SLOT_REF1="%s" TIME_SLOT_REF2="%s" CVE_REF="%s"><ANNOTATION_VALUE /></ALIGNABLE_ANNOTATION>'
                              % (a, s1, s2, cve_id[lab(e["code"])]))
        else:
            tr["anns"].append('<ALIGNABLE_ANNOTATION ANNOTATION_ID="%s" TIME_SLOT_REF1="%s" TIME_SLOT_REF2="%s"><ANNOTATION_VALUE>%s</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION>'
                              % (a, s1, s2, lab(e["code"])))
        for k, v in e["mods"].items():
            if version == "2.8":
                # EAF 2.8 file: modifiers on a time-aligned Included_In tier with its own slots
                dt = tier(tname + " " + k, "incl", tr["part"], parent=tname)
                dt["anns"].append('<ALIGNABLE_ANNOTATION ANNOTATION_ID="%s" TIME_SLOT_REF1="%s" TIME_SLOT_REF2="%s"><ANNOTATION_VALUE>%s</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION>'
                                  % (nid(), slot(b), slot(en), v))
                continue
            dt = tier(tname + "-" + k, "assoc", tr["part"], parent=tname)
            dt["anns"].append('<REF_ANNOTATION ANNOTATION_ID="%s" ANNOTATION_REF="%s"><ANNOTATION_VALUE>%s</ANNOTATION_VALUE></REF_ANNOTATION>'
                              % (nid(), a, v))
    for kind, t0 in extras:
        if kind == "xsub":
            tr = tier("CL-anxiety", "codes", partname["CL"] if version == "3.0" else "CL")
            b, en = ms(t0), ms(t0 + 6)
            s1, s2 = slot(b), slot(en)
            u1, u2 = slot(None), slot(None)
            pa = nid()
            tr["anns"].append('<ALIGNABLE_ANNOTATION ANNOTATION_ID="%s" TIME_SLOT_REF1="%s" TIME_SLOT_REF2="%s"><ANNOTATION_VALUE>ANX_STR_TENSION</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION>' % (pa, s1, s2))
            ct = tier("anxiety detail", "subdiv", None, parent="CL-anxiety")
            for (x, y, c) in ((s1, u1, "ANX_STR_HANDS"), (u1, u2, "ANX_STR_FIDGET"), (u2, s2, "ANX_STR_SIGH")):
                ct["anns"].append('<ALIGNABLE_ANNOTATION ANNOTATION_ID="%s" TIME_SLOT_REF1="%s" TIME_SLOT_REF2="%s"><ANNOTATION_VALUE>%s</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION>' % (nid(), x, y, c))
            tt = tier("TH-intervention", "codes", partname["TH"] if version == "3.0" else "TH")
            s3, s4 = slot(ms(t0 + 5)), slot(ms(t0 + 5) + 40)
            tt["anns"].append('<ALIGNABLE_ANNOTATION ANNOTATION_ID="%s" TIME_SLOT_REF1="%s" TIME_SLOT_REF2="%s"><ANNOTATION_VALUE>INT_VALIDATION</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION>' % (nid(), s3, s4))
        else:
            tc = tier("CL-anxiety", "codes", partname["CL"] if version == "3.0" else "CL")
            s1, s2 = slot(ms(t0)), slot(ms(t0) + 40)
            tc["anns"].append('<ALIGNABLE_ANNOTATION ANNOTATION_ID="%s" TIME_SLOT_REF1="%s" TIME_SLOT_REF2="%s"><ANNOTATION_VALUE>AFF_CONCERN</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION>' % (nid(), s1, s2))
            tt = tier("TH-intervention", "codes", partname["TH"] if version == "3.0" else "TH")
            s3, s4 = slot(ms(t0 + 3)), slot(ms(t0 + 9))
            pa = nid()
            tt["anns"].append('<ALIGNABLE_ANNOTATION ANNOTATION_ID="%s" TIME_SLOT_REF1="%s" TIME_SLOT_REF2="%s"><ANNOTATION_VALUE>INT_EXPLORE_FEELING</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION>' % (pa, s3, s4))
            st = tier("TH-steps", "symsub", partname["TH"] if version == "3.0" else "TH", parent="TH-intervention")
            ids = [nid(), nid(), nid()]
            vals = ["INT_VALIDATION", "INT_EMPATHIC_REFLECTION", "INT_REGULATE_ANXIETY"]
            xml = []
            for k in range(3):
                prev = (' PREVIOUS_ANNOTATION="%s"' % ids[k - 1]) if k else ""
                xml.append('<REF_ANNOTATION ANNOTATION_ID="%s" ANNOTATION_REF="%s"%s><ANNOTATION_VALUE>%s</ANNOTATION_VALUE></REF_ANNOTATION>' % (ids[k], pa, prev, vals[k]))
            # written out of order: the chain, not the document order, decides
            st["anns"].extend([xml[2], xml[0], xml[1]])
    # slots: shuffled id order
    rnd.shuffle(slots)
    out = ['<?xml version="1.0" encoding="UTF-8"?>']
    schema = "http://www.mpi.nl/tools/elan/EAFv3.0.xsd" if version == "3.0" else "http://www.mpi.nl/tools/elan/EAFv2.8.xsd"
    out.append('<ANNOTATION_DOCUMENT AUTHOR="coder" DATE="2026-03-02T12:00:00+01:00" FORMAT="%s" VERSION="%s" '
               'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="%s">' % (version, version, schema))
    out.append('<HEADER MEDIA_FILE="" TIME_UNITS="milliseconds">')
    if origin_ms:
        out.append('<MEDIA_DESCRIPTOR MEDIA_URL="file:///media/session.mp4" MIME_TYPE="video/mp4" RELATIVE_MEDIA_URL="./session.mp4" TIME_ORIGIN="%d"/>' % origin_ms)
    else:
        out.append('<MEDIA_DESCRIPTOR MEDIA_URL="file:///media/session.mp4" MIME_TYPE="video/mp4" RELATIVE_MEDIA_URL="./session.mp4"/>')
    out.append('<PROPERTY NAME="lastUsedAnnotationId">%d</PROPERTY>' % aid[0])
    out.append('</HEADER>')
    out.append('<TIME_ORDER>')
    for i, v in slots:
        out.append('<TIME_SLOT TIME_SLOT_ID="%s"%s/>' % (i, "" if v is None else ' TIME_VALUE="%d"' % v))
    out.append('</TIME_ORDER>')
    for tid in order:
        t = tiers[tid]
        attrs = 'LINGUISTIC_TYPE_REF="%s" TIER_ID="%s"' % (t["lt"], tid)
        if t["part"]:
            attrs += ' PARTICIPANT="%s"' % t["part"]
        if t["parent"]:
            attrs += ' PARENT_REF="%s"' % t["parent"]
        out.append('<TIER %s ANNOTATOR="coder1">' % attrs)
        for a in t["anns"]:
            out.append('<ANNOTATION>%s</ANNOTATION>' % a)
        out.append('</TIER>')
    out.append('<LINGUISTIC_TYPE LINGUISTIC_TYPE_ID="codes" TIME_ALIGNABLE="true" GRAPHIC_REFERENCES="false" CONTROLLED_VOCABULARY_REF="codesCV"/>')
    out.append('<LINGUISTIC_TYPE LINGUISTIC_TYPE_ID="assoc" TIME_ALIGNABLE="false" GRAPHIC_REFERENCES="false" CONSTRAINTS="Symbolic_Association"/>')
    out.append('<LINGUISTIC_TYPE LINGUISTIC_TYPE_ID="incl" TIME_ALIGNABLE="true" GRAPHIC_REFERENCES="false" CONSTRAINTS="Included_In"/>')
    out.append('<LINGUISTIC_TYPE LINGUISTIC_TYPE_ID="subdiv" TIME_ALIGNABLE="true" GRAPHIC_REFERENCES="false" CONSTRAINTS="Time_Subdivision" CONTROLLED_VOCABULARY_REF="codesCV"/>')
    out.append('<LINGUISTIC_TYPE LINGUISTIC_TYPE_ID="symsub" TIME_ALIGNABLE="false" GRAPHIC_REFERENCES="false" CONSTRAINTS="Symbolic_Subdivision"/>')
    out.append('<LOCALE LANGUAGE_CODE="en"/>')
    out.append('<LANGUAGE LANG_ID="eng" LANG_DEF="http://cdb.iso.org/lg/CDB-00138502-001" LANG_LABEL="English (eng)"/>')
    out.append('<LANGUAGE LANG_ID="deu" LANG_DEF="http://cdb.iso.org/lg/CDB-00138580-001" LANG_LABEL="German (deu)"/>')
    for st, d in (("Time_Subdivision", "Time subdivision of parent annotation's time interval, no time gaps allowed within this interval"),
                  ("Symbolic_Subdivision", "Symbolic subdivision of a parent annotation. Annotations refering to the same parent are ordered"),
                  ("Symbolic_Association", "1-1 association with a parent annotation"),
                  ("Included_In", "Time alignable annotations within the parent annotation's time interval, gaps are allowed")):
        out.append('<CONSTRAINT STEREOTYPE="%s" DESCRIPTION="%s"/>' % (st, d))
    out.append('<CONTROLLED_VOCABULARY CV_ID="codesCV">')
    out.append('<DESCRIPTION LANG_REF="eng">session-review codes</DESCRIPTION>')
    for c in cv_codes:
        if c in GERMAN and version == "3.0" and not site:
            # a German site's multilingual CV: the German label first, the code as the English value
            out.append('<CV_ENTRY_ML CVE_ID="%s"><CVE_VALUE LANG_REF="deu">%s</CVE_VALUE>'
                       '<CVE_VALUE LANG_REF="eng" DESCRIPTION="">%s</CVE_VALUE></CV_ENTRY_ML>' % (cve_id[c], GERMAN[c], c))
        else:
            out.append('<CV_ENTRY_ML CVE_ID="%s"><CVE_VALUE LANG_REF="eng" DESCRIPTION="">%s</CVE_VALUE>'
                       '<CVE_VALUE LANG_REF="deu">%s</CVE_VALUE></CV_ENTRY_ML>' % (cve_id[c], c, c))
    out.append('</CONTROLLED_VOCABULARY>')
    out.append('</ANNOTATION_DOCUMENT>')
    return "\n".join(out) + "\n"


def media_start_text(media, k):
    """The instant in one of the spellings the README's contract accepts."""
    k %= 4
    if k == 0:
        return media.isoformat()  # 2026-03-02T09:00:00+01:00
    if k == 1:
        return media.strftime("%Y-%m-%dT%H:%M:%S+0100")
    if k == 2:
        return media.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    return media.strftime("%Y-%m-%d %H:%M:%S.000+01:00")


# --------------------------------------------------------------------------------------------

def main():
    seed = int(sys.argv[1])
    outdir = sys.argv[2]
    rnd = random.Random(seed * 7919)
    sessions = build_plan(seed)
    root = os.path.join(outdir, "sessions")
    os.makedirs(root, exist_ok=True)
    plan = {"seed": seed, "generator": "validation/third-cohort/gen.py", "sessions": []}
    for si, s in enumerate(sessions):
        folder = os.path.join(root, s["id"])
        os.makedirs(folder, exist_ok=True)
        media = datetime(2026, 3, 2 + si, 9, 0, 0, tzinfo=timezone(timedelta(hours=1)))
        media_epoch = media.timestamp()
        evs = []
        extras = []
        scen_out = []
        episodes = []
        for at, sc in sorted(s["placed"], key=lambda p: p[0]):
            sevs = []
            for e in sc["events"]:
                ee = dict(e)
                ee["t"] = round(at + e["t"], 3)
                ee["end"] = None if e["end"] is None else round(at + e["end"], 3)
                ee["scenario"] = sc["name"]
                sevs.append(ee)
            if sc["kind"] in ("xsub", "ysub"):
                extras.append((sc["kind"], at))
            else:
                evs.extend(sevs)
            rec = {"name": sc["name"], "kind": sc["kind"], "at": at, "note": sc.get("note", ""),
                   "closed_at_end": sc.get("closed_at_end", False),
                   "events": [{k: v for k, v in e.items() if k != "scenario"} for e in sevs],
                   "ruptures": [dict(r, start=round(at + r["start"], 3),
                                     first_repair=None if r["first_repair"] is None else round(at + r["first_repair"], 3))
                                for r in sc["ruptures"]],
                   "mo": [dict(m, t=round(at + m["t"], 3)) for m in sc["mo"]],
                   "safety": [dict(x, t=round(at + x["t"], 3)) for x in sc.get("safety", [])],
                   "pressure": [dict(x, t=round(at + x["t"], 3)) for x in sc.get("pressure", [])]}
            if sc["kind"] == "physio":
                rec["physio"] = {"onset": at, "dur": sc["physio"]["dur"], "cue": sc["physio"]["cue"]}
                episodes.append((at, sc["physio"]["dur"]))
            scen_out.append(rec)
        lead_c = 40 + rnd.random() * 160
        lead_t = lead_c - 10 - rnd.random() * 20
        dur = s["duration"]
        gen_e4(os.path.join(folder, "client_e4"), random.Random(seed * 1000 + si), media_epoch, lead_c, dur,
               episodes, 66 + rnd.random() * 8, 1.5 + rnd.random() * 2)
        gen_e4(os.path.join(folder, "therapist_e4"), random.Random(seed * 1000 + 500 + si), media_epoch, lead_t, dur,
               [], 70 + rnd.random() * 8, 2.5 + rnd.random() * 2)
        fmt = s["format"]
        origin = 0
        expected_rejects = 0
        if fmt == "jsonl":
            fn = "codes.jsonl"
            w_jsonl(os.path.join(folder, fn), evs, rnd)
        elif fmt == "csv":
            fn = "codes.csv"
            w_csv(os.path.join(folder, fn), evs, rnd)
        elif fmt == "eaf30":
            fn = "session.eaf"
            origin = 4000 + 250 * (seed % 4)
            with open(os.path.join(folder, fn), "w") as f:
                f.write(eaf_doc(evs, rnd, "3.0", origin, extras))
        elif fmt == "eaf28":
            fn = "coding28.eaf"
            with open(os.path.join(folder, fn), "w") as f:
                f.write(eaf_doc(evs, rnd, "2.8", 0, extras))
        elif fmt == "tabA":
            fn = "elan_export.txt"
            w_tab(os.path.join(folder, fn), evs, rnd, "A")
        elif fmt == "tabB":
            fn = "elan_export_min.txt"
            w_tab(os.path.join(folder, fn), evs, rnd, "B")
        elif fmt == "boris_tab":
            fn = "boris_events.tsv"
            w_boris_tab(os.path.join(folder, fn), evs, rnd, s["id"], dur)
        elif fmt == "boris_multi":
            fn = "boris_project_export.tsv"
            other_t = [round(e["t"] + 2.5, 3) for e in evs[:6]]
            w_boris_tab(os.path.join(folder, fn), evs, rnd, s["id"].lower().replace("-", " "), dur,
                        other=("pilot observation 7", other_t))
            expected_rejects = 1
        elif fmt == "boris_mod":
            fn = "boris_modifiers.tsv"
            # one modifier set: its values are significance on rupture markers, intensity on cues
            for e in evs:
                assert len(e["mods"]) <= 1
            w_boris_tab_mod(os.path.join(folder, fn), evs, rnd, s["id"], dur)
            with open(os.path.join(folder, "codebook.json"), "w") as f:
                json.dump({"modifiers": {"modifier_1": "significance"}}, f)
        elif fmt == "split":
            fn = ["ruptures.eaf", "cues_boris.csv"]
            r_ev = [e for e in evs if e["code"].split("_")[0] in ("RUP", "RES")]
            o_ev = [e for e in evs if e["code"].split("_")[0] not in ("RUP", "RES")]
            origin = 2000
            with open(os.path.join(folder, fn[0]), "w") as f:
                f.write(eaf_doc(r_ev, rnd, "3.0", origin, []))
            w_boris_agg(os.path.join(folder, fn[1]), o_ev, rnd, s["id"], dur)
        elif fmt == "tabCols":
            fn = "elan_columns.txt"
            w_tab_cols(os.path.join(folder, fn), evs, rnd)
        elif fmt == "csv_de":
            fn = "kodierung.csv"
            w_csv_de(os.path.join(folder, fn), evs, rnd)
        elif fmt == "tabC":
            fn = "elan_export.csv"
            w_tab_csv(os.path.join(folder, fn), evs, rnd)
        elif fmt == "json_array":
            fn = "codes.json"
            w_json_array(os.path.join(folder, fn), evs, rnd)
        elif fmt == "eaf30cb":
            fn = "site_coding.eaf"
            origin = 1500
            with open(os.path.join(folder, fn), "w", encoding="utf-8") as f:
                f.write(eaf_doc(evs, rnd, "3.0", origin, extras, site=True))
            with open(os.path.join(folder, "codebook.json"), "w", encoding="utf-8") as f:
                json.dump({"labels": {"sigh": "ANX_STR_SIGH", "Hände ringen": "ANX_STR_HANDS",
                                      "emotional cue": "AFF_CUE"},
                           "actors": {"Anna K.": "client", "Dr. Berg": "therapist"}}, f, ensure_ascii=False, indent=2)
        else:
            fn = "boris_aggregated.csv"
            w_boris_agg(os.path.join(folder, fn), evs, rnd, s["id"], dur)
        sj = {"session_id": s["id"], "therapist_id": "TR%d" % (1 + si % 3), "client_id": "client-%d-%d" % (seed, si),
              "session_number": 1 + si // 3, "media_start": media_start_text(media, si),
              "wearables": {"client": "client_e4", "therapist": "therapist_e4"},
              "annotations": fn if isinstance(fn, list) else [fn], "consent": {"supervision": True, "research": True}, "duration_s": dur}
        if fmt in ("eaf30cb", "boris_mod"):
            sj["codebook"] = "codebook.json"
        with open(os.path.join(folder, "session.json"), "w") as f:
            json.dump(sj, f, indent=2)
        all_events = list(evs)
        for rec in scen_out:
            if rec["kind"] in ("xsub", "ysub"):
                all_events.extend(rec["events"])
        plan["sessions"].append({"session_id": s["id"], "format": fmt, "annotation_file": fn,
                                 "time_origin_ms": origin, "duration_s": dur,
                                 "client_lead_s": round(lead_c, 3), "therapist_lead_s": round(lead_t, 3),
                                 "turns_coded": s["turns"], "n_events": len(all_events),
                                 "expected_rejects": expected_rejects,
                                 "scenarios": scen_out})
    with open(os.path.join(outdir, "plan.json"), "w") as f:
        json.dump(plan, f, indent=1)
    print("seed %d: %d sessions in %s" % (seed, len(sessions), root))


if __name__ == "__main__":
    main()
