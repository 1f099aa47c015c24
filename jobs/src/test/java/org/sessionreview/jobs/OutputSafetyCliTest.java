package org.sessionreview.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Outputs never touch inputs: every refused {@code --out} and every unusable sessions root ends
 * with exit 2 and one line, before anything is created, deleted or read, and the input tree is
 * byte for byte as it was.
 */
class OutputSafetyCliTest {
    @TempDir
    Path tmp;

    private Path study;
    private Path sessions;
    private Path home;

    private record Run(int code, String out, String err) {}

    @BeforeEach
    void layOutAStudy() throws IOException {
        study = Files.createDirectories(tmp.resolve("study"));
        sessions = Files.createDirectories(study.resolve("sessions"));
        Path s1 = Files.createDirectories(sessions.resolve("s1"));
        Files.writeString(s1.resolve("session.json"), "{\"session_id\": \"S1\"}");
        Files.writeString(Files.createDirectories(s1.resolve("client")).resolve("EDA.csv"), "1.0\n4.0\n0.5\n");
        home = Files.createDirectories(tmp.resolve("home"));
    }

    private Run review(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--allow-demo-key");
        int code = new ReviewCommand(
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8),
                        home)
                .run(all.toArray(String[]::new), Map.<String, String>of()::get);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private List<String> tree(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.map(p -> {
                        try {
                            return root.relativize(p)
                                    + (Files.isRegularFile(p)
                                            ? " " + Files.readString(p).hashCode()
                                            : "/");
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .sorted()
                    .toList();
        }
    }

    private void assertRefused(Run r, String expected) {
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains(expected), r.err());
    }

    @Test
    void shouldRefuseWithoutDeletingWhenOutContainsTheSessionsRoot() throws IOException {
        List<String> before = tree(study);
        assertRefused(
                review("--sessions", sessions.toString(), "--out", study.toString()), "contains the sessions root");
        assertEquals(before, tree(study));
    }

    @Test
    void shouldRefuseWhenOutIsOrIsInsideTheSessionsRoot() throws IOException {
        List<String> before = tree(study);
        assertRefused(review("--sessions", sessions.toString(), "--out", sessions.toString()), "is the sessions root");
        assertRefused(
                review(
                        "--sessions",
                        sessions.toString(),
                        "--out",
                        sessions.resolve("out").toString()),
                "is inside the sessions root");
        assertRefused(
                review(
                        "--sessions",
                        sessions.toString(),
                        "--out",
                        sessions.resolve("s1/../x/../out").toString()),
                "is inside the sessions root");
        assertEquals(before, tree(study));
    }

    @Test
    void shouldRefuseWhenOutReachesTheSessionsRootThroughASymbolicLink() throws IOException {
        Path link = Files.createSymbolicLink(tmp.resolve("link-to-study"), study);
        List<String> before = tree(study);
        assertRefused(
                review("--sessions", sessions.toString(), "--out", link.toString()), "contains the sessions root");
        assertEquals(before, tree(study));
    }

    @Test
    void shouldRefuseTheFileSystemRootAndTheHomeFolder() {
        assertRefused(review("--sessions", sessions.toString(), "--out", "/"), "file system root");
        assertRefused(review("--sessions", sessions.toString(), "--out", home.toString()), "is the home folder");
        assertRefused(review("--sessions", sessions.toString(), "--out", tmp.toString()), "the sessions root");
        Path other = Files.exists(tmp) ? tmp.getParent() : tmp;
        assertEquals(
                2,
                review("--sessions", sessions.toString(), "--out", other.toString())
                        .code());
    }

    @Test
    void shouldRefuseAFolderHoldingFilesThisToolDidNotWrite() throws IOException {
        Path out = Files.createDirectories(tmp.resolve("thesis"));
        Files.writeString(out.resolve("chapter1.docx"), "my work");
        Files.createDirectories(out.resolve("sessions"));
        Files.writeString(out.resolve("sessions/notes.txt"), "mine");
        List<String> before = tree(out);
        assertRefused(review("--sessions", sessions.toString(), "--out", out.toString()), "did not write");
        assertEquals(before, tree(out));
    }

    @Test
    void shouldExitTwoWithOneLineWhenTheRootIsEmptyOrIsASessionFolder() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        Files.writeString(empty.resolve("readme.txt"), "nothing here");
        Files.createDirectories(empty.resolve(".hidden"));
        assertRefused(
                review(
                        "--sessions",
                        empty.toString(),
                        "--out",
                        tmp.resolve("o1").toString()),
                "holds no session folders");
        assertRefused(
                review(
                        "--sessions",
                        sessions.resolve("s1").toString(),
                        "--out",
                        tmp.resolve("o2").toString()),
                "is itself a session folder");
        assertTrue(
                !Files.exists(tmp.resolve("o1")) && !Files.exists(tmp.resolve("o2")),
                "nothing created for a refused run");
    }
}
