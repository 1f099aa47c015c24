package org.sessionreview.jobs.sampledata;

import org.apache.commons.math3.random.RandomGenerator;

/**
 * Synthetic peripheral skin temperature (E4 TEMP, 4 Hz, degrees C).
 *
 * <p>The wearer's level, a warm-up from 0.8 degC below it (time constant 90 s from device
 * start), a slow drift (0.12 degC sinusoid, 15-25 min period, plus a trend of at most 0.1 degC
 * per session), and for each planted episode a linear fall by {@code tempDropC} from its start
 * to its end followed by an exponential recovery (150 s). Values are quantised to odd
 * hundredths, like the real E4 export (31.21, 31.23, ...).
 */
final class TempSynth {
    static final double RATE_HZ = 4.0;

    private TempSynth() {}

    static double[] synthesize(WearerPlan w, SessionPlan arousalOwner, RandomGenerator rng) {
        Timeline tl = Timeline.of(w, RATE_HZ);
        double period = Rngs.uniform(rng, 900, 1500);
        double phase = Rngs.uniform(rng, 0, 2 * Math.PI);
        double trend = Rngs.uniform(rng, -0.1, 0.1);
        double[] x = new double[tl.samples()];
        for (int i = 0; i < x.length; i++) {
            double t = tl.mediaTime(i);
            double v = w.tempC()
                    - 0.8 * StrictMath.exp(-tl.deviceTime(i) / 90.0)
                    + 0.12 * StrictMath.sin(2 * Math.PI * t / period + phase)
                    + trend * t / w.durationS()
                    - drop(arousalOwner, t)
                    + 0.008 * rng.nextGaussian();
            x[i] = Math.round((v - 0.01) / 0.02) * 0.02 + 0.01;
        }
        return x;
    }

    /** Planted temperature fall at media time {@code t}, degrees C (>= 0). */
    static double drop(SessionPlan arousalOwner, double t) {
        if (arousalOwner == null) {
            return 0.0;
        }
        double d = 0.0;
        for (EpisodePlan e : arousalOwner.episodes()) {
            if (t >= e.startS() && t <= e.endS()) {
                d += e.tempDropC() * (t - e.startS()) / (e.endS() - e.startS());
            } else if (t > e.endS()) {
                d += e.tempDropC() * StrictMath.exp(-(t - e.endS()) / 150.0);
            }
        }
        return d;
    }
}
