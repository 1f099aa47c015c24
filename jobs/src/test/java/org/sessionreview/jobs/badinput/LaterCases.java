package org.sessionreview.jobs.badinput;

import static org.sessionreview.jobs.badinput.AnnotationFiles.jsonl;
import static org.sessionreview.jobs.badinput.BadInputCase.of;
import static org.sessionreview.jobs.badinput.Expectation.notReviewed;
import static org.sessionreview.jobs.badinput.Expectation.reviewed;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Cases of every family added after the corpus was numbered: appended after the annotation cases
 * so that no earlier case's {@code BAD-NN} folder changes.
 */
final class LaterCases {
    static final String EDA = E4Cases.EDA;
    static final String HR = "{C}/HR.csv%";
    static final String TEMP = "{C}/TEMP.csv%";
    static final String IBI = "{C}/IBI.csv%";

    private LaterCases() {}

    static List<BadInputCase> cases() {
        return List.of(
                of(
                        "e4-rate-row-twice",
                        "The client's EDA file has its rate row written twice: the repeat on line 3 is a reject row"
                                + " saying so and takes no sample's place, so every sample keeps its time (it was"
                                + " read as the first sample, shifting all the others by 0.25 s).",
                        c -> {
                            List<String> l = c.lines(c.channel("EDA"));
                            l.add(2, l.get(1));
                            c.writeLines(c.channel("EDA"), l);
                        },
                        reviewed().reject(EDA, 3, "rate row").rejectRows(EDA, 1)),
                of(
                        "json-media-start-year-99999",
                        "session.json is rejected: its media_start lies in the year 99999, which the reason names"
                                + " (it was read, and then every wearable file was rejected as more than 24 h away"
                                + " from it).",
                        c -> {
                            ObjectNode m = c.manifest();
                            m.put("media_start", "+99999-03-02T10:00:00+01:00");
                            c.manifest(m);
                        },
                        notReviewed().reject(ManifestCases.MANIFEST, null, "year 99999")),
                of(
                        "codebook-one-bad-entry",
                        "A codebook one of whose labels maps to no canonical code is one reject row at that"
                                + " entry's line; its other labels map (one bad entry rejected the whole codebook).",
                        c -> {
                            c.write(
                                    "codebook.json",
                                    "{\"labels\": {\n  \"site sigh\": \"ANX_STR_SIGH\",\n"
                                            + "  \"site typo\": \"ANX_STR_SIHG\"\n}}\n");
                            ObjectNode m = c.manifest();
                            m.put("codebook", "codebook.json");
                            c.manifest(m);
                            c.addAnnotationFile(AnnotationCases.X, jsonl(100, "site sigh", "client") + "\n");
                        },
                        reviewed()
                                .reject("codebook.json", 3, "not a canonical code")
                                .rejectRows("codebook.json", 1)
                                .annotationsFrom(AnnotationCases.X, 1)),
                of(
                        "ann-listed-twice-as-copy",
                        "An annotation file listed twice in session.json, the second time as a byte-for-byte copy"
                                + " under another name, is read once: the copy's listing is one reject row naming the"
                                + " first (its events counted twice).",
                        c -> {
                            c.addAnnotationFile(AnnotationCases.X, AnnotationCases.SIGH + "\n");
                            c.addAnnotationFile("extra (1).jsonl", AnnotationCases.SIGH + "\n");
                        },
                        reviewed()
                                .reject("extra (1).jsonl", 0, "the same file as")
                                .rejectRows("extra (1).jsonl", 1)
                                .annotationsFrom(AnnotationCases.X, 1)
                                .annotationsFrom("extra (1).jsonl", 0)),
                of(
                        "ann-name-in-another-case",
                        "Two annotation files whose names differ only in case (`Codes.jsonl`, `codes.JSONL`: one"
                                + " coding saved again, one file on a case-insensitive disk) are read once: the"
                                + " first listed is read, the other is one reject row naming it (both were read,"
                                + " the event they share counted twice).",
                        c -> {
                            c.addAnnotationFile("Codes.jsonl", AnnotationCases.SIGH + "\n");
                            c.addAnnotationFile(
                                    "codes.JSONL",
                                    AnnotationCases.SIGH + "\n"
                                            + AnnotationFiles.jsonl(200, "INT_VALIDATION", "therapist") + "\n");
                        },
                        reviewed()
                                .reject("codes.JSONL", 0, "only in case")
                                .rejectRows("codes.JSONL", 1)
                                .annotationsFrom("Codes.jsonl", 1)
                                .annotationsFrom("codes.JSONL", 0)),
                of(
                        "e4-single-extreme-samples",
                        "Single damaged samples (EDA 1e23 uS, HR 5000 bpm, skin temperature 900 degC) are each a"
                                + " reject row with its line, value and plausible range; their samples stay missing"
                                + " and the others keep their times (they were read as samples).",
                        c -> {
                            c.setLine(c.channel("EDA"), 100, "1e23");
                            c.setLine(c.channel("HR"), 50, "5000");
                            c.setLine(c.channel("TEMP"), 60, "900");
                        },
                        reviewed()
                                .reject(EDA, 100, Keywords.RANGE)
                                .reject(HR, 50, Keywords.RANGE)
                                .reject(TEMP, 60, Keywords.RANGE)
                                .rejectRows(EDA, 1)
                                .rejectRows(HR, 1)
                                .rejectRows(TEMP, 1)),
                of(
                        "e4-last-line-cut-in-number",
                        "The client's EDA file stops inside its last number (0.99 left of 0.998676, no line end):"
                                + " that line is a reject row saying it was cut short, its sample missing; the"
                                + " other samples are used (it was read as a sample of 0.99 uS).",
                        c -> {
                            String text = c.read(c.channel("EDA")).stripTrailing();
                            c.write(c.channel("EDA"), text.substring(0, text.length() - 4));
                        },
                        reviewed().reject(EDA, null, "cut short").rejectRows(EDA, 1)),
                of(
                        "codebook-key-repeated-verbatim",
                        "A codebook giving one label twice with the same code (a line pasted twice) is read: the"
                                + " repeat is one reject row at its line and the label maps (the key given twice"
                                + " rejected the whole codebook and every site label of the session).",
                        c -> {
                            c.write(
                                    "codebook.json",
                                    "{\"labels\": {\n  \"site sigh\": \"ANX_STR_SIGH\",\n"
                                            + "  \"site sigh\": \"ANX_STR_SIGH\"\n}}\n");
                            ObjectNode m = c.manifest();
                            m.put("codebook", "codebook.json");
                            c.manifest(m);
                            c.addAnnotationFile(AnnotationCases.X, jsonl(100, "site sigh", "client") + "\n");
                        },
                        reviewed()
                                .reject("codebook.json", 3, "repeats entry 1 verbatim")
                                .rejectRows("codebook.json", 1)
                                .annotationsFrom(AnnotationCases.X, 1)),
                of(
                        "e4-gzip-changed-byte",
                        "One byte changed in the middle of the client's EDA.csv.gz (bit rot, not a cut) is one"
                                + " reject row saying the compressed data are damaged; none of its lines is used and"
                                + " the session is reviewed without client EDA (the text decoded between the damage"
                                + " and the decompressor's failure was read, some of it taken as samples).",
                        c -> {
                            byte[] b = java.nio.file.Files.readAllBytes(c.path(c.channel("EDA")));
                            b[b.length / 2] ^= 0x20;
                            c.writeRaw(c.channel("EDA"), b);
                        },
                        reviewed()
                                .reject("{C}/EDA.csv.gz", 0, "compressed data damaged")
                                .rejectRows("{C}/EDA.csv.gz", 1)
                                .missing("client:EDA")),
                of(
                        "e4-joined-exports-with-byte-order-marks",
                        "An EDA file holding two exports joined, each re-saved with a UTF-8 byte order mark (so one"
                                + " opens the second export's start row), is read as two exports joined: both header"
                                + " rows are rejected with their line numbers and the later samples keep their own"
                                + " times (the start row was rejected as non-numeric, the rate row read as a sample of"
                                + " 4 uS and every later sample placed 60 s early).",
                        c -> {
                            List<String> l = c.lines(c.channel("EDA"));
                            double rate =
                                    Double.parseDouble(l.get(1).split(",")[0].trim());
                            int split = 2 + E4Cases.JOINED_AFTER_SAMPLE;
                            List<String> joined = new java.util.ArrayList<>(l.subList(0, split));
                            joined.set(0, "\uFEFF" + joined.get(0));
                            joined.add("\uFEFF"
                                    + String.format(
                                            java.util.Locale.ROOT,
                                            "%.6f",
                                            E4Cases.start(c) + E4Cases.JOINED_AFTER_SAMPLE / rate + 60));
                            joined.add(l.get(1));
                            joined.addAll(l.subList(split, l.size()));
                            c.writeLines(c.channel("EDA"), joined);
                        },
                        reviewed()
                                .reject(EDA, E4Cases.JOINED_AFTER_SAMPLE + 3, Keywords.JOINED)
                                .reject(EDA, E4Cases.JOINED_AFTER_SAMPLE + 4, Keywords.JOINED)
                                .rejectRows(EDA, 2)),
                of(
                        "boris-cut-inside-last-time",
                        "A BORIS export cut short inside its last row's Time (59 left of 590.000, the cells after"
                                + " it and the line end gone: a copy that stopped) is read: that row is a reject row"
                                + " saying it was cut short; the other events are annotations (it was read as an"
                                + " event at 59 s).",
                        c -> {
                            String text = AnnotationFiles.boris(
                                    AnnotationFiles.borisRow("obs", "client", "ANX_STR_SIGH", "", "POINT", 100),
                                    AnnotationFiles.borisRow("obs", "therapist", "INT_VALIDATION", "", "POINT", 590));
                            c.addAnnotationFile("codes.tsv", text.substring(0, text.indexOf("\t590.000") + 3));
                        },
                        reviewed()
                                .reject("codes.tsv", 3, "cut short")
                                .rejectRows("codes.tsv", 1)
                                .annotationsFrom("codes.tsv", 1)),
                of(
                        "csv-zeroed-block",
                        "A native CSV of 60 events with 512 bytes zeroed in the middle (NUL bytes across lines 33-49,"
                                + " as after a power loss on a memory card) is read: one reject row at the block's line"
                                + " says so and about how many lines it held; the 43 events before and after it are"
                                + " annotations (the damaged line was read as an event, without a word).",
                        c -> {
                            StringBuilder csv = new StringBuilder("start,end,code,actor\n"); // 21 bytes
                            for (int i = 0; i < 60; i++) {
                                csv.append(100 + 5 * i).append(".0,,INT_VALIDATION,therapist\n"); // 32 bytes
                            }
                            byte[] b = csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
                            java.util.Arrays.fill(b, 1024, 1536, (byte) 0); // inside rows 32 to 48
                            c.writeRaw("codes.csv", b);
                            c.listAnnotation("codes.csv");
                        },
                        reviewed()
                                .reject("codes.csv", 33, "NUL bytes")
                                .rejectRows("codes.csv", 1)
                                .annotationsFrom("codes.csv", 43)),
                of(
                        "e4-every-value-quoted",
                        "The client's EDA file re-saved with every value quoted (\"0.315400\", as tools that quote"
                                + " every cell write it) is read as the export it came from, without a reject row (it"
                                + " was rejected as a whole at its header).",
                        c -> {
                            List<String> l = c.lines(c.channel("EDA"));
                            l.replaceAll(x -> "\"" + x + "\"");
                            c.writeLines(c.channel("EDA"), l);
                        },
                        reviewed().clean(EDA).readWhole(EDA, 1)),
                of(
                        "e4-ibi-zeroed-block",
                        "The client's IBI.csv with 1 KiB zeroed in the middle (NUL bytes across about 50 beat"
                                + " lines) is read: one reject row says the beats of a zeroed disk block are lost and"
                                + " the others keep their times (it said 'non-numeric value in column 1').",
                        c -> {
                            String ibi = c.channel("IBI");
                            byte[] b = c.read(ibi).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                            java.util.Arrays.fill(b, b.length / 2, b.length / 2 + 1024, (byte) 0);
                            java.io.ByteArrayOutputStream z = new java.io.ByteArrayOutputStream();
                            try (java.util.zip.GZIPOutputStream g = new java.util.zip.GZIPOutputStream(z)) {
                                g.write(b);
                            }
                            c.writeRaw(ibi, ibi.endsWith(".gz") ? z.toByteArray() : b);
                        },
                        reviewed().reject(IBI, null, "zeroed disk block").rejectRows(IBI, 1)),
                of(
                        "e4-tab-delimited",
                        "Nothing: the client's ACC and IBI files re-saved with tabs between their columns (a"
                                + " spreadsheet's \"Text (tab delimited)\") are read as the exports they came from"
                                + " (each was rejected as a whole at its header, 'non-numeric value in column 1').",
                        c -> {
                            for (String ch : List.of("ACC", "IBI")) {
                                c.write(
                                        c.channel(ch),
                                        c.read(c.channel(ch))
                                                .replace(", ", "\t")
                                                .replace(',', '\t'));
                            }
                        },
                        reviewed().clean("%").readWhole(E4Cases.ACC, 1).readWhole(IBI, 1)),
                of(
                        "e4-zip-entry-deflate64",
                        "The client's E4 zip whose EDA.csv entry is compressed with Deflate64 (as Windows Explorer"
                                + " writes some zips) is read but for that entry: one reject row says the method is"
                                + " not supported and what to do, client EDA is missing (it said 'compressed data"
                                + " damaged', or, the entry ending in a data descriptor, nothing at all).",
                        c -> {
                            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
                            try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(bytes)) {
                                for (String ch : List.of("ACC", "BVP", "EDA", "HR", "IBI", "TEMP")) {
                                    String file = c.channel(ch);
                                    out.putNextEntry(new java.util.zip.ZipEntry(ch + ".csv"));
                                    out.write(TextFiles.readBytes(c.path(file)));
                                    out.closeEntry();
                                    Files.delete(c.path(file));
                                }
                            }
                            byte[] zip = bytes.toByteArray();
                            markDeflate64(zip, "EDA.csv");
                            Files.write(c.path("{C}/" + c.base.clientFolder() + ".zip"), zip);
                        },
                        reviewed()
                                .reject("{C}/%.zip/EDA.csv", 0, "does not support (Deflate64")
                                .rejectRows("{C}/%.zip/EDA.csv", 1)
                                .missing("client:EDA")),
                of(
                        "json-session-json-linked-from-outside",
                        "A session.json that is a symbolic link to a file outside the sessions root is one reject"
                                + " row and is not read; the session is not reviewed (it was read, hashed and the"
                                + " session reviewed from outside the root).",
                        c -> {
                            Path outside = Files.createDirectories(c.root.resolve(".outside"));
                            Path target = outside.resolve(c.sessionId + "-session.json");
                            Files.move(c.path(ManifestCases.MANIFEST), target);
                            Files.createSymbolicLink(c.path(ManifestCases.MANIFEST), target);
                        },
                        notReviewed().reject(ManifestCases.MANIFEST, 0, "symbolic link leading out")));
    }

    /** Sets the compression method of entry {@code name} to Deflate64 (9) in its local and central headers. */
    private static void markDeflate64(byte[] zip, String name) {
        byte[] n = name.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i + 46 < zip.length; i++) {
            boolean local = zip[i] == 'P' && zip[i + 1] == 'K' && zip[i + 2] == 3 && zip[i + 3] == 4;
            boolean central = zip[i] == 'P' && zip[i + 1] == 'K' && zip[i + 2] == 1 && zip[i + 3] == 2;
            int at = i + (local ? 30 : 46);
            int len = (zip[i + (local ? 26 : 28)] & 0xff) | (zip[i + (local ? 27 : 29)] & 0xff) << 8;
            if ((local || central) && len == n.length && java.util.Arrays.equals(zip, at, at + len, n, 0, len)) {
                zip[i + (local ? 8 : 10)] = 9;
                zip[i + (local ? 9 : 11)] = 0;
            }
        }
    }
}
