#!/usr/bin/env python3
"""Twenty-first independent cohort: identity canaries in every place an input can carry text.

Usage: python3 gen.py SEED DIR      writes DIR/sessions/, DIR/site.key, DIR/kafka-messages.txt
                                    (for Send.java) and DIR/plan.json

14 session folders of 5.5-minute sessions (the seventh cohort's physiology, imported from
../seventh-cohort/gen.py), each coded in one or more formats (JSONL, CSV, ELAN .eaf, ELAN tab
export, BORIS events export, BORIS project; one wearer an E4 Connect zip) with six valid events,
files the parsers refuse, and 13 hand-made Kafka messages; unique canaries (CANARY_<place>) and a
realistic name (Jane Doe) planted in every place the README's input contract lets a coder or a
device type text: session.json extra fields, nested objects, invalid values of known fields, a key
holding a name; annotation notes, comments, unknown columns, modifiers off the allow-list,
free-text labels and actors, tier names, participants, annotators, CV descriptions, header
properties, media URLs, BORIS subjects, observation ids, descriptions, independent variables,
media paths; E4 data lines, info.txt, tags.csv, zip entry names and the zip comment. Raw client ids
are CLIENTRAW_<n>. Folder and file names carry the client's name as jane_doe / Jane-Doe (a path
token, searched separately: README says paths are kept in the supervision tables only).
plan.json lists every plant with its place. Written from the README and DOMAIN.md section 1 alone.
"""
import importlib.util
import io
import json
import os
import random
import sys
import zipfile
from datetime import datetime, timedelta, timezone

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location("seventh_gen", os.path.join(HERE, "..", "seventh-cohort", "gen.py"))
S7 = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(S7)

DURATION = 330
ONSET = 100.0
NAME = "Jane Doe"


def events():
    return [
        {"start": 60.0, "end": None, "code": "RUP_W_MINIMAL", "actor": "client", "sig": 3},
        {"start": 81.5, "end": None, "code": "INT_VALIDATION", "actor": "therapist", "sig": None},
        {"start": ONSET + 45.0, "end": None, "code": "ANX_STR_SIGH", "actor": "client", "sig": None},
        {"start": ONSET + 70.0, "end": ONSET + 85.0, "code": "ANX_STR_HANDS", "actor": "client", "sig": None},
        {"start": ONSET + 95.0, "end": None, "code": "INT_EXPLORE_FEELING", "actor": "therapist", "sig": None},
        {"start": 280.0, "end": None, "code": "RES_INVITE_DISCUSS_RELATIONSHIP", "actor": "therapist", "sig": None},
    ]


class Cohort:
    def __init__(self, seed, root):
        self.rng = random.Random(seed)
        self.root = root
        self.sess = os.path.join(root, "sessions")
        self.plants = []
        self.sessions = []
        self.k = 0

    def plant(self, canary, where, expect="in no output"):
        self.plants.append({"canary": canary, "where": where, "expect": expect})
        return canary

    def e4(self, d, mu, t0, t1, ep):
        w = S7.Wearer(self.rng, t0, t1, ep)
        return S7.e4_files(w, mu + t0)

    def session(self, folder, sid, files, wearer="client", wearer_files=None, sj_extra=None, zip_bytes=None):
        k = self.k
        self.k += 1
        d = os.path.join(self.sess, folder)
        os.makedirs(d, exist_ok=True)
        media = datetime(2026, 3, 2, 9, 0, tzinfo=timezone(timedelta(hours=1))) + timedelta(days=k)
        mu = media.timestamp()
        t0, t1 = -30, DURATION + 20
        e4 = self.e4(d, mu, t0, t1, (ONSET, 30.0, 90.0, 40.0))
        if wearer_files:
            wearer_files(e4)
        if zip_bytes is not None:
            wz = zip_bytes(e4)
            open(os.path.join(d, wearer), "wb").write(wz)
        else:
            os.makedirs(os.path.join(d, wearer), exist_ok=True)
            for fn, L in e4.items():
                data = L if isinstance(L, (bytes, str)) else "".join(L)
                mode = "wb" if isinstance(data, bytes) else "w"
                with open(os.path.join(d, wearer, fn), mode) as f:
                    f.write(data)
        for fn, text in files.items():
            with open(os.path.join(d, fn), "wb") as f:
                f.write(text.encode("utf-8") if isinstance(text, str) else text)
        sj = {"session_id": sid, "therapist_id": "T01", "client_id": "CLIENTRAW_%d" % (k + 1),
              "session_number": 1 + k, "media_start": media.isoformat(), "duration_s": DURATION,
              "wearables": {"client": wearer}, "annotations": sorted(files),
              "consent": {"supervision": True, "research": True}}
        self.plant("CLIENTRAW_%d" % (k + 1), "%s/session.json client_id" % folder, "never raw; client_key only")
        sj.update(sj_extra or {})
        with open(os.path.join(d, "session.json"), "w", encoding="utf-8") as f:
            f.write(json.dumps(sj, indent=2, ensure_ascii=False) + "\n")
        self.sessions.append({"folder": folder, "session_id": sid})

    def put(self, rel, data):
        p = os.path.join(self.sess, rel)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        with open(p, "wb") as f:
            f.write(data.encode("utf-8") if isinstance(data, str) else data)


