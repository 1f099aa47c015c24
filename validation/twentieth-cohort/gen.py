#!/usr/bin/env python3
"""Twentieth independent cohort: a real archive. The files coding tools and the clinic leave
beside the codings, and how archives are filed.

Usage: python3 gen.py SEED DIR          the cohort: DIR/archive/ and DIR/plan.json
       python3 gen.py SEED DIR scale N  N small session folders in DIR/scale-N/ (run-time check)

Every session is a 5.5-minute session (a client plain E4 export with a planted arousal; the
physiology is the seventh cohort's gen.py, imported from ../seventh-cohort; some sessions add a
therapist) coded with six events in ELAN `.eaf`, an ELAN tab export, BORIS, CSV or JSONL. Beside
the codings lie what ELAN, BORIS, Jupyter, editors, office programs, git and the clinic leave
there (backups, preference files, templates, controlled vocabularies, lock and swap files, a
2 GB sparse video, transcripts, consent forms, a supervisor's notes naming the client); the
session folders are filed as archives are (by cohort, trainee and year at different depths, a
session inside another's folder, a re-export `(copy)`, a session id in two trainees' folders,
20 levels deep, names with spaces, accents and emoji, a symbolic link to another disk, 2,000 empty
folders, a trainee folder without any session.json).
plan.json lists per session folder what the README says must happen (reviewed or not, reject rows
with file and words of the reason, annotations accepted, paths that must not be listed in
run.json) and where the README is silent (then what a clinic's trainer expects, which is what is
checked). Written from the README's input sections and DOMAIN.md section 1 alone.
"""
import importlib.util
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

CH = ["ACC.csv", "BVP.csv", "EDA.csv", "HR.csv", "IBI.csv", "TEMP.csv"]
DURATION = 330
ONSET = 100.0
# a client's name, as a supervisor writes it in notes; it must reach no output at all
CLIENT_NAME = "Margarethe Vogelsang"
BIG = 10 ** 6


def events():
    """Six coded events inside the 330 s session (the seventh cohort's kinds, earlier times)."""
    return [
        {"start": 60.0, "end": None, "code": "RUP_W_MINIMAL", "actor": "client", "sig": 3},
        {"start": 81.5, "end": None, "code": "INT_VALIDATION", "actor": "therapist", "sig": None},
        {"start": ONSET + 45.0, "end": None, "code": "ANX_STR_SIGH", "actor": "client", "sig": None},
        {"start": ONSET + 70.0, "end": ONSET + 85.0, "code": "ANX_STR_HANDS", "actor": "client", "sig": None},
        {"start": ONSET + 95.0, "end": None, "code": "INT_EXPLORE_FEELING", "actor": "therapist", "sig": None},
        {"start": 280.0, "end": None, "code": "RES_INVITE_DISCUSS_RELATIONSHIP", "actor": "therapist", "sig": None},
    ]


def boris_project(evs, sid):
    """A BORIS .boris project (JSON) holding the session's observation, as BORIS saves it."""
    fam = {"RUP": "rupture", "RES": "resolution", "INT": "intervention", "ANX": "anxiety"}
    codes = sorted({e["code"] for e in evs})
    bconf = {}
    for i, c in enumerate(codes):
        point = any(e["code"] == c and e["end"] is None for e in evs)
        bconf[str(i)] = {"type": "Point event" if point else "State event", "key": chr(97 + i), "code": c,
                         "description": "", "category": fam[c[:3]], "modifiers": {}, "excluded": "", "coding map": ""}
    rows = []
    for e in evs:
        rows.append([e["start"], e["actor"], e["code"], "", "", 0])
        if e["end"] is not None:
            rows.append([e["end"], e["actor"], e["code"], "", "", 0])
    rows.sort(key=lambda r: r[0])
    obs = {"type": "MEDIA", "date": "2026-03-02T10:00:00", "description": "", "time offset": 0.0,
           "file": {"1": ["session.mp4"], "2": []}, "independent_variables": {},
           "media_info": {"length": {"session.mp4": float(DURATION)}, "fps": {"session.mp4": 25.0},
                          "hasVideo": {"session.mp4": True}, "hasAudio": {"session.mp4": True}, "offset": {"1": 0.0}},
           "close_behaviors_between_videos": False, "visualize_spectrogram": False, "events": rows}
    proj = {"time_format": "hh:mm:ss", "project_name": "therapy", "project_date": "2026-03-01T12:00:00",
            "project_description": "", "project_format_version": "7.0",
            "subjects_conf": {"0": {"key": "1", "name": "client", "description": ""},
                              "1": {"key": "2", "name": "therapist", "description": ""}},
            "behaviors_conf": bconf, "behavioral_categories": sorted(set(fam.values())),
            "independent_variables": {}, "coding_map": {}, "converters": {}, "observations": {sid: obs}}
    return json.dumps(proj, indent=1) + "\n"


