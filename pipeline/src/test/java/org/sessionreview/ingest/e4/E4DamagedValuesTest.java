package org.sessionreview.ingest.e4;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.sessionreview.model.Channel;

/** Ordinary damage inside E4 channel files: impossible values, zeroed disk blocks, re-saved headers. */
class E4DamagedValuesTest {
    private static final long S1 = 1_495_443_600L;

    private static E4CsvParser.Result parse(Channel channel, String text) {
        E4CsvParser.Result r = E4CsvParser.parse(channel, new StringReader(text), "s", "f.csv", E4Limits.defaults());
        E4PlausibilityTest.assertAccounted(r.report());
        return r;
    }

    private static String acc(String... rows) {
        StringBuilder s = new StringBuilder(S1 + ".000000, " + S1 + ".000000, " + S1 + ".000000\n");
        s.append("32.000000, 32.000000, 32.000000\n");
        for (String row : rows) {
            s.append(row).append('\n');
        }
        return s.toString();
    }

    @Test
    void shouldRejectAnAccelerationBeyondTheE4sRangeAsADamagedValue() {
        E4CsvParser.Result r =
                parse(Channel.ACC, acc("-13,-37,60", "6400000,-12,55", "1e200,1e200,1e200", "128,-128,0", "-129,0,64"));
        double nan = Double.NaN;
        // before: 6400000 and 1e200 were samples, and |a|^2 gave 104 g and Infinity in windows/
        assertArrayEquals(
                new double[] {-13, -37, 60, nan, nan, nan, nan, nan, nan, 128, -128, 0, nan, nan, nan},
                r.data().values());
        assertEquals(5, r.report().recordsRead());
        assertEquals(3, r.report().recordsRejected());
        assertEquals(
                "acceleration beyond the E4's range (an axis past +-128 in 1/64 g, that is +-2 g): a damaged value",
                r.report().rejects().get(0).reason);
        assertEquals(4, r.report().rejects().get(0).line);
    }

    @Test
    void shouldKeepLaterSamplesAtTheirTimesWhenADiskBlockOfTheFileIsZeroed() {
        StringBuilder file = new StringBuilder(S1 + ".000000\n4.000000\n");
        int samples = 2000;
        for (int i = 0; i < samples; i++) {
            file.append(String.format(Locale.ROOT, "%.6f", 1 + i / 10000.0)).append('\n');
        }
        String clean = file.toString();
        // 4 KiB zeroed from inside sample 1000's line on: the lines it held are gone, with their newlines
        int from = clean.indexOf(String.format(Locale.ROOT, "%.6f", 1 + 1000 / 10000.0)) + 3;
        String damaged = clean.substring(0, from) + "\0".repeat(4096) + clean.substring(from + 4096);
        E4CsvParser.Result r = parse(Channel.EDA, damaged);

        double[] v = r.data().values();
        // each line holds 9 characters: 4096 + 9 of them are about 456 lines
        assertEquals(samples, v.length, 2, "the samples after the block keep their times (to within a few)");
        assertEquals(1.0999, v[999], 1e-12);
        assertTrue(Double.isNaN(v[1000]) && Double.isNaN(v[1400]));
        double last = 1 + (samples - 1) / 10000.0;
        assertEquals(last, v[v.length - 1], 1e-12);
        int index = (int) Math.round((last - 1) * 10000);
        assertEquals(samples - 1, index);
        assertTrue(Math.abs(v.length - 1 - index) <= 2, "last sample within 2 of its index: " + v.length);
        assertEquals(1, r.report().recordsRejected());
        assertTrue(
                r.report().rejects().get(0).reason.startsWith("a run of 4"),
                r.report().rejects().get(0).reason);
        assertTrue(r.report().rejects().get(0).reason.contains("mostly NUL bytes (a zeroed disk block)"));
    }

    @Test
    void shouldReadAnIbiFileWhoseRowsEndInACommaAfterASpreadsheetResave() {
        E4CsvParser.Result r = parse(Channel.IBI, S1 + ", IBI,\n1.25,0.8,\n2.05,0.8,\n");
        assertArrayEquals(new double[] {0.8, 0.8}, r.data().values());
        assertEquals(0, r.report().recordsRejected());
        assertEquals(Double.NaN, JoinedExports.ibiHeader(S1 + ", IBI, x"));
    }

    @Test
    void shouldStopAtTheDurationCapWhenAZeroedBlockStandsForManySamples() {
        StringBuilder file = new StringBuilder(S1 + ".000000\n4.000000\n");
        for (int i = 0; i < 150; i++) {
            file.append("1.000000\n");
        }
        file.append("\0".repeat(5400)).append('\n');
        for (int i = 0; i < 700; i++) {
            file.append("2.000000\n");
        }
        E4CsvParser.Result r = E4CsvParser.parse(
                Channel.EDA,
                new StringReader(file.toString()),
                "s",
                "f.csv",
                E4Limits.defaults().withMaxDurationHours(0.05));
        E4PlausibilityTest.assertAccounted(r.report());
        // 0.05 h at 4 Hz: 720 samples; the block's estimate once let the channel grow to 1,289
        assertTrue(r.data().values().length <= 720, "samples: " + r.data().values().length);
    }

