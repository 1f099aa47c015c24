package org.sessionreview.signal.cardiac;

import java.util.List;

/**
 * Frequency-domain HRV of a span of at least {@code minSpanS} (default 120 s): LF power (0.04-0.15
 * Hz), HF power (0.15-0.4 Hz) and LF/HF, from the accepted beats' intervals at their beat times
 * by the {@link LombScargle} spectrum (no resampling, gaps allowed).
 *
 * <p>Method: take the accepted beats whose time lies in the span (intervals in ms, times in s
 * from the span start); remove the least-squares line (mean and slow trend, which would
 * otherwise leak into LF); one-sided PSD {@code 2 P(f) dt} in ms²/Hz ({@code dt} the median
 * beat spacing) on a grid of {@code stepHz} (0.001 Hz) from 0.04 to 0.4 Hz; band power = trapezoidal integral over the band, in
 * ms². This normalisation makes a sinusoidal modulation of amplitude {@code A} ms contribute
 * {@code A^2 / 2} ms² (its variance), so powers are comparable with the Task Force's absolute
 * powers; with gaps the spectrum is still an estimate from fewer samples.
 *
 * <p>LF/HF is NaN when the HF power is rounding only ({@link #FLAT_POWER_SHARE}): a rhythm
 * without variability has no ratio. Returns null when the span is shorter than {@code minSpanS}, when the accepted intervals
 * cover less than {@code minCoverage} (0.5) of it (see {@link HrvTimeDomain.Result#coverage()}),
 * or with fewer than {@value #MIN_BEATS} beats.
 *
 * <p>References: Task Force of the ESC and NASPE (1996), Heart rate variability: standards of
 * measurement, physiological interpretation and clinical use, Circulation 93, 1043-1065 (bands,
 * at least 2 min for LF); Lomb, N. R. (1976), Astrophysics and Space Science 39, 447-462;
 * Scargle, J. D. (1982), Astrophysical Journal 263, 835-853.
 */
public final class HrvFrequencyDomain {
    /** Fewest accepted beats for a spectrum. */
    public static final int MIN_BEATS = 30;

    /**
     * HF power at or below this share of the squared mean interval is rounding, not variability
     * (1e-20: 6e-15 ms^2 at 800 ms, where one E4 tick of 15.6 ms gives powers of tens of ms^2):
     * LF/HF is then NaN (null in {@code windows/}), LF and HF stay as computed (about 0).
     */
    static final double FLAT_POWER_SHARE = 1e-20;

    private HrvFrequencyDomain() {}

    /**
     * @param minSpanS shortest span, seconds (120)
     * @param minCoverage lowest share of the span covered by accepted intervals (0.5)
     * @param lfLowHz LF lower edge, Hz (0.04)
     * @param lfHighHz LF upper edge = HF lower edge, Hz (0.15)
     * @param hfHighHz HF upper edge, Hz (0.4)
     * @param stepHz frequency grid step, Hz (0.001)
     */
    public record Config(
            double minSpanS, double minCoverage, double lfLowHz, double lfHighHz, double hfHighHz, double stepHz) {
        /** Task Force bands, 120 s, coverage 0.5, 0.001 Hz grid. */
        public static final Config DEFAULT = new Config(120, 0.5, 0.04, 0.15, 0.4, 0.001);

        public Config {
            if (!(minSpanS > 0
                    && minCoverage >= 0
                    && minCoverage <= 1
                    && lfLowHz > 0
                    && lfHighHz > lfLowHz
                    && hfHighHz > lfHighHz
                    && stepHz > 0)) {
                throw new IllegalArgumentException("invalid frequency-domain config");
            }
        }
    }

    /**
     * @param lfMs2 LF power, ms²
     * @param hfMs2 HF power, ms²
     * @param lfHfRatio LF / HF
     * @param beats accepted beats used
     * @param coverage share of the span covered by accepted intervals
     */
    public record Result(double lfMs2, double hfMs2, double lfHfRatio, int beats, double coverage) {}

    /**
     * LF, HF and LF/HF of the accepted beats in {@code [fromMillis, toMillis)}; null when the span
     * or its coverage is insufficient (see class comment).
     */
    public static Result compute(List<Beat> beats, double fromMillis, double toMillis, Config config) {
        return compute(beats, fromMillis, toMillis, config, null);
    }

