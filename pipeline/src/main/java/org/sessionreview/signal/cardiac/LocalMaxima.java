package org.sessionreview.signal.cardiac;

/**
 * Local maxima and their topographic prominence, as scipy's {@code signal.find_peaks(x,
 * prominence=(None, None))}: a maximum is a sample (or the middle of a flat top, rounded down)
 * higher than both neighbours, never the first or last sample; its prominence is its height
 * above the higher of the two lowest points reached on each side before a higher sample or the
 * end of the range.
 */
final class LocalMaxima {
    private LocalMaxima() {}

    /**
     * Index of the most prominent local maximum of {@code x[from, to)}, the first one on ties;
     * -1 when the range has none.
     */
    static int mostProminent(double[] x, int from, int to) {
        int best = -1;
        double bestProminence = Double.NEGATIVE_INFINITY;
        int i = from + 1;
        int last = to - 1;
        while (i < last) {
            if (x[i - 1] < x[i]) {
                int ahead = i + 1;
                while (ahead < last && x[ahead] == x[i]) {
                    ahead++;
                }
                if (x[ahead] < x[i]) {
                    int peak = (i + ahead - 1) / 2;
                    double p = prominence(x, from, to, peak);
                    if (p > bestProminence) {
                        bestProminence = p;
                        best = peak;
                    }
                    i = ahead;
                }
            }
            i++;
        }
        return best;
    }

    private static double prominence(double[] x, int from, int to, int peak) {
        double height = x[peak];
        double leftMin = height;
        for (int i = peak; i >= from && x[i] <= height; i--) {
            leftMin = Math.min(leftMin, x[i]);
        }
        double rightMin = height;
        for (int i = peak; i < to && x[i] <= height; i++) {
            rightMin = Math.min(rightMin, x[i]);
        }
        return height - Math.max(leftMin, rightMin);
    }
}