def zip_of(entries):
    import io
    bio = io.BytesIO()
    with zipfile.ZipFile(bio, "w") as z:
        for name, data in entries:
            z.writestr(name, data, compress_type=zipfile.ZIP_DEFLATED)
    return bio.getvalue()


PFSX = ('<?xml version="1.0" encoding="UTF-8"?>\n<preferences version="1.1">\n'
        '    <pref key="LastUsedMediaDir"><String>/Users/supervisor/Clients/%s</String></pref>\n'
        '    <pref key="SelectionBeginTime"><Long>185000</Long></pref>\n</preferences>\n' % CLIENT_NAME)
ETF = ('<?xml version="1.0" encoding="UTF-8"?>\n<ANNOTATION_DOCUMENT AUTHOR="" DATE="2026-01-10T10:00:00+01:00" '
       'FORMAT="3.0" VERSION="3.0">\n    <HEADER MEDIA_FILE="" TIME_UNITS="milliseconds"/>\n    <TIME_ORDER/>\n'
       '    <TIER LINGUISTIC_TYPE_REF="codes" PARTICIPANT="client" TIER_ID="client"/>\n'
       '    <LINGUISTIC_TYPE GRAPHIC_REFERENCES="false" LINGUISTIC_TYPE_ID="codes" TIME_ALIGNABLE="true"/>\n'
       '</ANNOTATION_DOCUMENT>\n')
ECV = ('<?xml version="1.0" encoding="UTF-8"?>\n<CV_RESOURCE AUTHOR="" DATE="2026-01-10T10:00:00+01:00" VERSION="0.2">\n'
       '    <LANGUAGE LANG_DEF="http://cdb.iso.org/lg/CDB-00130975-001" LANG_ID="eng" LANG_LABEL="English (eng)"/>\n'
       '    <CONTROLLED_VOCABULARY CV_ID="codes">\n'
       '        <CV_ENTRY_ML CVE_ID="c1"><CVE_VALUE LANG_REF="eng">ANX_STR_SIGH</CVE_VALUE></CV_ENTRY_ML>\n'
       '    </CONTROLLED_VOCABULARY>\n</CV_RESOURCE>\n')
NOTES = ("# Supervision notes\n\nClient: %s, 54, referred by her GP.\n\n- 3:05 she sighs when the therapist "
         "asks about her sister\n- follow up the rupture at 1:00\n" % CLIENT_NAME)
SRT = "1\n00:01:00,000 --> 00:01:04,000\n%s: I don't know.\n\n2\n00:03:05,000 --> 00:03:08,000\nTherapist: Mm.\n" % CLIENT_NAME
APPLEDOUBLE = b"\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X        \x00\x02" + b"\x00" * 400
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 1000


