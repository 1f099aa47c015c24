package org.sessionreview.features;

import java.util.Arrays;
import org.sessionreview.config.FeatureConfig;
import org.sessionreview.signal.SelectMedian;
import org.sessionreview.signal.motion.AccMagnitude;
import org.sessionreview.signal.motion.FidgetFrameCache;
import org.sessionreview.signal.motion.FidgetSpectrum;
import org.sessionreview.signal.motion.GrossMovement;
import org.sessionreview.signal.motion.MedianBlocks;
import org.sessionreview.signal.motion.SegmentCache;

/**
 * Motion features of one window from the E4 accelerometer (32 Hz, 1/64 g), on the vector
 * magnitude {@code |a|} in g ({@link AccMagnitude}).
 *
 * <ul>
 *   <li>quality = samples with all three axes present / samples the window should hold;
 *   <li>{@code motionMagG} = mean absolute deviation of {@code |a|} from its window median, g: a
 *       robust gross-movement level, about 0 at rest, independent of orientation;
 *   <li>{@code fidgetPower} = power of {@code |a|} in the fidget band ({@code fidgetBandLowHz ..
 *       fidgetBandHighHz}, default 2-6 Hz), g^2: the mean over {@code fftFrameSeconds} Hann frames
 *       (50 % overlap, frame mean removed) of the band's share of the variance (Welch's method, as
 *       {@link org.sessionreview.signal.BandPower}, from the frames of {@link FidgetSpectrum}, which
 *       also give the dominant frequency); a tapping rhythm of amplitude {@code A} g in the band gives {@code A^2 / 2}.
 *       Frames holding a missing sample are skipped; null when no whole frame is left, and with
 *       the dominant frequency null when the band's top is not below half the sampling rate
 *       (an accelerometer at 12 Hz or less for the default band).
 *   <li>{@code grossMovementS} = seconds of the window, counted in whole 1 s segments, in which
 *       the mean amplitude deviation of {@code |a|} (g, {@link GrossMovement#magnitudeMadG})
 *       reaches {@code grossMovementG} (default {@value GrossMovement#DEFAULT_THRESHOLD_G} g):
 *       walking and other exertion, which raise EDA and heart rate (DOMAIN.md 4.0). Turning the
 *       wrist (gestures, typing) keeps {@code |a|} and tapping of a few hundredths of a g stays
 *       below it.
 * </ul>
 * Both are null when quality is below {@code minQuality}.
 *
 * <p>References: Bouten et al. (1997), A triaxial accelerometer and portable data processing unit
 * for the assessment of daily physical activity, IEEE TBME 44(3), 136-147 (vector magnitude);
 * Welch (1967), IEEE Trans. Audio Electroacoustics 15(2), 70-73.
 */
public final class MotionFeatures {
    private MotionFeatures() {}

    /**
     * @param quality valid fraction, 0..1
     * @param motionMagG mean absolute deviation of |a| from its median, g; null below quality
     * @param fidgetPower band power of |a|, g^2; null below quality or without a whole frame
     * @param fidgetFreqHz dominant frequency in the fidget band ({@link FidgetSpectrum}), Hz; null
     *     without a fidget power or below the spectrum's power floor
     */
    public record Result(
            double quality, Double motionMagG, Double fidgetPower, Double fidgetFreqHz, double grossMovementS) {}

    /**
     * Computes the window's motion features.
     *
     * @param acc ACC (x, y, z in 1/64 g) inside the window (may be empty)
     * @param startMillis window start, epoch ms
     * @param endMillis window end (exclusive), epoch ms
     */
    public static Result compute(RegularSeries acc, double startMillis, double endMillis, FeatureConfig config) {
        return compute(acc, startMillis, endMillis, config, null);
    }

    /**
     * As {@link #compute(RegularSeries, double, double, FeatureConfig)}, with the fidget spectrum's
     * frames shared with the stream's earlier windows (the same result, bit for bit).
     *
     * @param frames the stream's transformed frames; null transforms every frame afresh
     */
    static Result compute(
            RegularSeries acc, double startMillis, double endMillis, FeatureConfig config, FidgetFrameCache frames) {
        return compute(acc, null, startMillis, endMillis, config, frames);
    }

