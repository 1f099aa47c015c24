package org.sessionreview.features;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.sessionreview.config.FeatureConfig;
import org.sessionreview.ingest.e4.BlockSplitter;
import org.sessionreview.ingest.e4.E4Channel;
import org.sessionreview.ingest.e4.E4Recording;
import org.sessionreview.model.Channel;
import org.sessionreview.model.Role;
import org.sessionreview.model.SampleBlock;
import org.sessionreview.model.WindowFeatures;

/**
 * A seeded synthetic E4 wearer with arousal planted at known times in the raw signals, for tests
 * that measure the whole chain (raw samples, {@link WearerWindower}, scoring): EDA 4 Hz with a
 * tonic level, slow wander, spontaneous SCRs (Poisson) and noise; device IBIs from a heart rate
 * with slow wander, respiratory sinus arrhythmia and noise; device HR; skin temperature with
 * noise; ACC at rest. The recording starts at media second 0.
 *
 * <p>An {@link Episode} rises with a raised cosine from its onset over {@code rampS}, holds and
 * falls back over {@code rampS}: EDA tonic +{@code sclUs}, HR +{@code hrBpm}, SCR rate x
 * {@code scrFactor}, RSA and IBI noise x 0.6 (RMSSD down). A {@link Drift} raises the EDA tonic
 * alone, linearly or as a saturating exponential (time constant a third of its span).
 */
public final class PlantedArousalWearer {
    /** Epoch ms of media second 0 and of the first sample. */
    public static final long T0 = 1_714_557_600_000L;

    /** Planted arousal: onset, ramp (up and down), plateau, and the size of each change. */
    public record Episode(
            double onsetS, double rampS, double plateauS, double sclUs, double hrBpm, double scrFactor, Rise rise) {
        /** A raised-cosine rise (zero slope at the onset). */
        public Episode(double onsetS, double rampS, double plateauS, double sclUs, double hrBpm, double scrFactor) {
            this(onsetS, rampS, plateauS, sclUs, hrBpm, scrFactor, Rise.RAISED_COSINE);
        }

        double arousal(double t) {
            double u = t - onsetS;
            if (u <= 0 || u >= 2 * rampS + plateauS) {
                return 0;
            }
            if (u < rampS) {
                return rise.at(u / rampS);
            }
            if (u <= rampS + plateauS) {
                return 1;
            }
            return 0.5 + 0.5 * Math.cos(Math.PI * (u - rampS - plateauS) / rampS);
        }

        public double endS() {
            return onsetS + 2 * rampS + plateauS;
        }
    }

    /** The shape of an episode's rise from 0 at its onset to 1 after its ramp. */
    public enum Rise {
        /** Zero slope at the onset: 0.5 - 0.5 cos(pi u). */
        RAISED_COSINE,
        /** A constant slope from the onset: u. */
        LINEAR,
        /** Steepest at the onset, saturating: (1 - e^(-3u)) / (1 - e^-3). */
        SATURATING,
        /** A logistic step centred on the middle of the ramp, 0 at its start. */
        LOGISTIC;

        /** The rise at u in [0, 1] (fraction of the ramp). */
        public double at(double u) {
            return switch (this) {
                case RAISED_COSINE -> 0.5 - 0.5 * Math.cos(Math.PI * u);
                case LINEAR -> u;
                case SATURATING -> (1 - Math.exp(-3 * u)) / (1 - Math.exp(-3));
                case LOGISTIC -> (l(u) - l(0)) / (l(1) - l(0));
            };
        }

        private static double l(double u) {
            return 1 / (1 + Math.exp(-10 * (u - 0.5)));
        }
    }

    /** An EDA tonic drift of {@code riseUs} from {@code fromS} to {@code toS}, then held. */
    public record Drift(double fromS, double toS, double riseUs, boolean exponential) {
        double level(double t) {
            if (t <= fromS) {
                return 0;
            }
            double u = Math.min(1, (t - fromS) / (toS - fromS));
            if (!exponential) {
                return riseUs * u;
            }
            return riseUs * (1 - Math.exp(-3 * u)) / (1 - Math.exp(-3));
        }
    }

    private final double durationS;
    private final long seed;
    private final List<Episode> episodes = new ArrayList<>();
    private final List<Drift> drifts = new ArrayList<>();
    double sclUs = 2.0;
    double scrPerMin = 3.0;
    double hrBpm = 70;
    private double wanderSclUs;
    private double wanderHrBpm;
    private double wanderTauS = 60;

    public PlantedArousalWearer(double durationS, long seed) {
        this.durationS = durationS;
        this.seed = seed;
    }

    public PlantedArousalWearer episode(Episode e) {
        episodes.add(e);
        return this;
    }

    /**
     * Adds a tonic wander to the EDA level and the heart rate: Ornstein-Uhlenbeck processes with
     * time constant {@code tauS} and stationary SD {@code sclUs} (uS) and {@code hrBpm} (bpm), as a
     * resting level moves over minutes. Drawn from a random stream of its own, so the rest of the
     * wearer is the same with and without it.
     */
    public PlantedArousalWearer wander(double sclUs, double hrBpm, double tauS) {
        this.wanderSclUs = sclUs;
        this.wanderHrBpm = hrBpm;
        this.wanderTauS = tauS;
        return this;
    }

    /** An Ornstein-Uhlenbeck path at {@code hz} over the recording, stationary SD {@code sd}. */
    private double[] ou(long stream, double hz, double sd) {
        double[] w = new double[(int) (durationS * hz) + 2];
        if (sd <= 0) {
            return w;
        }
        Random r = new Random(seed * 1_000_003L + stream);
        double a = Math.exp(-1 / (hz * wanderTauS));
        double b = sd * Math.sqrt(1 - a * a);
        double x = sd * r.nextGaussian();
        for (int i = 0; i < w.length; i++) {
            x = a * x + b * r.nextGaussian();
            w[i] = x;
        }
        return w;
    }

