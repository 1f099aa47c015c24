package org.sessionreview.signal.synchrony;

import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.sessionreview.config.SynchronyConfig;

/**
 * Within-dyad segment shuffling (DOMAIN.md 4.3 D (i); Ramseyer &amp; Tschacher 2010, 2011): the
 * therapist's segments are permuted so that none stays in place (a derangement, drawn by
 * rejection from uniform permutations) and each such pseudo-session gets the same session value
 * as the real one, the mean over segments of the mean |z| over lags. With {@link
 * SynchronyConfig#shuffles()} pseudo-sessions (default 1000, at least 100) the real value gets
 *
 * <ul>
 *   <li>its <b>percentile</b>: 100 x (shuffles below + half the ties) / shuffles; above {@link
 *       SynchronyConfig#significancePercentile()} (95) counts as synchrony above chance;
 *   <li>a surrogate effect size, (real - mean) / SD of the shuffle values.
 * </ul>
 *
 * <p>The real value equals SUSY's Z (mean over lags of Zreal) when every lag of every segment has
 * a value. Shuffling keeps each wearer's own dynamics inside a segment and breaks only the
 * alignment between them; between-dyad pseudo-pairs (Kleinbub &amp; Ramseyer 2020) and
 * data-sliding surrogates (Moulder, Boker, Ramseyer &amp; Tschacher 2018) are stricter nulls that
 * need other sessions or are not offered here.
 *
 * <p>References: Ramseyer, F., &amp; Tschacher, W. (2010). Nonverbal synchrony or random
 * coincidence? How to tell the difference. In A. Esposito et al. (Eds.), Development of
 * Multimodal Interfaces: Active Listening and Synchrony (LNCS 5967, pp. 182-196). Springer.
 * Ramseyer, F., &amp; Tschacher, W. (2011). Nonverbal synchrony in psychotherapy:
 * coordinated body movement reflects relationship quality and outcome. Journal of Consulting and
 * Clinical Psychology 79(3), 284-295. Moulder, R. G., Boker, S. M., Ramseyer, F., &amp; Tschacher,
 * W. (2018). Determining synchrony between behavioral time series: an application of surrogate
 * data generation for establishing falsifiable null-hypotheses. Psychological Methods 23(4),
 * 757-773.
 */
public final class SegmentShuffling {
    private SegmentShuffling() {}

    /**
     * The real session value against its shuffle distribution.
     *
     * @param real mean over usable segments of each segment's mean |z| over lags
     * @param surrogateMean mean of the shuffle values
     * @param surrogateSd sample SD of the shuffle values
     * @param surrogateEs (real - surrogateMean) / surrogateSd
     * @param percentile 0..100, ties counted half
     * @param shuffles pseudo-sessions with a value (all drawn, unless masking left one empty)
     */
    public record Result(
            double real,
            double surrogateMean,
            double surrogateSd,
            double surrogateEs,
            double percentile,
            int shuffles) {}

    static Result compute(SegmentPairs pairs, int[] usable, RandomGenerator rng, SynchronyConfig cfg) {
        int n = usable.length;
        int[] identity = new int[n];
        for (int a = 0; a < n; a++) {
            identity[a] = a;
        }
        double real = sessionValue(pairs, usable, identity);
        SummaryStatistics stats = new SummaryStatistics();
        double below = 0;
        for (int s = 0; s < cfg.shuffles(); s++) {
            double v = sessionValue(pairs, usable, derangement(n, rng));
            if (!Double.isNaN(v)) {
                stats.addValue(v);
                below += v < real ? 1 : v == real ? 0.5 : 0;
            }
        }
        int drawn = (int) stats.getN();
        double sd = stats.getStandardDeviation();
        return new Result(
                real,
                stats.getMean(),
                sd,
                (real - stats.getMean()) / sd,
                drawn == 0 ? Double.NaN : 100 * below / drawn,
                drawn);
    }

    /** Mean over segments a of meanAbs(a, partner[a]); pairings without a value are left out. */
    static double sessionValue(SegmentPairs pairs, int[] usable, int[] partner) {
        double sum = 0;
        int count = 0;
        for (int a = 0; a < usable.length; a++) {
            double v = pairs.meanAbs(usable[a], usable[partner[a]]);
            if (!Double.isNaN(v)) {
                sum += v;
                count++;
            }
        }
        return count == 0 ? Double.NaN : sum / count;
    }

    /** A uniform random permutation of 0..n-1 without fixed points (n >= 2). */
    static int[] derangement(int n, RandomGenerator rng) {
        int[] p = new int[n];
        while (true) {
            for (int a = 0; a < n; a++) {
                p[a] = a;
            }
            for (int a = n - 1; a > 0; a--) {
                int b = rng.nextInt(a + 1);
                int tmp = p[a];
                p[a] = p[b];
                p[b] = tmp;
            }
            boolean fixed = false;
            for (int a = 0; a < n && !fixed; a++) {
                fixed = p[a] == a;
            }
            if (!fixed) {
                return p;
            }
        }
    }
}
