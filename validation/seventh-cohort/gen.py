#!/usr/bin/env python3
"""Seventh independent cohort: damaged and unusual input files, as a user meets them.

Usage: python3 gen.py SEED DIR   (python3 standard library only)

Writes DIR/sessions/<session>/ (session.json, client/ and therapist/ plain E4 CSV exports, one or
two coding files) and DIR/plan.json. Every session is a 15-18 minute dyad session with a planted
client arousal episode (heart rate, tonic skin conductance, SCR rate up, skin temperature down) so
the undamaged rest of a damaged session can be checked; most sessions carry one or two damages as
files come out of crashed copies, spreadsheets in other locales and other tools. plan.json lists,
per session, each damage, what the project README says must happen (expected reject rows with
their file and line, channels missing, annotations accepted) and whether the README is silent.
Written from the README and DOMAIN.md section 1 alone.
"""
import gzip  # noqa: F401  (kept for symmetry with other cohorts; not used)
import json
import math
import os
import random
import sys
from datetime import datetime, timedelta, timezone

RATES = {"EDA": 4, "BVP": 64, "ACC": 32, "TEMP": 4, "HR": 1}


class Wearer:
    """One continuous simulation of a wearer in seconds from media start."""

    def __init__(self, rng, t0, t1, episode):
        self.rng = rng
        self.t0 = t0  # first sample, s from media start (whole seconds)
        self.t1 = t1
        self.ep = episode  # (onset, rise, plateau, fall) or None
        self.hr0 = rng.uniform(64, 76)
        self.scl0 = rng.uniform(1.8, 3.5)
        self.temp0 = rng.uniform(32.8, 34.0)
        self._beats()
        self._scrs()

    def level(self, t):
        """0..1 episode envelope (raised cosine rise, plateau, raised cosine fall)."""
        if not self.ep:
            return 0.0
        on, rise, plat, fall = self.ep
        x = t - on
        if x <= 0:
            return 0.0
        if x < rise:
            return 0.5 - 0.5 * math.cos(math.pi * x / rise)
        if x < rise + plat:
            return 1.0
        if x < rise + plat + fall:
            return 0.5 + 0.5 * math.cos(math.pi * (x - rise - plat) / fall)
        return 0.0

    def hr(self, t):
        return self.hr0 + 18.0 * self.level(t) + 2.0 * math.sin(2 * math.pi * t / 97.0)

    def _beats(self):
        rng = self.rng
        t = self.t0 + rng.uniform(0.2, 0.9)
        beats = []
        while t < self.t1:
            rsa = (1.0 - 0.5 * self.level(t)) * 0.04 * math.sin(2 * math.pi * 0.25 * t)
            ibi = 60.0 / self.hr(t) * (1.0 + rsa) + rng.gauss(0, 0.012)
            beats.append((t, ibi))
            t += ibi
        self.beats = beats

    def _scrs(self):
        rng = self.rng
        t = self.t0
        out = []
        while t < self.t1:
            rate = 1.5 + 5.0 * self.level(t)  # per minute
            t += rng.expovariate(rate / 60.0)
            out.append((t, rng.uniform(0.05, 0.25)))
        self.scrs = out

    def eda(self):
        n = int((self.t1 - self.t0) * 4)
        vals = []
        wander = 0.0
        si = 0
        active = []
        for i in range(n):
            t = self.t0 + i / 4.0
            wander += -wander * 0.002 + self.rng.gauss(0, 0.004)
            while si < len(self.scrs) and self.scrs[si][0] <= t:
                active.append(self.scrs[si])
                si += 1
            ph = 0.0
            keep = []
            for on, amp in active:
                x = t - on
                if x < 40:
                    keep.append((on, amp))
                    ph += amp * (math.exp(-x / 4.0) - math.exp(-x / 0.75)) * 1.6
            active = keep
            tonic = self.scl0 + wander + 1.1 * self.level(t - 2.0)
            vals.append(max(0.05, tonic + ph + self.rng.gauss(0, 0.003)))
        return vals

    def bvp(self):
        n = int((self.t1 - self.t0) * 64)
        vals = []
        bi = 0
        b = self.beats
        for i in range(n):
            t = self.t0 + i / 64.0
            while bi + 1 < len(b) and b[bi + 1][0] <= t:
                bi += 1
            bt, ibi = b[bi]
            ph = (t - bt) / ibi if t >= bt else 0.0
            v = 60 * math.exp(-((ph - 0.15) / 0.07) ** 2) + 18 * math.exp(-((ph - 0.45) / 0.09) ** 2) - 20
            vals.append(v + self.rng.gauss(0, 1.5))
        return vals

    def acc(self):
        n = int((self.t1 - self.t0) * 32)
        r = self.rng
        return [(r.randint(-3, -1), r.randint(2, 4), r.randint(62, 64)) for _ in range(n)]

    def temp(self):
        n = int((self.t1 - self.t0) * 4)
        vals = []
        w = 0.0
        for i in range(n):
            t = self.t0 + i / 4.0
            w += -w * 0.001 + self.rng.gauss(0, 0.003)
            vals.append(self.temp0 + w - 0.25 * self.level(t - 20.0) + self.rng.gauss(0, 0.01))
        return vals

    def hr_csv(self):
        # E4 HR.csv starts 10 s after the other channels, 1 Hz average
        n = int(self.t1 - self.t0 - 10)
        return [self.hr(self.t0 + 10 + i) + self.rng.gauss(0, 0.8) for i in range(n)]