def jsonl_file(c):
    P = c.plant
    lines = []
    for i, e in enumerate(events()):
        o = {"start": e["start"], "code": e["code"], "actor": e["actor"]}
        if e["end"] is not None:
            o["end"] = e["end"]
        if e["sig"]:
            o["significance"] = e["sig"]
        if i == 0:
            o["note"] = P("CANARY_JSONL_NOTE " + NAME, "codes.jsonl note field of a valid event")
        if i == 1:
            o["coder"] = P("CANARY_JSONL_EXTRA", "codes.jsonl unknown field 'coder' of a valid event")
        if i == 2:
            o["therapist_name"] = P("CANARY_JSONL_MODKEY", "codes.jsonl modifier key off the allow-list")
        if i == 3:
            o["intensity"] = P("CANARY_JSONL_MODVAL", "codes.jsonl allowed modifier key with free text")
        lines.append(json.dumps(o) + "\n")
    lines.append(json.dumps({"start": 120.0, "code": "ANX_STR_SIGH", "actor": "client",
                             "meta": {"who": P("CANARY_JSONL_NESTED", "codes.jsonl nested object field")}}) + "\n")
    lines.append('{"start": 130.0, "code": "ANX_STR_SIGH", "actor": "client", "note": "%s\n'
                 % P("CANARY_JSONL_BROKEN " + NAME, "codes.jsonl broken line (no closing brace)"))
    lines.append(json.dumps({"start": 140.0, "code": P("CANARY_JSONL_CODE", "codes.jsonl free text as code"),
                             "actor": "client"}) + "\n")
    lines.append(json.dumps({"start": 150.0, "code": "ANX_STR_SIGH",
                             "actor": P("CANARY_JSONL_ACTOR", "codes.jsonl a name as actor")}) + "\n")
    lines.append(json.dumps({"start": P("CANARY_JSONL_START", "codes.jsonl a name as start"),
                             "code": "ANX_STR_SIGH", "actor": "client"}) + "\n")
    lines.append(json.dumps({P("CANARY_JSONL_KEYNAME", "codes.jsonl a field whose key is a name"): 1,
                             "start": 160.0, "code": "ANX_STR_HANDS", "actor": "client"}) + "\n")
    return "".join(lines)


def csv_file(c):
    P = c.plant
    out = ["start,end,code,actor,significance,note,comment,notes,client_name,therapist_name,intensity\n"]
    for i, e in enumerate(events()):
        out.append("%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s\n" % (
            e["start"], "" if e["end"] is None else e["end"], e["code"], e["actor"], e["sig"] or "",
            P("CANARY_CSV_NOTE_%d" % i, "codes csv note column") if i in (0, 1) else "",
            P("CANARY_CSV_COMMENT", "codes csv comment column") if i == 2 else "",
            P("CANARY_CSV_NOTES", "codes csv notes column") if i == 3 else "",
            P("CANARY_CSV_UNKNOWNCOL", "codes csv unknown column client_name") if i == 4 else "",
            P("CANARY_CSV_MODKEY", "codes csv modifier column off the allow-list") if i == 5 else "",
            P("CANARY_CSV_INTENS", "codes csv allowed modifier column with free text") if i == 0 else ""))
    out.append("5,115,BASELINE,dyad,,,,,,,\n")  # a usable coded baseline: its source text may name this file
    out.append("170,,%s,client,,,,,,,\n" % P("CANARY_CSV_CODE", "codes csv free text as code"))
    out.append("171,,ANX_STR_SIGH,%s,,,,,,,\n" % P("CANARY_CSV_ACTOR", "codes csv name as actor"))
    out.append("%s,,ANX_STR_SIGH,client,,,,,,,\n" % P("CANARY_CSV_START", "codes csv name as start"))
    return "".join(out)


