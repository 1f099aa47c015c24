package org.sessionreview.features;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.sessionreview.config.FeatureConfig;
import org.sessionreview.model.Channel;
import org.sessionreview.signal.cardiac.Beat;
import org.sessionreview.signal.cardiac.RejectReason;
import org.sessionreview.signal.quality.Artifact;
import org.sessionreview.signal.quality.ArtifactIntervals;
import org.sessionreview.signal.quality.ArtifactKind;
import org.sessionreview.signal.quality.NotWornDetector;

/**
 * The not-worn part of the per-core event stage: finds where the wristband was not worn ({@link
 * NotWornDetector}: skin temperature off the wrist and EDA contact loss at once) in each core and
 * its look-ahead, keeps the cores' own stretches, and masks the band's other channels with them:
 * the pulse wave and the device's beats before beat detection, and, for the windows, the
 * accelerometer, the device's HR and the skin temperature.
 *
 * <p>Each time is judged once: a stretch inside a processed core is kept as found there, and the
 * part of a later core's context that lies in earlier cores is taken from what was kept, so the
 * masks do not depend on how far back the buffers reach.
 */
final class NotWornStretches implements Serializable {
    private static final long serialVersionUID = 1L;

    private final FeatureConfig config;
    /** Stretches inside processed cores, time-ordered and disjoint. */
    private final KeptStretches kept = new KeptStretches(ArtifactKind.NOT_WORN);

    NotWornStretches(FeatureConfig config) {
        this.config = config;
    }

    /** Look-back the detection needs before a core: the off-wrist guard's fall window plus a second, by default. */
    static double contextMillis(FeatureConfig config) {
        return FeatureSteps.notWorn(config).contextMillis();
    }

    /**
     * The not-worn stretches over {@code [fromMillis, toMillis)}: before {@code coreFromMillis}
     * those kept from the cores processed before, from it on those found now in the EDA and skin
     * temperature from {@link #contextMillis} before it up to {@code toMillis}.
     *
     * @param grids where the EDA and temperature grids go; null allocates them
     * @return time-ordered, disjoint stretches
     */
    List<Artifact> find(
            Map<Channel, ChannelBuffer> buffers,
            double fromMillis,
            double coreFromMillis,
            double toMillis,
            CoreGrids grids) {
        List<Artifact> out = new ArrayList<>(over(fromMillis, coreFromMillis));
        ChannelBuffer eda = buffers.get(Channel.EDA);
        ChannelBuffer temp = buffers.get(Channel.TEMP);
        if (eda == null || temp == null) {
            return out;
        }
        double look = contextMillis(config);
        RegularSeries e = eda.regular(coreFromMillis - look, toMillis, grids == null ? null : grids.notWornEda);
        RegularSeries t = temp.regular(coreFromMillis - look, toMillis, grids == null ? null : grids.notWornTemp);
        if (e.length() > 0 && t.length() > 0) {
            out.addAll(FeatureSteps.notWorn(config)
                    .detect(
                            e.values(),
                            e.rateHz(),
                            e.t0Millis(),
                            t.values(),
                            t.rateHz(),
                            t.t0Millis(),
                            coreFromMillis,
                            toMillis));
        }
        return ArtifactIntervals.merge(out);
    }

    /** The parts of {@code stretches} inside {@code [fromMillis, toMillis)}. */
    static List<Artifact> clip(List<Artifact> stretches, double fromMillis, double toMillis) {
        List<Artifact> out = new ArrayList<>();
        for (Artifact a : stretches) {
            double s = Math.max(fromMillis, a.startMillis());
            double e = Math.min(toMillis, a.endMillis());
            if (e > s) {
                out.add(new Artifact(a.kind(), s, e));
            }
        }
        return out;
    }

    /** Keeps a processed core's stretches (inside the core, after those kept before). */
    void keep(List<Artifact> coreStretches) {
        kept.keep(coreStretches);
    }

    /** The kept stretches overlapping {@code [fromMillis, toMillis)}, clipped to it. */
    List<Artifact> over(double fromMillis, double toMillis) {
        return kept.over(fromMillis, toMillis);
    }

    /** Time of {@code [fromMillis, toMillis)} the band was not worn, ms. */
    double coveredMillis(double fromMillis, double toMillis) {
        return ArtifactIntervals.coveredMillis(over(fromMillis, toMillis), fromMillis, toMillis);
    }

    void evictBefore(double millis) {
        kept.evictBefore(millis);
    }

    /** {@code s} with the samples whose period overlaps a stretch set to NaN; {@code s} itself when none does. */
    static RegularSeries mask(RegularSeries s, List<Artifact> stretches) {
        if (stretches.isEmpty() || s.length() == 0) {
            return s;
        }
        boolean[] masked = ArtifactIntervals.toMask(stretches, s.length(), s.rateHz(), s.t0Millis());
        double[] values = null;
        for (int i = 0; i < masked.length; i++) {
            if (masked[i]) {
                if (values == null) {
                    values = s.values().clone();
                }
                Arrays.fill(values, i * s.width(), (i + 1) * s.width(), Double.NaN);
            }
        }
        return values == null ? s : new RegularSeries(s.t0Millis(), s.rateHz(), s.width(), values);
    }

    /**
     * Sets to NaN, in place, the values of {@code magnitudeG} (one per sample of {@code s}) whose
     * sample {@link #mask} masks: the magnitudes of the masked series.
     */
    static void maskMagnitudes(double[] magnitudeG, RegularSeries s, List<Artifact> stretches) {
        if (stretches.isEmpty() || s.length() == 0) {
            return;
        }
        boolean[] masked = ArtifactIntervals.toMask(stretches, s.length(), s.rateHz(), s.t0Millis());
        for (int i = 0; i < masked.length; i++) {
            if (masked[i]) {
                magnitudeG[i] = Double.NaN;
            }
        }
    }

    /**
     * {@code beats} with every beat whose interval ({@code [t - ibi, t]}, or its time when the
     * interval is unknown) touches a stretch rejected as {@link RejectReason#MASKED}.
     */
    static List<Beat> reject(List<Beat> beats, List<Artifact> stretches) {
        if (stretches.isEmpty()) {
            return beats;
        }
        List<Beat> out = new ArrayList<>(beats.size());
        for (Beat b : beats) {
            double from = Double.isFinite(b.ibiMs()) ? b.startMillis() : b.tMillis();
            boolean touches = false;
            for (Artifact a : stretches) {
                touches |= a.startMillis() <= b.tMillis() && a.endMillis() > from;
            }
            out.add(touches && b.rejectReason() != RejectReason.MASKED ? b.reject(RejectReason.MASKED) : b);
        }
        return out;
    }
}