def e4_files(w, start_unix):
    """Plain E4 export lines (each with its line end), per channel file name."""
    s = "%.6f" % start_unix
    files = {}
    files["EDA.csv"] = [s + "\n", "4.000000\n"] + ["%.6f\n" % v for v in w.eda()]
    files["TEMP.csv"] = [s + "\n", "4.000000\n"] + ["%.2f\n" % v for v in w.temp()]
    files["BVP.csv"] = [s + "\n", "64.000000\n"] + ["%.2f\n" % v for v in w.bvp()]
    files["ACC.csv"] = ["%s, %s, %s\n" % (s, s, s), "32.000000, 32.000000, 32.000000\n"] + [
        "%d,%d,%d\n" % a for a in w.acc()
    ]
    files["HR.csv"] = ["%.6f\n" % (start_unix + 10), "1.000000\n"] + ["%.2f\n" % v for v in w.hr_csv()]
    ibi = [s + ", IBI\n"]
    for t, iv in w.beats[1:]:
        ibi.append("%.6f,%.6f\n" % (t - w.t0, iv))
    files["IBI.csv"] = ibi
    return files


# ----------------------------------------------------------------------------------- codings
def events_for(rng, onset):
    """Coded events (seconds from media start): two cues inside the episode, a withdrawal marker
    answered by a repair, and interventions."""
    return [
        {"start": 200.0, "end": None, "code": "RUP_W_MINIMAL", "actor": "client", "sig": 3},
        {"start": 221.5, "end": None, "code": "RES_INVITE_DISCUSS_RELATIONSHIP", "actor": "therapist", "sig": None},
        {"start": 300.0, "end": None, "code": "INT_VALIDATION", "actor": "therapist", "sig": None},
        {"start": round(onset + 45.0, 1), "end": None, "code": "ANX_STR_SIGH", "actor": "client", "sig": None},
        {"start": round(onset + 70.0, 1), "end": round(onset + 85.0, 1), "code": "ANX_STR_HANDS", "actor": "client", "sig": None},
        {"start": round(onset + 95.0, 1), "end": None, "code": "INT_EXPLORE_FEELING", "actor": "therapist", "sig": None},
    ]


def jsonl_lines(evs):
    out = []
    for e in evs:
        o = {"start": e["start"], "code": e["code"], "actor": e["actor"]}
        if e["end"] is not None:
            o["end"] = e["end"]
        if e["sig"]:
            o["significance"] = e["sig"]
        out.append(json.dumps(o) + "\n")
    return out


def csv_lines(evs):
    out = ["start,end,code,actor,significance\n"]
    for e in evs:
        out.append(
            "%s,%s,%s,%s,%s\n"
            % (e["start"], "" if e["end"] is None else e["end"], e["code"], e["actor"], e["sig"] or "")
        )
    return out


def hms(ms):
    h, rem = divmod(int(round(ms)), 3600000)
    m, rem = divmod(rem, 60000)
    s, msr = divmod(rem, 1000)
    return "%02d:%02d:%02d.%03d" % (h, m, s, msr)


def elan_tab_lines(evs):
    """ELAN Export > Tab-delimited Text: tier, participant, begin (hh:mm:ss.ms, ss.msec), end (...),
    duration (...), value. No header."""
    out = []
    for e in evs:
        b = int(round(e["start"] * 1000))
        en = int(round((e["end"] if e["end"] is not None else e["start"] + 0.04) * 1000))
        d = en - b
        out.append(
            "\t".join(
                [e["actor"], e["actor"], hms(b), repr(b / 1000.0), hms(en), repr(en / 1000.0), hms(d), repr(d / 1000.0), e["code"]]
            )
            + "\n"
        )
    return out


