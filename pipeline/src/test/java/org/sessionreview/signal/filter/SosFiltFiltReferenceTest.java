package org.sessionreview.signal.filter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sessionreview.ingest.e4.E4Reader;
import org.sessionreview.model.Channel;
import org.sessionreview.signal.cardiac.PpgClean;
import org.sessionreview.testing.SharedData;

/** The in-place {@link Sos#filtFilt} against the code it replaced, bit for bit. */
class SosFiltFiltReferenceTest {
    private static final Sos[] FILTERS = {
        Butterworth.bandPass(3, 0.5, 8, 64), // PpgClean's: three sections
        Butterworth.lowPass(4, 1, 4), // EDA's: other section counts
        Butterworth.highPass(2, 0.05, 4),
        Butterworth.lowPass(5, 5, 32),
    };

    @Test
    void shouldGiveTheReferenceBitsWhenFilteringGeneratedSignalsWithAnyPadding() {
        Random random = new Random(5);
        for (Sos sos : FILTERS) {
            for (int trial = 0; trial < 40; trial++) {
                double[] x = new double[sos.padLength() + 1 + random.nextInt(3000)];
                for (int i = 0; i < x.length; i++) {
                    x[i] = Math.sin(i * 0.05) * 100 + random.nextGaussian() * (trial % 4 == 0 ? 1e-3 : 30);
                }
                assertBits(SosFiltFiltReference.filtFilt(sos, x, sos.padLength()), sos.filtFilt(x), "default pad");
                int pad = random.nextInt(x.length);
                assertBits(SosFiltFiltReference.filtFilt(sos, x, pad), sos.filtFilt(x, pad), "pad " + pad);
            }
        }
    }

    @Test
    void shouldGiveTheReferenceBitsWhenFilteringARangeOfRealBvpIntoPlace() throws IOException {
        double[] bvp = E4Reader.read(SharedData.resolve("e4/stress-predict-S03"), "S03")
                .channel(Channel.BVP)
                .orElseThrow()
                .values();
        Sos sos = PpgClean.filter(64);
        Random random = new Random(8);
        for (int trial = 0; trial < 30; trial++) {
            int from = random.nextInt(bvp.length - 9000);
            int to = from + sos.padLength() + 1 + random.nextInt(8448);
            double[] out = new double[bvp.length];
            Arrays.fill(out, Double.NaN);
            sos.filtFilt(bvp, from, to, out);
            double[] expected = SosFiltFiltReference.filtFilt(sos, Arrays.copyOfRange(bvp, from, to), sos.padLength());
            assertBits(expected, Arrays.copyOfRange(out, from, to), "range " + from + ".." + to);
            assertEquals(
                    true, Double.isNaN(out[from - 1]) && (to == out.length || Double.isNaN(out[to])), "only the range");
        }
    }

    @Test
    void shouldGiveTheReferenceBitsWhateverTheKeptExtensionHeld() {
        // the extension goes into an array kept per thread since 2026-12-06: spoiled before each
        // call, short and long inputs interleaved, some longer than what is kept
        Random random = new Random(11);
        for (int trial = 0; trial < 200; trial++) {
            Sos sos = FILTERS[trial % FILTERS.length];
            int length =
                    trial % 25 == 0 ? Sos.KEPT_MAX + random.nextInt(20) : sos.padLength() + 1 + random.nextInt(9000);
            double[] x = new double[length];
            for (int i = 0; i < x.length; i++) {
                x[i] = Math.cos(i * 0.01) * 50 + random.nextGaussian() * 20;
            }
            SosScratch.spoil(random);
            int pad = trial % 3 == 0 ? random.nextInt(length) : sos.padLength();
            assertBits(SosFiltFiltReference.filtFilt(sos, x, pad), sos.filtFilt(x, pad), "trial " + trial);
        }
    }

    private static void assertBits(double[] expected, double[] actual, String what) {
        assertArrayEquals(bits(expected), bits(actual), what);
    }

    private static long[] bits(double[] v) {
        return Arrays.stream(v).mapToLong(Double::doubleToRawLongBits).toArray();
    }
}
