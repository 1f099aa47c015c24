package org.sessionreview.ingest.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.flink.core.fs.FileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sessionreview.config.PipelineConfig;
import org.sessionreview.ingest.IngestedSession;
import org.sessionreview.ingest.SessionIngestor;
import org.sessionreview.ingest.SessionScanner;
import org.sessionreview.ingest.session.Pseudonymizer;
import org.sessionreview.storage.Entry;
import org.sessionreview.storage.LocalEntry;

/**
 * Entries on a Flink file system read and write what java.nio does. Flink's own local file
 * system stands in for S3 here (the same {@code FileSystem} calls; S3 itself is exercised by the
 * jobs module's S3ReviewITCase).
 */
class FlinkEntryTest {
    private static final Path SAMPLE =
            Path.of("..", "sample-data").toAbsolutePath().normalize();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private static FlinkEntry flink(Path p) {
        return new FlinkEntry(FileSystem.getLocalFileSystem(), new org.apache.flink.core.fs.Path(p.toUri()));
    }

    @Test
    void shouldScanAndIngestSessionsExactlyAsJavaNioDoesWhenReadThroughFlinksFileSystem() throws Exception {
        SessionScanner.Scan nio = SessionScanner.scan(LocalEntry.of(SAMPLE));
        SessionScanner.Scan viaFlink = SessionScanner.scan(flink(SAMPLE));
        assertEquals(nio.folders(), viaFlink.folders());
        assertEquals(JSON.valueToTree(nio.rejects()), JSON.valueToTree(viaFlink.rejects()));

        SessionIngestor ingestor = new SessionIngestor(PipelineConfig.defaults(), Pseudonymizer.demo(), null);
        // JSONL with two wearers; BORIS with a session codebook
        for (String folder : List.of("2026-03-02_T01_1000", "2026-03-05_T02_0900")) {
            IngestedSession a = ingestor.ingest(LocalEntry.of(SAMPLE), folder);
            IngestedSession b = ingestor.ingest(flink(SAMPLE), folder);
            JsonNode expected = JSON.valueToTree(a);
            assertTrue(
                    a.blocks.size() > 50 && !a.annotations.isEmpty() && a.files.size() > 10,
                    folder + ": the comparison must cover data: " + a.blocks.size() + " blocks, " + a.annotations.size()
                            + " annotations, " + a.files.size() + " files");
            assertTrue(a.files.stream().allMatch(f -> f.sha256 != null || f.recordsRejected > 0), folder);
            assertEquals(expected, JSON.valueToTree(b), folder + ": ingest through Flink's file system differs");
        }
    }

    /**
     * Folders are read in name order, and which of two folders repeating one session_id is "the
     * earlier" (reviewed; the other a reject) follows it: the order must not depend on where the
     * root lives. U+1F600 is stored as two UTF-16 code units (D83D DE00) that sort before U+E000 by
     * {@code String.compareTo}, but after it by code point, by UTF-8 bytes (java.nio's order on
     * Linux) and by S3's key order. Before 2026-12-07 the Flink path sorted by UTF-16 and reviewed
     * the other folder than the local run (eighteenth audit, probe N10).
     */
    @Test
    void shouldListAndScanInTheSameNameOrderAsJavaNioWhenNamesLeaveTheBasicPlane() throws Exception {
        String emoji = "N10-\uD83D\uDE00";
        String privateUse = "N10-\uE000";
        for (String[] f :
                List.of(new String[] {emoji, "N10"}, new String[] {privateUse, "n10"}, new String[] {"N09", "N09"})) {
            Path d = Files.createDirectories(tmp.resolve(f[0]));
            Files.copy(SAMPLE.resolve("2026-03-19_T02_0900/session.json"), d.resolve("session.json"));
            String json = Files.readString(d.resolve("session.json")).replace("T02-20260319-0900", f[1]);
            Files.writeString(d.resolve("session.json"), json);
        }
        List<String> nio = LocalEntry.of(tmp).list().stream().map(Entry::name).toList();
        assertEquals(List.of("N09", privateUse, emoji), nio, "java.nio's order: by UTF-8 bytes");
        assertEquals(nio, flink(tmp).list().stream().map(Entry::name).toList());
        SessionScanner.Scan a = SessionScanner.scan(LocalEntry.of(tmp));
        SessionScanner.Scan b = SessionScanner.scan(flink(tmp));
        assertEquals(List.of("N09", privateUse), a.folders());
        assertEquals(a.folders(), b.folders(), "the same folder of the repeated id is reviewed");
        assertEquals(JSON.valueToTree(a.rejects()), JSON.valueToTree(b.rejects()));
    }

    @Test
    void shouldListMoveWriteAndDeleteLikeAFolderTreeWhenOnAFlinkFileSystem() throws Exception {
        FlinkEntry root = flink(tmp);
        Entry dir = root.resolve("./a//b/");
        dir.createDirectories();
        assertEquals("b", dir.name());
        assertEquals(root.resolve("a"), dir.parent());
        assertTrue(dir.startsWith(root)
                && dir.startsWith(root.resolve("a"))
                && !root.resolve("ab").startsWith(root.resolve("a")));
        dir.resolve("z.txt").write("z".getBytes(StandardCharsets.UTF_8));
        dir.resolve("y.txt").write("y".getBytes(StandardCharsets.UTF_8));
        assertEquals(
                List.of("y.txt", "z.txt"), dir.list().stream().map(Entry::name).toList());
        assertEquals(Entry.Kind.REGULAR_FILE, dir.resolve("y.txt").kind());
        assertEquals(Entry.Kind.DIRECTORY, dir.kind());
        assertThrows(
                java.io.FileNotFoundException.class, () -> dir.resolve("none").kind());

        dir.resolve("y.txt").move(dir.resolve("z.txt")); // replaces the file there
        assertEquals("y", dir.resolve("z.txt").readString());
        assertFalse(dir.resolve("y.txt").exists());
        root.resolve("a").move(root.resolve("c"));
        assertTrue(root.resolve("c/b/z.txt").isRegularFile());
        root.resolve("c").deleteRecursively();
        assertFalse(Files.exists(tmp.resolve("c")));
        root.resolve("c").deleteRecursively(); // nothing there: nothing to do
        assertNull(flink(Path.of("/")).parent());
    }