    public PlantedArousalWearer drift(Drift d) {
        drifts.add(d);
        return this;
    }

    private double arousal(double t) {
        double a = 0;
        for (Episode e : episodes) {
            a = Math.max(a, e.arousal(t));
        }
        return a;
    }

    public E4Recording build(String sessionId) {
        Random rnd = new Random(seed);
        Map<Channel, E4Channel> ch = new EnumMap<>(Channel.class);
        ch.put(Channel.EDA, E4Channel.regular(Channel.EDA, T0, 4, eda(rnd)));
        double[] temp = new double[(int) (durationS * 4)];
        for (int i = 0; i < temp.length; i++) {
            temp[i] = 33.0 + 0.01 * rnd.nextGaussian();
        }
        ch.put(Channel.TEMP, E4Channel.regular(Channel.TEMP, T0, 4, temp));
        int nAcc = (int) (durationS * 32);
        double[] acc = new double[3 * nAcc];
        for (int i = 0; i < nAcc; i++) {
            acc[3 * i] = Math.round(0.3 * rnd.nextGaussian());
            acc[3 * i + 1] = Math.round(0.3 * rnd.nextGaussian());
            acc[3 * i + 2] = 64;
        }
        ch.put(Channel.ACC, E4Channel.regular(Channel.ACC, T0, 32, acc));
        ch.put(Channel.BVP, E4Channel.regular(Channel.BVP, T0, 64, new double[(int) (durationS * 64)]));
        List<double[]> beats = beats(rnd);
        double[] offsets = new double[beats.size()];
        double[] ibis = new double[beats.size()];
        for (int i = 0; i < beats.size(); i++) {
            offsets[i] = beats.get(i)[0];
            ibis[i] = beats.get(i)[1];
        }
        ch.put(Channel.IBI, E4Channel.ibi(T0, offsets, ibis));
        double[] hr = new double[(int) durationS - 10];
        int k = 0;
        for (int s = 0; s < hr.length; s++) {
            while (k + 1 < beats.size() && beats.get(k + 1)[0] <= s + 10) {
                k++;
            }
            hr[s] = 60 / beats.get(k)[1];
        }
        ch.put(Channel.HR, E4Channel.regular(Channel.HR, T0 + 10_000, 1, hr));
        return new E4Recording(sessionId, ch, Map.of());
    }

    private double[] eda(Random rnd) {
        double[] x = new double[(int) (durationS * 4)];
        double p1 = 400 + 300 * rnd.nextDouble();
        double ph1 = 2 * Math.PI * rnd.nextDouble();
        double p2 = 150 + 100 * rnd.nextDouble();
        double ph2 = 2 * Math.PI * rnd.nextDouble();
        double[] wander = ou(1, 4, wanderSclUs);
        for (int i = 0; i < x.length; i++) {
            double t = i / 4.0;
            double tonic = sclUs
                    + 0.03 * Math.sin(2 * Math.PI * t / p1 + ph1)
                    + 0.015 * Math.sin(2 * Math.PI * t / p2 + ph2)
                    + wander[i];
            for (Episode e : episodes) {
                tonic += e.sclUs() * e.arousal(t);
            }
            for (Drift d : drifts) {
                tonic += d.level(t);
            }
            x[i] = tonic + 0.002 * rnd.nextGaussian();
        }
        for (int i = 0; i < x.length; i++) {
            double t = i / 4.0;
            double factor = 1;
            for (Episode e : episodes) {
                factor = Math.max(factor, 1 + (e.scrFactor() - 1) * e.arousal(t));
            }
            if (rnd.nextDouble() < scrPerMin / 60.0 * factor / 4.0) {
                double amp = Math.min(0.3, Math.max(0.05, 0.1 * Math.exp(0.45 * rnd.nextGaussian())));
                SyntheticWearer.plantScr(x, 4, t + 1.5, amp); // 1.5 s latency after the stimulus
            }
        }
        return x;
    }

    /** {offset s, ibi s} of each device beat. */
    private List<double[]> beats(Random rnd) {
        double pw = 300 + 300 * rnd.nextDouble();
        double phw = 2 * Math.PI * rnd.nextDouble();
        List<double[]> out = new ArrayList<>();
        double t = 3.0;
        double[] wander = ou(2, 4, wanderHrBpm);
        while (true) {
            double a = arousal(t);
            double rise = 0;
            for (Episode e : episodes) {
                rise += e.hrBpm() * e.arousal(t);
            }
            double hr = hrBpm + 1.5 * Math.sin(2 * Math.PI * t / pw + phw) + rise + wander[(int) (t * 4)];
            double shrink = 1 - 0.4 * a;
            double ibi = 60 / hr + shrink * (0.035 * Math.sin(2 * Math.PI * 0.25 * t) + 0.008 * rnd.nextGaussian());
            t += ibi;
            if (t >= durationS) {
                return out;
            }
            out.add(new double[] {t, ibi});
        }
    }

    /** The wearer's windows through the real feature chain (default feature configuration). */
    public List<WindowFeatures> windows(String sessionId, Role role) {
        FeatureConfig cfg = FeatureConfig.defaults();
        List<SampleBlock> blocks = new BlockSplitter(cfg).stream(build(sessionId), role, T0);
        WearerWindower w = new WearerWindower(cfg, sessionId, role, T0);
        List<WindowFeatures> out = new ArrayList<>();
        for (SampleBlock b : blocks) {
            out.addAll(w.add(b));
        }
        out.addAll(w.finish(Long.MAX_VALUE));
        return out;
    }
}
