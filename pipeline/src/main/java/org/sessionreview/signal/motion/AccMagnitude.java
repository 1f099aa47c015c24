package org.sessionreview.signal.motion;

/**
 * Vector magnitude of a 3-axis accelerometer, in g. At rest it is about 1 g (gravity) whatever
 * the wrist's orientation, so changes in it reflect movement, not posture.
 */
public final class AccMagnitude {
    /** Empatica E4 ACC counts per g (range +-2 g, unit 1/64 g). */
    public static final double E4_COUNTS_PER_G = 64.0;

    private AccMagnitude() {}

    /**
     * Per-sample magnitude {@code sqrt(x^2 + y^2 + z^2) / countsPerG}.
     *
     * @param xyz samples interleaved x, y, z (NaN marks missing)
     * @param countsPerG raw units per g (64 for the E4)
     * @return one magnitude per sample, g; NaN where any axis is NaN
     */
    public static double[] magnitudeG(double[] xyz, double countsPerG) {
        return magnitudeG(xyz, countsPerG, new double[xyz.length / 3]);
    }

    /**
     * As {@link #magnitudeG(double[], double)}, written into {@code m} (one value per sample of
     * {@code xyz}, every one overwritten).
     *
     * @return {@code m}
     */
    public static double[] magnitudeG(double[] xyz, double countsPerG, double[] m) {
        if (m.length != xyz.length / 3) {
            throw new IllegalArgumentException("need " + xyz.length / 3 + " magnitudes, not " + m.length);
        }
        return magnitudeG(xyz, m.length, countsPerG, m);
    }

    /**
     * As {@link #magnitudeG(double[], double)} for the first {@code count} samples of {@code
     * xyz}, written into {@code m[0, count)} ({@code m} may be longer: a kept array; the rest is
     * left as it was).
     *
     * @return {@code m}
     */
    public static double[] magnitudeG(double[] xyz, int count, double countsPerG, double[] m) {
        if (count < 0 || count > xyz.length / 3 || count > m.length) {
            throw new IllegalArgumentException(
                    count + " magnitudes from " + xyz.length / 3 + " samples into " + m.length);
        }
        return magnitudeG(xyz, 0, count, countsPerG, m, 0);
    }

    /**
     * As {@link #magnitudeG(double[], double)} for samples {@code [from, from + count)} of {@code
     * xyz}, written into {@code m[to, to + count)} (the rest of {@code m} is left as it was): the
     * same expression per sample, so the same bits wherever a sample lies.
     *
     * @param from first sample index of {@code xyz} (a sample is three values)
     * @param count number of samples
     * @param to first index of {@code m} written
     * @return {@code m}, magnitudes in g
     */
    public static double[] magnitudeG(double[] xyz, int from, int count, double countsPerG, double[] m, int to) {
        if (from < 0 || count < 0 || to < 0 || from + count > xyz.length / 3 || to + count > m.length) {
            throw new IllegalArgumentException("samples [" + from + ", " + (from + count) + ") of " + xyz.length / 3
                    + " into [" + to + ", " + (to + count) + ") of " + m.length);
        }
        double inverse = 1.0 / countsPerG;
        if (isExactInverse(countsPerG, inverse)) {
            // dividing by a power of two and multiplying by its inverse, also a power of two, both
            // round the same real value once: bit for bit the same, without a division per sample
            for (int i = 0; i < count; i++) {
                double x = xyz[3 * (from + i)];
                double y = xyz[3 * (from + i) + 1];
                double z = xyz[3 * (from + i) + 2];
                m[to + i] = Math.sqrt(x * x + y * y + z * z) * inverse;
            }
            return m;
        }
        for (int i = 0; i < count; i++) {
            double x = xyz[3 * (from + i)];
            double y = xyz[3 * (from + i) + 1];
            double z = xyz[3 * (from + i) + 2];
            m[to + i] = Math.sqrt(x * x + y * y + z * z) / countsPerG;
        }
        return m;
    }

    /**
     * True when {@code countsPerG} is a power of two whose {@code inverse} is a normal power of two
     * (the E4's 64): then {@code v / countsPerG == v * inverse} for every {@code v}.
     */
    static boolean isExactInverse(double countsPerG, double inverse) {
        return countsPerG == Math.scalb(1.0, Math.getExponent(countsPerG))
                && inverse == Math.scalb(1.0, Math.getExponent(inverse))
                && Math.getExponent(inverse) >= Double.MIN_EXPONENT
                && Math.getExponent(countsPerG) <= Double.MAX_EXPONENT - 1;
    }
}
