package org.sessionreview.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sessionreview.config.PipelineConfig;
import org.sessionreview.ingest.session.Pseudonymizer;
import org.sessionreview.model.InputFileStats;
import org.sessionreview.model.Reject;

/** What session.json lists beside the wearables: a codebook read entry by entry, annotation files listed twice. */
class SessionIngestorListingTest {
    @TempDir
    Path root;

    private IngestedSession ingest(String annotations, String extra) throws IOException {
        Path s = Files.createDirectories(root.resolve("a"));
        Files.writeString(
                s.resolve("session.json"),
                "{\"session_id\": \"S1\", \"therapist_id\": \"T1\", \"client_id\": \"c-1\", \"session_number\": 1,"
                        + " \"media_start\": \"2026-03-02T10:00:00+01:00\", \"duration_s\": 600, \"wearables\": {},"
                        + " \"annotations\": " + annotations + ", \"consent\": {\"supervision\": true,"
                        + " \"research\": false}" + extra + "}");
        IngestedSession out =
                new SessionIngestor(PipelineConfig.defaults(), Pseudonymizer.demo(), null).ingest(root, "a");
        for (InputFileStats f : out.files) {
            assertEquals(f.recordsRead, f.recordsAccepted + f.recordsRejected, f.toString());
        }
        return out;
    }

    private static InputFileStats file(IngestedSession s, String path) {
        return s.files.stream().filter(f -> f.path.equals(path)).findFirst().orElseThrow();
    }

    /** Session folder {@code a} with {@link #EVENTS} and this session codebook, ingested. */
    private IngestedSession ingestWithCodebook(String codebookJson) throws IOException {
        Path s = Files.createDirectories(root.resolve("a"));
        Files.writeString(s.resolve("codes.jsonl"), EVENTS);
        Files.writeString(s.resolve("codebook.json"), codebookJson);
        return ingest("[\"codes.jsonl\"]", ", \"codebook\": \"codebook.json\"");
    }

    private static List<String> codebookReasons(IngestedSession out) {
        return out.rejects.stream()
                .filter(r -> r.sourceFile.equals("a/codebook.json"))
                .map(r -> r.reason)
                .toList();
    }

    private static final String EVENTS = "{\"start\": 10, \"code\": \"site sigh\", \"actor\": \"Pat\"}\n"
            + "{\"start\": 20, \"code\": \"site hands\", \"actor\": \"client\"}\n"
            + "{\"start\": 30, \"code\": \"site fidget\", \"actor\": \"client\"}\n";

    @Test
    void shouldUseTheGoodEntriesOfACodebookAndRejectTheBadOneAtItsLine() throws IOException {
        Path s = Files.createDirectories(root.resolve("a"));
        Files.writeString(s.resolve("codes.jsonl"), EVENTS);
        Files.writeString(
                s.resolve("codebook.json"),
                "{\"labels\": {\n"
                        + "  \"site sigh\": \"ANX_STR_SIGH\",\n"
                        + "  \"site fidget\": \"ANX_FIDGET_TYPO\",\n"
                        + "  \"site hands\": \"ANX_STR_HANDS\"},\n"
                        + " \"actors\": {\"Pat\": \"client\"}}\n");

        IngestedSession out = ingest("[\"codes.jsonl\"]", ", \"codebook\": \"codebook.json\"");

        InputFileStats cb = file(out, "a/codebook.json");
        assertEquals(4, cb.recordsRead);
        assertEquals(1, cb.recordsRejected);
        List<Reject> cbRejects = out.rejects.stream()
                .filter(r -> r.sourceFile.equals("a/codebook.json"))
                .toList();
        assertEquals(1, cbRejects.size());
        assertEquals(3, cbRejects.get(0).line);
        assertEquals(
                "codebook entry not used (labels it would map are rejected): labels entry 2 maps to a value that is"
                        + " not a canonical code",
                cbRejects.get(0).reason);
        // before: the whole codebook was rejected, and all three events with it
        assertEquals(
                List.of("ANX_STR_SIGH", "ANX_STR_HANDS"),
                out.annotations.stream().map(x -> x.code).toList());
        InputFileStats codes = file(out, "a/codes.jsonl");
        assertEquals(3, codes.recordsRead);
        assertEquals(1, codes.recordsRejected);
    }

