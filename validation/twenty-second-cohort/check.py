#!/usr/bin/env python3
"""Compares a report's pages with the review tables they were made from (README "Reports in a
browser", Outputs, Privacy in reports), independently of the report code.

check.py NAME TABLES REPORT [--twin REPORT2] [--video REPORTV PATTERN] [--browser FILE.json]
Reads the tables with `java -jar $SR_JAR sql --format json` and the footers of the Parquet files
directly; writes NAME's results (check kind, passed, total, first failures) as JSON on stdout.
"""
import decimal
import glob
import hashlib
import html
import json
import math
import os
import re
import statistics
import struct
import subprocess
import sys
import urllib.parse
from collections import defaultdict

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import htmltree  # noqa: E402

NAME, TABLES, REPORT = sys.argv[1:4]
OPTS = sys.argv[4:]
JAR = os.environ.get("SR_JAR", os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "jobs", "target", "session-review.jar"))

from checks import check, results  # noqa: E402


# ---------------------------------------------------------------- tables
QUERIES = [
    "SELECT * FROM sessions",
    "SELECT session_id, kind, role, start_s, end_s, severity, evidence FROM moments",
    "SELECT * FROM ruptures",
    "SELECT * FROM trainees",
    "SELECT * FROM clients",
    "SELECT session_id, code, family, actor, start_s FROM annotations "
    "WHERE family IN ('RES', 'INT', 'SAFE')",
]


def load_tables():
    """One sql call; each result follows a one-row marker result, so an empty one is told apart."""
    stmts = []
    for n, q in enumerate(QUERIES):
        stmts += ["SELECT %d AS block FROM sessions LIMIT 1" % n, q]
    out = subprocess.run(["java", "-jar", JAR, "sql", "--format", "json", "--tables", TABLES,
                          "-e", "; ".join(stmts)], capture_output=True, text=True, check=True)
    blocks, cur = [[] for _ in QUERIES], None
    for line in out.stdout.splitlines():
        if line.startswith("{"):
            row = json.loads(line)
            if list(row) == ["block"]:
                cur = blocks[row["block"]]
            else:
                cur.append(row)
    return blocks


def varint(b, i):
    r = s = 0
    while True:
        x = b[i]
        i += 1
        r |= (x & 0x7F) << s
        s += 7
        if not x & 0x80:
            return r, i


def footer(path):
    """session_review.* key-value pairs of a Parquet footer (Thrift compact strings, read raw)."""
    with open(path, "rb") as f:
        f.seek(-8, 2)
        n = struct.unpack("<i", f.read(4))[0]
        f.seek(-8 - n, 2)
        b = f.read(n)
    out, i = {}, 0
    while True:
        j = b.find(b"session_review", i)
        if j < 0:
            return out
        for k in range(1, 4):
            L, p = varint(b, j - k)
            if p == j and b[j - k - 1] == 0x18:
                break
        else:
            i = j + 1
            continue
        key, q = b[j:j + L].decode(), j + L
        if b[q] != 0x18:
            i = j + 1
            continue
        vl, p = varint(b, q + 1)
        out[key] = b[p:p + vl].decode()
        i = p + vl


