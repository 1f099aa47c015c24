package org.sessionreview.signal.synchrony;

import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.sessionreview.config.SynchronyConfig;

/**
 * Compares window synchrony inside given time intervals (for instance the 300 s after an
 * unaddressed rupture, {@code [end, end + 300]}) with a reference: the rest of the session or the
 * span just before each interval. The measure is each analysed window's mean |z| over lags; a
 * window belongs to an interval when its centre lies in {@code [startS, endS)}.
 *
 * <p>The result is <b>supporting evidence wording only, never a rupture detector</b>: in 418
 * sessions, movement synchrony was associated with confrontation ruptures (therapists working to
 * stay attuned raised it) and not with withdrawal ruptures (Deres-Cohen, Dolev-Amit, Peysachov,
 * Ramseyer &amp; Zilcha-Mano 2021, <i>Nonverbal synchrony as a marker of alliance ruptures</i>,
 * Psychotherapy 58(4), 499-509), so lower synchrony neither shows nor rules out a rupture.
 * Overlapping windows are not independent, so the effect size is descriptive (the inside mean minus
 * the reference mean, in reference SDs, Glass's delta) and no p-value is given; DOMAIN.md 4.3 E
 * asks for a mixed model per dyad for inference.
 */
public final class SynchronyDrop {
    private SynchronyDrop() {}

    /** What the windows inside the intervals are compared with. */
    public enum Reference {
        /** Every analysed window outside all the intervals. */
        REST_OF_SESSION("the rest of the session"),
        /**
         * Analysed windows outside all intervals whose centre lies within {@link
         * SynchronyConfig#dropPrecedingS()} before an interval's start.
         */
        PRECEDING("the preceding span");

        private final String wording;

        Reference(String wording) {
            this.wording = wording;
        }
    }

    /** A time interval, seconds from media start, {@code [startS, endS)}. */
    public record Interval(double startS, double endS) {
        /** Checks that the interval is finite and not reversed. */
        public Interval {
            if (!Double.isFinite(startS) || !Double.isFinite(endS) || endS < startS) {
                throw new IllegalArgumentException("invalid interval " + startS + ".." + endS);
            }
        }

        boolean contains(double timeS) {
            return timeS >= startS && timeS < endS;
        }
    }

    /**
     * The comparison.
     *
     * @param compared both sides had at least {@link SynchronyConfig#dropMinWindows()} windows
     * @param insideMean mean of the windows' mean |z| inside the intervals (NaN without windows)
     * @param referenceMean the same for the reference windows
     * @param referenceSd sample SD of the reference windows' mean |z|
     * @param effectSize (insideMean - referenceMean) / referenceSd; negative = lower inside
     * @param insideWindows analysed windows inside the intervals
     * @param referenceWindows analysed reference windows
     * @param reference which reference was used
     * @param lower compared and effectSize &lt;= -{@link SynchronyConfig#dropEffectThreshold()}
     * @param wording one or two sentences for a report, with the caveat
     */
    public record Result(
            boolean compared,
            double insideMean,
            double referenceMean,
            double referenceSd,
            double effectSize,
            int insideWindows,
            int referenceWindows,
            Reference reference,
            boolean lower,
            String wording) {}

    /** The caveat every wording ends with. */
    public static final String CAVEAT = "Supporting context only: a synchrony drop is not a"
            + " rupture marker (Deres-Cohen et al. 2021); windows overlap, so this is descriptive,"
            + " not a test.";

    /**
     * Compares the windows inside {@code intervals} with the chosen reference.
     *
     * @param windows the session's windows (skipped ones are ignored)
     * @param intervals the spans to look at, seconds from media start
     * @param reference what to compare them with
     * @param cfg minimum windows, effect threshold and preceding span
     */
    public static Result compare(
            List<SynchronyWindow> windows, List<Interval> intervals, Reference reference, SynchronyConfig cfg) {
        SummaryStatistics inside = new SummaryStatistics();
        SummaryStatistics ref = new SummaryStatistics();
        for (SynchronyWindow w : windows) {
            if (!w.analysed() || Double.isNaN(w.meanAbsZ())) {
                continue;
            }
            double t = w.centreS();
            if (intervals.stream().anyMatch(i -> i.contains(t))) {
                inside.addValue(w.meanAbsZ());
            } else if (reference == Reference.REST_OF_SESSION
                    || intervals.stream().anyMatch(i -> t >= i.startS() - cfg.dropPrecedingS() && t < i.startS())) {
                ref.addValue(w.meanAbsZ());
            }
        }
        int nIn = (int) inside.getN();
        int nRef = (int) ref.getN();
        boolean compared = nIn >= cfg.dropMinWindows() && nRef >= cfg.dropMinWindows();
        double inMean = nIn == 0 ? Double.NaN : inside.getMean();
        double refMean = nRef == 0 ? Double.NaN : ref.getMean();
        double refSd = ref.getStandardDeviation();
        double effect = refSd > 0 ? (inMean - refMean) / refSd : Double.NaN;
        boolean lower = compared && effect <= -cfg.dropEffectThreshold();
        return new Result(
                compared,
                inMean,
                refMean,
                refSd,
                effect,
                nIn,
                nRef,
                reference,
                lower,
                wording(compared, lower, inMean, refMean, effect, nIn, nRef, reference, cfg));
    }

    private static String wording(
            boolean compared,
            boolean lower,
            double inMean,
            double refMean,
            double effect,
            int nIn,
            int nRef,
            Reference reference,
            SynchronyConfig cfg) {
        if (!compared) {
            return String.format(
                    Locale.ROOT,
                    "Too few analysed windows to compare synchrony" + " (%d inside, %d in %s; at least %d each). %s",
                    nIn,
                    nRef,
                    reference.wording,
                    cfg.dropMinWindows(),
                    CAVEAT);
        }
        String head = lower
                ? "Lower physiological synchrony"
                : effect >= cfg.dropEffectThreshold()
                        ? "Higher physiological synchrony"
                        : "No marked difference in physiological synchrony";
        return String.format(
                Locale.ROOT,
                "%s: mean |z| %.2f in %d windows vs %.2f in %d windows" + " of %s (%+.1f reference SD). %s",
                head,
                inMean,
                nIn,
                refMean,
                nRef,
                reference.wording,
                effect,
                CAVEAT);
    }
}
