package org.sessionreview.ingest.e4;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sessionreview.model.Channel;
import org.sessionreview.model.Reject;
import org.sessionreview.storage.LocalEntry;

/** The inputs that used to sink a whole run, and the accounting of every file found. */
class E4PlausibilityTest {
    /** A guard against a hang or quadratic work on a 10 MB line, not a speed measure: loaded CI machines took over 1 s. */
    private static final Duration HANG_GUARD = Duration.ofSeconds(20);

    private static final long START_S = 1_600_000_000L;

    @TempDir
    Path tmp;

    // ---- the six killers ------------------------------------------------------------------

    @Test
    void shouldRejectTheFileWhenHeaderRowsAreMissingAndTheFirstSampleIs063() throws IOException {
        StringBuilder text = new StringBuilder();
        int lines = 1000;
        for (int i = 0; i < lines; i++) {
            text.append(0.63 + i / 1e4).append('\n');
        }
        E4FileReport report = readFolder("EDA.csv", text.toString()).files().get(Channel.EDA);

        assertWholeFileRejected(report, 1, lines - 2);
        assertTrue(
                report.rejects()
                        .get(0)
                        .reason
                        .startsWith("implausible header row 1 (start time, unix seconds): 0.63 is not a unix time"),
                report.rejects().get(0).reason);
        assertTrue(report.rejects().get(0).reason.contains("header rows missing"));
    }

    @Test
    void shouldRejectTheFileWhenTheStartTimeIsInMilliseconds() throws IOException {
        long startMs = START_S * 1000;
        E4FileReport report = readFolder("EDA.csv", startMs + "\n4.000000\n0.5\n0.6\n")
                .files()
                .get(Channel.EDA);

        assertWholeFileRejected(report, 1, 2);
        assertEquals(
                "implausible header row 1 (start time, unix seconds): " + startMs
                        + " looks like milliseconds, expected unix seconds",
                report.rejects().get(0).reason);
    }

    @Test
    void shouldRejectTheFileWhenTheStartTimeIsInTheYear2100() throws IOException {
        long year2100 = E4Limits.LATEST_START_SECONDS;
        E4FileReport report = readFolder("TEMP.csv", year2100 + ".000000\n4.000000\n32.1\n")
                .files()
                .get(Channel.TEMP);

        assertWholeFileRejected(report, 1, 1);
        assertEquals(
                "implausible header row 1 (start time, unix seconds): " + year2100
                        + " is not a unix time in seconds between 2000-01-01 and 2100-01-01",
                report.rejects().get(0).reason);
    }

