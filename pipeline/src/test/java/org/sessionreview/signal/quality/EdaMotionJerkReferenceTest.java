package org.sessionreview.signal.quality;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sessionreview.ingest.e4.E4Reader;
import org.sessionreview.model.Channel;
import org.sessionreview.signal.motion.AccMagnitude;
import org.sessionreview.testing.SharedData;

/**
 * {@link EdaMotionDetector#jerkBurstMillis}, which grows its result as jerks come, against the
 * code it replaced (commit 265aab9: an array as long as the input), bit for bit.
 */
class EdaMotionJerkReferenceTest {
    private static final EdaMotionDetector DETECTOR = EdaMotionDetector.defaults();

    /** The replaced code, with the defaults' threshold and units. */
    private static double[] reference(double[] accXyz, double accRateHz, double accStartMillis, double jerkGPerS) {
        double[] magnitude = AccMagnitude.magnitudeG(accXyz, AccMagnitude.E4_COUNTS_PER_G);
        double[] times = new double[magnitude.length];
        int count = 0;
        for (int i = 1; i < magnitude.length; i++) {
            if (Math.abs(magnitude[i] - magnitude[i - 1]) * accRateHz > jerkGPerS) {
                times[count++] = accStartMillis + i * 1000 / accRateHz;
            }
        }
        return Arrays.copyOf(times, count);
    }

    @Test
    void shouldGiveTheReferenceTimesWhenRunOverRealAndRestlessAcc() throws IOException {
        int jerks = 0;
        for (String name : new String[] {"msr2023", "stress-predict-S04"}) {
            double[] acc = E4Reader.read(SharedData.resolve("e4/" + name), name)
                    .channel(Channel.ACC)
                    .orElseThrow()
                    .values();
            for (int from = 0; from < acc.length; from += 3 * 32 * 150) {
                double[] part = Arrays.copyOfRange(acc, from, Math.min(acc.length, from + 3 * 32 * 180));
                double[] expected = reference(part, 32, 1.7e12 + from, jerkGPerS());
                assertArrayEquals(expected, DETECTOR.jerkBurstMillis(part, 32, 1.7e12 + from), 0.0, name + " " + from);
                jerks += expected.length;
            }
        }
        Random random = new Random(4);
        double[] restless = new double[3 * 32 * 60];
        for (int i = 0; i < restless.length; i++) {
            restless[i] = random.nextInt(8) == 0 ? Double.NaN : Math.round(random.nextGaussian() * 40);
        }
        double[] expected = reference(restless, 32, 0, jerkGPerS());
        assertArrayEquals(expected, DETECTOR.jerkBurstMillis(restless, 32, 0), 0.0, "restless");
        assertTrue(expected.length > 100 && jerks > 0, expected.length + " and " + jerks + " jerks");
    }

    @Test
    void shouldGiveTheReferenceTimesWhateverTheKeptMagnitudesHeld() throws IOException {
        // since 2026-12-06 the magnitudes go into an array kept per thread: spoiled before each
        // call, inputs of every length interleaved, a whole recording longer than what is kept
        Random random = new Random(9);
        int jerks = 0;
        for (String name : new String[] {"stress-predict-S01", "stress-predict-S08"}) {
            double[] acc = E4Reader.read(SharedData.resolve("e4/" + name), name)
                    .channel(Channel.ACC)
                    .orElseThrow()
                    .values();
            for (int trial = 0; trial < 200; trial++) {
                int samples =
                        trial % 50 == 0 ? acc.length / 3 : trial % 9 == 0 ? random.nextInt(4) : random.nextInt(8000);
                int from = 3 * random.nextInt(acc.length / 3 - samples + 1);
                double[] part = Arrays.copyOfRange(acc, from, from + 3 * samples);
                double[] kept = EdaMotionDetector.magnitudeScratch(EdaMotionDetector.KEPT_MAX);
                for (int i = 0; i < kept.length; i++) {
                    kept[i] = random.nextBoolean() ? Double.NaN : random.nextGaussian() * 100;
                }
                double start = 1.7e12 + 31.25 * from / 3;
                double[] expected = reference(part, 32, start, jerkGPerS());
                assertArrayEquals(expected, DETECTOR.jerkBurstMillis(part, 32, start), 0.0, name + " " + from);
                jerks += expected.length;
            }
        }
        assertTrue(jerks > 1000, jerks + " jerks");
    }

    private static double jerkGPerS() {
        return EdaMotionDetector.DEFAULT_JERK_G_PER_S;
    }
}
