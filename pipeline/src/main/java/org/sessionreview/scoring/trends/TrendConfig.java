package org.sessionreview.scoring.trends;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parameters of the longitudinal client table ({@link ClientTrend}) [proposal: the project's
 * defaults; every number is configuration]. Immutable; the compact constructor checks every value
 * and names the offending option.
 *
 * @param lastN how many of the client's sessions (the current one and those before it) the trend
 *     and the plateau rule look at; at least 3 so that the slope has a significance test. Default
 *     {@value #DEFAULT_LAST_N}.
 * @param highBurdenS a session's anxiety burden is <i>high</i> when its client anxiety time
 *     ({@code anxiety_time_s}) is at least this many seconds. Default {@value
 *     #DEFAULT_HIGH_BURDEN_S} s (two minutes in candidate anxiety episodes).
 * @param declineAlpha one-sided significance level of the least-squares slope: a negative slope
 *     counts as a <i>decline</i> only when its one-sided p-value (Student t, n - 2 degrees of
 *     freedom) is below this. Default {@value #DEFAULT_DECLINE_ALPHA}.
 */
public record TrendConfig(int lastN, double highBurdenS, double declineAlpha)
        implements Serializable {
    /** Default {@link #lastN}: 4 sessions. */
    public static final int DEFAULT_LAST_N = 4;
    /** Default {@link #highBurdenS}: 120 s. */
    public static final double DEFAULT_HIGH_BURDEN_S = 120.0;
    /** Default {@link #declineAlpha}: 0.05 (one-sided). */
    public static final double DEFAULT_DECLINE_ALPHA = 0.05;

    public TrendConfig {
        if (lastN < 3) {
            throw new IllegalArgumentException("trends.client.last_n must be >= 3, got " + lastN);
        }
        if (!(highBurdenS >= 0) || Double.isInfinite(highBurdenS)) {
            throw new IllegalArgumentException(
                    "trends.client.high_burden_s must be a finite number >= 0, got " + highBurdenS);
        }
        if (!(declineAlpha > 0 && declineAlpha < 1)) {
            throw new IllegalArgumentException(
                    "trends.client.decline_alpha must lie in (0, 1), got " + declineAlpha);
        }
    }

    /** The defaults: last 4 sessions, 120 s, one-sided alpha 0.05. */
    public static TrendConfig defaults() {
        return new TrendConfig(DEFAULT_LAST_N, DEFAULT_HIGH_BURDEN_S, DEFAULT_DECLINE_ALPHA);
    }

    /** Every option with its value, for output provenance; keys in a fixed order. */
    public Map<String, String> asMetadata() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("trends.client.last_n", Integer.toString(lastN));
        m.put("trends.client.high_burden_s", Double.toString(highBurdenS));
        m.put("trends.client.decline_alpha", Double.toString(declineAlpha));
        return m;
    }
}
