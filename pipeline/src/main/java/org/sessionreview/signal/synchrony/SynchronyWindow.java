package org.sessionreview.signal.synchrony;

/**
 * The windowed cross-correlation summary of one window (DOMAIN.md 4.3 A). All z values are Fisher
 * z of Pearson correlations, clamped to the configured bound; lags are in seconds, positive when
 * the therapist follows the client. Skipped windows ({@link #status()} not {@link
 * WindowStatus#OK}) carry NaN values and {@link Leader#NONE}.
 *
 * @param startS window start, seconds from media start
 * @param endS window end (exclusive), seconds from media start
 * @param status analysed, or why not
 * @param validShare share (0..1) of the window's samples where both wearers are valid
 * @param zLag0 signed z at lag 0 (in-phase &gt; 0, anti-phase &lt; 0)
 * @param meanAbsZ mean |z| over all lags with a value
 * @param peakLagS lag of the largest |z|, seconds (ties go to the lag nearest 0)
 * @param peakZ signed z at the peak lag
 * @param clientLeadsZ mean signed z over lags k &gt; 0 (therapist follows, client leads)
 * @param therapistLeadsZ mean signed z over lags k &lt; 0 (client follows, therapist leads)
 * @param leader the side of the peak lag, see {@link Leader}
 */
public record SynchronyWindow(
        double startS,
        double endS,
        WindowStatus status,
        double validShare,
        double zLag0,
        double meanAbsZ,
        double peakLagS,
        double peakZ,
        double clientLeadsZ,
        double therapistLeadsZ,
        Leader leader) {

    /** A skipped window: every value NaN, no leader. */
    public static SynchronyWindow skipped(double startS, double endS, WindowStatus status, double validShare) {
        return new SynchronyWindow(
                startS,
                endS,
                status,
                validShare,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                Leader.NONE);
    }

    /** Whether the window was analysed. */
    public boolean analysed() {
        return status == WindowStatus.OK;
    }

    /** Middle of the window, seconds from media start. */
    public double centreS() {
        return (startS + endS) / 2;
    }
}
