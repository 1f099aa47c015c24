package org.sessionreview.signal.filter;

import java.util.Arrays;

/**
 * {@link Sos#filtFilt(double[], int)} as it was before it filtered in place (commit 265aab9:
 * extension, forward output, reversed copy, backward output, reversed, cut), kept as the
 * reference it must match bit for bit.
 */
public final class SosFiltFiltReference {
    private SosFiltFiltReference() {}

    /** {@code scipy.signal.sosfiltfilt(sos, x, padlen=padLength)} by the replaced code. */
    public static double[] filtFilt(Sos sos, double[] x, int padLength) {
        int edge = padLength;
        if (edge < 0 || x.length <= edge) {
            throw new IllegalArgumentException("too short");
        }
        double[] ext = Sos.oddExtension(x, edge);
        double[] zi = sos.steadyState();
        double[] forward = sos.filterCausal(ext, scaled(zi, ext[0]));
        reverse(forward);
        double[] backward = sos.filterCausal(forward, scaled(zi, forward[0]));
        reverse(backward);
        return Arrays.copyOfRange(backward, edge, edge + x.length);
    }

    private static double[] scaled(double[] v, double factor) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] * factor;
        }
        return out;
    }

    private static void reverse(double[] v) {
        for (int i = 0, j = v.length - 1; i < j; i++, j--) {
            double t = v[i];
            v[i] = v[j];
            v[j] = t;
        }
    }
}
