package org.sessionreview.signal.quality;

import java.util.Arrays;
import java.util.List;
import org.sessionreview.signal.motion.AccMagnitude;

/**
 * {@link ArtifactKind#EDA_MOTION}: an EDA change steeper than a skin conductance response that
 * coincides with a jerk of the wrist, i.e. electrodes pressed or shifted by movement.
 *
 * <p>Rules (all thresholds configurable):
 *
 * <ol>
 *   <li><b>Steep EDA step</b>: {@code |x[k] - x[k-1]| * rateHz >= minSlopeUsPerS} (default {@value
 *       #DEFAULT_MIN_SLOPE_US_PER_S} uS/s). SCRs rise over 1-3 s (Boucsein 2012) and wrist SCRs
 *       are mostly well under 1 uS, so a rise of 1 uS/s is at the edge of the steepest ones; a
 *       drop that fast is not physiological either (recovery is slower than the rise), so both
 *       directions count. Steps faster than {@link EdaJumpDetector}'s 10 uS/s are flagged there
 *       as well.
 *   <li><b>Jerk burst</b>: at 32 Hz, {@code jerk = |(|a[i]| - |a[i-1]|)| * accRateHz} with
 *       {@code |a|} the vector magnitude in g ({@link AccMagnitude}); a burst sample has jerk
 *       above {@code jerkGPerS} (default {@value #DEFAULT_JERK_G_PER_S} g/s; one E4 count per
 *       sample is 0.5 g/s, tapping at 4 Hz with 0.1 g peaks at 2.5 g/s, a knock or a sudden
 *       arm stop exceeds 5 g/s). The jerk sits at the time of {@code a[i]}.
 *   <li><b>Coincidence</b>: a burst sample within {@code coincidenceMillis} (default {@value
 *       #DEFAULT_COINCIDENCE_MILLIS} ms) of the step, i.e. in {@code [t_(k-1) - c, t_k + c]}.
 * </ol>
 *
 * Both samples of a coinciding steep step are flagged (plus {@code padMillis}, default 0). A
 * steep step without a jerk (e.g. a fast but real SCR while still) and a jerk without a steep
 * step are not flagged. Steps or jerks next to a NaN are not judged. Limitation: thresholds are
 * absolute, so at very low conductance (~0.1 uS) a motion spike may stay below 1 uS/s.
 *
 * <p>References: Taylor et al. (2015), Automatic identification of artifacts in electrodermal
 * activity data, Proc. IEEE EMBC 2015, 1934-1937 (artifacts as abrupt rises or drops unlike the
 * SCR shape, often with motion; they train a classifier on 5 s epochs, here replaced by two
 * transparent thresholds); Kleckner et al. (2018), IEEE TBME 65(7), 1460-1467 (rule-based,
 * transparent quality assessment); Boucsein (2012), <i>Electrodermal Activity</i>, 2nd ed.
 * (SCR rise times).
 */
public final class EdaMotionDetector {
    public static final double DEFAULT_MIN_SLOPE_US_PER_S = 1.0;
    public static final double DEFAULT_JERK_G_PER_S = 5.0;
    public static final double DEFAULT_COINCIDENCE_MILLIS = 1000;

    private final double minSlopeUsPerS;
    private final double jerkGPerS;
    private final double coincidenceMillis;
    private final double countsPerG;
    private final double padMillis;

    /**
     * @param minSlopeUsPerS least |dEDA/dt| of a step taken as non-physiological, uS/s (> 0)
     * @param jerkGPerS least |d|a|/dt| of a jerk burst sample, g/s (> 0)
     * @param coincidenceMillis largest time between step and jerk, ms (>= 0)
     * @param countsPerG ACC raw units per g (64 for the E4)
     * @param padMillis widening of each flagged stretch on both sides, ms (>= 0)
     */
    public EdaMotionDetector(
            double minSlopeUsPerS, double jerkGPerS, double coincidenceMillis, double countsPerG, double padMillis) {
        if (!(minSlopeUsPerS > 0)
                || !(jerkGPerS > 0)
                || !(coincidenceMillis >= 0)
                || !(countsPerG > 0)
                || !(padMillis >= 0)) {
            throw new IllegalArgumentException("EDA motion thresholds must be positive");
        }
        this.minSlopeUsPerS = minSlopeUsPerS;
        this.jerkGPerS = jerkGPerS;
        this.coincidenceMillis = coincidenceMillis;
        this.countsPerG = countsPerG;
        this.padMillis = padMillis;
    }

    /** 1 uS/s, 5 g/s, +-1 s, E4 units, no padding. */
    public static EdaMotionDetector defaults() {
        return new EdaMotionDetector(
                DEFAULT_MIN_SLOPE_US_PER_S,
                DEFAULT_JERK_G_PER_S,
                DEFAULT_COINCIDENCE_MILLIS,
                AccMagnitude.E4_COUNTS_PER_G,
                0);
    }

    /**
     * Context needed on each side of a core, for both EDA and ACC: coincidence window, padding
     * and 1 s (one step at >= 1 Hz).
     */
    public double contextMillis() {
        return coincidenceMillis + padMillis + 1000;
    }

    /** Intervals over the whole input. */
    public List<Artifact> detect(
            double[] edaUs,
            double edaRateHz,
            double edaStartMillis,
            double[] accXyz,
            double accRateHz,
            double accStartMillis) {
        return detect(
                edaUs,
                edaRateHz,
                edaStartMillis,
                accXyz,
                accRateHz,
                accStartMillis,
                Double.NEGATIVE_INFINITY,
                Double.POSITIVE_INFINITY);
    }