def eaf_file(c):
    P = c.plant
    evs = events()
    slots, x = [], []
    for i, e in enumerate(evs):
        b = int(e["start"] * 1000)
        en = int((e["end"] if e["end"] is not None else e["start"] + 0.04) * 1000)
        slots += [("ts%d" % (2 * i + 1), b), ("ts%d" % (2 * i + 2), en)]
    slots += [("ts90", 200000), ("ts91", 201000), ("ts92", 210000), ("ts93", 211000), ("ts94", 220000), ("ts95", 221000), ("ts96", 300000), ("ts97", 310000)]
    x.append('<?xml version="1.0" encoding="UTF-8"?>')
    x.append('<ANNOTATION_DOCUMENT AUTHOR="%s" DATE="2026-03-02T11:00:00+01:00" FORMAT="3.0" VERSION="3.0">'
             % P("CANARY_EAF_AUTHOR", "eaf AUTHOR attribute"))
    x.append('    <HEADER MEDIA_FILE="" TIME_UNITS="milliseconds">')
    x.append('        <MEDIA_DESCRIPTOR MEDIA_URL="file:///Users/sup/Clients/Jane_Doe_%s/session.mp4" MIME_TYPE="video/mp4" '
             'RELATIVE_MEDIA_URL="./%s.mp4"/>' % (P("CANARY_EAF_MEDIAURL", "eaf MEDIA_URL path"),
                                                    P("CANARY_EAF_RELMEDIA", "eaf RELATIVE_MEDIA_URL")))
    x.append('        <PROPERTY NAME="%s">%s</PROPERTY>' % (P("CANARY_EAF_PROPNAME", "eaf HEADER PROPERTY name"),
                                                         P("CANARY_EAF_PROPVAL", "eaf HEADER PROPERTY value")))
    x.append("    </HEADER>")
    x.append("    <TIME_ORDER>")
    for s, v in slots:
        x.append('        <TIME_SLOT TIME_SLOT_ID="%s" TIME_VALUE="%d"/>' % (s, v))
    x.append("    </TIME_ORDER>")
    aid = 0
    for actor in ("client", "therapist"):
        ann = P("CANARY_EAF_ANNOTATOR_%s" % actor, "eaf ANNOTATOR attribute of a coded tier")
        x.append('    <TIER ANNOTATOR="%s" LINGUISTIC_TYPE_REF="codes" PARTICIPANT="%s" TIER_ID="%s">' % (ann, actor, actor))
        for i, e in enumerate(evs):
            if e["actor"] != actor:
                continue
            aid += 1
            x.append('        <ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID="a%d" TIME_SLOT_REF1="ts%d" TIME_SLOT_REF2="ts%d">'
                     '<ANNOTATION_VALUE>%s</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION>' % (aid, 2 * i + 1, 2 * i + 2, e["code"]))
        if actor == "client":
            x.append('        <ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID="a50" TIME_SLOT_REF1="ts90" TIME_SLOT_REF2="ts91">'
                     '<ANNOTATION_VALUE>%s</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION>'
                     % P("CANARY_EAF_VALUE " + NAME, "eaf free text as an annotation value on a coded tier"))
        x.append("    </TIER>")
    x.append('    <TIER LINGUISTIC_TYPE_REF="codes" PARTICIPANT="dyad" TIER_ID="baseline">')
    x.append('        <ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID="a60" TIME_SLOT_REF1="ts96" TIME_SLOT_REF2="ts97">'
             '<ANNOTATION_VALUE>BASELINE</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION>')
    x.append("    </TIER>")
    x.append('    <TIER LINGUISTIC_TYPE_REF="codes" PARTICIPANT="%s" TIER_ID="%s">'
             % (P("CANARY_EAF_PARTICIPANT", "eaf PARTICIPANT of a name-tier"), P("CANARY_EAF_TIER " + NAME, "eaf tier name")))
    x.append('        <ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID="a51" TIME_SLOT_REF1="ts92" TIME_SLOT_REF2="ts93">'
             '<ANNOTATION_VALUE>ANX_STR_SIGH</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION>')
    x.append("    </TIER>")
    x.append('    <TIER LINGUISTIC_TYPE_REF="notes" PARTICIPANT="client" TIER_ID="Notes">')
    x.append('        <ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID="a52" TIME_SLOT_REF1="ts94" TIME_SLOT_REF2="ts95">'
             '<ANNOTATION_VALUE>%s</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION>' % P("CANARY_EAF_NOTE " + NAME, "eaf Notes tier value"))
    x.append("    </TIER>")
    x.append('    <TIER LINGUISTIC_TYPE_REF="notes" PARTICIPANT="therapist" TIER_ID="comment">')
    x.append('        <ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID="a53" TIME_SLOT_REF1="ts1" TIME_SLOT_REF2="ts2">'
             '<ANNOTATION_VALUE>%s</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION>' % P("CANARY_EAF_COMMENT", "eaf comment tier value"))
    x.append("    </TIER>")
    x.append('    <LINGUISTIC_TYPE CONTROLLED_VOCABULARY_REF="cv" GRAPHIC_REFERENCES="false" LINGUISTIC_TYPE_ID="codes" TIME_ALIGNABLE="true"/>')
    x.append('    <LINGUISTIC_TYPE GRAPHIC_REFERENCES="false" LINGUISTIC_TYPE_ID="notes" TIME_ALIGNABLE="true"/>')
    x.append('    <LANGUAGE LANG_DEF="http://cdb.iso.org/lg/CDB-00130975-001" LANG_ID="eng" LANG_LABEL="English (eng)"/>')
    x.append('    <CONTROLLED_VOCABULARY CV_ID="cv">')
    x.append('        <DESCRIPTION LANG_REF="eng">%s</DESCRIPTION>' % P("CANARY_EAF_CVDESC", "eaf CV description"))
    for j, code in enumerate(sorted({e["code"] for e in evs} | {"ANX_STR_SIGH"})):
        x.append('        <CV_ENTRY_ML CVE_ID="cve%d"><CVE_VALUE DESCRIPTION="%s" LANG_REF="eng">%s</CVE_VALUE></CV_ENTRY_ML>'
                 % (j, P("CANARY_EAF_CVEDESC_%d" % j, "eaf CV entry description"), code))
    x.append("    </CONTROLLED_VOCABULARY>")
    x.append("</ANNOTATION_DOCUMENT>")
    return "\n".join(x) + "\n"


