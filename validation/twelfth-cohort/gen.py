#!/usr/bin/env python3
"""Twelfth independent cohort: damaged and unusual input the seventh audit did not plant.

Usage: python3 gen.py SEED DIR   (python3 standard library only)

Writes DIR/sessions/<session>/ and DIR/plan.json. Every session is an 11-12 minute dyad session
(client and therapist plain E4 exports, a planted client arousal episode: heart rate, tonic skin
conductance, SCR rate up, skin temperature down; the physiology is the seventh cohort's gen.py,
imported from ../seventh-cohort) and a coding file; most carry one to four damages as users meet
them: E4 Connect zips cut or altered, gzip oddities, header and value damage, odd files and
folders, damaged codings. plan.json lists per session each damage, what the README says must
happen (reject rows with file, line and words of the reason; channels missing; annotations
accepted; reviewed or not) and where the README is silent (then a user's reasonable expectation).
Written from the README and DOMAIN.md section 1 alone.
"""
import gzip
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

CH = ["ACC.csv", "BVP.csv", "EDA.csv", "HR.csv", "IBI.csv", "TEMP.csv"]  # E4 Connect's zip order
ALLCH = ["ACC", "BVP", "EDA", "HR", "IBI", "TEMP"]

# name, coding format, damages
SPECS = [
    ("H01-intact", "eaf", []),
    ("H02-zip-cut-central-dir", "jsonl", ["zip-cut-central-directory"]),
    ("H03-zip-bad-crc-cut-entry", "csv", ["zip-bad-crc", "zip-cut-in-entry"]),
    ("H04-zip-in-zip", "jsonl", ["zip-in-zip"]),
    ("H05-zip-channel-twice", "csv", ["zip-channel-twice"]),
    ("H06-zip-empty-and-not-zip", "jsonl", ["zip-empty", "zip-not-a-zip"]),
    ("H07-zip-beside-loose", "csv", ["zip-beside-loose-csv"]),
    ("H08-gzip", "jsonl", ["gz-truncated", "gz-plain-text", "gz-beside-plain"]),
    ("H09-rates", "csv", ["rate-0-nan-inf-neg", "rate-4e0"]),
    ("H10-acc-rate-start", "jsonl", ["acc-rates-differ", "start-0", "start-2100", "start-1.7e9.5"]),
    ("H11-rate-changes-ibi-back-hr0", "csv", ["header-again-other-rate", "ibi-back-10min", "hr-zero"]),
    ("H12-values", "jsonl", ["values-nan-inf-neg0-1e400", "temp-thousands", "ibi-1mb-line"]),
    ("H13-tabs-trailing-comma", "csv", ["acc-tabs", "eda-trailing-comma"]),
    ("H14-session-json-empty", "jsonl", ["json-zero-bytes"]),
    ("H15-session-json-bom-dupkey", "jsonl", ["json-bom", "json-duplicate-key"]),
    ("H16-duration-0", "jsonl", ["json-duration-0"]),
    ("H17-duration-negative", "jsonl", ["json-duration-negative"]),
    ("H18-files-odd", "csv", ["wearer-broken-symlink", "temp-is-directory", "eda-and-eda-lowercase"]),
    ("H19-no-wearer-data", "jsonl", ["no-wearer-data"]),
    ("H20-names-unicode", "csv", ["names-spaces-unicode"]),
    ("H21-eaf-ids-slots-refs", "eaf", ["eaf-duplicate-id", "eaf-missing-slot", "eaf-ref-parent-missing", "eaf-unknown-code"]),
    ("H22-boris-no-header", "boris", ["boris-header-missing"]),
    ("H23-jsonl-types-csv-late", "jsonl+csv", ["jsonl-number-for-string", "csv-start-after-end-of-media"]),
    ("H24-intact-boris", "boris", []),
]


def zip_bytes(files, order=CH, stored=()):
    bio = io.BytesIO()
    with zipfile.ZipFile(bio, "w") as z:
        for fn in order:
            if fn in files:
                comp = zipfile.ZIP_STORED if fn in stored else zipfile.ZIP_DEFLATED
                z.writestr(fn, "".join(files[fn]), compress_type=comp)
        z.writestr("info.txt", "E4 Connect download\n")
    return bio.getvalue()


