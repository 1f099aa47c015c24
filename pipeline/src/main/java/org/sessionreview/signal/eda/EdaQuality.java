package org.sessionreview.signal.eda;

/**
 * Marks EDA samples that cannot be physiological (DOMAIN.md 4.0/4.1): missing (NaN), below the
 * contact-loss floor, above the range of wrist skin conductance, or at either end of a step
 * faster than the largest plausible slope.
 *
 * <p>A jump is judged between consecutive samples: {@code |x[i] - x[i-1]| * rateHz > maxJump}.
 * Both samples of such a step are invalid, since either side can be the artifact. Defaults in
 * {@code FeatureConfig}: floor 0.05 uS, ceiling 60 uS (Kleckner et al. 2018, rule 1), jump
 * 10 uS/s.
 *
 * <p>Reference: Boucsein (2012), <i>Electrodermal Activity</i> (2nd ed.), ch. 2.5 (artifacts);
 * Kleckner et al. (2018), Simple, transparent, and flexible automated quality assessment
 * procedures for ambulatory electrodermal activity data, IEEE TBME 65(7), 1460-1467.
 */
public final class EdaQuality {
    private EdaQuality() {}

    /**
     * The validity of each sample.
     *
     * @param edaUs skin conductance, microsiemens, uniformly sampled (NaN = missing)
     * @param rateHz sampling rate, Hz
     * @param minUs values below this are contact loss, microsiemens
     * @param maxUs values above this are out of range, microsiemens
     * @param maxJumpUsPerS steps faster than this are artifacts, microsiemens per second
     * @return true where the sample is valid
     */
    public static boolean[] validMask(double[] edaUs, double rateHz, double minUs, double maxUs, double maxJumpUsPerS) {
        int n = edaUs.length;
        boolean[] valid = new boolean[n];
        for (int i = 0; i < n; i++) {
            valid[i] = edaUs[i] >= minUs && edaUs[i] <= maxUs; // false for NaN
        }
        double maxStep = maxJumpUsPerS / rateHz;
        for (int i = 1; i < n; i++) {
            if (Math.abs(edaUs[i] - edaUs[i - 1]) > maxStep) {
                valid[i] = false;
                valid[i - 1] = false;
            }
        }
        return valid;
    }

    /** Number of true entries in {@code valid[from, to)}. */
    public static int count(boolean[] valid, int from, int to) {
        int n = 0;
        for (int i = Math.max(0, from); i < Math.min(valid.length, to); i++) {
            if (valid[i]) {
                n++;
            }
        }
        return n;
    }
}
