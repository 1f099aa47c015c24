package org.sessionreview.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sessionreview.config.PipelineConfig;
import org.sessionreview.ingest.session.Pseudonymizer;
import org.sessionreview.model.InputFileStats;
import org.sessionreview.model.Reject;
import org.sessionreview.model.SampleBlock;
import org.sessionreview.testing.SharedData;

/**
 * A real E4 recording (stress-predict S02, about an hour) cut into two parts, as a wristband
 * restarted mid-session leaves it, and listed as {@code "client": ["client-2", "client-1"]}: it is
 * read as the uncut recording, sample for sample.
 */
class WearerPartsIngestTest {
    private static final String RECORDING = "e4/stress-predict-S02";
    private static final List<String> REGULAR = List.of("ACC", "BVP", "EDA", "HR", "TEMP");
    /** Where the recording is cut: seconds after the EDA start (unix seconds of header row 1). */
    private static final double CUT_AFTER_S = 1200;

    @TempDir
    Path root;

    private Path source;
    private double cutEpoch;

    @BeforeEach
    void locate() throws IOException {
        source = SharedData.resolve(RECORDING);
        cutEpoch = start(Files.readAllLines(source.resolve("EDA.csv"))) + CUT_AFTER_S;
    }

    private static double start(List<String> lines) {
        return Double.parseDouble(lines.get(0).split(",")[0].trim());
    }

    /** A session folder {@code name} whose client wearables entry is {@code wearablesJson}. */
    private Path session(String name, String wearablesJson) throws IOException {
        Path dir = Files.createDirectories(root.resolve(name));
        long startSeconds = (long) start(Files.readAllLines(source.resolve("EDA.csv")));
        Files.writeString(
                dir.resolve("session.json"),
                "{\"session_id\": \"S02\", \"therapist_id\": \"t1\", \"client_id\": \"c1\", \"session_number\": 1,"
                        + " \"media_start\": \"" + Instant.ofEpochSecond(startSeconds) + "\", \"wearables\": "
                        + wearablesJson + ", \"annotations\": [], \"consent\": {\"supervision\": true,"
                        + " \"research\": true}}");
        return dir;
    }

    /**
     * Writes each channel file of the recording cut at {@link #cutEpoch} into {@code first} and
     * {@code second}; the second part's header gets its own start, its IBI offsets count from it.
     * {@code overlapS} seconds before the cut are written into both parts of EDA.
     */
    private void cut(Path first, Path second, double overlapS) throws IOException {
        Files.createDirectories(first);
        Files.createDirectories(second);
        for (String ch : REGULAR) {
            List<String> l = Files.readAllLines(source.resolve(ch + ".csv"));
            double start = start(l);
            double rate = Double.parseDouble(l.get(1).split(",")[0].trim());
            int k = (int) Math.round((cutEpoch - start) * rate);
            int k2 = ch.equals("EDA") ? k - (int) Math.round(overlapS * rate) : k;
            int columns = l.get(0).split(",").length;
            String header = String.join(
                    ", ",
                    java.util.Collections.nCopies(columns, String.format(Locale.ROOT, "%.6f", start + k2 / rate)));
            List<String> a = new ArrayList<>(l.subList(0, 2 + k));
            List<String> b = new ArrayList<>(List.of(header, l.get(1)));
            b.addAll(l.subList(2 + k2, l.size()));
            Files.write(first.resolve(ch + ".csv"), a);
            Files.write(second.resolve(ch + ".csv"), b);
        }
        List<String> ibi = Files.readAllLines(source.resolve("IBI.csv"));
        double start = start(ibi);
        List<String> a = new ArrayList<>(List.of(ibi.get(0)));
        List<String> b = new ArrayList<>(List.of(String.format(Locale.ROOT, "%.6f, IBI", cutEpoch)));
        for (String row : ibi.subList(1, ibi.size())) {
            String[] v = row.split(",");
            double offset = Double.parseDouble(v[0]);
            if (start + offset < cutEpoch) {
                a.add(row);
            } else {
                b.add(String.format(Locale.ROOT, "%.6f,%s", offset - (cutEpoch - start), v[1]));
            }
        }
        Files.write(first.resolve("IBI.csv"), a);
        Files.write(second.resolve("IBI.csv"), b);
    }

    private IngestedSession ingest(String folder) {
        return new SessionIngestor(PipelineConfig.defaults(), Pseudonymizer.demo(), null).ingest(root, folder);
    }

    private void copyUncut(Path to) throws IOException {
        Files.createDirectories(to);
        for (String ch : List.of("ACC", "BVP", "EDA", "HR", "IBI", "TEMP")) {
            Files.copy(source.resolve(ch + ".csv"), to.resolve(ch + ".csv"));
        }
    }