def eaf_text(evs, encoding="UTF-8", unaligned_id=None, backwards_id=None):
    """An EAF 3.0 document with one tier per actor (PARTICIPANT = role). Returns (text, ids):
    ids are the annotation ids in event order. unaligned_id: that annotation's end slot has no
    TIME_VALUE (on an independent tier); backwards_id: that annotation ends before it starts."""
    slots = []
    tiers = {}
    ids = []
    for i, e in enumerate(evs):
        aid = "a%d" % (i + 1)
        ids.append(aid)
        b = int(round(e["start"] * 1000))
        en = int(round((e["end"] if e["end"] is not None else e["start"] + 0.04) * 1000))
        if aid == backwards_id:
            b, en = en + 3000, b
        s1, s2 = "ts%d" % (2 * i + 1), "ts%d" % (2 * i + 2)
        slots.append((s1, b))
        slots.append((s2, None if aid == unaligned_id else en))
        tiers.setdefault(e["actor"], []).append((aid, s1, s2, e["code"]))
    x = ['<?xml version="1.0" encoding="%s"?>' % encoding]
    x.append(
        '<ANNOTATION_DOCUMENT AUTHOR="" DATE="2026-03-02T11:00:00+01:00" FORMAT="3.0" VERSION="3.0" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        'xsi:noNamespaceSchemaLocation="http://www.mpi.nl/tools/elan/EAFv3.0.xsd">'
    )
    x.append('    <HEADER MEDIA_FILE="" TIME_UNITS="milliseconds">')
    x.append('        <MEDIA_DESCRIPTOR MEDIA_URL="file:///video/session.mp4" MIME_TYPE="video/mp4" RELATIVE_MEDIA_URL="./session.mp4"/>')
    x.append('        <PROPERTY NAME="lastUsedAnnotationId">%d</PROPERTY>' % len(evs))
    x.append("    </HEADER>")
    x.append("    <TIME_ORDER>")
    for sid, v in slots:
        if v is None:
            x.append('        <TIME_SLOT TIME_SLOT_ID="%s"/>' % sid)
        else:
            x.append('        <TIME_SLOT TIME_SLOT_ID="%s" TIME_VALUE="%d"/>' % (sid, v))
    x.append("    </TIME_ORDER>")
    for actor in sorted(tiers):
        x.append('    <TIER LINGUISTIC_TYPE_REF="codes" PARTICIPANT="%s" TIER_ID="%s">' % (actor, actor))
        for aid, s1, s2, code in tiers[actor]:
            x.append("        <ANNOTATION>")
            x.append(
                '            <ALIGNABLE_ANNOTATION ANNOTATION_ID="%s" TIME_SLOT_REF1="%s" TIME_SLOT_REF2="%s">' % (aid, s1, s2)
            )
            x.append("                <ANNOTATION_VALUE>%s</ANNOTATION_VALUE>" % code)
            x.append("            </ALIGNABLE_ANNOTATION>")
            x.append("        </ANNOTATION>")
        x.append("    </TIER>")
    x.append('    <LINGUISTIC_TYPE GRAPHIC_REFERENCES="false" LINGUISTIC_TYPE_ID="codes" TIME_ALIGNABLE="true"/>')
    x.append('    <CONSTRAINT DESCRIPTION="Time subdivision of parent annotation\'s time interval, no time gaps allowed within this interval" STEREOTYPE="Time_Subdivision"/>')
    x.append("</ANNOTATION_DOCUMENT>")
    return "\n".join(x) + "\n", ids


def boris_lines(evs, sid, sep="\t", decimal="."):
    """BORIS v9 tabular events export: one row per START, STOP or POINT; rows in time order.
    Returns (lines, rows) where rows[i] = (event index, status) of line i + 2."""
    head = [
        "Observation id", "Observation date", "Description", "Observation duration", "Observation type",
        "Source", "Time offset (s)", "Media duration (s)", "FPS", "Subject", "Behavior",
        "Behavioral category", "Behavior type", "Time", "Media file name", "Image index",
        "Image file path", "Comment",
    ]
    fam = {"RUP": "rupture", "RES": "resolution", "INT": "intervention", "ANX": "anxiety"}
    recs = []
    for i, e in enumerate(evs):
        if e["end"] is None:
            recs.append((e["start"], i, "POINT"))
        else:
            recs.append((e["start"], i, "START"))
            recs.append((e["end"], i, "STOP"))
    recs.sort()

    def num(v):
        s = "%.3f" % v
        return s.replace(".", decimal)

    lines = [sep.join(head) + "\n"]
    rows = []
    for t, i, st in recs:
        e = evs[i]
        cells = [
            sid, "2026-03-02 11:00:00", "", num(1200.0), "Media file(s)", "player #1:session.mp4",
            num(0.0), num(1200.0), num(25.0), e["actor"], e["code"], fam[e["code"][:3]], st, num(t),
            "session.mp4", "NA", "NA", "",
        ]
        lines.append(sep.join(cells) + "\n")
        rows.append((i, st))
    return lines, rows


