package org.sessionreview.features;

/**
 * Beats with their inter-beat intervals, in time order.
 *
 * @param timesMillis beat times (end of each interval), epoch milliseconds
 * @param ibiS intervals, seconds
 */
public record BeatSeries(double[] timesMillis, double[] ibiS) {
    /** Number of beats. */
    public int length() {
        return ibiS.length;
    }
}
