#!/usr/bin/env python3
"""Thirteenth cohort: one coding, 37 export variants.

gen.py SEED DIR writes DIR/sessions/<37 sessions> and DIR/plan.json. Every session has the same
15-minute physiology (the third cohort's E4 model, ../third-cohort/gen.py, one random stream per
seed, no planted arousal) and the same coded events (EVENTS below), each written in one export
variant of ELAN, BORIS or the project's own formats (DOMAIN.md 1.1-1.3, README "Annotations").
So every rule output (ruptures, moments, sessions' counts) must be identical across variants;
plan.json says what each variant should read and which rejects it should give. Python 3 stdlib.
"""
import importlib.util
import json
import os
import random
import sys
from datetime import datetime, timedelta, timezone

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location("tc3", os.path.join(HERE, "..", "third-cohort", "gen.py"))
tc3 = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(tc3)

DUR = 900
# (start ms, end ms or None for a point, code, actor, modifiers) in session time (media seconds)
EVENTS = [
    (190000, 215000, "RUP_W_DENIAL", "client", {"significance": 3}),
    (230000, 250000, "TURN_TH", "therapist", {}),
    (230000, 240000, "RES_INVITE_DISCUSS_RELATIONSHIP", "therapist", {}),
    (240000, 250000, "INT_VALIDATION", "therapist", {}),
    (300000, None, "AFF_CUE", "client", {}),
    (305000, 312000, "INT_EMPATHIC_REFLECTION", "therapist", {}),
    (420000, 428000, "RUP_C_COMPLAINT_THERAPIST", "client", {"significance": 4}),
    (560000, None, "ANX_STR_SIGH", "client", {"intensity": 2}),
    (690000, None, "SAFE_SUICIDAL_IDEATION", "client", {}),
    (700000, 730000, "TURN_TH", "therapist", {}),
    (700000, 710000, "INT_VALIDATION", "therapist", {}),
    (710000, 720000, "INT_REGULATE_ANXIETY", "therapist", {}),
    (720000, 730000, "INT_EXPLORE_FEELING", "therapist", {}),
]
POINT_MS = 40  # an ELAN "point": one 25 fps frame (DOMAIN 1.1: < 100 ms is a point)

EXPECT = {
    "ruptures": [
        {"class": "W", "start_s": 190.0, "outcome": "resolved", "first_repair_s": 230.0, "markers": 1,
         "max_significance": 3},
        {"class": "C", "start_s": 420.0, "outcome": "unaddressed", "first_repair_s": None, "markers": 1,
         "max_significance": 4},
    ],
    "coded_moments": [
        {"kind": "missed_opportunity", "start_s": 560.0, "why": "ANX_STR_SIGH intensity 2, no TH code in [560, 570] (DOMAIN 5)"},
        {"kind": "safety", "start_s": 690.0, "why": "SAFE_SUICIDAL_IDEATION, answered by INT_VALIDATION at 700 (DOMAIN 2.7)"},
        {"kind": "unaddressed_rupture", "start_s": 420.0, "why": "C episode without repair (DOMAIN 3.4)"},
    ],
    "not_moments": ["AFF_CUE at 300 answered by INT_EMPATHIC_REFLECTION at 305 (DOMAIN 5): no missed_opportunity",
                    "no pressure_above_threshold (no ANX_CPD/ANX_MOT)"],
    "sessions": {"ruptures_withdrawal": 1, "ruptures_confrontation": 1, "safety_events": 1},
}


def is_point(e):
    return e[1] is None


def tiers_of(e):
    return "CL" if e[3] == "client" else "TH"


# ------------------------------------------------------------------ native formats

def w_jsonl(path, evs):
    with open(path, "w") as f:
        for s, e, code, actor, mods in evs:
            o = {"start": s / 1000, "code": code, "actor": {"client": "CL", "therapist": "TH"}[actor]}
            if e is not None:
                o["end"] = e / 1000
            if mods:
                o["modifiers"] = dict(mods)
            o["note"] = "coder A, first pass"
            f.write(json.dumps(o) + "\n")


def mmss(ms):
    return "%02d:%06.3f" % (ms // 60000, (ms % 60000) / 1000)


SYN = {"RUP_W_DENIAL": "rup-w-denial", "ANX_STR_SIGH": "Anx Str Sigh", "AFF_CUE": "aff.cue",
       "SAFE_SUICIDAL_IDEATION": "safe suicidal ideation", "INT_VALIDATION": "Int-Validation"}


def w_csv_rich(path, evs):
    """Every optional field, other tools' column names, mm:ss.fff, code synonyms, unknown columns."""
    with open(path, "w") as f:
        f.write("Onset,Offset,Label,Speaker,significance,intensity,channel,Comment,coder,confidence\n")
        for s, e, code, actor, mods in evs:
            ch = "striated" if code.startswith("ANX_STR") else ""
            f.write("%s,%s,%s,%s,%s,%s,%s,\"%s\",%s,%s\n" % (
                mmss(s), "" if e is None else mmss(e), SYN.get(code, code), actor.capitalize(),
                mods.get("significance", ""), mods.get("intensity", ""), ch,
                "note, with a comma", "AB", "0.8"))


# ------------------------------------------------------------------ ELAN .eaf

def eaf_header(version, media):
    schema = "http://www.mpi.nl/tools/elan/EAFv%s.xsd" % version
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<ANNOTATION_DOCUMENT AUTHOR="coder" DATE="2026-03-02T10:00:00+01:00" FORMAT="%s" VERSION="%s" '
           'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="%s">'
           % (version, version, schema),
           '  <HEADER MEDIA_FILE="" TIME_UNITS="milliseconds">']
    for url, mime, origin in media:
        o = ' TIME_ORIGIN="%d"' % origin if origin else ""
        out.append('    <MEDIA_DESCRIPTOR MEDIA_URL="file:///C:/video/%s" MIME_TYPE="%s" RELATIVE_MEDIA_URL="./%s"%s/>'
                   % (url, mime, url, o))
    out.append('    <PROPERTY NAME="lastUsedAnnotationId">999</PROPERTY>')
    out.append('  </HEADER>')
    return out


class Eaf:
    """Collects time slots (some unaligned) and tiers, then writes the document."""

    def __init__(self, rnd):
        self.slots = []  # (id, value or None)
        self.tiers = []  # (attrs, [annotation xml])
        self.n = 0
        self.rnd = rnd

    def slot(self, v):
        sid = "ts%d" % (len(self.slots) + 1)
        self.slots.append((sid, v))
        return sid

    def aid(self):
        self.n += 1
        return "a%d" % self.n

    def tier(self, attrs):
        t = (attrs, [])
        self.tiers.append(t)
        return t[1]

    def align(self, tier, s, e, value, cve=None, s_id=None, e_id=None):
        a = self.aid()
        s_id = s_id or self.slot(s)
        e_id = e_id or self.slot(e)
        c = ' CVE_REF="%s"' % cve if cve else ""
        tier.append('      <ALIGNABLE_ANNOTATION ANNOTATION_ID="%s" TIME_SLOT_REF1="%s" TIME_SLOT_REF2="%s"%s>'
                    '<ANNOTATION_VALUE>%s</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION>' % (a, s_id, e_id, c, value))
        return a, s_id, e_id

    def ref(self, tier, parent, value, prev=None, cve=None):
        a = self.aid()
        p = ' PREVIOUS_ANNOTATION="%s"' % prev if prev else ""
        c = ' CVE_REF="%s"' % cve if cve else ""
        tier.append('      <REF_ANNOTATION ANNOTATION_ID="%s" ANNOTATION_REF="%s"%s%s>'
                    '<ANNOTATION_VALUE>%s</ANNOTATION_VALUE></REF_ANNOTATION>' % (a, parent, p, c, value))
        return a

    def doc(self, version, media, tail):
        out = eaf_header(version, media)
        out.append('  <TIME_ORDER>')
        slots = list(self.slots)
        self.rnd.shuffle(slots)  # ids are not in time order (DOMAIN 1.1)
        for sid, v in slots:
            if v is None:
                out.append('    <TIME_SLOT TIME_SLOT_ID="%s"/>' % sid)
            else:
                out.append('    <TIME_SLOT TIME_SLOT_ID="%s" TIME_VALUE="%d"/>' % (sid, v))
        out.append('  </TIME_ORDER>')
        for attrs, anns in self.tiers:
            a = " ".join('%s="%s"' % kv for kv in attrs)
            if anns:
                out.append('  <TIER %s>' % a)
                for x in anns:
                    out.append('    <ANNOTATION>')
                    out.append(x)
                    out.append('    </ANNOTATION>')
                out.append('  </TIER>')
            else:
                out.append('  <TIER %s/>' % a)
        out.extend(tail)
        out.append('</ANNOTATION_DOCUMENT>')
        return "\n".join(out) + "\n"


