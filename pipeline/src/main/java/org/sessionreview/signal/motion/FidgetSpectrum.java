package org.sessionreview.signal.motion;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.transform.DftNormalization;
import org.apache.commons.math3.transform.FastFourierTransformer;
import org.apache.commons.math3.transform.TransformType;

/**
 * Fidgeting and tapping: the power of the accelerometer vector magnitude {@code |a|} (g, {@link
 * AccMagnitude}) in a band (default 2-6 Hz) and the band's dominant frequency, over Hann-windowed
 * FFT frames (default {@value #DEFAULT_FRAME_SECONDS} s, 128 samples at 32 Hz) with 50 % overlap,
 * leaving out frames that overlap {@link GrossMovement}.
 *
 * <p>Per frame (as {@code signal.BandPower}): mean removed, periodic Hann window, zero-padded to
 * the next power of two {@code M}, one-sided PSD {@code P[k] = c |X[k]|^2 / (fs sum w^2)} (g^2/Hz,
 * {@code c = 2} except at 0 and Nyquist). Band power = {@code sum P[k] fs / M} over the bins in
 * {@code [lowHz, highHz]}, g^2: a tapping rhythm of amplitude {@code A} g gives {@code A^2 / 2}.
 * Without excluded frames the mean band power equals {@code BandPower.mean(|a|, ...)}.
 *
 * <p><b>Dominant frequency</b>: the in-band bin {@code k} with the largest power of the spectrum
 * averaged over the used frames (Welch), refined below the bin width ({@code fs / M}, 0.25 Hz for
 * 4 s at 32 Hz) by Gaussian interpolation, i.e. a parabola through the log powers of bins {@code
 * k-1, k, k+1}: {@code delta = (ln P[k-1] - ln P[k+1]) / (2 (ln P[k-1] - 2 ln P[k] + ln P[k+1]))},
 * {@code f = (k + delta) fs / M}, taken only where the three log powers form a peak (denominator
 * below 0 and both neighbours finite; otherwise {@code delta = 0}), {@code delta} limited to half a
 * bin either way, and clamped to the band (a peak on the band edge usually means the
 * power lies outside the band). For a Hann-windowed sine the residual bias is a few hundredths of
 * a bin. It is null when the band power is below {@code minPowerG2} (default {@value
 * #DEFAULT_MIN_POWER_G2} g^2, a sine of about 0.014 g, one E4 count): at rest the spectrum is
 * quantisation noise and its peak means nothing.
 *
 * <p>Frames holding a NaN are skipped. Frames start at multiples of the hop from sample 0, and the
 * gross-movement segments they are checked against are the whole seconds from sample 0 ({@link
 * GrossMovement#detect(double[], double, double)}): nothing depends on where the epoch seconds
 * fall, so moving the input in time moves the frames with it and changes no value.
 *
 * <p>References: Welch, P. D. (1967), The use of fast Fourier transform for the estimation of
 * power spectra, IEEE Trans. Audio Electroacoustics 15(2), 70-73; Gasior, M. and Gonzalez, J. L.
 * (2004), Improving FFT frequency measurement resolution by parabolic and Gaussian spectrum
 * interpolation, AIP Conf. Proc. 732, 276-285 (CERN-AB-2004-023).
 */
public final class FidgetSpectrum {
    /** Default frame length, seconds. */
    public static final double DEFAULT_FRAME_SECONDS = 4;
    /** Default band, Hz (DOMAIN.md 4.0: fidgeting/tapping). */
    public static final double DEFAULT_LOW_HZ = 2;

    public static final double DEFAULT_HIGH_HZ = 6;
    /** Default band power below which no dominant frequency is given, g^2. */
    public static final double DEFAULT_MIN_POWER_G2 = 1e-4;

    private final double frameSeconds;
    private final double lowHz;
    private final double highHz;
    private final double minPowerG2;
    private final double countsPerG;
    private final GrossMovement grossMovement;

    /**
     * One analysed frame (frames holding a NaN are not reported).
     *
     * @param startMillis time of the frame's first sample, epoch ms
     * @param endMillis end of the frame (exclusive), epoch ms
     * @param bandPowerG2 band power, g^2
     * @param dominantHz interpolated in-band peak, Hz; null below {@code minPowerG2}
     * @param grossMovement true when the frame overlaps gross movement (then not averaged)
     */
    public record Frame(
            double startMillis, double endMillis, double bandPowerG2, Double dominantHz, boolean grossMovement) {}

