package org.sessionreview.jobs.sampledata;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * Synthetic heart beats and the three E4 channels derived from them: IBI.csv, HR.csv (1 Hz) and
 * BVP.csv (64 Hz).
 *
 * <p>Each inter-beat interval = 60 / HR(t) + respiratory sinus arrhythmia (30-45 ms at the
 * wearer's breathing rate) + a 0.1 Hz Mayer wave (20 ms) + white noise (8 ms), where HR(t) is
 * the resting rate plus a slow drift plus the planted episode rise. At full arousal the RSA,
 * Mayer and noise terms shrink by {@link EpisodePlan#RMSSD_REDUCTION}, so RMSSD falls by about
 * that fraction (a little more, because the beats get shorter). Beat times are quantised to
 * 1/64 s as the E4 does. The device rejects beats: the first 8-20 s, single beats (2 %),
 * bursts of 3-10 beats, and everything within 2 s of a gross movement; an IBI row is written
 * only when both beats of the interval were accepted.
 */
final class CardiacSynth {
    static final double BVP_RATE_HZ = 64.0;

    /** A beat at media time {@code t}, ending an interval of {@code ibiS} seconds. */
    record Beat(double t, double ibiS, boolean accepted) {}

    /** One IBI.csv row: seconds since device start, interval in seconds. */
    record IbiRow(double offsetS, double ibiS) {}

    private CardiacSynth() {}

    static List<Beat> beats(WearerPlan w, SessionPlan arousalOwner, RandomGenerator rng) {
        double pDrift = Rngs.uniform(rng, 400, 700);
        double phDrift = Rngs.uniform(rng, 0, 2 * Math.PI);
        double trend = Rngs.uniform(rng, -1.0, 1.0);
        double rsaS = Rngs.uniform(rng, 0.030, 0.045);
        double phResp = Rngs.uniform(rng, 0, 2 * Math.PI);
        double phMayer = Rngs.uniform(rng, 0, 2 * Math.PI);
        double warmupS = Rngs.uniform(rng, 8, 20);
        double end = w.durationS() + w.tailS();
        double t = -w.leadS() + Rngs.uniform(rng, 0.2, 1.0);
        List<Beat> out = new ArrayList<>();
        int burstLeft = 0;
        while (true) {
            double a = arousalOwner == null ? 0.0 : arousalOwner.arousal(t);
            double rise = 0.0;
            if (arousalOwner != null) {
                for (EpisodePlan e : arousalOwner.episodes()) {
                    rise += e.hrRiseBpm() * e.arousal(t);
                }
            }
            double hr = w.hrBpm()
                    + 1.5 * StrictMath.sin(2 * Math.PI * t / pDrift + phDrift)
                    + trend * t / w.durationS()
                    + rise;
            double shrink = 1 - EpisodePlan.RMSSD_REDUCTION * a;
            double resp = 2 * Math.PI * w.respHz() * t + 0.6 * StrictMath.sin(2 * Math.PI * t / 90 + phResp);
            double ibi = 60.0 / hr
                    + shrink * rsaS * StrictMath.sin(resp)
                    + shrink * 0.020 * StrictMath.sin(2 * Math.PI * 0.1 * t + phMayer)
                    + shrink * 0.008 * rng.nextGaussian();
            ibi = EdaSynth.clamp(ibi, 0.4, 1.5);
            t += ibi;
            if (t >= end) {
                break;
            }
            if (burstLeft == 0 && rng.nextDouble() < 0.002) {
                burstLeft = 3 + rng.nextInt(8);
            }
            boolean accepted =
                    burstLeft == 0 && rng.nextDouble() >= 0.02 && t + w.leadS() > warmupS && !w.inGrossMovement(t, 2.0);
            if (burstLeft > 0) {
                burstLeft--;
            }
            out.add(new Beat(t, ibi, accepted));
        }
        return out;
    }

    /** IBI.csv rows: beat times quantised to 1/64 s since device start. */
    static List<IbiRow> ibiRows(WearerPlan w, List<Beat> beats) {
        List<IbiRow> rows = new ArrayList<>();
        double prevQ = Double.NaN;
        boolean prevOk = false;
        for (Beat b : beats) {
            double q = Math.round((b.t() + w.leadS()) * 64.0) / 64.0;
            if (b.accepted() && prevOk) {
                rows.add(new IbiRow(q, q - prevQ));
            }
            prevQ = q;
            prevOk = b.accepted();
        }
        return rows;
    }

    /**
     * HR.csv values: one per second from device second 10 to the end, an exponential average
     * (alpha 0.25) of the instantaneous rate of the latest beat.
     */
    static double[] heartRate(WearerPlan w, List<Beat> beats) {
        int n = w.recordingS() - 10;
        double[] hr = new double[n];
        int k = 0;
        double ema = Double.NaN;
        for (int s = 0; s < n; s++) {
            double t = 10 + s - w.leadS();
            while (k + 1 < beats.size() && beats.get(k + 1).t() <= t) {
                k++;
            }
            double inst = 60.0 / beats.get(k).ibiS();
            ema = Double.isNaN(ema) ? inst : ema + 0.25 * (inst - ema);
            hr[s] = ema;
        }
        return hr;
    }

    /**
     * BVP.csv values (64 Hz, arbitrary units): one pulse per beat, systolic peak near the beat
     * time, a dicrotic wave, amplitude 40 (down 30 % at full arousal: vasoconstriction),
     * respiratory amplitude modulation, baseline wander, noise, and large artifacts during
     * gross movements.
     */
    static double[] bvp(WearerPlan w, SessionPlan arousalOwner, List<Beat> beats, RandomGenerator rng) {
        Timeline tl = Timeline.of(w, BVP_RATE_HZ);
        double[] x = new double[tl.samples()];
        double phWander = Rngs.uniform(rng, 0, 2 * Math.PI);
        double artifact = 0.0;
        int k = 0;
        for (int i = 0; i < x.length; i++) {
            double t = tl.mediaTime(i);
            while (k + 1 < beats.size() && cycleStart(beats, k + 1) <= t) {
                k++;
            }
            double pulse = 0.0;
            if (k + 1 < beats.size() && cycleStart(beats, k) <= t) {
                double c0 = cycleStart(beats, k);
                double phase = (t - c0) / (cycleStart(beats, k + 1) - c0);
                pulse = waveform(phase);
            }
            double a = arousalOwner == null ? 0.0 : arousalOwner.arousal(t);
            double amp = 40 * (1 - 0.3 * a) * (1 + 0.15 * StrictMath.sin(2 * Math.PI * w.respHz() * t));
            artifact = 0.9 * artifact + (w.inGrossMovement(t, 0) ? 15 * rng.nextGaussian() : 0.0);
            x[i] = amp * pulse
                    + 4 * StrictMath.sin(2 * Math.PI * t / 23 + phWander)
                    + 0.8 * rng.nextGaussian()
                    + artifact;
        }
        return x;
    }

    private static double cycleStart(List<Beat> beats, int k) {
        Beat b = beats.get(k);
        return b.t() - 0.2 * b.ibiS();
    }

    /** Zero-mean pulse template over one cycle, systolic peak at phase 0.2. */
    static double waveform(double phase) {
        double p = (phase - 0.2) / 0.08;
        double d = (phase - 0.5) / 0.1;
        return StrictMath.exp(-p * p) + 0.35 * StrictMath.exp(-d * d) - 0.19;
    }
}
