package org.sessionreview.signal.cardiac;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sessionreview.ingest.e4.E4Channel;
import org.sessionreview.ingest.e4.E4Reader;
import org.sessionreview.model.Channel;
import org.sessionreview.testing.SharedData;

/**
 * {@link IbiCleaner} (the neighbours' intervals kept sorted in a sliding window) against {@link
 * IbiCleanerReference}, the code it replaced (each beat's neighbours gathered and their median
 * selected): the same beats, reasons and acceptance, record for record, on the device IBIs of
 * real recordings (whole, and in the pipeline's cores), on random beat lists with rejected beats,
 * out-of-range and NaN intervals, repeated, unordered and NaN times, ties and signed zeros, with
 * neighbour counts from 1 to 30 and time windows from the least double to unbounded; and
 * {@link IbiCleaner#accept} likewise (with ranges that take in zeros and negative intervals).
 */
class IbiCleanerReferenceTest {
    @Test
    void shouldCleanRealDeviceBeatsAsTheReference() throws IOException {
        int beats = 0;
        int deviating = 0;
        for (String name : new String[] {"msr2023", "stress-predict-S01", "stress-predict-S04", "stress-predict-S07"}) {
            E4Channel ibi = E4Reader.read(SharedData.resolve("e4/" + name), name)
                    .channel(Channel.IBI)
                    .orElseThrow();
            List<Beat> raw = new ArrayList<>();
            for (int i = 0; i < ibi.sampleCount(); i++) {
                raw.add(Beat.accepted(
                        ibi.startMillis() + ibi.offsetsS()[i] * 1000.0, ibi.values()[i] * 1000.0, Beat.Source.DEVICE));
            }
            for (IbiCleaner.Config config : new IbiCleaner.Config[] {
                IbiCleaner.Config.DEFAULT,
                BvpBeats.Config.DEFAULT.ibi(),
                new IbiCleaner.Config(0.3, 2.0, 0.1, 2, 4.0),
                new IbiCleaner.Config(0.4, 1.5, 0.2, 12, Double.POSITIVE_INFINITY),
            }) {
                List<Beat> expected = IbiCleanerReference.clean(raw, config);
                assertEquals(expected, IbiCleaner.clean(raw, config), name + " " + config);
                beats += expected.size();
                deviating += (int) expected.stream()
                        .filter(b -> b.rejectReason() == RejectReason.DEVIATES_FROM_LOCAL_MEDIAN)
                        .count();
            }
            // in cores as the pipeline cleans them: 60 s with 36 s either side
            for (int from = 0; from < raw.size(); from += 70) {
                List<Beat> part = raw.subList(from, Math.min(raw.size(), from + 160));
                assertEquals(
                        IbiCleanerReference.clean(part, IbiCleaner.Config.DEFAULT),
                        IbiCleaner.clean(part, IbiCleaner.Config.DEFAULT),
                        name + " from " + from);
            }
            double[] intervals = ibi.values();
            assertArrayEquals(
                    IbiCleanerReference.accept(intervals, 0.3, 2.0, 0.2),
                    IbiCleaner.accept(intervals, 0.3, 2.0, 0.2),
                    name + " accept");
        }
        System.out.println("[IbiCleanerReferenceTest] " + beats + " real beats equal, " + deviating + " deviating");
        assertTrue(beats > 10_000 && deviating > 100, beats + " beats, " + deviating + " deviating");
    }

    @Test
    void shouldCleanRandomBeatsAsTheReference() {
        Random random = new Random(3);
        int deviating = 0;
        for (int trial = 0; trial < 3_000; trial++) {
            int n = random.nextInt(trial % 10 == 0 ? 6 : 300);
            List<Beat> beats = new ArrayList<>();
            double t = 1.7e12 + random.nextInt(100_000);
            for (int i = 0; i < n; i++) {
                int kind = random.nextInt(40);
                double ibi = kind == 0
                        ? Double.NaN
                        : kind == 1
                                ? 5000 // out of range
                                : kind == 2 ? 0.0 : kind == 3 ? -0.0 : kind < 8 ? 800 : 600 + 400 * random.nextDouble();
                t += kind == 4
                        ? 0
                        : kind == 5 ? 20_000 : kind == 6 && trial % 5 == 0 ? -300 : Math.abs(ibi) > 0 ? ibi : 700;
                double time = kind == 7 && trial % 7 == 0 ? Double.NaN : t;
                Beat b = Beat.accepted(time, ibi, Beat.Source.BVP);
                beats.add(random.nextInt(10) == 0 ? b.reject(RejectReason.MOTION) : b);
            }
            int perSide = 1 + (trial % 9 == 0 ? random.nextInt(30) : random.nextInt(6));
            double window = switch (trial % 6) {
                case 0 -> Double.POSITIVE_INFINITY;
                case 1 -> Double.MIN_VALUE; // no neighbour but at the same time
                case 2 -> 1 + random.nextInt(3);
                default -> 1 + 20 * random.nextDouble();
            };
            double min = trial % 4 == 0 ? -1.0 : 0.3;
            IbiCleaner.Config config = new IbiCleaner.Config(
                    0.3, 2.0, trial % 3 == 0 ? Double.MIN_VALUE : 0.05 + 0.3 * random.nextDouble(), perSide, window);
            List<Beat> expected = IbiCleanerReference.clean(beats, config);
            assertEquals(expected, IbiCleaner.clean(beats, config), "trial " + trial + " " + config);
            deviating += (int) expected.stream()
                    .filter(b -> b.rejectReason() == RejectReason.DEVIATES_FROM_LOCAL_MEDIAN)
                    .count();
            double[] intervals = new double[n];
            for (int i = 0; i < n; i++) {
                intervals[i] = beats.get(i).ibiMs() / 1000.0;
            }
            double dev = 0.05 + 0.3 * random.nextDouble();
            assertArrayEquals(
                    IbiCleanerReference.accept(intervals, min, 2.0, dev),
                    IbiCleaner.accept(intervals, min, 2.0, dev),
                    "accept, trial " + trial);
        }
        assertTrue(deviating > 10_000, deviating + " deviating");
    }
}
