package org.sessionreview.signal.synchrony;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.sessionreview.config.SynchronyConfig;

/**
 * SUSY, the session synchrony index with built-in surrogates (DOMAIN.md 4.3 B; Tschacher &amp;
 * Meier 2020; CRAN {@code SUSY} {@code susy()}). Over non-overlapping segments (default 30 s) and
 * lags -L..+L (default 3 s): Zreal[lag] = mean over segments of |z| of client segment i with
 * therapist segment i; Zpseudo[lag] = the same over pairings of client segment i with therapist
 * segment j != i, all of them when there are at most {@link SynchronyConfig#maxSurrogatePairs()}
 * (500), otherwise {@code floor(500 / n)} therapist segments drawn per client segment with the
 * seeded generator (SUSY's {@code restrict.surrogates}). Then
 *
 * <pre>ES = (mean_lag Zreal - mean_lag Zpseudo) / sd_lag(Zpseudo)</pre>
 *
 * with the sample SD (n - 1) over lags, as SUSY. The leading ES are the same over the lag halves:
 * k &gt; 0 (client leads, therapist follows) and k &lt; 0 (therapist leads).
 *
 * <p>The denominator is the spread of the surrogate profile <i>across lags</i>, not a sampling
 * error: ES is not a z-score, and for independent smooth signals it scatters by several units
 * around 0 (see the tests). Use {@link SegmentShuffling}'s percentile for "above chance".
 *
 * <p>Differences from the R package: correlations are Pearson's r on the overlapping pairs (see
 * {@link LaggedCorrelation}) rather than R's {@code ccf}; masked samples are left out inside each
 * segment instead of being dropped from the whole series before cutting (which would shift later
 * segments); Zreal averages over usable segments only.
 *
 * <p>Reference: Tschacher, W., &amp; Meier, D. (2020). Physiological synchrony in psychotherapy
 * sessions. Psychotherapy Research 30(5), 558-573.
 */
public final class SusyIndex {
    private SusyIndex() {}

    /**
     * SUSY's lag profiles and effect sizes.
     *
     * @param zRealByLag mean |z| over segments per lag, index k + L (a copy for the caller)
     * @param zPseudoByLag mean |z| over surrogate pairings per lag
     * @param zReal mean over lags of zRealByLag (SUSY "Z")
     * @param zPseudo mean over lags of zPseudoByLag ("Z-Pseudo")
     * @param zPseudoSd sample SD over lags of zPseudoByLag, the ES denominator
     * @param es (zReal - zPseudo) / zPseudoSd
     * @param esClientLeads ES over lags k &gt; 0
     * @param esTherapistLeads ES over lags k &lt; 0
     * @param shareOfLagsAbovePseudo share (0..1) of lags where Zreal &gt; Zpseudo (SUSY's
     *     "%&gt;Pseudo" / 100)
     * @param surrogatePairs pairings averaged into zPseudoByLag
     */
    public record Result(
            double[] zRealByLag,
            double[] zPseudoByLag,
            double zReal,
            double zPseudo,
            double zPseudoSd,
            double es,
            double esClientLeads,
            double esTherapistLeads,
            double shareOfLagsAbovePseudo,
            int surrogatePairs) {}

    static Result compute(SegmentPairs pairs, int[] usable, RandomGenerator rng, SynchronyConfig cfg) {
        int lags = 2 * pairs.maxLag() + 1;
        double[] real = new double[lags];
        int[] realN = new int[lags];
        for (int i : usable) {
            accumulate(pairs.profile(i, i), real, realN);
        }
        List<int[]> chosen = surrogatePairs(usable, cfg.maxSurrogatePairs(), rng);
        double[] pseudo = new double[lags];
        int[] pseudoN = new int[lags];
        for (int[] p : chosen) {
            accumulate(pairs.profile(p[0], p[1]), pseudo, pseudoN);
        }
        divide(real, realN);
        divide(pseudo, pseudoN);
        int lag0 = pairs.maxLag();
        int above = 0;
        for (int k = 0; k < lags; k++) {
            above += real[k] > pseudo[k] ? 1 : 0;
        }
        return new Result(
                real,
                pseudo,
                mean(real, 0, lags),
                mean(pseudo, 0, lags),
                sd(pseudo, 0, lags),
                es(real, pseudo, 0, lags),
                es(real, pseudo, lag0 + 1, lags),
                es(real, pseudo, 0, lag0),
                above / (double) lags,
                chosen.size());
    }

    /**
     * All pairings i != j among the usable segments when there are at most {@code cap}; otherwise
     * {@code max(1, cap / n)} distinct partners per client segment, drawn by a partial
     * Fisher-Yates shuffle.
     */
    static List<int[]> surrogatePairs(int[] usable, int cap, RandomGenerator rng) {
        int n = usable.length;
        List<int[]> out = new ArrayList<>();
        boolean all = (long) n * (n - 1) <= cap;
        int perSegment = all ? n - 1 : Math.max(1, cap / n);
        for (int a = 0; a < n; a++) {
            int[] others = new int[n - 1];
            for (int b = 0, o = 0; b < n; b++) {
                if (b != a) {
                    others[o++] = usable[b];
                }
            }
            for (int d = 0; d < perSegment; d++) {
                if (!all) {
                    int pick = d + rng.nextInt(others.length - d);
                    int tmp = others[d];
                    others[d] = others[pick];
                    others[pick] = tmp;
                }
                out.add(new int[] {usable[a], others[d]});
            }
        }
        return out;
    }

    private static void accumulate(double[] z, double[] sum, int[] n) {
        for (int k = 0; k < z.length; k++) {
            if (!Double.isNaN(z[k])) {
                sum[k] += Math.abs(z[k]);
                n[k]++;
            }
        }
    }

    private static void divide(double[] sum, int[] n) {
        for (int k = 0; k < sum.length; k++) {
            sum[k] = n[k] == 0 ? Double.NaN : sum[k] / n[k];
        }
    }

    private static double es(double[] real, double[] pseudo, int from, int to) {
        return (mean(real, from, to) - mean(pseudo, from, to)) / sd(pseudo, from, to);
    }

    private static double mean(double[] v, int from, int to) {
        return to - from < 1 ? Double.NaN : new Mean().evaluate(v, from, to - from);
    }

    private static double sd(double[] v, int from, int to) {
        return to - from < 2 ? Double.NaN : new StandardDeviation().evaluate(v, from, to - from);
    }
}
