package org.sessionreview.signal.cardiac;

import java.util.Arrays;
import org.sessionreview.signal.filter.Butterworth;
import org.sessionreview.signal.filter.Sos;

/**
 * Cleans a photoplethysmogram (PPG, or the E4's blood-volume pulse) for systolic peak detection,
 * as NeuroKit2's {@code ppg_clean(method="elgendi")}: a 3rd-order Butterworth band-pass from
 * 0.5 to 8 Hz run forward and backward (zero phase; scipy's {@code sosfiltfilt} with odd
 * padding of {@code 3 x (2 x sections + 1)} samples at each end).
 *
 * <p>NeuroKit2 0.2.9 and this implementation give the same peaks and HRV on its 100 Hz
 * reference recording (see the tests); 0.2.x versions that ran {@code filtfilt(b, a,
 * method="gust")} instead differ only near the ends.
 *
 * <p>References: Elgendi, M. et al. (2013), Systolic peak detection in acceleration
 * photoplethysmograms measured from emergency responders in tropical conditions, PLoS ONE 8(10),
 * e76585; Makowski, D. et al. (2021), NeuroKit2: A Python toolbox for neurophysiological signal
 * processing, Behavior Research Methods 53, 1689-1696.
 */
public final class PpgClean {
    /** Butterworth order (NeuroKit2: 3). */
    public static final int ORDER = 3;
    /** Lower band edge, Hz. */
    public static final double LOW_HZ = 0.5;
    /** Upper band edge, Hz. */
    public static final double HIGH_HZ = 8.0;

    private PpgClean() {}

    /** The last filter designed, with its rate: a stream asks for the same one for every core. */
    private static volatile Designed last;

    private record Designed(double rateHz, Sos sos) {}

    /**
     * The band-pass filter for {@code rateHz} (must exceed 16 Hz). The design of the last rate asked
     * for is kept: the same coefficients (a {@link Sos} is immutable), without designing them again
     * for each core of a stream.
     */
    public static Sos filter(double rateHz) {
        Designed d = last;
        if (d == null || Double.compare(d.rateHz(), rateHz) != 0) {
            d = new Designed(rateHz, Butterworth.bandPass(ORDER, LOW_HZ, HIGH_HZ, rateHz));
            last = d;
        }
        return d.sos();
    }

    /**
     * Zero-phase band-passed signal.
     *
     * @param ppg raw samples, finite, longer than the filter's padding (22 samples)
     * @param rateHz sampling rate, Hz
     */
    public static double[] clean(double[] ppg, double rateHz) {
        return filter(rateHz).filtFilt(ppg);
    }

    /**
     * Like {@link #clean} for a signal with masked (NaN) samples: each run of finite samples is
     * filtered on its own; masked samples and runs of {@code minRunSamples} or fewer stay NaN.
     *
     * @param minRunSamples runs of this many samples or fewer stay NaN (runs no longer than
     *     the filter's padding, 21 samples, always do)
     */
    public static double[] cleanMasked(double[] ppg, double rateHz, int minRunSamples) {
        Sos sos = filter(rateHz);
        double[] out = new double[ppg.length];
        Arrays.fill(out, Double.NaN);
        int i = 0;
        while (i < ppg.length) {
            if (!Double.isFinite(ppg[i])) {
                i++;
                continue;
            }
            int end = i;
            while (end < ppg.length && Double.isFinite(ppg[end])) {
                end++;
            }
            if (end - i > Math.max(minRunSamples, sos.padLength())) {
                sos.filtFilt(ppg, i, end, out);
            }
            i = end;
        }
        return out;
    }
}
