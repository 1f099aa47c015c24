package org.sessionreview.ingest.e4;

import org.sessionreview.config.IngestOptions;
import org.sessionreview.config.PipelineConfig;
import org.sessionreview.model.Channel;

/**
 * The physically plausible range of one sample per E4 channel ({@link IngestOptions}): a single
 * damaged value (EDA 1e23 uS, HR 5000 bpm, skin temperature 900 degC) parses as a number but would
 * swamp every feature of its windows, so it is rejected as its line, its sample left missing. ACC
 * has the sensor's own range, +-2 g ({@link E4Units#accRangeProblem}); IBI's intervals are checked by
 * {@link E4Limits#beatProblem}. The defaults hold every sample of the real recordings in the
 * shared data ({@code E4SampleRangesTest#shouldRejectNoSampleOfARealRecording}).
 *
 * @param edaMaxUs largest EDA sample, uS (negative samples are rejected too)
 * @param tempMinC lowest skin temperature, degC
 * @param tempMaxC highest skin temperature, degC
 * @param hrMinBpm lowest HR.csv sample, beats per minute
 * @param hrMaxBpm highest HR.csv sample, beats per minute
 * @param bvpMaxAbs largest absolute BVP sample (arbitrary units)
 */
public record E4SampleRanges(
        double edaMaxUs, double tempMinC, double tempMaxC, double hrMinBpm, double hrMaxBpm, double bvpMaxAbs)
        implements java.io.Serializable {

    /** The ranges of the default configuration. */
    public static final E4SampleRanges DEFAULTS = of(PipelineConfig.defaults());

    /** The ranges a configuration sets ({@code ingest.e4_*}). */
    public static E4SampleRanges of(PipelineConfig config) {
        return new E4SampleRanges(
                config.ingest(IngestOptions.E4_EDA_MAX_US),
                config.ingest(IngestOptions.E4_TEMP_MIN_C),
                config.ingest(IngestOptions.E4_TEMP_MAX_C),
                config.ingest(IngestOptions.E4_HR_MIN_BPM),
                config.ingest(IngestOptions.E4_HR_MAX_BPM),
                config.ingest(IngestOptions.E4_BVP_MAX_ABS));
    }

    /** Why the row {@code values} of {@code channel} is no plausible sample; null when it is (and for IBI). */
    String problem(Channel channel, double[] values) {
        double v = values[0];
        return switch (channel) {
            case EDA -> v >= 0 && v <= edaMaxUs ? null : outside("EDA", v, 0, edaMaxUs, "uS", "e4_eda_max_us");
            case TEMP ->
                v >= tempMinC && v <= tempMaxC
                        ? null
                        : outside("skin temperature", v, tempMinC, tempMaxC, "degC", "e4_temp_min_c/_max_c");
            case HR ->
                v >= hrMinBpm && v <= hrMaxBpm
                        ? null
                        : outside("heart rate", v, hrMinBpm, hrMaxBpm, "bpm", "e4_hr_min_bpm/_max_bpm");
            case BVP ->
                Math.abs(v) <= bvpMaxAbs ? null : outside("BVP", v, -bvpMaxAbs, bvpMaxAbs, "", "e4_bvp_max_abs");
            case ACC -> E4Units.accRangeProblem(values);
            case IBI -> null;
        };
    }

    /**
     * Sets every sample of {@code values} (rows of the channel's width, as a live message carries
     * them) that lies outside its range to NaN, all of its values; a row holding a NaN is already
     * missing and is left alone. Returns how many rows were set.
     */
    public int maskOutside(Channel channel, double[] values) {
        int w = channel.width();
        double[] row = new double[w];
        int masked = 0;
        for (int i = 0; i + w <= values.length; i += w) {
            boolean missing = false;
            for (int k = 0; k < w; k++) {
                row[k] = values[i + k];
                missing |= Double.isNaN(row[k]);
            }
            if (!missing && problem(channel, row) != null) {
                java.util.Arrays.fill(values, i, i + w, Double.NaN);
                masked++;
            }
        }
        return masked;
    }

    /** Whether a reject's reason is a sample outside its range (this record's, or ACC's). */
    static boolean isRangeReason(String reason) {
        return reason.endsWith(DAMAGED) || reason.startsWith("acceleration beyond the E4's range");
    }

    private static final String DAMAGED = "): a damaged value";

    private static String outside(String what, double v, double min, double max, String unit, String option) {
        String u = unit.isEmpty() ? "" : " " + unit;
        return what + " " + E4Limits.num(v) + u + " is outside the plausible range " + E4Limits.num(min) + " to "
                + E4Limits.num(max) + u + " (ingest." + option + DAMAGED;
    }
}
