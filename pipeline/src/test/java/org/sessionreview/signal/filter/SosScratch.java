package org.sessionreview.signal.filter;

import java.util.Random;

/** For tests in other packages: fills this thread's kept extension array of {@link Sos#filtFilt} with garbage. */
public final class SosScratch {
    private SosScratch() {}

    /** Every element of the kept array (grown to its largest) set to NaN, an infinity or a random value. */
    public static void spoil(Random random) {
        double[] a = Sos.extensionScratch(Sos.KEPT_MAX);
        for (int i = 0; i < a.length; i++) {
            int kind = random.nextInt(4);
            a[i] = kind == 0 ? Double.NaN : kind == 1 ? Double.POSITIVE_INFINITY : random.nextGaussian() * 1e6;
        }
    }
}
