package org.sessionreview.benchmarks;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import org.sessionreview.ingest.e4.E4Channel;
import org.sessionreview.ingest.e4.E4Recording;
import org.sessionreview.model.Channel;
import org.sessionreview.signal.synchrony.DyadSeries;

/**
 * Seeded synthetic Empatica E4 signals at the device's rates (EDA 4 Hz, BVP 64 Hz, ACC 32 Hz x 3,
 * TEMP 4 Hz, HR 1 Hz from 10 s, IBI as beat times), so that the benchmarks measure the kernels on
 * inputs shaped like a wrist recording: the same seed gives the same samples.
 *
 * <ul>
 *   <li>EDA, microsiemens: a tonic level drifting as two slow sinusoids, white noise, and an
 *       SCR-like bump (raised-cosine rise of 1-3 s, exponential recovery) every 10-40 s;
 *   <li>BVP, device units: a pulse train (systolic wave plus a smaller reflected wave per beat)
 *       whose intervals follow breathing (0.25 Hz) with jitter, over breathing baseline and noise;
 *   <li>IBI and HR: the pulse train's own beats, as the device would report them;
 *   <li>ACC, 1/64 g: gravity on z with a slowly turning wrist, tremor noise and a gesture burst
 *       (1-3 Hz) now and then;
 *   <li>TEMP, degrees C: a skin temperature slowly wandering around 33.5.
 * </ul>
 */
final class SyntheticE4 {
    static final double EDA_HZ = 4;
    static final double BVP_HZ = 64;
    static final double ACC_HZ = 32;
    static final double TEMP_HZ = 4;
    /** Time of every channel's first sample (HR: 10 s later, as on the device): 2026-01-05 10:00 UTC. */
    static final long START_MILLIS = 1_767_607_200_000L;

    private SyntheticE4() {}

    /** Skin conductance, microsiemens, {@code seconds} long at {@link #EDA_HZ}. */
    static double[] eda(Random random, double seconds) {
        double[] x = new double[samples(seconds, EDA_HZ)];
        double phase = 2 * Math.PI * random.nextDouble();
        for (int i = 0; i < x.length; i++) {
            double t = i / EDA_HZ;
            x[i] = 2.5
                    + 0.4 * Math.sin(2 * Math.PI * t / 420 + phase)
                    + 0.1 * Math.sin(2 * Math.PI * t / 97)
                    + 0.003 * random.nextGaussian();
        }
        for (double onsetS = 10 * random.nextDouble(); onsetS < seconds; onsetS += 10 + 30 * random.nextDouble()) {
            addResponse(
                    x,
                    onsetS,
                    0.05 + 0.5 * random.nextDouble(),
                    1 + 2 * random.nextDouble(),
                    5 + 5 * random.nextDouble());
        }
        return x;
    }

    /** Raised-cosine rise over {@code riseS} to {@code amplitudeUs}, then decay with {@code decayS}. */
    private static void addResponse(double[] eda, double onsetS, double amplitudeUs, double riseS, double decayS) {
        int first = (int) Math.ceil(onsetS * EDA_HZ);
        int end = Math.min(eda.length, (int) ((onsetS + riseS + 8 * decayS) * EDA_HZ));
        for (int i = first; i < end; i++) {
            double t = i / EDA_HZ - onsetS;
            eda[i] += amplitudeUs
                    * (t < riseS ? 0.5 - 0.5 * Math.cos(Math.PI * t / riseS) : Math.exp(-(t - riseS) / decayS));
        }
    }

    /**
     * A blood-volume pulse and its beats.
     *
     * @param samples BVP at {@link #BVP_HZ}, device units
     * @param peakTimesS systolic peak of every beat, seconds after sample 0, in time order
     */
    record Pulse(double[] samples, double[] peakTimesS) {}

    /** A pulse train {@code seconds} long, about 75 beats per minute. */
    static Pulse pulse(Random random, double seconds) {
        double[] peaks = new double[(int) (seconds / 0.5) + 2];
        int beats = 0;
        for (double t = 0.4; t < seconds; beats++) {
            peaks[beats] = t;
            t += 0.8 + 0.05 * Math.sin(2 * Math.PI * 0.25 * t) + 0.015 * random.nextGaussian();
        }
        double[] x = new double[samples(seconds, BVP_HZ)];
        for (int i = 0; i < x.length; i++) {
            double t = i / BVP_HZ;
            x[i] = 12 * Math.sin(2 * Math.PI * 0.25 * t) + 2 * random.nextGaussian();
        }
        for (int b = 0; b < beats; b++) {
            double amplitude = 70 + 10 * random.nextGaussian();
            addWave(x, peaks[b], amplitude, 0.12);
            addWave(x, peaks[b] + 0.3, 0.3 * amplitude, 0.1);
        }
        return new Pulse(x, Arrays.copyOf(peaks, beats));
    }

    /** A gamma-shaped wave, {@code (u/w)^2 exp(2 (1 - u/w))}, peaking at {@code peakS} with {@code amplitude}. */
    private static void addWave(double[] bvp, double peakS, double amplitude, double widthS) {
        double footS = peakS - widthS;
        int first = Math.max(0, (int) Math.ceil(footS * BVP_HZ));
        int end = Math.min(bvp.length, (int) Math.ceil((footS + 8 * widthS) * BVP_HZ));
        for (int i = first; i < end; i++) {
            double u = (i / BVP_HZ - footS) / widthS;
            bvp[i] += amplitude * u * u * Math.exp(2 * (1 - u));
        }
    }