def tab_file(c):
    P = c.plant
    out = []
    for i, e in enumerate(S7.elan_tab_lines(events())):
        cells = e.rstrip("\n").split("\t")
        if i == 0:
            cells[1] = P("CANARY_TAB_PARTICIPANT", "ELAN tab export participant column")
        out.append("\t".join(cells) + "\n")
    b = 230000
    out.append("\t".join([P("CANARY_TAB_TIER " + NAME, "ELAN tab export tier name"), "", S7.hms(b), "230.0", S7.hms(b + 40), "230.04",
                          S7.hms(40), "0.04", "ANX_STR_SIGH"]) + "\n")
    out.append("\t".join(["client", "client", S7.hms(b + 1000), "231.0", S7.hms(b + 1040), "231.04", S7.hms(40), "0.04",
                          P("CANARY_TAB_VALUE", "ELAN tab export free text value")]) + "\n")
    out.append("\t".join(["comment", "client", S7.hms(b + 2000), "232.0", S7.hms(b + 2040), "232.04", S7.hms(40), "0.04",
                          P("CANARY_TAB_COMMENT " + NAME, "ELAN tab export comment tier row")]) + "\n")
    return "".join(out)


def boris_file(c, sid):
    P = c.plant
    lines, rows = S7.boris_lines(events(), sid)
    head = lines[0].rstrip("\n").split("\t")
    head.insert(3, "Client name")  # an independent variable column
    head.append("Modifiers")
    out = ["\t".join(head) + "\n"]
    for n, L in enumerate(lines[1:]):
        cells = L.rstrip("\n").split("\t")
        cells[2] = P("CANARY_BORIS_DESC", "BORIS Description column")
        cells.insert(3, P("CANARY_BORIS_INDEPVAR " + NAME, "BORIS independent variable column"))
        cells[15] = "/Users/sup/%s.mp4" % P("CANARY_BORIS_MEDIA", "BORIS media file path")
        cells[-1] = P("CANARY_BORIS_COMMENT", "BORIS Comment column") if n == 0 else ""
        cells.append(P("CANARY_BORIS_MOD", "BORIS free-text modifier") if n == 1 else "")
        out.append("\t".join(cells) + "\n")
    base = out[1].rstrip("\n").split("\t")
    r = list(base)
    r[10] = P("CANARY_BORIS_SUBJECT " + NAME, "BORIS Subject name")
    r[14] = "235.000"
    r[-1] = ""
    out.append("\t".join(r) + "\n")
    r = list(base)
    r[0] = P("CANARY_BORIS_OBSID " + NAME, "BORIS observation id (another observation)")
    r[14] = "236.000"
    r[-1] = ""
    out.append("\t".join(r) + "\n")
    r = list(base)
    r[11] = P("CANARY_BORIS_BEHAVIOR", "BORIS free text as behaviour")
    r[14] = "237.000"
    r[-1] = ""
    out.append("\t".join(r) + "\n")
    return "".join(out)


