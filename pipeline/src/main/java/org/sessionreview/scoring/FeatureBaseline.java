package org.sessionreview.scoring;

import java.io.Serializable;

/**
 * A wearer's robust baseline for one feature: median and median absolute deviation (raw, not
 * yet scaled by 1.4826), in the feature's unit, and how many window values produced them.
 *
 * @param median baseline median, feature unit
 * @param mad median absolute deviation from the median, feature unit, >= 0
 * @param count number of window values used (0 when given from elsewhere without a count)
 */
public record FeatureBaseline(double median, double mad, int count) implements Serializable {
    public FeatureBaseline {
        if (!Double.isFinite(median)) {
            throw new IllegalArgumentException("baseline median must be finite, got " + median);
        }
        if (!Double.isFinite(mad) || mad < 0) {
            throw new IllegalArgumentException("baseline MAD must be finite and >= 0, got " + mad);
        }
        if (count < 0) {
            throw new IllegalArgumentException("baseline count must be >= 0, got " + count);
        }
    }

    /**
     * The robust scale used for z-scores: {@code max(madScale * mad, floor)}, so it is always
     * positive (Leys et al. 2013; the floor guards against a flat baseline).
     */
    public double robustScale(double madScale, double floor) {
        return Math.max(madScale * mad, floor);
    }
}