    /** Wrist acceleration, x, y, z per sample, 1/64 g (whole numbers, as the E4 writes them). */
    static double[] acc(Random random, double seconds) {
        int n = samples(seconds, ACC_HZ);
        double[] xyz = new double[3 * n];
        double gestureFromS = 20 * random.nextDouble();
        double gestureHz = 1 + 2 * random.nextDouble();
        for (int i = 0; i < n; i++) {
            double t = i / ACC_HZ;
            if (t > gestureFromS + 4) {
                gestureFromS += 30 + 60 * random.nextDouble();
                gestureHz = 1 + 2 * random.nextDouble();
            }
            double gesture = t >= gestureFromS ? 0.3 * Math.sin(2 * Math.PI * gestureHz * t) : 0;
            double tilt = 0.3 * Math.sin(2 * Math.PI * t / 180);
            xyz[3 * i] = Math.round(64 * (Math.sin(tilt) + gesture + 0.01 * random.nextGaussian()));
            xyz[3 * i + 1] = Math.round(64 * (0.5 * gesture + 0.01 * random.nextGaussian()));
            xyz[3 * i + 2] = Math.round(64 * (Math.cos(tilt) + 0.01 * random.nextGaussian()));
        }
        return xyz;
    }

    /** Skin temperature, degrees C, at {@link #TEMP_HZ}. */
    static double[] temp(Random random, double seconds) {
        double[] x = new double[samples(seconds, TEMP_HZ)];
        for (int i = 0; i < x.length; i++) {
            x[i] = 33.5 + 0.3 * Math.sin(2 * Math.PI * i / TEMP_HZ / 900) + 0.01 * random.nextGaussian();
        }
        return x;
    }

    /** One wearer's recording: every channel, {@code seconds} long, from {@link #START_MILLIS}. */
    static E4Recording recording(long seed, double seconds) {
        Random random = new Random(seed);
        Pulse pulse = pulse(random, seconds);
        double[] peaks = pulse.peakTimesS();
        double[] offsetsS = Arrays.copyOfRange(peaks, 1, peaks.length);
        double[] ibiS = new double[offsetsS.length];
        for (int k = 0; k < ibiS.length; k++) {
            ibiS[k] = peaks[k + 1] - peaks[k];
        }
        Map<Channel, E4Channel> channels = new EnumMap<>(Channel.class);
        channels.put(Channel.EDA, E4Channel.regular(Channel.EDA, START_MILLIS, EDA_HZ, eda(random, seconds)));
        channels.put(Channel.BVP, E4Channel.regular(Channel.BVP, START_MILLIS, BVP_HZ, pulse.samples()));
        channels.put(Channel.ACC, E4Channel.regular(Channel.ACC, START_MILLIS, ACC_HZ, acc(random, seconds)));
        channels.put(Channel.TEMP, E4Channel.regular(Channel.TEMP, START_MILLIS, TEMP_HZ, temp(random, seconds)));
        channels.put(Channel.IBI, E4Channel.ibi(START_MILLIS, offsetsS, ibiS));
        channels.put(
                Channel.HR,
                E4Channel.regular(Channel.HR, START_MILLIS + 10_000, 1, heartRate(offsetsS, ibiS, seconds - 10)));
        return new E4Recording("bench", channels, Map.of());
    }

    /** Beats per minute each second from 10 s: 60 / the mean interval of the last 10 s of beats. */
    private static double[] heartRate(double[] beatTimesS, double[] ibiS, double seconds) {
        double[] bpm = new double[(int) seconds];
        for (int s = 0; s < bpm.length; s++) {
            double to = 10 + s;
            double sum = 0;
            int n = 0;
            for (int k = 0; k < beatTimesS.length && beatTimesS[k] <= to; k++) {
                if (beatTimesS[k] > to - 10) {
                    sum += ibiS[k];
                    n++;
                }
            }
            bpm[s] = n == 0 ? 75 : 60 * n / sum;
        }
        return bpm;
    }

    /**
     * A client-therapist EDA dyad at {@link #EDA_HZ} from media start: the therapist's EDA is
     * partly the client's 2 s later, partly their own; each wearer loses contact for 20 s once or
     * twice (NaN, three gaps in all), as the pipeline's aligned series would show it.
     */
    static DyadSeries dyad(long seed, double minutes) {
        Random random = new Random(seed);
        double seconds = 60 * minutes;
        double[] client = eda(random, seconds);
        double[] own = eda(random, seconds);
        double[] therapist = new double[own.length];
        int lag = (int) Math.round(2 * EDA_HZ);
        for (int i = 0; i < own.length; i++) {
            therapist[i] = 0.5 * own[i] + 0.5 * client[Math.max(0, i - lag)];
        }
        int gap = samples(20, EDA_HZ);
        for (int g = 1; g <= 3; g++) {
            int from = (int) (g * client.length / 4.0);
            Arrays.fill(g % 2 == 0 ? therapist : client, from, Math.min(client.length, from + gap), Double.NaN);
        }
        return new DyadSeries(client, therapist, EDA_HZ, 0);
    }

    private static int samples(double seconds, double rateHz) {
        return (int) Math.round(seconds * rateHz);
    }
}
