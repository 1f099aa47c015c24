package org.sessionreview.features;

import java.util.ArrayList;
import java.util.List;
import org.sessionreview.config.FeatureConfig;
import org.sessionreview.signal.cardiac.Beat;
import org.sessionreview.signal.cardiac.BvpBeats;
import org.sessionreview.signal.cardiac.IbiCleaner;

/**
 * The beats of one core (a fixed stretch of a wearer's stream): the device's inter-beat
 * intervals cleaned by {@link IbiCleaner}, and beats detected in the pulse wave by {@link
 * BvpBeats}, each reported for the core its time falls in. The caller supplies context before
 * and look-ahead after the core ({@link #marginMillis()}), so that consecutive cores report each
 * beat once and as one pass over the whole recording would.
 */
final class CardiacCore {
    private CardiacCore() {}

    /**
     * Context and look-ahead a core needs, ms: for device beats the IBI neighbour window plus twice
     * the longest interval (enough for the local-median rule), and the pulse-wave detector's margin.
     */
    static double marginMillis(FeatureConfig config) {
        IbiCleaner.Config ibi = FeatureSteps.ibiCleaning(config);
        double device = (ibi.neighbourWindowS() + 2 * ibi.maxIbiS()) * 1000;
        return Math.max(device, FeatureSteps.pulseWaveBeats(config).marginSeconds() * 1000);
    }

    /** Device beats (epoch ms) with time in {@code [coreFrom, coreTo)}, cleaned with their neighbours in the buffer. */
    static List<Beat> deviceBeats(BeatSeries ibi, double coreFrom, double coreTo, FeatureConfig config) {
        List<Beat> all =
                IbiCleaner.fromDevice(0, secondsOf(ibi.timesMillis()), ibi.ibiS(), FeatureSteps.ibiCleaning(config));
        List<Beat> core = new ArrayList<>();
        for (Beat b : all) {
            if (b.tMillis() >= coreFrom && b.tMillis() < coreTo) {
                core.add(b);
            }
        }
        return core;
    }

    /** BVP beats (epoch ms) whose peak lies in {@code [coreFrom, coreTo)}. */
    static List<Beat> bvpBeats(RegularSeries bvp, double coreFrom, double coreTo, BvpBeats.Config config) {
        if (bvp.length() == 0 || bvp.rateHz() <= 16) {
            return List.of();
        }
        int from = bvp.indexAtOrAfter(coreFrom);
        int to = bvp.indexAtOrAfter(coreTo);
        if (from >= to) {
            return List.of();
        }
        List<Beat> out = new ArrayList<>();
        for (Beat b : BvpBeats.detect(bvp.values(), bvp.rateHz(), from, to, config)) {
            out.add(b.shifted(bvp.t0Millis()));
        }
        return out;
    }

    private static double[] secondsOf(double[] millis) {
        double[] s = new double[millis.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = millis[i] / 1000.0;
        }
        return s;
    }
}
