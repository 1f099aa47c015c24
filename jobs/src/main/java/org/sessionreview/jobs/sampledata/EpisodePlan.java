package org.sessionreview.jobs.sampledata;

/**
 * A planted client anxiety episode. Arousal rises with a raised-cosine ramp over
 * [{@code startS}, {@code startS + rampUpS}], holds, and falls over the last {@code rampDownS}
 * seconds before {@code endS}. At full arousal: EDA tonic +{@code edaRiseUs}, SCR rate x
 * {@link #SCR_RATE_FACTOR}, HR +{@code hrRiseBpm}, RMSSD x (1 - {@link #RMSSD_REDUCTION}); skin
 * temperature falls linearly by {@code tempDropC} across the episode and recovers afterwards.
 *
 * @param id stable id, e.g. {@code S1-E1}
 * @param fidgetHz frequency of the ACC tapping/fidget component (3-5 Hz), or null for none
 * @param fidget the fidget stretch, or null
 */
public record EpisodePlan(
        String id,
        double startS,
        double rampUpS,
        double endS,
        double rampDownS,
        double edaRiseUs,
        double hrRiseBpm,
        double tempDropC,
        Double fidgetHz,
        Interval fidget) {

    /** SCR rate multiplier at full arousal. */
    public static final double SCR_RATE_FACTOR = 3.0;
    /** Fractional RMSSD (and RSA) reduction at full arousal. */
    public static final double RMSSD_REDUCTION = 0.4;

    public double plateauStartS() {
        return startS + rampUpS;
    }

    public double plateauEndS() {
        return endS - rampDownS;
    }

    public Interval interval() {
        return new Interval(startS, endS);
    }

    /** Arousal 0..1 at media time {@code t}. */
    public double arousal(double t) {
        if (t <= startS || t >= endS) {
            return 0.0;
        }
        if (t < plateauStartS()) {
            return raisedCosine((t - startS) / rampUpS);
        }
        if (t > plateauEndS()) {
            return raisedCosine((endS - t) / rampDownS);
        }
        return 1.0;
    }

    private static double raisedCosine(double u) {
        return 0.5 - 0.5 * StrictMath.cos(StrictMath.PI * u);
    }
}