LT_DEFAULT = '  <LINGUISTIC_TYPE GRAPHIC_REFERENCES="false" LINGUISTIC_TYPE_ID="default-lt" TIME_ALIGNABLE="true"/>'
LT_SYMASSOC = ('  <LINGUISTIC_TYPE CONSTRAINTS="Symbolic_Association" GRAPHIC_REFERENCES="false" '
               'LINGUISTIC_TYPE_ID="sig-lt" TIME_ALIGNABLE="false"/>')
CONSTRAINTS = [
    '  <CONSTRAINT DESCRIPTION="Time subdivision of parent annotation\'s time interval, no time gaps allowed within this interval" STEREOTYPE="Time_Subdivision"/>',
    '  <CONSTRAINT DESCRIPTION="Symbolic subdivision of a parent annotation. Annotations refering to the same parent are ordered" STEREOTYPE="Symbolic_Subdivision"/>',
    '  <CONSTRAINT DESCRIPTION="1-1 association with a parent annotation" STEREOTYPE="Symbolic_Association"/>',
    '  <CONSTRAINT DESCRIPTION="Time alignable annotations within the parent annotation\'s time interval, gaps are allowed" STEREOTYPE="Included_In"/>',
]


def end_ms(e):
    return e[0] + POINT_MS if e[1] is None else e[1]


def eaf27(evs, rnd):
    """EAF 2.7: tiers named by role (`Client`, `therapist-codes`) without PARTICIPANT, ANNOTATOR,
    an old CV_ENTRY text CV, values in lower case with spaces around, a Symbolic_Association
    significance tier, a value with a note after `;`, extra."""
    x = Eaf(rnd)
    cl = x.tier([("ANNOTATOR", "MB"), ("LINGUISTIC_TYPE_REF", "codes"), ("TIER_ID", "Client")])
    th = x.tier([("ANNOTATOR", "MB"), ("LINGUISTIC_TYPE_REF", "codes"), ("TIER_ID", "therapist-codes")])
    sig = x.tier([("ANNOTATOR", "MB"), ("LINGUISTIC_TYPE_REF", "sig-lt"), ("PARENT_REF", "Client"),
                  ("TIER_ID", "significance")])
    inten = x.tier([("ANNOTATOR", "MB"), ("LINGUISTIC_TYPE_REF", "sig-lt"), ("PARENT_REF", "Client"),
                    ("TIER_ID", "intensity")])
    for e in evs:
        a, _, _ = x.align(cl if e[3] == "client" else th, e[0], end_ms(e), "  %s " % e[2].lower())
        if "significance" in e[4]:
            x.ref(sig, a, str(e[4]["significance"]))
        if "intensity" in e[4]:
            x.ref(inten, a, str(e[4]["intensity"]))
    x.align(cl, 800000, 812000, "RUP_W_DENIAL; client laughs")
    codes = sorted({e[2] for e in evs} | {"RUP_W_DENIAL"})
    tail = ['  <LINGUISTIC_TYPE CONTROLLED_VOCABULARY_REF="codes-cv" GRAPHIC_REFERENCES="false" '
            'LINGUISTIC_TYPE_ID="codes" TIME_ALIGNABLE="true"/>', LT_SYMASSOC] + CONSTRAINTS
    tail.append('  <CONTROLLED_VOCABULARY CV_ID="codes-cv" DESCRIPTION="project codes">')
    tail += ['    <CV_ENTRY DESCRIPTION="">%s</CV_ENTRY>' % c for c in codes]
    tail.append('  </CONTROLLED_VOCABULARY>')
    return x.doc("2.7", [("session.mpg", "video/mpeg", 0)], tail)


def cv_ml(cv_id, codes, langs=("eng",)):
    out = ['  <CONTROLLED_VOCABULARY CV_ID="%s">' % cv_id]
    for l in langs:
        out.append('    <DESCRIPTION LANG_REF="%s"/>' % l)
    for i, c in enumerate(codes):
        out.append('    <CV_ENTRY_ML CVE_ID="cve_%d">' % i)
        for l in langs:
            v = c if l == "eng" else "de:" + c.lower()
            out.append('      <CVE_VALUE DESCRIPTION="" LANG_REF="%s">%s</CVE_VALUE>' % (l, v))
        out.append('    </CV_ENTRY_ML>')
    out.append('  </CONTROLLED_VOCABULARY>')
    return out


LANGS = ['  <LANGUAGE LANG_DEF="http://cdb.iso.org/lg/CDB-00138502-001" LANG_ID="eng" LANG_LABEL="English (eng)"/>',
         '  <LANGUAGE LANG_DEF="http://cdb.iso.org/lg/CDB-00138580-001" LANG_ID="deu" LANG_LABEL="German (deu)"/>']


def eaf28(evs, rnd):
    """EAF 2.8: PARTICIPANT `Klient` / `Therapeut` on tiers `Tier-1`/`Tier-2`, a CV_ENTRY_ML
    vocabulary, every code an empty value with CVE_REF; an empty value without CVE_REF, extra."""
    x = Eaf(rnd)
    codes = sorted({e[2] for e in evs})
    cl = x.tier([("LINGUISTIC_TYPE_REF", "codes"), ("PARTICIPANT", "Klient"), ("TIER_ID", "Tier-1")])
    th = x.tier([("LINGUISTIC_TYPE_REF", "codes"), ("PARTICIPANT", "Therapeut"), ("TIER_ID", "Tier-2")])
    sig = x.tier([("LINGUISTIC_TYPE_REF", "sig-lt"), ("PARENT_REF", "Tier-1"), ("PARTICIPANT", "Klient"),
                  ("TIER_ID", "Tier-1 significance")])
    inten = x.tier([("LINGUISTIC_TYPE_REF", "sig-lt"), ("PARENT_REF", "Tier-1"), ("PARTICIPANT", "Klient"),
                    ("TIER_ID", "Tier-1 intensity")])
    for e in evs:
        a, _, _ = x.align(cl if e[3] == "client" else th, e[0], end_ms(e), "", cve="cve_%d" % codes.index(e[2]))
        if "significance" in e[4]:
            x.ref(sig, a, str(e[4]["significance"]))
        if "intensity" in e[4]:
            x.ref(inten, a, str(e[4]["intensity"]))
    x.align(cl, 820000, 830000, "")
    tail = ['  <LINGUISTIC_TYPE CONTROLLED_VOCABULARY_REF="codes-cv" GRAPHIC_REFERENCES="false" '
            'LINGUISTIC_TYPE_ID="codes" TIME_ALIGNABLE="true"/>', LT_SYMASSOC, LANGS[0]] + CONSTRAINTS
    tail += cv_ml("codes-cv", codes)
    return x.doc("2.8", [("session.mp4", "video/mp4", 0)], tail)


