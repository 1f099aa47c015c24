package org.sessionreview.signal.eda;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Synthetic EDA for tests: SCRs of the Bateman shape {@code exp(-t / tauDecay) - exp(-t / tauRise)}
 * scaled to a given peak amplitude (Benedek &amp; Kaernbach 2010; the time constants 0.7 s and 2 s
 * are cvxEDA's defaults, Greco et al. 2016), on a drifting tonic level, with Gaussian noise.
 */
final class EdaSignals {
    static final double TAU_RISE_S = 0.7;
    static final double TAU_DECAY_S = 2.0;

    private EdaSignals() {}

    /** Seconds from onset to the peak of the Bateman shape. */
    static double timeToPeakS() {
        return Math.log(TAU_DECAY_S / TAU_RISE_S) * TAU_RISE_S * TAU_DECAY_S / (TAU_DECAY_S - TAU_RISE_S);
    }

    /** The shape at {@code t} seconds after onset, with a peak of 1. */
    static double bateman(double t) {
        if (t <= 0) {
            return 0;
        }
        double tp = timeToPeakS();
        double norm = Math.exp(-tp / TAU_DECAY_S) - Math.exp(-tp / TAU_RISE_S);
        return (Math.exp(-t / TAU_DECAY_S) - Math.exp(-t / TAU_RISE_S)) / norm;
    }

    /** Seconds from the peak until the shape has fallen to one half, by bisection. */
    static double halfRecoveryS() {
        double lo = timeToPeakS();
        double hi = lo + 50;
        for (int i = 0; i < 200; i++) {
            double mid = (lo + hi) / 2;
            if (bateman(mid) > 0.5) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo - timeToPeakS();
    }

    /** Adds an SCR with the given onset (seconds) and peak amplitude (uS). */
    static void plant(double[] x, double rateHz, double onsetS, double amplitudeUs) {
        for (int i = 0; i < x.length; i++) {
            x[i] += amplitudeUs * bateman(i / rateHz - onsetS);
        }
    }

    /**
     * A tonic level of 5 uS rising 0.002 uS/s with a 0.8 uS swing of period 400 s, plus white noise
     * of the given standard deviation (seeded).
     */
    static double[] driftingTonic(int n, double rateHz, double noiseSdUs, long seed) {
        Random r = new Random(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            double t = i / rateHz;
            x[i] = 5 + 0.002 * t + 0.8 * Math.sin(2 * Math.PI * t / 400) + noiseSdUs * r.nextGaussian();
        }
        return x;
    }

    /**
     * Runs {@link EdaProcess#segment} over consecutive cores of {@code coreSeconds}, passing each
     * the configured context and look-ahead, and collects the SCRs with indices of the full signal.
     */
    static List<ScrDetector.Scr> bySegments(double[] x, double rateHz, double coreSeconds, EdaConfig cfg) {
        int core = (int) Math.round(coreSeconds * rateHz);
        int context = cfg.contextSamples(rateHz);
        int lookAhead = cfg.lookAheadSamples(rateHz);
        List<ScrDetector.Scr> all = new ArrayList<>();
        for (int from = 0; from < x.length; from += core) {
            int to = Math.min(x.length, from + core);
            int start = Math.max(0, from - context);
            int end = Math.min(x.length, to + lookAhead);
            double[] piece = Arrays.copyOfRange(x, start, end);
            for (ScrDetector.Scr s : EdaProcess.segment(piece, rateHz, from - start, to - start, cfg)
                    .scrs()) {
                all.add(shift(s, start, rateHz));
            }
        }
        return all;
    }

    private static ScrDetector.Scr shift(ScrDetector.Scr s, int offset, double rateHz) {
        return new ScrDetector.Scr(
                s.onsetIndex() + offset,
                s.peakIndex() + offset,
                (s.onsetIndex() + offset) / rateHz,
                (s.peakIndex() + offset) / rateHz,
                s.amplitudeUs(),
                s.riseTimeS(),
                s.halfRecoveryS());
    }
}
