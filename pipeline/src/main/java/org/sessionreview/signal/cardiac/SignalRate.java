package org.sessionreview.signal.cardiac;

/**
 * Instantaneous heart rate interpolated over every sample, as NeuroKit2's {@code signal_rate}
 * with its default {@code interpolation_method="monotone_cubic"}: the period before each peak
 * (the first peak gets the mean of the others) is interpolated with PCHIP ({@link
 * MonotoneCubic}) at every sample index, held constant before the first and after the last
 * peak, and the rate is {@code 60 / period}.
 *
 * <p>NeuroKit2's "mean heart rate" of a recording is the mean of this vector: a time-weighted
 * mean of the interpolated rate, which differs from {@code 60 / mean(NN)} by a few tenths of a
 * bpm. Use it only to compare with NeuroKit2; {@link HrvTimeDomain#compute} gives the
 * conventional mean HR.
 *
 * <p>Reference: Makowski, D. et al. (2021), NeuroKit2: A Python toolbox for neurophysiological
 * signal processing, Behavior Research Methods 53, 1689-1696.
 */
public final class SignalRate {
    private SignalRate() {}

    /**
     * Heart rate at each sample, beats per minute.
     *
     * @param peaks peak sample indices, increasing, at least 4 (NeuroKit2 returns NaN below)
     * @param rateHz sampling rate of the signal the peaks came from, Hz
     * @param desiredLength number of samples to return (the signal length), > last peak
     * @return the rate per sample; all NaN with 3 or fewer peaks
     */
    public static double[] rate(int[] peaks, double rateHz, int desiredLength) {
        double[] out = new double[desiredLength];
        if (peaks.length <= 3) {
            java.util.Arrays.fill(out, Double.NaN);
            return out;
        }
        if (desiredLength <= peaks[peaks.length - 1]) {
            throw new IllegalArgumentException(
                    "desiredLength " + desiredLength + " must exceed the last peak index " + peaks[peaks.length - 1]);
        }
        int n = peaks.length;
        double[] x = new double[n];
        double[] period = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            x[i] = peaks[i];
            if (i > 0) {
                period[i] = (peaks[i] - peaks[i - 1]) / rateHz;
                sum += period[i];
            }
        }
        period[0] = sum / (n - 1);
        MonotoneCubic interpolation = new MonotoneCubic(x, period);
        for (int s = 0; s < desiredLength; s++) {
            out[s] = 60.0 / interpolation.value(s);
        }
        return out;
    }

    /** Mean of {@link #rate}, beats per minute: NeuroKit2's mean heart rate. */
    public static double meanRate(int[] peaks, double rateHz, int desiredLength) {
        double[] r = rate(peaks, rateHz, desiredLength);
        double sum = 0;
        for (double v : r) {
            sum += v;
        }
        return sum / r.length;
    }
}
