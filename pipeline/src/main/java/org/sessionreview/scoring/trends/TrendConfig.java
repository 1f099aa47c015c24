package org.sessionreview.scoring.trends;

import java.io.Serializable;
import org.sessionreview.config.TrendOptions;

/**
 * Parameters of the longitudinal client table ({@link ClientTrend}) [proposal: the project's
 * defaults; every number is configuration]. Immutable; the compact constructor checks every value
 * and names the offending option.
 *
 * @param lastN how many of the client's sessions (the current one and those before it) the trend
 *     and the plateau rule look at; at least 3 so that the slope has a significance test. Default
 *     4.
 * @param highBurdenS a session's anxiety burden is <i>high</i> when its client anxiety time
 *     ({@code anxiety_time_s}) is at least this many seconds. Default 120 s (two minutes in candidate anxiety episodes).
 * @param declineAlpha one-sided significance level of the least-squares slope: a negative slope
 *     counts as a <i>decline</i> only when its one-sided p-value (Student t, n - 2 degrees of
 *     freedom) is below this. Default 0.05.
 */
public record TrendConfig(int lastN, double highBurdenS, double declineAlpha) implements Serializable {

    /** Checks each value against its declaration in {@link TrendOptions} (messages name the key). */
    public TrendConfig {
        TrendOptions.LAST_N.validate(lastN);
        TrendOptions.HIGH_BURDEN_S.validate(highBurdenS);
        TrendOptions.DECLINE_ALPHA.validate(declineAlpha);
    }

    /** The declared defaults ({@link TrendOptions}); the pipeline passes {@code PipelineConfig.trends()}. */
    public static TrendConfig defaults() {
        return new TrendConfig(
                TrendOptions.LAST_N.defaultValue(),
                TrendOptions.HIGH_BURDEN_S.defaultValue(),
                TrendOptions.DECLINE_ALPHA.defaultValue());
    }
}
