package org.sessionreview.jobs.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sessionreview.jobs.Paths;

/**
 * {@code replay} reads the files as {@code review} does and sends nothing of what it rejects; the
 * live job's {@code rejects/} then has none of those rows, so replay must name every one (file,
 * line, reason), not the first alone: before, a session's other rejected records were named
 * nowhere (live-damaged audit, the seventh cohort's G05: three text rows in EDA.csv, one named).
 */
class ReplayRejectsTest {
    private static final String FOLDER = "2026-03-02_T01_1000";

    @TempDir
    Path tmp;

    /** What {@code replay} reads of {@link #FOLDER} under {@code root}, its console in {@code err}. */
    private static List<RecordedSession> read(Path root, ByteArrayOutputStream err) throws Exception {
        ReplayOptions options = ReplayOptions.parse(
                new String[] {"--sessions", root.toString(), "--bootstrap", "localhost:9", "--allow-demo-key"},
                name -> null);
        return ReplayCommand.read(options, List.of(FOLDER), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void shouldNameEveryRecordItRejectsWithItsFileLineAndReason() throws Exception {
        Path root = tmp.resolve("sessions");
        copy(Paths.sampleData().resolve(FOLDER), root.resolve(FOLDER));
        Path codes = root.resolve(FOLDER).resolve("annotations.jsonl");
        long lines = Files.readAllLines(codes).size();
        Files.writeString(codes, "{\"start_s\": 12, \"code\"\n{broken\n", StandardOpenOption.APPEND);
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        List<RecordedSession> sessions = read(root, err);

        assertEquals(1, sessions.size(), "the session is still sent");
        String text = err.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains(FOLDER + ": 2 record(s) or file(s) rejected, sent without them"), text);
        for (long line : new long[] {lines + 1, lines + 2}) {
            assertTrue(text.contains(FOLDER + "/annotations.jsonl line " + line + ": not valid JSON"), text);
        }
    }

    @Test
    void shouldNameTheDroppedModifiersNoteAndSendNoDroppedModifier() throws Exception {
        // README, Live: review's note of a file's dropped modifiers is not in the live job's
        // rejects/ after replay: replay sends only the modifiers the review kept, and names the note
        Path root = tmp.resolve("sessions");
        copy(Paths.sampleData().resolve(FOLDER), root.resolve(FOLDER));
        Path codes = root.resolve(FOLDER).resolve("annotations.jsonl");
        Files.writeString(
                codes,
                "{\"start\":600.0,\"code\":\"ANX_STR_SIGH\",\"actor\":\"client\",\"intensity\":9,"
                        + "\"observer\":\"Jane Roe\"}\n",
                StandardOpenOption.APPEND);
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        List<RecordedSession> sessions = read(root, err);

        String text = err.toString(StandardCharsets.UTF_8);
        assertTrue(
                text.contains(FOLDER + "/annotations.jsonl: 2 modifier values outside the allow-list were dropped"
                        + " (keys: intensity; 1 other field)"),
                text);
        assertTrue(!text.contains("Jane Roe"), text);
        var annotations = sessions.get(0).session().annotations;
        assertTrue(annotations.stream().anyMatch(a -> a.startS == 600.0), "the event is sent");
        for (var a : annotations) {
            // what replay sends as the event's modifiers: every pair admitted, so live drops none
            for (String pair : a.modifiers == null ? new String[0] : a.modifiers.split(";")) {
                String[] kv = pair.split("=", 2);
                assertTrue(
                        org.sessionreview.ingest.annotation.ModifierPolicy.admit(kv[0], kv[1])
                                .isPresent(),
                        a.modifiers);
            }
        }
    }

    @Test
    void shouldNameEveryFolderTheScanRejects() throws Exception {
        Path root = tmp.resolve("sessions");
        copy(Paths.sampleData().resolve(FOLDER), root.resolve(FOLDER));
        copy(Paths.sampleData().resolve(FOLDER), root.resolve(FOLDER + " (copy)"));
        Files.createDirectories(root.resolve("notes/2026"));
        ReplayOptions options = ReplayOptions.parse(
                new String[] {"--sessions", root.toString(), "--bootstrap", "localhost:9", "--allow-demo-key"},
                name -> null);
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        List<String> folders = ReplayCommand.scan(options, new PrintStream(err, true, StandardCharsets.UTF_8));

        // before (review of 2026-12-07): both rows were dropped without a word
        assertEquals(List.of(FOLDER), folders);
        String text = err.toString(StandardCharsets.UTF_8);
        assertTrue(
                text.contains(FOLDER + " (copy)/session.json: duplicate session_id (already in folder " + FOLDER),
                text);
        assertTrue(text.contains("notes/: folder has no session.json"), text);
        assertTrue(text.contains("(not sent)"), text);
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
