package org.sessionreview.report;

/**
 * One row of the {@code synchrony/} table: one window of the windowed lagged cross-correlation
 * between client and therapist for one signal (DOMAIN.md 4.3 A). z values are Fisher z of Pearson
 * correlations (clamped to |z| &lt;= 10); lags are seconds, <b>positive when the therapist follows
 * the client</b>. Values are null for windows that were skipped ({@link #status} not {@code ok}).
 */
public class SynchronyRow implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    public String sessionId;
    /** Window start, seconds from media start. */
    public double startS;
    /** Window end (exclusive), seconds from media start. */
    public double endS;
    /** Signal the window was computed on, e.g. {@code eda}. */
    public String signal;
    /** Signed z at lag 0. */
    public Double zLag0;
    /** Mean |z| over all lags. */
    public Double meanAbsZ;
    /** Lag of the largest |z|, seconds. */
    public Double peakLagS;
    /** Signed z at the peak lag. */
    public Double peakZ;
    /** Mean signed z over positive lags (the client leads). */
    public Double clientLeadsZ;
    /** Mean signed z over negative lags (the therapist leads). */
    public Double therapistLeadsZ;
    /** {@code client}, {@code therapist} or {@code none}: the side of the peak lag. */
    public String leader;
    /** Share (0..1) of the window's samples where both wearers are valid. */
    public double validShare;
    /** {@code ok}, or why the window was skipped: {@code masked}, {@code flat}. */
    public String status;
    /**
     * Whether the window overlaps an open rupture episode (DOMAIN.md 4.3 E); filled by the
     * integrating operator, null until then or without rupture coding.
     */
    public Boolean duringRupture;

    public SynchronyRow() {}

    @Override
    public String toString() {
        return "SynchronyRow{" + sessionId + " " + signal + " " + startS + "-" + endS + " " + status + " z0=" + zLag0
                + " peak=" + peakZ + "@" + peakLagS + "s leader=" + leader + "}";
    }
}