    @Test
    void shouldTellLocalPathsFromUrisAndRefuseASchemeWithoutAFileSystemInOneLine() throws Exception {
        assertInstanceOf(LocalEntry.class, Locations.of(tmp.toString()));
        assertEquals(LocalEntry.of(tmp), Locations.of(tmp.toUri().toString()));
        assertEquals(LocalEntry.of(Path.of("s3")), Locations.of("s3"), "a plain name is a path");
        // a local name holding a colon is a path, not a URI of the scheme before it (review finding)
        for (String name : new String[] {"run-10:30", "report-2026-12-07T09:43", "out/run:1"}) {
            assertEquals(LocalEntry.of(Path.of(name)), Locations.of(name), name);
            assertTrue(Locations.scheme(name).isEmpty(), name);
        }
        assertEquals(java.util.Optional.of("s3"), Locations.scheme("s3://bucket/out"));
        // an empty authority, as Flink's Path prints hdfs:///out (second review): still a URI
        assertEquals(java.util.Optional.of("hdfs"), Locations.scheme("hdfs:/out"));
        assertEquals(java.util.Optional.of("s3"), Locations.scheme("s3:/bucket/x"));
        assertThrows(Locations.UnusableLocationException.class, () -> Locations.of("nosuchfs:/x"));
        for (String drive : new String[] {"C:\\x", "c:/x"}) {
            assertTrue(Locations.scheme(drive).isEmpty(), drive);
        }
        assertEquals(java.util.Optional.of("file"), Locations.scheme("FILE:/tmp/x"));
        assertEquals(LocalEntry.of(tmp), Locations.of("file:" + tmp));
        Locations.UnusableLocationException e = assertThrows(
                Locations.UnusableLocationException.class, () -> Locations.of("nosuchfs://bucket/sessions"));
        assertTrue(e.getMessage().contains("nosuchfs://"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        assertThrows(Locations.UnusableLocationException.class, () -> Locations.of("s3://bad bucket/x"));
    }

    @Test
    void shouldTellAStoreThatCannotBeReachedFromAMissingEntry() throws Exception {
        assertEquals(
                java.util.Optional.empty(),
                flink(tmp.resolve("missing")).unreachable(),
                "not found is not unreachable");
        assertEquals(java.util.Optional.empty(), flink(tmp).unreachable());
        FileSystem refusing = new org.apache.flink.core.fs.local.LocalFileSystem() {
            @Override
            public org.apache.flink.core.fs.FileStatus getFileStatus(org.apache.flink.core.fs.Path f)
                    throws java.io.IOException {
                throw new java.io.IOException("listing failed", new java.net.ConnectException("Connection refused"));
            }
        };
        FlinkEntry entry = new FlinkEntry(refusing, new org.apache.flink.core.fs.Path("s3://bucket/sessions"));
        assertEquals(java.util.Optional.of("ConnectException: Connection refused"), entry.unreachable());
        assertTrue(!entry.isDirectory(), "still not a usable directory");
    }

    /**
     * Whether a listed entry is a file or a folder comes with the listing: on S3 every status is a
     * request, and discovery asked once per file of every folder it saw (review of 2026-12-07: a
     * session folder of 100,000 video frames, 100,000 requests).
     */
    @Test
    void shouldScanWithoutAskingTheStoreAboutEveryListedFile() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("many"));
        Files.createDirectories(root.resolve("s1"));
        Files.writeString(root.resolve("s1/session.json"), "{\"session_id\": \"S-1\"}");
        for (int i = 0; i < 300; i++) {
            Files.writeString(root.resolve("s1/frame" + i + ".png"), "x");
            Files.writeString(root.resolve("notes" + i + ".txt"), "x");
        }
        java.util.concurrent.atomic.AtomicInteger statuses = new java.util.concurrent.atomic.AtomicInteger();
        FileSystem counting = new org.apache.flink.core.fs.local.LocalFileSystem() {
            private boolean listing;

            @Override
            public org.apache.flink.core.fs.FileStatus[] listStatus(org.apache.flink.core.fs.Path f)
                    throws java.io.IOException {
                listing = true; // Flink's local listing asks each child's status itself; S3's does not
                try {
                    return super.listStatus(f);
                } finally {
                    listing = false;
                }
            }

            @Override
            public org.apache.flink.core.fs.FileStatus getFileStatus(org.apache.flink.core.fs.Path f)
                    throws java.io.IOException {
                if (!listing) {
                    statuses.incrementAndGet();
                }
                return super.getFileStatus(f);
            }
        };
        SessionScanner.Scan scan =
                SessionScanner.scan(new FlinkEntry(counting, new org.apache.flink.core.fs.Path(root.toUri())));
        assertEquals(List.of("s1"), scan.folders());
        assertTrue(
                statuses.get() < 30,
                statuses.get() + " status requests for 600 files (before: 304, one per plain file at the root)");
    }
}