    @Test
    void shouldSayWhatAnUnusedEntryCostsInTheTermsOfItsSection() throws Exception {
        IngestedSession out = ingestWithCodebook("{\"labels\": {\"site sigh\": \"ANX_STR_SIGH\"},\n"
                + " \"actors\": {\"Pat\": \"patient\"},\n"
                + " \"modifiers\": {\"Stufe\": \"9 level\"},\n"
                + " \"modifier_values\": {\"intensity\": {\"leicht\": 1.5}},\n"
                + " \"colours\": {}}\n");

        List<String> prefixes = codebookReasons(out).stream()
                .map(r -> r.substring(0, r.indexOf("): ") + 1))
                .toList();
        // before: every one said "(labels it would map are rejected)"
        assertEquals(
                List.of(
                        "codebook entry not used (the actor name it would map is not recognised)",
                        "codebook entry not used (the modifier it would rename keeps its own name)",
                        "codebook entry not used (words it would map are not read as values)",
                        "codebook entry not used (it maps nothing)"),
                prefixes);
    }

    @Test
    void shouldSayReadOnceOnceWhenASessionCodebookRepeatsAnEntryVerbatim() throws Exception {
        IngestedSession out = ingestWithCodebook("{\"labels\": {\n"
                + "  \"site sigh\": \"ANX_STR_SIGH\",\n"
                + "  \"site sigh\": \"ANX_STR_SIGH\"},\n"
                + " \"modifier_values\": {\"intensity\": {\"leicht\": 1},\n"
                + "  \"intensity\": {\"leicht\": 1}}}\n");

        List<String> reasons = codebookReasons(out);
        // before: "codebook entry repeated, read once (the first is used): labels entry 2 repeats entry 1
        // verbatim (the same key and target): read once, as entry 1", and the modifier block pasted
        // twice was "not used (labels it would map are rejected)"
        assertEquals(
                List.of(
                        "codebook entry repeated, read once (the first is used): labels entry 2 repeats entry 1"
                                + " verbatim (the same key and target)",
                        "codebook entry repeated, read once (the first is used): modifier_values entry 2, word 1"
                                + " repeats entry 1 verbatim (the same modifier and words)"),
                reasons);
        InputFileStats cb = file(out, "a/codebook.json");
        assertEquals(4, cb.recordsRead);
        assertEquals(2, cb.recordsRejected);
        assertEquals(2, cb.recordsAccepted);
    }

    @Test
    void shouldReadAFileListedTwiceOnceAndRejectItsSecondListing() throws IOException {
        Path s = Files.createDirectories(root.resolve("a"));
        Files.writeString(
                s.resolve("codes.jsonl"), "{\"start\": 10, \"code\": \"ANX_STR_SIGH\", \"actor\": \"client\"}\n");
        Files.copy(s.resolve("codes.jsonl"), s.resolve("codes (1).jsonl"));
        Files.createSymbolicLink(s.resolve("Codes.JSONL"), Path.of("codes.jsonl"));
        Files.writeString(s.resolve("empty.csv"), "");
        Files.writeString(s.resolve("empty2.csv"), "");

        IngestedSession out = ingest(
                "[\"codes.jsonl\", \"./codes.jsonl\", \"Codes.JSONL\", \"codes (1).jsonl\", \"empty.csv\","
                        + " \"empty2.csv\"]",
                "");

        // before: a literal repeat rejected the whole session, a link or a copy counted every event twice
        assertEquals(1, out.annotations.size());
        for (String again : List.of("a/./codes.jsonl", "a/Codes.JSONL", "a/codes (1).jsonl")) {
            InputFileStats f = file(out, again);
            assertEquals(1, f.recordsRejected, again);
            Reject r = out.rejects.stream()
                    .filter(x -> x.sourceFile.equals(again))
                    .findFirst()
                    .orElseThrow();
            assertEquals(
                    "the same file as a/codes.jsonl (the same bytes, SHA-256), listed again in session.json: not read"
                            + " a second time, its events would count twice",
                    r.reason);
        }
        // two empty files are two files, each empty
        for (String empty : List.of("a/empty.csv", "a/empty2.csv")) {
            Reject r = out.rejects.stream()
                    .filter(x -> x.sourceFile.equals(empty))
                    .findFirst()
                    .orElseThrow();
            assertFalse(r.reason.contains("same file"), r.reason);
            assertTrue(r.reason.contains("empty"), r.reason);
        }
    }

