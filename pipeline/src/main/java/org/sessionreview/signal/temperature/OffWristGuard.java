package org.sessionreview.signal.temperature;

/**
 * Marks skin-temperature samples that do not come from a worn sensor.
 *
 * <p>Two rules, either one masks a sample:
 *
 * <ol>
 *   <li><b>Range</b>: outside {@code [minC, maxC]}, default 25-40 degC. A sensor off the wrist
 *       drifts to room temperature. Kleckner et al. (2018) use 30-40 degC; that floor would mask
 *       whole real sessions here (stress-predict S01 and S06 read 26-29 degC on the wrist in a
 *       cool room), so the project keeps {@code FeatureConfig}'s 25 degC.
 *   <li><b>Fall</b>: a fall too fast for skin. Sample {@code i} is masked when some earlier
 *       in-range sample {@code j} no more than {@code fallWindowSeconds} (default 120 s) before it
 *       was warmer by at least {@code max(minFallC, maxFallCPerMin * (t_i - t_j))}, defaults 1 degC
 *       and 1 degC/min: a drop of at least 1 degC at an average rate above 1 degC/min, sustained
 *       for up to 2 min. Then the samples from the start of that fall up to {@code i} are masked
 *       too, so the fall is covered, not only its part past 1 degC: the fall starts after the
 *       last sample still within {@value #LEVEL_TOLERANCE_C} degC (five E4 resolution steps) of
 *       the latest such {@code j}, so a flat worn stretch before it stays valid. Taking the band off
 *       drops an E4 reading by several degrees within seconds (stress-predict S04 ends with 35.3
 *       to 26.8 degC in 10 s), while stress vasoconstriction lowers wrist temperature by tenths of
 *       a degree per minute (Vinkers et al. 2013); a single contact shift of under 1 degC (S01:
 *       0.8 degC in one sample) is not masked.
 * </ol>
 *
 * <p>NaN samples are not masked (they are missing, which callers count separately) and never
 * serve as {@code j}. Limitation: after a fall the sensor may settle at a room temperature inside
 * the range; such a plateau stays masked only for {@code fallWindowSeconds} after the fall.
 *
 * <p>Cost: linear in the samples. A sliding maximum of the in-range samples of the fall window
 * (a monotonic queue) rules out most samples at once, since no drop to sample {@code i} can reach
 * {@code minFallC} when that maximum does not; only the others are scanned back as the rule
 * states. When no in-range sample is {@code minFallC} warmer than the coldest sample (a worn
 * stretch, the usual case for a window's context) no fall can qualify and only the range rule is
 * applied. {@code OffWristGuardReferenceTest} checks it against the direct scan of every sample.
 *
 * <p>Masks are local: sample {@code i} depends only on samples within {@code fallWindowSeconds}
 * on either side, so {@link #contextMillis()} of context around a core gives the same mask there
 * as the whole recording.
 *
 * <p>References: Kleckner et al. (2018), Simple, transparent, and flexible automated quality
 * assessment procedures for ambulatory electrodermal activity data, IEEE TBME 65(7), 1460-1467
 * (rule 3, temperature); Vinkers et al. (2013), The effect of stress on core and peripheral body
 * temperature in humans, Stress 16(5), 520-530.
 */
public final class OffWristGuard {
    public static final double DEFAULT_MIN_C = 25;
    public static final double DEFAULT_MAX_C = 40;
    public static final double DEFAULT_MAX_FALL_C_PER_MIN = 1.0;
    public static final double DEFAULT_MIN_FALL_C = 1.0;
    public static final double DEFAULT_FALL_WINDOW_SECONDS = 120;
    /** Samples within this of the warm reference are still at its level, degC. */
    public static final double LEVEL_TOLERANCE_C = 0.1;

    private final double minC;
    private final double maxC;
    private final double maxFallCPerMin;
    private final double minFallC;
    private final double fallWindowSeconds;

    /**
     * @param minC lowest worn temperature, degC
     * @param maxC highest worn temperature, degC
     * @param maxFallCPerMin fastest worn fall, degC per minute (> 0)
     * @param minFallC smallest drop the fall rule masks, degC (> 0)
     * @param fallWindowSeconds how far back a fall is looked for, seconds (> 0)
     */
    public OffWristGuard(double minC, double maxC, double maxFallCPerMin, double minFallC, double fallWindowSeconds) {
        if (!(minC < maxC) || !(maxFallCPerMin > 0) || !(minFallC > 0) || !(fallWindowSeconds > 0)) {
            throw new IllegalArgumentException("need minC < maxC and positive fall parameters");
        }
        this.minC = minC;
        this.maxC = maxC;
        this.maxFallCPerMin = maxFallCPerMin;
        this.minFallC = minFallC;
        this.fallWindowSeconds = fallWindowSeconds;
    }

