package org.sessionreview.features;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.sessionreview.ingest.e4.E4Channel;
import org.sessionreview.ingest.e4.E4Recording;
import org.sessionreview.model.Channel;

/**
 * A seeded synthetic E4 wearer with known physiology: EDA at a tonic level with planted SCRs,
 * regular IBIs alternating between two intervals, device HR, a linear temperature ramp, and ACC
 * at rest (1 g on z) with optional 4 Hz tapping, and a flat BVP or, with {@link #pulseWave()}, a
 * pulse wave beating at the device's beats. Channels can be cut short to mimic a truncated
 * export, and the band can lie on a table for a while ({@link #notWorn}).
 */
final class SyntheticWearer {
    static final long T0 = 1_700_000_000_000L;

    double durationS = 600;
    double edaLevelUs = 2.0;
    double edaDriftUsPerMin = 0.02;
    final List<double[]> scrs = new ArrayList<>(); // {onsetS, amplitudeUs}
    double ibiA = 0.80;
    double ibiB = 0.84;
    double deviceHrBpm = 73;
    double tempStartC = 33.0;
    double tempSlopeCPerMin = -0.12;
    double tapFromS = Double.NaN;
    double tapToS = Double.NaN;
    double tapAmplitudeG = 0.1;
    final Map<Channel, Double> stopAtS = new EnumMap<>(Channel.class);
    long seed = 42;
    boolean pulseWave;
    double notWornFromS = Double.NaN;
    double notWornToS = Double.NaN;

    SyntheticWearer duration(double s) {
        durationS = s;
        return this;
    }

    SyntheticWearer scr(double onsetS, double amplitudeUs) {
        scrs.add(new double[] {onsetS, amplitudeUs});
        return this;
    }

    SyntheticWearer tapping(double fromS, double toS) {
        tapFromS = fromS;
        tapToS = toS;
        return this;
    }

    /** A pulse wave instead of a flat BVP: one Gaussian pulse (sd 0.1 s) of 40-60 units per device beat. */
    SyntheticWearer pulseWave() {
        pulseWave = true;
        return this;
    }

    /**
     * The band lying on a table in {@code [fromS, toS)}: EDA {@value #TABLE_EDA_US}-0.013 uS,
     * skin temperature {@value #TABLE_TEMP_C} degC (room), ACC perfectly still, BVP only noise
     * (Gaussian, sd {@value #TABLE_BVP_NOISE}), no device beats, and the device's HR channel
     * reading {@value #TABLE_HR_BPM} bpm from that noise. The other channels' draws outside the
     * stretch stay as without it.
     */
    SyntheticWearer notWorn(double fromS, double toS) {
        notWornFromS = fromS;
        notWornToS = toS;
        return this;
    }

    /** The skin temperature while not worn ({@link #TABLE_TEMP_C} unless set). */
    SyntheticWearer tableTemperature(double c) {
        tableTempC = c;
        return this;
    }

    double tableTempC = TABLE_TEMP_C;

    static final double TABLE_EDA_US = 0.01;
    static final double TABLE_TEMP_C = 22.0;
    static final double TABLE_BVP_NOISE = 20;
    static final double TABLE_HR_BPM = 104;

    private boolean offBand(double tS) {
        return tS >= notWornFromS && tS < notWornToS;
    }

    /**
     * No sample in any channel in {@code [fromS, toS)}, as between the two parts of a restarted
     * wristband: the regular channels hold NaN there (as the reader leaves the gap between parts)
     * and the IBI file has no beat.
     */
    SyntheticWearer gap(double fromS, double toS) {
        gapFromS = fromS;
        gapToS = toS;
        return this;
    }

    /** No device beat in {@code [fromS, toS)} (the E4 dropping beats it cannot trust); the other channels go on. */
    SyntheticWearer beatsMissing(double fromS, double toS) {
        beatsMissingFromS = fromS;
        beatsMissingToS = toS;
        return this;
    }

    double beatsMissingFromS = Double.NaN;
    double beatsMissingToS = Double.NaN;

    double gapFromS = Double.NaN;
    double gapToS = Double.NaN;

    private boolean inGap(double tS) {
        return tS >= gapFromS && tS < gapToS;
    }

    /** NaN over the gap for a channel of {@code width} values per sample starting {@code startS} after T0. */
    private double[] blanked(double[] x, int width, double rateHz, double startS) {
        for (int i = 0; i < x.length / width; i++) {
            if (inGap(startS + i / rateHz)) {
                Arrays.fill(x, i * width, (i + 1) * width, Double.NaN);
            }
        }
        return x;
    }

    SyntheticWearer stop(Channel c, double atS) {
        stopAtS.put(c, atS);
        return this;
    }

    private int samples(Channel c, double rate) {
        return (int) Math.round(Math.min(durationS, stopAtS.getOrDefault(c, durationS)) * rate);
    }

