package org.sessionreview.jobs.sampledata;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * Synthetic skin conductance (E4 EDA, 4 Hz, microsiemens).
 *
 * <p>EDA = tonic + phasic + noise. Tonic: the wearer's level, electrode settling in the first
 * minute, a slow drift (two sinusoids of 0.05-0.08 uS plus a small linear trend) and the
 * planted episode rise. Phasic: spontaneous SCRs from a Poisson process (the wearer's rate,
 * times {@link EpisodePlan#SCR_RATE_FACTOR} at full arousal), amplitude 0.05-0.3 uS, a 1-2 s
 * raised-cosine rise and an exponential recovery with a 3-5 s time constant; each coded sigh
 * adds an SCR 1.5 s later. Contact loss replaces the signal by 0.00-0.02 uS.
 */
final class EdaSynth {
    static final double RATE_HZ = 4.0;

    /** One skin conductance response: onset (media time, s) and amplitude (uS). */
    record Scr(double onsetS, double amplitudeUs) {}

    /** The synthesized signal and the SCRs it contains. */
    record Result(double[] microsiemens, List<Scr> scrs) {}

    private EdaSynth() {}

    /**
     * @param arousalOwner the session whose episodes drive this wearer (null for none)
     * @param sighTimes media times of coded sighs (each gets an SCR)
     * @param echoOf client SCRs to echo (therapist synchrony), or an empty list
     */
    static Result synthesize(
            WearerPlan w, SessionPlan arousalOwner, List<Double> sighTimes, List<Scr> echoOf, RandomGenerator rng) {
        Timeline tl = Timeline.of(w, RATE_HZ);
        double[] x = new double[tl.samples()];
        double p1 = Rngs.uniform(rng, 500, 900);
        double p2 = Rngs.uniform(rng, 200, 350);
        double ph1 = Rngs.uniform(rng, 0, 2 * Math.PI);
        double ph2 = Rngs.uniform(rng, 0, 2 * Math.PI);
        double a1 = Rngs.uniform(rng, 0.05, 0.08);
        double a2 = Rngs.uniform(rng, 0.03, 0.05);
        double trend = Rngs.uniform(rng, -0.1, 0.1);
        for (int i = 0; i < x.length; i++) {
            double t = tl.mediaTime(i);
            double drift = a1 * StrictMath.sin(2 * Math.PI * t / p1 + ph1)
                    + a2 * StrictMath.sin(2 * Math.PI * t / p2 + ph2)
                    + trend * t / w.durationS();
            double settle = -0.3 * StrictMath.exp(-tl.deviceTime(i) / 40.0);
            double rise = 0.0;
            if (arousalOwner != null) {
                for (EpisodePlan e : arousalOwner.episodes()) {
                    rise += e.edaRiseUs() * e.arousal(t);
                }
            }
            x[i] = w.edaLevelUs() + settle + drift + rise;
        }
        List<Scr> scrs = new ArrayList<>();
        double step = 1.0 / RATE_HZ;
        for (int i = 0; i < x.length; i++) {
            double t = tl.mediaTime(i);
            double a = arousalOwner == null ? 0.0 : arousalOwner.arousal(t);
            double ratePerS = w.scrPerMin() / 60.0 * (1 + (EpisodePlan.SCR_RATE_FACTOR - 1) * a);
            if (rng.nextDouble() < ratePerS * step) {
                double amp = clamp(0.1 * StrictMath.exp(0.45 * rng.nextGaussian()), 0.05, 0.3);
                scrs.add(new Scr(t + rng.nextDouble() * step, amp * (1 + 0.3 * a)));
            }
        }
        for (double s : sighTimes) {
            scrs.add(new Scr(s + 1.5, 0.25));
        }
        for (Scr c : echoOf) {
            if (rng.nextDouble() < w.scrEchoProbability()) {
                scrs.add(new Scr(c.onsetS() + Rngs.uniform(rng, 2, 4), 0.6 * c.amplitudeUs()));
            }
        }
        scrs.sort((p, q) -> Double.compare(p.onsetS(), q.onsetS()));
        for (Scr c : scrs) {
            addScr(x, tl, c, Rngs.uniform(rng, 1.0, 2.0), Rngs.uniform(rng, 3.0, 5.0));
        }
        for (int i = 0; i < x.length; i++) {
            double t = tl.mediaTime(i);
            x[i] += 0.002 * rng.nextGaussian();
            if (w.inContactLoss(t)) {
                x[i] = clamp(0.008 + 0.004 * rng.nextGaussian(), 0.0, 0.02);
            }
            x[i] = Math.max(0.0, x[i]);
        }
        // The E4 starts from 0 and reaches the skin level within a second.
        for (int i = 0; i < Math.min(4, x.length); i++) {
            x[i] *= i / 4.0;
        }
        return new Result(x, List.copyOf(scrs));
    }

    private static void addScr(double[] x, Timeline tl, Scr c, double riseS, double tauS) {
        int first = Math.max(0, (int) Math.ceil((c.onsetS() + tl.leadS()) * RATE_HZ));
        for (int i = first; i < x.length; i++) {
            double u = tl.mediaTime(i) - c.onsetS();
            double v;
            if (u < riseS) {
                v = 0.5 - 0.5 * StrictMath.cos(Math.PI * u / riseS);
            } else {
                v = StrictMath.exp(-(u - riseS) / tauS);
                if (v < 1e-4) {
                    break;
                }
            }
            x[i] += c.amplitudeUs() * v;
        }
    }

    static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
