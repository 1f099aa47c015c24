package org.sessionreview.signal.cardiac;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@link HrvFrequencyDomain#compute} for trailing spans that move forward in small steps (the
 * feature windows: a 180 s span stepped by 5 s, so each beat lies in 36 spans): the Lomb-Scargle
 * sums of each beat are added once when the span reaches it and subtracted once when the span
 * leaves it, instead of being recomputed for every span. The result equals the direct
 * computation to rounding (a relative 1e-12 in tests, {@code SlidingHrvSpectrumTest}).
 *
 * <p>Method. With {@code u} a beat's time in s from a reference time {@code R}, {@code z = exp(i w
 * u)} per grid frequency {@code w}, the running sums over the span's accepted beats are {@code
 * Z = sum z}, {@code Z2 = sum z^2}, {@code Y = sum ibi z} and {@code U = sum u z}. For the span
 * from {@code F} (times {@code t = u - v}, {@code v = (F - R) / 1000} s), the detrended values are
 * {@code ibi - A - b t} (least-squares line and mean as in {@link HrvFrequencyDomain}, from the
 * span's beats), so {@code sum (ibi - A - b t) z = Y - A Z - b (U - v Z)}. Lomb's time shift
 * {@code tau} with {@code 2 w tau = arg Z2} (the shift by {@code v} only changes the sign of both
 * projections, which are squared) turns this into {@code P(f)}, with {@code sum cos^2 = (n + |Z2|)
 * / 2} and {@code sum sin^2 = (n - |Z2|) / 2}; the PSD scaling ({@code 2 dt}, median spacing) and the
 * band integrals are those of {@link LombScargle}.
 *
 * <p>Rounding does not build up: the sums are rebuilt from the span's beats every {@value
 * #REBUILD_EVERY} spans (one span length at the defaults), whenever the span's beats are not those
 * summed plus newer ones (a span moving back, beats changed), and the reference time moves to the
 * span start at each rebuild. The results therefore depend only on the sequence of spans asked
 * for, as the spans of one wearer's windows are.
 *
 * <p>Not thread-safe; one per beat stream. Memory: 8 sums per grid frequency (361 at the
 * defaults, 23 KB) and the summed beats.
 */
public final class SlidingHrvSpectrum {
    /** Spans between rebuilds of the sums from the span's beats. */
    static final int REBUILD_EVERY = 36;
    private static final int RESEED = 16;

    private final HrvFrequencyDomain.Config config;
    private final double[] frequenciesHz;
    /** Per frequency k: Z at [8k, 8k+1], Z2 at [8k+2, 8k+3], Y at [8k+4, 8k+5], U at [8k+6, 8k+7] (re, im). */
    private final double[] sums;
    private double referenceMillis = Double.NaN;
    /** The beats summed, oldest first. */
    private final List<Beat> summed = new ArrayList<>();
    private int sinceRebuild;
    private long beatsAdded;

    /** @param config bands, grid step, shortest span and coverage */
    public SlidingHrvSpectrum(HrvFrequencyDomain.Config config) {
        this.config = config;
        this.frequenciesHz = LombScargle.grid(config.lfLowHz(), config.hfHighHz(), config.stepHz());
        this.sums = new double[8 * frequenciesHz.length];
    }

    /** Beats added to the sums so far, rebuilds included (for tests and measurements). */
    public long beatsAdded() {
        return beatsAdded;
    }

    /**
     * LF, HF and LF/HF of the accepted beats in {@code [fromMillis, toMillis)}, as {@link
     * HrvFrequencyDomain#compute(List, double, double, HrvFrequencyDomain.Config)} gives them to
     * rounding; null when the span or its coverage is insufficient.
     *
     * @param beats beats in time order (epoch ms)
     */
    public HrvFrequencyDomain.Result compute(List<Beat> beats, double fromMillis, double toMillis) {
        HrvFrequencyDomain.Span span = HrvFrequencyDomain.span(beats, fromMillis, toMillis, config);
        if (span == null) {
            return null;
        }
        List<Beat> used = span.used();
        double coverage = span.coverage();
        follow(used, fromMillis);
        int n = used.size();
        double[] t = new double[n];
        double[] ibi = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = (used.get(i).tMillis() - fromMillis) / 1000.0;
            ibi[i] = used.get(i).ibiMs();
        }
        double[] trend = HrvFrequencyDomain.trend(t, ibi);
        double slope = trend[2];
        // the periodogram removes the mean of the detrended values (zero but for rounding) as well
        double mean = 0;
        for (int i = 0; i < n; i++) {
            mean += (ibi[i] - (trend[1] + slope * (t[i] - trend[0]))) / n;
        }
        double offset = trend[1] - slope * trend[0] + mean;
        double shiftS = (fromMillis - referenceMillis) / 1000.0;
        double scale = 2 * LombScargle.medianSpacing(t);
        double[] psd = new double[frequenciesHz.length];
        for (int k = 0; k < psd.length; k++) {
            int o = 8 * k;
            double tRe = sums[o + 6] - shiftS * sums[o];
            double tIm = sums[o + 7] - shiftS * sums[o + 1];
            double vRe = sums[o + 4] - offset * sums[o] - slope * tRe;
            double vIm = sums[o + 5] - offset * sums[o + 1] - slope * tIm;
            double psi = Math.atan2(sums[o + 3], sums[o + 2]) / 2;
            double cos = Math.cos(psi);
            double sin = Math.sin(psi);
            double yc = vRe * cos + vIm * sin;
            double ys = vIm * cos - vRe * sin;
            double r = Math.hypot(sums[o + 2], sums[o + 3]);
            double cc = (n + r) / 2;
            double ss = (n - r) / 2;
            psd[k] = scale * 0.5 * ((cc > 0 ? yc * yc / cc : 0) + (ss > 0 ? ys * ys / ss : 0));
        }
        double lf = LombScargle.bandPower(frequenciesHz, psd, config.lfLowHz(), config.lfHighHz());
        double hf = LombScargle.bandPower(frequenciesHz, psd, config.lfHighHz(), config.hfHighHz());
        return new HrvFrequencyDomain.Result(lf, hf, lf / hf, n, coverage);
    }

    /** Brings the sums to {@code used}: drops beats before the span, adds the new ones, or rebuilds. */
    private void follow(List<Beat> used, double fromMillis) {
        int dropped = 0;
        while (dropped < summed.size() && summed.get(dropped).tMillis() < fromMillis) {
            dropped++;
        }
        boolean extend = !Double.isNaN(referenceMillis) && ++sinceRebuild < REBUILD_EVERY
                && summed.size() - dropped <= used.size()
                && summed.subList(dropped, summed.size()).equals(used.subList(0, summed.size() - dropped));
        if (!extend) {
            Arrays.fill(sums, 0);
            summed.clear();
            referenceMillis = fromMillis;
            sinceRebuild = 0;
            dropped = 0;
        }
        for (int i = 0; i < dropped; i++) {
            add(summed.get(i), -1);
        }
        summed.subList(0, dropped).clear();
        for (int i = summed.size(); i < used.size(); i++) {
            add(used.get(i), 1);
            summed.add(used.get(i));
        }
    }

    /** Adds {@code sign} times the beat's terms to every frequency's sums. */
    private void add(Beat beat, int sign) {
        double u = (beat.tMillis() - referenceMillis) / 1000.0;
        double ibi = beat.ibiMs();
        double step = frequenciesHz.length > 1 ? frequenciesHz[1] - frequenciesHz[0] : 0;
        double stepSin = Math.sin(2 * Math.PI * step * u);
        double stepCos = Math.cos(2 * Math.PI * step * u);
        double s = 0;
        double c = 1;
        for (int k = 0; k < frequenciesHz.length; k++) {
            if (k % RESEED == 0) {
                double wu = 2 * Math.PI * frequenciesHz[k] * u;
                s = Math.sin(wu);
                c = Math.cos(wu);
            } else {
                double next = s * stepCos + c * stepSin;
                c = c * stepCos - s * stepSin;
                s = next;
            }
            int o = 8 * k;
            sums[o] += sign * c;
            sums[o + 1] += sign * s;
            sums[o + 2] += sign * (c * c - s * s);
            sums[o + 3] += sign * (2 * s * c);
            sums[o + 4] += sign * ibi * c;
            sums[o + 5] += sign * ibi * s;
            sums[o + 6] += sign * u * c;
            sums[o + 7] += sign * u * s;
        }
        beatsAdded += sign > 0 ? 1 : 0;
    }
}