def boris_project(c, sid):
    P = c.plant
    evs = events()
    fam = {"RUP": "rupture", "RES": "resolution", "INT": "intervention", "ANX": "anxiety"}
    codes = sorted({e["code"] for e in evs})
    bconf = {}
    for i, code in enumerate(codes):
        point = any(e["code"] == code and e["end"] is None for e in evs)
        bconf[str(i)] = {"type": "Point event" if point else "State event", "key": chr(97 + i), "code": code,
                         "description": P("CANARY_BORISP_BDESC_%d" % i, ".boris behaviour description"),
                         "category": fam[code[:3]],
                         "modifiers": {"0": {"name": "note", "type": 1, "values": []}} if i == 0 else {},
                         "excluded": "", "coding map": ""}
    rows = []
    for n, e in enumerate(evs):
        mod = P("CANARY_BORISP_MOD", ".boris free-text modifier value") if e["code"] == codes[0] else ""
        com = P("CANARY_BORISP_COMMENT " + NAME, ".boris event comment") if n == 2 else ""
        rows.append([e["start"], e["actor"], e["code"], mod, com, 0])
        if e["end"] is not None:
            rows.append([e["end"], e["actor"], e["code"], mod, "", 0])
    rows.append([238.0, P("CANARY_BORISP_EVSUBJ", ".boris event subject not in subjects_conf"), "ANX_STR_SIGH", "", "", 0])
    rows.sort(key=lambda r: r[0])
    media = "/Users/sup/Clients/%s Jane Doe.mp4" % P("CANARY_BORISP_MEDIA", ".boris media file path")
    obs = {"type": "MEDIA", "date": "2026-03-02T10:00:00", "description": P("CANARY_BORISP_DESC " + NAME, ".boris observation description"),
           "time offset": 0.0, "file": {"1": [media], "2": []},
           "independent_variables": {"client": P("CANARY_BORISP_INDEP", ".boris observation independent variable")},
           "media_info": {"length": {media: float(DURATION)}, "fps": {media: 25.0},
                          "hasVideo": {media: True}, "hasAudio": {media: True}, "offset": {"1": 0.0}},
           "close_behaviors_between_videos": False, "visualize_spectrogram": False, "events": rows}
    other = dict(obs)
    other["events"] = [[50.0, "client", "ANX_STR_SIGH", "", "", 0]]
    other["description"] = ""
    proj = {"time_format": "hh:mm:ss", "project_name": P("CANARY_BORISP_PROJNAME", ".boris project name"),
            "project_date": "2026-03-01T12:00:00",
            "project_description": P("CANARY_BORISP_PROJDESC", ".boris project description"), "project_format_version": "7.0",
            "subjects_conf": {"0": {"key": "1", "name": "client", "description": P("CANARY_BORISP_SUBJDESC", ".boris subject description")},
                              "1": {"key": "2", "name": "therapist", "description": ""},
                              "2": {"key": "3", "name": P("CANARY_BORISP_SUBJECT " + NAME, ".boris subject name (unused)"), "description": ""}},
            "behaviors_conf": bconf, "behavioral_categories": sorted(set(fam.values())),
            "independent_variables": {"0": {"label": "client", "description": P("CANARY_BORISP_IVDESC", ".boris independent variable description"),
                                            "type": "text", "default value": "", "possible values": ""}},
            "coding_map": {}, "converters": {},
            "observations": {sid: obs, P("CANARY_BORISP_OBSID " + NAME, ".boris second observation id"): other}}
    return json.dumps(proj, indent=1) + "\n"