    /**
     * @param bandPowerG2 mean band power over the used frames, g^2; NaN when none
     * @param dominantHz dominant frequency of the averaged spectrum, Hz; null when no frame or
     *     below {@code minPowerG2}
     * @param framesUsed frames averaged
     * @param framesExcluded whole frames left out for gross movement
     * @param frames every frame without a NaN, in time order
     */
    public record Result(
            double bandPowerG2, Double dominantHz, int framesUsed, int framesExcluded, List<Frame> frames) {}

    /**
     * @param frameSeconds FFT frame, seconds (2-4 s suggested); at least 4 samples
     * @param lowHz lower band edge, Hz (inclusive, > 0)
     * @param highHz upper band edge, Hz (inclusive, below Nyquist)
     * @param minPowerG2 band power below which no dominant frequency is reported, g^2
     * @param countsPerG raw units per g (64 for the E4)
     * @param grossMovement frames overlapping its intervals are excluded; null excludes none
     */
    public FidgetSpectrum(
            double frameSeconds,
            double lowHz,
            double highHz,
            double minPowerG2,
            double countsPerG,
            GrossMovement grossMovement) {
        if (!(frameSeconds > 0) || !(lowHz > 0) || !(highHz > lowHz) || !(minPowerG2 >= 0) || !(countsPerG > 0)) {
            throw new IllegalArgumentException(
                    "need frameSeconds > 0, 0 < lowHz < highHz, " + "minPowerG2 >= 0, countsPerG > 0");
        }
        this.frameSeconds = frameSeconds;
        this.lowHz = lowHz;
        this.highHz = highHz;
        this.minPowerG2 = minPowerG2;
        this.countsPerG = countsPerG;
        this.grossMovement = grossMovement;
    }

    /** 4 s frames, 2-6 Hz, 1e-4 g^2, E4 units, {@link GrossMovement#defaults()}. */
    public static FidgetSpectrum defaults() {
        return new FidgetSpectrum(
                DEFAULT_FRAME_SECONDS,
                DEFAULT_LOW_HZ,
                DEFAULT_HIGH_HZ,
                DEFAULT_MIN_POWER_G2,
                AccMagnitude.E4_COUNTS_PER_G,
                GrossMovement.defaults());
    }

    /**
     * Analyses the input.
     *
     * @param xyz samples interleaved x, y, z in raw units (NaN marks missing)
     * @param rateHz sampling rate, Hz (E4: 32); {@code highHz} must be below {@code rateHz / 2}
     * @param startMillis time of sample 0, epoch ms
     */
    public Result analyse(double[] xyz, double rateHz, double startMillis) {
        return analyse(xyz, AccMagnitude.magnitudeG(xyz, countsPerG), rateHz, startMillis, null);
    }

    /**
     * As {@link #analyse(double[], double, double)}, with the magnitude already computed and the
     * frames' spectra shared with earlier analyses of the same stream: the result is the same,
     * bit for bit.
     *
     * @param xyz samples interleaved x, y, z in raw units (NaN marks missing)
     * @param magnitudeG {@code |a|} of each sample, g, as {@link AccMagnitude#magnitudeG} gives it
     *     with this spectrum's {@code countsPerG}
     * @param rateHz sampling rate, Hz (E4: 32); {@code highHz} must be below {@code rateHz / 2}
     * @param startMillis time of sample 0, epoch ms
     * @param cache the stream's frames, filled and used here; null transforms every frame
     */
    public Result analyse(
            double[] xyz, double[] magnitudeG, double rateHz, double startMillis, FidgetFrameCache cache) {
        int len = (int) Math.round(frameSeconds * rateHz);
        if (len < 4 || highHz >= rateHz / 2) {
            throw new IllegalArgumentException(
                    "frame of " + len + " samples or band up to " + highHz + " Hz does not fit " + rateHz + " Hz");
        }
        if (magnitudeG.length != xyz.length / 3) {
            throw new IllegalArgumentException("need one magnitude per sample");
        }
        if (cache != null) {
            cache.use(List.of(frameSeconds, lowHz, highHz, minPowerG2, countsPerG, rateHz));
            cache.dropBefore(frameKey(startMillis, rateHz));
        }
        List<GrossMovement.Interval> moving = grossMovement == null
                ? List.of()
                : grossMovement.detect(xyz, rateHz, startMillis, cache == null ? null : cache.measures());
        FrameTransform transform = cache == null ? null : cache.transform();
        if (transform == null || transform.len != len || Double.compare(transform.rateHz, rateHz) != 0) {
            transform = new FrameTransform(len, rateHz);
            if (cache != null) {
                cache.transform(transform); // the Hann window and buffers for the stream's later windows
            }
        }
        double binHz = transform.binHz;
        double[] meanPsd = new double[transform.m / 2 + 1];
        double powerSum = 0;
        int used = 0;
        int excluded = 0;
        List<Frame> frames = new ArrayList<>();
        for (int start = 0; start + len <= magnitudeG.length; start += Math.max(1, len / 2)) {
            double t0 = startMillis + start * 1000.0 / rateHz;
            double t1 = startMillis + (start + len) * 1000.0 / rateHz;
            FidgetFrameCache.Entry f = cache == null ? null : cache.find(frameKey(t0, rateHz), magnitudeG, start, len);
            if (f == null) {
                f = frame(transform, magnitudeG, start, cache != null);
                if (cache != null) {
                    cache.put(frameKey(t0, rateHz), f);
                }
            }
            if (f.psd() == null) {
                continue;
            }
            boolean gross = overlaps(moving, t0, t1);
            frames.add(new Frame(t0, t1, f.bandPowerG2(), f.dominantHz(), gross));
            if (gross) {
                excluded++;
                continue;
            }
            addInto(meanPsd, f.psd());
            powerSum += f.bandPowerG2();
            used++;
        }
        if (used == 0) {
            return new Result(Double.NaN, null, 0, excluded, List.copyOf(frames));
        }
        for (int k = 0; k < meanPsd.length; k++) {
            meanPsd[k] /= used;
        }
        double power = powerSum / used;
        return new Result(power, dominant(meanPsd, binHz, power), used, excluded, List.copyOf(frames));
    }

