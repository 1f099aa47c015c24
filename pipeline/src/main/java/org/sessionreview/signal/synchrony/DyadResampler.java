package org.sessionreview.signal.synchrony;

import org.sessionreview.config.SynchronyConfig;

/**
 * Brings two wearers' recordings of one signal to a common rate and start, as the synchrony steps
 * need ({@link DyadSeries}). Two devices rarely start in the same instant, and the signal may come
 * at another rate than the analysis wants (E4 EDA is 4 Hz, motion energy 25 Hz). Sample i of a
 * recording is taken to lie at {@code startS + i / rateHz}.
 *
 * <ul>
 *   <li><b>Downsampling</b> (target rate below the source): each output sample is the mean of the
 *       valid source samples in its bin {@code [t - 0.5 / target, t + 0.5 / target)}, a boxcar
 *       that also suppresses aliasing; NaN when fewer than {@link
 *       SynchronyConfig#alignMinValidShare()} of the bin's samples are valid (samples outside the
 *       recording count as invalid).
 *   <li><b>Same rate or upsampling</b>: linear interpolation between the two neighbouring samples;
 *       NaN when either is masked or the time is outside the recording.
 * </ul>
 *
 * <p>Masked (NaN) samples are never bridged (DOMAIN.md 4.0). Heart rate from beats is not a
 * uniformly sampled series: interpolating it to the common rate belongs to the cardiac steps.
 */
public final class DyadResampler {
    private static final double EPS = 1e-9;

    private DyadResampler() {}

    /**
     * Both recordings on the overlap of their time spans, at {@link SynchronyConfig#alignRateHz()}
     * (default 4 Hz). The common start is the later of the two starts; the common end the earlier
     * of the two ends.
     */
    public static DyadSeries align(
            double[] client,
            double clientRateHz,
            double clientStartS,
            double[] therapist,
            double therapistRateHz,
            double therapistStartS,
            SynchronyConfig cfg) {
        double rate = cfg.alignRateHz();
        double start = Math.max(clientStartS, therapistStartS);
        double end = Math.min(
                clientStartS + client.length / clientRateHz, therapistStartS + therapist.length / therapistRateHz);
        int length = Math.max(0, (int) Math.floor((end - start) * rate + EPS));
        return new DyadSeries(
                resample(client, clientRateHz, clientStartS, rate, start, length, cfg.alignMinValidShare()),
                resample(therapist, therapistRateHz, therapistStartS, rate, start, length, cfg.alignMinValidShare()),
                rate,
                start);
    }

    /**
     * One recording on a new grid {@code targetStartS + i / targetRateHz}, i = 0..targetLength-1.
     *
     * @param x source samples, NaN = masked
     * @param rateHz source rate, Hz
     * @param startS time of source sample 0, seconds
     * @param targetRateHz output rate, Hz
     * @param targetStartS time of output sample 0, seconds
     * @param targetLength output samples
     * @param minValidShare share (0..1] of valid samples a downsampling bin needs
     * @return a new array of {@code targetLength} samples
     */
    public static double[] resample(
            double[] x,
            double rateHz,
            double startS,
            double targetRateHz,
            double targetStartS,
            int targetLength,
            double minValidShare) {
        if (!(rateHz > 0) || !(targetRateHz > 0) || targetLength < 0) {
            throw new IllegalArgumentException("rates must be positive and the length >= 0");
        }
        double[] out = new double[targetLength];
        boolean down = targetRateHz < rateHz - EPS;
        for (int i = 0; i < targetLength; i++) {
            double t = targetStartS + i / targetRateHz;
            out[i] = down
                    ? binMean(x, rateHz, startS, t - 0.5 / targetRateHz, t + 0.5 / targetRateHz, minValidShare)
                    : interpolate(x, (t - startS) * rateHz);
        }
        return out;
    }

    private static double binMean(
            double[] x, double rateHz, double startS, double fromS, double toS, double minValidShare) {
        long lo = (long) Math.ceil((fromS - startS) * rateHz - EPS);
        long hi = (long) Math.ceil((toS - startS) * rateHz - EPS);
        long expected = hi - lo;
        double sum = 0;
        int valid = 0;
        for (long j = Math.max(0, lo); j < Math.min(x.length, hi); j++) {
            if (Double.isFinite(x[(int) j])) {
                sum += x[(int) j];
                valid++;
            }
        }
        return expected > 0 && valid > 0 && valid >= minValidShare * expected ? sum / valid : Double.NaN;
    }

    private static double interpolate(double[] x, double position) {
        if (position < -EPS || position > x.length - 1 + EPS) {
            return Double.NaN;
        }
        int j = (int) Math.floor(position + EPS);
        double frac = position - j;
        if (j >= x.length - 1 || frac < EPS) {
            return finiteOrNaN(x[Math.min(j, x.length - 1)]);
        }
        return finiteOrNaN(x[j] + frac * (x[j + 1] - x[j]));
    }

    private static double finiteOrNaN(double v) {
        return Double.isFinite(v) ? v : Double.NaN;
    }
}
