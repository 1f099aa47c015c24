package org.sessionreview.jobs.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sessionreview.storage.Entry;
import org.sessionreview.storage.LocalEntry;

/** Stage, then publish: readers never see a partial table, and a failed run changes nothing. */
class OutputDirectoryTest {
    private static final List<String> ENTRIES = List.of("sessions", "rejects", "run.json");

    @TempDir
    Path tmp;

    private static List<String> visible(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.map(p -> dir.relativize(p).toString())
                    .filter(n -> !n.isEmpty() && !n.startsWith("."))
                    .sorted()
                    .toList();
        }
    }

    /** A staging folder's local path. */
    private static Path local(Entry e) {
        return ((LocalEntry) e).path();
    }

    private static void write(Path dir, String run) throws IOException {
        Files.writeString(Files.createDirectories(dir.resolve("sessions")).resolve("part-0.parquet"), run);
        Files.writeString(dir.resolve("run.json"), run);
    }

    @Test
    void shouldShowNothingUntilPublishedAndThenReplaceOnlyOwnEntries() throws Exception {
        Path out = tmp.resolve("out");
        OutputDirectory.Staging first = OutputDirectory.open(out, ENTRIES);
        write(local(first.dir()), "run 1");
        assertEquals(List.of(), visible(out), "nothing visible before publish");
        first.publish();
        assertEquals(List.of("run.json", "sessions", "sessions/part-0.parquet"), visible(out));
        assertTrue(Files.isRegularFile(out.resolve(OutputDirectory.MARKER)));

        Files.writeString(out.resolve("my-notes.txt"), "kept");
        OutputDirectory.Staging second = OutputDirectory.open(out, ENTRIES);
        write(local(second.dir()), "run 2");
        assertEquals("run 1", Files.readString(out.resolve("run.json")), "previous output stays until publish");
        second.publish();
        assertEquals("run 2", Files.readString(out.resolve("sessions/part-0.parquet")));
        assertEquals("kept", Files.readString(out.resolve("my-notes.txt")));
        try (Stream<Path> s = Files.list(out)) {
            assertEquals(
                    List.of(OutputDirectory.MARKER, "my-notes.txt", "run.json", "sessions"),
                    s.map(p -> p.getFileName().toString()).sorted().toList(),
                    "no staging left behind");
        }
    }

    @Test
    void shouldLeaveThePreviousOutputUntouchedWhenARunIsAbandoned() throws Exception {
        Path out = tmp.resolve("out");
        OutputDirectory.Staging first = OutputDirectory.open(out, ENTRIES);
        write(local(first.dir()), "run 1");
        first.publish();
        List<String> before = visible(out);
        OutputDirectory.Staging failed = OutputDirectory.open(out, ENTRIES);
        write(local(failed.dir()), "half of run 2");
        failed.abandon();
        assertEquals(before, visible(out));
        assertEquals("run 1", Files.readString(out.resolve("run.json")));
        assertFalse(Files.exists(local(failed.dir())));
    }

    @Test
    void shouldRemoveAnOutFolderItCreatedWhenTheRunIsAbandoned() throws Exception {
        Path out = tmp.resolve("new-out");
        OutputDirectory.Staging failed = OutputDirectory.open(out, ENTRIES);
        write(local(failed.dir()), "half a run");
        failed.abandon();
        // before: an empty new-out/ was left behind by a failed export or review
        assertFalse(Files.exists(out));
        Path existing = Files.createDirectories(tmp.resolve("empty-out"));
        OutputDirectory.open(existing, ENTRIES).abandon();
        assertTrue(Files.isDirectory(existing), "a folder that was there before stays");
    }

    @Test
    void shouldRemoveStagingLeftByAKilledRunAtTheNextOpen() throws Exception {
        Path out = tmp.resolve("out");
        OutputDirectory.Staging killed = OutputDirectory.open(out, ENTRIES);
        write(local(killed.dir()), "killed mid-run");
        OutputDirectory.Staging next = OutputDirectory.open(out, ENTRIES);
        assertFalse(Files.exists(local(killed.dir())));
        assertTrue(Files.isDirectory(local(next.dir())));
    }

    @Test
    void shouldRefuseAFolderWithForeignEntriesOrAnUnlistedTableName() throws Exception {
        Path foreign = Files.createDirectories(tmp.resolve("foreign"));
        Files.writeString(foreign.resolve("data.csv"), "x");
        OutputDirectory.RefusedException e =
                assertThrows(OutputDirectory.RefusedException.class, () -> OutputDirectory.open(foreign, ENTRIES));
        assertTrue(e.getMessage().contains("data.csv"), e.getMessage());

        Path out = tmp.resolve("out");
        OutputDirectory.Staging first = OutputDirectory.open(out, List.of("run.json"));
        Files.writeString(local(first.dir()).resolve("run.json"), "1");
        first.publish();
        Files.createDirectories(out.resolve("sessions")); // someone else's folder with a table's name
        assertThrows(OutputDirectory.RefusedException.class, () -> OutputDirectory.open(out, ENTRIES));
    }

    @Test
    void shouldRefuseAFolderThatAnotherCommandWrote() throws Exception {
        Path export = tmp.resolve("research-out");
        OutputDirectory.Staging e = OutputDirectory.open(export, OutputDirectory.Kind.EXPORT, List.of("sessions"));
        Files.writeString(
                Files.createDirectories(local(e.dir()).resolve("sessions")).resolve("p.parquet"), "pseudo");
        e.publish();
        assertTrue(Files.readString(export.resolve(OutputDirectory.MARKER)).contains("\"kind\" : \"export\""));
        // before: review replaced the export's sessions/ with identified tables, exit 0
        OutputDirectory.RefusedException r = assertThrows(
                OutputDirectory.RefusedException.class,
                () -> OutputDirectory.open(export, OutputDirectory.Kind.REVIEW, ENTRIES));
        assertTrue(r.getMessage().contains("holds the output of session-review export, not of review"), r.getMessage());
        assertEquals("pseudo", Files.readString(export.resolve("sessions/p.parquet")), "untouched");
        assertThrows(
                OutputDirectory.RefusedException.class,
                () -> OutputDirectory.open(export, OutputDirectory.Kind.REPORT, List.of("index.html", "sessions")));
        OutputDirectory.open(export, OutputDirectory.Kind.EXPORT, List.of("sessions"))
                .abandon(); // the same command may replace it

        Path review = tmp.resolve("review-out");
        OutputDirectory.Staging v = OutputDirectory.open(review, OutputDirectory.Kind.REVIEW, ENTRIES);
        write(local(v.dir()), "run 1");
        v.publish();
        // before: report replaced the review's sessions/ with pages
        assertThrows(
                OutputDirectory.RefusedException.class,
                () -> OutputDirectory.open(review, OutputDirectory.Kind.REPORT, List.of("index.html", "sessions")));
    }

    @Test
    void shouldTellTheCommandOfAMarkerWrittenBeforeKindsWereRecorded() throws Exception {
        Path export = Files.createDirectories(tmp.resolve("old-export"));
        Files.writeString(
                export.resolve(OutputDirectory.MARKER), "{\"tool\": \"session-review\", \"entries\": [\"sessions\"]}");
        assertThrows(
                OutputDirectory.RefusedException.class,
                () -> OutputDirectory.open(export, OutputDirectory.Kind.REVIEW, ENTRIES),
                "no run.json: an export");
        Path review = Files.createDirectories(tmp.resolve("old-review"));
        Files.writeString(
                review.resolve(OutputDirectory.MARKER),
                "{\"tool\": \"session-review\", \"entries\": [\"sessions\", \"run.json\"]}");
        OutputDirectory.open(review, OutputDirectory.Kind.REVIEW, ENTRIES).abandon();
        assertThrows(
                OutputDirectory.RefusedException.class,
                () -> OutputDirectory.open(review, OutputDirectory.Kind.EXPORT, List.of("sessions")));
    }
}
