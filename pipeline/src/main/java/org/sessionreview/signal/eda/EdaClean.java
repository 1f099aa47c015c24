package org.sessionreview.signal.eda;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.sessionreview.signal.filter.Butterworth;
import org.sessionreview.signal.filter.Sos;
import org.sessionreview.signal.filter.ZeroPhaseFir;

/**
 * Removes high-frequency noise from EDA: NeuroKit2's {@code eda_clean(method="neurokit")}, a
 * 4th-order Butterworth low-pass at {@value #CUTOFF_HZ} Hz applied with {@code
 * scipy.signal.sosfiltfilt}, skipped at {@value #MIN_RATE_HZ} Hz or below (the 4 Hz E4 is returned
 * unchanged).
 *
 * <p>{@link #clean} filters the whole signal (batch, as NeuroKit2); {@link #cleanBounded} applies
 * the same zero-phase response cut where it has decayed below 1e-9 of its peak ({@link
 * #boundedHalfWidth}: 2.9 s at 100 Hz), so a stream gets the same values from a bounded look-ahead.
 *
 * <p>Reference: Makowski, D. et al. (2021). NeuroKit2: A Python toolbox for neurophysiological
 * signal processing. Behavior Research Methods 53, 1689-1696.
 */
public final class EdaClean {
    /** Low-pass cut-off, Hz (NeuroKit2). */
    public static final double CUTOFF_HZ = 3;

    /** Low-pass order (NeuroKit2). */
    public static final int ORDER = 4;

    /** At or below this rate, Hz, the signal is not filtered (NeuroKit2). */
    public static final double MIN_RATE_HZ = 6;

    private EdaClean() {}

    /**
     * Batch cleaning.
     *
     * @param edaUs skin conductance, microsiemens, finite, uniformly sampled
     * @param rateHz sampling rate, Hz
     * @param method the cleaning method
     * @return a new array; a copy of the input when nothing is filtered
     * @throws IllegalArgumentException when filtering is due and the signal has 15 samples or fewer
     *     ({@code sosfiltfilt}'s padding)
     */
    public static double[] clean(double[] edaUs, double rateHz, EdaCleanMethod method) {
        Sos sos = filter(rateHz, method);
        return sos == null ? edaUs.clone() : sos.filtFilt(edaUs);
    }

    /**
     * The same filter with a bounded support of {@link #boundedHalfWidth} samples on each side;
     * equal to {@link #clean} to about 1e-9 of the signal's range except within that many samples
     * of the ends, where the signal is extended by odd reflection. Any length is accepted.
     */
    public static double[] cleanBounded(double[] edaUs, double rateHz, EdaCleanMethod method) {
        Bounded b = bounded(rateHz, method);
        return b.fir() == null ? edaUs.clone() : b.fir().apply(edaUs);
    }

    /** Look-ahead (and look-back) of {@link #cleanBounded}, samples; 0 when nothing is filtered. */
    public static int boundedHalfWidth(double rateHz, EdaCleanMethod method) {
        return bounded(rateHz, method).halfWidth();
    }

    /** {@link #cleanBounded}'s kernel (null when nothing is filtered) and its half-width, samples. */
    private record Bounded(ZeroPhaseFir fir, int halfWidth) {}

    /**
     * Designed kernels by (rate in Hz, method): the design filters an impulse, and every core of a
     * stream asks for the same one. The design is deterministic, so a kept kernel is the one a new
     * design would give, bit for bit.
     */
    private static final Map<List<Object>, Bounded> KERNELS = new ConcurrentHashMap<>();

    private static Bounded bounded(double rateHz, EdaCleanMethod method) {
        if (KERNELS.size() > 64) {
            KERNELS.clear(); // a bound for odd callers; the pipeline uses one or two
        }
        return KERNELS.computeIfAbsent(List.of(rateHz, method), k -> {
            Sos sos = filter(rateHz, method);
            return sos == null
                    ? new Bounded(null, 0)
                    : new Bounded(ZeroPhaseFir.of(sos, halfWidth(sos)), halfWidth(sos));
        });
    }

    /** The cleaning filter, or null when the method or the rate skips cleaning. */
    static Sos filter(double rateHz, EdaCleanMethod method) {
        if (method == EdaCleanMethod.NONE || rateHz <= MIN_RATE_HZ) {
            return null;
        }
        return Butterworth.lowPass(ORDER, CUTOFF_HZ, rateHz);
    }

    private static int halfWidth(Sos sos) {
        return ZeroPhaseFir.decaySamples(sos, 1e-9);
    }
}
