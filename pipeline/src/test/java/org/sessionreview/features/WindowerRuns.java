package org.sessionreview.features;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.sessionreview.config.FeatureConfig;
import org.sessionreview.ingest.e4.BlockSplitter;
import org.sessionreview.model.Channel;
import org.sessionreview.model.Role;
import org.sessionreview.model.SampleBlock;
import org.sessionreview.model.WindowFeatures;
import org.sessionreview.report.ArtifactRow;

/** Test helpers: feed block streams to a windower, reorder streams, print windows exactly. */
final class WindowerRuns {
    private WindowerRuns() {}

    /** A client windower's windows and the events drained from it after them. */
    record Drained(List<WindowFeatures> windows, WearerEvents events) {
        /** The artifact rows of {@code kind} as {@code "channel start..end"}, by channel then start. */
        List<String> rows(String kind) {
            return events.artifacts.stream()
                    .filter(r -> r.kind.equals(kind))
                    .sorted(Comparator.comparing((ArtifactRow r) -> r.channel).thenComparingDouble(r -> r.startS))
                    .map(r -> r.channel + " " + r.startS + ".." + r.endS)
                    .toList();
        }
    }

    /** Runs {@code blocks} through a client windower (default configuration, {@link SyntheticWearer#T0}). */
    static Drained drained(List<SampleBlock> blocks) {
        return drained(FeatureConfig.defaults(), blocks);
    }

    /** Runs {@code blocks} through a client windower of {@code config} ({@link SyntheticWearer#T0}). */
    static Drained drained(FeatureConfig config, List<SampleBlock> blocks) {
        WearerWindower windower = new WearerWindower(config, "syn", Role.CLIENT, SyntheticWearer.T0);
        List<WindowFeatures> windows = new ArrayList<>(run(windower, blocks));
        WearerEvents events = new WearerEvents();
        windower.drainEvents(events);
        return new Drained(windows, events);
    }

    /** A synthetic wearer's blocks as {@link BlockSplitter} cuts them (defaults, client, {@link SyntheticWearer#T0}). */
    static List<SampleBlock> blocks(SyntheticWearer wearer) {
        return new BlockSplitter(FeatureConfig.defaults()).stream(wearer.build(), Role.CLIENT, SyntheticWearer.T0);
    }

    /** Every window the windower emits for {@code blocks} (which should end with a marker). */
    static List<WindowFeatures> run(WearerWindower windower, List<SampleBlock> blocks) {
        List<WindowFeatures> out = new ArrayList<>();
        for (SampleBlock b : blocks) {
            out.addAll(windower.add(b));
        }
        return out;
    }

    /** All fields of a window, doubles printed exactly, for equality checks. */
    static String describe(WindowFeatures w) {
        return w.sessionId + "/" + w.role + " " + w.startS + ".." + w.endS + " @" + w.startMillis
                + " scl=" + w.edaSclUs + " scr=" + w.edaScrPerMin + " hr=" + w.hrBpm
                + " rmssd=" + w.hrvRmssdMs + " mag=" + w.motionMagG + " fidget=" + w.fidgetPower
                + " temp=" + w.tempSlopeCPerMin + " q=" + w.edaQuality + "," + w.cardiacQuality
                + "," + w.accQuality + "," + w.tempQuality;
    }

    static List<String> describeAll(List<WindowFeatures> windows) {
        return windows.stream().map(WindowerRuns::describe).toList();
    }

    /** Fails at the first window that differs (all fields, exactly), or on a different count. */
    static void assertSameWindows(List<WindowFeatures> expected, List<WindowFeatures> actual) {
        List<String> a = describeAll(expected);
        List<String> b = describeAll(actual);
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            org.junit.jupiter.api.Assertions.assertEquals(a.get(i), b.get(i), "window " + i);
        }
        org.junit.jupiter.api.Assertions.assertEquals(a.size(), b.size(), "window count");
    }

    /**
     * A seeded random interleaving that keeps each channel's order and lets no channel's next
     * block start more than {@code maxLeadMillis} after the earliest pending one; the end
     * marker stays last.
     */
    static List<SampleBlock> shuffled(List<SampleBlock> stream, long maxLeadMillis, long seed) {
        Map<String, Deque<SampleBlock>> queues = new LinkedHashMap<>();
        SampleBlock end = null;
        for (SampleBlock b : stream) {
            if (b.endOfStream) {
                end = b;
            } else {
                queues.computeIfAbsent(b.channel, c -> new ArrayDeque<>()).add(b);
            }
        }
        Random random = new Random(seed);
        List<SampleBlock> out = new ArrayList<>();
        while (queues.values().stream().anyMatch(q -> !q.isEmpty())) {
            long earliest = queues.values().stream()
                    .filter(q -> !q.isEmpty())
                    .mapToLong(q -> q.peek().startMillis)
                    .min()
                    .orElseThrow();
            List<Deque<SampleBlock>> eligible = queues.values().stream()
                    .filter(q -> !q.isEmpty() && q.peek().startMillis <= earliest + maxLeadMillis)
                    .toList();
            out.add(eligible.get(random.nextInt(eligible.size())).poll());
        }
        if (end != null) {
            out.add(end);
        }
        return out;
    }

    /** Same start times, channels in reverse order (end marker last). */
    static List<SampleBlock> reversedChannels(List<SampleBlock> stream) {
        List<SampleBlock> out = new ArrayList<>(stream);
        out.sort(Comparator.comparingLong((SampleBlock b) -> b.endOfStream ? Long.MAX_VALUE : b.startMillis)
                .thenComparing(
                        b -> b.endOfStream ? 0 : -Channel.valueOf(b.channel).ordinal()));
        return out;
    }

    /** The order a live stream would use. */
    static List<SampleBlock> live(List<SampleBlock> stream) {
        return BlockSplitter.interleave(stream);
    }

    /** {@code windower} written with Java serialization and read back (a checkpoint's restore). */
    static WearerWindower restored(WearerWindower windower) throws java.io.IOException, ClassNotFoundException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(windower);
        }
        try (java.io.ObjectInputStream in =
                new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            return (WearerWindower) in.readObject();
        }
    }
}