def eaf30_dep(evs, rnd):
    """EAF 3.0, dependent tiers: the therapist's turns (`TH-turns`, PARTICIPANT `Dr. B`) with a
    Symbolic_Subdivision child (`interventions`, no role word) for the 230-250 s turn and a
    Time_Subdivision child (`subdivided`) with unaligned inner slots for the 700-730 s turn;
    client codes on `CL` with an Included_In `significance` tier (values inside the parent)."""
    x = Eaf(rnd)
    cl = x.tier([("LINGUISTIC_TYPE_REF", "default-lt"), ("PARTICIPANT", "client"), ("TIER_ID", "CL")])
    inc = x.tier([("LINGUISTIC_TYPE_REF", "incl-lt"), ("PARENT_REF", "CL"), ("TIER_ID", "significance")])
    inc_i = x.tier([("LINGUISTIC_TYPE_REF", "incl-lt"), ("PARENT_REF", "CL"), ("TIER_ID", "intensity")])
    turns = x.tier([("LINGUISTIC_TYPE_REF", "default-lt"), ("PARTICIPANT", "Dr. B"), ("TIER_ID", "TH-turns")])
    sym = x.tier([("LINGUISTIC_TYPE_REF", "symsub-lt"), ("PARENT_REF", "TH-turns"), ("TIER_ID", "interventions")])
    tsub = x.tier([("LINGUISTIC_TYPE_REF", "timesub-lt"), ("PARENT_REF", "TH-turns"), ("TIER_ID", "subdivided")])
    th = x.tier([("LINGUISTIC_TYPE_REF", "default-lt"), ("PARTICIPANT", "Dr. B"), ("TIER_ID", "TH-other")])
    for e in evs:
        if e[3] == "client":
            a, s_id, e_id = x.align(cl, e[0], end_ms(e), e[2])
            for key, t in (("significance", inc), ("intensity", inc_i)):
                if key in e[4]:
                    # included in the parent: a shorter span inside it
                    x.align(t, e[0] + 10, end_ms(e) - 10, str(e[4][key]))
        elif e[2] == "TURN_TH" and e[0] == 230000:
            p, _, _ = x.align(turns, e[0], e[1], e[2])
            a1 = x.ref(sym, p, "RES_INVITE_DISCUSS_RELATIONSHIP")
            x.ref(sym, p, "INT_VALIDATION", prev=a1)
        elif e[2] == "TURN_TH":
            p, s_id, e_id = x.align(turns, e[0], e[1], e[2])
            u1 = x.slot(None)
            u2 = x.slot(None)
            x.align(tsub, None, None, "INT_VALIDATION", s_id=s_id, e_id=u1)
            x.align(tsub, None, None, "INT_REGULATE_ANXIETY", s_id=u1, e_id=u2)
            x.align(tsub, None, None, "INT_EXPLORE_FEELING", s_id=u2, e_id=e_id)
        elif (230000 <= e[0] < 250000) or (700000 <= e[0] < 730000):
            continue  # written as the turns' children above
        else:
            x.align(th, e[0], end_ms(e), e[2])
    tail = [LT_DEFAULT,
            '  <LINGUISTIC_TYPE CONSTRAINTS="Included_In" GRAPHIC_REFERENCES="false" LINGUISTIC_TYPE_ID="incl-lt" TIME_ALIGNABLE="true"/>',
            '  <LINGUISTIC_TYPE CONSTRAINTS="Symbolic_Subdivision" GRAPHIC_REFERENCES="false" LINGUISTIC_TYPE_ID="symsub-lt" TIME_ALIGNABLE="false"/>',
            '  <LINGUISTIC_TYPE CONSTRAINTS="Time_Subdivision" GRAPHIC_REFERENCES="false" LINGUISTIC_TYPE_ID="timesub-lt" TIME_ALIGNABLE="true"/>',
            LANGS[0]] + CONSTRAINTS
    return x.doc("3.0", [("session.mp4", "video/mp4", 0)], tail)


