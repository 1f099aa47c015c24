package org.sessionreview.ingest.e4;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.sessionreview.model.Channel;
import org.sessionreview.model.Reject;

/** Channel files holding two exports joined ({@code cat a.csv b.csv}): {@link JoinedExports}. */
class JoinedExportsTest {
    /** 2017-05-22T09:00:00Z. */
    private static final long S1 = 1_495_443_600L;

    private static final double NAN = Double.NaN;

    @Test
    void shouldPlaceTheSecondExportAtItsStartAndLeaveTheGapMissingWhenTheExportsAreJoinedWithAGap() throws IOException {
        // lines 1-2 header, 3-10 eight samples (2 s), 11-12 header 5 s after S1, 13-16 four samples
        String text = eda(S1, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8) + eda(S1 + 5, 1.1, 1.2, 1.3, 1.4);
        E4CsvParser.Result r = parse(Channel.EDA, text, E4Limits.defaults());

        E4Channel data = r.data();
        assertEquals(S1 * 1000, data.startMillis());
        assertEquals(4.0, data.rateHz());
        double[] want = new double[24];
        java.util.Arrays.fill(want, NAN);
        double[] first = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8};
        System.arraycopy(first, 0, want, 0, 8);
        System.arraycopy(new double[] {1.1, 1.2, 1.3, 1.4}, 0, want, 20, 4);
        assertArrayEquals(want, data.values());
        assertEquals((S1 + 5) * 1000.0, data.sampleMillis(20), "first sample of the second export at its start");
        assertEquals((S1 + 5.75) * 1000.0, data.sampleMillis(23));
        assertCounts(r, 14, 2);
        String reason = "second E4 header (start 2017-05-22T09:00:05Z, 4 Hz): the file holds two exports joined;"
                + " the samples after it are placed at their own start time, after a gap of 3 s (12 samples) left"
                + " missing";
        assertRejects(r, new Object[][] {{11L, reason, "1495443605.000000"}, {12L, reason, "4.000000"}});
    }

    @Test
    void shouldPlaceTheSecondExportAtItsStartWhenEachExportOfTheJoinedFileHasAByteOrderMark() throws IOException {
        // two exports each re-saved with a UTF-8 byte-order mark, then joined (cat a.csv b.csv): the
        // mark opens line 11, the second export's start row (seventh audit). Before: line 11 was a
        // non-numeric reject, its rate row 4.000000 a sample of 4 uS and the later samples placed
        // right after the first export, 3 s early.
        String text =
                "\uFEFF" + eda(S1, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8) + "\uFEFF" + eda(S1 + 5, 1.1, 1.2, 1.3, 1.4);
        E4CsvParser.Result r = parse(Channel.EDA, text, E4Limits.defaults());

        double[] want = new double[24];
        java.util.Arrays.fill(want, NAN);
        System.arraycopy(new double[] {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8}, 0, want, 0, 8);
        System.arraycopy(new double[] {1.1, 1.2, 1.3, 1.4}, 0, want, 20, 4);
        assertArrayEquals(want, r.data().values());
        assertEquals((S1 + 5) * 1000.0, r.data().sampleMillis(20), "first sample of the second export at its start");
        assertCounts(r, 14, 2);
        assertEquals(List.of(11L, 12L), lines(r));
    }

    @Test
    void shouldShiftTheBeatsAfterASecondIbiHeaderThatOpensWithAByteOrderMark() throws IOException {
        String text = "\uFEFF" + S1 + ".000000, IBI\n1.0,0.8\n1.8,0.8\n\uFEFF" + (S1 + 10) + ".000000, IBI\n1.0,0.8\n";
        E4CsvParser.Result r = parse(Channel.IBI, text, E4Limits.defaults());

        assertEquals(List.of(4L), lines(r), "the second header row alone is rejected");
        assertArrayEquals(new double[] {1.0, 1.8, 11.0}, r.data().offsetsS(), 1e-9, "offsets after it shifted by 10 s");
        assertArrayEquals(new double[] {0.8, 0.8, 0.8}, r.data().values());
        assertCounts(r, 4, 1);
    }

    @Test
    void shouldPlaceAnEarlierExportJoinedLastBeforeTheFileWhenTheExportsAreJoinedInTheOtherOrder() throws IOException {
        // cat "EDA (1).csv" EDA.csv: the later export (S1 + 5) first, the earlier (S1) after it, 3 s apart
        String text = eda(S1 + 5, 1.1, 1.2, 1.3, 1.4) + eda(S1, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8);
        E4CsvParser.Result r = parse(Channel.EDA, text);

        E4Channel data = r.data();
        assertEquals(S1 * 1000, data.startMillis(), "the channel starts with the earlier export");
        double[] want = new double[24];
        java.util.Arrays.fill(want, NAN);
        System.arraycopy(new double[] {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8}, 0, want, 0, 8);
        System.arraycopy(new double[] {1.1, 1.2, 1.3, 1.4}, 0, want, 20, 4);
        assertArrayEquals(want, data.values());
        assertEquals((S1 + 5) * 1000.0, data.sampleMillis(20), "the later export keeps its time");
        // before: all eight samples rejected as overlapping "the earlier export", its first 20 samples
        assertCounts(r, 14, 2);
        assertTrue(
                r.report().rejects().get(0).reason.contains("starts 5 s before the file's first sample"),
                r.report().rejects().get(0).reason);
    }

    @Test
    void shouldRejectOnlyTheSamplesThatFallOnTheFirstExportWhenAnEarlierOneJoinedLastOverlapsIt() throws IOException {
        // the earlier export (S1) runs 2.5 s: its last two samples fall on the first two of S1 + 2
        String text = eda(S1 + 2, 1.1, 1.2, 1.3) + eda(S1, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0);
        E4CsvParser.Result r = parse(Channel.EDA, text);

        assertEquals(S1 * 1000, r.data().startMillis());
        assertArrayEquals(
                new double[] {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 1.1, 1.2, 1.3},
                r.data().values());
        assertCounts(r, 15, 4);
        assertTrue(
                r.report().rejects().get(2).reason.startsWith("lines 16-17 (2 samples"),
                r.report().rejects().get(2).reason);
    }

    @Test
    void shouldContinueRightAfterTheFirstExportWhenTheSecondStartsWhereItEnds() throws IOException {
        String text = eda(S1, 0.1, 0.2, 0.3, 0.4) + eda(S1 + 1, 0.5, 0.6);
        E4CsvParser.Result r = parse(Channel.EDA, text, E4Limits.defaults());

        assertArrayEquals(new double[] {0.1, 0.2, 0.3, 0.4, 0.5, 0.6}, r.data().values());
        assertCounts(r, 8, 2);
        assertTrue(r.report().rejects().get(0).reason.endsWith("right after the earlier export"));
    }

    @Test
    void shouldRejectTheWholeSecondCopyWithOneRowWhenTheSameExportIsJoinedTwice() throws IOException {
        String once = eda(S1, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8);
        E4CsvParser.Result single = parse(Channel.EDA, once, E4Limits.defaults());
        E4CsvParser.Result r = parse(Channel.EDA, once + once, E4Limits.defaults());

        assertEquals(single.data(), r.data(), "the data of one copy");
        assertCounts(r, 18, 10); // 8 + 2 + 8 data lines; the header pair and the 8 copies rejected
        String header = "second E4 header (start 2017-05-22T09:00:00Z, 4 Hz): the file holds two exports joined;"
                + " its first 8 samples are not after the earlier export and are rejected";
        String stretch = "lines 13-20 (8 samples at 2017-05-22T09:00:00Z to 2017-05-22T09:00:01.750Z) overlap the"
                + " earlier export in this file, read up to 2017-05-22T09:00:01.750Z: rejected, one row for the 8"
                + " lines";
        assertRejects(
                r,
                new Object[][] {{11L, header, "1495443600.000000"}, {12L, header, "4.000000"}, {13L, stretch, null}});
    }

    @Test
    void shouldRejectEachLaterCopyWithItsOwnRowsWhenTheSameExportIsJoinedThreeTimes() throws IOException {
        String once = eda(S1, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8);
        E4CsvParser.Result r = parse(Channel.EDA, once + once + once.substring(0, once.indexOf("0.500000")));

        assertEquals(parse(Channel.EDA, once).data(), r.data(), "the data of one copy");
        assertCounts(r, 24, 16); // 8 + (2 + 8) + (2 + 4) data lines
        assertEquals(List.of(11L, 12L, 13L, 21L, 22L, 23L), lines(r));
        assertTrue(r.report().rejects().get(2).reason.startsWith("lines 13-20 (8 samples"));
        // the third copy ends inside its overlap: the stretch's row is written at the end of the file
        assertTrue(
                r.report()
                        .rejects()
                        .get(5)
                        .reason
                        .startsWith("lines 23-26 (4 samples at 2017-05-22T09:00:00Z to" + " 2017-05-22T09:00:00.750Z)"),
                r.report().rejects().get(5).reason);
    }

    @Test
    void shouldKeepTheSamplesPastTheOverlapWhenTheSecondExportStartsInsideTheFirst() throws IOException {
        // the second export starts 1 s (4 samples) after the first, which holds 2 s: 4 lines overlap
        String text = eda(S1, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8) + eda(S1 + 1, 9, 9, 9, 9, 1.1, 1.2);
        E4CsvParser.Result r = parse(Channel.EDA, text, E4Limits.defaults());

        assertArrayEquals(
                new double[] {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 1.1, 1.2},
                r.data().values());
        assertCounts(r, 16, 6);
        List<Reject> rejects = r.report().rejects();
        assertEquals(3, rejects.size());
        assertEquals(13, rejects.get(2).line);
        assertTrue(
                rejects.get(2)
                        .reason
                        .startsWith("lines 13-16 (4 samples at 2017-05-22T09:00:01Z to"
                                + " 2017-05-22T09:00:01.750Z) overlap"),
                rejects.get(2).reason);
    }

    @Test
    void shouldRejectTheRestOfTheFileNamingBothRatesWhenTheSecondExportHasAnotherRate() throws IOException {
        String text = eda(S1, 0.1, 0.2, 0.3) + header(S1 + 60, "8.000000") + "1\n2\n3\n4\n5\n";
        E4CsvParser.Result r = parse(Channel.EDA, text, E4Limits.defaults());

        assertArrayEquals(new double[] {0.1, 0.2, 0.3}, r.data().values());
        assertCounts(r, 10, 7); // 3 + 2 + 5 data lines, all after the first three rejected
        String reason = "second E4 header (start 2017-05-22T09:01:00Z, 8 Hz): the file holds two exports joined;"
                + " its rate differs from the file's 4 Hz: lines from 8 on are rejected";
        assertRejects(r, new Object[][] {{6L, reason, "1495443660.000000"}, {7L, reason, "8.000000"}});
    }

    @Test
    void shouldPlaceTheSecondAccExportAtItsStartWhenTwoAccExportsAreJoined() throws IOException {
        String text = acc(S1, "1,2,3", "4,5,6") + acc(S1 + 1, "-7,-8,-9");
        E4CsvParser.Result r = parse(Channel.ACC, text, E4Limits.defaults());

        E4Channel data = r.data();
        assertEquals(33, data.sampleCount()); // 2 samples, 30 missing, then sample 32 at S1 + 1 s
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, java.util.Arrays.copyOf(data.values(), 6));
        for (int i = 2; i < 32; i++) {
            assertTrue(Double.isNaN(data.value(i, 0)) && Double.isNaN(data.value(i, 2)), "gap at " + i);
        }
        assertArrayEquals(
                new double[] {-7, -8, -9}, new double[] {data.value(32, 0), data.value(32, 1), data.value(32, 2)});
        assertEquals((S1 + 1) * 1000.0, data.sampleMillis(32));
        assertCounts(r, 5, 2);
        assertEquals(List.of(5L, 6L), lines(r));
        assertTrue(
                r.report().rejects().get(1).reason.contains("32 Hz"),
                r.report().rejects().get(1).reason);
    }

    @Test
    void shouldShiftTheBeatsOfTheSecondExportToItsStartWhenTwoIbiExportsAreJoined() throws IOException {
        String text = S1 + ", IBI\n1.000000,0.800000\n1.800000,0.800000\n" + (S1 + 3600)
                + ", IBI\n0.900000,0.900000\n1.700000,0.800000\n";
        E4CsvParser.Result r = parse(Channel.IBI, text, E4Limits.defaults());

        assertEquals(S1 * 1000, r.data().startMillis());
        assertArrayEquals(new double[] {1.0, 1.8, 3600.9, 3601.7}, r.data().offsetsS(), 1e-9);
        assertArrayEquals(new double[] {0.8, 0.8, 0.9, 0.8}, r.data().values());
        assertEquals((S1 + 3600.9) * 1000.0, r.data().sampleMillis(2), 1e-3);
        assertCounts(r, 5, 1);
        assertRejects(r, new Object[][] {
            {
                4L,
                "second E4 header (start 2017-05-22T10:00:00Z): the file holds two exports joined; the beat"
                        + " offsets after it are shifted by 3600 s to their own start time",
                null
            }
        });
    }

    @Test
    void shouldRejectBeatsOfTheSecondIbiExportThatAreNotAfterTheFirstsWhenItStartsEarlier() throws IOException {
        // the second export starts 1 s after the first: its beat at 0.5 s (1.5 s) is before 1.8 s
        String text = S1 + ", IBI\n1.000000,0.800000\n1.800000,0.800000\n" + (S1 + 1)
                + ", IBI\n0.500000,0.700000\n1.500000,0.900000\n";
        E4CsvParser.Result r = parse(Channel.IBI, text, E4Limits.defaults());

        assertArrayEquals(new double[] {1.0, 1.8, 2.5}, r.data().offsetsS());
        assertCounts(r, 5, 2);
        assertEquals(List.of(4L, 5L), lines(r));
        assertEquals(
                "beat at 1.5 s is not after the previous beat at 1.8 s (offset 0.5 s in the export joined at line 4)",
                r.report().rejects().get(1).reason);
    }

    @Test
    void shouldKeepTodaysReadingWhenAHugeValueIsNotFollowedByARate() throws IOException {
        for (String text : List.of(
                eda(S1, 0.1) + S1 + ".000000\n0.2\n", // a start-like sample, then a sample
                eda(S1, 0.1) + S1 + ".000000\n", // ... at the end of the file
                eda(S1, 0.1) + S1 + "\n" + S1 + "\n0.2\n", // two in a row
                eda(S1, 0.1) + S1 + "\n1000.000000\n0.2\n", // followed by an implausible rate
                eda(S1, 0.1) + S1 + "\nabc\n0.2\n", // followed by a bad line
                acc(S1, "1,2,3") + S1 + "," + S1 + ",5\n32,32,32\n")) { // ACC columns not equal
            Channel channel = text.contains(",") ? Channel.ACC : Channel.EDA;
            E4CsvParser.Result got = parse(channel, text, E4Limits.defaults());
            ReferenceE4CsvParser.Result want = ReferenceE4CsvParser.parse(
                    channel, new StringReader(text), "s", "f.csv", E4Limits.defaults(), false);
            assertEquals(want.data(), got.data(), text);
            assertEquals(want.report().recordsRead(), got.report().recordsRead(), text);
            assertEquals(want.report().recordsRejected(), got.report().recordsRejected(), text);
            assertEquals(rows(want.report().rejects()), rows(got.report().rejects()), text);
        }
        E4CsvParser.Result r = parse(Channel.EDA, eda(S1, 0.1) + S1 + ".000000\n0.2\n", E4Limits.defaults());
        // the huge value is no header: a sample in its place, rejected as beyond EDA's range (before 2026-12-06 read as
        // one)
        assertArrayEquals(new double[] {0.1, Double.NaN, 0.2}, r.data().values());
        assertEquals(4, r.report().rejects().get(0).line);
        assertTrue(r.report().rejects().get(0).reason.startsWith("EDA " + S1 + " uS is outside the plausible range"));
    }

    @Test
    void shouldStopAsAtTheCapWhenTheGapPassesTheDurationCap() throws IOException {
        E4Limits limits = E4Limits.defaults().withMaxDurationHours(0.001); // 3.6 s: 14 samples at 4 Hz
        E4CsvParser.Result r = parse(Channel.EDA, eda(S1, 0.1, 0.2) + eda(S1 + 10, 1.1, 1.2), limits);

        assertArrayEquals(new double[] {0.1, 0.2}, r.data().values());
        assertCounts(r, 5, 3); // 2 + 2 data lines read, the two after the header as the one unread record
        assertEquals(List.of(5L, 6L, 7L), lines(r));
        assertTrue(r.report()
                .rejects()
                .get(0)
                .reason
                .endsWith("it starts 10 s after the file's start, past the" + " 0.001 h limit"));
        assertTrue(
                r.report().rejects().get(2).reason.startsWith("recording longer than 0.001 h at 4 Hz: lines from 7"));
    }

    @Test
    void shouldStopAtTheCapInsideTheSecondExportWhenItsSamplesReachTheCap() throws IOException {
        E4Limits limits = E4Limits.defaults().withMaxDurationHours(0.001); // 14 samples at 4 Hz
        E4CsvParser.Result r = parse(Channel.EDA, eda(S1, 0.1, 0.2) + eda(S1 + 3, 1.1, 1.2, 1.3, 1.4), limits);

        double[] values = r.data().values();
        assertEquals(14, values.length);
        assertEquals(1.1, values[12]);
        assertEquals(1.2, values[13]);
        assertTrue(Double.isNaN(values[2]) && Double.isNaN(values[11]));
        assertCounts(r, 7, 3); // 2 + 2 + 2 lines read, lines 9-10 the unread record
        assertEquals(List.of(5L, 6L, 9L), lines(r));
    }

    @Test
    void shouldReportNoSamplesWhenTheOnlyDataIsASecondHeader() throws IOException {
        E4CsvParser.Result r = parse(Channel.EDA, eda(S1) + eda(S1), E4Limits.defaults());

        assertNull(r.data());
        assertTrue(r.report().fileRejected());
        assertCounts(r, 2, 2);
        assertEquals("no samples after the header rows", r.report().rejects().get(2).reason);
    }

    // ---- helpers --------------------------------------------------------------------------

    private static E4CsvParser.Result parse(Channel channel, String text) {
        return parse(channel, text, E4Limits.defaults());
    }

    private static E4CsvParser.Result parse(Channel channel, String text, E4Limits limits) {
        E4CsvParser.Result r = E4CsvParser.parse(channel, new StringReader(text), "s", "f.csv", limits);
        E4PlausibilityTest.assertAccounted(r.report());
        return r;
    }

    private static String header(long start, String rate) {
        return start + ".000000\n" + rate + "\n";
    }

    private static String eda(long start, double... samples) {
        StringBuilder s = new StringBuilder(header(start, "4.000000"));
        for (double v : samples) {
            s.append(String.format(Locale.ROOT, "%.6f", v)).append('\n');
        }
        return s.toString();
    }

    private static String acc(long start, String... rows) {
        StringBuilder s = new StringBuilder(start + ".000000, " + start + ".000000, " + start + ".000000\n");
        s.append("32.000000, 32.000000, 32.000000\n");
        for (String row : rows) {
            s.append(row).append('\n');
        }
        return s.toString();
    }

    private static void assertCounts(E4CsvParser.Result r, long read, long rejected) {
        assertEquals(read, r.report().recordsRead(), "records read");
        assertEquals(rejected, r.report().recordsRejected(), "records rejected");
        assertEquals(read - rejected, r.report().recordsAccepted(), "records accepted");
        assertFalse(r.report().fileRejected() && r.data() != null);
    }

    /** Each expected reject as {line, reason, raw}, in order. */
    private static void assertRejects(E4CsvParser.Result r, Object[][] want) {
        List<Reject> got = r.report().rejects();
        assertEquals(want.length, got.size(), rows(got).toString());
        for (int i = 0; i < want.length; i++) {
            assertEquals(want[i][0], got.get(i).line, "line of reject " + i);
            assertEquals(want[i][1], got.get(i).reason, "reason of reject " + i);
            assertEquals(want[i][2], got.get(i).raw, "raw of reject " + i);
        }
    }

    private static List<Long> lines(E4CsvParser.Result r) {
        return r.report().rejects().stream().map(x -> x.line).toList();
    }

    private static List<String> rows(List<Reject> rejects) {
        return rejects.stream().map(x -> x.line + "|" + x.reason + "|" + x.raw).toList();
    }
}