    /**
     * {@code sum[k] += psd[k]} for every bin of {@code sum}. A method of its own so that the JIT
     * compiles the loop alone: inside analyse() it made HotSpot compile analyse() on stack (OSR)
     * with the frame transform inlined (docs/performance-history.md, 2026-12-06).
     */
    private static void addInto(double[] sum, double[] psd) {
        for (int k = 0; k < sum.length; k++) {
            sum[k] += psd[k];
        }
    }

    /** Index of the sample at {@code millis} on the stream's grid: the cache key of a frame starting there. */
    private static long frameKey(double millis, double rateHz) {
        return Math.round(millis * rateHz / 1000.0);
    }

    /**
     * Hann window, zero padding and transform buffers for frames of {@code len} samples: the same
     * values for every window of a stream, so kept in its {@link FidgetFrameCache}.
     */
    static final class FrameTransform {
        final int len;
        final int m;
        final double rateHz;
        final double binHz;
        final double[] hann;
        double sumW2;
        // real and imaginary parts transformed in place: the values FastFourierTransformer.transform gives, without
        // a Complex object per bin
        final double[][] spectrum;

        FrameTransform(int len, double rateHz) {
            this.len = len;
            this.m = Integer.highestOneBit(len - 1) << 1;
            this.rateHz = rateHz;
            this.binHz = rateHz / m;
            this.hann = new double[len];
            for (int i = 0; i < len; i++) {
                hann[i] = 0.5 * (1 - Math.cos(2 * Math.PI * i / len));
                sumW2 += hann[i] * hann[i];
            }
            this.spectrum = new double[2][m];
        }
    }

    /**
     * The frame of {@code magnitude[start, start + len)}, with a copy of its values when {@code keep}; its psd is null
     * when it holds a NaN.
     */
    private FidgetFrameCache.Entry frame(FrameTransform t, double[] magnitude, int start, boolean keep) {
        int len = t.len;
        double[][] spectrum = t.spectrum;
        double[] values = keep ? Arrays.copyOfRange(magnitude, start, start + len) : null;
        if (!fill(magnitude, start, len, t.hann, spectrum[0])) {
            return new FidgetFrameCache.Entry(values, null, Double.NaN, null);
        }
        Arrays.fill(spectrum[1], 0);
        FastFourierTransformer.transformInPlace(spectrum, DftNormalization.STANDARD, TransformType.FORWARD);
        double[] psd = psd(spectrum, t.rateHz, t.sumW2);
        double power = bandPower(psd, t.binHz);
        return new FidgetFrameCache.Entry(values, psd, power, dominant(psd, t.binHz, power));
    }

    private double bandPower(double[] psd, double binHz) {
        double sum = 0;
        for (int k = 0; k < psd.length; k++) {
            double f = k * binHz;
            if (f >= lowHz && f <= highHz) {
                sum += psd[k];
            }
        }
        return sum * binHz;
    }

    /** Gaussian-interpolated in-band peak; null below the power floor. */
    private Double dominant(double[] psd, double binHz, double bandPower) {
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

    /** Demeaned, windowed, zero-padded frame; false when it holds a NaN. */
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

    private static boolean overlaps(List<GrossMovement.Interval> intervals, double from, double to) {
        for (GrossMovement.Interval i : intervals) {
            if (i.startMillis() < to && i.endMillis() > from) {
                return true;
            }
        }
        return false;
    }
}
