package org.sessionreview.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.sessionreview.model.WindowFeatures;

/**
 * A seeded synthetic wearer at 1 Hz, turned into 30 s windows every 5 s as the feature stage
 * would (SCL: window mean; SCR rate: responses with onset in the window per minute; heart rate and
 * RMSSD: trailing 60 s mean; temperature slope: least squares over the trailing 60 s; gross
 * movement: seconds of the window with movement). Written for {@link ExertionRecoveryTest} from
 * the physiology the sixth cohort's README describes, not from its generator:
 *
 * <ul>
 *   <li>rest: SCL 2.0 uS with a slow wander, 2 SCRs/min, heart rate 72 bpm, RMSSD 45 ms;
 *   <li>a walk: gross movement every second; heart rate +30 bpm (rise time constant 20 s, after
 *       it falls back with 45 s), RMSSD -20 ms with it, sweat +1.2 uS (rise 60 s, decay 150 s
 *       after), 4 SCRs/min more while walking, decaying with 60 s after, skin temperature falling
 *       0.3 degC over the walk;
 *   <li>animated talking: gross movement in bursts of 10-40 s with pauses of 5-30 s, heart rate
 *       +2 bpm while moving, nothing else;
 *   <li>an arousal: concordant, SCL +0.5 uS (30 s ramp), heart rate +10 bpm (20 s ramp), RMSSD
 *       -12 ms, 3 SCRs/min more.
 * </ul>
 */
final class ExertionSession {
    private final Random rnd;
    private final int seconds;
    private final double[] scl;
    private final double[] hr;
    private final double[] rmssd;
    private final double[] temp;
    private final double[] scrRate;
    private final boolean[] moving;

    ExertionSession(int seconds, long seed) {
        this.rnd = new Random(seed);
        this.seconds = seconds;
        scl = new double[seconds];
        hr = new double[seconds];
        rmssd = new double[seconds];
        temp = new double[seconds];
        scrRate = new double[seconds];
        moving = new boolean[seconds];
        double wander = 0;
        for (int t = 0; t < seconds; t++) {
            wander = 0.995 * wander + 0.004 * rnd.nextGaussian();
            scl[t] = 2.0 + wander;
            hr[t] = 72 + 2.5 * rnd.nextGaussian();
            rmssd[t] = 45 + 6 * rnd.nextGaussian();
            temp[t] = 33.0 + 0.02 * rnd.nextGaussian();
            scrRate[t] = 2;
        }
    }

    /** A walk (or stairs) from {@code fromS} to {@code toS}, and its recovery after. */
    ExertionSession walk(double fromS, double toS) {
        double hrEnd = 30 * (1 - Math.exp(-(toS - fromS) / 20));
        double sweatEnd = 1.2 * (1 - Math.exp(-(toS - fromS) / 60));
        for (int t = 0; t < seconds; t++) {
            if (t >= fromS && t < toS) {
                double in = t - fromS;
                moving[t] = true;
                hr[t] += 30 * (1 - Math.exp(-in / 20));
                rmssd[t] -= 20 * (1 - Math.exp(-in / 20));
                scl[t] += 1.2 * (1 - Math.exp(-in / 60));
                scrRate[t] += 4;
                temp[t] -= 0.3 * in / (toS - fromS);
            } else if (t >= toS) {
                double after = t - toS;
                hr[t] += hrEnd * Math.exp(-after / 45);
                rmssd[t] -= 20 * (hrEnd / 30) * Math.exp(-after / 45);
                scl[t] += sweatEnd * Math.exp(-after / 150);
                scrRate[t] += 4 * Math.exp(-after / 60);
                temp[t] -= 0.3 * Math.exp(-after / 300);
            }
        }
        return this;
    }

    /** Animated talking from {@code fromS} to {@code toS}: movement bursts of 10-40 s, pauses 5-30 s. */
    ExertionSession gestures(double fromS, double toS) {
        double t = fromS;
        while (t < toS) {
            double burst = 10 + 30 * rnd.nextDouble();
            for (int s = (int) t; s < Math.min(toS, t + burst) && s < seconds; s++) {
                moving[s] = true;
                hr[s] += 2;
            }
            t += burst + 5 + 25 * rnd.nextDouble();
        }
        return this;
    }

    /**
     * Near-continuous animated talking from {@code fromS} to {@code toS}: bursts of 20-40 s with
     * still pauses of only {@code pauseS} seconds between them (whole seconds).
     */
    ExertionSession gesturesWithPauses(double fromS, double toS, int pauseS) {
        int t = (int) fromS;
        while (t < toS) {
            int burst = 20 + rnd.nextInt(21);
            for (int s = t; s < Math.min(toS, t + burst) && s < seconds; s++) {
                moving[s] = true;
                hr[s] += 2;
            }
            t += burst + pauseS;
        }
        return this;
    }

    /** A concordant arousal from {@code fromS} to {@code toS}. */
    ExertionSession arousal(double fromS, double toS) {
        for (int t = (int) Math.ceil(fromS); t < Math.min(toS, seconds); t++) {
            double in = t - fromS;
            scl[t] += 0.5 * Math.min(1, in / 30);
            hr[t] += 10 * Math.min(1, in / 20);
            rmssd[t] -= 12 * Math.min(1, in / 20);
            scrRate[t] += 3;
        }
        return this;
    }

    /** The client's windows: 30 s every 5 s, all qualities 1. */
    List<WindowFeatures> windows() {
        // SCR onsets: a Poisson process at the momentary rate, drawn once per second
        boolean[] scr = new boolean[seconds];
        for (int t = 0; t < seconds; t++) {
            scr[t] = rnd.nextDouble() < scrRate[t] / 60.0;
        }
        List<WindowFeatures> out = new ArrayList<>();
        for (int s = 0; s + 30 <= seconds; s += 5) {
            WindowFeatures w = Windows.window("client", s);
            w.sessionId = "EX";
            w.startMillis = SyntheticSession.MEDIA_START_MILLIS + s * 1000L;
            int from60 = Math.max(0, s + 30 - 60);
            w.edaSclUs = mean(scl, s, s + 30);
            int count = 0;
            int movingS = 0;
            for (int t = s; t < s + 30; t++) {
                count += scr[t] ? 1 : 0;
                movingS += moving[t] ? 1 : 0;
            }
            w.edaScrPerMin = count * 2.0;
            w.hrBpm = mean(hr, from60, s + 30);
            w.hrvRmssdMs = mean(rmssd, from60, s + 30);
            w.fidgetPower = 1e-4 * (1 + 0.2 * rnd.nextGaussian() * rnd.nextGaussian());
            w.tempSlopeCPerMin = slopePerMin(temp, from60, s + 30);
            w.grossMovementS = movingS;
            out.add(w);
        }
        return out;
    }

    private static double mean(double[] x, int from, int to) {
        double sum = 0;
        for (int t = from; t < to; t++) {
            sum += x[t];
        }
        return sum / (to - from);
    }

    private static double slopePerMin(double[] x, int from, int to) {
        double mt = (from + to - 1) / 2.0;
        double mx = mean(x, from, to);
        double num = 0;
        double den = 0;
        for (int t = from; t < to; t++) {
            num += (t - mt) * (x[t] - mx);
            den += (t - mt) * (t - mt);
        }
        return num / den * 60;
    }
}