class Cohort:
    def __init__(self, seed, root):
        self.rng = random.Random(seed)
        self.root = root
        self.arch = os.path.join(root, "archive")
        self.plan = {"seed": seed, "sessions": [], "folders": [], "name": CLIENT_NAME, "sparse": []}
        self.k = 0

    def session(self, folder, sid=None, fmt="jsonl", therapist=False, therapist_id="T01", extra=None):
        """Writes one session folder (path below the archive); returns its plan entry."""
        k = self.k
        self.k += 1
        sid = sid or "A%02d" % (k + 1)
        d = os.path.join(self.arch, folder)
        os.makedirs(d, exist_ok=True)
        rng = self.rng
        media = datetime(2026, 3, 2, 9, 0, tzinfo=timezone(timedelta(hours=1))) + timedelta(days=k, minutes=rng.randint(0, 40))
        mu = media.timestamp()
        t0, t1 = -rng.randint(20, 40), DURATION + rng.randint(10, 30)
        wearables = {"client": "client"}
        exp = {"session_id": sid, "folder": folder, "reviewed": True, "rejects": [], "annotations": 6,
               "not_listed": [], "readme_silent": [], "expect": [], "records": {}, "episode": True, "onset_s": ONSET}
        for role, ep in (("client", (ONSET, 30.0, 90.0, 40.0)), ("therapist", None)):
            if role == "therapist" and not therapist:
                continue
            w = S7.Wearer(rng, t0, t1, ep)
            os.makedirs(os.path.join(d, role), exist_ok=True)
            for fn, L in S7.e4_files(w, mu + t0).items():
                open(os.path.join(d, role, fn), "w", newline="").write("".join(L))
                exp["records"][role + "/" + fn] = len(L) - (1 if fn == "IBI.csv" else 2)
            wearables[role] = role
        evs = events()
        files = {}
        if fmt == "jsonl":
            files["codes.jsonl"] = "".join(S7.jsonl_lines(evs))
        elif fmt == "csv":
            files["codes.csv"] = "".join(S7.csv_lines(evs))
        elif fmt == "eaf":
            files["session.eaf"] = S7.eaf_text(evs)[0]
        elif fmt == "boris":
            files["boris_events.tsv"] = "".join(S7.boris_lines(evs, sid)[0])
        elif fmt == "tab":
            files["session.txt"] = "".join(S7.elan_tab_lines(evs))
        for fn, text in files.items():
            open(os.path.join(d, fn), "w", encoding="utf-8", newline="").write(text)
        sj = {"session_id": sid, "therapist_id": therapist_id, "client_id": "C-%04d" % (500 + k),
              "session_number": 1 + k, "media_start": media.isoformat(), "duration_s": DURATION,
              "wearables": wearables, "annotations": sorted(files), "consent": {"supervision": True, "research": True}}
        sj.update(extra or {})
        exp["sj"] = sj
        exp["evs"] = evs
        exp["dir"] = d
        self.plan["sessions"].append(exp)
        return exp

    def write_manifests(self):
        for exp in self.plan["sessions"]:
            sj = exp.pop("sj")
            exp["listed"] = sj["annotations"]
            exp.pop("evs")
            d = exp.pop("dir")
            if exp.get("manifest_written"):
                continue
            open(os.path.join(d, "session.json"), "w", encoding="utf-8").write(json.dumps(sj, indent=2, ensure_ascii=False) + "\n")

    def put(self, rel, data):
        p = os.path.join(self.arch, rel)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        if isinstance(data, str):
            data = data.encode("utf-8")
        open(p, "wb").write(data)

    def folder_reject(self, path, words, note):
        """A reject row the scan gives for a folder (path below the archive, ending in /)."""
        self.plan["folders"].append({"path": path, "words": words, "note": note})


