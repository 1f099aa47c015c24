package org.sessionreview.signal.cardiac;

import java.util.ArrayList;
import java.util.List;

/**
 * {@link HrvFrequencyDomain#compute(List, double, double, HrvFrequencyDomain.Config,
 * LombScargleBlocks)} as it was before 2026-12-06: the coverage from {@link
 * HrvTimeDomain#compute} (every statistic of the span, of which it kept one) and a list of the
 * beats used. The reference of {@code HrvFrequencyDomainReferenceTest}.
 */
final class ReferenceHrvFrequencyDomain {
    private ReferenceHrvFrequencyDomain() {}

    static HrvFrequencyDomain.Result compute(
            List<Beat> beats,
            double fromMillis,
            double toMillis,
            HrvFrequencyDomain.Config config,
            LombScargleBlocks blocks) {
        if ((toMillis - fromMillis) / 1000.0 < config.minSpanS()) {
            return null;
        }
        double coverage = HrvTimeDomain.compute(beats, fromMillis, toMillis).coverage();
        List<Beat> used = new ArrayList<>();
        for (Beat b : beats) {
            if (b.accepted() && b.tMillis() >= fromMillis && b.tMillis() < toMillis) {
                used.add(b);
            }
        }
        if (coverage < config.minCoverage() || used.size() < HrvFrequencyDomain.MIN_BEATS) {
            return null;
        }
        int n = used.size();
        double[] t = new double[n];
        double[] ibi = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = (used.get(i).tMillis() - fromMillis) / 1000.0; // small numbers keep sin() exact
            ibi[i] = used.get(i).ibiMs();
        }
        double[] f = LombScargle.grid(config.lfLowHz(), config.hfHighHz(), config.stepHz());
        double[] psd;
        if (blocks != null && blocks.covers(fromMillis, toMillis)) {
            psd = blockPsd(used, t, ibi, fromMillis, toMillis, f, blocks);
        } else {
            HrvFrequencyDomain.detrend(t, ibi);
            psd = LombScargle.psd(t, ibi, f);
        }
        double lf = LombScargle.bandPower(f, psd, config.lfLowHz(), config.lfHighHz());
        double hf = LombScargle.bandPower(f, psd, config.lfHighHz(), config.hfHighHz());
        return new HrvFrequencyDomain.Result(lf, hf, lf / hf, n, coverage);
    }

    /**
     * The PSD of {@link LombScargle#psd} on the detrended intervals, from the block sums: the
     * line and the mean of what is left are removed from the sums, not from each value.
     */
    private static double[] blockPsd(
            List<Beat> used,
            double[] t,
            double[] ibi,
            double fromMillis,
            double toMillis,
            double[] f,
            LombScargleBlocks blocks) {
        int n = t.length;
        double[] times = new double[n];
        for (int i = 0; i < n; i++) {
            times[i] = used.get(i).tMillis();
        }
        double[] detrended = ibi.clone();
        double[] line = HrvFrequencyDomain.detrend(t, detrended);
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
}