def damaged(c):
    """Damaged files whose parser messages could quote the token where they failed."""
    P = c.plant
    ev = "".join(S7.jsonl_lines(events()))
    eaf = S7.eaf_text(events())[0]
    # P10: session.json that is not JSON, a bare name where a value belongs
    c.session("P10", "P10", {"codes.jsonl": ev})
    c.put("P10/session.json", '{"session_id": "P10", "therapist_id": "T01", "client_id": %s, "session_number": 1}\n'
          % P("Jane_CANARY_SJ_BARE", "P10/session.json a bare token (not JSON)"))
    # P11: session.json with a field given twice, a name as the key given twice, a bare name in an array
    c.session("P11", "P11", {"codes.jsonl": ev})
    sj = open(os.path.join(c.sess, "P11", "session.json")).read().rstrip().rstrip("}")
    k = P("CANARY_SJ_DUPKEY", "P11/session.json an unknown key given twice")
    c.put("P11/session.json", sj + ',\n  "%s": 1,\n  "%s": 2,\n  "client_id": "%s"\n}\n'
          % (k, k, P("CLIENTRAW_DUP", "P11/session.json client_id given twice (second value)")))
    # P12: ELAN files a parser refuses: undeclared entity, mismatched tag, bad attribute; a codebook
    # and a BORIS project with bare tokens
    c.session("P12", "P12", {"a.eaf": eaf.replace(">ANX_STR_SIGH<", ">&%s;<" % P("CANARY_XML_ENT", "a.eaf undeclared entity reference"), 1),
                             "b.eaf": eaf.replace("</ANNOTATION_VALUE>", "</%s>" % P("CANARY_XML_TAG", "b.eaf mismatched end tag"), 1),
                             "c.eaf": eaf.replace("<TIER ", '<TIER %s=x ' % P("CANARY_XML_ATTR", "c.eaf unquoted attribute"), 1),
                             "d.eaf": eaf.replace("<TIME_ORDER>", "<TIME_ORDER>%s" % P("CANARY_XML_TEXT", "d.eaf cut inside text"))[:eaf.index("<TIME_ORDER>") + 40],
                             "e.eaf": eaf.replace('TIME_VALUE="60000"', 'TIME_VALUE="%s"' % P("CANARY_XML_TIMEVAL", "e.eaf a name as TIME_VALUE")),
                             "f.boris": '{"project_name": %s}\n' % P("Jane_CANARY_BORISP_BARE", "f.boris a bare token"),
                             "g.jsonl": '{"start": 10, "code": "ANX_STR_SIGH", "actor": "client", "%s": 1, "%s": 2}\n'
                                        % (P("CANARY_JSONL_DUPKEY", "g.jsonl a key given twice"), "CANARY_JSONL_DUPKEY") +
                                        '{"start": 11, "code": "ANX_STR_SIGH", "actor": %s}\n' % P("Jane_CANARY_JSONL_BARE", "g.jsonl a bare token"),
                             "h.csv": "start,end,code,actor,%s,%s\n10,,ANX_STR_SIGH,client,1,2\n"
                                      % (P("CANARY_CSV_DUPCOL", "h.csv a column named twice"), "CANARY_CSV_DUPCOL") ,
                             "i.csv": 'start,end,code,actor,note\n10,,ANX_STR_SIGH,client,"%s\n' % P("CANARY_CSV_OPENQUOTE " + NAME, "i.csv an unclosed quote"),
                             "j.tsv": "\t".join(["Observation id", P("CANARY_BORIS_HEADER", "j.tsv a name as a BORIS column header"), "Subject", "Behavior",
                                                  "Behavior type", "Time"]) + "\nP12\tx\tclient\tANX_STR_SIGH\tPOINT\t10.0\n",
                             "k.txt": "\t".join([P("CANARY_TAB_COLTIER", "k.txt ELAN tab separate-column header tier name"), "Begin Time - msec", "End Time - msec"])
                                      + "\n1\t1000\t2000\n",
                             "l.csv": "%s,end,code,actor\n10,,ANX_STR_SIGH,client\n" % P("CANARY_CSV_STARTCOL", "l.csv a name where the start header belongs")},
              sj_extra={"codebook": "codebook.json"})
    c.put("P12/codebook.json", '{"labels": {"sigh": %s}}\n' % P("Jane_CANARY_CB_BARE", "codebook a bare token"))

    # P13: E4 headers with a name, an IBI header with a name, a gz with a name inside a damaged stream
    def w13(e4):
        e4["EDA.csv"][0] = P("CANARY_E4_HEADER " + NAME, "EDA.csv start row holding a name") + "\n"
        e4["TEMP.csv"][1] = P("CANARY_E4_RATE", "TEMP.csv rate row holding a name") + "\n"
        e4["IBI.csv"][0] = e4["IBI.csv"][0].replace("IBI", P("CANARY_E4_IBIHDR", "IBI.csv header word holding a name"))
        e4["ACC.csv"][500] = "1,2,%s\n" % P("CANARY_E4_ACC", "ACC.csv third column a name")
        e4["HR.csv"][50] = "%s\n" % P("1e309CANARY_E4_NUM", "HR.csv number-like token")
    c.session("P13", "P13", {"codes.jsonl": ev}, wearer_files=w13)

    # P14: names the codebook maps (actors, modifier names and words), a label beside a code, an E4
    # zip whose entries sit in a folder named after the client, an annotation file linked from a
    # folder outside the sessions root whose name is a name
    actor = P("CANARY_CB_ACTOR " + NAME, "P14 codebook actor name, used as actor in codes.jsonl")
    cb = {"labels": {"seufzen": "ANX_STR_SIGH"}, "actors": {actor: "client", P("CANARY_CB_TIERACTOR", "P14 codebook actor used as ELAN tier name"): "therapist"},
          "modifiers": {P("CANARY_CB_MODNAME", "P14 codebook modifier rename"): "intensity"},
          "modifier_values": {"intensity": {P("CANARY_CB_MODWORD", "P14 codebook modifier word"): 2}}}
    j = [json.dumps({"start": 20.0, "code": "ANX_STR_SIGH", "actor": actor}),
         json.dumps({"start": 21.0, "code": "ANX_STR_SIGH", "actor": "client", "CANARY_CB_MODNAME": "CANARY_CB_MODWORD"}),
         json.dumps({"start": 22.0, "code": "ANX_STR_SIGH", "label": P("CANARY_JSONL_LABEL2", "P14 label field beside code"), "actor": "client"}),
         json.dumps({"start": 23.0, "code": "seufzen", "actor": "client", "description": P("CANARY_JSONL_DESC", "P14 description field")})]
    eaf14 = S7.eaf_text(events())[0].replace('PARTICIPANT="therapist" TIER_ID="therapist"', 'PARTICIPANT="" TIER_ID="CANARY_CB_TIERACTOR"')

    def zip14(e4):
        bio = io.BytesIO()
        with zipfile.ZipFile(bio, "w") as z:
            for fn, L in e4.items():
                z.writestr("Jane_Doe_%s/%s" % (P("CANARY_ZIP_DIR", "P14 zip entries in a folder named after the client") if fn == "ACC.csv" else "CANARY_ZIP_DIR", fn),
                           "".join(L), compress_type=zipfile.ZIP_DEFLATED)
        return bio.getvalue()
    c.session("P14", "P14", {"codes.jsonl": "\n".join(j) + "\n", "session.eaf": eaf14}, wearer="client_e4.zip", zip_bytes=zip14,
              sj_extra={"codebook": "codebook.json", "annotations": ["codes.jsonl", "session.eaf", "linked.csv"]})
    c.put("P14/codebook.json", json.dumps(cb, indent=1) + "\n")
    outside = os.path.join(c.root, "Jane_Doe_%s" % P("CANARY_LINK_TARGET", "P14 symbolic link target folder outside the root"))
    os.makedirs(outside, exist_ok=True)
    with open(os.path.join(outside, "codes.csv"), "w") as f:
        f.write("".join(S7.csv_lines(events())))
    os.symlink(os.path.join(outside, "codes.csv"), os.path.join(c.sess, "P14", "linked.csv"))


