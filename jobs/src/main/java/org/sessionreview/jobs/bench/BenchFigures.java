package org.sessionreview.jobs.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The figures of one {@code bench} run, printed as a table and written as JSON (the same names).
 *
 * @param sessions sessions reviewed
 * @param files files under the sessions root
 * @param inputBytes bytes of those files (after inflating {@code .gz})
 * @param samples data rows of the E4 channel files (an ACC row holds three axes)
 * @param parallelism the review's Flink parallelism
 * @param floorThreads threads of the parse floor (the machine's cores)
 * @param floorMs the parse floor: the fastest of its passes, milliseconds
 * @param jobMs the review job's net runtime (Flink's, from submission to finish), milliseconds
 * @param commandMs the whole review command: options, scan, MiniCluster start, job, publish, summary
 * @param processCpuMs CPU time of the process during the review command, milliseconds
 * @param stageCpuMs CPU time charged to each stage ({@code org.sessionreview.operators.StageClock}),
 *     milliseconds, plus the JIT compilers' time ({@link ProcessMemory#jitMillis}) and "other" = process
 *     CPU minus the stages and the JIT (Flink runtime, shuffle, serialisation between tasks, GC)
 * @param peakRssBytes peak resident memory during the review, bytes (-1 when unknown)
 * @param rssPeakReset whether the resident peak was reset before the review (else it counts from JVM start)
 * @param peakHeapBytes peak heap use during the review, bytes: the largest heap use right before a
 *     collection (or the heap pools' summed peaks when none ran)
 * @param peakHeapAfterGcBytes the largest heap use right after a garbage collection during the
 *     review, bytes: an upper bound of the data the run holds ({@link ProcessMemory.AfterGcPeak})
 * @param maxHeapBytes the JVM's maximum heap, bytes
 */
public record BenchFigures(
        int sessions,
        long files,
        long inputBytes,
        long samples,
        int parallelism,
        int floorThreads,
        double floorMs,
        double jobMs,
        double commandMs,
        double processCpuMs,
        Map<String, Double> stageCpuMs,
        long peakRssBytes,
        boolean rssPeakReset,
        long peakHeapBytes,
        long peakHeapAfterGcBytes,
        long maxHeapBytes) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Review job time over the parse floor (the target: at most 10). */
    public double jobOverFloor() {
        return jobMs / floorMs;
    }

    public double commandOverFloor() {
        return commandMs / floorMs;
    }

    public double sessionsPerSecond() {
        return sessions / (jobMs / 1000);
    }

    public double samplesPerSecond() {
        return samples / (jobMs / 1000);
    }

    public double msPerSession() {
        return jobMs / sessions;
    }

    /** Prints the figures as an aligned two-column table. */
    public void print(PrintStream out) {
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("sessions", Integer.toString(sessions));
        rows.put(
                "input",
                String.format(Locale.ROOT, "%d files, %.1f MB, %,d samples", files, inputBytes / 1e6, samples));
        rows.put(
                "parse floor", String.format(Locale.ROOT, "%.0f ms (%d threads, fastest pass)", floorMs, floorThreads));
        rows.put("review job", String.format(Locale.ROOT, "%.0f ms (parallelism %d)", jobMs, parallelism));
        rows.put("review command", String.format(Locale.ROOT, "%.0f ms", commandMs));
        rows.put(
                "review / floor",
                String.format(Locale.ROOT, "%.1f x (job), %.1f x (command)", jobOverFloor(), commandOverFloor()));
        rows.put(
                "throughput",
                String.format(
                        Locale.ROOT,
                        "%.2f sessions/s, %,.0f samples/s, %.0f ms/session",
                        sessionsPerSecond(),
                        samplesPerSecond(),
                        msPerSession()));
        rows.put("CPU during review", String.format(Locale.ROOT, "%.0f ms", processCpuMs));
        stageCpuMs.forEach((stage, ms) -> rows.put(
                "  " + stage,
                String.format(
                        Locale.ROOT,
                        "%.0f ms (%.0f %%)",
                        ms,
                        processCpuMs > 0 ? 100 * ms / processCpuMs : Double.NaN)));
        rows.put(
                "peak resident memory",
                peakRssBytes < 0
                        ? "unknown"
                        : String.format(
                                Locale.ROOT,
                                "%.0f MB%s",
                                peakRssBytes / 1e6,
                                rssPeakReset ? "" : " (since JVM start)"));
        rows.put(
                "peak heap", String.format(Locale.ROOT, "%.0f MB of %.0f MB", peakHeapBytes / 1e6, maxHeapBytes / 1e6));
        rows.put("peak heap after a GC", String.format(Locale.ROOT, "%.0f MB", peakHeapAfterGcBytes / 1e6));
        int width = rows.keySet().stream().mapToInt(String::length).max().orElse(0);
        rows.forEach((k, v) -> out.printf(Locale.ROOT, "%-" + width + "s  %s%n", k, v));
    }

    /** Writes the figures, the derived ones and {@code context} (command, commit, date) as JSON. */
    public void write(Path file, Map<String, String> context) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        context.forEach(root::put);
        ObjectNode f = JSON.valueToTree(this);
        root.setAll(f);
        root.put("jobOverFloor", jobOverFloor());
        root.put("commandOverFloor", commandOverFloor());
        root.put("sessionsPerSecond", sessionsPerSecond());
        root.put("samplesPerSecond", samplesPerSecond());
        root.put("msPerSession", msPerSession());
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        JSON.writeValue(file.toFile(), root);
    }
}
