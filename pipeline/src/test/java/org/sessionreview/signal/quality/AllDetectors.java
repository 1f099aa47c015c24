package org.sessionreview.signal.quality;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/** Runs every detector with its defaults over one wearer's channels, whole or core by core. */
final class AllDetectors {
    static final EdaContactLossDetector CONTACT = EdaContactLossDetector.defaults();
    static final EdaAboveRangeDetector ABOVE = EdaAboveRangeDetector.defaults();
    static final EdaJumpDetector JUMP = EdaJumpDetector.defaults();
    static final EdaMotionDetector MOTION = EdaMotionDetector.defaults();
    static final AccGrossMovementDetector GROSS = AccGrossMovementDetector.defaults();
    static final TempOffWristDetector OFF_WRIST = TempOffWristDetector.defaults();
    static final IbiGapDetector GAPS = IbiGapDetector.defaults();

    private AllDetectors() {}

    /** A regular channel: values (interleaved when width > 1), rate and time of sample 0. */
    record Regular(double[] values, int width, double rateHz, double startMillis) {
        /** The samples in [fromMillis, toMillis). */
        Regular slice(double fromMillis, double toMillis) {
            int n = values.length / width;
            int i0 = Math.max(0, (int) Math.ceil((fromMillis - startMillis) * rateHz / 1000 - 1e-9));
            int i1 = Math.max(i0, Math.min(n, (int) Math.ceil((toMillis - startMillis) * rateHz / 1000 - 1e-9)));
            return new Regular(
                    Arrays.copyOfRange(values, i0 * width, i1 * width),
                    width,
                    rateHz,
                    startMillis + i0 * 1000 / rateHz);
        }

        double endMillis() {
            return startMillis + values.length / width * 1000 / rateHz;
        }
    }

    /**
     * One wearer's channels; any may be null (missing).
     *
     * @param beatMillis beat times, epoch ms; {@code accepted} their flags
     * @param spanFromMillis start of the time over which beats were observed
     * @param spanToMillis its end
     */
    record Channels(
            Regular eda,
            Regular acc,
            Regular temp,
            double[] beatMillis,
            boolean[] accepted,
            double spanFromMillis,
            double spanToMillis) {}

    /** Every detector over [from, to), each given {@code context} ms on each side (null: its own). */
    static List<Artifact> detectCore(Channels c, double from, double to, Double context) {
        List<Artifact> out = new ArrayList<>();
        if (c.eda() != null) {
            double cc = pick(context, CONTACT.contextMillis());
            Regular e = c.eda().slice(from - cc, to + cc);
            out.addAll(CONTACT.detect(e.values(), e.rateHz(), e.startMillis(), from, to));
            double ca = pick(context, ABOVE.contextMillis());
            e = c.eda().slice(from - ca, to + ca);
            out.addAll(ABOVE.detect(e.values(), e.rateHz(), e.startMillis(), from, to));
            double cj = pick(context, JUMP.contextMillis());
            e = c.eda().slice(from - cj, to + cj);
            out.addAll(JUMP.detect(e.values(), e.rateHz(), e.startMillis(), from, to));
        }
        if (c.eda() != null && c.acc() != null) {
            double m = pick(context, MOTION.contextMillis());
            Regular e = c.eda().slice(from - m, to + m);
            Regular a = c.acc().slice(from - m, to + m);
            out.addAll(MOTION.detect(
                    e.values(), e.rateHz(), e.startMillis(), a.values(), a.rateHz(), a.startMillis(), from, to));
        }
        if (c.acc() != null) {
            double g = pick(context, GROSS.contextMillis());
            Regular a = c.acc().slice(from - g, to + g);
            out.addAll(GROSS.detect(a.values(), a.rateHz(), a.startMillis(), from, to));
        }
        if (c.temp() != null) {
            double w = pick(context, OFF_WRIST.contextMillis());
            Regular t = c.temp().slice(from - w, to + w);
            out.addAll(OFF_WRIST.detect(t.values(), t.rateHz(), t.startMillis(), from, to));
        }
        if (c.beatMillis() != null) {
            double g = pick(context, GAPS.contextMillis());
            double spanFrom = Math.max(c.spanFromMillis(), from - g);
            double spanTo = Math.min(c.spanToMillis(), to + g);
            int[] in = IntStream.range(0, c.beatMillis().length)
                    .filter(i -> c.beatMillis()[i] >= spanFrom && c.beatMillis()[i] <= spanTo)
                    .toArray();
            double[] beats =
                    Arrays.stream(in).mapToDouble(i -> c.beatMillis()[i]).toArray();
            boolean[] accepted = new boolean[in.length];
            for (int k = 0; k < in.length; k++) {
                accepted[k] = c.accepted()[in[k]];
            }
            out.addAll(GAPS.detect(
                    beats,
                    accepted,
                    spanFrom,
                    spanTo,
                    Math.max(from, c.spanFromMillis()),
                    Math.min(to, c.spanToMillis())));
        }
        return out;
    }

    /** Merged intervals of consecutive cores of {@code coreSeconds} over [from, to). */
    static List<Artifact> byCores(Channels c, double from, double to, double coreSeconds, Double context) {
        List<Artifact> pieces = new ArrayList<>();
        for (double core = from; core < to; core += coreSeconds * 1000) {
            pieces.addAll(detectCore(c, core, Math.min(to, core + coreSeconds * 1000), context));
        }
        return ArtifactIntervals.merge(pieces);
    }

    private static double pick(Double context, double own) {
        return context != null ? context : own;
    }
}
