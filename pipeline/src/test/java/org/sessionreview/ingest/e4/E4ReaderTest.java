package org.sessionreview.ingest.e4;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sessionreview.model.Channel;
import org.sessionreview.storage.LocalEntry;
import org.sessionreview.testing.SharedData;

class E4ReaderTest {

    static Stream<Path> exportFolders() throws IOException {
        try (Stream<Path> dirs = Files.list(SharedData.resolve("e4"))) {
            List<Path> list = dirs.filter(Files::isDirectory).sorted().toList();
            assertFalse(list.isEmpty(), "no E4 export folders under shared/data/e4");
            return list.stream();
        }
    }

    /** The file parsed the slow, obvious way: the oracle the reader is compared against. */
    private record Oracle(double start, double rate, List<double[]> rows) {
        static Oracle of(Path file, int headerRows) throws IOException {
            List<String> lines = Files.readAllLines(file);
            double start = Double.parseDouble(lines.get(0).split(",")[0].trim());
            double rate = headerRows == 2
                    ? Double.parseDouble(lines.get(1).split(",")[0].trim())
                    : 0;
            List<double[]> rows = new ArrayList<>();
            for (String line : lines.subList(headerRows, lines.size())) {
                String[] parts = line.split(",");
                double[] row = new double[parts.length];
                for (int i = 0; i < parts.length; i++) {
                    row[i] = Double.parseDouble(parts[i].trim());
                }
                rows.add(row);
            }
            return new Oracle(start, rate, rows);
        }
    }

    @ParameterizedTest
    @MethodSource("exportFolders")
    void shouldReadEveryChannelExactlyWhenGivenARealExport(Path folder) throws IOException {
        E4Recording rec = E4Reader.read(folder, "s1", folder.getFileName().toString());

        for (Channel c : Channel.values()) {
            Path file = folder.resolve(c.fileName());
            assertTrue(Files.exists(file), "fixture lacks " + file);
            E4Channel data = rec.channel(c).orElseThrow(() -> new AssertionError(c + " not read"));
            E4FileReport report = rec.files().get(c);
            Oracle expected = Oracle.of(file, c == Channel.IBI ? 1 : 2);

            assertEquals(Math.round(expected.start() * 1000), data.startMillis(), c + " start");
            assertEquals(expected.rate(), data.rateHz(), c + " rate");
            assertEquals(expected.rows().size(), data.sampleCount(), c + " samples = data lines");
            assertEquals(expected.rows().size(), report.recordsRead(), c + " records read");
            assertEquals(report.recordsRead(), report.recordsAccepted(), c + " accepted");
            assertEquals(List.of(), report.rejects(), c + " rejects");
            assertEquals(folder.getFileName() + "/" + c.fileName(), report.sourceFile());
            assertEquals(LocalEntry.of(file), report.path());
            double[] offsets = data.offsetsS();
            for (int i = 0; i < data.sampleCount(); i++) {
                double[] row = expected.rows().get(i);
                if (c == Channel.IBI) {
                    assertEquals(row[0], offsets[i], "IBI offset line " + (i + 2));
                    assertEquals(row[1], data.value(i, 0), "IBI line " + (i + 2));
                } else {
                    for (int col = 0; col < c.width(); col++) {
                        assertEquals(row[col], data.value(i, col), c + " line " + (i + 3));
                    }
                }
            }
        }
        assertEquals(EnumSet.noneOf(Channel.class), rec.missingChannels());
        assertTrue(rec.rejects().isEmpty());
    }

    @Test
    void shouldEndChannelsAtDifferentTimesWhenReadingTheTruncatedFlirtExport() throws IOException {
        E4Recording rec = E4Reader.read(SharedData.resolve("e4/flirt-truncated"), "flirt");
        double edaS = seconds(rec, Channel.EDA);
        double bvpS = seconds(rec, Channel.BVP);
        double accS = seconds(rec, Channel.ACC);
        double tempS = seconds(rec, Channel.TEMP);

        // README: EDA 2500 s, BVP 156 s, ACC 312 s, TEMP 1250 s (10k lines each, 5k for TEMP).
        assertEquals(9998 / 4.0, edaS, 1e-9);
        assertEquals(9998 / 64.0, bvpS, 1e-9);
        assertEquals(9998 / 32.0, accS, 1e-9);
        assertEquals(4998 / 4.0, tempS, 1e-9);
        assertTrue(bvpS < accS && accS < tempS && tempS < edaS);
        assertEquals(
                rec.channel(Channel.IBI).orElseThrow().endMillis(),
                rec.endMillis(),
                1.0,
                "IBI runs longest in this export");
    }

