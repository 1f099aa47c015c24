package org.sessionreview.ingest.e4;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sessionreview.model.Channel;
import org.sessionreview.model.Reject;

/** {@link E4Parts#merge} on synthetic parts: placement, gaps, IBI shift, and the parts it leaves out. */
class E4PartsTest {
    private static final String SID = "s1";
    /** 2023-11-14T22:13:20Z, epoch ms. */
    private static final long T0 = 1_700_000_000_000L;

    /** A part holding {@code channels}, each with a report named {@code <folder>/<channel>.csv}. */
    private static E4Recording part(String folder, E4Channel... channels) {
        Map<Channel, E4Channel> data = new EnumMap<>(Channel.class);
        Map<Channel, E4FileReport> files = new EnumMap<>(Channel.class);
        for (E4Channel c : channels) {
            data.put(c.channel(), c);
            long lines = c.sampleCount();
            files.put(
                    c.channel(),
                    new E4FileReport(
                            c.channel(),
                            null,
                            "s/" + folder + "/" + c.channel().fileName(),
                            lines,
                            0,
                            false,
                            List.of()));
        }
        return new E4Recording(SID, data, files);
    }

    /** {@code n} EDA samples at 4 Hz from {@code startMillis}, values {@code base + i}. */
    private static E4Channel eda(long startMillis, int n, double base) {
        return regular(Channel.EDA, startMillis, 4, n, base);
    }

    private static E4Channel regular(Channel c, long startMillis, double rate, int n, double base) {
        double[] v = new double[n * c.width()];
        for (int i = 0; i < v.length; i++) {
            v[i] = base + i;
        }
        return E4Channel.regular(c, startMillis, rate, v);
    }

    private static E4Parts.Merged merge(E4Recording... parts) {
        return E4Parts.merge(SID, List.of(parts), E4Limits.defaults());
    }

    @Test
    void shouldPlaceTheSecondPartAtItsOwnStartWithTheGapMissing() {
        int n1 = 100; // 25 s at 4 Hz
        int n2 = 40;
        long gapS = 60;
        long start2 = T0 + n1 * 250L + gapS * 1000;
        E4Recording a = part("client-1", eda(T0, n1, 0), regular(Channel.ACC, T0, 32, 800, 0));
        E4Recording b = part("client-2", eda(start2, n2, 1000), regular(Channel.ACC, start2, 32, 320, 5000));

        E4Parts.Merged m = merge(a, b);

        assertTrue(m.rejections().isEmpty(), m.rejections().toString());
        E4Channel eda = m.recording().channel(Channel.EDA).orElseThrow();
        assertEquals(T0, eda.startMillis());
        assertEquals(4, eda.rateHz());
        int gap = (int) (gapS * 4);
        assertEquals(n1 + gap + n2, eda.sampleCount());
        for (int i = 0; i < n1; i++) {
            assertEquals(i, eda.value(i, 0));
        }
        for (int i = n1; i < n1 + gap; i++) {
            assertTrue(Double.isNaN(eda.value(i, 0)), "gap sample " + i);
        }
        for (int i = 0; i < n2; i++) {
            assertEquals(1000 + i, eda.value(n1 + gap + i, 0));
            assertEquals(start2, eda.sampleMillis(n1 + gap + i) - i * 250.0, 1e-6);
        }
        E4Channel acc = m.recording().channel(Channel.ACC).orElseThrow();
        int accGap = (int) (gapS * 32);
        assertEquals(800 + accGap + 320, acc.sampleCount());
        assertTrue(Double.isNaN(acc.value(800, 2)));
        assertEquals(5000 + 3 * 7 + 1, acc.value(800 + accGap + 7, 1));
        assertEquals(4, m.recording().reports().size(), "every file of both parts is accounted for");
        assertEquals(
                "s/client-1/EDA.csv", m.recording().files().get(Channel.EDA).sourceFile());
    }

    @Test
    void shouldShiftTheIbiOffsetsOfALaterPartToTheFirstPartsStart() {
        E4Recording a = part("client-1", E4Channel.ibi(T0, new double[] {1, 2, 3}, new double[] {0.8, 0.9, 1.0}));
        E4Recording b =
                part("client-2", E4Channel.ibi(T0 + 100_500, new double[] {0.5, 1.25}, new double[] {0.7, 0.75}));

        E4Channel ibi = merge(a, b).recording().channel(Channel.IBI).orElseThrow();

        assertEquals(T0, ibi.startMillis());
        assertArrayEquals(new double[] {1, 2, 3, 101, 101.75}, ibi.offsetsS(), 1e-9);
        assertArrayEquals(new double[] {0.8, 0.9, 1.0, 0.7, 0.75}, ibi.values(), 0);
    }

    @Test
    void shouldRejectALaterPartAsAWholeWhenItOverlapsAnEarlierOne() {
        E4Recording a = part("client-1", eda(T0, 100, 0)); // to T0 + 25 s
        E4Recording b = part("client-2", eda(T0 + 20_000, 40, 1000)); // 5 s overlap

        E4Parts.Merged m = merge(a, b);

        assertEquals(1, m.rejections().size());
        E4Parts.Rejection r = m.rejections().get(0);
        assertEquals("s/client-2/EDA.csv", r.file().sourceFile());
        assertTrue(r.reason().startsWith("overlaps s/client-1/EDA.csv by 5 s"), r.reason());
        assertEquals(
                "overlaps s/client-1/EDA.csv by 5 s: two recordings of one person cannot cover the same time;"
                        + " rejected as a whole",
                r.reason());
        E4FileReport rejected = m.recording().reports().get(1);
        assertSame(r.rejected(), rejected);
        assertTrue(rejected.fileRejected());
        assertEquals(40, rejected.recordsRead());
        assertEquals(40, rejected.recordsRejected());
        assertEquals(0, rejected.recordsAccepted());
        Reject last = rejected.rejects().get(rejected.rejects().size() - 1);
        assertEquals(0, last.line);
        assertEquals(
                a.channel(Channel.EDA).orElseThrow(),
                m.recording().channel(Channel.EDA).orElseThrow());
    }

