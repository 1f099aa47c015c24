package org.sessionreview.jobs.badinput;

import static org.sessionreview.jobs.badinput.AnnotationFiles.boris;
import static org.sessionreview.jobs.badinput.AnnotationFiles.borisRow;
import static org.sessionreview.jobs.badinput.AnnotationFiles.eaf;
import static org.sessionreview.jobs.badinput.AnnotationFiles.jsonl;
import static org.sessionreview.jobs.badinput.BadInputCase.of;
import static org.sessionreview.jobs.badinput.Expectation.reviewed;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Damaged annotation files, each added to the session (and listed in session.json) beside its
 * intact native JSONL. Line 1 of each JSONL file is a valid event, so the rest of a file is
 * shown to survive.
 */
final class AnnotationCases {
    static final String X = "extra.jsonl";
    static final String SIGH = jsonl(100, "ANX_STR_SIGH", "client");

    private AnnotationCases() {}

    static List<BadInputCase> cases() {
        return List.of(
                of(
                        "ann-broken-line-with-note",
                        "The broken line is a reject row with its line number; its note is quoted"
                                + " nowhere; the file's other lines are used.",
                        c -> c.addAnnotationFile(
                                X,
                                SIGH + "\n{\"start\": 120, \"code\": \"AFF_CUE\", \"note\": \"Winifred"
                                        + " Canary told me\n"),
                        reviewed().reject(X, 2, null).annotationsFrom(X, 1).canary("Winifred Canary")),
                of(
                        "ann-unknown-actor-name",
                        "The event whose actor is a name is a reject row; the name is quoted nowhere.",
                        c -> c.addAnnotationFile(X, SIGH + "\n" + jsonl(120, "AFF_CUE", "Matthias Canary-Holm") + "\n"),
                        reviewed().reject(X, 2, null).annotationsFrom(X, 1).canary("Matthias Canary-Holm")),
                of(
                        "ann-unmapped-label-name",
                        "The event whose label maps to no code is a reject row; the label (a name)"
                                + " is quoted nowhere.",
                        c -> c.addAnnotationFile(X, SIGH + "\n" + jsonl(120, "Beatrix Canary-Lund", "client") + "\n"),
                        reviewed().reject(X, 2, null).annotationsFrom(X, 1).canary("Beatrix Canary-Lund")),
                of(
                        "ann-start-after-end",
                        "The event ending before it starts is a reject row with its line number.",
                        c -> c.addAnnotationFile(
                                X,
                                SIGH + "\n"
                                        + "{\"start\": 200, \"end\": 150, \"code\": \"ANX_STR_TENSION\", \"actor\": \"client\"}\n"),
                        reviewed().reject(X, 2, null).annotationsFrom(X, 1)),
                of(
                        "ann-outside-duration",
                        "An event at 99,999 s in a 480 s session is a reject row (outside the session).",
                        c -> c.addAnnotationFile(X, SIGH + "\n" + jsonl(99999, "AFF_CUE", "client") + "\n"),
                        reviewed().reject(X, 2, null).annotationsFrom(X, 1)),
                of(
                        "ann-times-in-milliseconds",
                        "A file whose every event lies past the 480 s session, but within it at a thousandth of its"
                                + " time (written in milliseconds), is a reject row per event asking whether the"
                                + " times are in milliseconds.",
                        c -> c.addAnnotationFile(
                                X,
                                jsonl(100_000, "ANX_STR_SIGH", "client") + "\n" + jsonl(250_500, "AFF_CUE", "client")
                                        + "\n"),
                        reviewed()
                                .reject(X, 1, Keywords.MILLISECONDS)
                                .reject(X, 2, Keywords.MILLISECONDS)
                                .annotationsFrom(X, 0)),
                of(
                        "ann-negative-start",
                        "An event at -5 s is a reject row (outside the session).",
                        c -> c.addAnnotationFile(X, SIGH + "\n" + jsonl(-5, "AFF_CUE", "client") + "\n"),
                        reviewed().reject(X, 2, null).annotationsFrom(X, 1)),
                of(
                        "ann-json-array",
                        "A codes.json holding one pretty-printed JSON array of events is read: its two valid events"
                                + " are annotations, the element that is not an object is a reject row at its line.",
                        c -> c.addAnnotationFile(
                                "codes.json",
                                "[\n  {\n    \"start\": 100,\n    \"code\": \"ANX_STR_SIGH\",\n    \"actor\":"
                                        + " \"client\"\n  },\n  \"oops\",\n  {\"start\": 150, \"code\": \"AFF_CUE\","
                                        + " \"actor\": \"client\"}\n]\n"),
                        reviewed().reject("codes.json", 7, null).annotationsFrom("codes.json", 2)),
                of(
                        "ann-jq-pretty-printed",
                        "A JSON Lines file pretty-printed object by object (as `jq .` writes it) is read: each of its"
                                + " three events is an annotation, not a reject per line.",
                        c -> c.addAnnotationFile(
                                "codes.json",
                                "{\n  \"start\": 100,\n  \"code\": \"ANX_STR_SIGH\",\n  \"actor\": \"client\"\n}\n"
                                        + "{\n  \"start\": 150,\n  \"code\": \"AFF_CUE\",\n  \"actor\": \"client\",\n"
                                        + "  \"note\": \"Petra Canary-Lind cried\"\n}\n"
                                        + "{\n  \"start\": 200,\n  \"end\": 230,\n  \"code\": \"INT_VALIDATION\",\n"
                                        + "  \"actor\": \"therapist\"\n}\n"),
                        reviewed()
                                .clean("codes.json")
                                .annotationsFrom("codes.json", 3)
                                .canary("Petra Canary-Lind")),
                of(
                        "ann-csv-other-column-names",
                        "Nothing: a CSV whose columns have other tools' names (`Onset (s)`, `Duration (s)`, `Label`,"
                                + " `Speaker`, `Comment`) is read: each of its three events is an annotation, the end"
                                + " taken from the duration, the comment quoted nowhere.",
                        c -> c.addAnnotationFile(
                                "codes.csv",
                                "Onset (s),Duration (s),Label,Speaker,Comment\n"
                                        + "100,,ANX_STR_SIGH,client,\n"
                                        + "150,4.5,AFF_CUE,client,Petra Canary-Lind cried\n"
                                        + "200,30,INT_VALIDATION,therapist,\n"),
                        reviewed()
                                .clean("codes.csv")
                                .annotationsFrom("codes.csv", 3)
                                .canary("Petra Canary-Lind")),
                of(
                        "ann-csv-two-start-columns",
                        "A CSV with two other names for the start (`onset` and `begin`) is one reject row at its"
                                + " header saying which to keep; none of its rows is read.",
                        c -> c.addAnnotationFile(
                                "codes.csv",
                                "onset,begin,label,role\n100,100,ANX_STR_SIGH,client\n150,150,AFF_CUE,client\n"),
                        reviewed().reject("codes.csv", 1, "both give the start")),
                of(
                        "boris-subject-name",
                        "The BORIS row whose Subject is a name is a reject row; the name is quoted nowhere.",
                        c -> c.addAnnotationFile(
                                "codes.tsv",
                                boris(
                                        borisRow("obs", "Helga Canary-Moss", "ANX_STR_SIGH", "", "POINT", 100),
                                        borisRow("obs", "client", "ANX_STR_SIGH", "", "POINT", 110))),
                        reviewed()
                                .reject("codes.tsv", 2, null)
                                .annotationsFrom("codes.tsv", 1)
                                .canary("Helga Canary-Moss")),
                of(
                        "boris-observation-ids-names",
                        "Neither observation is read (the file holds two and neither has the session's id):"
                                + " each is one reject row; their ids (names) appear in no column.",
                        c -> c.addAnnotationFile(
                                "codes.tsv",
                                boris(
                                        borisRow("Gunnar Canary-Vik", "client", "ANX_STR_SIGH", "", "POINT", 100),
                                        borisRow("Ingrid Canary-Vik", "client", "ANX_STR_SIGH", "", "POINT", 150))),
                        reviewed()
                                .reject("codes.tsv", 2, "observation 1 of 2 (1 event) not read")
                                .reject("codes.tsv", 3, "observation 2 of 2 (1 event) not read")
                                .rejectRows("codes.tsv", 2)
                                .canary("Gunnar Canary-Vik", "Ingrid Canary-Vik")),
                of(
                        "boris-several-sessions",
                        "Only the observation named after the session (case aside, any run of spaces and punctuation one separator) is"
                                + " read; another session's observation of the same export is one reject row.",
                        c -> c.addAnnotationFile(
                                "codes.tsv",
                                boris(
                                        borisRow(
                                                c.sessionId.toLowerCase(java.util.Locale.ROOT) + " ",
                                                "client",
                                                "ANX_STR_SIGH",
                                                "",
                                                "POINT",
                                                100),
                                        borisRow("another session", "client", "ANX_STR_SIGH", "", "POINT", 150),
                                        borisRow("another session", "client", "ANX_STR_SIGH", "", "POINT", 160))),
                        reviewed()
                                .reject("codes.tsv", 3, "observation 2 of 2 (2 events) not read")
                                .rejectRows("codes.tsv", 1)
                                .annotationsFrom("codes.tsv", 1)),
                of(
                        "boris-free-text-modifier",
                        "A free-text modifier is quoted nowhere (not in annotations.modifiers).",
                        c -> c.addAnnotationFile(
                                "codes.tsv",
                                boris(borisRow(
                                        "obs",
                                        "client",
                                        "ANX_STR_SIGH",
                                        "mentioned Dagmar Canary-Ost at work",
                                        "POINT",
                                        100))),
                        reviewed().canary("Dagmar Canary-Ost")),
                of(
                        "boris-crlf",
                        "Nothing: a BORIS export with Windows line endings is read.",
                        c -> c.addAnnotationFile(
                                "codes.tsv",
                                boris(
                                                borisRow("obs", "client", "ANX_STR_SIGH", "", "POINT", 100),
                                                borisRow("obs", "therapist", "INT_VALIDATION", "", "POINT", 105))
                                        .replace("\n", "\r\n")),
                        reviewed().clean("%").annotationsFrom("codes.tsv", 2)),
                of(
                        "boris-start-without-stop",
                        "A START without its STOP is a reject row with its line number.",
                        c -> c.addAnnotationFile(
                                "codes.tsv",
                                boris(
                                        borisRow("obs", "client", "ANX_STR_TENSION", "", "START", 100),
                                        borisRow("obs", "client", "ANX_STR_SIGH", "", "POINT", 110))),
                        reviewed().reject("codes.tsv", 2, null).annotationsFrom("codes.tsv", 1)),
                of(
                        "boris-excel-semicolon-decimal-comma",
                        "Nothing: a BORIS export re-saved by a spreadsheet in a German or"
                                + " French locale (`;` between cells, times like 100,250) is read with its times.",
                        c -> c.addAnnotationFile(
                                "codes.csv",
                                AnnotationFiles.excelResaved(boris(
                                        borisRow("obs", "client", "ANX_STR_SIGH", "", "POINT", 100.25),
                                        borisRow("obs", "client", "ANX_STR_TENSION", "", "START", 120.5),
                                        borisRow("obs", "client", "ANX_STR_TENSION", "", "STOP", 130.75),
                                        borisRow("obs", "therapist", "INT_VALIDATION", "", "POINT", 140)))),
                        reviewed().clean("%").annotationsFrom("codes.csv", 3)),
                of(
                        "boris-utf16-unicode-text",
                        "Nothing: a BORIS export saved as UTF-16 \"Unicode Text\" (byte order mark,"
                                + " CRLF) is read.",
                        c -> {
                            String text = "\uFEFF"
                                    + boris(
                                                    borisRow("obs", "client", "ANX_STR_SIGH", "", "POINT", 100),
                                                    borisRow("obs", "therapist", "INT_VALIDATION", "", "POINT", 105))
                                            .replace("\n", "\r\n");
                            c.writeRaw("codes.txt", text.getBytes(StandardCharsets.UTF_16LE));
                            c.listAnnotation("codes.txt");
                        },
                        reviewed().clean("%").annotationsFrom("codes.txt", 2)),
                of(
                        "elan-unaligned-time-slots",
                        "Nothing: a Time_Subdivision tier whose inner time slots have no TIME_VALUE"
                                + " (unaligned, as ELAN writes them) is read, the slots spread evenly over the parent annotation.",
                        c -> c.addAnnotationFile("codes.eaf", AnnotationFiles.eafSubdivided()),
                        reviewed().clean("%").annotationsFrom("codes.eaf", 4)),
                of(
                        "elan-undeclared-time-slot",
                        "The ELAN annotation referring to a time slot that TIME_ORDER does not declare is"
                                + " a reject row; the file's other annotations are used.",
                        c -> c.addAnnotationFile(
                                "codes.eaf",
                                eaf(
                                        "",
                                        AnnotationFiles.tier("therapist", "INT_VALIDATION")
                                                .replace("TIME_SLOT_REF2=\"ts4\"", "TIME_SLOT_REF2=\"ts9\""))),
                        reviewed().reject("codes.eaf").annotationsFrom("codes.eaf", 1)),
                of(
                        "elan-tier-name-no-role",
                        "The annotations of an ELAN tier named after a person, without a role, are"
                                + " rejected; the tier name is quoted nowhere.",
                        c -> c.addAnnotationFile(
                                "codes.eaf", eaf("", AnnotationFiles.tier("Lukas Canary-Brandt", "AFF_CUE"))),
                        reviewed()
                                .reject("codes.eaf")
                                .annotationsFrom("codes.eaf", 1)
                                .canary("Lukas Canary-Brandt")),
                of(
                        "elan-tiers-per-actor-and-family",
                        "Nothing: ELAN tiers named after role and code family (\"Client anxiety\","
                                + " \"Therapist interventions\"), without PARTICIPANT, are read with the role"
                                + " their name holds.",
                        c -> c.addAnnotationFile(
                                "codes.eaf",
                                eaf("", AnnotationFiles.tier("Therapist interventions", "INT_VALIDATION"))
                                        .replace("TIER_ID=\"client\"", "TIER_ID=\"Client anxiety\"")),
                        reviewed().clean("codes.eaf").annotationsFrom("codes.eaf", 2)),
                of(
                        "elan-tab-smpte-columns",
                        "Nothing: an ELAN tab-delimited export with SMPTE time codes (hh:mm:ss:ff) beside"
                                + " hh:mm:ss.ms columns is read with the hh:mm:ss.ms times; the time codes are"
                                + " not taken for labels.",
                        c -> c.addAnnotationFile(
                                "codes.txt",
                                "client\t\t00:01:40.000\t00:01:40:00\t00:01:41.000\t00:01:41:00\tANX_STR_SIGH\n"
                                        + "therapist\t\t00:03:20.000\t00:03:20:00\t00:03:21.000\t00:03:21:00"
                                        + "\tINT_VALIDATION\n"),
                        reviewed().clean("codes.txt").annotationsFrom("codes.txt", 2)),
                of(
                        "elan-tab-columns-multi-file",
                        "Only the session's `.eaf` is read from an ELAN multi-file export in the \"Separate column for"
                                + " each tier\" layout (file name and path columns after the tiers): another file's rows"
                                + " are one reject row, and the names and paths are not read as tiers (every file's rows"
                                + " were read into the session, the names and paths as the values of two tiers).",
                        c -> {
                            String own = c.sessionId + ".eaf\tC:\\corpus\\" + c.sessionId + ".eaf";
                            String other = "another session.eaf\tC:\\corpus\\another session.eaf";
                            c.addAnnotationFile(
                                    "codes.txt",
                                    "Begin Time - hh:mm:ss.ms\tEnd Time - hh:mm:ss.ms\tclient\ttherapist\tFile Name"
                                            + "\tFile Path\n"
                                            + "00:02:30.000\t00:02:31.000\tANX_STR_SIGH\t\t" + other + "\n"
                                            + "00:02:40.000\t00:02:41.000\tANX_STR_SIGH\t\t" + other + "\n\n"
                                            + "00:01:40.000\t00:01:41.000\tANX_STR_SIGH\t\t" + own + "\n"
                                            + "00:03:20.000\t00:03:21.000\t\tINT_VALIDATION\t" + own + "\n\n");
                        },
                        reviewed()
                                .reject("codes.txt", 2, "file 1 of 2 of a multi-file ELAN export (2 rows) not read")
                                .rejectRows("codes.txt", 1)
                                .annotationsFrom("codes.txt", 2)),
                of(
                        "elan-note-tier-bemerkung",
                        "A free-text tier (\"Bemerkung\") is read as a note: its text is quoted nowhere.",
                        c -> c.addAnnotationFile(
                                "codes.eaf",
                                eaf(
                                        "",
                                        AnnotationFiles.textTier(
                                                "Bemerkung", "Klientin erzählte von Sieglinde Canary-Roth"))),
                        reviewed().annotationsFrom("codes.eaf", 1).canary("Sieglinde Canary-Roth")),
                of(
                        "elan-external-entity",
                        "An ELAN file declaring an external entity is refused as a whole;"
                                + " nothing of the entity's target is read or written.",
                        c -> c.addAnnotationFile(
                                "codes.eaf",
                                eaf(
                                        "<!DOCTYPE ANNOTATION_DOCUMENT [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n",
                                        AnnotationFiles.tier("therapist", "&xxe;"))),
                        reviewed()
                                .reject("codes.eaf")
                                .annotationsFrom("codes.eaf", 0)
                                .canary(ManifestCases.PASSWD)),
                of(
                        "elan-truncated-xml",
                        "A truncated ELAN file is rejected as a whole (malformed XML).",
                        c -> {
                            String doc = eaf("", AnnotationFiles.tier("therapist", "INT_VALIDATION"));
                            c.addAnnotationFile("codes.eaf", doc.substring(0, doc.length() * 2 / 3));
                        },
                        reviewed().reject("codes.eaf")),
                of(
                        "ann-listed-file-missing",
                        "A file listed in session.json but absent is a reject row (not found).",
                        c -> c.listAnnotation("missing.jsonl"),
                        reviewed().reject("missing.jsonl", null, Keywords.NOT_FOUND)),
                of(
                        "ann-unknown-format",
                        "A listed file of no known format (.docx) is one reject row, whose reason asks for the"
                                + " coding as tab-delimited text or CSV (a zip, as .xlsx and .docx files are).",
                        c -> {
                            byte[] b = "PK\u0003\u0004\u0014\u0000\u0006\u0000word/document.xml"
                                    .getBytes(StandardCharsets.ISO_8859_1);
                            c.writeRaw("codes.docx", b);
                            c.listAnnotation("codes.docx");
                        },
                        reviewed().reject("codes.docx", 0, "tab-delimited text or CSV")),
                of(
                        "codebook-broken-json",
                        "A broken codebook is one reject row; canonical codes still count, site labels"
                                + " of this session are rejected.",
                        c -> {
                            c.write("codebook.json", "{\"labels\": {\"site sigh\": \"ANX_STR_SIGH\",\n");
                            setCodebook(c);
                        },
                        reviewed().reject("codebook.json")),
                of(
                        "codebook-utf8-bom",
                        "Nothing: a codebook starting with a byte order mark is read and its labels map.",
                        c -> {
                            c.write(
                                    "codebook.json",
                                    TextFiles.BOM + "{\"labels\": {\"site sigh\": \"ANX_STR_SIGH\"}}\n");
                            setCodebook(c);
                            c.addAnnotationFile(X, jsonl(100, "site sigh", "client") + "\n");
                        },
                        reviewed().clean("%").annotationsFrom(X, 1)),
                of(
                        "csv-windows-1252",
                        "Nothing: a CSV saved by Excel on a Western-European Windows (Windows-1252, `;` between"
                                + " cells, a decimal comma) is read in that encoding: its label `Hände ringen`"
                                + " maps through the session's codebook, its note is quoted nowhere.",
                        c -> {
                            c.write("codebook.json", "{\"labels\": {\"hände ringen\": \"ANX_STR_HANDS\"}}\n");
                            setCodebook(c);
                            c.writeRaw(
                                    "extra.csv",
                                    ("start;end;code;actor;note\r\n"
                                                    + "100,5;112;Hände ringen;client;Jörg Canary-Weiß weinte\r\n"
                                                    + "120;;INT_VALIDATION;therapist;\r\n")
                                            .getBytes(java.nio.charset.Charset.forName("windows-1252")));
                            c.listAnnotation("extra.csv");
                        },
                        reviewed().clean("%").annotationsFrom("extra.csv", 2).canary("Canary-Wei")),
                of(
                        "csv-utf8-bom",
                        "Nothing: a native CSV starting with a byte order mark is read.",
                        c -> c.addAnnotationFile(
                                "extra.csv",
                                TextFiles.BOM
                                        + "start,code,actor\n100,ANX_STR_SIGH,client\n120,INT_VALIDATION,therapist\n"),
                        reviewed().clean("%").annotationsFrom("extra.csv", 2)),
                of(
                        "jsonl-utf8-bom",
                        "Nothing: a JSONL file starting with a byte order mark is read.",
                        c -> c.addAnnotationFile(
                                X, TextFiles.BOM + SIGH + "\n" + jsonl(120, "INT_VALIDATION", "therapist") + "\n"),
                        reviewed().clean("%").annotationsFrom(X, 2)),
                of(
                        "boris-project-trailing-content",
                        "A .boris project with content after its JSON is rejected as a whole.",
                        c -> c.addAnnotationFile(
                                "codes.boris", AnnotationFiles.borisProject() + "}{\"observations\": 1}\n"),
                        reviewed().reject("codes.boris")),
                of(
                        "ann-row-pasted-twice",
                        "An event a file holds twice (a row pasted again) counts once: the repeat is a reject"
                                + " row naming the line it repeats.",
                        c -> c.addAnnotationFile(X, SIGH + "\n" + SIGH + "\n"),
                        reviewed().reject(X, 2, "the same event as line 1").annotationsFrom(X, 1)),
                of(
                        "boris-line-broken-in-two",
                        "A BORIS export (one observation, not named after the session) with one row broken in"
                                + " two by a stray line break is read: each piece is a reject row at its line saying"
                                + " the line looks broken in two; the other events are annotations (the pieces had"
                                + " made the file look like two observations, neither the session's, and none was"
                                + " read).",
                        c -> c.addAnnotationFile(
                                "codes.tsv",
                                boris(
                                        borisRow("obs", "client", "ANX_STR_SIGH", "", "POINT", 100),
                                        borisRow("obs", "therapist", "INT_VALIDATION", "", "POINT", 105)
                                                .replace("2026-03-26 ", "2026-03-26\n"),
                                        borisRow("obs", "client", "ANX_STR_HANDS", "", "POINT", 120))),
                        reviewed()
                                .reject("codes.tsv", 3, "broken in two")
                                .reject("codes.tsv", 4, "broken in two")
                                .rejectRows("codes.tsv", 2)
                                .annotationsFrom("codes.tsv", 2)),
                of(
                        "elan-utf16-notepad",
                        "Nothing: an ELAN file re-saved as \"Unicode\" by Windows Notepad (UTF-16 with a byte order"
                                + " mark, CRLF, its declaration still saying UTF-8) is read: the byte order mark decides"
                                + " (it was rejected as malformed XML).",
                        c -> {
                            c.writeRaw(
                                    "codes.eaf",
                                    ("\uFEFF" + AnnotationFiles.eafSubdivided().replace("\n", "\r\n"))
                                            .getBytes(java.nio.charset.StandardCharsets.UTF_16LE));
                            c.listAnnotation("codes.eaf");
                        },
                        reviewed().clean("%").annotationsFrom("codes.eaf", 4)),
                of(
                        "csv-column-name-deleted",
                        "A native CSV whose end column lost its header cell (cleared in a spreadsheet) is read"
                                + " without the end times, and one reject row at the header says the column has no"
                                + " name and how many of its values were not read (they were lost without a word).",
                        c -> c.addAnnotationFile(
                                "extra.csv",
                                "start,,code,actor\n100,112,ANX_STR_SIGH,client\n120,,INT_VALIDATION,therapist\n"),
                        reviewed()
                                .reject("extra.csv", 1, "no name in the header")
                                .rejectRows("extra.csv", 1)
                                .annotationsFrom("extra.csv", 2)),
                of(
                        "boris-behavior-type-deleted",
                        "A BORIS events export whose Behavior type column (START, STOP, POINT) was deleted is"
                                + " recognised as BORIS's and each row is a reject saying so (it was read as a native"
                                + " table: every START and STOP an event of its own, BORIS's columns taken for"
                                + " modifiers).",
                        c -> c.addAnnotationFile(
                                "codes.tsv",
                                boris(
                                                borisRow("obs", "client", "ANX_STR_SIGH", "", "START", 100),
                                                borisRow("obs", "client", "ANX_STR_SIGH", "", "STOP", 104),
                                                borisRow("obs", "therapist", "INT_VALIDATION", "", "POINT", 110))
                                        .replace("\tBehavior type", "")
                                        .replace("\tSTART\t", "\t")
                                        .replace("\tSTOP\t", "\t")
                                        .replace("\tPOINT\t", "\t")),
                        reviewed()
                                .reject("codes.tsv", 2, "without its 'Behavior type' column")
                                .reject("codes.tsv", 4, "without its 'Behavior type' column")
                                .rejectRows("codes.tsv", 3)
                                .annotationsFrom("codes.tsv", 0)));
    }

    private static void setCodebook(CaseFolder c) throws java.io.IOException {
        ObjectNode m = c.manifest();
        m.put("codebook", "codebook.json");
        c.manifest(m);
    }
}