def kafka_messages(c, root):
    """Hand-made messages for the live job's input topic (key TAB value per line), sent by Send.java
    after replay: refused ones (their content must reach neither the dead-letter topic nor rejects/)
    and one accepted session carrying text in every optional field."""
    P = c.plant
    key = "ab" * 32
    start = {"type": "session_start", "session_id": "K01", "therapist_id": "T01", "client_key": key, "session_number": 1,
             "media_start": "2026-03-20T10:00:00+01:00", "duration_s": 120, "consent_supervision": True,
             "consent_research": True, "wearers": ["client"], "folder": "K01_Jane-Doe",
             "metadata": {"client_name": P("CANARY_K_META " + NAME, "Kafka session_start metadata")},
             "notes": P("CANARY_K_NOTES", "Kafka session_start unknown field")}
    ev = {"type": "event", "session_id": "K01", "code": "ANX_STR_SIGH", "family": "ANX", "actor": "client", "start_s": 30.0,
          "end_s": None, "significance": None, "source_line": 1}
    msgs = []
    m = dict(start, session_id="K02", client_id=P("CLIENTRAW_KAFKA", "Kafka session_start carrying client_id"))
    msgs.append(("K02", json.dumps(m)))
    msgs.append(("K03", json.dumps(dict(start, session_id="K03", client_key=P("CANARY_K_CKEY " + NAME, "Kafka client_key that is a name")))))
    msgs.append(("K01", json.dumps(start)))
    msgs.append(("K01", json.dumps(dict(ev, label=P("CANARY_K_LABEL", "Kafka event label (kept as coded, like review)"),
                                       source_file="K01/jane_doe_%s.eaf" % P("CANARY_K_SRCFILE", "Kafka event source_file (a path)"),
                                       note=P("CANARY_K_EVNOTE " + NAME, "Kafka event note field")))))
    msgs.append(("K01", json.dumps(dict(ev, start_s=31.0, code=P("CANARY_K_CODE", "Kafka event free text as code")))))
    msgs.append(("K01", json.dumps(dict(ev, start_s=32.0, actor=P("CANARY_K_ACTOR", "Kafka event a name as actor")))))
    msgs.append(("K01", json.dumps(dict(ev, start_s=33.0, modifiers="therapist_name=%s;intensity=%s" % (
        P("CANARY_K_MODKEY", "Kafka event modifier off the allow-list"), P("CANARY_K_MODVAL", "Kafka event allowed modifier with free text"))))))
    msgs.append(("K01", '{"type": "event", "session_id": "K01", %s}' % P("Jane_CANARY_K_BARE", "Kafka message that is not JSON")))
    msgs.append(("K01", json.dumps({"type": "samples", "session_id": "K01", "wearer": P("CANARY_K_WEARER", "Kafka samples wearer a name"),
                                    "channel": P("CANARY_K_CHANNEL", "Kafka samples channel a name"), "stream_start_ms": 1773997200000,
                                    "start_ms": 1773997200000, "first_index": 0, "rate_hz": 4.0, "values": [0.4]})))
    msgs.append(("K01", json.dumps({"type": "samples", "session_id": "K01", "wearer": "client", "channel": "EDA",
                                    "stream_start_ms": 1773997200000, "start_ms": 1773997200000, "first_index": 0, "rate_hz": 4.0,
                                    "values": [0.4, P("CANARY_K_VALUE", "Kafka samples a name as a value")]})))
    msgs.append(("K01", json.dumps({"type": P("CANARY_K_TYPE", "Kafka message of an unknown type"), "session_id": "K01"})))
    msgs.append((P("CANARY_K_KEY", "Kafka record key differing from session_id"), json.dumps(dict(ev, start_s=34.0))))
    msgs.append(("K01", json.dumps({"type": "session_end", "session_id": "K01"})))
    with open(os.path.join(root, "kafka-messages.txt"), "w") as f:
        for k, v in msgs:
            f.write(k + "\t" + v + "\n")