    @Test
    void shouldPlaceAPartStartingLessThanHalfASampleEarlyRightAfterTheEarlierOne() {
        E4Recording a = part("client-1", eda(T0, 100, 0)); // ends T0 + 25 000 ms
        E4Recording b = part("client-2", eda(T0 + 25_000 - 100, 10, 1000)); // 0.4 sample early

        E4Parts.Merged m = merge(a, b);

        assertTrue(m.rejections().isEmpty(), m.rejections().toString());
        E4Channel eda = m.recording().channel(Channel.EDA).orElseThrow();
        assertEquals(110, eda.sampleCount());
        assertEquals(1000, eda.value(100, 0));

        E4Recording early = part("client-2", eda(T0 + 25_000 - 150, 10, 1000)); // 0.6 sample early
        E4Parts.Merged m2 = merge(a, early);
        assertEquals(1, m2.rejections().size());
        assertTrue(m2.rejections().get(0).reason().startsWith("overlaps s/client-1/EDA.csv by 0.15 s"));
    }

    @Test
    void shouldRejectALaterPartWithAnotherRate() {
        E4Recording a = part("client-1", eda(T0, 100, 0), E4Channel.ibi(T0, new double[] {1}, new double[] {0.8}));
        E4Recording b = part(
                "client-2",
                regular(Channel.EDA, T0 + 60_000, 8, 80, 1000),
                E4Channel.ibi(T0 + 60_000, new double[] {1}, new double[] {0.9}));

        E4Parts.Merged m = merge(a, b);

        assertEquals(1, m.rejections().size(), "only EDA: the IBI part is placed");
        String reason = m.rejections().get(0).reason();
        assertTrue(reason.startsWith("at 8 Hz where the earlier part s/client-1/EDA.csv is at 4 Hz"), reason);
        assertEquals(100, m.recording().channel(Channel.EDA).orElseThrow().sampleCount());
        assertEquals(2, m.recording().channel(Channel.IBI).orElseThrow().sampleCount());
        assertTrue(m.recording().reports().get(2).fileRejected(), "b's EDA report");
        assertFalse(m.recording().reports().get(3).fileRejected(), "b's IBI report");
    }

    @Test
    void shouldOrderThreePartsByTheirStartTimeWhateverTheListOrder() {
        E4Recording p1 = part("p1", eda(T0, 4, 10));
        E4Recording p2 = part("p2", eda(T0 + 2_000, 4, 20)); // 1 s gap = 4 samples
        E4Recording p3 = part("p3", eda(T0 + 3_000, 4, 30)); // right after p2

        E4Parts.Merged m = merge(p3, p1, p2);

        assertTrue(m.rejections().isEmpty(), m.rejections().toString());
        E4Channel eda = m.recording().channel(Channel.EDA).orElseThrow();
        assertEquals(T0, eda.startMillis());
        double nan = Double.NaN;
        assertArrayEquals(
                new double[] {10, 11, 12, 13, nan, nan, nan, nan, 20, 21, 22, 23, 30, 31, 32, 33}, eda.values(), 0);
        assertEquals(
                List.of("s/p3/EDA.csv", "s/p1/EDA.csv", "s/p2/EDA.csv"),
                m.recording().reports().stream().map(E4FileReport::sourceFile).toList(),
                "reports stay in list order");
        assertEquals("s/p1/EDA.csv", m.recording().files().get(Channel.EDA).sourceFile());
    }

    @Test
    void shouldRejectAPartAfterAGapLongerThanTheDurationCap() {
        E4Limits oneHour = E4Limits.defaults().withMaxDurationHours(1);
        E4Recording a = part("client-1", eda(T0, 100, 0));
        E4Recording b = part("client-2", eda(T0 + 25_000 + 2 * 3600_000, 40, 1000));

        E4Parts.Merged m = E4Parts.merge(SID, List.of(a, b), oneHour);

        assertEquals(1, m.rejections().size());
        String reason = m.rejections().get(0).reason();
        assertTrue(
                reason.startsWith("starts 7200 s after the end of s/client-1/EDA.csv, a gap past the 1 h limit"),
                reason);
        assertEquals(100, m.recording().channel(Channel.EDA).orElseThrow().sampleCount());

        E4Recording c = part("client-3", eda(T0 + 1800_000, 8000, 1000)); // 30 min gap, ends past 1 h
        String span =
                E4Parts.merge(SID, List.of(a, c), oneHour).rejections().get(0).reason();
        assertTrue(span.startsWith("would end over 1 h after the start of s/client-1/EDA.csv"), span);
    }

    @Test
    void shouldReturnASinglePartUnchanged() {
        E4Recording a = part("client", eda(T0, 10, 0));
        E4Parts.Merged m = merge(a);
        assertSame(a, m.recording());
        assertTrue(m.rejections().isEmpty());
    }
}