    private static double seconds(E4Recording rec, Channel c) {
        E4Channel ch = rec.channel(c).orElseThrow();
        return (ch.endMillis() - ch.startMillis()) / 1000.0;
    }

    @Test
    void shouldReadChannelFilesWhenTheirNamesDifferInCase(@TempDir Path tmp) throws IOException {
        Path source = SharedData.resolve("e4/msr2023");
        for (Channel c : Channel.values()) {
            String name = c == Channel.ACC ? "Acc.CSV" : c.fileName().toLowerCase(Locale.ROOT);
            Files.copy(source.resolve(c.fileName()), tmp.resolve(name));
        }
        Files.copy(source.resolve("BVP.csv"), tmp.resolve("Bvp.csv"));
        Files.writeString(tmp.resolve("tags.csv"), "1714557700.50\n");
        Files.writeString(tmp.resolve("info.txt"), "Empatica E4 export\n");
        E4Recording plain = E4Reader.read(source, "m");
        E4Recording mixed = E4Reader.read(tmp, "m", "w");

        assertEquals(EnumSet.allOf(Channel.class), mixed.presentChannels());
        for (Channel c : Channel.values()) {
            assertEquals(plain.channel(c).orElseThrow(), mixed.channel(c).orElseThrow(), c.name());
            assertEquals(
                    plain.files().get(c).recordsRead(), mixed.files().get(c).recordsRead());
        }
        assertEquals("w/Acc.CSV", mixed.files().get(Channel.ACC).sourceFile());
        assertEquals("w/Bvp.csv", mixed.files().get(Channel.BVP).sourceFile(), "the first in sorted order is read");
        assertEquals(
                List.of("w/bvp.csv: ignored: Bvp.csv is read instead (file names differing only in case)"),
                mixed.rejects().stream()
                        .map(r -> r.sourceFile + ": " + r.reason)
                        .toList(),
                "tags.csv and info.txt are no channel files and not reported");
    }

    @Test
    void shouldReadRowsWhenEachEndsWithATrailingComma(@TempDir Path tmp) throws IOException {
        Path source = SharedData.resolve("e4/msr2023");
        for (Channel c : List.of(Channel.ACC, Channel.EDA)) {
            List<String> lines = Files.readAllLines(source.resolve(c.fileName()));
            Files.write(
                    tmp.resolve(c.fileName()), lines.stream().map(l -> l + ",").toList());
        }
        Files.writeString(tmp.resolve("TEMP.csv"), "1600000000.000000,\n4.000000,\n30.5,\n30.6,,\n30.7, \n");
        E4Recording plain = E4Reader.read(source, "m");
        E4Recording commas = E4Reader.read(tmp, "m", "w");

        for (Channel c : List.of(Channel.ACC, Channel.EDA)) {
            assertEquals(plain.channel(c).orElseThrow(), commas.channel(c).orElseThrow(), c.name());
            assertEquals(0, commas.files().get(c).recordsRejected(), c.name());
        }
        E4Channel temp = commas.channel(Channel.TEMP).orElseThrow();
        assertArrayEquals(
                new double[] {30.5, Double.NaN, 30.7}, temp.values(), "two trailing commas are a column too many");
        assertEquals(
                List.of("w/TEMP.csv:4 expected 1 columns, got 3"),
                commas.rejects().stream()
                        .map(r -> r.sourceFile + ":" + r.line + " " + r.reason)
                        .toList());
    }