    private static String eaf(String... codes) {
        StringBuilder slots = new StringBuilder();
        StringBuilder anns = new StringBuilder();
        for (int k = 0; k < codes.length; k++) {
            slots.append("<TIME_SLOT TIME_SLOT_ID=\"ts")
                    .append(2 * k + 1)
                    .append("\" TIME_VALUE=\"")
                    .append(190000 + 100000 * k)
                    .append("\"/>\n<TIME_SLOT TIME_SLOT_ID=\"ts")
                    .append(2 * k + 2)
                    .append("\" TIME_VALUE=\"")
                    .append(215000 + 100000 * k)
                    .append("\"/>\n");
            anns.append("<ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID=\"a")
                    .append(k + 1)
                    .append("\" TIME_SLOT_REF1=\"ts")
                    .append(2 * k + 1)
                    .append("\" TIME_SLOT_REF2=\"ts")
                    .append(2 * k + 2)
                    .append("\"><ANNOTATION_VALUE>")
                    .append(codes[k])
                    .append("</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION>\n");
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<ANNOTATION_DOCUMENT FORMAT=\"3.0\" VERSION=\"3.0\">\n"
                + "<HEADER MEDIA_FILE=\"\" TIME_UNITS=\"milliseconds\"/>\n<TIME_ORDER>\n" + slots
                + "</TIME_ORDER>\n<TIER LINGUISTIC_TYPE_REF=\"default\" PARTICIPANT=\"client\" TIER_ID=\"CL\">\n"
                + anns + "</TIER>\n"
                + "<LINGUISTIC_TYPE GRAPHIC_REFERENCES=\"false\" LINGUISTIC_TYPE_ID=\"default\" TIME_ALIGNABLE=\"true\"/>\n"
                + "</ANNOTATION_DOCUMENT>\n";
    }

    @Test
    void shouldReadOneOfTwoCodingFilesWhoseNamesDifferOnlyInCase() throws IOException {
        // a coding saved again under its name in another case (S1.eaf, then s1.EAF from a Windows
        // copy): one file on a case-insensitive disk, two on this one; before, both were read and the
        // event they share counted twice
        Path s = Files.createDirectories(root.resolve("a"));
        Files.writeString(s.resolve("S1.eaf"), eaf("RUP_W_DENIAL"));
        Files.writeString(s.resolve("s1.EAF"), eaf("RUP_W_DENIAL", "AFF_CUE"));

        IngestedSession out = ingest("[\"S1.eaf\", \"./s1.EAF\"]", "");

        assertEquals(
                List.of("RUP_W_DENIAL"),
                out.annotations.stream().map(x -> x.code).toList());
        InputFileStats later = file(out, "a/./s1.EAF");
        assertEquals(1, later.recordsRead);
        assertEquals(1, later.recordsRejected);
        Reject r = out.rejects.stream()
                .filter(x -> x.sourceFile.equals("a/./s1.EAF"))
                .findFirst()
                .orElseThrow();
        assertEquals(0, r.line);
        assertTrue(r.reason.startsWith("its name differs from a/S1.eaf only in case: not read"), r.reason);
        assertEquals(1, file(out, "a/S1.eaf").recordsAccepted);
        // names that differ in more than case are two codings, both read
        Files.writeString(s.resolve("S1 second coder.eaf"), eaf("AFF_CUE"));
        IngestedSession two = ingest("[\"S1.eaf\", \"S1 second coder.eaf\"]", "");
        assertEquals(2, two.annotations.size());
    }

    @Test
    void shouldCountAnEventOfOneCodingListedInTwoFormatsOnce() throws IOException {
        Path s = Files.createDirectories(root.resolve("a"));
        Files.writeString(
                s.resolve("codes.jsonl"),
                "{\"start\": 60, \"code\": \"RUP_W_MINIMAL\", \"actor\": \"client\", \"significance\": 3}\n"
                        + "{\"start\": 145, \"code\": \"ANX_STR_SIGH\", \"actor\": \"client\"}\n"
                        + "{\"start\": 170, \"end\": 185, \"code\": \"ANX_STR_HANDS\", \"actor\": \"client\"}\n");
        // the same coding exported again (as an .eaf and its tab export), plus one event of its own
        // and one at another millisecond
        Files.writeString(
                s.resolve("codes.csv"),
                "start,end,code,actor,significance\n"
                        + "145.000,,ANX_STR_SIGH,client,\n"
                        + "170.0,185.0,ANX_STR_HANDS,client,\n"
                        + "60,,RUP_W_MINIMAL,client,3\n"
                        + "60,,RUP_W_MINIMAL,client,2\n"
                        + "145.001,,ANX_STR_SIGH,client,\n"
                        + "200,,INT_VALIDATION,therapist,\n");

        IngestedSession out = ingest("[\"codes.jsonl\", \"codes.csv\"]", "");

        // before: 9 annotations, each of the three events of both files counted twice
        assertEquals(6, out.annotations.size(), out.annotations.toString());
        InputFileStats csv = file(out, "a/codes.csv");
        assertEquals(6, csv.recordsRead);
        assertEquals(3, csv.recordsAccepted);
        assertEquals(3, csv.recordsRejected);
        List<String> reasons = out.rejects.stream()
                .filter(r -> r.sourceFile.equals("a/codes.csv"))
                .map(r -> r.line + " " + r.reason.substring(0, r.reason.indexOf(" (")))
                .sorted()
                .toList();
        // the earlier file named without the folder both share (a deep archive's path cut the reason)
        assertEquals(
                List.of(
                        "2 the same event as codes.jsonl line 2",
                        "3 the same event as codes.jsonl line 3",
                        "4 the same event as codes.jsonl line 1"),
                reasons);
        assertEquals(3, file(out, "a/codes.jsonl").recordsAccepted);
    }

    @Test
    void shouldNameTheEarlierFileAndLineWhateverItsPathsLength() throws IOException {
        String event = "{\"start\": 60, \"code\": \"ANX_STR_SIGH\", \"actor\": \"client\"}\n";
        String name = "Sitzung_12_Klientin_2026-03-14_final_version.jsonl";
        for (String coder : new String[] {"coderA-cohort-2026-trainee-07", "coderB-cohort-2026-trainee-07"}) {
            Files.createDirectories(root.resolve("a/" + coder));
            // the second coder also coded a cue of their own (the files differ: no byte-for-byte copy)
            String more =
                    coder.startsWith("coderB") ? "{\"start\": 90, \"code\": \"AFF_CUE\", \"actor\": \"client\"}\n" : "";
            Files.writeString(root.resolve("a/" + coder + "/" + name), event + more);
        }

        IngestedSession out = ingest(
                "[\"coderA-cohort-2026-trainee-07/" + name + "\", \"coderB-cohort-2026-trainee-07/" + name + "\"]", "");

        // a check of the fixes (2026-12-07): the reason was cut at 240 characters before the line
        String reason = out.rejects.stream()
                .filter(r -> r.sourceFile.contains("coderB"))
                .findFirst()
                .orElseThrow()
                .reason;
        assertTrue(
                reason.startsWith("the same event as a/coderA-cohort-2026-trainee-07/" + name + " line 1 ("), reason);
        assertTrue(reason.length() <= org.sessionreview.model.Reject.REASON_MAX_CHARS, reason);
        assertEquals(2, out.annotations.size());
    }

    @Test
    void shouldRejectAListedVideoWithoutReadingIt() throws IOException {
        Path s = Files.createDirectories(root.resolve("a"));
        Files.writeString(
                s.resolve("codes.jsonl"), "{\"start\": 60, \"code\": \"ANX_STR_SIGH\", \"actor\": \"client\"}\n");
        try (java.io.RandomAccessFile video =
                new java.io.RandomAccessFile(s.resolve("session.mp4").toFile(), "rw")) {
            video.setLength(2L << 30); // a 2 GB video, sparse
        }

        IngestedSession out = ingest("[\"session.mp4\", \"codes.jsonl\"]", "");

        InputFileStats video = file(out, "a/session.mp4");
        // before: read through for its SHA-256 and 64 MiB of it into memory, then "file is larger than 67108864 bytes"
        assertEquals(null, video.sha256);
        assertEquals(2L << 30, video.sizeBytes);
        assertEquals(1, video.recordsRejected);
        assertTrue(video.firstReject.contains("2147483648 bytes, more than the 67108864"), video.firstReject);
        assertEquals(1, out.annotations.size());
    }
}