# ---------------------------------------------------------------- formats (README)
def mmss(t):
    """README: video times as mm:ss, a time before the video as 00:00 (floor of the seconds)."""
    t = int(math.floor(max(t, 0.0) + 1e-9))
    return "%02d:%02d" % (t // 60, t % 60)


def fx(x, n):
    """A number with n decimals as the pages print it: half up on its shortest decimal form."""
    q = decimal.Decimal(1).scaleb(-n)
    return str(decimal.Decimal(repr(float(x))).quantize(q, rounding=decimal.ROUND_HALF_UP))


def pct(x):
    return "%d %%" % int(math.floor(x * 100 + 1e-9))


def norm(s):
    return re.sub(r"\s+", " ", s).strip()


def page_name(ident, twins):
    plain = re.fullmatch(r"[A-Za-z0-9._-]{1,100}", ident) and not ident.startswith(".")
    return ident if plain and ident.lower() not in twins else None


def load_page(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    return text, htmltree.parse(text)


# ---------------------------------------------------------------- the checks
def main():
    sessions, moments, ruptures, trainees, clients, coded = load_tables()
    foot = footer(sorted(glob.glob(os.path.join(TABLES, "sessions", "*.parquet")))[0])
    low = float(foot["session_review.scoring.low_data_quality"])
    consented = [s for s in sessions if s["consent_supervision"]]
    withheld = sorted(s["session_id"] for s in sessions if not s["consent_supervision"])
    by_id = {s["session_id"]: s for s in consented}
    mom = defaultdict(list)
    for m in moments:
        mom[m["session_id"]].append(m)
    rup = defaultdict(list)
    for r in ruptures:
        rup[r["session_id"]].append(r)

    idx_text, idx = load_page(os.path.join(REPORT, "index.html"))
    pages = {}  # relative path -> (text, tree)
    for path in glob.glob(os.path.join(REPORT, "**", "*.html"), recursive=True):
        pages[os.path.relpath(path, REPORT)] = load_page(path)

    # 1. the queue's order: safety first, then priority higher first, then session id
    def has_safety(s):
        return (s["annotation_count"] or 0) > 0 and (s["safety_events"] or 0) > 0

    flagged = sorted([s for s in consented if s["flagged"]],
                     key=lambda s: (not has_safety(s), -s["priority"], s["session_id"].encode()))
    qrows = htmltree.rows(idx.by_id("queue"))
    check("queue order", [r.attrs.get("data-session") for r in qrows]
          == [s["session_id"] for s in flagged],
          "queue %s... expected %s..." % ([r.attrs.get("data-session") for r in qrows][:5],
                                          [s["session_id"] for s in flagged][:5]))
    h2 = idx.by_id("flagged")
    check("queue count", h2 is not None and norm(h2.text()).endswith("(%d)" % len(flagged)),
          h2 and h2.text())
    unflagged = [s for s in consented if not s["flagged"]]
    urows = htmltree.rows(idx.by_id("unflagged-sessions"))
    first = idx.find("p", class_="note")
    if flagged:
        fa = first.find("a") if first is not None else None
        check("review first = queue's first", fa is not None and fa.text() == flagged[0]["session_id"]
              and norm(first.text()).startswith("Review first:"), first and norm(first.text())[:80])
    check("unflagged listed", sorted(r.attrs.get("data-session") for r in urows)
          == sorted(s["session_id"] for s in unflagged),
          "%d rows for %d sessions" % (len(urows), len(unflagged)))

    link_of = {}  # session id -> page href from the index
    for tr in qrows + urows:
        sid = tr.attrs.get("data-session")
        s = by_id.get(sid)
        if not check("row is a consented session", s is not None, sid):
            continue
        cells = tr.cells()
        a = cells[1].find("a")
        link_of[sid] = a.attrs["href"] if a else None
        check("session link text", a is not None and a.text() == sid, sid)
        check("trainee cell", norm(cells[2].text()) == s["therapist_id"], sid)
        check("client cell", s["client_key"][:12] in cells[3].text()
              and norm(cells[3].text()).endswith("#%d" % s["session_number"]), sid)
        check("date cell", norm(cells[4].text()) == s["session_date"], "%s %s" % (sid, cells[4].text()))
        lis = [norm(li.text()) for li in cells[5].find_all("li")]
        if s["flagged"]:
            check("reasons", lis == [norm(x) for x in s["flag_reasons"]],
                  "%s page %s table %s" % (sid, lis, s["flag_reasons"]))
            check("safety badge", (cells[5].find("span", class_="badge safety") is not None)
                  == has_safety(s), sid)
        else:
            want = [norm(x) for x in s["flag_reasons"]]
            check("unflagged notes", lis == want or (not want and "nothing flagged" in cells[5].text()),
                  "%s page %s table %s" % (sid, lis, want))
        coded_s = (s["annotation_count"] or 0) > 0
        anx = norm(cells[6].text())
        if s["anxiety_episodes"] is None:
            check("anxiety cell", anx.startswith("—") and "no client data" in anx, "%s %s" % (sid, anx))
        else:
            check("anxiety cell", anx == "%d (%s min)" % (s["anxiety_episodes"],
                                                          fx((s["anxiety_time_s"] or 0) / 60, 1)),
                  "%s %s" % (sid, anx))
        for col, want in ((7, "%s / %s" % (s["ruptures_withdrawal"], s["ruptures_confrontation"])),
                          (8, str(s["missed_opportunities"])), (9, str(s["safety_events"]))):
            got = norm(cells[col].text())
            check("coded counts / not coded", got == (want if coded_s else "not coded"),
                  "%s col %d: %s for %s (annotations %s)" % (sid, col, got, want, s["annotation_count"]))
        miss = s.get("missing_channels") or []

        def dq(role, q):
            if q == 0 and not any(m.startswith(role + ":") for m in miss):
                return "no wearable"
            return ("LOW " if q < low else "") + pct(q)

        want = "%s / %s" % (dq("client", s["data_quality_client"]),
                            dq("therapist", s["data_quality_therapist"]))
        got = norm(cells[10].text())
        check("data quality cell", got == want, "%s %r for %r" % (sid, got, want))
        check("priority cell", norm(cells[11].text()) == fx(s["priority"], 1), sid)

        # the moment to start at (README's order of kinds)
        start = cells[5].find("div", class_="start")
        exp = start_at(s, mom[sid], rup[sid])
        if s["flagged"] and exp is not None:
            if check("start at present", start is not None, sid):
                a2 = start.find("a")
                check("start at time", a2 is not None and a2.text() == mmss(exp["start_s"]),
                      "%s %s for %s (%s)" % (sid, a2 and a2.text(), mmss(exp["start_s"]), exp["kind"]))
                check("start at target", a2 is not None and a2.attrs["href"].split("#")[0]
                      == link_of[sid], sid)
                frag = a2.attrs["href"].split("#")[1] if a2 and "#" in a2.attrs["href"] else None
                target = pages.get(urllib.parse.unquote(link_of[sid] or ""))
                row = target[1].by_id(frag) if target and frag else None
                check("start at row", row is not None and row.attrs.get("data-kind") == exp["kind"]
                      and abs(float(row.attrs.get("data-start-s", "nan")) - exp["start_s"]) < 1,
                      "%s #%s is %s, expected %s at %s" % (sid, frag, row and row.attrs.get("data-kind"),
                                                           exp["kind"], exp["start_s"]))
        elif s["flagged"]:
            check("start at present", start is None, "%s: a start without moments" % sid)

    # the legend under the queue names the wearer that "no wearable" stands for
    legend = next((norm(p.text()) for p in idx.find_all("p", class_="muted") if "no wearable" in p.text()), "")
    after = legend.split("no wearable", 1)[-1].split(".")[0]
    for role in ("client", "therapist"):
        has = any(s["data_quality_" + role] == 0 and not any(
            m.startswith(role + ":") for m in (s.get("missing_channels") or [])) for s in consented)
        check("legend: no wearable names the wearer", not has or role in after or "wearer" in after,
              "a %s without a wristband in the rows, legend: ...%s" % (role, after))

    # withheld sessions: only the id line, no page, the id nowhere else
    wl = idx.by_id("withheld-sessions")
    items = [norm(li.text()) for li in wl.find_all("li")] if wl is not None else []
    check("withheld lines", items == ["%s: withheld (no supervision consent)" % w for w in withheld],
          "%s for %s" % (items, withheld))
    for w in withheld:
        for rel, (text, _) in pages.items():
            vis = html.unescape(text)
            n = vis.count(w) - (vis.count("%s: withheld" % w) if rel == "index.html" else 0)
            check("withheld id nowhere else", n == 0, "%s in %s" % (w, rel))

    # a trainee or client with withheld sessions only: no page, and named on none (the trainee id
    # only inside the session id's line)
    for s in sessions:
        if s["consent_supervision"]:
            continue
        t, k = s["therapist_id"], s["client_key"]
        if not any(x["therapist_id"] == t for x in consented):
            nav = idx.find("nav", class_="trainees")
            check("withheld-only trainee: no page or option", nav is not None
                  and t not in [a.text() for a in nav.find_all("a")]
                  and t not in [o.attrs.get("value") for o in idx.find_all("option")]
                  and not any(r.startswith("trainees/%s" % t) for r in pages), t)
        if not any(x["client_key"] == k for x in consented):
            check("withheld-only client: key on no page", not any(k[:12] in text for text, _ in pages.values()),
                  k[:12])

    # 2. session pages
    for s in consented:
        sid = s["session_id"]
        href = link_of.get(sid)
        if not check("session page linked", href is not None, sid):
            continue
        rel = urllib.parse.unquote(href)
        if not check("session page exists", rel in pages, "%s -> %s" % (sid, rel)):
            continue
        session_page(s, pages[rel], mom[sid], rup[sid], [c for c in coded if c["session_id"] == sid],
                     foot)
    check("no page for a withheld session", not any(
        os.path.basename(p) == w + ".html" for p in pages for w in withheld), withheld)

    # 3. trainee and client pages
    trainee_pages(consented, sessions, trainees, idx, pages)
    client_pages(consented, sessions, clients, idx, pages)

    # every page: no NaN/null/undefined, no empty table cell, charset, CSP, relative links resolve
    for rel, (text, tree) in pages.items():
        body = tree.find("main")
        vis = re.sub(r"<[^>]+>", " ", text[text.find("<main"):])
        bad = [w for w in ("NaN", "null", "undefined", "Infinity") if re.search(r"\b%s\b" % w, vis)]
        check("no NaN/null/undefined shown", not bad, "%s: %s" % (rel, bad))
        empty = [tr for tr in body.find_all("td") if not norm(tr.text())] if body else []
        check("no empty table cell", not empty, "%s: %d empty cells, first in row %s" % (
            rel, len(empty), empty and norm(empty[0].parent.text())[:80]))
        check("CSP forbids fetches", "default-src 'none'" in text, rel)
        for e in tree.iter():
            for attr in ("href", "src"):
                v = e.attrs.get(attr)
                if not v or v.startswith(("http:", "https:", "file:", "mailto:")):
                    continue
                if v.startswith("#"):
                    check("in-page anchor resolves", tree.by_id(v[1:]) is not None, "%s %s" % (rel, v))
                    continue
                path, _, frag = v.partition("#")
                target = os.path.normpath(os.path.join(os.path.dirname(rel), urllib.parse.unquote(path)))
                ok = target in pages
                check("relative link resolves", ok and not target.startswith(".."), "%s -> %s" % (rel, v))
                if ok and frag:
                    check("link fragment resolves", pages[target][1].by_id(frag) is not None,
                          "%s -> %s" % (rel, v))

    # 4. two reports of the same tables are byte-identical; the video pattern's links
    if "--twin" in OPTS:
        twin = OPTS[OPTS.index("--twin") + 1]
        for rel in pages:
            a = open(os.path.join(REPORT, rel), "rb").read()
            b = open(os.path.join(twin, rel), "rb").read() if os.path.exists(os.path.join(twin, rel)) else None
            check("byte-identical pages", a == b, rel)
        other = {os.path.relpath(p, twin) for p in glob.glob(os.path.join(twin, "**", "*.html"), recursive=True)}
        check("same page set twice", other == set(pages), sorted(other ^ set(pages))[:5])
    if "--video" in OPTS:
        i = OPTS.index("--video")
        video_links(OPTS[i + 1], OPTS[i + 2], consented, mom, rup, coded, link_of)
    if "--browser" in OPTS:
        with open(OPTS[OPTS.index("--browser") + 1]) as f:
            for kind, r in json.load(f).items():
                results["browser: " + kind] = r
    json.dump({"name": NAME, "sessions": len(sessions), "withheld": len(withheld),
               "pages": len(pages), "checks": results}, sys.stdout, indent=1, ensure_ascii=False)


ORDER = ["safety", "unaddressed_rupture", "escalated", "missed_opportunity",
         "pressure_above_threshold", "unvoiced_arousal", "client_anxiety", "rupture",
         "therapist_anxiety", "synchrony_drop"]


def start_at(s, moms, rups):
    """README: the earliest moment of the first kind present, in the order of the flag reasons."""
    escalated = {round(r["start_s"], 3) for r in rups if r["outcome"] == "escalated"}

    def cls(m):
        if m["kind"] == "rupture" and round(m["start_s"], 3) in escalated:
            return "escalated"
        if m["kind"] == "anxiety_episode":
            return "client_anxiety" if m["role"] == "client" else "therapist_anxiety"
        return m["kind"]

    for k in ORDER:
        ms = [m for m in moms if cls(m) == k]
        if ms:
            return min(ms, key=lambda m: m["start_s"])
    return None


def session_page(s, page, moms, rups, coded, foot):
    sid = s["session_id"]
    text, tree = page
    dur = s["duration_s"]
    # the moments table: every row, in the README's time format
    rows = htmltree.rows(tree.by_id("moments-table"))
    check("moments: one row each", len(rows) == len(moms), "%s: %d rows for %d" % (sid, len(rows), len(moms)))
    want = sorted(((mmss(m["start_s"]), mmss(m["end_s"]), m["role"], fx(m["severity"], 1)
                    if m["severity"] is not None else "—", norm(m["evidence"]), m["kind"]) for m in moms))
    got = []
    for tr in rows:
        c = tr.cells()
        st, en = c[3].find("span", class_="start"), c[3].find("span", class_="end")
        got.append((norm(st.text()) if st else norm(c[3].text()), norm(en.text()) if en else "",
                    norm(c[2].text()), norm(c[4].text()), norm(c[5].text()), tr.attrs.get("data-kind")))
    got.sort()
    for g, w in zip(got, want):
        check("moment row matches table", g == w, "%s page %s table %s" % (sid, g, w))
    check("moments in time order", [float(tr.attrs.get("data-start-s", 0)) for tr in rows]
          == sorted(float(tr.attrs.get("data-start-s", 0)) for tr in rows), sid)
    # ruptures
    rrows = htmltree.rows(tree.by_id("ruptures-table"))
    check("ruptures: one row each", len(rrows) == len(rups), "%s %d for %d" % (sid, len(rrows), len(rups)))
    byep = {r["episode_id"]: r for r in rups}
    for tr in rrows:
        c = tr.cells()
        r = byep.get(norm(c[0].text()))
        if not check("rupture row known", r is not None, "%s %s" % (sid, c[0].text())):
            continue
        check("rupture times", norm(c[2].text()) == "%s – %s" % (mmss(r["start_s"]), mmss(r["end_s"])),
              "%s %s %s" % (sid, r["episode_id"], c[2].text()))
        check("rupture outcome", norm(c[3].text()).replace(" ", "_") == r["outcome"],
              "%s %s %s" % (sid, r["episode_id"], c[3].text()))
        fr = r["first_repair_s"]
        check("rupture first repair", norm(c[4].text()) == (mmss(fr) if fr is not None else "none coded"),
              "%s %s %s" % (sid, r["episode_id"], c[4].text()))
    # coded RES/INT/SAFE events
    crow = htmltree.rows(tree.by_id("coded-table"))
    got = sorted((norm(c.cells()[0].text()), norm(c.cells()[2].text())) for c in crow)
    want = sorted((mmss(c["start_s"]), c["code"]) for c in coded)
    check("coded events", got == want, "%s %s vs %s" % (sid, got[:3], want[:3]))
    # synchrony figures
    syn = tree.by_id("synchrony-facts")
    if s["synchrony_es"] is not None:
        t = norm(syn.text()) if syn is not None else ""
        check("synchrony ES", fx(s["synchrony_es"], 2) in t, "%s %s %s" % (sid, s["synchrony_es"], t[:80]))
        check("synchrony percentile", s["synchrony_percentile"] is None
              or fx(s["synchrony_percentile"], 1) in t, sid)
        check("client leads share", s["client_leads_share"] is None or pct(s["client_leads_share"]) in t,
              "%s %s" % (sid, s["client_leads_share"]))
    # Methods and parameters against the sessions footer
    params = {}
    for li in tree.find_all("li"):
        m = re.fullmatch(r"([a-z_.0-9]+) = (.*)", li.text())
        if m:
            params[m.group(1)] = m.group(2)
    skip = ("column.", "table", "methods", "version", "commit", "flink_version", "pseudonym_key", "run_input.")
    fparams = {k[len("session_review."):]: v for k, v in foot.items()
               if not k[len("session_review."):].startswith(skip)}
    check("parameters = footer", params == fparams,
          "%s: %d on the page, %d in the footer, differing %s" % (
              sid, len(params), len(fparams), sorted(set(params.items()) ^ set(fparams.items()))[:4]))
    m = re.search(r"commit <code>([^<]*)</code>", text)
    check("version and commit = footer", m is not None and m.group(1) == foot["session_review.commit"]
          and foot["session_review.version"] in text, sid)
    for k in ("baselines", "codebook"):
        check("run input = footer", html.escape(foot["session_review.run_input." + k], quote=False)
              in text, "%s %s" % (sid, k))
    if "--baselines-file" in OPTS:  # the named file is the one given: its size and SHA-256
        path = OPTS[OPTS.index("--baselines-file") + 1]
        data = open(path, "rb").read()
        want = "%s, %d bytes, SHA-256 %s" % (os.path.basename(path), len(data), hashlib.sha256(data).hexdigest())
        dd = re.search(r"Run input <code>baselines</code></dt><dd>([^<]*)</dd>", text)
        check("run input baselines = the file given", dd is not None and dd.group(1).startswith(want[:60])
              and foot["session_review.run_input.baselines"].startswith(want[:60]),
              "%s: %s for %s" % (sid, dd and dd.group(1), want))
    mt = tree.find("p", class_="methods-text")
    check("methods text = footer", mt is not None and norm(mt.text()) == norm(foot["session_review.methods"]), sid)
    # the timeline's x range is the video: 0 at the axis start, duration at its end
    svg = tree.find("svg", class_="timeline")
    if check("timeline present", svg is not None, sid):
        ticks = sorted({(float(t.attrs["x"]), t.text()) for t in svg.find_all("text", class_="tick")
                        if re.fullmatch(r"\d\d+:\d\d", t.text())})
        axis = next((ln for ln in svg.find_all("line", class_="axis")
                     if ln.attrs.get("y1") == ln.attrs.get("y2")), None)
        if check("timeline ticks", len(ticks) >= 2 and axis is not None, sid):
            secs = [int(t.split(":")[0]) * 60 + int(t.split(":")[1]) for _, t in ticks]
            scale = (ticks[1][0] - ticks[0][0]) / (secs[1] - secs[0])
            x0, x1 = float(axis.attrs["x1"]), float(axis.attrs["x2"])
            check("timeline starts at 00:00", abs(ticks[0][0] - x0) < 0.5 and secs[0] == 0, sid)
            check("timeline x range = video", abs((x1 - x0) / scale - dur) < 2,
                  "%s: axis %.0f s for %.0f s" % (sid, (x1 - x0) / scale, dur))
            for x, lab_ in ticks:  # a label's right edge, by its anchor, inside the 1000-unit chart
                el = next(t for t in svg.find_all("text", class_="tick") if t.text() == lab_)
                w = 6.4 * len(lab_)
                right = x + {"start": w, "middle": w / 2}.get(el.attrs.get("text-anchor"), 0)
                check("tick label inside the chart", right <= 1000, "%s %s ends at %.1f" % (sid, lab_, right))
            check("tick labels mm:ss", all(x0 - 0.5 <= x <= x1 + 0.5 for x, _ in ticks)
                  and secs == sorted(secs) and max(secs) <= dur, "%s %s" % (sid, [t for _, t in ticks][-3:]))
            # every mark and band sits at its time on that scale, inside the axis
            for g in svg.find_all("g"):
                cls, title = g.attrs.get("class", ""), g.find("title")
                if title is None or not cls.startswith(("mark", "band")):
                    continue
                tt = title.text()
                times = re.findall(r"(\d\d+):(\d\d)", tt)
                if not times:
                    continue
                t0 = int(times[0][0]) * 60 + int(times[0][1])
                shape = g.find("rect") or g.find("circle") or g.find("polygon")
                if shape is None:
                    continue
                if shape.tag == "rect":
                    x, right = float(shape.attrs["x"]), float(shape.attrs["x"]) + float(shape.attrs["width"])
                elif shape.tag == "circle":
                    x = right = float(shape.attrs["cx"])
                else:
                    xs = [float(p.split(",")[0]) for p in shape.attrs["points"].split()]
                    x = right = (min(xs) + max(xs)) / 2
                check("timeline mark at its time", abs(x - (x0 + t0 * scale)) <= scale + 1.5,
                      "%s %s: x %.1f for %.1f" % (sid, tt, x, x0 + t0 * scale))
                check("timeline mark inside the axis", x0 - 0.5 <= x and right <= x1 + 2.5,
                      "%s %s: %.1f-%.1f outside %.1f-%.1f" % (sid, tt, x, right, x0, x1))
        lab = svg.attrs.get("aria-label", "")
        check("timeline label names the video length", mmss(dur) in lab, "%s %s" % (sid, lab))
    facts = norm(tree.find("dl").text()) if tree.find("dl") else ""
    check("video length", "video %s long" % mmss(dur) in facts, "%s %s" % (sid, facts[:120]))
    if s["anxiety_episodes"] is None:
        check("no client data lane", "no client data" in text, sid)
    if (s["annotation_count"] or 0) == 0:
        check("not coded line", re.search(r"not\s+coded", html.unescape(tree.by_id("ruptures").parent.text()
                                                                        if tree.by_id("ruptures") else text)) is not None, sid)


def rows_by_key(trs):
    out = {}
    for tr in trs:
        out[tr.attrs.get("data-period") or norm(tr.cells()[0].text())] = tr
    return out


def trainee_row(ss):
    """README trainees/: the row's figures from sessions rows (counts of coded / client-data ones)."""
    n = len(ss)
    coded = [s for s in ss if (s["annotation_count"] or 0) > 0]
    cdata = [s for s in ss if s["anxiety_episodes"] is not None]
    hours = sum(s["duration_s"] for s in ss) / 3600
    r = {"sessions": n, "flagged_sessions": sum(1 for s in ss if s["flagged"]),
         "session_hours": hours,
         "anxiety_episodes": sum(s["anxiety_episodes"] for s in cdata) if cdata else None,
         "missed_opportunities": sum(s["missed_opportunities"] or 0 for s in coded) if coded else None,
         "safety_events": sum(s["safety_events"] for s in coded) if coded else None}
    for k in ("withdrawal", "confrontation", "resolved", "partial", "unaddressed", "escalated"):
        r["ruptures_" + k] = sum(s["ruptures_" + k] for s in coded) if coded else None
    med = [s["median_time_to_repair_s"] for s in ss if s["median_time_to_repair_s"] is not None]
    r["median_time_to_repair_s"] = statistics.median(med) if med else None
    es = [s["synchrony_es"] for s in ss if s["synchrony_es"] is not None]
    r["mean_synchrony_es"] = sum(es) / len(es) if es else None
    return r


def trainee_pages(consented, sessions, trainees, idx, pages):
    nav = idx.find("nav", class_="trainees")
    links = {a.text(): a.attrs["href"] for a in nav.find_all("a")} if nav is not None else {}
    ther = sorted({s["therapist_id"] for s in consented})
    check("trainee pages listed", sorted(links) == ther, "%s vs %s" % (sorted(links)[:5], ther[:5]))
    lower = defaultdict(set)
    for t in ther:
        lower[t.lower()].add(t)
    for t in ther:
        href = links.get(t)
        rel = urllib.parse.unquote(href or "")
        if not check("trainee page exists", rel in pages, t):
            continue
        plain = page_name(t, {k for k, v in lower.items() if len(v) > 1})
        check("trainee page name (README rule)", (plain is not None) == (rel == "trainees/%s.html" % t)
              and (plain is not None or re.fullmatch(r"trainees/[A-Za-z0-9._-]*-[0-9a-f]{8}\.html", rel)),
              "%s -> %s" % (t, rel))
        text, tree = pages[rel]
        mine = [s for s in consented if s["therapist_id"] == t]
        all_mine = [s for s in sessions if s["therapist_id"] == t]
        recomputed = len(mine) != len(all_mine)
        check("trainee recompute note", ("recomputed" in text) == recomputed, t)
        trs = rows_by_key(htmltree.rows(tree.by_id("rates-table")))
        table_rows = {r["period"]: r for r in trainees if r["therapist_id"] == t}
        periods = {"all": mine}
        for s in mine:
            periods.setdefault(s["session_date"][:7], []).append(s)
        check("trainee periods", sorted(trs) == sorted(periods), "%s %s vs %s" % (t, sorted(trs), sorted(periods)))
        for p, ss in periods.items():
            tr = trs.get(p)
            if tr is None:
                continue
            c = [norm(x.text()) for x in tr.cells()]
            mine_r = trainee_row(ss)
            if not recomputed:  # the page must show the table's row; and the table agrees with sessions
                tab = table_rows.get(p)
                check("trainees/ row = sessions/ rows", tab is not None and tab["sessions"] == mine_r["sessions"]
                      and tab["flagged_sessions"] == mine_r["flagged_sessions"]
                      and abs(tab["session_hours"] - mine_r["session_hours"]) < 1e-6
                      and tab["anxiety_episodes"] == mine_r["anxiety_episodes"]
                      and tab["missed_opportunities"] == mine_r["missed_opportunities"]
                      and tab["safety_events"] == mine_r["safety_events"], "%s %s" % (t, p))
            check("trainee sessions/flagged", c[1] == str(mine_r["sessions"])
                  and c[2].startswith("%d (" % mine_r["flagged_sessions"]), "%s %s %s" % (t, p, c[1:3]))
            check("trainee flagged share", c[2] == "%d (%d %%)" % (
                mine_r["flagged_sessions"], math.floor(100 * mine_r["flagged_sessions"] / mine_r["sessions"] + 1e-9)),
                "%s %s %s" % (t, p, c[2]))
            check("trainee hours", c[3] == fx(mine_r["session_hours"], 2), "%s %s %s" % (t, p, c[3]))
            ae = mine_r["anxiety_episodes"]
            check("trainee anxiety episodes", c[4].startswith("—") if ae is None else c[4].startswith("%d (" % ae),
                  "%s %s %s %s" % (t, p, c[4], ae))
            mo = mine_r["missed_opportunities"]
            check("trainee missed", c[5].startswith("—") if mo is None else c[5].startswith("%d (" % mo),
                  "%s %s %s %s" % (t, p, c[5], mo))
            w, cc = mine_r["ruptures_withdrawal"], mine_r["ruptures_confrontation"]
            check("trainee ruptures W / C", c[6] in (("—", "— / —") if w is None else ("%d / %d" % (w, cc),)),
                  "%s %s %s" % (t, p, c[6]))
            se = mine_r["safety_events"]
            check("trainee safety", c[11] == ("—" if se is None else str(se)), "%s %s %s" % (t, p, c[11]))
            es = mine_r["mean_synchrony_es"]
            check("trainee mean ES", c[10] == ("—" if es is None else fx(es, 2)), "%s %s %s %s" % (t, p, c[10], es))
        srows = htmltree.rows(tree.by_id("trainee-sessions"))
        want = [s["session_id"] for s in sorted(
            mine, key=lambda s: (not ((s["annotation_count"] or 0) > 0 and (s["safety_events"] or 0) > 0),
                                 -s["priority"], s["session_id"].encode()))]
        check("trainee sessions in review order", [r.attrs.get("data-session") for r in srows] == want,
              "%s %s vs %s" % (t, [r.attrs.get("data-session") for r in srows][:4], want[:4]))


def client_pages(consented, sessions, clients, idx, pages):
    nav = idx.find("nav", class_="clients")
    hrefs = [a.attrs["href"] for a in nav.find_all("a")] if nav is not None else []
    keys = sorted({s["client_key"] for s in consented})
    check("client pages listed", sorted(urllib.parse.unquote(h) for h in hrefs)
          == ["clients/%s.html" % k for k in keys], "%d links for %d clients" % (len(hrefs), len(keys)))
    for k in keys:
        rel = "clients/%s.html" % k
        if not check("client page exists", rel in pages, k):
            continue
        text, tree = pages[rel]
        mine = sorted((s for s in consented if s["client_key"] == k), key=lambda s: s["session_number"])
        recomputed = len(mine) != sum(1 for s in sessions if s["client_key"] == k)
        check("client recompute note", ("recomputed" in text) == recomputed, k[:12])
        trs = htmltree.rows(tree.by_id("client-sessions"))
        check("client rows = consented sessions", [norm(tr.cells()[1].text()) for tr in trs]
              == [s["session_id"] for s in mine], k[:12])
        rows = {r["session_id"]: r for r in clients if r["client_key"] == k}
        for tr in trs:
            c = [norm(x.text()) for x in tr.cells()]
            s = next((x for x in mine if x["session_id"] == c[1]), None)
            if s is None:
                continue
            check("client session number", c[0] == str(s["session_number"]), k[:12])
            ae = s["anxiety_episodes"]
            check("client burden", c[4] == ("— (no client data)" if ae is None
                                             else "%d (%s min)" % (ae, fx((s["anxiety_time_s"] or 0) / 60, 1))),
                  "%s %s" % (s["session_id"], c[4]))
            if not recomputed:
                r = rows.get(s["session_id"])
                if check("clients/ row present", r is not None, s["session_id"]):
                    note = r["note"] or ""
                    check("client note = clients/", (note in c[10]) and (bool(note) == bool(c[10].strip("— "))),
                          "%s %r %r" % (s["session_id"], c[10], note))
                    hb = "%s of %s" % (r["high_burden_sessions"], r["trend_sessions"])
                    check("client high-burden = clients/", c[9] == hb or (r["trend_sessions"] is None and c[9] == "—"),
                          "%s %r %r" % (s["session_id"], c[9], hb))
                    dp = r["decline_p"]
                    check("client decline p = clients/", c[8] == ("—" if dp is None else "%.2f" % dp)
                          or (dp is not None and c[8] == "%.3f" % dp), "%s %r %r" % (s["session_id"], c[8], dp))
        # the burden chart: one bar per consented session with client data, at its minutes
        chart = tree.find("svg", class_="burden")
        bars = {}
        for g in (chart.find_all("g", class_="bar") if chart is not None else []):
            m = re.match(r"session (\d+): ([0-9.]+) min", g.find("title").text())
            if m:
                bars[int(m.group(1))] = m.group(2)
        want = {s["session_number"]: fx(s["anxiety_time_s"] / 60, 1) for s in mine if s["anxiety_time_s"] is not None}
        check("burden bars = sessions' anxiety time", bars == want, "%s %s vs %s" % (k[:12], bars, want))
        latest = [r for r in clients if r["client_key"] == k]
        if not recomputed and latest:
            last = max(latest, key=lambda r: r["session_number"])
            plateau_box = tree.find("p", class_="note plateau")
            check("plateau note on the client page", (plateau_box is not None) == bool(last["plateau"])
                  and (plateau_box is None or last["note"] in norm(plateau_box.text())),
                  "%s plateau %s" % (k[:12], last["plateau"]))


def video_links(report, pattern, consented, mom, rup, coded, link_of):
    for s in consented:
        sid = s["session_id"]
        rel = urllib.parse.unquote(link_of.get(sid) or "")
        path = os.path.join(report, rel)
        if not os.path.exists(path):
            continue
        _, tree = load_page(path)
        base = pattern.replace("{session_id}", urllib.parse.quote(sid, safe=""))
        links = [a.attrs["href"] for a in tree.find_all("a") if a.attrs.get("href", "").startswith("file:")]
        for m in mom[sid]:
            want = {"%s#t=%d" % (base, math.floor(max(m["start_s"], 0))),
                    "%s#t=%s" % (base, fmt_sec(max(m["start_s"], 0)))}
            check("video link per moment start", bool(want & set(links)), "%s %s %s" % (sid, m["start_s"], links[:2]))
        for r in rup[sid]:
            want = {"%s#t=%d" % (base, math.floor(max(r["start_s"], 0))), "%s#t=%s" % (base, fmt_sec(max(r["start_s"], 0)))}
            check("video link per rupture start", bool(want & set(links)), "%s %s" % (sid, r["start_s"]))
        for c in (c for c in coded if c["session_id"] == sid):
            want = {"%s#t=%d" % (base, math.floor(max(c["start_s"], 0))), "%s#t=%s" % (base, fmt_sec(max(c["start_s"], 0)))}
            check("video link per coded event", bool(want & set(links)), "%s %s" % (sid, c["start_s"]))
        for ln in links:
            check("video link shape", ln.startswith(base + "#t=") and "{" not in ln, "%s %s" % (sid, ln))


def fmt_sec(x):
    return ("%.3f" % x).rstrip("0").rstrip(".")


main()