def eaf30_media(evs, rnd, origin):
    """EAF 3.0, two MEDIA_DESCRIPTORs (video with TIME_ORIGIN, a wav with another), tiers named
    `patient` and `Therapeutin` carrying the role, ANNOTATOR, CVE_REF with values too."""
    x = Eaf(rnd)
    codes = sorted({e[2] for e in evs})
    cl = x.tier([("ANNOTATOR", "coder 2"), ("LINGUISTIC_TYPE_REF", "codes"), ("TIER_ID", "patient")])
    th = x.tier([("ANNOTATOR", "coder 2"), ("LINGUISTIC_TYPE_REF", "codes"), ("TIER_ID", "Therapeutin")])
    sig = x.tier([("LINGUISTIC_TYPE_REF", "sig-lt"), ("PARENT_REF", "patient"), ("TIER_ID", "patient significance")])
    inten = x.tier([("LINGUISTIC_TYPE_REF", "sig-lt"), ("PARENT_REF", "patient"), ("TIER_ID", "patient intensity")])
    for e in evs:
        a, _, _ = x.align(cl if e[3] == "client" else th, e[0] - origin, end_ms(e) - origin, e[2],
                          cve="cve_%d" % codes.index(e[2]))
        if "significance" in e[4]:
            x.ref(sig, a, str(e[4]["significance"]))
        if "intensity" in e[4]:
            x.ref(inten, a, str(e[4]["intensity"]))
    tail = ['  <LINGUISTIC_TYPE CONTROLLED_VOCABULARY_REF="codes-cv" GRAPHIC_REFERENCES="false" '
            'LINGUISTIC_TYPE_ID="codes" TIME_ALIGNABLE="true"/>', LT_SYMASSOC] + LANGS + CONSTRAINTS
    tail += cv_ml("codes-cv", codes, ("eng", "deu"))
    return x.doc("3.0", [("session.mp4", "video/mp4", origin), ("room.wav", "audio/x-wav", origin // 2)], tail)


def eaf30_ml(evs, rnd):
    """EAF 3.0, multilingual CV with the German value first in each entry and referenced by CVE_REF
    with empty values; tiers `Client` and `T` (an abbreviation: mapped by the codebook's actors)."""
    x = Eaf(rnd)
    codes = sorted({e[2] for e in evs})
    cl = x.tier([("LINGUISTIC_TYPE_REF", "codes"), ("TIER_ID", "Client")])
    th = x.tier([("LINGUISTIC_TYPE_REF", "codes"), ("TIER_ID", "T")])
    sig = x.tier([("LINGUISTIC_TYPE_REF", "sig-lt"), ("PARENT_REF", "Client"), ("TIER_ID", "Client significance")])
    inten = x.tier([("LINGUISTIC_TYPE_REF", "sig-lt"), ("PARENT_REF", "Client"), ("TIER_ID", "Client intensity")])
    for e in evs:
        a, _, _ = x.align(cl if e[3] == "client" else th, e[0], end_ms(e), "", cve="cve_%d" % codes.index(e[2]))
        if "significance" in e[4]:
            x.ref(sig, a, str(e[4]["significance"]))
        if "intensity" in e[4]:
            x.ref(inten, a, {1: "leicht", 2: "mittel", 3: "stark"}[e[4]["intensity"]])
    tail = ['  <LINGUISTIC_TYPE CONTROLLED_VOCABULARY_REF="codes-cv" GRAPHIC_REFERENCES="false" '
            'LINGUISTIC_TYPE_ID="codes" TIME_ALIGNABLE="true"/>', LT_SYMASSOC] + LANGS + CONSTRAINTS
    cv = ['  <CONTROLLED_VOCABULARY CV_ID="codes-cv">', '    <DESCRIPTION LANG_REF="deu"/>',
          '    <DESCRIPTION LANG_REF="eng"/>']
    for i, c in enumerate(codes):
        cv.append('    <CV_ENTRY_ML CVE_ID="cve_%d">' % i)
        cv.append('      <CVE_VALUE DESCRIPTION="" LANG_REF="deu">Kode %d</CVE_VALUE>' % i)
        cv.append('      <CVE_VALUE DESCRIPTION="" LANG_REF="eng">%s</CVE_VALUE>' % c)
        cv.append('    </CV_ENTRY_ML>')
    cv.append('  </CONTROLLED_VOCABULARY>')
    return x.doc("3.0", [("session.mp4", "video/mp4", 0)], tail + cv)


# ------------------------------------------------------------------ ELAN tab-delimited text

def hms(ms):
    return "%02d:%02d:%02d.%03d" % (ms // 3600000, ms // 60000 % 60, ms // 1000 % 60, ms % 1000)


def jd(ms):
    v = repr(ms / 1000.0)
    return v


def smpte(ms):
    fr = int(round((ms % 1000) / 40.0))
    return "%02d:%02d:%02d:%02d" % (ms // 3600000, ms // 60000 % 60, ms // 1000 % 60, fr)


def tab_rows(evs):
    """(tier, participant, begin, end, value) rows: codes, then significance/intensity tiers."""
    rows = []
    for e in evs:
        tier = "Client" if e[3] == "client" else "therapist-codes"
        rows.append((tier, "", e[0], end_ms(e), e[2]))
        for k in ("significance", "intensity"):
            if k in e[4]:
                rows.append((k, "", e[0], end_ms(e), str(e[4][k])))
    rows.sort(key=lambda r: (r[0], r[2]))  # ELAN writes tier by tier
    return rows


def w_tab(path, evs, variant):
    with open(path, "w", newline="\n") as f:
        if variant == "A":  # tier + participant, hh:mm:ss.ms begin/end/duration, media header
            f.write("#file:///C:/video/session.mp4 -- offset: 3000\n\n")
            for tier, part, b, e, v in tab_rows(evs):
                part = {"Client": "Klient", "therapist-codes": "Therapeut"}.get(tier, "Klient")
                f.write("\t".join([tier, part, hms(b), hms(e), hms(e - b), v]) + "\n")
        elif variant == "B":  # no tier, no participant: ss.msec begin/end/duration
            for tier, part, b, e, v in tab_rows(evs):
                if tier in ("significance", "intensity"):
                    continue
                f.write("\t".join([jd(b), jd(e), jd(e - b), v]) + "\n")
        elif variant == "C":  # tier first, msec begin + duration
            for tier, part, b, e, v in tab_rows(evs):
                f.write("\t".join([tier, str(b), str(e - b), v]) + "\n")
        elif variant == "I":  # tier, numeric participant, msec begin + duration
            for tier, part, b, e, v in tab_rows(evs):
                f.write("\t".join([tier, "102" if tier == "therapist-codes" else "101", str(b), str(e - b), v]) + "\n")
        elif variant == "D":  # tier, hh:mm:ss.ms + SMPTE begin/end, value, then file name and path
            for tier, part, b, e, v in tab_rows(evs):
                f.write("\t".join([tier, hms(b), smpte(b), hms(e), smpte(e), v, "session.eaf",
                                   "C:\\codings\\session.eaf"]) + "\n")


# ------------------------------------------------------------------ BORIS

BORIS9_TAB = ["Observation id", "Observation date", "Description", "Observation duration", "Observation type",
              "Source", "Time offset (s)", "Media duration (s)", "FPS", "Subject", "Behavior",
              "Behavioral category"]


def fam(code):
    return {"RUP": "Rupture", "RES": "Resolution", "INT": "Intervention", "AFF": "Affect", "ANX": "Anxiety",
            "SAFE": "Safety", "TURN": "Structural"}[code.split("_")[0]]


def boris_bouts(evs):
    """(time ms, subject role, code, status, mods) rows of a tabular events export."""
    rows = []
    for e in evs:
        if e[1] is None:
            rows.append((e[0], e[3], e[2], "POINT", e[4]))
        else:
            rows.append((e[0], e[3], e[2], "START", e[4]))
            rows.append((e[1], e[3], e[2], "STOP", e[4]))
    rows.sort(key=lambda r: (r[0], r[3] != "STOP"))
    return rows


def w_boris9_tab(path, evs, sid, sep="\t", subjects=("client", "therapist"), offset=0.0,
                 media=(("session.mp4", 900.0),), mods=True):
    cols = list(BORIS9_TAB)
    if mods:
        cols += ["Modifier #1", "Modifier #2"]
    cols += ["Behavior type", "Time", "Media file name", "Image index", "Image file path", "Comment"]
    names = ";".join(m[0] for m in media)
    src = "player #1:" + names
    mdur = ";".join("%.3f" % m[1] for m in media)
    fps = ";".join("25.000" for _ in media)
    lines = [sep.join(cols)]
    for t, role, code, status, md in boris_bouts(evs):
        subj = subjects[0] if role == "client" else subjects[1]
        # the media file the time falls in (times are cumulative over the player's files)
        acc, mf = 0.0, media[0][0]
        for name, d in media:
            if t / 1000 - offset < acc + d:
                mf = name
                break
            acc += d
        row = [sid, "2026-03-02 10:00:00", "", "%.3f" % DUR, "Media file(s)", src, "%.1f" % offset, mdur, fps,
               subj, code, fam(code)]
        if mods:
            row += [str(md.get("significance", "")), str(md.get("intensity", ""))]
        row += [status, "%.3f" % (t / 1000), mf, "NA", "NA", "first pass" if status != "STOP" else ""]
        if sep == ",":
            row = ['"%s"' % c if ("," in c or ";" in c or " " in c) else c for c in row]
        lines.append(sep.join(row))
    with open(path, "w", newline="") as f:
        f.write("\n".join(lines) + "\n")


def w_boris9_live(path, evs, sid):
    """BORIS 9 tabular TSV of a live observation: Source and media columns NA, subjects client/therapist."""
    cols = BORIS9_TAB + ["Behavior type", "Time", "Media file name", "Image index", "Image file path", "Comment"]
    L = ["\t".join(cols)]
    for t, role, code, status, md in boris_bouts(evs):
        L.append("\t".join([sid, "2026-03-02 10:00:00", "", "%.3f" % DUR, "Live observation", "NA", "0.0", "NA",
                            "NA", role, code, fam(code), status, "%.3f" % (t / 1000), "NA", "NA", "NA", ""]))
    with open(path, "w", newline="") as f:
        f.write("\n".join(L) + "\n")


def w_boris_legacy(path, evs, sid):
    L = ["Observation id\t%s" % sid, "", "Media file(s)", "", "Player #1\tsession.mp4", "",
         "Observation date\t2026-03-02 10:00:00", "", "Description\t", "", "Time offset (s)\t0.0", "",
         "independent variables", "variable\tvalue", "therapy\tISTDP", "",
         "Time\tMedia file path\tTotal length\tFPS\tSubject\tBehavior\tBehavioral category\tComment\tStatus"]
    for t, role, code, status, md in boris_bouts(evs):
        L.append("\t".join(["%.3f" % (t / 1000), "session.mp4", "900.000", "25.0",
                            "patient" if role == "client" else "therapist", code, fam(code), "", status]))
    with open(path, "w", newline="") as f:
        f.write("\n".join(L) + "\n")


def w_boris9_agg(path, evs, sid):
    cols = ["Observation id", "Observation date", "Description", "Observation type", "Source", "Time offset (s)",
            "Coding duration", "Media duration (s)", "FPS (frame/s)", "Subject",
            "Observation duration by subject by observation", "Behavior", "Behavioral category", "Behavior type",
            "Start (s)", "Stop (s)", "Duration (s)", "Media file name", "Image index start", "Image index stop",
            "Image file path start", "Image file path stop", "Comment start", "Comment stop"]
    L = ["\t".join(cols)]
    for e in sorted(evs, key=lambda e: e[0]):
        pt = e[1] is None
        L.append("\t".join([sid, "2026-03-02 10:00:00", "", "Media file", "player #1:session.mp4", "0.0",
                            "%.3f" % DUR, "900.000", "25.000", "No focal subject", "%.3f" % DUR, e[2], "Not defined",
                            "POINT" if pt else "STATE", "%.3f" % (e[0] / 1000),
                            "%.3f" % ((e[0] if pt else e[1]) / 1000), "NA" if pt else "%.3f" % ((e[1] - e[0]) / 1000),
                            "session.mp4", "NA", "NA", "", "", "", ""]))
    with open(path, "w", newline="") as f:
        f.write("\r\n".join(L) + "\r\n")


def w_boris_project(path, evs, sid, offset=0.0, live=False):
    codes = sorted({e[2] for e in evs})
    bconf = {}
    for i, c in enumerate(codes):
        point = any(e[2] == c and e[1] is None for e in evs)
        m = {}
        if c.startswith("RUP_"):
            m = {"0": {"name": "significance", "type": 0, "values": ["1", "2", "3", "4", "5"]}}
        elif c.startswith("ANX_"):
            m = {"0": {"name": "intensity", "type": 0, "values": ["1", "2", "3"]}}
        bconf[str(i)] = {"type": "Point event" if point else "State event", "key": chr(97 + i), "code": c,
                         "description": "", "category": fam(c), "modifiers": m, "excluded": "", "coding map": ""}
    events = []
    for e in evs:
        subj = "client" if e[3] == "client" else "therapist"
        md = "|".join(str(v) for v in e[4].values())
        tail = [] if live else [0]  # a LIVE observation's events have no frame index
        events.append([e[0] / 1000, subj, e[2], md, ""] + tail)
        if e[1] is not None:
            events.append([e[1] / 1000, subj, e[2], md, ""] + tail)
    events.sort(key=lambda r: r[0])
    obs = {"type": "MEDIA", "date": "2026-03-02T10:00:00", "description": "", "time offset": offset,
           "file": {"1": ["session.mp4"], "2": []}, "independent_variables": {},
           "media_info": {"length": {"session.mp4": 900.0}, "fps": {"session.mp4": 25.0},
                          "hasVideo": {"session.mp4": True}, "hasAudio": {"session.mp4": True}, "offset": {"1": 0.0}},
           "close_behaviors_between_videos": False, "visualize_spectrogram": False, "events": events}
    if live:
        obs.update({"type": "LIVE", "file": {}, "media_info": {}})
    other = json.loads(json.dumps(obs))
    other["events"] = [[r[0] + 3.0] + r[1:] for r in events[:6]]
    proj = {"time_format": "hh:mm:ss", "project_name": "therapy", "project_date": "2026-03-01T12:00:00",
            "project_description": "", "project_format_version": "7.0",
            "subjects_conf": {"0": {"key": "1", "name": "client", "description": ""},
                              "1": {"key": "2", "name": "therapist", "description": ""}},
            "behaviors_conf": bconf, "behavioral_categories": sorted({fam(c) for c in codes}),
            "independent_variables": {}, "coding_map": {}, "converters": {},
            "observations": {sid: obs, "pilot rehearsal": other}}
    with open(path, "w") as f:
        json.dump(proj, f, indent=1)


def w_boris9_iv(path, evs, sid):
    """BORIS 9 tabular TSV with three independent variables before Subject, an empty Subject (the
    tabular export's "No focal subject"), Modifier #1 `None` where nothing was chosen."""
    cols = BORIS9_TAB[:9] + ["therapy", "coder", "week"] + BORIS9_TAB[9:] + [
        "Modifier #1", "Behavior type", "Time", "Media file name", "Image index", "Image file path", "Comment"]
    L = ["\t".join(cols)]
    for t, role, code, status, md in boris_bouts(evs):
        L.append("\t".join([sid, "2026-03-02 10:00:00", "session 1", "%.3f" % DUR, "Media file(s)",
                            "player #1:session.mp4", "0.0", "900.000", "25.000", "ISTDP", "MB", "3", "", code, "",
                            str(md.get("significance", "None")), status, "%.3f" % (t / 1000), "session.mp4", "NA",
                            "NA", ""]))
    with open(path, "w", newline="") as f:
        f.write("\n".join(L) + "\n")


def w_boris9_agg_mod(path, evs, sid):
    """BORIS 9 aggregated CSV, CRLF: subjects, independent variables, Modifier #1/#2 columns."""
    cols = ["Observation id", "Observation date", "Description", "Observation type", "Source", "Time offset (s)",
            "Coding duration", "Media duration (s)", "FPS (frame/s)", "therapy", "Subject",
            "Observation duration by subject by observation", "Behavior", "Behavioral category", "Modifier #1",
            "Modifier #2", "Behavior type", "Start (s)", "Stop (s)", "Duration (s)", "Media file name",
            "Image index start", "Image index stop", "Image file path start", "Image file path stop",
            "Comment start", "Comment stop"]
    L = [",".join(cols)]
    for e in sorted(evs, key=lambda e: e[0]):
        pt = e[1] is None
        L.append(",".join([sid, "2026-03-02 10:00:00", "", "Media file", "player #1:session.mp4", "0.0",
                           "%.3f" % DUR, "900.000", "25.000", "ISTDP", e[3], "%.3f" % DUR, e[2], fam(e[2]),
                           str(e[4].get("significance", "None")), str(e[4].get("intensity", "None")),
                           "POINT" if pt else "STATE", "%.3f" % (e[0] / 1000),
                           "%.3f" % ((e[0] if pt else e[1]) / 1000), "NA" if pt else "%.3f" % ((e[1] - e[0]) / 1000),
                           "session.mp4", "NA", "NA", "", "", "", ""]))
    with open(path, "w", newline="") as f:
        f.write("\r\n".join(L) + "\r\n")


def w_boris_legacy_agg(path, evs, sid):
    """BORIS before v8, aggregated: Media file, Total length, FPS, Subject, ..., Modifiers (pipe-joined)."""
    cols = ["Observation id", "Observation date", "Description", "Media file", "Total length", "FPS", "Subject",
            "Behavior", "Behavioral category", "Modifiers", "Behavior type", "Start (s)", "Stop (s)", "Duration (s)",
            "Comment start", "Comment stop"]
    L = ["\t".join(cols)]
    for e in sorted(evs, key=lambda e: e[0]):
        pt = e[1] is None
        L.append("\t".join([sid, "2026-03-02 10:00:00", "", "session.mp4", "900.000", "25.0",
                            "client" if e[3] == "client" else "therapist", e[2], "",
                            "|".join(str(v) for v in e[4].values()), "POINT" if pt else "STATE",
                            "%.3f" % (e[0] / 1000), "%.3f" % ((e[0] if pt else e[1]) / 1000),
                            "NA" if pt else "%.3f" % ((e[1] - e[0]) / 1000), "", ""]))
    with open(path, "w", newline="") as f:
        f.write("\n".join(L) + "\n")


def eaf30_person(evs, rnd):
    """EAF 3.0: PARTICIPANT holds people's names (`Anna K.`, `Dr. Berg`), the tier ids the roles
    (`Client`, `Therapist`); Symbolic_Association significance/intensity; an independent `Client
    notes` tier of free text (not read: one reject row at line 0 counting its annotations)."""
    x = Eaf(rnd)
    cl = x.tier([("LINGUISTIC_TYPE_REF", "default-lt"), ("PARTICIPANT", "Anna K."), ("TIER_ID", "Client")])
    th = x.tier([("LINGUISTIC_TYPE_REF", "default-lt"), ("PARTICIPANT", "Dr. Berg"), ("TIER_ID", "Therapist")])
    sig = x.tier([("LINGUISTIC_TYPE_REF", "sig-lt"), ("PARENT_REF", "Client"), ("PARTICIPANT", "Anna K."),
                  ("TIER_ID", "significance")])
    inten = x.tier([("LINGUISTIC_TYPE_REF", "sig-lt"), ("PARENT_REF", "Client"), ("PARTICIPANT", "Anna K."),
                    ("TIER_ID", "intensity")])
    notes = x.tier([("LINGUISTIC_TYPE_REF", "default-lt"), ("PARTICIPANT", "Anna K."), ("TIER_ID", "Client notes")])
    for e in evs:
        a, _, _ = x.align(cl if e[3] == "client" else th, e[0], end_ms(e), e[2])
        if "significance" in e[4]:
            x.ref(sig, a, str(e[4]["significance"]))
        if "intensity" in e[4]:
            x.ref(inten, a, str(e[4]["intensity"]))
    x.align(notes, 100000, 130000, "talks about her sister")
    x.align(notes, 600000, 640000, "long pause, looks away")
    return x.doc("3.0", [("session.mp4", "video/mp4", 0)], [LT_DEFAULT, LT_SYMASSOC, LANGS[0]] + CONSTRAINTS)


def w_tab_e(path, evs):
    """ELAN tab: tier, numeric participant (101/102), ss.msec begin/end, the value, then the CV
    entry's description column."""
    with open(path, "w", newline="\n") as f:
        for tier, part, b, e, v in tab_rows(evs):
            pnum = "102" if tier == "therapist-codes" else "101"
            desc = "" if tier in ("significance", "intensity") else "code of the project taxonomy"
            f.write("\t".join([tier, pnum, jd(b), jd(e), v, desc]) + "\n")


def w_tab_f(path, evs):
    """ELAN tab: all three formats in every group (hh:mm:ss.ms, ss.msec, msec), tier names with
    non-ASCII letters in ISO-8859-1 (ELAN's encoding option), CRLF."""
    rows = []
    for tier, part, b, e, v in tab_rows(evs):
        tier = {"Client": "Klientin \u00c4u\u00dferungen", "therapist-codes": "Therapeutin Ma\u00dfnahmen"}.get(tier, tier)
        cells = [tier]
        for ms in (b, e, e - b):
            cells += [hms(ms), jd(ms), str(ms)]
        rows.append("\t".join(cells + [v]))
    with open(path, "wb") as f:
        f.write(("\r\n".join(rows) + "\r\n").encode("iso-8859-1"))


def w_csv_noactor(path, evs):
    """Native CSV without an actor column: each code takes its own actor (README Annotations)."""
    with open(path, "w") as f:
        f.write("start,end,code,significance,intensity\n")
        for s, e, code, actor, mods in evs:
            f.write("%.3f,%s,%s,%s,%s\n" % (s / 1000, "" if e is None else "%.3f" % (e / 1000), code,
                                           mods.get("significance", ""), mods.get("intensity", "")))


def eaf30_linked(evs, rnd):
    """EAF 3.0 with a LICENSE before HEADER, a LINKED_FILE_DESCRIPTOR (a physiology CSV) whose
    TIME_ORIGIN is -60000 ms (not the media offset: the video has none), and a CV with an
    EXT_REF whose annotations carry both their value and a CVE_REF."""
    x = Eaf(rnd)
    codes = sorted({e[2] for e in evs})
    cl = x.tier([("LINGUISTIC_TYPE_REF", "codes"), ("PARTICIPANT", "CL"), ("TIER_ID", "CL-codes")])
    th = x.tier([("LINGUISTIC_TYPE_REF", "codes"), ("PARTICIPANT", "TH"), ("TIER_ID", "TH-codes")])
    sig = x.tier([("LINGUISTIC_TYPE_REF", "sig-lt"), ("PARENT_REF", "CL-codes"), ("TIER_ID", "CL significance")])
    inten = x.tier([("LINGUISTIC_TYPE_REF", "sig-lt"), ("PARENT_REF", "CL-codes"), ("TIER_ID", "CL intensity")])
    for e in evs:
        a, _, _ = x.align(cl if e[3] == "client" else th, e[0], end_ms(e), e[2], cve="cve_%d" % codes.index(e[2]))
        if "significance" in e[4]:
            x.ref(sig, a, str(e[4]["significance"]))
        if "intensity" in e[4]:
            x.ref(inten, a, str(e[4]["intensity"]))
    tail = ['  <LINGUISTIC_TYPE CONTROLLED_VOCABULARY_REF="codes-cv" GRAPHIC_REFERENCES="false" '
            'LINGUISTIC_TYPE_ID="codes" TIME_ALIGNABLE="true"/>', LT_SYMASSOC, LANGS[0]] + CONSTRAINTS
    cv = cv_ml("codes-cv", codes)
    cv[0] = '  <CONTROLLED_VOCABULARY CV_ID="codes-cv" EXT_REF="er1">'
    tail += cv
    tail.append('  <EXTERNAL_REF EXT_REF_ID="er1" TYPE="ecv" VALUE="https://example.org/codes.ecv"/>')
    doc = x.doc("3.0", [("session.mp4", "video/mp4", 0)], tail)
    doc = doc.replace('  <HEADER MEDIA_FILE=""',
                      '  <LICENSE LICENSE_URL="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</LICENSE>\n'
                      '  <HEADER MEDIA_FILE=""', 1)
    doc = doc.replace('    <PROPERTY NAME="lastUsedAnnotationId">',
                      '    <LINKED_FILE_DESCRIPTOR LINK_URL="file:///C:/physio/client_eda.csv" MIME_TYPE="text/plain" '
                      'TIME_ORIGIN="-60000" ASSOCIATED_WITH="file:///C:/video/session.mp4"/>\n'
                      '    <PROPERTY NAME="lastUsedAnnotationId">', 1)
    return doc


def w_tab_cols_msec(path, evs):
    """ELAN tab, "Separate column for each tier": header, msec begin/end/duration, one column per
    tier; rows are the intervals between all annotation boundaries, so an annotation spanning
    several intervals (the therapist's turns) fills several rows."""
    tiers = ["Client", "significance", "intensity", "TH-turns", "therapist-codes"]
    spans = []
    for e in evs:
        t = "Client" if e[3] == "client" else ("TH-turns" if e[2] == "TURN_TH" else "therapist-codes")
        spans.append((t, e[0], end_ms(e), e[2]))
        for k in ("significance", "intensity"):
            if k in e[4]:
                spans.append((k, e[0], end_ms(e), str(e[4][k])))
    bounds = sorted({b for _, b, _, _ in spans} | {e for _, _, e, _ in spans})
    rows = ["\t".join(["Begin Time - msec", "End Time - msec", "Duration - msec"] + tiers)]
    for b, e in zip(bounds, bounds[1:]):
        cells = []
        for t in tiers:
            v = [x[3] for x in spans if x[0] == t and x[1] <= b and x[2] >= e]
            cells.append(v[0] if v else "")
        if any(cells):
            rows.append("\t".join([str(b), str(e), str(e - b)] + cells))
    with open(path, "w", newline="\n") as f:
        f.write("\n".join(rows) + "\n")


def w_tab_g(path, evs):
    """ELAN tab: tier and participant ticked but the tiers have none (an empty participant cell),
    ss.msec begin/end/duration, a media header without offset."""
    with open(path, "w", newline="\n") as f:
        f.write("#file:///C:/video/session.mp4\n\n")
        for tier, part, b, e, v in tab_rows(evs):
            f.write("\t".join([tier, "", jd(b), jd(e), jd(e - b), v]) + "\n")


def w_tab_h(path, evs, sid):
    """ELAN tab, multi-file export: tier, ss.msec begin/end, value, file name and path columns; the
    rows of this session's .eaf and, after them, of another session's .eaf (the whole corpus
    exported at once), whose six events must not be read into this session."""
    rows = []
    for name, shift, part in ((sid + ".eaf", 0, evs), ("P07_session_2.eaf", 2500, evs[:6])):
        for tier, _, b, e, v in tab_rows(part):
            rows.append("\t".join([tier, jd(b + shift), jd(e + shift), v, name, "C:\\corpus\\" + name]))
    with open(path, "w", newline="\n") as f:
        f.write("\n".join(rows) + "\n")


def w_tab_jk(path, evs, sid, variant):
    """ELAN tab, multi-file export of this session's .eaf and another's: J names the file in a
    column of its own after the value (no path column); K writes "file name in a row": a quoted
    `"#name.eaf"` and `"#path"` line before each file's rows, a blank line after them."""
    out = []
    for name, shift, part in (("P07_session_2.eaf", 2500, evs[:6]), (sid + ".eaf", 0, evs)):
        if variant == "K":
            out += ['"#%s"' % name, '"#C:\\corpus\\%s"' % name]
        for tier, _, b, e, v in tab_rows(part):
            cells = [tier, hms(b + shift), hms(e + shift), v]
            out.append("\t".join(cells + ([name] if variant == "J" else [])))
        if variant == "K":
            out.append("")
    with open(path, "w", newline="\n") as f:
        f.write("\n".join(out) + "\n")


def w_jsonl_strings(path, evs):
    """Native JSONL with other tools' names (`onset`/`offset`/`label`/`speaker`) and times as
    `mm:ss.fff` strings."""
    with open(path, "w") as f:
        for s, e, code, actor, mods in evs:
            o = {"onset": mmss(s), "label": code, "speaker": actor}
            if e is not None:
                o["offset"] = mmss(e)
            o.update(mods)
            f.write(json.dumps(o) + "\n")


# ------------------------------------------------------------------ sessions

# id, description, files written, what the README says should come out
VARIANTS = [
    ("jsonl", "native JSONL: CL/TH, a modifiers object, notes"),
    ("csv_rich", "native CSV: Onset/Offset/Label/Speaker, mm:ss.fff, code synonyms, channel, Comment, unknown columns coder/confidence"),
    ("eaf27", "EAF 2.7: tiers Client/therapist-codes (no PARTICIPANT), ANNOTATOR, CV_ENTRY text CV, lower case with spaces, Symbolic_Association significance/intensity; + 'RUP_W_DENIAL; client laughs'"),
    ("eaf28", "EAF 2.8: PARTICIPANT Klient/Therapeut on Tier-1/Tier-2, CV_ENTRY_ML, empty values with CVE_REF; + an empty value without CVE_REF"),
    ("eaf30_dep", "EAF 3.0: TH-turns with Symbolic_Subdivision and Time_Subdivision (unaligned slots) children, Included_In significance/intensity"),
    ("eaf30_media", "EAF 3.0: two MEDIA_DESCRIPTORs (video TIME_ORIGIN 3000, wav 1500), tiers patient/Therapeutin, multilingual CV with values"),
    ("eaf30_ml", "EAF 3.0: German-first multilingual CV by CVE_REF with empty values, tier T mapped by codebook actors, intensity 'mittel'"),
    ("tabA", "ELAN tab: tier + participant, hh:mm:ss.ms begin/end/duration, media header with offset (times include it)"),
    ("tabB", "ELAN tab: no tier, no participant, ss.msec begin/end/duration (actors from the codes)"),
    ("tabC", "ELAN tab: tier first, msec begin + duration, no end"),
    ("tabD", "ELAN tab: tier, hh:mm:ss.ms + SMPTE begin/end, file name and path columns after the value"),
    ("boris9_tsv", "BORIS 9 tabular TSV: subjects client/therapist, Modifier #1/#2 (codebook: significance/intensity)"),
    ("boris8_csv", "BORIS tabular CSV: Time offset 5.0 s, two media files (;-joined durations/FPS), subjects Klient/Therapeut, no modifiers"),
    ("boris_legacy", "BORIS pre-v8 tabular: key/value header block, Status column, subjects patient/therapist"),
    ("boris9_agg", "BORIS 9 aggregated TSV, CRLF: No focal subject, Not defined category, POINT with NA duration"),
    ("boris_project", ".boris project JSON: subjects_conf, Point/State events alternating, modifier sets significance/intensity, a second observation"),
    ("boris9_iv", "BORIS 9 tabular TSV: three independent variables, empty Subject (no focal subject), empty category, Modifier #1 'None' (codebook: significance)"),
    ("boris9_agg_mod", "BORIS 9 aggregated CSV, CRLF: subjects client/therapist, an independent variable, Modifier #1/#2 'None' or a value (codebook)"),
    ("boris_legacy_agg", "BORIS pre-v8 aggregated: Media file, Total length, pipe-joined Modifiers"),
    ("eaf30_person", "EAF 3.0: PARTICIPANT people's names, tier ids Client/Therapist carry the role; an independent 'Client notes' tier"),
    ("tabE", "ELAN tab: tier, numeric participant 101/102, ss.msec begin/end, value, CV description column"),
    ("tabF", "ELAN tab: hh:mm:ss.ms + ss.msec + msec in each of begin/end/duration, ISO-8859-1 tier names, CRLF"),
    ("csv_noactor", "native CSV start,end,code,significance,intensity: no actor column"),
    ("eaf28_gz", "EAF 2.8 as eaf28, gzip-compressed (.eaf.gz)"),
    ("boris_project_offset", ".boris project: observation 'time offset' 5.0 s, events on the observation timeline (offset included)"),
    ("eaf30_linked", "EAF 3.0: LICENSE, LINKED_FILE_DESCRIPTOR with TIME_ORIGIN -60000 (not the media's), external-CV EXT_REF, values with CVE_REF"),
    ("tabCols_msec", "ELAN tab, separate column for each tier: msec begin/end/duration, turns split over several rows"),
    ("tabG", "ELAN tab: tier + empty participant cell, ss.msec begin/end/duration, media header without offset"),
    ("eaf_latin1", "EAF 2.8 (as eaf28) declared and written in ISO-8859-1, PARTICIPANT 'Klientin Müller' / 'Therapeutin Groß'"),
    ("boris_project_gz", ".boris.gz: the project as boris_project, gzip-compressed"),
    ("jsonl_strings", "native JSONL: onset/offset/label/speaker, times as mm:ss.fff strings"),
    ("tabH", "ELAN tab multi-file export: file name and path columns, rows of this session's .eaf and of another .eaf"),
    ("boris_project_live", ".boris project with a LIVE observation (events of five elements, no frame index)"),
    ("boris9_live", "BORIS 9 tabular TSV of a live observation: Source, media duration, FPS and media file NA"),
    ("tabI", "ELAN tab: tier, numeric participant 101/102, msec begin + duration, no end"),
    ("tabJ", "ELAN tab multi-file export, file name column only: another .eaf's rows first, then this session's"),
    ("tabK", "ELAN tab multi-file export, 'file name in a row': quoted #name and #path lines before each file's rows"),
]


def main():
    seed = int(sys.argv[1])
    outdir = sys.argv[2]
    root = os.path.join(outdir, "sessions")
    os.makedirs(root, exist_ok=True)
    rnd = random.Random(seed)
    media = datetime(2026, 3, 2, 10, 0, 0, tzinfo=timezone(timedelta(hours=1)))
    lead_c, lead_t = 60.0, 45.0
    # one physiology for every session (copied), so only the coding differs
    phys = os.path.join(outdir, "phys")
    tc3.gen_e4(os.path.join(phys, "client_e4"), random.Random(seed * 1000), media.timestamp(), lead_c, DUR, [], 70, 2.0)
    tc3.gen_e4(os.path.join(phys, "therapist_e4"), random.Random(seed * 1000 + 1), media.timestamp(), lead_t, DUR, [], 72, 3.0)
    plan = {"seed": seed, "duration_s": DUR, "events": [
        {"start_s": s / 1000, "end_s": None if e is None else e / 1000, "code": c, "actor": a, "mods": m}
        for s, e, c, a, m in EVENTS], "expect": EXPECT, "sessions": []}
    for i, (vid, desc) in enumerate(VARIANTS):
        sid = "TH%d-%02d-%s" % (seed, i + 1, vid)
        folder = os.path.join(root, sid)
        os.makedirs(folder, exist_ok=True)
        for w in ("client_e4", "therapist_e4"):
            os.makedirs(os.path.join(folder, w), exist_ok=True)
            for fn in os.listdir(os.path.join(phys, w)):
                with open(os.path.join(phys, w, fn), "rb") as a, open(os.path.join(folder, w, fn), "wb") as b:
                    b.write(a.read())
        evs = list(EVENTS)
        codebook = None
        rejects = []  # (reason substring or None, why)
        mods = True  # significance/intensity expected in annotations
        point_end = True  # a point may come back with a 40 ms end (ELAN has no points)
        fn = None
        p = lambda n: os.path.join(folder, n)
        if vid == "jsonl":
            fn = "codes.jsonl"; w_jsonl(p(fn), evs); point_end = False
        elif vid == "csv_rich":
            fn = "codes.csv"; w_csv_rich(p(fn), evs); point_end = False
            rejects.append(("were dropped", "unknown columns coder, confidence: dropped by the allow-list, one note (README Privacy)"))
        elif vid == "eaf27":
            fn = "coding27.eaf"; open(p(fn), "w").write(eaf27(evs, rnd))
            rejects.append(("maps to no canonical code", "'RUP_W_DENIAL; client laughs' maps to no code: a reject, never dropped silently (README Codebook)"))
        elif vid == "eaf28":
            fn = "coding28.eaf"; open(p(fn), "w").write(eaf28(evs, rnd))
            rejects.append(("empty annotation value", "an empty value without CVE_REF: a reject (no code)"))
        elif vid == "eaf30_dep":
            fn = "turns.eaf"; open(p(fn), "w").write(eaf30_dep(evs, rnd))
        elif vid == "eaf30_media":
            fn = "media2.eaf"; open(p(fn), "w").write(eaf30_media(evs, rnd, 3000))
        elif vid == "eaf30_ml":
            fn = "multi.eaf"; open(p(fn), "w").write(eaf30_ml(evs, rnd))
            # `mittel` in an intensity tier without a CV: read through the codebook's modifier_values
            codebook = {"actors": {"T": "therapist"},
                        "modifier_values": {"intensity": {"leicht": 1, "mittel": 2, "stark": 3}}}
        elif vid == "boris9_iv":
            fn = "boris_iv.tsv"; w_boris9_iv(p(fn), evs, sid); point_end = False; mods = "significance"
            codebook = {"modifiers": {"modifier_1": "significance"}}
        elif vid == "boris9_agg_mod":
            fn = "boris_agg.csv"; w_boris9_agg_mod(p(fn), evs, sid); point_end = False
            codebook = {"modifiers": {"modifier_1": "significance", "modifier_2": "intensity"}}
        elif vid == "boris_legacy_agg":
            fn = "boris_legacy_agg.tsv"; w_boris_legacy_agg(p(fn), evs, sid); point_end = False; mods = False
            rejects.append(("were dropped", "pipe-joined Modifiers are modifier_1 values: off the allow-list without a codebook, one note"))
        elif vid == "eaf30_person":
            fn = "persons.eaf"; open(p(fn), "w").write(eaf30_person(evs, rnd))
            rejects.append(("free text", "the independent 'Client notes' tier: one reject row at line 0 counting its 2 annotations"))
        elif vid == "tabE":
            fn = "export_tabE.txt"; w_tab_e(p(fn), evs)
        elif vid == "tabF":
            fn = "export_tabF.txt"; w_tab_f(p(fn), evs)
        elif vid == "csv_noactor":
            fn = "codes_noactor.csv"; w_csv_noactor(p(fn), evs); point_end = False
        elif vid == "boris_project_offset":
            fn = "study.boris"; w_boris_project(p(fn), evs, sid, offset=5.0); point_end = False
            rejects.append(("not read", "the second observation (not this session's id): one reject row (README BORIS)"))
        elif vid == "eaf30_linked":
            fn = "linked.eaf"; open(p(fn), "w").write(eaf30_linked(evs, rnd))
        elif vid == "tabCols_msec":
            fn = "export_columns.txt"; w_tab_cols_msec(p(fn), evs)
        elif vid == "tabG":
            fn = "export_tabG.txt"; w_tab_g(p(fn), evs)
        elif vid == "eaf_latin1":
            fn = "kodierung.eaf"
            doc = eaf28(evs, rnd).replace('encoding="UTF-8"', 'encoding="ISO-8859-1"')
            doc = doc.replace('PARTICIPANT="Klient"', 'PARTICIPANT="Klientin M\u00fcller"')
            doc = doc.replace('PARTICIPANT="Therapeut"', 'PARTICIPANT="Therapeutin Gro\u00df"')
            open(p(fn), "wb").write(doc.encode("iso-8859-1"))
            rejects.append(("empty annotation value", "an empty value without CVE_REF: a reject (no code)"))
        elif vid == "boris_project_gz":
            import gzip
            fn = "study.boris.gz"
            w_boris_project(p("tmp.boris"), evs, sid)
            with open(p("tmp.boris"), "rb") as a, gzip.open(p(fn), "wb") as b:
                b.write(a.read())
            os.remove(p("tmp.boris")); point_end = False
            rejects.append(("not read", "the second observation (not this session's id): one reject row (README BORIS)"))
        elif vid == "jsonl_strings":
            fn = "codes_strings.jsonl"; w_jsonl_strings(p(fn), evs); point_end = False
        elif vid == "tabH":
            fn = "corpus_export.txt"; w_tab_h(p(fn), evs, sid)
            rejects.append(("multi-file ELAN export", "README silent before this audit; as for BORIS's several observations: the other .eaf's rows are not read (one reject)"))
        elif vid in ("tabJ", "tabK"):
            fn = "corpus_%s.txt" % vid; w_tab_jk(p(fn), evs, sid, vid[-1])
            rejects.append(("multi-file ELAN export", "the other .eaf's rows: one reject, not read"))
        elif vid == "boris_project_live":
            fn = "live.boris"; w_boris_project(p(fn), evs, sid, live=True); point_end = False
            rejects.append(("not read", "the second observation (not this session's id): one reject row (README BORIS)"))
        elif vid == "boris9_live":
            fn = "boris_live.tsv"; w_boris9_live(p(fn), evs, sid); point_end = False; mods = False
        elif vid == "eaf28_gz":
            import gzip
            fn = "coding28.eaf.gz"
            with gzip.open(p(fn), "wt") as f:
                f.write(eaf28(evs, rnd))
            rejects.append(("empty annotation value", "an empty value without CVE_REF: a reject (no code)"))
        elif vid in ("tabA", "tabB", "tabC", "tabD", "tabI"):
            fn = "export_%s.txt" % vid
            w_tab(p(fn), evs, vid[-1])
            if vid == "tabB":
                mods = False
        elif vid == "boris9_tsv":
            fn = "boris_events.tsv"; w_boris9_tab(p(fn), evs, sid); point_end = False
            codebook = {"modifiers": {"modifier_1": "significance", "modifier_2": "intensity"}}
        elif vid == "boris8_csv":
            fn = "boris_events.csv"
            w_boris9_tab(p(fn), evs, sid, sep=",", subjects=("Klient", "Therapeut"), offset=5.0,
                         media=(("part1.mp4", 600.0), ("part2.mp4", 400.0)), mods=False)
            mods = False; point_end = False
        elif vid == "boris_legacy":
            fn = "boris_legacy.tsv"; w_boris_legacy(p(fn), evs, sid); mods = False; point_end = False
        elif vid == "boris9_agg":
            fn = "boris_aggregated.tsv"; w_boris9_agg(p(fn), evs, sid); mods = False; point_end = False
        elif vid == "boris_project":
            fn = "study.boris"; w_boris_project(p(fn), evs, sid); point_end = False
            rejects.append(("not read", "the second observation (not this session's id): one reject row (README BORIS)"))
        sj = {"session_id": sid, "therapist_id": "TR1", "client_id": "client-13-%d" % i, "session_number": i + 1,
              "media_start": media.isoformat(), "wearables": {"client": "client_e4", "therapist": "therapist_e4"},
              "annotations": [fn], "consent": {"supervision": True, "research": True}, "duration_s": DUR}
        if codebook:
            json.dump(codebook, open(p("codebook.json"), "w"), indent=1)
            sj["codebook"] = "codebook.json"
        json.dump(sj, open(p("session.json"), "w"), indent=1)
        plan["sessions"].append({"session_id": sid, "variant": vid, "description": desc, "file": fn,
                                 "expect_modifiers": mods, "point_may_have_end": point_end,
                                 "expected_rejects": [{"match": m, "why": w} for m, w in rejects]})
    json.dump(plan, open(os.path.join(outdir, "plan.json"), "w"), indent=1)
    print("seed %d: %d sessions in %s" % (seed, len(VARIANTS), root))


if __name__ == "__main__":
    main()
