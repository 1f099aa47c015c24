package org.sessionreview.signal.cardiac;

/**
 * Time-domain HRV from inter-beat intervals with gaps (the E4 drops beats it cannot detect, so
 * two consecutive rows of IBI.csv are not always consecutive beats).
 *
 * <p>Beats {@code i-1} and {@code i} are <em>adjacent</em> when the time between them equals
 * beat {@code i}'s interval within {@value #ADJACENCY_TOLERANCE} of that interval: {@code
 * |(t[i] - t[i-1]) - ibi[i]| <= 0.1 ibi[i]}. Successive differences are taken over adjacent pairs
 * of used beats only, so a gap never produces a spurious large difference.
 *
 * <p>Reference: Task Force of the ESC and NASPE (1996), Heart rate variability: standards of
 * measurement, physiological interpretation and clinical use, Circulation 93, 1043-1065 (RMSSD).
 */
public final class HrvTimeDomain {
    /** Relative tolerance of the adjacency test. */
    public static final double ADJACENCY_TOLERANCE = 0.1;

    private HrvTimeDomain() {}

    /**
     * RMSSD and the number of successive differences it averages.
     *
     * @param rmssdMs root mean square of successive differences, milliseconds; NaN when pairs = 0
     * @param pairs adjacent pairs used
     */
    public record Rmssd(double rmssdMs, int pairs) {}

    /** True when beat {@code i} directly follows beat {@code i-1} (see class comment). */
    public static boolean adjacent(double previousBeatS, double beatS, double ibiS) {
        return Math.abs((beatS - previousBeatS) - ibiS) <= ADJACENCY_TOLERANCE * ibiS;
    }

    /**
     * RMSSD over adjacent pairs of used beats.
     *
     * @param beatTimesS beat times, seconds (any origin), increasing
     * @param ibiS intervals ending at those beats, seconds
     * @param use which beats may enter (accepted and inside the window)
     */
    public static Rmssd rmssd(double[] beatTimesS, double[] ibiS, boolean[] use) {
        double sumSq = 0;
        int pairs = 0;
        for (int i = 1; i < ibiS.length; i++) {
            if (use[i] && use[i - 1] && adjacent(beatTimesS[i - 1], beatTimesS[i], ibiS[i])) {
                double d = (ibiS[i] - ibiS[i - 1]) * 1000.0;
                sumSq += d * d;
                pairs++;
            }
        }
        return new Rmssd(pairs == 0 ? Double.NaN : Math.sqrt(sumSq / pairs), pairs);
    }
}
