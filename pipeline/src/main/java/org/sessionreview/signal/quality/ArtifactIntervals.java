package org.sessionreview.signal.quality;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.sessionreview.model.Channel;

/**
 * Turning per-sample flags into {@link Artifact} intervals and back, and merging intervals.
 *
 * <p><b>Streaming</b>: every detector has a segment form {@code detect(..., coreFromMillis,
 * coreToMillis)} that looks at the samples it is given (the core plus the detector's {@code
 * contextMillis()} on each side) but reports only the parts of intervals inside the core.
 * Consecutive cores then give the intervals of one whole-signal call, cut at the core boundaries;
 * {@link #merge} joins the cut pieces again, so {@code merge(pieces) == merge(whole)}.
 *
 * <p><b>Masks</b>: sample {@code i} at {@code t_i = startMillis + i * 1000 / rateHz} stands for
 * {@code [t_i, t_i + 1000 / rateHz)}; it is masked when that period overlaps an interval. So a
 * mask turned into intervals and back is unchanged, and an interval from a faster channel masks
 * every sample of a slower channel it touches.
 */
public final class ArtifactIntervals {
    /** Intervals of one kind closer than this are joined, milliseconds (rounding slack). */
    public static final double TOUCH_MILLIS = 1e-6;

    /**
     * Slack on a sample index computed from epoch milliseconds, in samples: a period that is not a
     * whole number of ms (7 Hz) puts a stretch found at sample i at i - 2e-6 after rounding (epoch
     * ms are doubles of about 2.4e-4 ms resolution), so 1e-9 masked the sample before it too
     * (review of 2026-12-07); 1e-4 of a sample is far below any real boundary.
     */
    private static final double INDEX_SLACK = 1e-4;

    private ArtifactIntervals() {}

    /**
     * Intervals of the flagged runs, padded and clipped to the core.
     *
     * @param flagged true where a sample is an artifact
     * @param rateHz sampling rate, Hz
     * @param startMillis time of sample 0, epoch ms
     * @param kind kind of the intervals
     * @param padMillis widening on both sides of each run, ms (>= 0; Kleckner et al. 2018 rule 4
     *     uses 5000 around invalid EDA)
     * @param coreFromMillis start of the core, epoch ms
     * @param coreToMillis end of the core (exclusive), epoch ms
     * @return merged, time-ordered intervals inside the core
     */
    public static List<Artifact> fromFlags(
            boolean[] flagged,
            double rateHz,
            double startMillis,
            ArtifactKind kind,
            double padMillis,
            double coreFromMillis,
            double coreToMillis) {
        List<Artifact> out = new ArrayList<>();
        double period = 1000 / rateHz;
        for (int i = 0; i < flagged.length; i++) {
            if (!flagged[i]) {
                continue;
            }
            int j = i;
            while (j + 1 < flagged.length && flagged[j + 1]) {
                j++;
            }
            double from = Math.max(coreFromMillis, startMillis + i * period - padMillis);
            double to = Math.min(coreToMillis, startMillis + (j + 1) * period + padMillis);
            if (to > from) {
                out.add(new Artifact(kind, from, to));
            }
            i = j;
        }
        return merge(out);
    }