def build(seed, root):
    c = Cohort(seed, root)
    P = c.plant
    os.makedirs(c.sess, exist_ok=True)
    with open(os.path.join(root, "site.key"), "w") as f:
        f.write("site-key-%d-twenty-first-audit-0123456789\n" % seed)

    # P01 JSONL, session.json extra fields, E4 data line / info.txt / tags.csv with names
    def w1(e4):
        L = e4["EDA.csv"]
        L[400] = P("CANARY_E4_LINE " + NAME, "client/EDA.csv a data line holding a name") + "\n"
        L[401] = "0.5,%s\n" % P("CANARY_E4_LINE2", "client/EDA.csv a data line with a number and a name")
        e4["info.txt"] = "Participant: %s\n.csv files in this archive are in the following format:\n" % P("CANARY_E4_INFO " + NAME, "client/info.txt")
        e4["tags.csv"] = "1772441000.0\n%s\n" % P("CANARY_E4_TAGS", "client/tags.csv")
    c.session("P01", "P01", {"codes.jsonl": jsonl_file(c)}, wearer_files=w1, sj_extra={
        "client_name": P("CANARY_SJ_NAME " + NAME, "P01/session.json extra field client_name"),
        "notes": P("CANARY_SJ_NOTES", "P01/session.json extra field notes"),
        "diagnosis": P("CANARY_SJ_DIAG", "P01/session.json extra field diagnosis"),
        "guardian": {"name": P("CANARY_SJ_NESTED", "P01/session.json nested object"), "list": [P("CANARY_SJ_ARRAY", "P01/session.json array")]},
        P("CANARY_SJ_KEY_Jane", "P01/session.json a key holding a name"): 1,
        "consent": {"supervision": True, "research": True, "signed_by": P("CANARY_SJ_CONSENT", "P01/session.json consent extra member")}})

    # P02 session.json with invalid values of known fields (lands in a reject reason?)
    c.session("P02", "P02", {"codes.jsonl": "".join(S7.jsonl_lines(events()))}, sj_extra={
        "session_number": P("CANARY_SJ_BADNUM", "P02/session.json invalid session_number"),
        "media_start": P("CANARY_SJ_BADMEDIA", "P02/session.json invalid media_start"),
        "duration_s": P("CANARY_SJ_BADDUR", "P02/session.json invalid duration_s"),
        "consent": {"supervision": P("CANARY_SJ_BADCONS", "P02/session.json invalid consent value"), "research": True}})

    # P03 invalid wearables / annotations entries (names as paths) and a wearer field that is a name
    c.session("P03", "P03", {"codes.jsonl": "".join(S7.jsonl_lines(events()))}, sj_extra={
        "wearables": {"client": "client", P("CANARY_SJ_ROLE", "P03/session.json wearables role that is a name"): "client"},
        "annotations": ["codes.jsonl", P("CANARY_SJ_MISSINGANN", "P03/session.json annotation entry that does not exist") + ".csv"]})
    # P04 missing annotation file / wearer folder named after a name (still a valid session)
    c.session("P04", "P04", {"codes.jsonl": "".join(S7.jsonl_lines(events()))}, sj_extra={
        "annotations": ["codes.jsonl", P("CANARY_ANN_MISSING", "P04 listed annotation file that is absent") + ".jsonl"],
        "codebook": P("CANARY_CB_MISSING", "P04 codebook path that is absent") + ".json"})

    # 2026-03-0x_Jane-Doe: CSV coded, file and wearer folder named after the client
    c.session("2026-03-06_Jane-Doe", "P05", {"jane_doe_codes.csv": csv_file(c)}, wearer="jane_doe_e4")
    # ELAN .eaf named after the client
    c.session("P06", "P06", {"jane_doe_codes.eaf": eaf_file(c), "session.txt": tab_file(c)})
    # BORIS events export
    c.session("P07", "P07", {"boris_events.tsv": boris_file(c, "P07")})
    # BORIS project and an E4 Connect zip with a comment, a name-entry and a name in a data line
    def zipper(e4):
        bio = io.BytesIO()
        with zipfile.ZipFile(bio, "w") as z:
            z.comment = P("CANARY_ZIP_COMMENT " + NAME, "client E4 zip comment").encode()
            for fn, L in e4.items():
                if fn == "EDA.csv":
                    L[300] = P("CANARY_ZIP_EDA", "zip EDA.csv data line holding a name") + "\n"
                z.writestr(fn, "".join(L), compress_type=zipfile.ZIP_DEFLATED)
            z.writestr("info.txt", "Participant: %s\n" % P("CANARY_ZIP_INFO", "zip info.txt"))
            z.writestr("%s_Jane_Doe.txt" % P("CANARY_ZIP_ENTRY", "zip entry name"), "hello\n")
        return bio.getvalue()
    c.session("P08", "P08", {"project.boris": boris_project(c, "P08")}, wearer="client_e4.zip", zip_bytes=zipper)
    # a codebook with a name as label mapping to a real code, and a label to a free-text code
    cb = {"labels": {P("CANARY_CB_LABEL", "codebook label that is a word mapping to a code"): "ANX_STR_SIGH",
                     "sigh": P("CANARY_CB_BADCODE", "codebook target that is no canonical code")}}
    c.session("P09", "P09", {"codes.jsonl": "".join(S7.jsonl_lines(events())) +
                             json.dumps({"start": 240.0, "code": "CANARY_CB_LABEL", "actor": "client"}) + "\n"},
              sj_extra={"codebook": "codebook.json", "consent": {"supervision": True, "research": False}})
    c.put("P09/codebook.json", json.dumps(cb, indent=1) + "\n")
    damaged(c)
    kafka_messages(c, root)
    with open(os.path.join(root, "plan.json"), "w") as f:
        json.dump({"seed": seed, "name": NAME, "plants": c.plants, "sessions": c.sessions,
                   "path_tokens": ["jane_doe", "Jane-Doe", "Jane_Doe"]}, f, indent=1)
    return c


def main():
    seed = int(sys.argv[1])
    root = sys.argv[2]
    c = build(seed, root)
    print("%d plants in %d sessions" % (len(c.plants), len(c.sessions)))


if __name__ == "__main__":
    main()