    @Test
    void shouldGiveIdenticalValuesWhenFilesAreGzipped(@TempDir Path tmp) throws IOException {
        Path source = SharedData.resolve("e4/msr2023");
        for (Channel c : Channel.values()) {
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(tmp.resolve(c.fileName() + ".gz")))) {
                Files.copy(source.resolve(c.fileName()), out);
            }
        }
        E4Recording plain = E4Reader.read(source, "m");
        E4Recording gz = E4Reader.read(tmp, "m");

        for (Channel c : Channel.values()) {
            assertEquals(plain.channel(c).orElseThrow(), gz.channel(c).orElseThrow(), c.name());
            assertEquals(plain.files().get(c).recordsRead(), gz.files().get(c).recordsRead());
            assertTrue(gz.files().get(c).sourceFile().endsWith(c.fileName() + ".gz"));
        }
    }

    @Test
    void shouldRejectBadLinesAndKeepTheTimeGridWhenAnEdaFileIsMalformed(@TempDir Path tmp) throws IOException {
        Files.writeString(
                tmp.resolve("EDA.csv"), "1600000000.000000\n4.000000\n0.5\nabc\n0.6,0.7\n\n0.8\nInfinity\n0.9\n\n\n");

        E4Recording rec = E4Reader.read(tmp, "sess", "client");
        E4Channel eda = rec.channel(Channel.EDA).orElseThrow();
        E4FileReport report = rec.files().get(Channel.EDA);

        assertArrayEquals(new double[] {0.5, Double.NaN, Double.NaN, Double.NaN, 0.8, Double.NaN, 0.9}, eda.values());
        assertEquals(1_600_000_000_000L + 1500, (long) eda.sampleMillis(6), "0.9 keeps its time");
        assertEquals(7, report.recordsRead(), "trailing blank lines are not records");
        assertEquals(4, report.recordsRejected());
        assertEquals(report.recordsRead(), report.recordsAccepted() + report.recordsRejected());
        assertEquals(
                List.of(4L, 5L, 6L, 8L),
                report.rejects().stream().map(r -> r.line).toList());
        assertEquals("non-numeric value in column 1", report.rejects().get(0).reason);
        assertEquals("expected 1 columns, got 2", report.rejects().get(1).reason);
        assertEquals("empty line", report.rejects().get(2).reason);
        assertEquals("non-numeric value in column 1", report.rejects().get(3).reason);
        report.rejects().forEach(r -> {
            assertEquals("sess", r.sessionId);
            assertEquals("client/EDA.csv", r.sourceFile);
        });
        assertNull(report.rejects().get(0).raw, "text that is not a number is withheld");
        assertEquals("0.6,0.7", report.rejects().get(1).raw);
    }

    @Test
    void shouldRejectBadAccLinesWhenAColumnIsMissingOrNotANumber(@TempDir Path tmp) throws IOException {
        Files.writeString(
                tmp.resolve("ACC.csv"),
                "1600000000.000000, 1600000000.000000, 1600000000.000000\n"
                        + "32.000000, 32.000000, 32.000000\n-61,25,6\n-62,24\n-35,x,32\n-30,41,37\n");

        E4Recording rec = E4Reader.read(tmp, "sess", "w");
        E4Channel acc = rec.channel(Channel.ACC).orElseThrow();
        E4FileReport report = rec.files().get(Channel.ACC);

        assertEquals(4, acc.sampleCount());
        assertEquals(-30, acc.value(3, 0));
        assertEquals(37, acc.value(3, 2));
        assertTrue(Double.isNaN(acc.value(1, 0)) && Double.isNaN(acc.value(2, 1)));
        assertEquals(List.of(4L, 5L), report.rejects().stream().map(r -> r.line).toList());
        assertEquals("expected 3 columns, got 2", report.rejects().get(0).reason);
        assertEquals("non-numeric value in column 2", report.rejects().get(1).reason);
        assertEquals(4, report.recordsRead());
        assertEquals(2, report.recordsAccepted());
    }

    @Test
    void shouldRejectIbiLinesThatAreNoIntervalBetweenBeats(@TempDir Path tmp) throws IOException {
        Files.writeString(
                tmp.resolve("IBI.csv"),
                "1600000000.000000, IBI\n" + "10.0,0.8\n10.8,1e300\n11.6,1e-300\n12.4,0.8\n13.2,3601\n14.0,59.5\n");

        E4Recording rec = E4Reader.read(tmp, "sess", "w");
        E4Channel ibi = rec.channel(Channel.IBI).orElseThrow();
        E4FileReport report = rec.files().get(Channel.IBI);

        // before: 1e300 and 1e-300 were read (beats/ then held ibi_ms = 1.0E303)
        assertArrayEquals(new double[] {0.8, 0.8, 59.5}, ibi.values());
        assertEquals(
                List.of(3L, 4L, 6L), report.rejects().stream().map(r -> r.line).toList());
        assertEquals(
                "IBI 1.00000e+300 s is no interval between heart beats (0.01 to 3600 s)",
                report.rejects().get(0).reason);
        assertTrue(report.rejects().get(1).reason.startsWith("IBI 1.00000e-300 s is no interval"));
        assertEquals(
                "IBI 3601 s is no interval between heart beats (0.01 to 3600 s)",
                report.rejects().get(2).reason);
        assertEquals(6, report.recordsRead());
        assertEquals(3, report.recordsAccepted());
    }

    @Test
    void shouldDropBadBeatsWhenIbiLinesAreNegativeOrOutOfOrder(@TempDir Path tmp) throws IOException {
        Files.writeString(
                tmp.resolve("IBI.csv"),
                "1600000000.000000, IBI\n" + "10.0,0.8\n10.8,-0.8\n9.5,0.7\n11.6,0.8\n12.4,0\n13.2,0.8,1\n");

        E4Recording rec = E4Reader.read(tmp, "sess", "w");
        E4Channel ibi = rec.channel(Channel.IBI).orElseThrow();
        E4FileReport report = rec.files().get(Channel.IBI);

        // 9.5 s after 10.0 s: with nothing before them either could be the one out of place;
        // the held first beat gives way (BeatOrder), and the rejects stay in line order
        assertArrayEquals(new double[] {9.5, 11.6}, ibi.offsetsS());
        assertArrayEquals(new double[] {0.7, 0.8}, ibi.values());
        assertEquals(
                List.of(2L, 3L, 6L, 7L),
                report.rejects().stream().map(r -> r.line).toList());
        assertEquals(
                "beat at 10.0 s is not before the next beat at 9.5 s"
                        + " (out of order: the beats before and after it are in order)",
                report.rejects().get(0).reason);
        assertEquals("negative IBI -0.8 s", report.rejects().get(1).reason);
        assertEquals("zero IBI 0.0 s", report.rejects().get(2).reason);
        assertEquals("expected 2 columns, got 3", report.rejects().get(3).reason);
        assertEquals(6, report.recordsRead());
        assertEquals(2, report.recordsAccepted());
    }

    @Test
    void shouldRejectTheWholeFileWhenAHeaderRowIsInvalidOrMissing(@TempDir Path tmp) throws IOException {
        Files.writeString(tmp.resolve("TEMP.csv"), "start\n4.000000\n32.1\n32.2\n32.3\n");
        Files.writeString(tmp.resolve("HR.csv"), "1600000010.000000\n");
        Files.writeString(tmp.resolve("EDA.csv"), "1600000000.000000\n-4\n0.5\n0.6\n");
        Files.writeString(tmp.resolve("IBI.csv"), "");
        Files.writeString(tmp.resolve("ACC.csv"), "1600000000.0, 1600000001.0, 1600000000.0\n32, 32, 32\n1,2,3\n");

        E4Recording rec = E4Reader.read(tmp, "sess", "w");

        assertEquals(EnumSet.allOf(Channel.class), rec.missingChannels(), "nothing usable");
        assertFalse(rec.files().containsKey(Channel.BVP), "BVP.csv absent: no report");
        assertWholeFile(rec.files().get(Channel.TEMP), 1, "invalid header row 1", 3);
        assertWholeFile(rec.files().get(Channel.HR), 2, "missing header row 2", 0);
        assertWholeFile(rec.files().get(Channel.EDA), 2, "invalid header row 2 (sample rate, Hz)", 2);
        assertWholeFile(rec.files().get(Channel.IBI), 0, "no samples: the file is empty", 0);
        assertWholeFile(rec.files().get(Channel.ACC), 1, "expected 3 equal positive numbers", 1);
    }

    private static void assertWholeFile(E4FileReport report, long line, String reason, long dataLines) {
        assertNotNull(report);
        assertTrue(report.fileRejected());
        assertEquals(1, report.rejects().size());
        assertEquals(line, report.rejects().get(0).line);
        assertTrue(
                report.rejects().get(0).reason.contains(reason),
                report.rejects().get(0).reason);
        long records = dataLines == 0 ? 1 : dataLines; // no data line: the file counts as one
        assertEquals(records, report.recordsRead());
        assertEquals(records, report.recordsRejected());
        assertEquals(0, report.recordsAccepted());
    }

    @Test
    void shouldKeepLinesReadAndReportTheErrorWhenAGzipFileIsTruncated(@TempDir Path tmp) throws IOException {
        StringBuilder text = new StringBuilder("1600000000.000000\n4.000000\n");
        for (int i = 0; i < 50_000; i++) {
            text.append(String.format(Locale.ROOT, "%.6f%n", 1 + (i % 97) / 100.0));
        }
        Path full = tmp.resolve("full.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(full))) {
            out.write(text.toString().getBytes(StandardCharsets.UTF_8));
        }
        byte[] bytes = Files.readAllBytes(full);
        Files.write(tmp.resolve("EDA.csv.gz"), Arrays.copyOf(bytes, bytes.length / 2));

        E4Recording rec = E4Reader.read(tmp, "sess", "w");
        E4FileReport report = rec.files().get(Channel.EDA);
        E4Channel eda = rec.channel(Channel.EDA).orElseThrow();

        assertTrue(eda.sampleCount() > 0 && eda.sampleCount() < 50_000, "part was read: " + eda.sampleCount());
        assertEquals(eda.sampleCount(), report.recordsAccepted());
        assertEquals(1, report.rejects().size());
        assertEquals(eda.sampleCount() + 1, report.recordsRead(), "the unread rest counts as one");
        assertEquals(eda.sampleCount() + 3, report.rejects().get(0).line);
        assertEquals(
                "gzip data truncated or corrupt at line " + (eda.sampleCount() + 3),
                report.rejects().get(0).reason);
    }
}