    /**
     * Joins overlapping or touching intervals of the same kind.
     *
     * @return intervals ordered by kind, then start; within a kind disjoint and not touching
     */
    public static List<Artifact> merge(Collection<Artifact> artifacts) {
        List<Artifact> sorted = new ArrayList<>(artifacts);
        sorted.sort(Comparator.comparing(Artifact::kind).thenComparingDouble(Artifact::startMillis));
        List<Artifact> out = new ArrayList<>();
        for (Artifact a : sorted) {
            Artifact last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && last.kind() == a.kind() && a.startMillis() <= last.endMillis() + TOUCH_MILLIS) {
                out.set(
                        out.size() - 1,
                        new Artifact(a.kind(), last.startMillis(), Math.max(last.endMillis(), a.endMillis())));
            } else {
                out.add(a);
            }
        }
        return out;
    }

    /**
     * The time covered by both {@code a} and {@code b} (any kinds; each may overlap itself), as
     * intervals of {@code kind}.
     *
     * @return merged, time-ordered intervals
     */
    public static List<Artifact> intersection(Collection<Artifact> a, Collection<Artifact> b, ArtifactKind kind) {
        List<Artifact> x = union(a, kind);
        List<Artifact> y = union(b, kind);
        List<Artifact> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < x.size() && j < y.size()) {
            double from = Math.max(x.get(i).startMillis(), y.get(j).startMillis());
            double to = Math.min(x.get(i).endMillis(), y.get(j).endMillis());
            if (to > from) {
                out.add(new Artifact(kind, from, to));
            }
            // the one that ends first cannot meet a later interval of the other
            if (x.get(i).endMillis() < y.get(j).endMillis()) {
                i++;
            } else {
                j++;
            }
        }
        return merge(out);
    }

    /** The time covered by any of the intervals, as merged intervals of {@code kind}. */
    private static List<Artifact> union(Collection<Artifact> artifacts, ArtifactKind kind) {
        List<Artifact> relabelled = new ArrayList<>(artifacts.size());
        for (Artifact a : artifacts) {
            relabelled.add(new Artifact(kind, a.startMillis(), a.endMillis()));
        }
        return merge(relabelled);
    }

    /** The intervals whose kind invalidates {@code channel}. */
    public static List<Artifact> forChannel(Collection<Artifact> artifacts, Channel channel) {
        return artifacts.stream().filter(a -> a.kind().channel() == channel).toList();
    }

    /** The intervals of one kind. */
    public static List<Artifact> ofKind(Collection<Artifact> artifacts, ArtifactKind kind) {
        return artifacts.stream().filter(a -> a.kind() == kind).toList();
    }

    /**
     * Per-sample mask of a regular channel: true where the sample's period overlaps any of the
     * intervals (whatever their kind; filter first with {@link #forChannel} or {@link #ofKind}).
     *
     * @param sampleCount samples of the channel
     * @param rateHz its rate, Hz
     * @param startMillis time of its sample 0, epoch ms
     */
    public static boolean[] toMask(Collection<Artifact> artifacts, int sampleCount, double rateHz, double startMillis) {
        boolean[] mask = new boolean[sampleCount];
        for (Artifact a : artifacts) {
            // first sample whose period ends after the start; first sample at or after the end
            int from = (int) Math.floor((a.startMillis() - startMillis) * rateHz / 1000 + INDEX_SLACK);
            int to = (int) Math.ceil((a.endMillis() - startMillis) * rateHz / 1000 - INDEX_SLACK);
            for (int i = Math.max(0, from); i < Math.min(sampleCount, to); i++) {
                mask[i] = true;
            }
        }
        return mask;
    }

    /** Time covered by intervals of {@code kind} (overlaps counted once), milliseconds. */
    public static double totalMillis(Collection<Artifact> artifacts, ArtifactKind kind) {
        return merge(ofKind(artifacts, kind)).stream()
                .mapToDouble(Artifact::durationMillis)
                .sum();
    }

    /**
     * Time of {@code [fromMillis, toMillis)} covered by any of the intervals (overlaps between
     * kinds counted once), milliseconds: e.g. the artifact share of a feature window.
     */
    public static double coveredMillis(Collection<Artifact> artifacts, double fromMillis, double toMillis) {
        List<double[]> spans = new ArrayList<>();
        for (Artifact a : artifacts) {
            double s = Math.max(fromMillis, a.startMillis());
            double e = Math.min(toMillis, a.endMillis());
            if (e > s) {
                spans.add(new double[] {s, e});
            }
        }
        spans.sort(Comparator.comparingDouble(s -> s[0]));
        double covered = 0;
        double reach = Double.NEGATIVE_INFINITY;
        for (double[] s : spans) {
            if (s[1] > reach) {
                covered += s[1] - Math.max(s[0], reach);
                reach = s[1];
            }
        }
        return covered;
    }
}
