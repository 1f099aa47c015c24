package org.sessionreview.ingest.e4;

import java.util.Arrays;
import org.apache.commons.math3.stat.descriptive.rank.Median;
import org.sessionreview.model.Channel;

/**
 * Whether a channel's values are in the E4's units, judged on their median: a file converted by
 * another tool (EDA in nanosiemens, skin temperature in degrees Fahrenheit, acceleration in g or
 * m/s^2, inter-beat intervals in milliseconds) parses as numbers but would be read as nonsense,
 * quietly for acceleration (every movement threshold would be 64 times too high). Such a file is
 * rejected as a whole with a reason that names the likely unit; it is never rescaled by guess.
 *
 * <ul>
 *   <li><b>EDA</b>, uS: median above {@value #EDA_MAX_MEDIAN_US} uS, the ceiling of wrist skin
 *       conductance (Kleckner et al. 2018, rule 1);
 *   <li><b>TEMP</b>, degC: median above {@value #TEMP_MAX_MEDIAN_C} degC (worn skin is 25-40 degC,
 *       an unworn band room temperature; 77-99 degF and about 300 K are far above);
 *   <li><b>ACC</b>, 1/64 g: median magnitude of the three axes outside {@value #ACC_MIN_MEDIAN} to
 *       {@value #ACC_MAX_MEDIAN} (0.5 to 2 g): gravity alone gives 64 at rest, worn or not, and
 *       the median of a recording is near it (about 1 in g, 9.8 in m/s^2);
 *   <li><b>IBI</b>, s: median interval above {@value #IBI_MAX_MEDIAN_S} s (heart beats come every
 *       0.3-2 s; 300-2000 in milliseconds).
 * </ul>
 *
 * BVP (arbitrary units) and HR (beats per minute, no common other unit) are not judged. The
 * median is taken over at most {@value #SAMPLE} evenly spaced finite values (for ACC, rows), so
 * the check costs little on a long file.
 */
final class E4Units {
    static final double EDA_MAX_MEDIAN_US = 60;
    static final double TEMP_MAX_MEDIAN_C = 50;
    static final double ACC_MIN_MEDIAN = 32;
    static final double ACC_MAX_MEDIAN = 128;
    static final double IBI_MAX_MEDIAN_S = 3;
    static final int SAMPLE = 8192;

    private E4Units() {}

    /**
     * Null when the values are plausibly in the channel's unit (or there is nothing to judge),
     * else why not.
     *
     * @param values the channel's values (ACC: interleaved x, y, z in 1/64 g; IBI: intervals, s)
     */
    static String problem(Channel channel, double[] values) {
        return switch (channel) {
            case EDA ->
                above(values, EDA_MAX_MEDIAN_US)
                        ? WRONG + "the median EDA is " + num(median(values, 1)) + ", above the "
                                + E4Limits.num(EDA_MAX_MEDIAN_US)
                                + " uS no wrist skin conductance reaches (nanosiemens? microsiemens are expected)"
                                + NOT_READ
                        : null;
            case TEMP ->
                above(values, TEMP_MAX_MEDIAN_C)
                        ? WRONG + "the median skin temperature is " + num(median(values, 1)) + ", above "
                                + E4Limits.num(TEMP_MAX_MEDIAN_C)
                                + " (degrees Fahrenheit or kelvin? degrees Celsius are expected)" + NOT_READ
                        : null;
            case ACC -> accProblem(values);
            case IBI ->
                above(values, IBI_MAX_MEDIAN_S)
                        ? WRONG + "the median inter-beat interval is " + num(median(values, 1)) + ", above "
                                + E4Limits.num(IBI_MAX_MEDIAN_S) + " s (milliseconds? seconds are expected)" + NOT_READ
                        : null;
            case BVP, HR -> null;
        };
    }

    private static final String WRONG = "values not in the E4's unit: ";
    private static final String NOT_READ = "; the file is not read";

    private static boolean above(double[] values, double limit) {
        return values.length > 0 && median(values, 1) > limit; // false for NaN
    }

    private static String accProblem(double[] xyz) {
        if (xyz.length < 3) {
            return null;
        }
        double m = median(xyz, 3);
        if (Double.isNaN(m) || (m >= ACC_MIN_MEDIAN && m <= ACC_MAX_MEDIAN)) {
            return null;
        }
        return WRONG + "the median acceleration magnitude is " + num(m) + " where gravity alone gives 64 ("
                + (m < ACC_MIN_MEDIAN ? "g or m/s^2? " : "") + "1/64 g is expected, 0.5-2 g accepted)" + NOT_READ;
    }

    /** The E4's acceleration range, +-2 g in 1/64 g ({@link E4Limits#ACC_MAX_ABS}). */
    static final double ACC_RANGE = E4Limits.ACC_MAX_ABS;

    /**
     * Why one ACC row cannot be a sample of the E4 (null when it can): the sensor measures +-2 g in
     * 1/64 g, so an axis beyond +-{@value #ACC_RANGE} is a damaged value (a digit repeated or lost),
     * whose square would dominate every motion feature of its windows or overflow. The parser asks
     * after {@link JoinedExports} has had its look (a second export's header row is three equal
     * unix start times).
     */
    static String accRangeProblem(double[] xyz) {
        double x = xyz[0];
        double y = xyz[1];
        double z = xyz[2];
        if (Math.abs(x) <= ACC_RANGE && Math.abs(y) <= ACC_RANGE && Math.abs(z) <= ACC_RANGE) {
            return null;
        }
        return "acceleration beyond the E4's range (an axis past +-128 in 1/64 g, that is +-2 g): a damaged value";
    }

    /**
     * The median of at most {@link #SAMPLE} evenly spaced finite values (width 3: the magnitudes
     * of rows x, y, z); NaN when none is finite.
     */
    static double median(double[] values, int width) {
        int rows = values.length / width;
        int step = Math.max(1, rows / SAMPLE);
        double[] sample = new double[(rows + step - 1) / step];
        int n = 0;
        for (int r = 0; r < rows; r += step) {
            double v;
            if (width == 3) {
                double x = values[3 * r], y = values[3 * r + 1], z = values[3 * r + 2];
                v = Math.sqrt(x * x + y * y + z * z);
            } else {
                v = values[r];
            }
            if (Double.isFinite(v)) {
                sample[n++] = v;
            }
        }
        return n == 0 ? Double.NaN : new Median().evaluate(Arrays.copyOf(sample, n));
    }

    /** A value to one decimal. */
    private static String num(double v) {
        // Math.round saturates at Long.MAX_VALUE: a median of 1e300 read 9.22337e+17
        return E4Limits.num(Math.abs(v) < 1e15 ? Math.round(v * 10) / 10.0 : v);
    }
}