def main():
    seed = int(sys.argv[1])
    root = sys.argv[2]
    rng = random.Random(seed)
    sroot = os.path.join(root, "sessions")
    os.makedirs(sroot, exist_ok=True)
    plan = {"seed": seed, "sessions": []}
    base_day = datetime(2026, 4, 6, 9, 0, 0, tzinfo=timezone(timedelta(hours=2)))

    for k, (name, fmt, damages) in enumerate(SPECS):
        sid = name.split("-")[0]
        d = os.path.join(sroot, name)
        os.makedirs(d, exist_ok=True)
        duration = rng.choice([660, 690, 720])
        onset = float(rng.randint(385, 415))
        media = base_day + timedelta(days=k, minutes=rng.randint(0, 30))
        mu = media.timestamp()
        t0c, t1c = -rng.randint(40, 90), duration + rng.randint(20, 60)
        t0t, t1t = -rng.randint(40, 90), duration + rng.randint(20, 60)
        client = S7.Wearer(rng, t0c, t1c, (onset, 30.0, 120.0, 45.0))
        ther = S7.Wearer(rng, t0t, t1t, None)
        cf = S7.e4_files(client, mu + t0c)
        tf = S7.e4_files(ther, mu + t0t)
        evs = S7.events_for(rng, onset)
        exp = {
            "session_id": sid, "folder": name, "damages": damages, "duration_s": duration, "onset_s": onset,
            "reviewed": True, "episode": True, "missing_channels": [], "rejects": [], "optional_rejects": [],
            "annotations": len(evs), "readme_silent": [], "records": {}, "expect": [], "rejected_records": {},
            "flag_words": [],
        }
        cdir, tdir = "client", "therapist"
        wearables = {"client": "client", "therapist": "therapist"}
        out = {}  # relative path -> bytes, written as is (the E4 folders are written from cf/tf unless skip)
        skip = set()  # roles whose folder is written by a damage
        extra_ops = []  # callables run after the files are written
        ann_files = []
        sj_text = None

        def rej(f, line, words, note, tol=0):
            exp["rejects"].append({"file": f, "line": line, "tol": tol, "words": words, "note": note})

        def opt(f, note):
            """a reject row the README neither asks for nor forbids (README silent)"""
            exp["optional_rejects"].append({"file": f, "note": note})

        def missing(role, chans):
            exp["missing_channels"] += ["%s:%s" % (role, c) for c in chans]

        def silent(x):
            exp["readme_silent"].append(x)

        def expect(x):
            exp["expect"].append(x)

        for dmg in damages:
            # ---------------------------------------------------------------- E4 Connect zips
            if dmg == "zip-cut-central-directory":
                data = zip_bytes(tf)
                cd = data.rfind(b"PK\x01\x02", 0, len(data))
                first_cd = data.find(b"PK\x01\x02")
                cut = first_cd + (cd - first_cd) // 2
                out["therapist/1775000000_A01234.zip"] = data[:cut]
                skip.add("therapist")
                opt("therapist/1775000000_A01234.zip", "a zip cut in its central directory")
                silent("an E4 zip cut inside its central directory (every entry complete, the directory half gone): "
                       "README says a zip entry cut short keeps its complete lines; a user expects every channel read "
                       "(each entry is whole) or each channel a reject naming the zip, never a silent loss")
                expect("therapist zip cut in its central directory: every channel read, or rejects naming the zip")
                exp["cd_cut"] = "therapist"
            elif dmg == "zip-bad-crc":
                # TEMP stored (not deflated) and one digit changed: only the CRC-32 tells
                data = bytearray(zip_bytes(cf, stored=("TEMP.csv",)))
                z = zipfile.ZipFile(io.BytesIO(bytes(data)))
                info = z.getinfo("TEMP.csv")
                hdr = info.header_offset
                nlen = int.from_bytes(data[hdr + 26:hdr + 28], "little")
                xlen = int.from_bytes(data[hdr + 28:hdr + 30], "little")
                start = hdr + 30 + nlen + xlen
                pos = start + info.compress_size // 2
                while not (48 <= data[pos] <= 56):
                    pos += 1
                data[pos] += 1
                out["client/1775000000_A09999.zip"] = bytes(data)
                skip.add("client")
                rej("client/1775000000_A09999.zip/TEMP.csv", None, ["crc"], "TEMP.csv entry with a CRC-32 mismatch", tol=10**6)
                missing("client", ["TEMP"])
                expect("client zip whose TEMP.csv entry fails its CRC-32: TEMP rejected as a whole, its channel missing; the other entries read (README)")
            elif dmg == "zip-cut-in-entry":
                data = zip_bytes(tf)
                z = zipfile.ZipFile(io.BytesIO(data))
                info = z.getinfo("EDA.csv")
                cut = info.header_offset + 30 + len("EDA.csv") + info.compress_size // 2
                out["therapist/1775000000_A04321.zip"] = data[:cut]
                skip.add("therapist")
                rej("therapist/1775000000_A04321.zip", None, ["EDA"], "zip cut inside its EDA.csv entry (a download that stopped)", tol=10**6)
                missing("therapist", ["HR", "IBI", "TEMP"])
                opt("therapist/1775000000_A04321.zip/EDA.csv", "the cut entry")
                expect("therapist zip cut inside EDA.csv: ACC and BVP read, EDA's lines before the cut, HR IBI TEMP missing; a reject naming the entry (README, corpus e4-connect-zip-truncated)")
            elif dmg == "zip-in-zip":
                inner = zip_bytes(cf)
                bio = io.BytesIO()
                with zipfile.ZipFile(bio, "w") as z:
                    z.writestr("1775000000_A09999.zip", inner)
                out["client/download.zip"] = bio.getvalue()
                skip.add("client")
                missing("client", ALLCH)
                exp["episode"] = False
                rej("client", None, ["another zip"], "a zip holding only another zip: no channel file", tol=10**6)
                silent("a zip holding another zip (the E4 Connect download zipped again): README says only the six channel files of a zip are read and "
                       "a wearer's folder holding no channel files or zip is a reject; a user expects a reject saying the zip holds no channel file (or the inner zip read), never six channels missing without a word")
            elif dmg == "zip-channel-twice":
                bio = io.BytesIO()
                with zipfile.ZipFile(bio, "w") as z:
                    for fn in CH:
                        z.writestr(fn, "".join(cf[fn]))
                    z.writestr("1775000000_A09999/EDA.csv", "".join(tf["EDA.csv"]))
                out["client/1775000000_A09999.zip"] = bio.getvalue()
                skip.add("client")
                rej("client/1775000000_A09999.zip/1775000000_A09999/EDA.csv", None, ["ignored"], "EDA.csv twice in one zip (top level and in a folder)", tol=10**6)
                silent("a zip holding EDA.csv at its top level and again in a folder: README silent; a user expects one read and the other a reject saying it was ignored (as EDA.csv beside EDA.csv.gz), never the two merged")
            elif dmg == "zip-empty":
                out["client/1775000000_A09999.zip"] = b"PK\x05\x06" + b"\0" * 18
                skip.add("client")
                missing("client", ALLCH)
                exp["episode"] = False
                rej("client", None, ["empty"], "an empty zip (no entry)", tol=10**6)
                silent("an empty zip as the wearer's only file: README says a folder holding no channel file or zip is a reject; a user expects a reject naming the empty zip")
            elif dmg == "zip-not-a-zip":
                out["therapist.zip"] = "".join(tf["EDA.csv"]).encode()
                skip.add("therapist")
                wearables["therapist"] = "therapist.zip"
                missing("therapist", ALLCH)
                rej("therapist.zip", None, ["not a zip"], "wearables names therapist.zip, which is a CSV, not a zip", tol=10**6)
                silent("a file named .zip that is no zip: README silent; a user expects one reject saying it is not a valid zip")
            elif dmg == "zip-beside-loose-csv":
                out["client/1775000000_A09999.zip"] = zip_bytes(cf)
                opt("client/1775000000_A09999.zip", "the zip beside the channel files")
                silent("the E4 zip beside the loose channel files it holds: README says a wearer's folder may hold the zip 'instead of' the channel files; "
                       "a user expects the channel files read once (not twice, no channel rejected as overlapping itself)")
            # ---------------------------------------------------------------- gzip
            elif dmg == "gz-truncated":
                data = gzip.compress("".join(cf["TEMP.csv"]).encode(), mtime=0)
                out["client/TEMP.csv.gz"] = data[: len(data) * 2 // 3]
                cf.pop("TEMP.csv")
                rej("client/TEMP.csv.gz", None, ["cut", "truncat", "short"], "TEMP.csv.gz cut at two thirds", tol=10**6)
                expect("truncated TEMP.csv.gz: one reject, its complete lines before the cut kept (README)")
            elif dmg == "gz-plain-text":
                out["therapist/HR.csv.gz"] = "".join(tf.pop("HR.csv")).encode()
                expect("HR.csv.gz holding plain text: read as text, no reject (README)")
            elif dmg == "gz-beside-plain":
                out["therapist/EDA.csv.gz"] = gzip.compress("".join(tf["EDA.csv"]).encode(), mtime=0)
                rej("therapist/EDA.csv.gz", None, ["ignored"], "EDA.csv.gz beside EDA.csv", tol=10**6)
                expect("EDA.csv beside EDA.csv.gz: the plain one read, the .gz a reject saying it was ignored (README)")
            # ---------------------------------------------------------------- headers
            elif dmg == "rate-0-nan-inf-neg":
                for fn, r in (("EDA.csv", "0"), ("TEMP.csv", "NaN"), ("BVP.csv", "inf"), ("HR.csv", "-4")):
                    tf[fn][1] = r + "\n"
                    rej("therapist/" + fn, 2, ["rate"], "sample rate %s" % r)
                missing("therapist", ["EDA", "TEMP", "BVP", "HR"])
                expect("therapist rates 0, NaN, inf, -4: each file rejected at line 2 naming the rate (README plausibility limits)")
            elif dmg == "rate-4e0":
                cf["EDA.csv"][1] = "4e0\n"
                silent("a rate row written 4e0: README silent; a user expects it read as 4 Hz (a start time in scientific notation is read)")
            elif dmg == "acc-rates-differ":
                cf["ACC.csv"][1] = "32.000000, 32.000000, 16.000000\n"
                rej("client/ACC.csv", 2, ["rate"], "ACC rate differing between its columns")
                missing("client", ["ACC"])
                silent("ACC rates differing between columns: README says so for start times (e4-acc-unequal-starts); a user expects the same at line 2")
            elif dmg == "start-0":
                tf["EDA.csv"][0] = "0\n"
                rej("therapist/EDA.csv", 1, ["start"], "start time 0 (1970)")
                missing("therapist", ["EDA"])
            elif dmg == "start-2100":
                tf["TEMP.csv"][0] = "4102444800.000000\n"
                rej("therapist/TEMP.csv", 1, ["start"], "start time in the year 2100")
                missing("therapist", ["TEMP"])
            elif dmg == "start-1.7e9.5":
                tf["HR.csv"][0] = "1.7e9.5\n"
                rej("therapist/HR.csv", 1, [], "start time 1.7e9.5")
                missing("therapist", ["HR"])
            elif dmg == "header-again-other-rate":
                L = cf["TEMP.csv"]
                at = 1200
                t_at = float(L[0]) + (at - 2) / 4.0
                cf["TEMP.csv"] = L[:at] + ["%.6f\n" % t_at, "8.000000\n"] + L[at:]
                rej("client/TEMP.csv", at + 1, [], "second start row (joined export)")
                rej("client/TEMP.csv", at + 2, ["rate"], "second rate row 8 Hz: the rest rejected")
                exp["rejected_records"]["client/TEMP.csv"] = len(L) - at + 2
                expect("TEMP.csv with a second header at line %d with rate 8: both rows rejected, the rest of the file rejected (README joined exports)" % (at + 1))
            elif dmg == "ibi-back-10min":
                L = tf["IBI.csv"]
                at = len(L) // 2
                newl = [L[0]] + L[1:at]
                for x in L[at:]:
                    o, iv = x.strip().split(",")
                    newl.append("%.6f,%s\n" % (float(o) - 600.0, iv))
                tf["IBI.csv"] = newl
                opt("therapist/IBI.csv", "offsets back by 600 s")
                exp["ibi_back"] = {"file": "therapist/IBI.csv", "line": at + 1, "beats_after": len(L) - at}
                silent("IBI.csv whose offsets go back 10 min mid-file (no header): README rejects a beat not after the previous one; "
                       "a user expects the stretch falling on time already read rejected as one stretch (as for a joined export), and every line accounted for")
            elif dmg == "hr-zero":
                L = cf["HR.csv"]
                for i in (100, 101, 102):
                    L[i] = "0.00\n"
                    rej("client/HR.csv", i + 1, ["range", "20"], "HR 0 bpm")
            # ---------------------------------------------------------------- values
            elif dmg == "values-nan-inf-neg0-1e400":
                L = cf["EDA.csv"]
                L[500] = "NaN\n"
                L[600] = "Infinity\n"
                L[700] = "-0\n"
                L[800] = "1e400\n"
                rej("client/EDA.csv", 501, [], "NaN")
                rej("client/EDA.csv", 601, [], "Infinity")
                rej("client/EDA.csv", 801, [], "1e400 (infinite as a double)")
                silent("EDA -0: README silent; within 0-100 uS, a user expects it read as 0")
            elif dmg == "temp-thousands":
                cf["TEMP.csv"][900] = '"1,234.5"\n'
                cf["TEMP.csv"][901] = "1,234.5\n"
                rej("client/TEMP.csv", 901, [], "quoted 1,234.5 in TEMP")
                rej("client/TEMP.csv", 902, [], "1,234.5 in TEMP (thousands separator)")
            elif dmg == "ibi-1mb-line":
                L = cf["IBI.csv"]
                L[200] = "1" * (1 << 20) + "\n"
                rej("client/IBI.csv", 201, ["4096", "long"], "1 MB of digits")
            elif dmg == "acc-tabs":
                for fn in ("ACC.csv", "IBI.csv"):
                    cf[fn] = [x.replace(", ", "\t").replace(",", "\t") for x in cf[fn]]
                silent("ACC.csv and IBI.csv with tabs for commas (a spreadsheet's 'Text (tab delimited)'): README silent before this audit; a user expects them read, as semicolons are")
            elif dmg == "eda-trailing-comma":
                tf["EDA.csv"] = [x.replace("\n", ",\n") for x in tf["EDA.csv"]]
                silent("EDA.csv with a comma ending every row: README has it for ACC and IBI (corpus); a user expects the same for a one-column file")
            # ---------------------------------------------------------------- files
            elif dmg == "json-zero-bytes":
                sj_text = ""
                exp["reviewed"] = False
                rej("session.json", None, ["empty"], "zero-byte session.json", tol=10**6)
            elif dmg == "json-bom":
                sj_text = "BOM"
            elif dmg == "json-duplicate-key":
                sj_text = (sj_text or "") + "+DUP"
                exp["reviewed"] = False
                rej("session.json", None, ["twice"], "therapist_id given twice", tol=10**6)
            elif dmg == "json-duration-0":
                sj_text = "DUR0"
                exp["reviewed"] = False
                rej("session.json", None, ["duration_s"], "duration_s 0", tol=10**6)
            elif dmg == "json-duration-negative":
                sj_text = "DURNEG"
                exp["reviewed"] = False
                rej("session.json", None, ["duration_s"], "duration_s -600", tol=10**6)
            elif dmg == "wearer-broken-symlink":
                skip.add("therapist")
                extra_ops.append(lambda d=d: os.symlink("/nonexistent/therapist_e4", os.path.join(d, "therapist")))
                rej("therapist", None, [], "therapist folder a broken symbolic link", tol=10**6)
                missing("therapist", ALLCH)
            elif dmg == "temp-is-directory":
                cf.pop("TEMP.csv")
                extra_ops.append(lambda d=d: os.makedirs(os.path.join(d, "client", "TEMP.csv", "x")))
                rej("client/TEMP.csv", None, [], "TEMP.csv is a directory", tol=10**6)
                missing("client", ["TEMP"])
            elif dmg == "eda-and-eda-lowercase":
                other = [x for x in tf["EDA.csv"]]
                other[300] = "0.999999\n"  # not the same bytes
                out["client/eda.csv"] = "".join(other).encode()
                rej("client/eda.csv", None, ["ignored"], "eda.csv beside EDA.csv", tol=10**6)
                silent("EDA.csv beside eda.csv (files differing only in case; one folder on Linux, impossible on Windows or macOS): README silent; "
                       "a user expects one read and the other a reject saying it was ignored, as for EDA.csv beside EDA.csv.gz, the choice the same every run")
            elif dmg == "no-wearer-data":
                skip.update(["client", "therapist"])
                wearables = {}
                exp["episode"] = False
                silent("a session with no wearable at all (wearables {}): README says a missing channel is never fatal; a user expects the session reviewed from its codings, every channel listed missing or a reason saying no sensor data")
                exp["flag_words"].append("no client sensor data")
            elif dmg == "names-spaces-unicode":
                cdir, tdir = "Klientin Ä 1", "thérapeute e4"
                wearables = {"client": cdir, "therapist": tdir}
                expect("wearer folders and coding file with spaces and non-ASCII letters: read (README: names are kept)")
            # codings handled below
        # ---------------------------------------------------------------- codings
        def add_ann(fname, content):
            ann_files.append(fname)
            p = os.path.join(d, fname)
            if isinstance(content, bytes):
                open(p, "wb").write(content)
            else:
                open(p, "w", encoding="utf-8", newline="").write(content)

        if fmt == "eaf":
            text, ids = S7.eaf_text(evs)
            refs = []  # (REF_ANNOTATION id, the id it refers to, intensity) on one intensity tier
            if "eaf-duplicate-id" in damages:
                # a6 re-uses a5's id (hand-merged files)
                text = text.replace('ANNOTATION_ID="a6"', 'ANNOTATION_ID="a5"')
                silent("two annotations with one ANNOTATION_ID (hand-merged files): README silent; a user expects both read, and a reference to that id "
                       "(an intensity) a reject saying it is ambiguous, never attached to one of them without a word")
                refs.append(("r2", "a5", "3"))
                rej("codes.eaf", None, ["share"], "intensity REF_ANNOTATION r2 to the shared id a5", tol=10**6)
            if "eaf-missing-slot" in damages:
                text = text.replace('TIME_SLOT_REF2="ts4"', 'TIME_SLOT_REF2="ts99"')
                rej("codes.eaf", None, ["slot", "ts99"], "a2 refers to a time slot not declared", tol=10**6)
                exp["annotations"] -= 1
            if "eaf-ref-parent-missing" in damages:
                refs.append(("r1", "a77", "3"))
                rej("codes.eaf", None, ["a77", "parent", "ref"], "REF_ANNOTATION r1 whose parent a77 does not exist", tol=10**6)
            if refs:
                tier = '    <TIER LINGUISTIC_TYPE_REF="sig" PARENT_REF="client" PARTICIPANT="client" TIER_ID="intensity">\n'
                for rid, parent, v in refs:
                    tier += ('        <ANNOTATION>\n            <REF_ANNOTATION ANNOTATION_ID="%s" ANNOTATION_REF="%s">\n'
                             '                <ANNOTATION_VALUE>%s</ANNOTATION_VALUE>\n            </REF_ANNOTATION>\n        </ANNOTATION>\n' % (rid, parent, v))
                tier += "    </TIER>\n"
                lt = '    <LINGUISTIC_TYPE CONSTRAINTS="Symbolic_Association" GRAPHIC_REFERENCES="false" LINGUISTIC_TYPE_ID="sig" TIME_ALIGNABLE="false"/>\n'
                i = text.index("    <LINGUISTIC_TYPE")
                text = text[:i] + tier + lt + text[i:]
            if "eaf-unknown-code" in damages:
                text = text.replace(">INT_VALIDATION<", ">INT_TELEPATHY<")
                rej("codes.eaf", None, ["code", "map"], "unknown code INT_TELEPATHY", tol=10**6)
                exp["annotations"] -= 1
            add_ann("codes.eaf", text)
        elif fmt == "boris":
            bl, rows = S7.boris_lines(evs, sid)
            if "boris-header-missing" in damages:
                bl = bl[1:]
                exp["annotations"] = 0
                rej("codes_boris.tsv", None, [], "BORIS export whose header row was deleted", tol=10**6)
                silent("a BORIS export whose header row is gone: README says a native CSV that lost its header is one reject; a user expects the same here (one reject, or one per row), never a guess at its columns")
            add_ann("codes_boris.tsv", "".join(bl))
        elif fmt == "csv":
            name_csv = "Kodierung ü 1.csv" if "names-spaces-unicode" in damages else "codes.csv"
            add_ann(name_csv, "".join(S7.csv_lines(evs)))
        elif fmt in ("jsonl", "jsonl+csv"):
            L = S7.jsonl_lines(evs)
            if "jsonl-number-for-string" in damages:
                o = json.loads(L[1]); o["code"] = 5; L[1] = json.dumps(o) + "\n"
                o = json.loads(L[2]); o["actor"] = 1; L[2] = json.dumps(o) + "\n"
                rej("codes.jsonl", 2, ["code"], "code 5 (a number)")
                rej("codes.jsonl", 3, ["actor"], "actor 1 (a number)")
                exp["annotations"] -= 2
            add_ann("codes.jsonl", "".join(L))
            if fmt == "jsonl+csv":
                late = [
                    {"start": 610.0, "end": None, "code": "INT_VALIDATION", "actor": "therapist", "sig": None},
                    {"start": duration + 120.0, "end": None, "code": "INT_EXPLORE_FEELING", "actor": "therapist", "sig": None},
                    {"start": duration - 10.0, "end": duration + 90.0, "code": "ANX_STR_HANDS", "actor": "client", "sig": None},
                ]
                add_ann("late.csv", "".join(S7.csv_lines(late)))
                exp["annotations"] += 1
                rej("late.csv", 3, ["session", "outside", "duration", "past"], "start %d s past the %d s session" % (duration + 120, duration))
                rej("late.csv", 4, ["session", "outside", "duration", "past"], "end 90 s past the session")

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
            os.makedirs(os.path.dirname(os.path.join(d, rel)), exist_ok=True)
            open(os.path.join(d, rel), "wb").write(data)
        for op in extra_ops:
            op()
        if "zip-cut-central-directory" in damages or "zip-cut-in-entry" in damages:
            pass

        sj = {
            "session_id": sid,
            "therapist_id": "T%02d" % (1 + k % 3),
            "client_id": "C-%04d" % (200 + k),
            "session_number": 1 + k // 3,
            "media_start": media.isoformat(),
            "duration_s": duration,
            "wearables": wearables,
            "annotations": ann_files,
            "consent": {"supervision": True, "research": True},
        }
        if sj_text == "DUR0":
            sj["duration_s"] = 0
        if sj_text == "DURNEG":
            sj["duration_s"] = -600
        text = json.dumps(sj, indent=2) + "\n"
        if sj_text and "DUP" in sj_text:
            text = text.replace('  "session_number"', '  "therapist_id": "T09",\n  "session_number"')
        if sj_text and sj_text.startswith("BOM"):
            text = "\ufeff" + text
        if sj_text == "":
            text = ""
        open(os.path.join(d, "session.json"), "w", encoding="utf-8").write(text)
        exp["client_folder"], exp["therapist_folder"] = cdir, tdir
        exp["annotation_files"] = ann_files
        plan["sessions"].append(exp)

    with open(os.path.join(root, "plan.json"), "w") as f:
        json.dump(plan, f, indent=1, ensure_ascii=False)


if __name__ == "__main__":
    main()
