package org.sessionreview.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scan finds two folders of one session however their session.json is written. */
class SessionScannerTest {
    @TempDir
    Path root;

    private void folder(String name, byte[] manifest) throws IOException {
        Path dir = Files.createDirectories(root.resolve(name));
        Files.write(dir.resolve(SessionScanner.MANIFEST), manifest);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void shouldFindADuplicateSessionIdWrittenAsIngestionReadsIt() throws IOException {
        folder("a", utf8("{\"session_id\": \"S-1\", \"client_id\": \"x\"}"));
        // before: the scan read strict UTF-8 JSON with a text id, and passed these on as new sessions
        folder("b", utf8("// a fixed copy\n{\"session_id\": \"S-1\", \"client_id\": \"x\",}"));
        folder("c", utf8("{\"session_id\": 17}"));
        folder("d", utf8("{\"session_id\": \"17\"}"));
        folder("e", "{\"session_id\": \"S-1\", \"note\": \"H\u00e4nde\"}".getBytes(StandardCharsets.ISO_8859_1));
        folder("f", "\uFEFF{\"session_id\": \"S-2\"}".getBytes(StandardCharsets.UTF_16LE));
        folder("g", "\uFEFF{\"session_id\": \"S-2\"}".getBytes(StandardCharsets.UTF_8));

        SessionScanner.Scan scan = SessionScanner.scan(root);

        assertEquals(List.of("a", "c", "f"), scan.folders());
        assertEquals(
                List.of("b/session.json", "d/session.json", "e/session.json", "g/session.json"),
                scan.rejects().stream().map(r -> r.sourceFile).sorted().toList());
        assertTrue(
                scan.rejects().stream().allMatch(r -> r.reason.startsWith("duplicate session_id")),
                scan.rejects().toString());
    }

    @Test
    void shouldRejectASessionJsonLinkedFromOutsideItsFolder() throws IOException {
        Path outside = Files.createDirectories(root.resolveSibling(root.getFileName() + "-outside"));
        Files.write(outside.resolve("session.json"), utf8("{\"session_id\": \"other-site-7\"}"));
        Files.createDirectories(root.resolve("a"));
        Files.createSymbolicLink(root.resolve("a").resolve(SessionScanner.MANIFEST), outside.resolve("session.json"));
        // a link inside the session folder is read
        folder("b", utf8("{\"session_id\": \"S-2\"}"));
        Files.move(
                root.resolve("b").resolve(SessionScanner.MANIFEST),
                root.resolve("b").resolve("meta.json"));
        Files.createSymbolicLink(root.resolve("b").resolve(SessionScanner.MANIFEST), Path.of("meta.json"));
        // into another session's folder: outside its own folder
        Files.createDirectories(root.resolve("c"));
        Files.createSymbolicLink(
                root.resolve("c").resolve(SessionScanner.MANIFEST),
                root.resolve("b").resolve("meta.json"));

        SessionScanner.Scan scan;
        try {
            scan = SessionScanner.scan(root);
        } finally {
            Files.delete(outside.resolve("session.json"));
            Files.delete(outside);
        }

        // before: folders a, b and c (a's session read from outside the sessions root, c a duplicate)
        assertEquals(List.of("b"), scan.folders());
        assertEquals(
                List.of("a/session.json", "c/session.json"),
                scan.rejects().stream().map(r -> r.sourceFile).sorted().toList());
        assertTrue(
                scan.rejects().stream()
                        .allMatch(r -> r.reason.equals(
                                "session.json is a symbolic link leading out of the session folder: not read")),
                scan.rejects().toString());
        assertEquals(0, scan.files().get(0).sizeBytes, "the target is not even measured");
    }

    @Test
    void shouldTakeSessionIdsDifferingOnlyInCaseForOneSession() throws IOException {
        folder("a", utf8("{\"session_id\": \"T01-20260302-1000\"}"));
        // before: a second session, its BORIS observation matched to both, its report page the same file on macOS
        folder("b", utf8("{\"session_id\": \"t01-20260302-1000\"}"));
        folder("c", utf8("{\"session_id\": \"T01-20260302-1001\"}"));

        SessionScanner.Scan scan = SessionScanner.scan(root);

        assertEquals(List.of("a", "c"), scan.folders());
        assertEquals(1, scan.rejects().size());
        assertEquals("b/session.json", scan.rejects().get(0).sourceFile);
        assertEquals(
                "duplicate session_id (already in folder a, written in another case): folder skipped",
                scan.rejects().get(0).reason);
    }

    @Test
    void shouldRejectAFolderWhoseNameIsNotInTheFileNameEncoding() throws Exception {
        folder("ok", utf8("{\"session_id\": \"S-1\"}"));
        // a folder named in Latin-1 ("sess\u00e9ion" as one byte 0xE9), as an archive made on Windows
        // unpacks; Java cannot create such a name itself, so the shell does
        int made;
        try {
            made = new ProcessBuilder(
                            "/bin/sh",
                            "-c",
                            "d=\"$1/$(printf 'sess\\351ion')\"; mkdir \"$d\" &&"
                                    + " printf '{\"session_id\": \"S-2\"}' > \"$d/session.json\"",
                            "sh",
                            root.toString())
                    .inheritIO()
                    .start()
                    .waitFor();
        } catch (java.io.IOException e) {
            made = -1;
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(
                made == 0, "needs /bin/sh and a file system taking raw bytes in names");
        // under a Latin-1 file-name encoding the name decodes and there is nothing to test
        org.junit.jupiter.api.Assumptions.assumeFalse(
                java.nio.file.Files.exists(root.resolve("sess\u00e9ion")), "the name is valid in this encoding");
        SessionScanner.Scan scan = SessionScanner.scan(root);
        // before: passed on as a session, whose session.json ingestion then could not find
        // ("cannot read session.json (NoSuchFileException)")
        assertEquals(List.of("ok"), scan.folders());
        assertEquals(1, scan.rejects().size());
        assertTrue(
                scan.rejects().get(0).reason.startsWith("the folder's name is not valid in this JVM's"),
                scan.rejects().get(0).reason);
        assertEquals(1, scan.files().get(0).recordsRejected);
    }

    @Test
    void shouldFindSessionFoldersFiledByCohortTraineeAndYear() throws IOException {
        folder("2026-03-02_T01", utf8("{\"session_id\": \"S-1\"}"));
        Files.createDirectories(root.resolve("2026-03-02_T01/client"));
        folder("cohort-2025/T01/2026/s2", utf8("{\"session_id\": \"S-2\"}"));
        Files.createDirectories(root.resolve("cohort-2025/T01/2026/s2/client"));
        folder("cohort-2025/T02/s3", utf8("{\"session_id\": \"S-3\"}"));
        folder("cohort-2025/T02/s3/follow-up", utf8("{\"session_id\": \"S-4\"}"));
        folder("cohort-2025/T02/s3/.ipynb_checkpoints/x", utf8("{\"session_id\": \"S-5\"}"));
        // a session's own folders are not searched through (a folder of video frames)
        folder("cohort-2025/T02/s3/frames/0001", utf8("{\"session_id\": \"S-8\"}"));
        Files.createDirectories(root.resolve("cohort-2025/T03/2026/empty"));
        for (int i = 0; i < 50; i++) {
            Files.createDirectories(root.resolve("scratch/" + i));
        }
        folder("d/" + "x/".repeat(19) + "deep", utf8("{\"session_id\": \"S-6\"}"));
        folder("e/" + "x/".repeat(SessionScanner.MAX_DEPTH) + "deeper", utf8("{\"session_id\": \"S-7\"}"));
        Files.createSymbolicLink(root.resolve("cohort-2025/T01/loop"), root.resolve("cohort-2025"));

        SessionScanner.Scan scan = SessionScanner.scan(root);

        // before: S-1 alone; cohort-2025/, d/, e/ and scratch/ one row each "folder has no session.json"
        assertEquals(
                List.of(
                        "2026-03-02_T01",
                        "cohort-2025/T01/2026/s2",
                        "cohort-2025/T02/s3",
                        "cohort-2025/T02/s3/follow-up",
                        "d/" + "x/".repeat(19) + "deep"),
                scan.folders());
        assertEquals(
                List.of(
                        "cohort-2025/T01/loop/",
                        "cohort-2025/T03/",
                        "e/" + "x/".repeat(SessionScanner.MAX_DEPTH - 2) + "x/",
                        "scratch/"),
                scan.rejects().stream().map(r -> r.sourceFile).sorted().toList());
        assertTrue(
                scan.rejects().stream()
                        .anyMatch(r -> r.sourceFile.equals("cohort-2025/T01/loop/") && r.reason.contains("a loop")),
                scan.rejects().toString());
        assertTrue(
                scan.rejects().stream()
                        .anyMatch(
                                r -> r.sourceFile.equals("scratch/")
                                        && r.reason.equals(
                                                "folder has no session.json, nor does any folder inside it: not a session folder")),
                scan.rejects().toString());
        assertEquals(scan.rejects().size(), scan.files().size());
    }

    @Test
    void shouldReviewTheFolderItselfNotALinkToItAndSayWhatAWearersCopyOfTheManifestIs() throws IOException {
        folder("S1", utf8("{\"session_id\": \"S-1\"}"));
        folder("S1/client", utf8("{\"session_id\": \"S-1\"}")); // a copy in the wearer's folder
        folder("S2", utf8("{\"session_id\": \"S-2\"}"));
        Files.createDirectories(root.resolve("A-to-review"));
        Files.createSymbolicLink(root.resolve("A-to-review/linkS1"), Path.of("../S1"));
        Files.createSymbolicLink(root.resolve("A-to-review/other"), root.resolve("S2"));
        folder("B/S3", utf8("{\"session_id\": \"S-3\"}"));
        Files.createSymbolicLink(root.resolve("C-only-here"), root.resolve("B"));
        folder("D", utf8("{\"session_id\": \"S-4\"}"));

        SessionScanner.Scan scan = SessionScanner.scan(root);

        // before (review of 2026-12-07): A-to-review/linkS1 and A-to-review/other were reviewed and
        // the folders S1 and S2 themselves were "duplicate session_id ... folder skipped"
        assertEquals(List.of("B/S3", "D", "S1", "S2"), scan.folders());
        assertEquals(
                List.of("A-to-review/linkS1/", "A-to-review/other/", "C-only-here/S3/", "S1/client/session.json"),
                scan.rejects().stream().map(r -> r.sourceFile).sorted().toList());
        String links = scan.rejects().stream()
                .filter(r -> r.sourceFile.startsWith("A-to-review/linkS1"))
                .findFirst()
                .orElseThrow()
                .reason;
        assertEquals(
                "folder is reached through a symbolic link and is the session folder S1, which is reviewed:"
                        + " not read twice",
                links);
        String copy = scan.rejects().stream()
                .filter(r -> r.sourceFile.startsWith("S1/client"))
                .findFirst()
                .orElseThrow()
                .reason;
        assertTrue(copy.contains("not reviewed as a session of its own"), copy);
        assertEquals(scan.rejects().size(), scan.files().size());
    }
}