    @Test
    void shouldRejectAnImpossibleAccelerationKeptBackInsideAnEarlierExport() {
        // a second header 10 s before the file's start, then a start-like row that is no header
        String text = acc("1,2,60")
                + (S1 - 10) + ".000000, " + (S1 - 10) + ".000000, " + (S1 - 10) + ".000000\n"
                + "32.000000, 32.000000, 32.000000\n"
                + "3,4,61\n"
                + (S1 - 5) + "," + (S1 - 5) + "," + (S1 - 5) + "\n"
                + "5,6,62\n";
        E4CsvParser.Result r = parse(Channel.ACC, text);
        for (double v : r.data().values()) {
            assertTrue(Double.isNaN(v) || Math.abs(v) <= 128, "value " + v);
        }
        assertTrue(
                r.report().rejects().stream().anyMatch(x -> x.reason.startsWith("acceleration beyond")),
                r.report().rejects().toString());
    }
    /** An EDA file of {@code n} samples written as the E4 writes them (six decimals), without its last line end. */
    private static String eda(int n, String last) {
        StringBuilder s = new StringBuilder(S1 + ".000000\n4.000000\n");
        for (int i = 0; i < n; i++) {
            s.append(String.format(Locale.ROOT, "%.6f", 0.3 + i / 1000.0)).append('\n');
        }
        return s.append(last).toString();
    }

    @Test
    void shouldRejectALastLineCutInsideItsNumberWhenItHasNoLineEndAndFewerDecimalsThanTheFile() {
        // 0.31 left of 0.315400 by a copy that stopped: before, read as a sample of 0.31 uS
        E4CsvParser.Result r = parse(Channel.EDA, eda(200, "0.31"));
        assertEquals(201, r.report().recordsRead());
        assertEquals(1, r.report().recordsRejected());
        assertEquals(203, r.report().rejects().get(0).line);
        assertEquals(
                "the last line has no line end and 2 decimals where the 200 sample lines before it all have 6:"
                        + " cut short inside its number (a copy or download that stopped?); not taken as a sample",
                r.report().rejects().get(0).reason);
        assertEquals("0.31", r.report().rejects().get(0).raw);
        assertEquals(201, r.data().sampleCount()); // its place stays, missing
        assertTrue(Double.isNaN(r.data().value(200, 0)));
        assertEquals(0.499, r.data().value(199, 0), 1e-12);
        // cut before the point: no decimals at all
        assertEquals(1, parse(Channel.EDA, eda(200, "12")).report().recordsRejected());
    }

    @Test
    void shouldReadALastLineWithoutLineEndWhenACutCannotBeTold() {
        // a complete last sample without its line end (as the bad-input corpus's e4-no-final-newline)
        E4CsvParser.Result whole = parse(Channel.EDA, eda(200, "0.315400"));
        assertEquals(0, whole.report().recordsRejected());
        assertEquals(0.3154, whole.data().value(200, 0), 1e-12);
        // the same short line with its line end is a complete line of a file written so
        assertEquals(0, parse(Channel.EDA, eda(200, "0.31\n")).report().recordsRejected());
        // too few lines to know the file's format
        assertEquals(
                0,
                parse(Channel.EDA, eda(CutLastLine.MIN_LINES - 1, "0.31"))
                        .report()
                        .recordsRejected());
        // decimals that vary (trailing zeros dropped, as Stress-Predict S01's BVP.csv): no format to hold it to
        StringBuilder varying = new StringBuilder(S1 + ".000000\n64.000000\n");
        for (int i = 0; i < 200; i++) {
            varying.append(i % 10 == 0 ? "2.4" : "2.45").append('\n');
        }
        assertEquals(0, parse(Channel.BVP, varying + "2.4").report().recordsRejected());
        // whole numbers (ACC): a cut cannot be told
        assertEquals(
                0,
                parse(
                                Channel.ACC,
                                acc(java.util.Collections.nCopies(200, "-13,-37,60")
                                                .toArray(String[]::new)) + "-13,-37,6")
                        .report()
                        .recordsRejected());
    }

    @Test
    void shouldReadAShorterLastLineOfAWriterThatDropsTrailingZeros() {
        // a flat stretch of a zeros-dropping export: 33.47 on every line, then 33.5 for 33.50, whole
        String flat = S1 + ".000000\n4.000000\n" + "33.47\n".repeat(200);
        E4CsvParser.Result r = parse(Channel.TEMP, flat + "33.5");
        assertEquals(0, r.report().recordsRejected());
        assertEquals(33.5, r.data().value(200, 0), 1e-12);
        // one padded value among them shows a writer of fixed decimals: then 33.5 is cut short
        E4CsvParser.Result padded = parse(Channel.TEMP, flat + "33.40\n" + "33.5");
        assertEquals(1, padded.report().recordsRejected());
        assertTrue(padded.report().rejects().get(0).reason.contains("cut short"));
    }

    @Test
    void shouldRejectAnIbiLineCutInsideItsIntervalWhenItHasNoLineEnd() {
        StringBuilder s = new StringBuilder(S1 + ".000000, IBI\n");
        for (int i = 1; i <= 150; i++) {
            s.append(String.format(Locale.ROOT, "%.6f,%.6f", i * 0.8, 0.8)).append('\n');
        }
        E4CsvParser.Result r = parse(Channel.IBI, s + "120.800000,0.81");
        assertEquals(151, r.report().recordsRead());
        assertEquals(1, r.report().recordsRejected());
        assertEquals(152, r.report().rejects().get(0).line);
        assertEquals(150, r.data().sampleCount());
        assertEquals(0, parse(Channel.IBI, s + "120.800000,0.812500").report().recordsRejected());
    }

    @Test
    void shouldSayTheHeaderRowIsBlankWhenAFileHoldsOnlyBlankLines() {
        // seventh audit: such a file was "invalid header row 1: non-numeric value in column 1"
        for (Channel channel : new Channel[] {Channel.EDA, Channel.ACC}) {
            E4CsvParser.Result r = parse(channel, "\n\n\r\n   \n");
            assertEquals(1, r.report().rejects().get(0).line, channel.toString());
            assertTrue(
                    r.report().rejects().get(0).reason.contains("the row is blank (a file of blank lines"),
                    r.report().rejects().get(0).reason);
        }
    }
}