# ----------------------------------------------------------------------------------- damages
def nul_block(lines, frac, size=4096):
    """Zero `size` bytes at a 4096-byte boundary about `frac` into the file (a zeroed disk
    block: not aligned to lines). Returns (bytes, first damaged line, last damaged line) (1-based)."""
    data = "".join(lines).encode()
    off = (int(len(data) * frac) // 4096) * 4096
    out = data[:off] + b"\0" * size + data[off + size:]
    first = data[:off].count(b"\n") + 1
    last = data[: off + size].count(b"\n") + 1
    return out, first, last


def main():
    seed = int(sys.argv[1])
    root = sys.argv[2]
    rng = random.Random(seed)
    sroot = os.path.join(root, "sessions")
    os.makedirs(sroot, exist_ok=True)
    plan = {"seed": seed, "sessions": []}
    base_day = datetime(2026, 3, 2, 10, 0, 0, tzinfo=timezone(timedelta(hours=1)))

    specs = [
        ("G01-intact-eaf", "eaf", []),
        ("G02-cut-last-line-and-midway", "jsonl", ["e4-last-line-cut", "e4-file-cut-midway"]),
        ("G03-nul-block", "csv", ["e4-nul-block"]),
        ("G04-empty-and-header-only", "elan-tab", ["e4-empty-file", "e4-header-only"]),
        ("G05-garbage-rows-crlf-bom", "boris", ["e4-garbage-rows", "e4-crlf-bom"]),
        ("G06-excel-german", "jsonl", ["e4-excel-de-eda", "e4-excel-de-acc"]),
        ("G07-start-notation", "csv", ["e4-start-scientific", "e4-start-milliseconds"]),
        ("G08-acc-columns-ibi-header", "eaf", ["e4-acc-2-and-4-values", "e4-ibi-header-only"]),
        ("G09-ibi-order-two-exports", "jsonl", ["e4-ibi-nonincreasing", "e4-two-exports-concatenated"]),
        ("G10-out-of-range", "csv", ["e4-out-of-range"]),
        ("G11-eaf-truncated", "eaf+csv", ["eaf-truncated"]),
        ("G12-eaf-slot-and-backwards", "eaf", ["eaf-unaligned-top-level", "eaf-end-before-start"]),
        ("G13-eaf-utf16", "eaf", ["eaf-utf16"]),
        ("G14-boris-unpaired", "boris", ["boris-unpaired-and-non-numeric"]),
        ("G15-boris-semicolon-jsonl-broken", "boris+jsonl", ["boris-semicolon", "jsonl-broken-line"]),
        ("G16-session-json-malformed", "jsonl", ["json-malformed"]),
        ("G17-session-json-wrong-type", "jsonl", ["json-wrong-type"]),
        ("G18-elan-tab-crlf-bom-garbage", "elan-tab", ["elan-tab-crlf-bom-garbage", "e4-ibi-garbage-row"]),
        ("G19-intact-boris", "boris", []),
        # found while probing beyond the brief's list (each fixed after the audit)
        ("G20-joined-exports-with-boms", "jsonl", ["e4-joined-exports-with-boms"]),
        ("G21-boris-cut-in-last-time", "boris", ["boris-cut-in-last-time"]),
        ("G22-csv-zeroed-block", "csv", ["csv-zeroed-block"]),
    ]

    for k, (name, fmt, damages) in enumerate(specs):
        sid = name.split("-")[0]
        d = os.path.join(sroot, name)
        os.makedirs(d, exist_ok=True)
        duration = rng.choice([900, 960, 1020, 1080])
        onset = float(rng.randint(430, 520))
        media = base_day + timedelta(days=k, minutes=rng.randint(0, 30))
        media_unix = media.timestamp()
        t0c = -rng.randint(40, 90)
        t1c = duration + rng.randint(20, 60)
        t0t = -rng.randint(40, 90)
        t1t = duration + rng.randint(20, 60)
        client = Wearer(rng, t0c, t1c, (onset, 30.0, 150.0, 60.0))
        ther = Wearer(rng, t0t, t1t, None)
        cfiles = e4_files(client, media_unix + t0c)
        tfiles = e4_files(ther, media_unix + t0t)
        evs = events_for(rng, onset)
        exp = {
            "session_id": sid,
            "folder": name,
            "damages": damages,
            "duration_s": duration,
            "onset_s": onset,
            "reviewed": True,
            "missing_channels": [],
            "rejects": [],  # {file, line, tol, words, note}
            "reject_ranges": [],  # {file, first, last, min, max}: rejects allowed in a line range
            "annotations": len(evs),
            "readme_silent": [],
            "records": {},  # file -> expected records_read (data lines, header rows excluded)
            "expect": [],
        }
        ann_files = []
        bytes_out = {}  # relative path -> bytes (overrides lines)

        def rej(f, line, words, note, tol=0):
            exp["rejects"].append({"file": f, "line": line, "tol": tol, "words": words, "note": note})

        for dmg in damages:
            if dmg == "e4-last-line-cut":
                L = cfiles["EDA.csv"]
                last = L[-1].rstrip("\n")
                # cut inside the number: keep the integer part and two decimals (0.315400 -> 0.31)
                L[-1] = last[: last.index(".") + 3]
                rej("client/EDA.csv", len(L), ["cut"], "last line cut inside its number, no line end")
                exp["expect"].append("client EDA last line cut mid-number: that line a reject saying it was cut short (README Wearables)")
            elif dmg == "e4-file-cut-midway":
                L = tfiles["BVP.csv"]
                n = len(L) // 2
                # find a line with two decimals and cut after its first decimal digit
                while "." not in L[n]:
                    n += 1
                cut = L[n].rstrip("\n")
                tfiles["BVP.csv"] = L[:n] + [cut[: cut.index(".") + 2]]
                rej("therapist/BVP.csv", n + 1, ["cut"], "file cut mid-way inside a number (copy stopped)")
                exp["expect"].append("therapist BVP cut mid-way: the partial last line a reject; the complete lines before it read")
            elif dmg == "e4-nul-block":
                data, first, last = nul_block(cfiles["EDA.csv"], 0.3)
                bytes_out["client/EDA.csv"] = data
                exp["reject_ranges"].append({"file": "client/EDA.csv", "first": first, "last": last, "min": 1, "max": 3})
                exp["nul_block"] = {"file": "client/EDA.csv", "first": first, "last": last}
                exp["expect"].append(
                    "client EDA with 4096 NUL bytes at a block boundary (lines %d-%d): one reject row saying so, "
                    "the broken lines around it rejected, later samples keep their times (README Wearables)" % (first, last)
                )
            elif dmg == "e4-empty-file":
                cfiles["TEMP.csv"] = []
                rej("client/TEMP.csv", 0, ["empty", "no sample"], "empty file")
                exp["missing_channels"].append("client:TEMP")
            elif dmg == "e4-header-only":
                tfiles["HR.csv"] = tfiles["HR.csv"][:2]
                rej("therapist/HR.csv", 0, ["no sample"], "header-only file")
                exp["missing_channels"].append("therapist:HR")
            elif dmg == "e4-garbage-rows":
                L = cfiles["EDA.csv"]
                at = 2 + 1500
                garbage = ["Error: device disconnected\n", "-----\n", "#N/A\n"]
                cfiles["EDA.csv"] = L[:at] + garbage + L[at:]
                for i in range(3):
                    rej("client/EDA.csv", at + 1 + i, [], "garbage text row mid-file")
            elif dmg == "e4-crlf-bom":
                L = cfiles["ACC.csv"]
                L = [x.replace("\n", "\r\n") for x in L]
                L[0] = "\ufeff" + L[0]
                cfiles["ACC.csv"] = L
                exp["expect"].append("client ACC with CRLF and a UTF-8 BOM: read, no reject")
            elif dmg == "e4-excel-de-eda":
                L = cfiles["EDA.csv"]

                def de(v):
                    s = ("%.6f" % float(v)).rstrip("0").rstrip(".")
                    return s.replace(".", ",")

                start = float(L[0])
                cfiles["EDA.csv"] = ["%d\n" % int(start), "4\n"] + [de(x) + "\n" for x in L[2:]]
                exp["expect"].append("client EDA re-saved by German Excel (0,3154; trailing zeros dropped; start and rate whole): read, no reject")
            elif dmg == "e4-excel-de-acc":
                L = tfiles["ACC.csv"]
                start = int(float(L[0].split(",")[0]))
                tfiles["ACC.csv"] = ["%d;%d;%d\r\n" % (start, start, start), "32;32;32\r\n"] + [
                    x.strip().replace(",", ";") + "\r\n" for x in L[2:]
                ]
                exp["expect"].append("therapist ACC re-saved with ';' and CRLF: read, no reject")
            elif dmg == "e4-start-scientific":
                L = cfiles["EDA.csv"]
                start = float(L[0])
                L[0] = "%.9E\n" % start  # 1.772441953E+09
                exp["readme_silent"].append(
                    "client EDA start written in scientific notation (%s): the README says a unix timestamp; a user expects it read"
                    % L[0].strip()
                )
                exp["expect"].append("client EDA start in scientific notation: README silent; expected read (no reject)")
            elif dmg == "e4-start-milliseconds":
                L = tfiles["TEMP.csv"]
                start = float(L[0])
                L[0] = "%d\n" % int(round(start * 1000))
                rej("therapist/TEMP.csv", 1, ["millisecond"], "start time in milliseconds")
                exp["missing_channels"].append("therapist:TEMP")
            elif dmg == "e4-acc-2-and-4-values":
                L = cfiles["ACC.csv"]
                i2, i4 = 2 + 5000, 2 + 20000
                L[i2] = ",".join(L[i2].strip().split(",")[:2]) + "\n"
                L[i4] = L[i4].strip() + ",12\n"
                rej("client/ACC.csv", i2 + 1, [], "ACC row with 2 values")
                rej("client/ACC.csv", i4 + 1, [], "ACC row with 4 values")
            elif dmg == "e4-ibi-header-only":
                tfiles["IBI.csv"] = tfiles["IBI.csv"][:1]
                rej("therapist/IBI.csv", 0, ["no sample", "no beat"], "IBI.csv with its header only")
                exp["missing_channels"].append("therapist:IBI")
            elif dmg == "e4-ibi-nonincreasing":
                L = cfiles["IBI.csv"]
                a, b = 200, 400
                # a: the same offset as the previous beat (a line written twice with another interval)
                prev = L[a - 1].split(",")[0]
                L[a] = "%s,%s" % (prev, L[a].split(",")[1])
                # b: an offset 2 s before the previous beat
                pb = float(L[b - 1].split(",")[0])
                L[b] = "%.6f,%s" % (pb - 2.0, L[b].split(",")[1])
                rej("client/IBI.csv", a + 1, [], "IBI offset equal to the previous beat's")
                rej("client/IBI.csv", b + 1, [], "IBI offset before the previous beat's")
            elif dmg == "e4-two-exports-concatenated":
                L = cfiles["EDA.csv"]
                start = float(L[0])
                # part A from t0c to 300 s, part B from 330 s (a wristband restarted, files joined)
                na = int((300 - t0c) * 4)
                nb0 = int((330 - t0c) * 4)
                partb = ["%.6f\n" % (start + nb0 / 4.0), "4.000000\n"] + L[2 + nb0:]
                cfiles["EDA.csv"] = L[: 2 + na] + partb
                rej("client/EDA.csv", 2 + na + 1, [], "second export's start row")
                rej("client/EDA.csv", 2 + na + 2, [], "second export's rate row")
                exp["expect"].append("client EDA of two exports joined (gap 300-330 s): both header rows of the second a reject, its samples at their own times")
            elif dmg == "e4-out-of-range":
                L = cfiles["EDA.csv"]
                for i in (2 + 800, 2 + 2600):
                    L[i] = "-0.250000\n"
                    rej("client/EDA.csv", i + 1, ["range"], "negative EDA")
                H = cfiles["HR.csv"]
                for i in (2 + 150, 2 + 700):
                    H[i] = "300.00\n"
                    rej("client/HR.csv", i + 1, ["range"], "HR 300 bpm")
                T = tfiles["TEMP.csv"]
                for i in (2 + 1000, 2 + 3000):
                    T[i] = "80.00\n"
                    rej("therapist/TEMP.csv", i + 1, ["range"], "skin temperature 80 degC")
            elif dmg == "e4-joined-exports-with-boms":
                # two exports each re-saved with a UTF-8 byte-order mark, then joined (cat a.csv b.csv)
                L = cfiles["EDA.csv"]
                start = float(L[0])
                na = int((300 - t0c) * 4)
                nb0 = int((330 - t0c) * 4)
                partb = ["\ufeff%.6f\n" % (start + nb0 / 4.0), "4.000000\n"] + L[2 + nb0:]
                L[0] = "\ufeff" + L[0]
                cfiles["EDA.csv"] = L[: 2 + na] + partb
                rej("client/EDA.csv", 2 + na + 1, ["second E4 header"], "second export's start row, opened by a byte-order mark")
                rej("client/EDA.csv", 2 + na + 2, ["second E4 header"], "second export's rate row")
                exp["expect"].append("client EDA of two exports each with a BOM joined: read as two exports joined, header rows rejected")
            elif dmg == "e4-ibi-garbage-row":
                L = cfiles["IBI.csv"]
                at = 300
                cfiles["IBI.csv"] = L[:at] + ["beat lost\n"] + L[at:]
                rej("client/IBI.csv", at + 1, [], "text row inside IBI.csv")

        # ---- codings
        def add_ann(fname, content, kind):
            ann_files.append(fname)
            p = os.path.join(d, fname)
            if isinstance(content, bytes):
                open(p, "wb").write(content)
            else:
                open(p, "w", encoding="utf-8", newline="").write(content)

        if fmt in ("eaf", "eaf+csv"):
            unal = "a3" if "eaf-unaligned-top-level" in damages else None
            back = "a2" if "eaf-end-before-start" in damages else None
            text, ids = eaf_text(evs, unaligned_id=unal, backwards_id=back)
            if "eaf-truncated" in damages:
                cut = text.index("<TIER", text.index("<TIER") + 5) + 40
                add_ann("codes.eaf", text[:cut], "eaf")
                rej("codes.eaf", 0, [], "truncated .eaf (malformed XML): rejected as a whole", tol=10**6)
                exp["annotations"] = 0
            elif "eaf-utf16" in damages:
                text16, _ = eaf_text(evs, encoding="UTF-16")
                add_ann("codes.eaf", "\ufeff".encode("utf-16-le") + text16.replace("\n", "\r\n").encode("utf-16-le"), "eaf")
                exp["expect"].append("UTF-16 .eaf with a byte-order mark: read")
            else:
                add_ann("codes.eaf", text, "eaf")
            if unal:
                exp["annotations"] -= 1
                rej("codes.eaf", None, [], "annotation a3: end time slot without TIME_VALUE on an independent tier", tol=10**6)
                exp["readme_silent"].append(
                    "an independent tier's annotation whose end slot has no TIME_VALUE: the README interpolates within the parent; without a parent a user expects a reject naming the annotation"
                )
            if back:
                exp["annotations"] -= 1
                rej("codes.eaf", None, [], "annotation a2 ends before it starts", tol=10**6)
            if fmt == "eaf+csv":
                extra = [
                    {"start": 610.0, "end": None, "code": "INT_VALIDATION", "actor": "therapist", "sig": None},
                    {"start": 640.0, "end": None, "code": "INT_EXPLORE_FEELING", "actor": "therapist", "sig": None},
                ]
                add_ann("extra.csv", "".join(csv_lines(extra)), "csv")
                exp["annotations"] += 2
        elif fmt == "jsonl" or fmt == "boris+jsonl":
            L = jsonl_lines(evs)
            if "jsonl-broken-line" in damages:
                L[2] = L[2][: len(L[2]) // 2] + "\n"
                rej("codes.jsonl", 3, [], "JSONL line cut in half")
                exp["annotations"] -= 1
            add_ann("codes.jsonl", "".join(L), "jsonl")
        elif fmt == "csv" and "csv-zeroed-block" in damages:
            fill = [{"start": 610.0 + 3 * i, "end": None, "code": "INT_VALIDATION", "actor": "therapist", "sig": None} for i in range(60)]
            data = bytearray("".join(csv_lines(evs + fill)).encode())
            first = data[:1024].count(b"\n") + 1
            last = data[:1536].count(b"\n") + 1
            data[1024:1536] = b"\0" * 512
            add_ann("codes.csv", bytes(data), "csv")
            rej("codes.csv", first, ["NUL"], "512 NUL bytes (a zeroed disk block) across lines %d-%d" % (first, last))
            exp["annotations"] = len(evs) + 60 - (last - first + 1)
        elif fmt == "csv":
            add_ann("codes.csv", "".join(csv_lines(evs)), "csv")
        elif fmt == "elan-tab":
            L = elan_tab_lines(evs)
            if "elan-tab-crlf-bom-garbage" in damages:
                L = L[:3] + ["%%%% export interrupted %%%%\n"] + L[3:]
                L = [x.replace("\n", "\r\n") for x in L]
                L[0] = "\ufeff" + L[0]
                rej("codes.txt", 4, [], "garbage row inside an ELAN tab export")
            add_ann("codes.txt", "".join(L), "elan-tab")
        if fmt in ("boris", "boris+jsonl"):
            if "boris-semicolon" in damages:
                bl, rows = boris_lines(evs, sid, sep=";", decimal=",")
                add_ann("codes_boris.csv", "".join(x.replace("\n", "\r\n") for x in bl), "boris")
                exp["annotations"] += len(evs)
                exp["expect"].append("BORIS export re-saved with ';' and decimal commas: read")
            else:
                bl, rows = boris_lines(evs, sid)
                if "boris-unpaired-and-non-numeric" in damages:
                    # drop the STOP of ANX_STR_HANDS (START unpaired), add a STOP without START,
                    # and write one POINT's time as text
                    hands = [j for j, (i, st) in enumerate(rows) if evs[i]["code"] == "ANX_STR_HANDS"]
                    stop_j = [j for j in hands if rows[j][1] == "STOP"][0]
                    start_j = [j for j in hands if rows[j][1] == "START"][0]
                    del bl[1 + stop_j]
                    del rows[stop_j]
                    # a STOP without START for a behaviour coded once as a point elsewhere: RES_INVITE
                    stray = bl[1].rstrip("\n").split("\t")
                    stray[9], stray[10], stray[11], stray[12], stray[13] = "therapist", "INT_VALIDATION", "intervention", "STOP", "700.000"
                    bl.append("\t".join(stray) + "\n")
                    rows.append((None, "STOP"))
                    # a POINT whose time is not a number (a spreadsheet's #VALUE!)
                    pj = [j for j, (i, st) in enumerate(rows) if i is not None and evs[i]["code"] == "RES_INVITE_DISCUSS_RELATIONSHIP"][0]
                    cells = bl[1 + pj].rstrip("\n").split("\t")
                    cells[13] = "#VALUE!"
                    bl[1 + pj] = "\t".join(cells) + "\n"
                    rej("codes_boris.tsv", 1 + start_j + 1, ["start", "stop"], "START without STOP (ANX_STR_HANDS)")
                    rej("codes_boris.tsv", len(bl), ["stop", "start"], "STOP without START (INT_VALIDATION at 700 s)")
                    rej("codes_boris.tsv", 1 + pj + 1, [], "POINT whose time is #VALUE!")
                    exp["annotations"] = len(evs) - 2  # hands lost (no STOP), RES_INVITE lost
                if "boris-cut-in-last-time" in damages:
                    # a copy that stopped inside the last row's Time: 2 of its digits left, no line end
                    cells = bl[-1].rstrip("\n").split("\t")
                    assert cells[12] == "POINT"
                    bl[-1] = "\t".join(cells[:13] + [cells[13][:2]])
                    rej("codes_boris.tsv", len(bl), ["cut"], "last row cut inside its Time (%s left of %s)" % (cells[13][:2], cells[13]))
                    exp["annotations"] = len(evs) - 1
                add_ann("codes_boris.tsv", "".join(bl), "boris")
            if fmt == "boris+jsonl":
                # one coding in two formats: since 2026-12-07 an event the JSONL (listed first)
                # already gave is a reject in the BORIS file at its row (its START for a state),
                # naming the JSONL line (README, Annotations: Repeated events); the JSONL's cut
                # line and a significance BORIS does not carry keep the BORIS copy an event
                cut = {2} if "jsonl-broken-line" in damages else set()
                for j, (i, st) in enumerate(rows):
                    if i is None or i in cut or evs[i]["sig"] or st == "STOP":
                        continue
                    rej("codes_boris.csv", j + 2, ["same event as codes.jsonl line %d" % (i + 1)],
                        "the JSONL's event again (one coding listed twice)")
                    exp["annotations"] -= 1

        # ---- write E4 files
        for role, files in (("client", cfiles), ("therapist", tfiles)):
            os.makedirs(os.path.join(d, role), exist_ok=True)
            for fn, L in files.items():
                rel = role + "/" + fn
                p = os.path.join(d, rel)
                if rel in bytes_out:
                    open(p, "wb").write(bytes_out[rel])
                else:
                    open(p, "w", encoding="utf-8", newline="").write("".join(L))
                nlines = 0 if rel in bytes_out else sum(1 for x in L if x != "")
                exp["records"][rel] = nlines

        sj = {
            "session_id": sid,
            "therapist_id": "T%02d" % (1 + k % 3),
            "client_id": "C-%04d" % (100 + k),
            "session_number": 1 + k // 3,
            "media_start": media.isoformat(),
            "duration_s": duration,
            "wearables": {"client": "client", "therapist": "therapist"},
            "annotations": ann_files,
            "consent": {"supervision": True, "research": True},
        }
        text = json.dumps(sj, indent=2) + "\n"
        if "json-malformed" in damages:
            # a comma lost while editing by hand (between two fields, line 5 -> 6)
            lines = text.split("\n")
            li = [i for i, x in enumerate(lines) if '"session_number"' in x][0]
            lines[li] = lines[li].rstrip(",")
            text = "\n".join(lines)
            exp["reviewed"] = False
            rej("session.json", None, [], "session.json with a comma missing: one reject row naming the line", tol=10**6)
        if "json-wrong-type" in damages:
            sj["session_number"] = "third"
            sj["consent"] = {"supervision": "yes", "research": True}
            text = json.dumps(sj, indent=2) + "\n"
            exp["reviewed"] = False
            rej("session.json", None, ["session_number", "consent"], "session_number 'third' and consent.supervision 'yes'", tol=10**6)
        open(os.path.join(d, "session.json"), "w").write(text)
        exp["annotation_files"] = ann_files
        exp["client_t0_s"] = t0c
        exp["client_t1_s"] = t1c
        plan["sessions"].append(exp)

    with open(os.path.join(root, "plan.json"), "w") as f:
        json.dump(plan, f, indent=1)


if __name__ == "__main__":
    main()
