package org.sessionreview.ingest.e4;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BeatOrderTest {
    /** Beats 100, 101, ..., 100 + n - 1 s, each 1 s after the last. */
    private static List<Double> regular(int n) {
        List<Double> b = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            b.add(100.0 + i);
        }
        return b;
    }

    private record Outcome(double[] kept, List<Long> rejectedLines, List<String> reasons) {}

    /** Offers the offsets in file order (line = index + 2, after the header row). */
    private static Outcome run(List<Double> offsets) {
        DoubleList kept = new DoubleList(16);
        DoubleList ibis = new DoubleList(16);
        BeatOrder order = new BeatOrder(kept, ibis);
        List<Long> lines = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        for (int i = 0; i < offsets.size(); i++) {
            BeatOrder.Rejected r = order.offer(offsets.get(i), 1.0, i + 2, "line " + (i + 2), "");
            if (r != null) {
                lines.add(r.line());
                reasons.add(r.reason());
            }
        }
        order.finish();
        assertEquals(offsets.size(), kept.size() + lines.size(), "every beat kept or rejected");
        assertEquals(kept.size(), ibis.size());
        return new Outcome(kept.toArray(), lines, reasons);
    }

    private static double[] without(List<Double> offsets, int... indices) {
        List<Double> rest = new ArrayList<>(offsets);
        for (int k = indices.length - 1; k >= 0; k--) {
            rest.remove(indices[k]);
        }
        return rest.stream().mapToDouble(Double::doubleValue).toArray();
    }

    @Test
    void shouldRejectOnlyTheDamagedBeatWhenOneJumpsFarAhead() {
        List<Double> beats = regular(400);
        beats.set(35, 447.0); // a changed digit: 135 s written as 447 s
        Outcome o = run(beats);
        assertEquals(List.of(37L), o.rejectedLines());
        assertEquals(
                "beat at 447.0 s is not before the next beat at 136.0 s"
                        + " (out of order: the beats before and after it are in order)",
                o.reasons().get(0));
        assertArrayEquals(without(beats, 35), o.kept());
    }

    @Test
    void shouldRejectOnlyTheDamagedBeatWhenOneFallsFarBack() {
        List<Double> beats = regular(50);
        beats.set(20, 12.0);
        Outcome o = run(beats);
        assertEquals(List.of(22L), o.rejectedLines());
        assertEquals(
                "beat at 12.0 s is not after the previous beat at 119.0 s",
                o.reasons().get(0));
        assertArrayEquals(without(beats, 20), o.kept());
    }

    @Test
    void shouldRejectOneOfTwoSwappedNeighbours() {
        List<Double> beats = regular(20);
        beats.set(5, 106.0);
        beats.set(6, 105.0);
        Outcome o = run(beats);
        assertEquals(List.of(7L), o.rejectedLines(), "the first of the pair gives way");
        assertArrayEquals(without(beats, 5), o.kept());
    }

    @Test
    void shouldRejectTheRepeatedLinesOfABlockWrittenTwice() {
        List<Double> beats = regular(30);
        List<Double> twice = new ArrayList<>(beats.subList(0, 20));
        twice.addAll(beats.subList(10, 30)); // 110..119 again, then 120..129
        Outcome o = run(twice);
        assertEquals(10, o.rejectedLines().size());
        assertArrayEquals(beats.stream().mapToDouble(Double::doubleValue).toArray(), o.kept());
        // a repeated line at the held beat's time is the one rejected, not the original
        assertEquals(
                "beat at 119.0 s is not after the previous beat at 119.0 s",
                o.reasons().get(9));
        assertEquals(31L, o.rejectedLines().get(9));
    }

    @Test
    void shouldPassBeatsInOrderUnchangedAndTheLastOneAtTheEnd() {
        List<Double> beats = regular(10);
        Outcome o = run(beats);
        assertEquals(List.of(), o.rejectedLines());
        assertArrayEquals(without(beats), o.kept());
    }

    @Test
    void shouldRejectAFirstBeatThatJumpsAheadOfTheRest() {
        List<Double> beats = regular(30);
        beats.set(0, 5000.0);
        Outcome o = run(beats);
        assertEquals(List.of(2L), o.rejectedLines());
        assertArrayEquals(without(beats, 0), o.kept());
    }
}