    private static Map<String, Long> acceptedPerChannel(IngestedSession s) {
        return s.files.stream()
                .filter(f -> f.kind.startsWith("wearable:"))
                .collect(Collectors.groupingBy(
                        f -> f.kind, TreeMap::new, Collectors.summingLong(f -> f.recordsAccepted)));
    }

    @Test
    void shouldReadARecordingCutInTwoPartsAsTheUncutRecording() throws IOException {
        copyUncut(session("uncut", "{\"client\": \"client\"}").resolve("client"));
        Path cut = session("cut", "{\"client\": [\"client-2\", \"client-1\"]}");
        cut(cut.resolve("client-1"), cut.resolve("client-2"), 0);

        IngestedSession whole = ingest("uncut");
        IngestedSession parts = ingest("cut");

        assertTrue(whole.rejects.isEmpty(), whole.rejects.toString());
        assertTrue(parts.rejects.isEmpty(), parts.rejects.toString());
        assertTrue(parts.info.missingChannels.isEmpty(), parts.info.missingChannels.toString());
        List<InputFileStats> wearable =
                parts.files.stream().filter(f -> f.kind.startsWith("wearable:")).toList();
        assertEquals(12, wearable.size(), "six channel files in each part");
        for (InputFileStats f : wearable) {
            assertTrue(f.path.startsWith("cut/client-2/") || f.path.startsWith("cut/client-1/"), f.path);
            assertEquals(f.recordsRead, f.recordsAccepted + f.recordsRejected, f.toString());
            assertEquals(0, f.recordsRejected, f.toString());
            assertTrue(f.recordsAccepted > 0 && f.sha256 != null, f.toString());
        }
        assertEquals(acceptedPerChannel(whole), acceptedPerChannel(parts), "every line read once");

        assertEquals(whole.blocks.size(), parts.blocks.size());
        int samples = 0;
        for (int i = 0; i < whole.blocks.size(); i++) {
            SampleBlock w = whole.blocks.get(i);
            SampleBlock p = parts.blocks.get(i);
            String what = w.channel + " block " + i;
            assertEquals(w.channel, p.channel, what);
            assertEquals(w.startMillis, p.startMillis, what);
            assertEquals(w.rateHz, p.rateHz, what);
            assertEquals(w.endOfStream, p.endOfStream, what);
            assertArrayEquals(w.values, p.values, what); // same values at the same times
            if (w.offsetsS != null) {
                assertArrayEquals(w.offsetsS, p.offsetsS, 1e-9, what);
            }
            samples += w.sampleCount();
        }
        assertTrue(samples > 370_000, "the whole hour is compared: " + samples);
        assertEquals(whole.info.wearers, parts.info.wearers);
        // the coverage reason no longer asks for parts already listed
        assertEquals(List.of("client"), parts.info.multiPartWearers);
        assertEquals(List.of(), whole.info.multiPartWearers);
    }

    @Test
    void shouldRejectTheLaterEdaFileAsAWholeWhenThePartsOverlap() throws IOException {
        Path cut = session("cut", "{\"client\": [\"client-1\", \"client-2\"]}");
        cut(cut.resolve("client-1"), cut.resolve("client-2"), 10);

        IngestedSession s = ingest("cut");

        List<Reject> overlaps =
                s.rejects.stream().filter(r -> r.reason.startsWith("overlaps ")).toList();
        assertEquals(1, overlaps.size(), s.rejects.toString());
        Reject r = overlaps.get(0);
        assertEquals("cut/client-2/EDA.csv", r.sourceFile);
        assertEquals(0, r.line);
        assertTrue(r.reason.startsWith("overlaps cut/client-1/EDA.csv by 10 s"), r.reason);
        assertTrue(r.reason.endsWith("; rejected as a whole"), "not cut short: " + r.reason);
        InputFileStats f = s.files.stream()
                .filter(x -> x.path.equals("cut/client-2/EDA.csv"))
                .findFirst()
                .orElseThrow();
        assertEquals(0, f.recordsAccepted);
        assertEquals(f.recordsRead, f.recordsRejected);
        assertEquals(Files.readAllLines(cut.resolve("client-2/EDA.csv")).size() - 2, f.recordsRead);
        assertTrue(f.firstReject.contains("overlaps cut/client-1/EDA.csv"), f.firstReject);
        assertFalse(s.info.missingChannels.contains("client:EDA"), "part 1 still gives EDA");
        long edaSamples = s.blocks.stream()
                .filter(b -> b.channel.equals("EDA"))
                .mapToLong(SampleBlock::sampleCount)
                .sum();
        assertEquals(Math.round(CUT_AFTER_S * 4), edaSamples, "only the first part's EDA");
    }