    @Test
    void shouldRejectTheFileWhenTheStartIsMoreThanADayFromTheMediaStart() throws IOException {
        Path file = write("EDA.csv", START_S + "\n4\n0.5\n");
        long mediaStart = (START_S + 24 * 3600 + 1) * 1000;

        E4FileReport far = E4Reader.readFile(Channel.EDA, file, "s", "w/EDA.csv", E4Limits.around(mediaStart))
                .report();
        E4FileReport near = E4Reader.readFile(Channel.EDA, file, "s", "w/EDA.csv", E4Limits.around(mediaStart - 1000))
                .report();

        assertWholeFileRejected(far, 1, 1);
        assertTrue(
                far.rejects().get(0).reason.contains(START_S + " is more than 24 h from the media start"),
                far.rejects().get(0).reason);
        assertFalse(near.fileRejected(), "exactly 24 h before the media start is accepted");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1000000", "0.0001"})
    void shouldRejectTheFileWhenTheRateIsImplausible(String rate) throws IOException {
        E4FileReport report = readFolder("EDA.csv", START_S + "\n" + rate + "\n0.5\n0.6\n0.7\n")
                .files()
                .get(Channel.EDA);

        assertWholeFileRejected(report, 2, 3);
        assertEquals(
                "implausible header row 2 (sample rate, Hz): " + rate
                        + " Hz is outside the plausible range 1-16 Hz for EDA",
                report.rejects().get(0).reason);
    }

    @Test
    void shouldSayWhenTheRateRowRepeatsTheStartTime() throws IOException {
        E4FileReport report = readFolder("EDA.csv", START_S + "\n" + START_S + "\n4\n0.5\n0.6\n")
                .files()
                .get(Channel.EDA);

        assertWholeFileRejected(report, 2, 3);
        assertTrue(
                report.rejects()
                        .get(0)
                        .reason
                        .endsWith("(it equals the start time on line 1: the start row written twice?)"),
                report.rejects().get(0).reason);
    }

    @Test
    void shouldRejectARepeatedRateRowWithoutShiftingTheSamples() throws IOException {
        E4Recording rec = readFolder("EDA.csv", START_S + ".000000\n4.000000\n4.000000\n0.500000\n0.600000\n");
        E4FileReport report = rec.files().get(Channel.EDA);

        E4Channel eda = rec.channel(Channel.EDA).orElseThrow();
        assertArrayEquals(new double[] {0.5, 0.6}, eda.values()); // 0.5 is at the start time, not 0.25 s later
        assertEquals(START_S * 1000, eda.startMillis());
        assertEquals(3, report.recordsRead());
        assertEquals(1, report.recordsRejected());
        Reject r = report.rejects().get(0);
        assertEquals(3, r.line);
        assertTrue(r.reason.startsWith("repeats the sample rate row (line 2): the rate row written twice?"), r.reason);
    }

    @Test
    void shouldRejectARepeatedAccRateRow() throws IOException {
        String start = START_S + ".000000, " + START_S + ".000000, " + START_S + ".000000\n";
        String rate = "32.000000, 32.000000, 32.000000\n";
        E4Recording rec = readFolder("ACC.csv", start + rate + rate + "1,2,63\n3,4,64\n");

        assertArrayEquals(
                new double[] {1, 2, 63, 3, 4, 64},
                rec.channel(Channel.ACC).orElseThrow().values());
        assertEquals(1, rec.files().get(Channel.ACC).recordsRejected());
    }

    @Test
    void shouldKeepAFirstSampleThatEqualsTheRateInOtherDigits() throws IOException {
        // only the rate row's own text is taken for a repeat: 4.0 is a sample of 4 uS
        E4Recording rec = readFolder("EDA.csv", START_S + ".000000\n4.000000\n4.0\n0.5\n");

        assertArrayEquals(
                new double[] {4.0, 0.5}, rec.channel(Channel.EDA).orElseThrow().values());
        assertEquals(0, rec.files().get(Channel.EDA).recordsRejected());
    }

    @Test
    void shouldRejectATenMegabyteLineWithoutQuotingItWhenItIsADataLine() throws IOException {
        String secret = "Jane Doe ";
        String huge = secret.repeat(10_000_000 / secret.length());
        E4Recording rec = readFolder("EDA.csv", START_S + "\n4\n0.5\n" + huge + "\n0.7\n");
        E4Channel eda = rec.channel(Channel.EDA).orElseThrow();
        E4FileReport report = rec.files().get(Channel.EDA);

        assertEquals(3, eda.sampleCount(), "the long line keeps its place on the time grid");
        assertTrue(Double.isNaN(eda.value(1, 0)));
        assertEquals(0.7, eda.value(2, 0));
        assertEquals(1, report.recordsRejected());
        Reject r = report.rejects().get(0);
        assertEquals(4, r.line);
        assertEquals("line longer than " + E4Limits.MAX_LINE_CHARS + " characters (not read)", r.reason);
        assertNull(r.raw);
    }

    @Test
    void shouldRejectTheFileWhenItIsOneTenMegabyteLine() throws IOException {
        E4FileReport report =
                readFolder("BVP.csv", "7".repeat(10_000_000)).files().get(Channel.BVP);

        assertWholeFileRejected(report, 1, 0);
        assertEquals(
                "invalid header row 1 (start time, unix seconds): longer than " + E4Limits.MAX_LINE_CHARS
                        + " characters",
                report.rejects().get(0).reason);
    }

    // ---- limits ---------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(value = Channel.class, names = "IBI", mode = EnumSource.Mode.EXCLUDE)
    void shouldAcceptRatesWithinAFactorOfFourWhenTheChannelIsRegular(Channel c) throws IOException {
        double nominal = E4Limits.nominalRateHz(c);
        String cols = ",0".repeat(c.width() - 1);
        for (double rate : new double[] {nominal / 4, nominal * 4, nominal / 4.01, nominal * 4.01}) {
            String header = (START_S + cols.replace("0", Long.toString(START_S))) + "\n"
                    + (rate + cols.replace("0", Double.toString(rate))) + "\n";
            // a sample in the channel's unit (ACC: 1 g along x, 64 in 1/64 g; see E4Units)
            Path file = write(c.fileName(), header + (c == Channel.ACC ? "64" : "1") + cols + "\n");
            E4FileReport report = E4Reader.readFile(c, file, "s", "f").report();
            boolean inside = rate >= nominal / 4 && rate <= nominal * 4;
            assertEquals(!inside, report.fileRejected(), c + " at " + rate + " Hz");
            assertAccounted(report);
        }
    }

    @Test
    void shouldStopReadingAtOneRejectWhenAGzipFileHoldsMoreThan24Hours() throws IOException {
        int cap = 24 * 3600 * 4;
        int lines = 3 * cap;
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(tmp.resolve("EDA.csv.gz")))) {
            out.write((START_S + "\n4\n").getBytes(StandardCharsets.US_ASCII));
            byte[] line = "0.5\n".getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < lines; i++) {
                out.write(line);
            }
        }
        E4Recording rec = E4Reader.read(tmp, "s", "w");
        E4FileReport report = rec.files().get(Channel.EDA);

        assertEquals(cap, rec.channel(Channel.EDA).orElseThrow().sampleCount());
        assertEquals(cap + 1, report.recordsRead(), "the rest counts as one record");
        assertEquals(1, report.recordsRejected());
        assertEquals(
                List.of(new Reject(
                                "s",
                                "w/EDA.csv.gz",
                                cap + 3,
                                "recording longer than 24 h at 4 Hz: lines from " + (cap + 3) + " on not read",
                                null)
                        .describe()),
                report.rejects().stream().map(Reject::describe).toList());
        assertAccounted(report);
    }

    @Test
    void shouldStopReadingIbiWhenItHoldsMoreThanFourBeatsPerSecondOfTheCap() throws IOException {
        E4Limits limits = E4Limits.defaults().withMaxDurationHours(1);
        int cap = 3600 * E4Limits.MAX_IBI_BEATS_PER_SECOND;
        StringBuilder text = new StringBuilder(START_S + ", IBI\n");
        for (int i = 1; i <= cap + 100; i++) {
            text.append(i * 0.2).append(",0.2\n");
        }
        E4CsvParser.Result r =
                E4CsvParser.parse(Channel.IBI, new StringReader(text.toString()), "s", "IBI.csv", limits);

        assertEquals(cap, r.data().sampleCount());
        assertEquals(cap + 1, r.report().recordsRead());
        assertEquals(
                "recording longer than 1 h at 4 beats/s: lines from " + (cap + 2) + " on not read",
                r.report().rejects().get(0).reason);
        assertAccounted(r.report());
    }

    @Test
    void shouldRejectABeatWhenItsOffsetIsPastTheDurationCap() throws IOException {
        E4Limits limits = E4Limits.defaults().withMaxDurationHours(1);
        E4CsvParser.Result r = E4CsvParser.parse(
                Channel.IBI, new StringReader(START_S + ", IBI\n10,0.8\n3601,0.8\n"), "s", "IBI.csv", limits);

        assertEquals(1, r.data().sampleCount());
        assertEquals(
                "beat offset 3601 s is past the 1 h limit", r.report().rejects().get(0).reason);
        assertAccounted(r.report());
    }

    @Test
    void shouldNameEveryLimitWhenDescribed() {
        String text = E4Limits.around(START_S * 1000).describe();

        assertTrue(text.contains("factor 4"), text);
        assertTrue(text.contains("EDA 4, BVP 64, ACC 32, TEMP 4, HR 1 Hz"), text);
        assertTrue(text.contains("within 24 h of media start 2020-09-13T12:26:40Z"), text);
        assertTrue(text.contains("at most 24 h"), text);
        assertTrue(text.contains("4096 characters"), text);
        assertTrue(E4Limits.defaults().describe().contains("after 2000-01-01 and before 2100-01-01"));
    }

    // ---- identities -----------------------------------------------------------------------

    @Test
    void shouldNotQuoteTextWhenALineOrHeaderIsNotNumeric() throws IOException {
        write("EDA.csv", START_S + "\n4\n0.5\nJane Doe\n1e999\n");
        write("TEMP.csv", "Participant 17 Jane\n4\n32\n");
        E4Recording rec = E4Reader.read(tmp, "s", "w");
        List<Reject> eda = rec.files().get(Channel.EDA).rejects();

        assertEquals("non-numeric value in column 1", eda.get(0).reason);
        assertNull(eda.get(0).raw);
        assertEquals("non-finite value in column 1", eda.get(1).reason);
        assertEquals("1e999", eda.get(1).raw, "number characters only: kept");
        Reject temp = rec.files().get(Channel.TEMP).rejects().get(0);
        assertEquals("invalid header row 1 (start time, unix seconds): non-numeric value in column 1", temp.reason);
        assertNull(temp.raw);
        rec.rejects().forEach(r -> assertFalse(r.reason.contains("Jane"), r.reason));
    }

    // ---- BOM, empty and header-only files -------------------------------------------------

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void shouldAcceptAByteOrderMarkWhenItStartsAFile(boolean gzip) throws IOException {
        for (Channel c : List.of(Channel.EDA, Channel.IBI)) {
            String text = "\uFEFF" + START_S + (c == Channel.IBI ? ", IBI\n10,0.8\n" : "\n4\n0.5\n");
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            if (gzip) {
                try (OutputStream out =
                        new GZIPOutputStream(Files.newOutputStream(tmp.resolve(c.fileName() + ".gz")))) {
                    out.write(bytes);
                }
            } else {
                Files.write(tmp.resolve(c.fileName()), bytes);
            }
        }
        E4Recording rec = E4Reader.read(tmp, "s", "w");

        for (Channel c : List.of(Channel.EDA, Channel.IBI)) {
            E4Channel data = rec.channel(c).orElseThrow(() -> new AssertionError(c + " missing"));
            assertEquals(START_S * 1000, data.startMillis(), c.name());
            assertEquals(1, data.sampleCount());
            assertEquals(List.of(), rec.files().get(c).rejects());
        }
    }

    @Test
    void shouldReportNoSamplesWhenFilesAreEmptyOrHeaderOnly() throws IOException {
        write("EDA.csv", "");
        write("TEMP.csv", START_S + "\n4\n\n\n");
        write("IBI.csv", START_S + ", IBI\n");
        E4Recording rec = E4Reader.read(tmp, "s", "w");

        assertNoSamples(rec, Channel.EDA, "no samples: the file is empty");
        assertNoSamples(rec, Channel.TEMP, "no samples after the header rows");
        assertNoSamples(
                rec,
                Channel.IBI,
                "no beats after the header row (the E4 writes an IBI.csv without beats when it found no clean beat, e.g. with much movement): heart rate comes from the pulse wave");
        assertTrue(rec.presentChannels().isEmpty());
    }

    private static void assertNoSamples(E4Recording rec, Channel c, String reason) {
        E4FileReport report = rec.files().get(c);
        assertTrue(rec.missingChannels().contains(c), c + " counts as missing");
        assertWholeFileRejected(report, 0, 0);
        assertEquals(reason, report.rejects().get(0).reason);
    }

    // ---- entries that are not channel files -----------------------------------------------

    @Test
    void shouldReportADirectoryWhenItIsNamedLikeAChannelFile() throws IOException {
        Files.createDirectory(tmp.resolve("EDA.csv"));
        E4Recording rec = E4Reader.read(tmp, "s", "w");

        E4FileReport report = onlyReport(rec);
        assertFalse(rec.files().containsKey(Channel.EDA), "files() holds files read only");
        assertEquals(LocalEntry.of(tmp.resolve("EDA.csv")), report.path());
        assertWholeFileRejected(report, 0, 0);
        assertEquals(
                "w/EDA.csv: is a directory, not a channel file",
                report.rejects().get(0).describe());
    }

    @Test
    void shouldReadThePlainFileAndReportTheGzipWhenBothExist() throws IOException {
        write("EDA.csv", START_S + "\n4\n0.5\n");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(tmp.resolve("EDA.csv.gz")))) {
            out.write((START_S + "\n4\n0.9\n").getBytes(StandardCharsets.US_ASCII));
        }
        E4Recording rec = E4Reader.read(tmp, "s", "w");

        assertEquals(0.5, rec.channel(Channel.EDA).orElseThrow().value(0, 0));
        assertEquals(
                LocalEntry.of(tmp.resolve("EDA.csv")),
                rec.files().get(Channel.EDA).path());
        assertEquals(2, rec.reports().size());
        E4FileReport gz = rec.reports().get(1);
        assertEquals("w/EDA.csv.gz", gz.sourceFile());
        assertWholeFileRejected(gz, 0, 0);
        assertEquals(
                "ignored: EDA.csv is read instead (both a plain and a gzip file exist)",
                gz.rejects().get(0).reason);
        assertEquals(rec.rejects(), gz.rejects());
    }

    @Test
    void shouldReportTheFileWhenItCannotBeRead() throws IOException {
        Path file = write("EDA.csv", START_S + "\n4\n0.5\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        assumeFalse(Files.isReadable(file), "chmod has no effect (running as root)");

        E4FileReport report = onlyReport(E4Reader.read(tmp, "s", "w"));

        assertWholeFileRejected(report, 0, 0);
        assertEquals(
                "cannot read the file (I/O error: AccessDeniedException)",
                report.rejects().get(0).reason);
    }

    @Test
    void shouldReportTheLinkWhenAChannelFileIsALoopingOrBrokenLink() throws IOException {
        Files.createSymbolicLink(tmp.resolve("EDA.csv"), tmp.resolve("EDA.csv"));
        Files.createSymbolicLink(tmp.resolve("BVP.csv.gz"), tmp.resolve("nowhere"));
        E4Recording rec = assertTimeoutPreemptively(HANG_GUARD, () -> E4Reader.read(tmp, "s", "w"));

        assertEquals(2, rec.reports().size());
        for (E4FileReport report : rec.reports()) {
            assertWholeFileRejected(report, 0, 0);
            assertEquals(
                    "is a broken or looping symbolic link, not a channel file",
                    report.rejects().get(0).reason);
        }
        assertTrue(rec.files().isEmpty());
    }

    @Test
    void shouldTellGzipByItsFirstBytesNotByItsName() throws IOException {
        write("HR.csv.gz", START_S + "\n1\n60\n61\n"); // decompressed, its name kept
        Files.write(
                tmp.resolve("TEMP.csv"), // compressed, its name without .gz
                gzip((START_S + "\n4\n33.5\n33.6\n33.7\n").getBytes(StandardCharsets.US_ASCII)));
        byte[] junk = new byte[256];
        new java.util.Random(3).nextBytes(junk);
        junk[0] = (byte) 0x80;
        Files.write(tmp.resolve("EDA.csv.gz"), junk); // neither gzip nor text
        write("ACC.csv.gz", "");

        E4Recording rec = E4Reader.read(tmp, "s", "w");

        assertArrayEquals(
                new double[] {60, 61}, rec.channel(Channel.HR).orElseThrow().values());
        assertArrayEquals(
                new double[] {33.5, 33.6, 33.7},
                rec.channel(Channel.TEMP).orElseThrow().values());
        assertFalse(rec.channel(Channel.EDA).isPresent());
        assertFalse(rec.channel(Channel.ACC).isPresent());
        for (E4FileReport report : rec.reports()) {
            assertAccounted(report);
            if (report.channel() == Channel.HR || report.channel() == Channel.TEMP) {
                assertEquals(0, report.recordsRejected(), report.toString());
            } else if (report.channel() == Channel.EDA) {
                assertWholeFileRejected(report, 0, 0);
                assertEquals("not a valid gzip file", report.rejects().get(0).reason);
            } else {
                assertTrue(report.fileRejected(), report.toString());
                assertEquals("no samples: the file is empty", report.rejects().get(0).reason);
            }
        }
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }

    @Test
    void shouldThrowWithoutAPathWhenTheFolderIsALoopOrUnreadable() throws IOException {
        Path loop = tmp.resolve("wearer");
        Files.createSymbolicLink(loop, loop);
        IOException e = assertThrows(IOException.class, () -> E4Reader.read(loop, "s", "w"));
        assertFalse(e.getMessage().contains(tmp.toString()), e.getMessage());
        assertNull(e.getCause());

        Path locked = Files.createDirectory(tmp.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        assumeFalse(Files.isReadable(locked), "chmod has no effect (running as root)");
        e = assertThrows(IOException.class, () -> E4Reader.read(locked, "s", "w"));
        assertEquals("cannot list the E4 export folder (I/O error: AccessDeniedException)", e.getMessage());
    }

    // ---- helpers --------------------------------------------------------------------------

    /** Writes one file into a fresh folder and reads the folder, within {@link #HANG_GUARD}. */
    private E4Recording readFolder(String name, String text) throws IOException {
        write(name, text);
        E4Recording rec = assertTimeoutPreemptively(HANG_GUARD, () -> E4Reader.read(tmp, "s", "w"));
        rec.reports().forEach(E4PlausibilityTest::assertAccounted);
        return rec;
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(tmp.resolve(name), text, StandardCharsets.UTF_8);
    }

    private static E4FileReport onlyReport(E4Recording rec) {
        assertEquals(1, rec.reports().size(), rec.reports().toString());
        return rec.reports().get(0);
    }

    /**
     * Rejected as a whole: no data, one reject at {@code line}, every data line rejected, and one
     * record for the file when it has no data line.
     */
    private static void assertWholeFileRejected(E4FileReport report, long line, long dataLines) {
        assertTrue(report.fileRejected(), report.toString());
        assertEquals(1, report.rejects().size(), report.rejects().toString());
        assertEquals(line, report.rejects().get(0).line);
        long records = dataLines == 0 ? 1 : dataLines;
        assertEquals(records, report.recordsRead());
        assertEquals(records, report.recordsRejected());
        assertAccounted(report);
    }

    /** The counting invariant, and reasons that are short and name no absolute path. */
    static void assertAccounted(E4FileReport report) {
        assertEquals(report.recordsRead(), report.recordsAccepted() + report.recordsRejected());
        assertTrue(report.recordsRejected() >= 0 && report.recordsAccepted() >= 0);
        for (Reject r : report.rejects()) {
            assertTrue(r.reason.length() <= Reject.REASON_MAX_CHARS, r.reason);
            assertFalse(r.reason.contains("junit"), "no temporary path in: " + r.reason);
            assertTrue(r.raw == null || r.raw.length() <= Reject.RAW_MAX_CHARS);
        }
    }
}
