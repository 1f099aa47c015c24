package org.sessionreview.signal.temperature;

import java.util.Objects;

/**
 * Skin-temperature trend over a trailing window (default {@value #DEFAULT_WINDOW_SECONDS} s): the
 * ordinary least-squares slope of temperature on time, degC per minute, over the valid samples.
 * Peripheral temperature falls under stress by vasoconstriction (DOMAIN.md 4.0).
 *
 * <p>The window ending at {@code endMillis} holds the samples with time in {@code [endMillis -
 * window, endMillis)}. A sample is valid when it is not NaN and not masked; the default mask is
 * {@link OffWristGuard#defaults()} applied to all the samples given (so give at least {@link
 * OffWristGuard#contextMillis()} before the window when it matters). validShare = valid samples /
 * samples the window should hold ({@code window * rateHz}); the slope is null when it is below
 * {@code minValidShare} (default {@value #DEFAULT_MIN_VALID_SHARE}, FeatureConfig's {@code
 * minQuality}) or fewer than 2 samples are valid. Masked samples are left out, never
 * interpolated.
 *
 * <p>Reference: Vinkers et al. (2013), The effect of stress on core and peripheral body
 * temperature in humans, Stress 16(5), 520-530.
 */
public final class TemperatureSlope {
    public static final double DEFAULT_WINDOW_SECONDS = 60;
    public static final double DEFAULT_MIN_VALID_SHARE = 0.5;

    private final double windowSeconds;
    private final double minValidShare;
    private final OffWristGuard guard;

    /**
     * @param slopeCPerMin least-squares slope, degC per minute; null below the valid share
     * @param validShare valid samples / expected samples in the window, 0..1
     * @param validSamples samples used in the fit
     * @param maskedSamples samples in the window left out by the mask
     */
    public record Result(Double slopeCPerMin, double validShare, int validSamples, int maskedSamples) {}

    /**
     * @param windowSeconds trailing window, seconds (> 0)
     * @param minValidShare least share of valid samples for a slope, 0..1
     * @param guard off-wrist rules used by {@link #at(double[], double, double, double)}
     */
    public TemperatureSlope(double windowSeconds, double minValidShare, OffWristGuard guard) {
        if (!(windowSeconds > 0) || !(minValidShare >= 0 && minValidShare <= 1)) {
            throw new IllegalArgumentException("need windowSeconds > 0 and minValidShare in 0..1");
        }
        this.windowSeconds = windowSeconds;
        this.minValidShare = minValidShare;
        this.guard = Objects.requireNonNull(guard, "guard");
    }

    /** 60 s, share 0.5, {@link OffWristGuard#defaults()}. */
    public static TemperatureSlope defaults() {
        return new TemperatureSlope(DEFAULT_WINDOW_SECONDS, DEFAULT_MIN_VALID_SHARE, OffWristGuard.defaults());
    }

    /** The trailing span, seconds. */
    public double windowSeconds() {
        return windowSeconds;
    }

    public OffWristGuard guard() {
        return guard;
    }

    /**
     * Slope over the window ending at {@code endMillis}, masking with this instance's guard.
     *
     * @param tempC skin temperature, degC (NaN = missing)
     * @param rateHz sampling rate, Hz (E4: 4)
     * @param startMillis time of sample 0, epoch ms
     * @param endMillis end of the window (exclusive), epoch ms
     */
    public Result at(double[] tempC, double rateHz, double startMillis, double endMillis) {
        if (!guard.fallPossible(tempC)) {
            return atRangeRule(tempC, rateHz, startMillis, endMillis); // the guard's mask would be the range rule
        }
        return at(tempC, guard.mask(tempC, rateHz), rateHz, startMillis, endMillis);
    }

    /**
     * The slope {@link #at(double[], double, double, double)} gives when the guard's mask is the
     * range rule alone, without a mask array: for samples where {@link
     * OffWristGuard#fallPossible(double[])} is false, or is false for a superset of them (the
     * caller's to know; {@code TemperatureSlopeRangeRuleTest} checks the two paths agree).
     *
     * @param tempC skin temperature, degC (NaN = missing)
     * @param rateHz sampling rate, Hz (E4: 4)
     * @param startMillis time of sample 0, epoch ms
     * @param endMillis end of the window (exclusive), epoch ms
     */
    public Result atRangeRule(double[] tempC, double rateHz, double startMillis, double endMillis) {
        int from = firstIndex(rateHz, startMillis, endMillis);
        int to = Math.min(tempC.length, (int) Math.ceil((endMillis - startMillis) * rateHz / 1000 - 1e-9));
        RunningSlope fit = new RunningSlope();
        int maskedCount = 0;
        for (int i = from; i < to; i++) {
            double v = tempC[i];
            if (guard.inRange(v)) {
                double minutesBeforeEnd = (startMillis + i * 1000 / rateHz - endMillis) / 60_000;
                fit.add(minutesBeforeEnd, v);
            } else if (!Double.isNaN(v)) {
                maskedCount++; // the range rule masks it
            }
        }
        return result(fit, maskedCount, rateHz);
    }

    /** Index of the first sample of the window ending at {@code endMillis}. */
    private int firstIndex(double rateHz, double startMillis, double endMillis) {
        double fromMillis = endMillis - windowSeconds * 1000;
        return Math.max(0, (int) Math.ceil((fromMillis - startMillis) * rateHz / 1000 - 1e-9));
    }

    /**
     * Slope with a given mask, e.g. the guard's mask computed once for many windows, or a mask
     * built from artifact intervals.
     *
     * @param masked true where a sample must be left out; same length as {@code tempC}
     */
    public Result at(double[] tempC, boolean[] masked, double rateHz, double startMillis, double endMillis) {
        if (masked.length != tempC.length) {
            throw new IllegalArgumentException("mask length " + masked.length + " != " + tempC.length);
        }
        int from = firstIndex(rateHz, startMillis, endMillis);
        int to = Math.min(tempC.length, (int) Math.ceil((endMillis - startMillis) * rateHz / 1000 - 1e-9));
        RunningSlope fit = new RunningSlope();
        int maskedCount = 0;
        for (int i = from; i < to; i++) {
            if (masked[i]) {
                maskedCount++;
            } else if (!Double.isNaN(tempC[i])) {
                double minutesBeforeEnd = (startMillis + i * 1000 / rateHz - endMillis) / 60_000;
                fit.add(minutesBeforeEnd, tempC[i]);
            }
        }
        return result(fit, maskedCount, rateHz);
    }

    private Result result(RunningSlope fit, int maskedCount, double rateHz) {
        int valid = (int) fit.n();
        double share = Math.min(1.0, valid / (windowSeconds * rateHz));
        Double slope = valid >= 2 && share >= minValidShare ? fit.slope() : null;
        return new Result(slope, share, valid, maskedCount);
    }
}