    @Test
    void shouldLeaveOutOnlyThePartCopiedIntoTheTherapistsFolder() throws IOException {
        Path cut = session("cut", "{\"client\": [\"client-1\", \"client-2\"], \"therapist\": \"therapist\"}");
        cut(cut.resolve("client-1"), cut.resolve("client-2"), 0);
        Files.createDirectories(cut.resolve("therapist"));
        Files.copy(cut.resolve("client-2/EDA.csv"), cut.resolve("therapist/EDA.csv"));

        IngestedSession s = ingest("cut");

        List<Reject> identical = s.rejects.stream()
                .filter(r -> r.reason.startsWith("identical to "))
                .toList();
        assertEquals(
                List.of("cut/client-2/EDA.csv", "cut/therapist/EDA.csv"),
                identical.stream().map(r -> r.sourceFile).toList());
        assertTrue(identical.get(0).reason.endsWith("; this part is left out for both"), identical.get(0).reason);
        assertTrue(s.info.missingChannels.contains("therapist:EDA"));
        assertFalse(s.info.missingChannels.contains("client:EDA"), "client-1 still gives the client's EDA");
        long clientEda = s.blocks.stream()
                .filter(b -> b.channel.equals("EDA") && b.role.equals("client"))
                .mapToLong(SampleBlock::sampleCount)
                .sum();
        assertEquals(Math.round(CUT_AFTER_S * 4), clientEda);
    }

    @Test
    void shouldStillReadTheOtherPartsWhenOnePartIsNotFound() throws IOException {
        Path cut = session("cut", "{\"client\": [\"client-1\", \"client-9\"]}");
        cut(cut.resolve("client-1"), cut.resolve("client-2"), 0);

        IngestedSession s = ingest("cut");

        assertEquals(1, s.rejects.size(), s.rejects.toString());
        Reject r = s.rejects.get(0);
        assertEquals("cut/client-9/", r.sourceFile);
        assertEquals("wearable folder for the client (part 2 of 2) not found", r.reason);
        assertTrue(s.info.missingChannels.isEmpty(), s.info.missingChannels.toString());
        assertEquals(List.of("client"), s.info.wearers);
    }
    /** Zips the channel files of {@code folder} into {@code zip}. */
    private static void zip(Path folder, Path zip) throws IOException {
        Files.createDirectories(zip.getParent());
        try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
            for (String ch : List.of("ACC", "BVP", "EDA", "HR", "IBI", "TEMP")) {
                out.putNextEntry(new java.util.zip.ZipEntry(ch + ".csv"));
                out.write(Files.readAllBytes(folder.resolve(ch + ".csv")));
                out.closeEntry();
            }
        }
    }

    @Test
    void shouldReadTwoE4ConnectZipsListedAsAnArrayWhereOneFolderOfTwoZipsIsRejected() throws IOException {
        Path parts = root.resolve("parts");
        cut(parts.resolve("1"), parts.resolve("2"), 0);
        Path folder = session("folder", "{\"client\": \"client\"}");
        zip(parts.resolve("1"), folder.resolve("client/1644227574_A0.zip"));
        zip(parts.resolve("2"), folder.resolve("client/1644228774_A0.zip"));
        Path listed = session("listed", "{\"client\": [\"client/1644228774_A0.zip\", \"client/1644227574_A0.zip\"]}");
        zip(parts.resolve("1"), listed.resolve("client/1644227574_A0.zip"));
        zip(parts.resolve("2"), listed.resolve("client/1644228774_A0.zip"));
        copyUncut(session("uncut", "{\"client\": \"client\"}").resolve("client"));

        IngestedSession rejected = ingest("folder");
        assertEquals(1, rejected.rejects.size(), rejected.rejects.toString());
        String reason = rejected.rejects.get(0).reason;
        assertTrue(reason.contains("holds 2 zips and no channel file"), reason);
        assertTrue(reason.contains("several recordings of one person"), reason);
        assertTrue(reason.contains("list them all as an array"), reason);

        IngestedSession whole = ingest("uncut");
        IngestedSession s = ingest("listed");
        assertTrue(s.rejects.isEmpty(), s.rejects.toString());
        assertEquals(
                12,
                s.files.stream()
                        .filter(f -> f.path.startsWith("listed/client/16442") && f.path.contains(".zip/"))
                        .count());
        assertEquals(whole.blocks.size(), s.blocks.size());
        for (int i = 0; i < whole.blocks.size(); i++) {
            assertEquals(whole.blocks.get(i).startMillis, s.blocks.get(i).startMillis);
            assertArrayEquals(whole.blocks.get(i).values, s.blocks.get(i).values, whole.blocks.get(i).channel);
        }
    }
}
