#!/usr/bin/env python3
"""Seventeenth independent cohort: damaged and unusual input, third round.

Usage: python3 gen.py SEED DIR   (python3 standard library only)

Writes DIR/sessions/<session>/ and DIR/plan.json. Every session is an 11-12 minute dyad session
(client and therapist plain E4 exports with a planted client arousal episode; the physiology is
the seventh cohort's gen.py, imported from ../seventh-cohort) and a coding file; most carry damages
neither the seventh nor the twelfth audit nor the bad-input corpus planted: files as sync tools and
operating systems leave them, device-id prefixes, macOS re-zips, several zips for one wearer,
header times far off, values at the sensors' limits, only a rate row, odd codings (quoted line
breaks, JSONL oddities, a JSON array in a .jsonl, an empty BORIS subject, an XML entity bomb,
100,000 ELAN annotations) and session.json variants (extra keys, nulls, numbers as strings, roles
in other case, an absolute wearables path, a session id repeated in another case).
plan.json lists per session each damage, what the README says must happen (reject rows with file,
line and words of the reason; channels missing; annotations accepted; reviewed or not; paths that
must not be listed in run.json) and where the README is silent (then a user's reasonable
expectation, which is what is checked). Written from the README and DOMAIN.md section 1 alone.
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

CH = ["ACC.csv", "BVP.csv", "EDA.csv", "HR.csv", "IBI.csv", "TEMP.csv"]
ALLCH = ["ACC", "BVP", "EDA", "HR", "IBI", "TEMP"]
BIG = 10 ** 6
N100K = int(os.environ.get("N_ANNOTATIONS", "20000"))  # 100,000 took the review minutes before c87969c5 (MissedOpportunities), see README

# name, coding format, damages
SPECS = [
    ("J01-intact", "eaf", []),
    ("J02-os-and-sync-litter", "csv", ["sync-copies-and-os-litter"]),
    ("J03-device-id-prefix", "jsonl", ["device-id-prefix"]),
    ("J04-macos-rezip", "csv", ["zip-one-folder-macos", "zip-macosx-entries"]),
    ("J05-zips-zero-and-two", "jsonl", ["zip-zero-bytes-beside-csv", "two-zips-one-wearer"]),
    ("J06-header-times", "csv", ["start-plus-3-days", "start-1999", "start-negative", "only-rate-row"]),
    ("J07-sensor-limits", "jsonl", ["acc-clipping", "temp-zero-minute", "eda-all-zero"]),
    ("J08-ibi-zero-interval", "csv", ["ibi-zero-interval"]),
    ("J09-hr-longer-no-overlap", "jsonl", ["hr-longer", "therapist-no-overlap"]),
    ("J10-cp1252-header", "csv", ["header-cp1252-unit", "start-row-only"]),
    ("J11-upper-case-extension", "jsonl", ["channel-upper-case-extension"]),
    ("J12-csv-quoted-newline", "csv-quoted", ["csv-sep-comma-hint", "csv-quoted-delimiter-newline"]),
    ("J13-jsonl-oddities", "jsonl-odd", ["jsonl-bom", "jsonl-trailing-commas", "jsonl-blank-line", "jsonl-start-infinity",
                                         "jsonl-end-nan", "jsonl-duplicate-event"]),
    ("J14-jsonl-holding-array", "jsonl-array", ["jsonl-holding-json-array"]),
    ("J15-boris-empty-subject", "boris-nosubject", ["boris-subject-empty"]),
    ("J16-eaf-entity-bomb", "eaf-bomb", ["eaf-entity-bomb"]),
    ("J17-eaf-many", "eaf-100k", ["eaf-20k-annotations"]),
    ("J18-json-extra-null-strings", "jsonl", ["json-extra-keys", "json-null-optional", "json-numbers-as-strings"]),
    ("J19-json-roles-other-case", "csv", ["json-roles-other-case"]),
    ("J20-json-null-required", "jsonl", ["json-null-therapist-id"]),
    ("J21-json-wearables-absolute", "jsonl", ["json-wearables-absolute-path"]),
    ("J22-dup-session", "csv", []),
    ("J22x-dup-session-other-case", "csv", ["json-session-id-repeated-other-case"]),
    ("J23-coding-upper-ext-unknown-codes", "csv-upper", ["coding-upper-case-extension", "unknown-code-beside-known"]),
    ("J24-intact-boris", "boris", []),
    ("J25-zip-other-methods", "csv", ["zip-entry-deflate64", "zip-entry-lzma"]),
    ("J26-session-json-link-out", "jsonl", ["session-json-symlink-out-of-root"]),
]


def zip_bytes(entries):
    """entries: list of (name, bytes or None for a folder entry)"""
    bio = io.BytesIO()
    with zipfile.ZipFile(bio, "w") as z:
        for name, data in entries:
            if data is None:
                z.writestr(zipfile.ZipInfo(name), b"")
            else:
                z.writestr(name, data, compress_type=zipfile.ZIP_DEFLATED)
    return bio.getvalue()


def set_method(data, entry, method):
    """Sets the compression method of `entry` in its local and central headers (bytearray data)."""
    nb = entry.encode()
    for sig, mo, lo, no in ((b"PK\x03\x04", 8, 26, 30), (b"PK\x01\x02", 10, 28, 46)):
        i = data.find(sig)
        while i >= 0:
            n = int.from_bytes(data[i + lo:i + lo + 2], "little")
            if bytes(data[i + no:i + no + n]) == nb:
                data[i + mo:i + mo + 2] = method.to_bytes(2, "little")
            i = data.find(sig, i + 4)


def channel_entries(files, prefix=""):
    return [(prefix + fn, "".join(files[fn]).encode()) for fn in CH if fn in files]


APPLEDOUBLE = b"\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X        \x00\x02" + b"\x00" * 4000


def main():
    seed = int(sys.argv[1])
    root = sys.argv[2]
    rng = random.Random(seed)
    sroot = os.path.join(root, "sessions")
    os.makedirs(sroot, exist_ok=True)
    plan = {"seed": seed, "sessions": []}
    base_day = datetime(2026, 5, 4, 9, 0, 0, tzinfo=timezone(timedelta(hours=2)))

    for k, (name, fmt, damages) in enumerate(SPECS):
        sid = name.split("-")[0]
        if "json-session-id-repeated-other-case" in damages:
            sid = "j22"
        d = os.path.join(sroot, name)
        os.makedirs(d, exist_ok=True)
        duration = rng.choice([660, 690, 720])
        onset = float(rng.randint(385, 415))
        media = base_day + timedelta(days=k, minutes=rng.randint(0, 30))
        mu = media.timestamp()
        t0c, t1c = -rng.randint(40, 90), duration + rng.randint(20, 60)
        t0t, t1t = -rng.randint(40, 90), duration + rng.randint(20, 60)
        if "therapist-no-overlap" in damages:
            t0t, t1t = -3 * 3600 - 60, -3 * 3600 + duration
        client = S7.Wearer(rng, t0c, t1c, (onset, 30.0, 120.0, 45.0))
        ther = S7.Wearer(rng, t0t, t1t, None)
        cf = S7.e4_files(client, mu + t0c)
        tf = S7.e4_files(ther, mu + t0t)
        evs = S7.events_for(rng, onset)
        exp = {
            "session_id": sid, "folder": name, "damages": damages, "duration_s": duration, "onset_s": onset,
            "reviewed": True, "episode": True, "missing_channels": [], "rejects": [], "optional_rejects": [],
            "annotations": len(evs), "readme_silent": [], "records": {}, "expect": [], "rejected_records": {},
            "flag_words": [], "not_listed": [],
        }
        cdir, tdir = "client", "therapist"
        wearables = {"client": "client", "therapist": "therapist"}
        out = {}  # relative path -> bytes
        skip = set()  # roles whose folder is written by a damage
        ann_files = []
        sj_patch = {}  # session.json changes
        sj_text_fn = None

        def rej(f, line, words, note, tol=0):
            exp["rejects"].append({"file": f, "line": line, "tol": tol, "words": words, "note": note})

        def opt(f, note):
            exp["optional_rejects"].append({"file": f, "note": note})

        def missing(role, chans):
            exp["missing_channels"] += ["%s:%s" % (role, c) for c in chans]

        def silent(x):
            exp["readme_silent"].append(x)

        def expect(x):
            exp["expect"].append(x)

        for dmg in damages:
            # ------------------------------------------------------------ files as tools leave them
            if dmg == "sync-copies-and-os-litter":
                other = list(cf["EDA.csv"])
                other[0] = "%.6f\n" % (mu + t0c - 7200)
                out["client/EDA (1).csv"] = "".join(other).encode()
                out["client/._EDA.csv"] = APPLEDOUBLE
                out["client/EDA.csv~"] = "".join(cf["EDA.csv"][:500]).encode()
                data = "".join(cf["TEMP.csv"]).encode()
                out["client/TEMP.csv.part"] = data[: len(data) // 3]
                out["client/Thumbs.db"] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 1000
                out["client/.DS_Store"] = b"\x00\x00\x00\x01Bud1" + b"\x00" * 500
                out["client/desktop.ini"] = b"[.ShellClassInfo]\r\nIconResource=C:\\Windows\\System32\\imageres.dll,-3\r\n"
                out["therapist/._ACC.csv"] = APPLEDOUBLE
                out["therapist/IBI.csv.part"] = "".join(tf["IBI.csv"][:40]).encode()
                exp["not_listed"] += ["client/EDA (1).csv", "client/._EDA.csv", "client/EDA.csv~", "client/TEMP.csv.part",
                                      "client/Thumbs.db", "client/.DS_Store", "client/desktop.ini", "therapist/._ACC.csv",
                                      "therapist/IBI.csv.part"]
                expect("EDA (1).csv, ._EDA.csv, EDA.csv~, TEMP.csv.part, Thumbs.db, .DS_Store, desktop.ini beside the channel files: "
                       "not read, not listed in run.json, not rejected (README: only the six channel files are read; `EDA (1).csv` named)")
            elif dmg == "device-id-prefix":
                for fn in CH:
                    out["client/A01F2C_" + fn] = "".join(cf[fn]).encode()
                skip.add("client")
                missing("client", ALLCH)
                exp["episode"] = False
                rej("client", None, [], "a wearer's folder of A01F2C_EDA.csv ... only: no channel file", tol=BIG)
                expect("client folder holding only A01F2C_EDA.csv ...: a reject saying the folder holds no channel file "
                       "(README: a wearer's folder holding none of these is a reject saying so); every client channel missing")
            elif dmg == "zip-one-folder-macos":
                folder = "1777000000_A01F2C/"
                entries = [(folder, None)] + channel_entries(cf, folder) + [("__MACOSX/", None), ("__MACOSX/" + folder, None)]
                entries += [("__MACOSX/" + folder + "._" + fn, APPLEDOUBLE[:300]) for fn in CH]
                out["client_e4.zip"] = zip_bytes(entries)
                skip.add("client")
                wearables["client"] = "client_e4.zip"
                opt("client_e4.zip", "the zip of one folder")
                silent("an E4 export folder re-zipped by macOS Finder's Compress (every channel file inside one folder of the "
                       "zip, a __MACOSX/ twin): README says folders inside the zip are ignored, and for a folder that the one "
                       "folder inside holding channel files is read; a user expects the channels read (as an unzipped folder's), "
                       "or one reject saying the zip holds its files in a folder, never six channels missing without a word")
                exp["macos_zip"] = True
            elif dmg == "zip-macosx-entries":
                entries = channel_entries(tf) + [("__MACOSX/", None)] + [("__MACOSX/._" + fn, APPLEDOUBLE[:300]) for fn in CH]
                entries.append(("info.txt", b"E4 Connect download\n"))
                out["therapist/1777000000_A0BEEF.zip"] = zip_bytes(entries)
                skip.add("therapist")
                expect("therapist E4 zip with __MACOSX/._EDA.csv ... entries: read, the __MACOSX entries ignored (README)")
            elif dmg == "zip-zero-bytes-beside-csv":
                out["client/1777000000_A01F2C.zip"] = b""
                opt("client/1777000000_A01F2C.zip", "a 0-byte zip beside the channel files")
                silent("a 0-byte zip (a download that never started) beside the channel files: README: a zip beside the loose "
                       "files is not read; a user expects the channel files read, at most a row naming the empty zip")
            elif dmg == "two-zips-one-wearer":
                z = zip_bytes(channel_entries(tf) + [("info.txt", b"E4 Connect download\n")])
                out["therapist/1777000000_A0BEEF.zip"] = z
                out["therapist/1777000000_A0BEEF (1).zip"] = z
                skip.add("therapist")
                missing("therapist", ALLCH)
                rej("therapist", None, ["zip"], "two zips for one wearer (a browser's second download), no channel file", tol=BIG)
                expect("therapist folder with two E4 zips and no channel file: the wearer a reject saying so (README: name one in "
                       "wearables or list them as parts)")
            elif dmg == "zip-entry-deflate64":
                data = bytearray(zip_bytes(channel_entries(cf) + [("info.txt", b"E4 Connect download\n")]))
                set_method(data, "EDA.csv", 9)
                out["client/1777000000_A01F2C.zip"] = bytes(data)
                skip.add("client")
                missing("client", ["EDA"])
                exp["episode"] = False  # EDA carries the tonic and SCR part of the episode
                rej("client/1777000000_A01F2C.zip/EDA.csv", None, ["method", "not support"], "EDA.csv entry marked Deflate64 (method 9)", tol=BIG)
                opt("client/1777000000_A01F2C.zip", "the zip's own row")
                expect("a zip entry compressed with Deflate64 (Windows Explorer): a reject saying the method is not supported "
                       "(README after this audit), the other entries read")
            elif dmg == "zip-entry-lzma":
                data = bytearray(zip_bytes(channel_entries(tf)))
                set_method(data, "TEMP.csv", 14)
                out["therapist/1777000000_A0BEEF.zip"] = bytes(data)
                skip.add("therapist")
                missing("therapist", ["TEMP"])
                rej("therapist/1777000000_A0BEEF.zip/TEMP.csv", None, ["method", "not support"], "TEMP.csv entry marked LZMA (method 14)", tol=BIG)
                opt("therapist/1777000000_A0BEEF.zip", "the zip's own row")
                silent("a zip entry of another compression method (LZMA, Deflate64): README said a corrupt entry is "
                       "'compressed data damaged'; a user expects to be told the method, not damage (a download repeated for nothing)")
            elif dmg == "session-json-symlink-out-of-root":
                exp["reviewed"] = False
                exp["annotations"] = 0
                rej("session.json", None, ["symbolic link"], "session.json a link to a file outside the sessions root", tol=BIG)
                exp["link_out"] = True
                expect("a session.json linking out of the sessions root: one reject, not read (README Confinement: only "
                       "--codebook and --baselines are read from outside the root)")
            # ------------------------------------------------------------ header rows
            elif dmg == "start-plus-3-days":
                tf["EDA.csv"][0] = "%.6f\n" % (mu + t0t + 3 * 86400)
                rej("therapist/EDA.csv", 1, ["start"], "start 3 days after media_start")
                missing("therapist", ["EDA"])
            elif dmg == "start-1999":
                tf["TEMP.csv"][0] = "946684000.000000\n"
                rej("therapist/TEMP.csv", 1, ["start"], "start 1999-12-31")
                missing("therapist", ["TEMP"])
            elif dmg == "start-negative":
                tf["BVP.csv"][0] = "-%.6f\n" % (mu + t0t)
                rej("therapist/BVP.csv", 1, ["start"], "negative start time")
                missing("therapist", ["BVP"])
            elif dmg == "only-rate-row":
                tf["HR.csv"] = ["1.000000\n"]
                rej("therapist/HR.csv", None, [], "HR.csv holding only its rate row", tol=BIG)
                missing("therapist", ["HR"])
                expect("HR.csv of one row (the rate): one reject (README: header rows missing, or no samples), HR missing")
            elif dmg == "start-row-only":
                cf["TEMP.csv"] = [cf["TEMP.csv"][0]]
                rej("client/TEMP.csv", None, [], "TEMP.csv holding only its start row", tol=BIG)
                missing("client", ["TEMP"])
            elif dmg == "header-cp1252-unit":
                L = tf["TEMP.csv"]
                data = (L[0].rstrip("\n") + " \xb0C\n").encode("cp1252") + "".join(L[1:]).encode()
                out["therapist/TEMP.csv"] = data
                tf.pop("TEMP.csv")
                rej("therapist/TEMP.csv", 1, [], "a start row followed by ' °C' in Windows-1252")
                missing("therapist", ["TEMP"])
                exp["records"]["therapist/TEMP.csv"] = len(L) - 2
                silent("a unit written after the start time in Windows-1252 ('1777... °C'): README: header rows implausible reject "
                       "the file at line 1; a user expects that row, its reason without a replacement character")
            # ------------------------------------------------------------ values at the sensors' limits
            elif dmg == "acc-clipping":
                L = cf["ACC.csv"]
                for i in range(2 + 150 * 32, 2 + 160 * 32):
                    L[i] = "%d,%d,%d\n" % ((127 if i % 2 else -128), -128, 127)
                expect("ACC at the E4's clipping limits (-128, 127) for 10 s: read, no reject (README: +-128 is the sensor's range)")
            elif dmg == "temp-zero-minute":
                L = cf["TEMP.csv"]
                for i in range(2 + 100 * 4, 2 + 160 * 4):
                    L[i] = "0.00\n"
                expect("TEMP 0.00 degC for a minute (off the wrist): within -20..60, read, no reject")
            elif dmg == "eda-all-zero":
                tf["EDA.csv"] = tf["EDA.csv"][:2] + ["0.000000\n"] * (len(tf["EDA.csv"]) - 2)
                expect("therapist EDA all 0 (no skin contact): within 0-100 uS, read, no reject")
            elif dmg == "ibi-zero-interval":
                L = cf["IBI.csv"]
                for i in (150, 300):
                    o, iv = L[i].strip().split(",")
                    L[i] = "%s,0.000000\n" % o
                    rej("client/IBI.csv", i + 1, [], "IBI interval 0 s (range 0.01-3600 s)")
            elif dmg == "hr-longer":
                L = cf["HR.csv"]
                cf["HR.csv"] = L + [L[-1]] * 2400
                expect("client HR.csv 40 min longer than the other channels: read, no reject")
            elif dmg == "therapist-no-overlap":
                exp["flag_words"].append("therapist sensor data cover 0 %")
                expect("therapist recording ending 3 h before the video: no reject; a flag reason says it covers 0 % of the video")
            elif dmg == "channel-upper-case-extension":
                for fn in ("EDA.csv", "TEMP.csv"):
                    out["client/" + fn.replace(".csv", ".CSV")] = "".join(cf.pop(fn)).encode()
                silent("EDA.CSV and TEMP.CSV (a FAT card or a Windows tool's upper-case extension): README reads channel file names "
                       "in lower case (eda.csv.gz); a user expects EDA.CSV read too, or a row saying it was not")
                exp["upper_ext"] = True
            # ------------------------------------------------------------ session.json
            elif dmg == "json-extra-keys":
                sj_patch["notes"] = "client arrived late; talked about her sister"
                sj_patch["site"] = {"name": "Ambulanz Nord", "room": 3}
                sj_patch["video"] = None
            elif dmg == "json-null-optional":
                sj_patch["duration_s"] = None
                sj_patch["codebook"] = None
                silent("duration_s: null and codebook: null (a script writing None for a field it has no value for): README "
                       "silent; a user expects them read as absent (duration_s from the data)")
            elif dmg == "json-numbers-as-strings":
                sj_patch["session_number"] = "3"
            elif dmg == "json-roles-other-case":
                wearables = {"Client": "client", "THERAPIST": "therapist"}
                silent("wearables keys `Client` and `THERAPIST`: README names `client`/`Client` twice an error (one role); "
                       "a user expects them read as the client and the therapist")
            elif dmg == "json-null-therapist-id":
                sj_patch["therapist_id"] = None
                exp["reviewed"] = False
                rej("session.json", None, ["therapist_id"], "therapist_id null", tol=BIG)
            elif dmg == "json-wearables-absolute-path":
                wearables = {"client": os.path.abspath(os.path.join(d, "client")), "therapist": "therapist"}
                exp["reviewed"] = False
                rej("session.json", None, ["wearables"], "wearables.client an absolute path (to the session's own folder)", tol=BIG)
                expect("an absolute wearables path, even to the session's own folder: session.json rejected (README Confinement)")
            elif dmg == "json-session-id-repeated-other-case":
                exp["reviewed"] = False
                exp["dup_of"] = "J22"
                rej(None, None, [], "session_id j22 repeats J22's in another case", tol=BIG)
                exp["annotations"] = 0

        # ---------------------------------------------------------------- codings
        def add_ann(fname, content):
            ann_files.append(fname)
            p = os.path.join(d, fname)
            if isinstance(content, bytes):
                open(p, "wb").write(content)
            else:
                open(p, "w", encoding="utf-8", newline="").write(content)

        if fmt == "eaf":
            add_ann("codes.eaf", S7.eaf_text(evs)[0])
        elif fmt == "eaf-bomb":
            text = S7.eaf_text(evs)[0]
            dt = ('<!DOCTYPE ANNOTATION_DOCUMENT [\n <!ENTITY a "AAAAAAAAAA">\n'
                  + "".join(' <!ENTITY %s "%s">\n' % (chr(98 + i), ("&%s;" % chr(97 + i)) * 10) for i in range(9))
                  + "]>\n")
            text = text.replace("?>\n", "?>\n" + dt, 1).replace(">INT_VALIDATION<", ">&j;<")
            add_ann("codes.eaf", text)
            add_ann("codes.csv", "".join(S7.csv_lines(evs)))
            rej("codes.eaf", None, [], "an .eaf with a DOCTYPE of nested entities (a billion laughs)", tol=BIG)
            expect("an .eaf with a DOCTYPE of nested internal entities: refused as a whole, quickly, one reject "
                   "(README: an external entity is refused; an entity bomb must be refused safely); the CSV beside it read")
        elif fmt == "eaf-100k":
            big = []
            codes = ["ANX_STR_SIGH", "ANX_STR_HANDS", "INT_VALIDATION"]
            for i in range(N100K):
                t = 5.0 + i * 0.0064
                big.append({"start": round(t, 4), "end": round(t + 0.004, 4), "code": codes[i % 3],
                            "actor": "therapist" if i % 3 == 2 else "client", "sig": None})
            add_ann("codes.eaf", S7.eaf_text(big)[0])
            exp["annotations"] = N100K
            exp["episode"] = False  # the arousal is still planted; 100k cues change the moments' kinds
            expect("an .eaf of %d annotations: all read (README sets no limit); 100,000 took the review minutes before c87969c5 (README of this cohort)" % N100K)
        elif fmt == "boris" or fmt == "boris-nosubject":
            bl, rows = S7.boris_lines(evs, sid)
            if fmt == "boris-nosubject":
                nl = [bl[0]]
                for x in bl[1:]:
                    c = x.rstrip("\n").split("\t")
                    c[9] = ""
                    nl.append("\t".join(c) + "\n")
                bl = nl
                silent("a BORIS export whose Subject cells are empty (coded without subjects): README: a record with no actor "
                       "information takes its code's own actor (a subject `No focal subject`); a user expects the same for an "
                       "empty cell: all six read")
            add_ann("codes_boris.tsv", "".join(bl))
        elif fmt in ("csv", "csv-upper"):
            L = S7.csv_lines(evs)
            fname = "codes.csv"
            if fmt == "csv-upper":
                fname = "CODES.CSV"
                L.append("%s,,ANX_STR_WHISTLE,client,\n" % (onset + 50.0))
                L.append("%s,,INT_TELEPATHY,therapist,\n" % (onset + 60.0))
                rej(fname, len(L) - 1, ["code", "map"], "unknown code ANX_STR_WHISTLE")
                rej(fname, len(L), ["code", "map"], "unknown code INT_TELEPATHY")
            add_ann(fname, "".join(L))
        elif fmt == "csv-quoted":
            L = ["sep=,\n", "start,end,code,actor,significance,note\n"]
            for i, e in enumerate(evs):
                note = '"sighs, then: ""I don\'t know""\nlong pause, looks away"' if i in (1, 3) else "ok"
                L.append("%s,%s,%s,%s,%s,%s\n" % (e["start"], "" if e["end"] is None else e["end"], e["code"], e["actor"],
                                                   e["sig"] or "", note))
            add_ann("codes.csv", "".join(L))
            silent("a first line `sep=,` (Excel's hint, README names `sep=;`): a user expects it honoured")
        elif fmt == "jsonl" or fmt == "jsonl-odd" or fmt == "jsonl-array":
            L = S7.jsonl_lines(evs)
            if fmt == "jsonl-odd":
                L = [x.rstrip("\n") + ",\n" for x in L]  # trailing commas
                L[0] = "\ufeff" + L[0]
                o = json.loads(L[2].rstrip(",\n"))
                o["end"] = float("nan")
                L[2] = json.dumps(o) + ",\n"  # end NaN: a point event
                L.insert(3, "\n")  # blank line 4
                L.insert(5, L[4])  # line 6 repeats line 5
                rej("codes.jsonl", 6, ["repeat", "twice", "line 5"], "an event pasted twice")
                L.append('{"start": Infinity, "code": "ANX_STR_SIGH", "actor": "client"},\n')
                rej("codes.jsonl", len(L), ["finite"], "start Infinity")
                opt("codes.jsonl", "the blank line 4 (README silent)")
                silent("a blank line inside JSONL: README silent; a user expects it skipped (a row is allowed)")
                expect("JSONL with a BOM, a comma after each object, an end NaN (point event), a line pasted twice (one reject) "
                       "and a start Infinity (a reject 'not a finite number'): 6 annotations")
            if fmt == "jsonl-array":
                arr = [json.loads(x) for x in L]
                add_ann("codes.jsonl", json.dumps(arr) + "\n")
                expect("a .jsonl holding one JSON array on one line (json.dump of a list): read, 6 annotations (README: any name)")
            else:
                add_ann("codes.jsonl", "".join(L))

        # ---------------------------------------------------------------- write E4 files
        for role, files, folder in (("client", cf, cdir), ("therapist", tf, tdir)):
            if role in skip:
                continue
            os.makedirs(os.path.join(d, folder), exist_ok=True)
            for fn, L in files.items():
                rel = folder + "/" + fn
                open(os.path.join(d, rel), "w", encoding="utf-8", newline="").write("".join(L))
                exp["records"][rel] = len(L) - (1 if fn == "IBI.csv" else 2)
        for rel, data in out.items():
            p = os.path.join(d, rel)
            os.makedirs(os.path.dirname(p), exist_ok=True)
            open(p, "wb").write(data)

        sj = {
            "session_id": sid,
            "therapist_id": "T%02d" % (1 + k % 3),
            "client_id": "C-%04d" % (300 + k),
            "session_number": 1 + k // 3,
            "media_start": media.isoformat(),
            "duration_s": duration,
            "wearables": wearables,
            "annotations": ann_files,
            "consent": {"supervision": True, "research": True},
        }
        sj.update(sj_patch)
        if "json-null-optional" in damages:
            exp["duration_null"] = True
        text = json.dumps(sj, indent=2, ensure_ascii=False) + "\n"
        if exp.get("link_out"):
            outside = os.path.abspath(os.path.join(root, "outside-" + name))
            os.makedirs(outside, exist_ok=True)
            open(os.path.join(outside, "session.json"), "w", encoding="utf-8").write(text)
            os.symlink(os.path.join(outside, "session.json"), os.path.join(d, "session.json"))
        else:
            open(os.path.join(d, "session.json"), "w", encoding="utf-8").write(text)
        exp["client_folder"], exp["therapist_folder"] = cdir, tdir
        exp["annotation_files"] = ann_files
        plan["sessions"].append(exp)

    with open(os.path.join(root, "plan.json"), "w") as f:
        json.dump(plan, f, indent=1, ensure_ascii=False)


if __name__ == "__main__":
    main()
