package org.sessionreview.features;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.stat.descriptive.rank.Median;
import org.apache.commons.math3.transform.DftNormalization;
import org.apache.commons.math3.transform.FastFourierTransformer;
import org.apache.commons.math3.transform.TransformType;
import org.sessionreview.config.FeatureConfig;
import org.sessionreview.config.MotionOptions;
import org.sessionreview.signal.motion.AccMagnitude;
import org.sessionreview.signal.motion.GrossMovement;

/**
 * The motion features of one window as computed before issue 10's frame sharing (commit
 * 9c5af76): {@code MotionFeatures.compute} with {@code FidgetSpectrum.analyse}, every FFT frame
 * of every window transformed afresh and {@code |a|} computed once for the features and again for
 * the spectrum, and every window's 1 s gross-movement segments computed afresh (before the segment
 * measures were shared too). Kept as the reference that {@link MotionFeaturesReferenceTest} holds the shared
 * frames to.
 */
final class MotionFeaturesReference {
    private MotionFeaturesReference() {}

    static MotionFeatures.Result compute(
            RegularSeries acc, double startMillis, double endMillis, FeatureConfig config) {
        if (acc.length() == 0) {
            return new MotionFeatures.Result(0, null, null, null, 0);
        }
        int from = acc.indexAtOrAfter(startMillis);
        int to = acc.indexAtOrAfter(endMillis);
        double[] magnitude =
                Arrays.copyOfRange(AccMagnitude.magnitudeG(acc.values(), AccMagnitude.E4_COUNTS_PER_G), from, to);
        double[] valid = Arrays.stream(magnitude).filter(v -> !Double.isNaN(v)).toArray();
        double quality = Math.min(1.0, valid.length / acc.expectedSamples(endMillis - startMillis));
        if (valid.length == 0 || quality < config.minQuality()) {
            return new MotionFeatures.Result(quality, null, null, null, 0);
        }
        double median = new Median().evaluate(valid);
        double deviation = 0;
        for (double v : valid) {
            deviation += Math.abs(v - median);
        }
        Spectrum spectrum = analyse(
                Arrays.copyOfRange(acc.values(), from * 3, to * 3),
                acc.rateHz(),
                acc.t0Millis() + from * 1000.0 / acc.rateHz(),
                config);
        Double fidget = null;
        if (spectrum.frames > 0) {
            fidget = spectrum.frameBandPowerSum / spectrum.frames;
        }
        Double fidgetHz = fidget == null ? null : spectrum.dominantHz;
        double gross = grossMovementSeconds(acc.values(), from, to, acc.rateHz(), config.grossMovementG());
        return new MotionFeatures.Result(quality, deviation / valid.length, fidget, fidgetHz, gross);
    }

    /** What MotionFeatures used of FidgetSpectrum.Result. */
    private record Spectrum(double frameBandPowerSum, int frames, Double dominantHz) {}

    /** FidgetSpectrum.analyse before the frame cache. */
    private static Spectrum analyse(double[] xyz, double rateHz, double startMillis, FeatureConfig config) {
        double lowHz = config.fidgetBandLowHz();
        double highHz = config.fidgetBandHighHz();
        double minPowerG2 = config.get(MotionOptions.FIDGET_MIN_POWER_G2);
        int len = (int) Math.round(config.fftFrameSeconds() * rateHz);
        int m = Integer.highestOneBit(len - 1) << 1;
        double[] hann = new double[len];
        double sumW2 = 0;
        for (int i = 0; i < len; i++) {
            hann[i] = 0.5 * (1 - Math.cos(2 * Math.PI * i / len));
            sumW2 += hann[i] * hann[i];
        }
        double[] magnitude = AccMagnitude.magnitudeG(xyz, AccMagnitude.E4_COUNTS_PER_G);
        List<GrossMovement.Interval> moving = new GrossMovement(config.grossMovementG(), AccMagnitude.E4_COUNTS_PER_G)
                .detect(xyz, rateHz, startMillis);
        double binHz = rateHz / m;
        double[] meanPsd = new double[m / 2 + 1];
        double powerSum = 0;
        double allFramesSum = 0;
        int all = 0;
        int used = 0;
        double[][] spectrum = new double[2][m];
        for (int start = 0; start + len <= magnitude.length; start += Math.max(1, len / 2)) {
            if (!fill(magnitude, start, len, hann, spectrum[0])) {
                continue;
            }
            Arrays.fill(spectrum[1], 0);
            FastFourierTransformer.transformInPlace(spectrum, DftNormalization.STANDARD, TransformType.FORWARD);
            double[] psd = psd(spectrum, rateHz, sumW2);
            double power = bandPower(psd, binHz, lowHz, highHz);
            double t0 = startMillis + start * 1000.0 / rateHz;
            double t1 = startMillis + (start + len) * 1000.0 / rateHz;
            allFramesSum += power;
            all++;
            boolean gross = false;
            for (GrossMovement.Interval i : moving) {
                gross |= i.startMillis() < t1 && i.endMillis() > t0;
            }
            if (gross) {
                continue;
            }
            for (int k = 0; k < meanPsd.length; k++) {
                meanPsd[k] += psd[k];
            }
            powerSum += power;
            used++;
        }
        if (used == 0) {
            return new Spectrum(allFramesSum, all, null);
        }
        for (int k = 0; k < meanPsd.length; k++) {
            meanPsd[k] /= used;
        }
        double power = powerSum / used;
        return new Spectrum(allFramesSum, all, dominant(meanPsd, binHz, power, lowHz, highHz, minPowerG2));
    }

