package org.sessionreview.signal.cardiac;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sessionreview.ingest.e4.E4Reader;
import org.sessionreview.model.Channel;
import org.sessionreview.signal.filter.SosScratch;
import org.sessionreview.testing.SharedData;

/**
 * The pulse-wave beat detection with its scratch arrays kept per thread (the squared samples of
 * {@link ElgendiPeaks#find}, the odd extension of {@code Sos.filtFilt}; each run searched in
 * place instead of in a copy) against the code that allocated them ({@link BvpBeatsReference},
 * {@link ElgendiPeaksReference}, {@code SosFiltFiltReference}): the same peaks, and beats equal
 * with their doubles compared by value bits, on real BVP in the pipeline's 60 s cores with 36 s
 * margins and with masked stretches, whatever the kept arrays held before (filled with NaN,
 * infinities and random values between calls), with long and short inputs interleaved and with
 * inputs longer than what is kept.
 */
class CoreScratchReferenceTest {
    private static final double RATE_HZ = 64;

    @Test
    void shouldFindTheReferencePeaksInAnyRangeWhateverTheKeptArrayHeld() throws IOException {
        Random random = new Random(12);
        ElgendiPeaks.Config[] configs = {
            ElgendiPeaks.Config.NEUROKIT2, ElgendiPeaks.Config.NEUROKIT2.withOffsetWindowS(8)
        };
        int peaks = 0;
        for (String name : new String[] {"msr2023", "stress-predict-S02"}) {
            double[] bvp = bvp(name);
            double[] clean = PpgClean.clean(Arrays.copyOfRange(bvp, 0, Math.min(bvp.length, 200_000)), RATE_HZ);
            for (int trial = 0; trial < 300; trial++) {
                int length = trial % 10 == 0 ? random.nextInt(6) : trial % 7 == 0 ? 70_000 : random.nextInt(12_000);
                int from = random.nextInt(clean.length - length);
                spoil(random);
                ElgendiPeaks.Config config = configs[trial % 2];
                int[] expected =
                        ElgendiPeaksReference.find(Arrays.copyOfRange(clean, from, from + length), RATE_HZ, config);
                assertArrayEquals(
                        expected,
                        ElgendiPeaks.find(clean, from, from + length, RATE_HZ, config),
                        name + " [" + from + ", " + (from + length) + ")");
                peaks += expected.length;
            }
        }
        assertTrue(peaks > 20_000, "peaks " + peaks);
    }

    @Test
    void shouldDetectTheReferenceBeatsInRealCoresWhateverTheKeptArraysHeld() throws IOException {
        Random random = new Random(6);
        int core = (int) (60 * RATE_HZ);
        int margin = (int) Math.ceil(BvpBeats.Config.DEFAULT.marginSeconds() * RATE_HZ);
        int beats = 0;
        int masked = 0;
        for (String name : new String[] {"stress-predict-S03", "stress-predict-S07", "flirt-truncated"}) {
            double[] x = bvp(name).clone();
            // contact losses of 0.1-20 s, so runs of every length, short ones left NaN
            for (int cut = 0; cut < x.length / 20_000; cut++) {
                int at = random.nextInt(x.length);
                Arrays.fill(x, at, Math.min(x.length, at + 6 + random.nextInt(1280)), Double.NaN);
            }
            int limit = Math.min(x.length, 40 * core); // 40 cores of each recording
            for (int from = 0; from < limit; from += core) {
                int bufFrom = Math.max(0, from - margin);
                int bufTo = Math.min(x.length, from + core + margin);
                double[] buffer = Arrays.copyOfRange(x, bufFrom, bufTo);
                int coreFrom = from - bufFrom;
                int coreTo = Math.min(bufTo, from + core) - bufFrom;
                List<Beat> expected =
                        BvpBeatsReference.detect(buffer, RATE_HZ, coreFrom, coreTo, BvpBeats.Config.DEFAULT);
                spoil(random);
                List<Beat> actual = BvpBeats.detect(buffer, RATE_HZ, coreFrom, coreTo, BvpBeats.Config.DEFAULT);
                assertEquals(bits(expected), bits(actual), name + ", core at " + from);
                beats += expected.size();
                masked += (int) expected.stream()
                        .filter(b -> b.rejectReason() == RejectReason.MASKED)
                        .count();
                if (from % (5 * core) == 0) {
                    // a long input between two cores: the kept arrays are not grown past their bound
                    spoil(random);
                    double[] whole = Arrays.copyOfRange(x, 0, Math.min(x.length, 90_000));
                    assertEquals(
                            bits(BvpBeatsReference.detect(whole, RATE_HZ, 0, whole.length, BvpBeats.Config.DEFAULT)),
                            bits(BvpBeats.detect(whole, RATE_HZ, 0, whole.length, BvpBeats.Config.DEFAULT)),
                            name + " whole");
                }
            }
        }
        System.out.println("[CoreScratchReferenceTest] " + beats + " beats equal, " + masked + " masked");
        assertTrue(beats > 5_000 && masked > 20, beats + " beats, " + masked + " masked");
    }

    private static double[] bvp(String name) throws IOException {
        return E4Reader.read(SharedData.resolve("e4/" + name), name)
                .channel(Channel.BVP)
                .orElseThrow()
                .values();
    }

    /** The kept arrays of this thread filled with NaN, infinities and random values. */
    private static void spoil(Random random) {
        SosScratch.spoil(random);
        double[] a = ElgendiPeaks.squaredScratch(ElgendiPeaks.KEPT_MAX);
        for (int i = 0; i < a.length; i++) {
            a[i] = random.nextInt(3) == 0 ? Double.NaN : random.nextGaussian() * 1e9;
        }
    }

    /** Each beat as its time and interval bits, source, acceptance and reason. */
    private static List<String> bits(List<Beat> beats) {
        List<String> out = new ArrayList<>();
        for (Beat b : beats) {
            out.add(Long.toHexString(Double.doubleToRawLongBits(b.tMillis()))
                    + " " + Long.toHexString(Double.doubleToRawLongBits(b.ibiMs()))
                    + " " + Long.toHexString(Double.doubleToRawLongBits(b.startMillis()))
                    + " " + b.source() + " " + b.accepted() + " " + b.rejectReason());
        }
        return out;
    }
}