    /**
     * As {@link #compute(List, double, double, Config)}, with the spectrum from per-block sums
     * shared with the stream's other spans when the span is made of whole blocks ({@link
     * LombScargleBlocks}; equal to rounding, and the same bits whatever spans came before).
     *
     * @param blocks the stream's block sums; null computes the spectrum afresh
     */
    public static Result compute(
            List<Beat> beats, double fromMillis, double toMillis, Config config, LombScargleBlocks blocks) {
        if ((toMillis - fromMillis) / 1000.0 < config.minSpanS()) {
            return null;
        }
        // one pass for the coverage (HrvTimeDomain's sum, in its order) and the count, one to
        // copy the beats used: no statistics that are not needed and no list of them
        double[] countAndCovered = countAndCovered(beats, fromMillis, toMillis);
        int n = (int) countAndCovered[0];
        double covered = countAndCovered[1];
        double coverage = Math.min(1.0, covered / (toMillis - fromMillis));
        if (coverage < config.minCoverage() || n < MIN_BEATS) {
            return null;
        }
        double[] times = new double[n];
        double[] t = new double[n];
        double[] ibi = new double[n];
        copyUsed(beats, fromMillis, toMillis, times, t, ibi);
        double meanIbi = 0;
        for (double v : ibi) {
            meanIbi += v / n;
        }
        double[] f = LombScargle.grid(config.lfLowHz(), config.hfHighHz(), config.stepHz());
        double[] psd;
        if (blocks != null && blocks.covers(fromMillis, toMillis)) {
            psd = blockPsd(times, t, ibi, fromMillis, toMillis, f, blocks);
        } else {
            detrend(t, ibi);
            psd = LombScargle.psd(t, ibi, f);
        }
        double lf = LombScargle.bandPower(f, psd, config.lfLowHz(), config.lfHighHz());
        double hf = LombScargle.bandPower(f, psd, config.lfHighHz(), config.hfHighHz());
        // a rhythm without variability (a metronome; synthetic input) leaves only rounding in both
        // bands, whose ratio is noise (2.8-3.3 on 800 ms beats before 2026-12-07): no ratio then
        boolean flat = !(hf > FLAT_POWER_SHARE * meanIbi * meanIbi);
        return new Result(lf, hf, flat ? Double.NaN : lf / hf, n, coverage);
    }

    /*
     * The two passes over the beats are methods of their own so that the JIT compiles them alone:
     * inside compute() they made HotSpot compile compute() on stack (OSR) with the block spectrum
     * inlined, before its normal compile (docs/performance-history.md, 2026-12-06).
     */

    /**
     * The accepted beats in {@code [fromMillis, toMillis)}: {count, covered ms}, the covered time
     * summed in list order as {@link HrvTimeDomain} sums it.
     */
    private static double[] countAndCovered(List<Beat> beats, double fromMillis, double toMillis) {
        int n = 0;
        double covered = 0;
        for (Beat b : beats) {
            if (b.accepted() && b.tMillis() >= fromMillis && b.tMillis() < toMillis) {
                n++;
                covered += b.tMillis() - Math.max(fromMillis, b.startMillis());
            }
        }
        return new double[] {n, covered};
    }

    /**
     * Copies the accepted beats in {@code [fromMillis, toMillis)}, in list order: their times (epoch
     * ms), their times from {@code fromMillis} (s) and their intervals (ms).
     */
    private static void copyUsed(
            List<Beat> beats, double fromMillis, double toMillis, double[] times, double[] t, double[] ibi) {
        int i = 0;
        for (Beat b : beats) {
            if (b.accepted() && b.tMillis() >= fromMillis && b.tMillis() < toMillis) {
                times[i] = b.tMillis();
                t[i] = (b.tMillis() - fromMillis) / 1000.0; // small numbers keep sin() exact
                ibi[i] = b.ibiMs();
                i++;
            }
        }
    }

    /**
     * The PSD of {@link LombScargle#psd} on the detrended intervals, from the block sums: the
     * line and the mean of what is left are removed from the sums, not from each value.
     */
    private static double[] blockPsd(
            double[] times,
            double[] t,
            double[] ibi,
            double fromMillis,
            double toMillis,
            double[] f,
            LombScargleBlocks blocks) {
        int n = t.length;
        double[] detrended = ibi.clone();
        double[] line = detrend(t, detrended);
        double mean = 0; // the periodogram's own centring of the detrended values
        for (double v : detrended) {
            mean += v / n;
        }
        // v = ibi - (my + slope (t - mt)) - mean = ibi - a - slope t
        double a = line[0] - line[1] * line[2] + mean;
        double dt = LombScargle.medianSpacing(t);
        double[] p = blocks.periodogram(times, ibi, a, line[2], fromMillis, toMillis, f);
        LombScargle.toPsd(p, dt);
        return p;
    }

    /**
     * Subtracts the least-squares line through (t, y) from y, in place.
     *
     * @return the line: mean y (units of y), mean t (units of t) and slope (y per t)
     */
    static double[] detrend(double[] t, double[] y) {
        int n = t.length;
        double mt = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mt += t[i] / n;
            my += y[i] / n;
        }
        double stt = 0;
        double sty = 0;
        for (int i = 0; i < n; i++) {
            stt += (t[i] - mt) * (t[i] - mt);
            sty += (t[i] - mt) * (y[i] - my);
        }
        double slope = stt > 0 ? sty / stt : 0;
        for (int i = 0; i < n; i++) {
            y[i] -= my + slope * (t[i] - mt);
        }
        return new double[] {my, mt, slope};
    }
}
