package org.sessionreview.scoring.opportunity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sessionreview.model.Annotation;
import org.sessionreview.scoring.rupture.CodedTimes;

/** The index offers every event a full scan's overlap test accepts, in the same order. */
class SpanIndexTest {

    private static Annotation event(double start, Double end) {
        Annotation a = new Annotation();
        a.startS = start;
        a.endS = end;
        return a;
    }

    /** The slow, obvious version: test every event. */
    private static List<Annotation> scan(List<Annotation> events, double from, double to) {
        List<Annotation> out = new ArrayList<>();
        for (Annotation a : events) {
            if (a.startS <= to && a.endOrStartS() >= from) {
                out.add(a);
            }
        }
        return out;
    }

    private static List<Annotation> randomEvents(Random rnd, int n, double longestStateS) {
        List<Annotation> events = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            // whole milliseconds, as codings hold them, so ranges often meet an event's edge exactly
            double start = rnd.nextInt(3_000_000) / 1000.0;
            Double end = rnd.nextBoolean() ? null : start + rnd.nextInt((int) (longestStateS * 1000) + 1) / 1000.0;
            events.add(event(start, end));
        }
        events.sort(Comparator.comparingDouble(a -> a.startS));
        return events;
    }

    @Test
    void shouldFindWhatAFullScanFindsInTheSameOrder() {
        Random rnd = new Random(20261207);
        for (double longest : new double[] {0, 5, 120, 3000}) {
            List<Annotation> events = randomEvents(rnd, 2000, longest);
            SpanIndex index = new SpanIndex(events);
            for (int q = 0; q < 500; q++) {
                Annotation probe = events.get(rnd.nextInt(events.size()));
                // ranges that start or end exactly at an event's start or end, and random ones
                double from = switch (q % 3) {
                    case 0 -> probe.startS;
                    case 1 -> probe.endOrStartS();
                    default -> rnd.nextInt(3_000_000) / 1000.0;
                };
                double to = from + rnd.nextInt(60_000) / 1000.0;
                List<Annotation> expected = scan(events, from, to);
                List<Annotation> found = new ArrayList<>();
                index.forEach(from, to, a -> a.startS <= to && a.endOrStartS() >= from, found::add);
                assertEquals(expected, found, "longest " + longest + ", [" + from + ", " + to + "]");
                Annotation first = index.first(from, to, a -> a.startS <= to && a.endOrStartS() >= from);
                assertSame(expected.isEmpty() ? null : expected.get(0), first);
                // the rules' own tolerant test, as MissedOpportunities uses it
                List<Annotation> tolerant = new ArrayList<>();
                for (Annotation a : events) {
                    if (CodedTimes.notAfter(a.startS, to) && CodedTimes.notBefore(a.endOrStartS(), from)) {
                        tolerant.add(a);
                    }
                }
                List<Annotation> foundTolerant = new ArrayList<>();
                index.forEach(
                        from,
                        to,
                        a -> CodedTimes.notAfter(a.startS, to) && CodedTimes.notBefore(a.endOrStartS(), from),
                        foundTolerant::add);
                assertEquals(tolerant, foundTolerant);
            }
        }
    }

    @Test
    void shouldFindALongStateThatStartedLongBeforeTheRange() {
        List<Annotation> events = new ArrayList<>();
        events.add(event(10, 2000.0));
        for (int i = 0; i < 100; i++) {
            events.add(event(100 + i, null));
        }
        SpanIndex index = new SpanIndex(events);
        Annotation first = index.first(1500, 1510, a -> a.startS <= 1510 && a.endOrStartS() >= 1500);
        assertSame(events.get(0), first);
    }

    @Test
    void shouldOfferEventsWithinTheRulesToleranceBeyondTheRange() {
        // a start or an end a fraction of the tolerance past the range, as binary rounding leaves
        // them (482.12300000000005 for 482.123): the tolerant test accepts them, so the index must
        // offer them (it would not with no margin)
        double to = 100.0;
        double from = 90.0;
        List<Annotation> events = new ArrayList<>(
                List.of(event(80.0, from - CodedTimes.TOLERANCE_S / 2), event(to + CodedTimes.TOLERANCE_S / 2, null)));
        SpanIndex index = new SpanIndex(events);
        List<Annotation> found = new ArrayList<>();
        index.forEach(
                from,
                to,
                a -> CodedTimes.notAfter(a.startS, to) && CodedTimes.notBefore(a.endOrStartS(), from),
                found::add);
        assertEquals(events, found);
    }

    @Test
    void shouldRefuseEventsOutOfStartOrder() {
        assertThrows(IllegalArgumentException.class, () -> new SpanIndex(List.of(event(5, null), event(4, null))));
    }
}
