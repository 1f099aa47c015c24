package org.sessionreview.features;

import org.sessionreview.signal.temperature.OffWristGuard;
import org.sessionreview.signal.temperature.TemperatureSlope;

/**
 * The windows' trailing temperature slope ({@link TemperatureSlope} over a window's context) with
 * the off-wrist guard's first question answered per stream, not per window: can any sample of the
 * context be in a fall ({@link OffWristGuard#fallPossible(double, double)})? When not, the guard's
 * mask is the range rule alone and the slope is fit without a mask ({@link
 * TemperatureSlope#atRangeRule}); else the window's samples go through the guard as before.
 *
 * <p>The question is asked of the temperature buffer's samples in the context: two monotone queues
 * keep the warmest in-range and the coldest sample of the span, each sample pushed once and dropped
 * once as the windows move on (before, every window scanned its 90 s context twice and masked it
 * once, about 18 times per sample). Those samples are a superset of the window's grid (the grid
 * drops a sample replaced on its point or past its end, and the not-worn stretches set samples to
 * NaN), and a subset's extremes lie within a superset's, so "no fall" here means "no fall" on the
 * grid: the result is the one {@link TemperatureSlope#at(double[], double, double, double)} gives
 * ({@code TemperatureSlopeCacheTest}). Not state, not thread-safe; one per wearer, lost on a
 * restore (the next window starts it again).
 */
final class TemperatureSlopeCache {
    private final TemperatureSlope slope;
    private final OffWristGuard guard;
    private final MonotoneQueue warmest = new MonotoneQueue(true);
    private final MonotoneQueue coldest = new MonotoneQueue(false);
    /** Time of the last sample pushed, epoch ms. */
    private double pushedMillis = Double.NEGATIVE_INFINITY;

    private double lastFromMillis = Double.NEGATIVE_INFINITY;
    private int rangeRuleWindows;

    TemperatureSlopeCache(TemperatureSlope slope) {
        this.slope = slope;
        this.guard = slope.guard();
    }

    /**
     * The slope over the window ending at {@code endMillis}.
     *
     * @param temp the temperature buffer {@code context} was taken from; null when there is none
     * @param context the buffer's grid over {@code [fromMillis, endMillis)}, samples set to NaN
     *     where the band was not worn
     * @param fromMillis start of the context, epoch ms
     * @param endMillis end of the window (exclusive), epoch ms
     */
    TemperatureSlope.Result at(ChannelBuffer temp, RegularSeries context, double fromMillis, double endMillis) {
        double[] t = context.values();
        if (temp != null && !fallPossible(temp, fromMillis, endMillis)) {
            rangeRuleWindows++;
            return slope.atRangeRule(t, context.rateHz(), context.t0Millis(), endMillis);
        }
        return slope.at(t, context.rateHz(), context.t0Millis(), endMillis);
    }

    /** Windows whose slope was fit by the range rule alone (for tests). */
    int rangeRuleWindows() {
        return rangeRuleWindows;
    }

    /** The guard's decision over the buffer's samples in {@code [fromMillis, toMillis)}. */
    private boolean fallPossible(ChannelBuffer temp, double fromMillis, double toMillis) {
        if (fromMillis < lastFromMillis) {
            // a span that starts earlier (not the windows' order): samples already dropped are needed again
            warmest.clear();
            coldest.clear();
            pushedMillis = Double.NEGATIVE_INFINITY;
        }
        lastFromMillis = fromMillis;
        // every sample of the span up to the last one pushed is in the queues (or was dominated
        // there): samples are appended in time order, so those not pushed yet come after it
        int end = temp.firstIndexAtOrAfter(toMillis);
        for (int i = temp.firstIndexAtOrAfter(Math.max(fromMillis, Math.nextUp(pushedMillis))); i < end; i++) {
            double t = temp.timeAt(i);
            double v = temp.valueAt(i, 0);
            if (guard.inRange(v)) {
                warmest.push(t, v);
            }
            if (!Double.isNaN(v)) {
                coldest.push(t, v);
            }
            pushedMillis = t;
        }
        // a span that ends earlier than the last keeps later samples: a superset still
        warmest.dropBefore(fromMillis);
        coldest.dropBefore(fromMillis);
        return guard.fallPossible(warmest.extreme(Double.NEGATIVE_INFINITY), coldest.extreme(Double.POSITIVE_INFINITY));
    }

    /**
     * Samples in time order, each later one dominating those before it that it outranks: the
     * first is the extreme of those pushed since the last {@link #dropBefore} cut.
     */
    private static final class MonotoneQueue {
        private final boolean keepsMax;
        private double[] times = new double[64];
        private double[] values = new double[64];
        private int head;
        private int size;

        MonotoneQueue(boolean keepsMax) {
            this.keepsMax = keepsMax;
        }

        void push(double millis, double v) {
            while (size > 0) {
                double last = values[(head + size - 1) & (values.length - 1)];
                if (keepsMax ? last <= v : last >= v) {
                    size--;
                } else {
                    break;
                }
            }
            if (size == values.length) {
                grow();
            }
            int at = (head + size) & (values.length - 1);
            times[at] = millis;
            values[at] = v;
            size++;
        }

        void dropBefore(double millis) {
            while (size > 0 && times[head] < millis) {
                head = (head + 1) & (values.length - 1);
                size--;
            }
        }

        /** The first value; {@code none} when empty. */
        double extreme(double none) {
            return size == 0 ? none : values[head];
        }

        void clear() {
            head = 0;
            size = 0;
        }

        private void grow() {
            double[] t = new double[times.length * 2];
            double[] v = new double[values.length * 2];
            for (int k = 0; k < size; k++) {
                t[k] = times[(head + k) & (times.length - 1)];
                v[k] = values[(head + k) & (values.length - 1)];
            }
            times = t;
            values = v;
            head = 0;
        }
    }
}