    /**
     * As {@link #compute(RegularSeries, double, double, FeatureConfig, FidgetFrameCache)}, with
     * {@code |a|} already computed ({@link ChannelBuffer#regular(double, double, GridScratch,
     * GridScratch)}); read-only here.
     *
     * @param magnitudeG {@code |a|} of each sample of {@code acc}, g, as {@link AccMagnitude#magnitudeG}
     *     gives it from {@code acc}'s values; null computes it
     */
    static Result compute(
            RegularSeries acc,
            double[] magnitudeG,
            double startMillis,
            double endMillis,
            FeatureConfig config,
            FidgetFrameCache frames) {
        if (acc.length() == 0) {
            return new Result(0, null, null, null, 0);
        }
        int from = acc.indexAtOrAfter(startMillis);
        int to = acc.indexAtOrAfter(endMillis);
        // the window's own series (the usual case) is used as it is; read-only below
        double[] xyz = from == 0 && to * 3 == acc.values().length
                ? acc.values()
                : Arrays.copyOfRange(acc.values(), from * 3, to * 3);
        // |a| once, for the median deviation here and for the spectrum's frames
        double[] magnitude;
        if (magnitudeG == null) {
            magnitude = AccMagnitude.magnitudeG(xyz, AccMagnitude.E4_COUNTS_PER_G);
        } else if (magnitudeG.length != acc.length()) {
            throw new IllegalArgumentException(magnitudeG.length + " magnitudes for " + acc.length() + " samples");
        } else {
            magnitude = xyz == acc.values() ? magnitudeG : Arrays.copyOfRange(magnitudeG, from, to);
        }
        int valid = countValid(magnitude);
        double quality = Math.min(1.0, valid / acc.expectedSamples(endMillis - startMillis));
        if (valid == 0 || quality < config.minQuality()) {
            return new Result(quality, null, null, null, 0);
        }
        double median = frames == null
                ? new SelectMedian().of(magnitude)
                : hopBlockMedian(frames.medians(), magnitude, acc, from, startMillis, endMillis, config.hopMillis());
        double deviation = absoluteDeviationSum(magnitude, median);
        Double fidget = null;
        Double fidgetHz = null;
        // the fidget band must lie below the Nyquist frequency: an accelerometer at 12 Hz or less
        // (default band 2-6 Hz) cannot show it, and its other features are still computed
        if (config.fidgetBandHighHz() < acc.rateHz() / 2) {
            // one set of FFT frames gives both the band power (the mean over every whole frame, as
            // BandPower computes it) and the dominant frequency (over the frames without gross movement)
            FidgetSpectrum.Result spectrum = FeatureSteps.fidgetSpectrum(config)
                    .analyse(xyz, magnitude, acc.rateHz(), acc.t0Millis() + from * 1000.0 / acc.rateHz(), frames);
            fidget = meanBandPower(spectrum);
            fidgetHz = fidget == null ? null : spectrum.dominantHz();
        }
        double gross = grossMovementSeconds(
                acc.values(),
                from,
                to,
                acc.rateHz(),
                config.grossMovementG(),
                acc.t0Millis(),
                frames == null ? null : frames.segmentMeasures());
        return new Result(quality, deviation / valid, fidget, fidgetHz, gross);
    }

    /*
     * The per-sample loops of compute() are methods of their own so that the JIT compiles them
     * alone: inside compute() they made HotSpot compile it on stack (OSR) with the fidget spectrum
     * inlined, twice, before its normal compile (docs/performance-history.md, 2026-12-06).
     */

    /** The number of values that are not NaN. */
    private static int countValid(double[] values) {
        int valid = 0;
        for (double v : values) {
            valid += Double.isNaN(v) ? 0 : 1;
        }
        return valid;
    }

    /** The sum of {@code |v - median|} over the values that are not NaN, added in index order. */
    private static double absoluteDeviationSum(double[] values, double median) {
        double deviation = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                deviation += Math.abs(v - median);
            }
        }
        return deviation;
    }

    /** The mean band power over the spectrum's whole frames, g^2; null without one. */
    private static Double meanBandPower(FidgetSpectrum.Result spectrum) {
        if (spectrum.frames().isEmpty()) {
            return null;
        }
        double sum = 0;
        for (FidgetSpectrum.Frame f : spectrum.frames()) {
            sum += f.bandPowerG2();
        }
        return sum / spectrum.frames().size();
    }

    /**
     * The median of the window's {@code |a|} merged from its blocks of {@code hopMillis} from the
     * window start (the hop blocks that overlapping windows share), sorted once each; the same
     * value as {@link SelectMedian#of}.
     *
     * @param magnitude {@code |a|} of samples {@code [from, ...)} of {@code acc}, g
     */
    private static double hopBlockMedian(
            MedianBlocks blocks,
            double[] magnitude,
            RegularSeries acc,
            int from,
            double startMillis,
            double endMillis,
            long hopMillis) {
        int m = (int) Math.ceil((endMillis - startMillis) / hopMillis);
        int[] bounds = new int[m + 1];
        long[] keys = new long[m];
        for (int b = 0; b < m; b++) {
            double blockStart = startMillis + (double) b * hopMillis;
            keys[b] = (long) Math.floor(blockStart);
            bounds[b] = Math.min(magnitude.length, Math.max(0, acc.indexAtOrAfter(blockStart) - from));
        }
        bounds[0] = 0;
        bounds[m] = magnitude.length;
        return blocks.median(magnitude, bounds, keys);
    }

    /** Seconds (whole 1 s segments) of samples [from, to) whose MAD of {@code |a|} reaches the threshold. */
    static double grossMovementSeconds(double[] xyz, int from, int to, double rateHz, double thresholdG) {
        return grossMovementSeconds(xyz, from, to, rateHz, thresholdG, Double.NaN, null);
    }

    /**
     * As {@link #grossMovementSeconds(double[], int, int, double, double)}, with the segments'
     * measures shared with the stream's earlier windows (reused only for bit-identical samples).
     *
     * @param t0Millis time of sample 0 of {@code xyz}, epoch ms: places a segment on the stream's grid
     * @param measures the stream's segment measures; null computes each
     */
    static double grossMovementSeconds(
            double[] xyz, int from, int to, double rateHz, double thresholdG, double t0Millis, SegmentCache measures) {
        int segment = Math.max(2, (int) Math.round(rateHz));
        double seconds = 0;
        for (int s = from; s + segment <= to; s += segment) {
            double mad = measures == null
                    ? segmentMadG(xyz, 3 * s, 3 * (s + segment))
                    : measures.get(
                            Math.floorDiv(Math.round(t0Millis * rateHz / 1000.0) + s, (long) segment),
                            xyz,
                            3 * s,
                            3 * (s + segment),
                            MotionFeatures::segmentMadG);
            if (mad >= thresholdG) {
                seconds += segment / rateHz;
            }
        }
        return seconds;
    }

    /** {@link GrossMovement#magnitudeMadG} on E4 units. */
    private static double segmentMadG(double[] xyz, int from3, int to3) {
        return GrossMovement.magnitudeMadG(xyz, from3, to3, AccMagnitude.E4_COUNTS_PER_G);
    }
}