    /** 25-40 degC; falls of >= 1 degC faster than 1 degC/min within 120 s. */
    public static OffWristGuard defaults() {
        return new OffWristGuard(
                DEFAULT_MIN_C,
                DEFAULT_MAX_C,
                DEFAULT_MAX_FALL_C_PER_MIN,
                DEFAULT_MIN_FALL_C,
                DEFAULT_FALL_WINDOW_SECONDS);
    }

    /** Context needed on each side of a core for the mask there to match: the fall window. */
    public double contextMillis() {
        return fallWindowSeconds * 1000;
    }

    /** True when the value lies inside the worn range (false for NaN). */
    public boolean inRange(double tempC) {
        return tempC >= minC && tempC <= maxC;
    }

    /**
     * The off-wrist mask.
     *
     * @param tempC skin temperature, degC, uniformly sampled (NaN = missing)
     * @param rateHz sampling rate, Hz (E4: 4)
     * @return true where the sample is off the wrist (out of range or in a fall)
     */
    public boolean[] mask(double[] tempC, double rateHz) {
        int n = tempC.length;
        boolean[] masked = new boolean[n];
        if (!fallPossible(tempC)) {
            // no in-range sample is minFallC warmer than any sample, so no fall qualifies anywhere: the range rule
            // alone
            for (int i = 0; i < n; i++) {
                masked[i] = !Double.isNaN(tempC[i]) && !inRange(tempC[i]);
            }
            return masked;
        }
        int lookBack = (int) Math.floor(fallWindowSeconds * rateHz + 1e-9);
        double perSampleC = maxFallCPerMin / (60 * rateHz);
        // in-range samples of [i - lookBack, i - 1], warmest first: their maximum bounds every
        // drop to sample i, so when it is less than minFallC no j qualifies and the scan is skipped
        int[] warm = new int[Math.min(n, lookBack) + 1];
        int head = 0;
        int tail = 0;
        for (int i = 0; i < n; i++) {
            if (i > 0 && inRange(tempC[i - 1])) {
                while (tail > head && tempC[warm[(tail - 1) % warm.length]] <= tempC[i - 1]) {
                    tail--;
                }
                warm[tail++ % warm.length] = i - 1;
            }
            while (tail > head && warm[head % warm.length] < i - lookBack) {
                head++;
            }
            double v = tempC[i];
            if (Double.isNaN(v)) {
                continue;
            }
            if (!inRange(v)) {
                masked[i] = true;
            }
            if (tail == head || tempC[warm[head % warm.length]] - v < minFallC) {
                continue;
            }
            for (int j = i - 1; j >= Math.max(0, i - lookBack); j--) {
                if (inRange(tempC[j]) && tempC[j] - v >= Math.max(minFallC, perSampleC * (i - j))) {
                    // the fall starts after the last sample still at j's level
                    int level = i - 1;
                    while (level > j && !(tempC[level] >= tempC[j] - LEVEL_TOLERANCE_C)) {
                        level--;
                    }
                    for (int k = level + 1; k <= i; k++) {
                        masked[k] |= !Double.isNaN(tempC[k]);
                    }
                    break; // the latest j: earlier ones would reach back into worn data
                }
            }
        }
        return masked;
    }

    /**
     * False when no sample of {@code tempC} can be in a fall, so that {@link #mask} is the range
     * rule alone: no in-range sample is {@code minFallC} warmer than the coldest sample. One pass;
     * the same decision {@link #mask} takes.
     *
     * @param tempC skin temperature, degC (NaN = missing)
     */
    public boolean fallPossible(double[] tempC) {
        double warmest = Double.NEGATIVE_INFINITY;
        double coldest = Double.POSITIVE_INFINITY;
        for (double v : tempC) {
            if (inRange(v) && v > warmest) {
                warmest = v;
            }
            if (v < coldest) {
                coldest = v;
            }
        }
        return fallPossible(warmest, coldest);
    }

    /**
     * The decision of {@link #fallPossible(double[])} from the extremes of the samples: false also
     * for every subset of samples whose extremes these are (a subset's warmest is no warmer, its
     * coldest no colder), which lets a caller decide from a superset of a series' samples.
     *
     * @param warmestInRange the warmest in-range sample, degC; -infinity when none
     * @param coldest the coldest sample (NaN left out), degC; +infinity when none
     */
    public boolean fallPossible(double warmestInRange, double coldest) {
        // a drop tempC[j] - v is at most warmest - coldest, as rounding is monotone
        return warmestInRange - coldest >= minFallC;
    }
}