def build(seed, root):
    c = Cohort(seed, root)
    os.makedirs(c.arch, exist_ok=True)

    # ---- A01: an ELAN-coded session with everything the tools and the clinic leave beside it
    a = c.session("2026-03-02_T01", fmt="eaf", therapist=True)
    f = a["folder"]
    eaf = S7.eaf_text(events())[0]
    older = S7.eaf_text(events()[:3] + [{"start": 150.0, "end": None, "code": "SAFE_SELF_HARM_MENTION", "actor": "client", "sig": None}])[0]
    litter = {
        "session.eaf.001": older, "session.eaf.002": eaf, "session.eaf.bak": older, "session.pfsx": PFSX,
        "ISTDP-template.etf": ETF, "istdp-codes.ecv": ECV, ".session.eaf.swp": b"b0VIM 8.2" + b"\x00" * 4000,
        "~$codes.xlsx": b"\x0bsupervisor" + b"\x00" * 150, ".~lock.codes.csv#": "supervisor,host,/home/s,07.12.2026 10:00,file:///;",
        "notes.md": NOTES, "consent-%s.pdf" % "C0500": b"%PDF-1.4\n% consent form\n" + CLIENT_NAME.encode() + b"\n%%EOF\n",
        "transcript.docx": zip_of([("word/document.xml", "<w:document><w:t>%s</w:t></w:document>" % CLIENT_NAME)]),
        "transcript.txt": "Client (%s): I don't know.\nTherapist: Mm.\n" % CLIENT_NAME, "session.srt": SRT,
        "codes.xlsx": zip_of([("xl/workbook.xml", "<workbook/>")]), "Thumbs.db": OLE, "desktop.ini": "[.ShellClassInfo]\r\n",
        "._session.eaf": APPLEDOUBLE, "README.txt": "Session of %s, recorded in room 2.\n" % CLIENT_NAME,
        "session.wav": b"RIFF\x24\x00\x00\x00WAVEfmt " + b"\x00" * 2000,
        "session.lock": "locked by supervisor\n",
        ".ipynb_checkpoints/session-checkpoint.eaf": older,
        ".git/HEAD": "ref: refs/heads/main\n", ".git/objects/ab/cdef": b"x\x01" + b"\x00" * 100,
        ".git/session.json": json.dumps({"session_id": "A01", "therapist_id": "T01"}),
        "client/.ipynb_checkpoints/EDA-checkpoint.csv": "1.0\n4.0\n0.1\n",
    }
    for rel, data in litter.items():
        c.put(f + "/" + rel, data)
    c.plan["sparse"].append(f + "/session.mp4")  # 2 GB sparse: truncate -s 2G
    c.plan["sparse"].append(f + "/session.mov")
    a["not_listed"] += sorted(litter) + ["session.mp4", "session.mov"]
    a["expect"].append("beside the .eaf: ELAN backups (.eaf.001/.002/.bak, one with a safety code the .eaf does not hold), "
                       ".pfsx, .etf, .ecv, swap and lock files, ~$ Office owner file, notes.md and README.txt naming the "
                       "client, consent .pdf, transcript .docx/.txt, .srt, .xlsx, Thumbs.db, AppleDouble, .wav, a 2 GB "
                       "sparse .mp4 and .mov, .ipynb_checkpoints/ and .git/ (holding a session.json): none read, none "
                       "listed in run.json, no reject; 6 annotations (README: only what session.json names is read)")

    # ---- A01 re-exported twice: the same session id, in a (copy) folder
    b = c.session("2026-03-02_T01 (copy)", sid="A01", fmt="eaf", therapist=True)
    b["reviewed"] = False
    b["dup_of"] = "A01"
    b["rejects"].append({"file": "session.json", "words": ["duplicate session_id", "2026-03-02_T01"], "note": "re-export (copy)"})
    b["expect"].append("a re-export `2026-03-02_T01 (copy)` with the same session_id: one reject row naming the first folder")

    # ---- A03: a BORIS project listed beside its own export of the same observation, a .boris.bak
    s = c.session("2026-03-04_T02", fmt="boris", therapist_id="T02")
    c.put(s["folder"] + "/therapy.boris", boris_project(s["evs"], s["session_id"]))
    c.put(s["folder"] + "/therapy.boris.bak", boris_project(s["evs"][:4], s["session_id"]))
    s["sj"]["annotations"] = ["therapy.boris", "boris_events.tsv"]
    s["not_listed"].append("therapy.boris.bak")
    s["same_coding_twice"] = "boris_events.tsv"
    s["readme_silent"].append("a .boris project and its events export of the same observation both listed: the README "
                              "reads each; a trainer expects each event once (the export's six a reject each naming the "
                              "project), never the six events twice")

    # ---- A04: an .eaf listed beside its ELAN tab export (the same coding in two formats)
    s = c.session("2026-03-05_T02", fmt="eaf", therapist_id="T02")
    c.put(s["folder"] + "/session.txt", "".join(S7.elan_tab_lines(s["evs"])))
    s["sj"]["annotations"] = ["session.eaf", "session.txt"]
    s["same_coding_twice"] = "session.txt"
    s["readme_silent"].append("an .eaf and its tab export both listed: README says they give the same moments; a "
                              "trainer expects each event once, never twice")

    # ---- A05: every file of the folder listed by a trainee (ELAN backup identical, .pfsx, .etf, video, xlsx)
    s = c.session("2026-03-06_T01", fmt="eaf")
    fo = s["folder"]
    c.put(fo + "/session.eaf.001", S7.eaf_text(s["evs"])[0])  # ELAN's backup, byte for byte the .eaf
    c.put(fo + "/session.pfsx", PFSX)
    c.put(fo + "/ISTDP-template.etf", ETF)
    c.put(fo + "/notes.md", NOTES)
    c.plan["sparse"].append(fo + "/session.mp4")
    s["sj"]["annotations"] = ["session.eaf", "session.eaf.001", "session.pfsx", "ISTDP-template.etf", "notes.md", "session.mp4"]
    s["rejects"] += [
        {"file": "session.eaf.001", "words": ["session.eaf"], "note": "a byte-for-byte copy: names the first (README)"},
        {"file": "session.pfsx", "words": [], "note": "ELAN preferences: no coding"},
        {"file": "ISTDP-template.etf", "words": [], "note": "a template: no coded events"},
        {"file": "notes.md", "words": [], "note": "notes: unknown format; the name never quoted"},
        {"file": "session.mp4", "words": [], "note": "a 2 GB video listed: unknown format, not read whole"},
    ]
    s["expect"].append("a trainee listed every file: the identical ELAN backup a reject naming session.eaf; .pfsx, .etf, "
                       "notes.md and a 2 GB .mp4 one reject row each, no name quoted, the video not read through; 6 annotations")
    s["readme_silent"].append("a listed 2 GB video: README (unknown format: one reject row); a trainer expects the run not "
                              "to spend time reading it (checked: the review's seconds against the cohort without it)")

    # ---- A06: ELAN .eaf whose CV is an external .ecv beside it
    s = c.session("2026-03-09_T01", fmt="eaf")
    txt = S7.eaf_text(s["evs"])[0].replace(
        "</ANNOTATION_DOCUMENT>",
        '    <CONTROLLED_VOCABULARY CV_ID="codes" EXT_REF="ecv1"/>\n'
        '    <EXTERNAL_REF EXT_REF_ID="ecv1" TYPE="ecv" VALUE="file:istdp-codes.ecv"/>\n</ANNOTATION_DOCUMENT>')
    txt = txt.replace('LINGUISTIC_TYPE_ID="codes" TIME_ALIGNABLE="true"/>',
                      'CONTROLLED_VOCABULARY_REF="codes" LINGUISTIC_TYPE_ID="codes" TIME_ALIGNABLE="true"/>')
    c.put(s["folder"] + "/session.eaf", txt)
    c.put(s["folder"] + "/istdp-codes.ecv", ECV)
    s["readme_silent"].append("an .eaf whose CV is external (.ecv beside it) and whose values are the codes: read, 6 "
                              "annotations (the .ecv need not be read; if read, listed in run.json)")

    # ---- archive layout: nested by cohort / trainee / year at different depths
    c.session("cohort-2025/T01/2026/2026-04-01_T01", fmt="csv")
    inner_parent = c.plan["sessions"][-1]
    s = c.session("cohort-2025/T01/2026/2026-04-01_T01/follow-up 2026-04-08", fmt="jsonl")
    s["readme_silent"].append("a session folder inside another session's folder: a trainer expects it reviewed as its own session")
    inner_parent["readme_silent"].append("session 3 folders below the root (cohort/trainee/year)")
    c.session("cohort-2025/T02/2026-04-02_T02", fmt="tab", therapist_id="T02")
    s = c.session("cohort-2025/T02/2026-04-09_T02", sid="A07", fmt="jsonl", therapist_id="T02")
    s["reviewed"] = False
    s["dup_of"] = "A07"
    s["rejects"].append({"file": "session.json", "words": ["duplicate session_id", "cohort-2025/T01/2026/2026-04-01_T01"],
                         "note": "the same id in another trainee's folder"})
    s["expect"].append("the session id of T01's session in T02's folder: one reject naming the first folder")
    c.put("cohort-2025/T03/notes/supervision-2026.md", NOTES)
    os.makedirs(os.path.join(c.arch, "cohort-2025/T03/2026/recordings pending"), exist_ok=True)
    c.folder_reject("cohort-2025/T03/", ["no session.json"], "a trainee folder with no session.json anywhere: one row")
    c.put("cohort-2025/README.txt", "Cohort 2025: %s's sessions are in T01.\n" % CLIENT_NAME)

    # ---- 20 levels deep
    c.session("deep/" + "/".join("level-%02d" % i for i in range(1, 20)) + "/2026-05-01_T01", fmt="jsonl")
    # ---- names with spaces, accents and emoji
    c.session("Séance – Zoë 😀 2026-05-04", fmt="csv", therapist_id="T03")
    c.session("cohort-2025/Thérèse Ångström/2026 ✓/2026-05-05 14:00", fmt="jsonl", therapist_id="T04")
    # ---- 2,000 empty folders (an export of a folder tree with no files)
    for i in range(2000):
        os.makedirs(os.path.join(c.arch, "scratch", "%04d" % i), exist_ok=True)
    c.folder_reject("scratch/", ["no session.json"], "2,000 empty folders: one row, not 2,000")
    # ---- a session folder that is a symbolic link to another disk
    other = os.path.join(root, "other-disk")
    c2 = Cohort(seed + 1, root)
    c2.arch = other
    c2.k = 40
    o = c2.session("2026-05-06_T01", sid="X01", fmt="jsonl")
    c2.write_manifests()
    os.symlink(os.path.join(other, "2026-05-06_T01"), os.path.join(c.arch, "2026-05-06_T01 (external disk)"))
    c.folder_reject("2026-05-06_T01 (external disk)/", ["symbolic link", "out of the sessions root"],
                    "a session folder linked to another disk: README: a reject, not read")
    # ---- a link to the archive's own cohort folder (a shortcut that loops)
    os.symlink(os.path.join(c.arch, "cohort-2025"), os.path.join(c.arch, "cohort-2025", "T01", "all cohort (shortcut)"))
    c.folder_reject("cohort-2025/T01/all cohort (shortcut)/", ["loop"], "a link to a folder holding it: one row")
    # ---- at the archive's root: clinic litter and a hidden git folder holding a session.json copy
    c.put("Thumbs.db", OLE)
    c.put("README.txt", "Archive of the 2025 cohort. Contact: supervisor.\n")
    c.put(".git/session.json", json.dumps({"session_id": "A01"}))
    c.put(".ipynb_checkpoints/2026-03-02_T01/session.json", json.dumps({"session_id": "A01"}))
    c.put("__MACOSX/._2026-03-02_T01", APPLEDOUBLE)
    c.folder_reject("__MACOSX/", ["no session.json"], "a macOS zip's __MACOSX/ folder: one row (README: a folder without session.json)")

    c.write_manifests()
    plan = c.plan
    plan["outside"] = os.path.relpath(os.path.join(other, "2026-05-06_T01"), root)
    return plan


def scale(seed, root, n):
    """n small session folders (each 330 s, a client E4 export and six JSONL codes), filed by trainee."""
    c = Cohort(seed, root)
    c.arch = os.path.join(root, "scale-%d" % n)
    for i in range(n):
        c.k = i % 200
        c.session("T%02d/%04d" % (i % 7, i), sid="S%04d" % i, fmt="jsonl")
    c.write_manifests()


def main():
    seed = int(sys.argv[1])
    root = sys.argv[2]
    if len(sys.argv) > 3 and sys.argv[3] == "scale":
        scale(seed, root, int(sys.argv[4]))
        return
    plan = build(seed, root)
    for rel in plan["sparse"]:
        p = os.path.join(root, "archive", rel)
        with open(p, "wb") as f:
            f.truncate(2 * 1024 ** 3)  # a 2 GB video, sparse: nothing of it is on disk
    with open(os.path.join(root, "plan.json"), "w") as f:
        json.dump(plan, f, indent=1, ensure_ascii=False)


if __name__ == "__main__":
    main()