    /**
     * Intervals inside the core (see {@link ArtifactIntervals} on streaming).
     *
     * @param edaUs skin conductance, uS (NaN = missing)
     * @param edaRateHz EDA rate, Hz (E4: 4)
     * @param edaStartMillis time of EDA sample 0, epoch ms
     * @param accXyz accelerometer, interleaved x, y, z in raw units (NaN = missing)
     * @param accRateHz ACC rate, Hz (E4: 32)
     * @param accStartMillis time of ACC sample 0, epoch ms
     */
    public List<Artifact> detect(
            double[] edaUs,
            double edaRateHz,
            double edaStartMillis,
            double[] accXyz,
            double accRateHz,
            double accStartMillis,
            double coreFromMillis,
            double coreToMillis) {
        return flag(
                edaUs,
                edaRateHz,
                edaStartMillis,
                jerkBurstMillis(accXyz, accRateHz, accStartMillis),
                coreFromMillis,
                coreToMillis);
    }

    /**
     * As {@link #detect(double[], double, double, double[], double, double, double, double)}, with
     * the accelerometer's {@code |a|} already computed: the same intervals, bit for bit, when
     * {@code accMagnitudeG} is what {@link AccMagnitude#magnitudeG} gives for the samples at
     * {@link #countsPerG()} (a caller that keeps {@code |a|} per sample computes it once for every
     * span it is asked over).
     *
     * @param accMagnitudeG {@code |a|} of each ACC sample, g (NaN = missing)
     */
    public List<Artifact> detectOnMagnitudes(
            double[] edaUs,
            double edaRateHz,
            double edaStartMillis,
            double[] accMagnitudeG,
            double accRateHz,
            double accStartMillis,
            double coreFromMillis,
            double coreToMillis) {
        return flag(
                edaUs,
                edaRateHz,
                edaStartMillis,
                jerkBurstMillis(accMagnitudeG, accMagnitudeG.length, accRateHz, accStartMillis),
                coreFromMillis,
                coreToMillis);
    }

    /** ACC raw units per g this detector takes the magnitude at. */
    public double countsPerG() {
        return countsPerG;
    }

    /** The steep steps with a jerk within the coincidence window, as intervals inside the core. */
    private List<Artifact> flag(
            double[] edaUs,
            double edaRateHz,
            double edaStartMillis,
            double[] jerkTimes,
            double coreFromMillis,
            double coreToMillis) {
        boolean[] flagged = new boolean[edaUs.length];
        double minStep = minSlopeUsPerS / edaRateHz;
        for (int k = 1; k < edaUs.length; k++) {
            if (!(Math.abs(edaUs[k] - edaUs[k - 1]) >= minStep)) {
                continue; // gentle, or a NaN
            }
            double before = edaStartMillis + (k - 1) * 1000 / edaRateHz - coincidenceMillis;
            double after = edaStartMillis + k * 1000 / edaRateHz + coincidenceMillis;
            if (anyWithin(jerkTimes, before, after)) {
                flagged[k - 1] = true;
                flagged[k] = true;
            }
        }
        return ArtifactIntervals.fromFlags(
                flagged, edaRateHz, edaStartMillis, ArtifactKind.EDA_MOTION, padMillis, coreFromMillis, coreToMillis);
    }

    /** Times of the samples whose jerk exceeds the threshold, epoch ms, ascending. */
    double[] jerkBurstMillis(double[] accXyz, double accRateHz, double accStartMillis) {
        int samples = accXyz.length / 3;
        double[] magnitude = AccMagnitude.magnitudeG(accXyz, samples, countsPerG, magnitudeScratch(samples));
        return jerkBurstMillis(magnitude, samples, accRateHz, accStartMillis);
    }

    /** As {@link #jerkBurstMillis(double[], double, double)} on the magnitudes {@code magnitude[0, samples)}, g. */
    private double[] jerkBurstMillis(double[] magnitude, int samples, double accRateHz, double accStartMillis) {
        double[] times = new double[16]; // grown as needed: jerks are rare, the input is minutes long
        int count = 0;
        for (int i = 1; i < samples; i++) {
            if (Math.abs(magnitude[i] - magnitude[i - 1]) * accRateHz > jerkGPerS) { // NaN: false
                if (count == times.length) {
                    times = Arrays.copyOf(times, 2 * count);
                }
                times[count++] = accStartMillis + i * 1000 / accRateHz;
            }
        }
        return Arrays.copyOf(times, count);
    }

    /**
     * Longest kept magnitude array, samples (512 KB; a core's ACC with the artifact detectors'
     * context is about 7,000): longer inputs (a whole recording at once) get an array of their own.
     */
    static final int KEPT_MAX = 1 << 16;

    /**
     * The ACC magnitudes of the running {@link #jerkBurstMillis} on this thread: not state,
     * nothing in it outlives a call (each element read is written first in the same call), and
     * calls on one thread do not nest.
     */
    private static final ThreadLocal<double[]> MAGNITUDE = ThreadLocal.withInitial(() -> new double[0]);

    /** This thread's array for {@code n} magnitudes (grown as needed up to {@link #KEPT_MAX}; old contents left). */
    static double[] magnitudeScratch(int n) {
        if (n > KEPT_MAX) {
            return new double[n];
        }
        double[] a = MAGNITUDE.get();
        if (a.length < n) {
            a = new double[Math.min(KEPT_MAX, Math.max(n, a.length + (a.length >> 1)))];
            MAGNITUDE.set(a);
        }
        return a;
    }

    private static boolean anyWithin(double[] sorted, double from, double to) {
        int at = Arrays.binarySearch(sorted, from);
        int i = at >= 0 ? at : -at - 1; // first >= from
        return i < sorted.length && sorted[i] <= to;
    }
}
