package org.sessionreview.jobs.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The figures of one {@code live-bench} run, printed as tables and written as JSON (the same names).
 *
 * @param dyads sessions replayed at the same time
 * @param speed device seconds per wall second ({@code Infinity} for {@code max})
 * @param minutesLimit session time replayed per session, minutes; null for whole sessions
 * @param parallelism the live job's parallelism
 * @param checkpointIntervalMs the live job's checkpoint interval, ms: a committed record waits
 *     for the checkpoint after it, so this bounds the committed latency from above (plus the commit)
 * @param flink the {@code --flink} settings of the live job ({@code KEY=VALUE}; empty: Flink's defaults)
 * @param everyS {@code live.every_s}: a running session is re-scored each time this much session time has come in, s
 * @param settleS {@code live.settle_s}: a moment is sent once the data is this far past its end, s
 * @param messagesSent input messages replayed
 * @param samplesSent samples (and IBI beats) in them
 * @param replayWallMs wall time of the replay, ms
 * @param caughtUpAfterReplayMs wall time from the replay's end until the job's committed input
 *     offsets reached the end, ms; -1 when they had not within the drain limit. An upper bound:
 *     Flink's Kafka reader commits offsets from its fetcher thread, which waits up to 10 s in a
 *     poll once the input is quiet
 * @param maxLagMessages the largest input lag read during the run (messages; see {@link InputLag})
 * @param lagAtReplayEndMessages the input lag right after the replay's last message
 * @param finished whether the job finished every replayed session within the drain limit
 * @param committed latency (ms) of the records a {@code read_committed} consumer received, by
 *     {@code live} and {@code final} (final and withdrawn records: both are sent at the session's end)
 * @param uncommitted the same for a {@code read_uncommitted} consumer
 * @param detectionDelayS {@code known_at_s - end_s} of the live records, s, by moment kind: how far
 *     past the moment's end the data had to reach (the data horizon) before it was sent
 * @param inputDelayS the session time of the input message that completed each live record less
 *     the moment's end, s, by moment kind: the above plus the wait for the 30 s block holding the
 *     horizon to be complete; empty at speed max
 * @param unstampedRecords records without {@code arrival_millis} (left out of the latencies; should be 0)
 * @param lagReadings input lag through the run: {@code [seconds since the replay started, messages]}
 */
public record LiveBenchFigures(
        int dyads,
        double speed,
        Double minutesLimit,
        int parallelism,
        long checkpointIntervalMs,
        List<String> flink,
        double everyS,
        double settleS,
        long messagesSent,
        long samplesSent,
        double replayWallMs,
        double caughtUpAfterReplayMs,
        long maxLagMessages,
        long lagAtReplayEndMessages,
        boolean finished,
        Map<String, LatencyStats> committed,
        Map<String, LatencyStats> uncommitted,
        Map<String, LatencyStats> detectionDelayS,
        Map<String, LatencyStats> inputDelayS,
        long unstampedRecords,
        List<double[]> lagReadings) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The message load in dyads at real time: dyads x speed (NaN for speed max). */
    public double equivalentDyadsAt1x() {
        return Double.isInfinite(speed) ? Double.NaN : dyads * speed;
    }

    /** Input messages per wall second while replaying. */
    public double messagesPerSecond() {
        return messagesSent / (replayWallMs / 1000);
    }

    public double samplesPerSecond() {
        return samplesSent / (replayWallMs / 1000);
    }

    /**
     * Input messages per wall second the job consumed (and checkpointed) during the replay: those
     * sent less the lag at the replay's end.
     */
    public double jobMessagesPerSecond() {
        return (messagesSent - lagAtReplayEndMessages) / (replayWallMs / 1000);
    }

    /** Samples per wall second the job consumed during the replay (at the replay's mean samples per message). */
    public double jobSamplesPerSecond() {
        return messagesSent == 0 ? 0 : jobMessagesPerSecond() * samplesSent / messagesSent;
    }

    /** Prints the run's settings and throughput, then the latency and detection-delay tables. */
    public void print(PrintStream out) {
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put(
                "load",
                String.format(
                        Locale.ROOT,
                        "%d dyads at speed %s%s",
                        dyads,
                        speedText(),
                        Double.isNaN(equivalentDyadsAt1x())
                                ? ""
                                : String.format(
                                        Locale.ROOT,
                                        " = the message load of %.0f dyads at 1x",
                                        equivalentDyadsAt1x())));
        rows.put(
                "session time replayed",
                minutesLimit == null
                        ? "whole sessions"
                        : String.format(Locale.ROOT, "first %s min of each session", trim(minutesLimit)));
        rows.put(
                "live job",
                String.format(
                        Locale.ROOT,
                        "parallelism %d, checkpoint every %d ms, live.every_s %s, live.settle_s %s%s",
                        parallelism,
                        checkpointIntervalMs,
                        trim(everyS),
                        trim(settleS),
                        flink.isEmpty() ? "" : ", " + String.join(", ", flink)));
        rows.put(
                "input",
                String.format(
                        Locale.ROOT,
                        "%,d messages, %,d samples in %.1f s: %,.0f messages/s, %,.0f samples/s",
                        messagesSent,
                        samplesSent,
                        replayWallMs / 1000,
                        messagesPerSecond(),
                        samplesPerSecond()));
        rows.put(
                "consumed by the job",
                String.format(
                        Locale.ROOT,
                        "%,.0f messages/s, %,.0f samples/s during the replay",
                        jobMessagesPerSecond(),
                        jobSamplesPerSecond()));
        rows.put(
                "input lag",
                String.format(
                        Locale.ROOT,
                        "max %,d messages, %,d at the replay's end, %s",
                        maxLagMessages,
                        lagAtReplayEndMessages,
                        caughtUpAfterReplayMs < 0
                                ? "not caught up within the drain limit"
                                : String.format(
                                        Locale.ROOT,
                                        "0 after %.1f s (offsets commit up to 10 s late on a quiet input)",
                                        caughtUpAfterReplayMs / 1000)));
        rows.put("sessions finished", finished ? "all" : "not all (drain limit reached)");
        if (unstampedRecords > 0) {
            rows.put("records without arrival_millis", Long.toString(unstampedRecords));
        }
        int width = rows.keySet().stream().mapToInt(String::length).max().orElse(0);
        rows.forEach((k, v) -> out.printf(Locale.ROOT, "%-" + width + "s  %s%n", k, v));
        out.println();
        out.printf(Locale.ROOT, "%-28s %8s %8s %8s %8s %8s%n", "latency (ms)", "count", "p50", "p95", "p99", "max");
        for (String phase : List.of("live", "final")) {
            row(out, phase + ", read_committed", committed.getOrDefault(phase, LatencyStats.EMPTY), "%8.0f");
            row(out, phase + ", read_uncommitted", uncommitted.getOrDefault(phase, LatencyStats.EMPTY), "%8.0f");
        }
        out.println();
        out.println("detection delay of live records, s of session time after the moment's end:");
        out.printf(
                Locale.ROOT, "%-28s %8s %17s %17s%n", "  moment kind", "count", "known_at: p50 max", "input: p50 max");
        detectionDelayS.forEach((kind, s) -> {
            LatencyStats in = inputDelayS.getOrDefault(kind, LatencyStats.EMPTY);
            out.printf(
                    Locale.ROOT,
                    "%-28s %8d %8.1f %8.1f %8.1f %8.1f%n",
                    "  " + kind,
                    s.count(),
                    s.p50(),
                    s.max(),
                    in.p50(),
                    in.max());
        });
        if (detectionDelayS.isEmpty()) {
            out.println("  (no live records)");
        }
    }

    private static void row(PrintStream out, String name, LatencyStats s, String cell) {
        out.printf(
                Locale.ROOT,
                "%-28s %8d " + cell + " " + cell + " " + cell + " " + cell + "%n",
                name,
                s.count(),
                s.p50(),
                s.p95(),
                s.p99(),
                s.max());
    }

    private String speedText() {
        return Double.isInfinite(speed) ? "max" : trim(speed);
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    /** Writes the figures, the derived ones and {@code context} (command, commit, date) as JSON. */
    public void write(Path file, Map<String, String> context) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        context.forEach(root::put);
        root.setAll((ObjectNode) JSON.valueToTree(this));
        root.put("speed", speedText());
        root.put("equivalentDyadsAt1x", equivalentDyadsAt1x());
        root.put("messagesPerSecond", messagesPerSecond());
        root.put("samplesPerSecond", samplesPerSecond());
        root.put("jobMessagesPerSecond", jobMessagesPerSecond());
        root.put("jobSamplesPerSecond", jobSamplesPerSecond());
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        JSON.writeValue(file.toFile(), finiteOrNull(root));
    }

    /**
     * {@code node} with every NaN or infinite number replaced by JSON {@code null} (a latency of no
     * moment, the dyads at real time of {@code --speed max}): Jackson writes them as the strings
     * {@code "NaN"} and {@code "Infinity"}, which readers then take for text.
     */
    static JsonNode finiteOrNull(JsonNode node) {
        if (node instanceof ObjectNode o) {
            o.properties().forEach(e -> e.setValue(finiteOrNull(e.getValue())));
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                a.set(i, finiteOrNull(a.get(i)));
            }
        } else if (node.isNumber() && !Double.isFinite(node.doubleValue())) {
            return NullNode.getInstance();
        }
        return node;
    }
}
