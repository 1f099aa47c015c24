package org.sessionreview.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sessionreview.config.PipelineConfig;
import org.sessionreview.ingest.session.Pseudonymizer;
import org.sessionreview.model.InputFileStats;

/** session.json may name the wearer's E4 Connect zip instead of a folder. */
class ZipWearableTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path root;

    private static final SessionIngestor INGESTOR =
            new SessionIngestor(PipelineConfig.defaults(), Pseudonymizer.demo(), null);

    /** A copy of a sample session with both wearers, as {@code root/s}. */
    private Path copySampleSession() throws IOException {
        Path from = Path.of("..", "sample-data", "2026-03-05_T02_0900")
                .toAbsolutePath()
                .normalize();
        return SessionIngestorConfinementTest.copy(from, root.resolve("s"));
    }

    @Test
    void shouldReadTheWearerFromTheZipThatSessionJsonNames() throws IOException {
        Path session = copySampleSession();
        IngestedSession folder = INGESTOR.ingest(root, "s");

        ObjectNode manifest =
                (ObjectNode) JSON.readTree(session.resolve("session.json").toFile());
        String client = manifest.get("wearables").get("client").asText();
        Path zip = session.resolve(client + ".zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip));
                Stream<Path> files = Files.list(session.resolve(client))) {
            for (Path f : files.sorted().toList()) {
                out.putNextEntry(new ZipEntry(client + "/" + f.getFileName()));
                out.write(Files.readAllBytes(f));
                out.closeEntry();
            }
        }
        try (Stream<Path> files = Files.list(session.resolve(client))) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(session.resolve(client));
        manifest.with("wearables").put("client", client + ".zip");
        JSON.writeValue(session.resolve("session.json").toFile(), manifest);
        IngestedSession zipped = INGESTOR.ingest(root, "s");

        assertEquals(folder.info.missingChannels, zipped.info.missingChannels);
        assertEquals(List.of("client", "therapist"), zipped.info.wearers);
        assertEquals(folder.blocks.size(), zipped.blocks.size());
        for (int i = 0; i < folder.blocks.size(); i++) {
            assertTrue(java.util.Arrays.equals(folder.blocks.get(i).values, zipped.blocks.get(i).values), "block " + i);
        }
        List<String> paths = zipped.files.stream()
                .map(f -> f.path)
                .filter(p -> p.contains(".zip/"))
                .toList();
        assertEquals(6, paths.size(), zipped.files.toString());
        assertTrue(paths.contains("s/" + client + ".zip/" + client + "/EDA.csv.gz"), paths.toString());
        for (InputFileStats f : zipped.files) {
            assertEquals(f.recordsRead, f.recordsAccepted + f.recordsRejected, f.toString());
        }
        assertTrue(zipped.rejects.isEmpty(), zipped.rejects.toString());
    }

    @Test
    void shouldReadTheExportFromTheOneFolderInsideTheWearersFolder() throws IOException {
        Path session = copySampleSession();
        IngestedSession folder = INGESTOR.ingest(root, "s");
        String client = JSON.readTree(session.resolve("session.json").toFile())
                .get("wearables")
                .get("client")
                .asText();
        // an E4 Connect download unzipped into the wearer's folder, a macOS resource folder beside it
        Path inner = Files.createDirectories(session.resolve(client).resolve("1772719112_A03B19"));
        Files.createDirectories(session.resolve(client).resolve("__MACOSX"));
        try (Stream<Path> files = Files.list(session.resolve(client))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.move(f, inner.resolve(f.getFileName()));
            }
        }
        IngestedSession nested = INGESTOR.ingest(root, "s");

        // before: every client channel missing, without a reject
        assertEquals(folder.info.missingChannels, nested.info.missingChannels);
        assertEquals(folder.blocks.size(), nested.blocks.size());
        assertTrue(nested.rejects.isEmpty(), nested.rejects.toString());
        assertTrue(
                nested.files.stream().anyMatch(f -> f.path.equals("s/" + client + "/1772719112_A03B19/EDA.csv.gz")),
                nested.files.toString());

        Files.createDirectories(session.resolve(client).resolve("copy"));
        Files.copy(
                inner.resolve("EDA.csv.gz"),
                session.resolve(client).resolve("copy").resolve("EDA.csv.gz"));
        IngestedSession two = INGESTOR.ingest(root, "s");
        assertTrue(
                two.rejects.stream()
                        .anyMatch(r -> r.reason.endsWith("the folder holds no channel file but 2 folders of E4 files:"
                                + " name one in session.json's wearables, or, when they are several recordings of one"
                                + " person (E4 restarted), list them all as an array")),
                two.rejects.toString());

        try (Stream<Path> all = Files.walk(session.resolve(client))) {
            for (Path f : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                if (!f.equals(session.resolve(client))) {
                    Files.delete(f);
                }
            }
        }
        IngestedSession empty = INGESTOR.ingest(root, "s");
        assertTrue(
                empty.rejects.stream()
                        .anyMatch(r -> r.sourceFile.equals("s/" + client + "/")
                                && r.reason.endsWith("the folder holds no E4 channel file (EDA.csv, BVP.csv, ACC.csv,"
                                        + " TEMP.csv, HR.csv, IBI.csv), no E4 zip and no folder of them")),
                empty.rejects.toString());
    }
}
