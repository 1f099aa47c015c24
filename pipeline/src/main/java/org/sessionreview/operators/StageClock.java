package org.sessionreview.operators;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * CPU time per pipeline stage, for {@code bench}: each operator wraps its work in {@link #enter},
 * and the thread's CPU time ({@link ThreadMXBean#getCurrentThreadCpuTime}, nanoseconds) between
 * enter and close is charged to the innermost open stage only. So a chained sink that writes
 * inside a window operator's call is charged to {@link Stage#SINKS}, not twice. Time outside
 * every stage (network buffers, serialisation between tasks, Flink's own threads, the JIT, the
 * garbage collector) is not charged: {@code bench} reports it as the process's CPU time minus the
 * stages'.
 *
 * <p>Off by default, and then {@link #enter} costs one volatile read; totals are per JVM, so
 * they cover an embedded run (which is how {@code bench} runs the review), not the TaskManagers
 * of a remote cluster.
 */
public final class StageClock {
    /** The stages of a review, as {@code bench} reports them. */
    public enum Stage {
        /** Reading and parsing session folders, serialising sample blocks. */
        INGEST("ingest"),
        /** Per-wearer signal steps: events (SCRs, beats, artefacts) and feature windows. */
        WEARER("per-wearer events and windows"),
        /** Session scoring: baselines, anxiety index, episodes, ruptures, opportunities. */
        SCORING("session scoring"),
        /** Therapist-client synchrony: windows and the session index with its surrogates. */
        SYNCHRONY("synchrony"),
        /** Writing Parquet rows (encoding, compression, file output). */
        SINKS("sinks");

        private final String label;

        Stage(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Closes the stage entered last on this thread. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();
    private static final Map<Stage, LongAdder> TOTALS = new EnumMap<>(Stage.class);
    private static final ThreadLocal<Frames> FRAMES = ThreadLocal.withInitial(Frames::new);
    private static final Scope NOOP = () -> {};
    private static final Scope EXIT = StageClock::exit;
    private static volatile boolean enabled;

    static {
        for (Stage s : Stage.values()) {
            TOTALS.put(s, new LongAdder());
        }
    }

    private StageClock() {}

    /** Starts charging the stages, from zero. */
    public static void start() {
        TOTALS.values().forEach(LongAdder::reset);
        enabled = MX.isCurrentThreadCpuTimeSupported();
    }

    /** Stops charging; the totals stay readable. */
    public static void stop() {
        enabled = false;
    }

    /**
     * Whether the stages are being charged (between {@link #start} and {@link #stop}). Reading
     * the thread's CPU clock costs a system call (1-3 microseconds on a loaded machine), so work
     * done in many tiny calls (a sink's rows) should be grouped into one {@link #enter} while on.
     */
    public static boolean enabled() {
        return enabled;
    }

    /** CPU nanoseconds charged to each stage since {@link #start}. */
    public static Map<Stage, Long> totals() {
        Map<Stage, Long> out = new EnumMap<>(Stage.class);
        TOTALS.forEach((s, t) -> out.put(s, t.sum()));
        return out;
    }

    /** Charges this thread's CPU time to {@code stage} until the returned scope is closed. */
    public static Scope enter(Stage stage) {
        if (!enabled) {
            return NOOP;
        }
        Frames f = FRAMES.get();
        long now = MX.getCurrentThreadCpuTime();
        if (f.depth > 0) {
            TOTALS.get(f.stack[f.depth - 1]).add(now - f.mark);
        }
        if (f.depth == f.stack.length) {
            f.stack = java.util.Arrays.copyOf(f.stack, f.depth * 2);
        }
        f.stack[f.depth++] = stage;
        f.mark = now;
        return EXIT;
    }

    private static void exit() {
        Frames f = FRAMES.get();
        if (f.depth == 0) {
            return;
        }
        long now = MX.getCurrentThreadCpuTime();
        TOTALS.get(f.stack[--f.depth]).add(now - f.mark);
        f.mark = now;
    }

    private static final class Frames {
        Stage[] stack = new Stage[4];
        int depth;
        long mark;
    }
}
