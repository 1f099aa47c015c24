package org.sessionreview.features;

import java.util.ArrayList;
import java.util.List;
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
    /** IBI neighbour window (15 s) plus the longest interval: enough for the local-median rule. */
    static final double DEVICE_MARGIN_MILLIS = (IbiCleaner.Config.DEFAULT.neighbourWindowS() + 2 * IbiCleaner.Config.DEFAULT.maxIbiS()) * 1000;

    private CardiacCore() {}

    /** Context and look-ahead a core needs, epoch ms. */
    static double marginMillis() {
        return Math.max(DEVICE_MARGIN_MILLIS, BvpBeats.Config.DEFAULT.marginSeconds() * 1000);
    }

    /** Device beats (epoch ms) with time in {@code [coreFrom, coreTo)}, cleaned with their neighbours in the buffer. */
    static List<Beat> deviceBeats(BeatSeries ibi, double coreFrom, double coreTo) {
        List<Beat> all = IbiCleaner.fromDevice(0, secondsOf(ibi.timesMillis()), ibi.ibiS(), IbiCleaner.Config.DEFAULT);
        List<Beat> core = new ArrayList<>();
        for (Beat b : all) {
            if (b.tMillis() >= coreFrom && b.tMillis() < coreTo) {
                core.add(b);
            }
        }
        return core;
    }

    /** BVP beats (epoch ms) whose peak lies in {@code [coreFrom, coreTo)}. */
    static List<Beat> bvpBeats(RegularSeries bvp, double coreFrom, double coreTo) {
        if (bvp.length() == 0 || bvp.rateHz() <= 16) {
            return List.of();
        }
        int from = bvp.indexAtOrAfter(coreFrom);
        int to = bvp.indexAtOrAfter(coreTo);
        if (from >= to) {
            return List.of();
        }
        List<Beat> out = new ArrayList<>();
        for (Beat b : BvpBeats.detect(bvp.values(), bvp.rateHz(), from, to, BvpBeats.Config.DEFAULT)) {
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