    E4Recording build() {
        Random random = new Random(seed);
        Map<Channel, E4Channel> channels = new EnumMap<>(Channel.class);
        channels.put(Channel.EDA, E4Channel.regular(Channel.EDA, T0, 4, blanked(eda(random), 1, 4, 0)));
        channels.put(Channel.TEMP, E4Channel.regular(Channel.TEMP, T0, 4, blanked(temp(), 1, 4, 0)));
        channels.put(Channel.ACC, E4Channel.regular(Channel.ACC, T0, 32, blanked(acc(random), 3, 32, 0)));
        E4Channel ibi = ibi();
        channels.put(Channel.BVP, E4Channel.regular(Channel.BVP, T0, 64, blanked(bvp(ibi), 1, 64, 0)));
        double[] hr = new double[Math.max(0, samples(Channel.HR, 1) - 10)];
        Arrays.fill(hr, deviceHrBpm);
        for (int i = 0; i < hr.length; i++) {
            hr[i] = offBand(10 + i) ? TABLE_HR_BPM : hr[i];
        }
        blanked(hr, 1, 1, 10);
        channels.put(Channel.HR, E4Channel.regular(Channel.HR, T0 + 10_000, 1, hr));
        channels.put(Channel.IBI, ibi);
        return new E4Recording("syn", channels, Map.of());
    }

    private double[] bvp(E4Channel ibi) {
        double[] x = new double[samples(Channel.BVP, 64)];
        Random noise = new Random(seed + 2);
        for (int i = 0; i < x.length; i++) {
            x[i] = offBand(i / 64.0) ? TABLE_BVP_NOISE * noise.nextGaussian() : 0;
        }
        if (!pulseWave) {
            return x;
        }
        Random amplitudes = new Random(seed + 1); // the other channels' draws stay as without a pulse wave
        for (double beatS : ibi.offsetsS()) {
            double amplitude = 40 + 20 * amplitudes.nextDouble();
            int from = Math.max(0, (int) ((beatS - 0.5) * 64));
            int to = Math.min(x.length, (int) ((beatS + 0.5) * 64));
            for (int i = from; i < to; i++) {
                double u = (i / 64.0 - beatS) / 0.1;
                x[i] += amplitude * Math.exp(-0.5 * u * u);
            }
        }
        return x;
    }

    private double[] eda(Random random) {
        double[] x = new double[samples(Channel.EDA, 4)];
        for (int i = 0; i < x.length; i++) {
            x[i] = edaLevelUs + edaDriftUsPerMin * i / 240.0 + 0.001 * random.nextGaussian();
        }
        for (double[] s : scrs) {
            plantScr(x, 4, s[0], s[1]);
        }
        for (int i = 0; i < x.length; i++) {
            x[i] = offBand(i / 4.0) ? TABLE_EDA_US + 0.001 * (i % 4) : x[i];
        }
        return x;
    }

    /** Bateman response (rise tau 0.75 s, decay tau 4 s) peaking at {@code amplitudeUs}. */
    static void plantScr(double[] x, double rateHz, double onsetS, double amplitudeUs) {
        double tauRise = 0.75;
        double tauDecay = 4.0;
        double tPeak = Math.log(tauDecay / tauRise) * tauRise * tauDecay / (tauDecay - tauRise);
        double norm = Math.exp(-tPeak / tauDecay) - Math.exp(-tPeak / tauRise);
        for (int i = 0; i < x.length; i++) {
            double t = i / rateHz - onsetS;
            if (t > 0) {
                x[i] += amplitudeUs * (Math.exp(-t / tauDecay) - Math.exp(-t / tauRise)) / norm;
            }
        }
    }

    /** Seconds from onset to the peak of {@link #plantScr}'s response. */
    static final double SCR_PEAK_DELAY_S = Math.log(4.0 / 0.75) * 0.75 * 4.0 / (4.0 - 0.75);

    private double[] temp() {
        double[] x = new double[samples(Channel.TEMP, 4)];
        for (int i = 0; i < x.length; i++) {
            x[i] = offBand(i / 4.0) ? tableTempC : tempStartC + tempSlopeCPerMin * i / 240.0;
        }
        return x;
    }

    private double[] acc(Random random) {
        int n = samples(Channel.ACC, 32);
        double[] xyz = new double[3 * n];
        for (int i = 0; i < n; i++) {
            double t = i / 32.0;
            double z = 1.0;
            if (t >= tapFromS && t < tapToS) {
                z += tapAmplitudeG * Math.sin(2 * Math.PI * 4.0 * t);
            }
            xyz[3 * i] = Math.round(0.3 * random.nextGaussian());
            xyz[3 * i + 1] = Math.round(0.3 * random.nextGaussian());
            xyz[3 * i + 2] = Math.round(64 * z);
            if (offBand(t)) {
                xyz[3 * i] = 0;
                xyz[3 * i + 1] = 0;
                xyz[3 * i + 2] = 64;
            }
        }
        return xyz;
    }

    private E4Channel ibi() {
        double stop = Math.min(durationS, stopAtS.getOrDefault(Channel.IBI, durationS));
        List<Double> offsets = new ArrayList<>();
        List<Double> intervals = new ArrayList<>();
        double t = 3.0;
        for (int i = 0; ; i++) {
            double ibi = i % 2 == 0 ? ibiA : ibiB;
            t += ibi;
            if (t >= stop) {
                break;
            }
            if (offBand(t) || inGap(t) || t >= beatsMissingFromS && t < beatsMissingToS) {
                continue;
            }
            offsets.add(t);
            intervals.add(ibi);
        }
        return E4Channel.ibi(
                T0,
                offsets.stream().mapToDouble(Double::doubleValue).toArray(),
                intervals.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
