package org.sessionreview.signal.synchrony;

/**
 * One wearer's stretch of samples (a segment or a window) prepared once for {@link
 * LaggedCorrelation}, so that every lag and every pairing that uses it reads its sums instead of
 * recomputing them: the samples minus their mean (Pearson's r does not change under a shift, and
 * centring keeps the running sums below from cancelling on signals with a large level, such as
 * skin temperature), and, when no sample is masked, running sums of those values and of their
 * squares and the end of each run of equal samples. With these, the sum, the sum of squares and
 * whether the samples are all equal are O(1) for any sub-range.
 *
 * <p>Building one costs O(length). The source array is read, never copied or changed.
 */
final class Stretch {
    private final double[] source;
    private final int from;
    private final int length;
    private final double[] centred;
    private final boolean complete;
    private final double[] sum;
    private final double[] sumSq;
    private final int[] runEnd;

    private Stretch(double[] source, int from, int length) {
        this.source = source;
        this.from = from;
        this.length = length;
        double total = 0;
        int valid = 0;
        for (int t = 0; t < length; t++) {
            double v = source[from + t];
            if (Double.isFinite(v)) {
                total += v;
                valid++;
            }
        }
        double shift = valid == 0 ? 0 : total / valid;
        this.centred = new double[length];
        for (int t = 0; t < length; t++) {
            double v = source[from + t];
            centred[t] = Double.isFinite(v) ? v - shift : Double.NaN;
        }
        this.complete = valid == length;
        this.sum = complete ? new double[length + 1] : null;
        this.sumSq = complete ? new double[length + 1] : null;
        this.runEnd = complete ? new int[length] : null;
        if (complete) {
            for (int t = 0; t < length; t++) {
                sum[t + 1] = sum[t] + centred[t];
                sumSq[t + 1] = sumSq[t] + centred[t] * centred[t];
            }
            for (int t = length - 1; t >= 0; t--) {
                runEnd[t] = t + 1 < length && source[from + t + 1] == source[from + t] ? runEnd[t + 1] : t + 1;
            }
        }
    }

    /**
     * The stretch {@code x[from, from + length)}; a non-finite sample counts as masked.
     *
     * @throws IllegalArgumentException when the stretch does not fit in {@code x}
     */
    static Stretch of(double[] x, int from, int length) {
        if (from < 0 || length < 0 || from + length > x.length) {
            throw new IllegalArgumentException(
                    "stretch [" + from + ", " + (from + length) + ") outside an array of " + x.length + " samples");
        }
        return new Stretch(x, from, length);
    }

    /** The array the stretch reads. */
    double[] source() {
        return source;
    }

    /** Index of the stretch's first sample in {@link #source()}. */
    int from() {
        return from;
    }

    /** Samples in the stretch. */
    int length() {
        return length;
    }

    /** Whether no sample is masked; only then are the range sums below available. */
    boolean complete() {
        return complete;
    }

    /** Sample t (0-based within the stretch) as given; not finite when masked. */
    double raw(int t) {
        return source[from + t];
    }

    /** Sample t minus the stretch's mean; NaN when masked. */
    double centred(int t) {
        return centred[t];
    }

    /** The centred samples (NaN = masked), shared: callers must not change them. */
    double[] centred() {
        return centred;
    }

    /** Sum of the centred samples t in [a, b) (complete stretches only). */
    double sum(int a, int b) {
        return sum[b] - sum[a];
    }

    /** Sum of the squared centred samples t in [a, b) (complete stretches only). */
    double sumSq(int a, int b) {
        return sumSq[b] - sumSq[a];
    }

    /** Whether the samples t in [a, b), b &gt; a, are all equal (complete stretches only). */
    boolean constant(int a, int b) {
        return runEnd[a] >= b;
    }
}
