package org.sessionreview.signal.cardiac;

/**
 * Centred moving average, as scipy's {@code ndimage.uniform_filter1d(x, size, mode="nearest")}
 * (NeuroKit2's {@code signal_smooth(kernel="boxcar")}): output {@code i} is the mean of {@code
 * x[i - size/2 .. i + size - size/2 - 1]} (integer division, so an even window reaches one
 * sample further back than forward), with the edge samples repeated beyond the ends. The sum is
 * updated incrementally in the same order as scipy's, so thresholds compare identically.
 */
final class Boxcar {
    private Boxcar() {}

    /**
     * @param x samples (finite)
     * @param size window length, samples, >= 1
     */
    static double[] smooth(double[] x, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("window must be >= 1 sample, got " + size);
        }
        int n = x.length;
        double[] out = new double[n];
        if (n == 0) {
            return out;
        }
        int before = size / 2;
        double tmp = 0;
        for (int k = 0; k < size; k++) {
            tmp += at(x, k - before);
        }
        tmp /= size;
        out[0] = tmp;
        // the samples entering and leaving are x[i + size - 1 - before] and x[i - 1 - before];
        // between the edges neither index needs clamping (the same values, so the same sums)
        int interiorFrom = Math.max(1, before + 1);
        int interiorTo = Math.min(n, n - size + 1 + before); // may be below interiorFrom: no interior
        int i = 1;
        for (; i < Math.min(interiorFrom, n); i++) {
            tmp += (at(x, i + size - 1 - before) - at(x, i - 1 - before)) / size;
            out[i] = tmp;
        }
        int lead = size - 1 - before;
        int lag = -1 - before;
        for (; i < interiorTo; i++) {
            tmp += (x[i + lead] - x[i + lag]) / size;
            out[i] = tmp;
        }
        for (; i < n; i++) {
            tmp += (at(x, i + size - 1 - before) - at(x, i - 1 - before)) / size;
            out[i] = tmp;
        }
        return out;
    }

    /**
     * {@link #smooth}'s outputs one at a time, in order, without the output array: {@link #next()}
     * gives output 0, 1, 2, ... by the same operations in the same order, so the same bits.
     */
    static final class Running {
        private final double[] x;
        private final int n;
        private final int size;
        private final int before;
        private final int interiorFrom;
        private final int interiorTo;
        private double tmp;
        private int i = -1;

        /**
         * @param x samples (finite), at least one
         * @param size window length, samples, >= 1
         */
        Running(double[] x, int size) {
            this(x, x.length, size);
        }

        /**
         * Over {@code x[0, n)} only, as over a copy of it: {@code x} may be longer (a kept array).
         *
         * @param n samples, at least one, at most {@code x.length}
         */
        Running(double[] x, int n, int size) {
            if (size < 1) {
                throw new IllegalArgumentException("window must be >= 1 sample, got " + size);
            }
            this.x = x;
            this.n = n;
            this.size = size;
            this.before = size / 2;
            this.interiorFrom = Math.max(1, before + 1);
            this.interiorTo = Math.min(n, n - size + 1 + before);
        }

        /** The next output ({@code smooth(x, size)[i]} for the i-th call, from 0). */
        double next() {
            i++;
            if (i == 0) {
                for (int k = 0; k < size; k++) {
                    tmp += at(x, n, k - before);
                }
                tmp /= size;
            } else if (i >= interiorFrom && i < interiorTo) {
                tmp += (x[i + size - 1 - before] - x[i - 1 - before]) / size;
            } else {
                tmp += (at(x, n, i + size - 1 - before) - at(x, n, i - 1 - before)) / size;
            }
            return tmp;
        }
    }

    private static double at(double[] x, int i) {
        return at(x, x.length, i);
    }

    /** {@code x[i]} with {@code i} clamped to {@code [0, n)}. */
    private static double at(double[] x, int n, int i) {
        return x[Math.max(0, Math.min(n - 1, i))];
    }
}