    private static double bandPower(double[] psd, double binHz, double lowHz, double highHz) {
        double sum = 0;
        for (int k = 0; k < psd.length; k++) {
            double f = k * binHz;
            if (f >= lowHz && f <= highHz) {
                sum += psd[k];
            }
        }
        return sum * binHz;
    }

    private static Double dominant(
            double[] psd, double binHz, double bandPower, double lowHz, double highHz, double minPowerG2) {
        if (!(bandPower >= minPowerG2) || bandPower == 0) {
            return null;
        }
        int best = -1;
        for (int k = 1; k < psd.length - 1; k++) {
            double f = k * binHz;
            if (f >= lowHz && f <= highHz && (best < 0 || psd[k] > psd[best])) {
                best = k;
            }
        }
        if (best < 0) {
            return null;
        }
        double a = Math.log(psd[best - 1]);
        double b = Math.log(psd[best]);
        double c = Math.log(psd[best + 1]);
        double denominator = a - 2 * b + c;
        double delta = Double.isFinite(a) && Double.isFinite(c) && denominator < 0 ? 0.5 * (a - c) / denominator : 0;
        double f = (best + Math.max(-0.5, Math.min(0.5, delta))) * binHz;
        return Math.max(lowHz, Math.min(highHz, f));
    }

    private static double[] psd(double[][] spectrum, double rateHz, double sumW2) {
        int m = spectrum[0].length;
        double[] p = new double[m / 2 + 1];
        for (int k = 0; k <= m / 2; k++) {
            double re = spectrum[0][k];
            double im = spectrum[1][k];
            double oneSided = (k == 0 || k == m / 2) ? 1 : 2;
            p[k] = oneSided * (re * re + im * im) / (rateHz * sumW2);
        }
        return p;
    }

    private static boolean fill(double[] x, int start, int len, double[] hann, double[] out) {
        double mean = 0;
        for (int i = 0; i < len; i++) {
            if (Double.isNaN(x[start + i])) {
                return false;
            }
            mean += x[start + i];
        }
        mean /= len;
        Arrays.fill(out, 0);
        for (int i = 0; i < len; i++) {
            out[i] = (x[start + i] - mean) * hann[i];
        }
        return true;
    }

    /**
     * MotionFeatures.grossMovementSeconds before its segments were shared, the slow obvious way:
     * the mean amplitude deviation of {@code |a|} per whole segment.
     */
    static double grossMovementSeconds(double[] xyz, int from, int to, double rateHz, double thresholdG) {
        int segment = Math.max(2, (int) Math.round(rateHz));
        double[] magnitude = AccMagnitude.magnitudeG(xyz, AccMagnitude.E4_COUNTS_PER_G);
        double seconds = 0;
        for (int s = from; s + segment <= to; s += segment) {
            double[] m = Arrays.copyOfRange(magnitude, s, s + segment);
            if (Arrays.stream(m).anyMatch(Double::isNaN)) {
                continue;
            }
            double mean = Arrays.stream(m).average().orElseThrow();
            double mad = Arrays.stream(m).map(v -> Math.abs(v - mean)).average().orElseThrow();
            if (mad >= thresholdG) {
                seconds += segment / rateHz;
            }
        }
        return seconds;
    }
}
