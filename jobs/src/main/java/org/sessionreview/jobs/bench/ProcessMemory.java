package org.sessionreview.jobs.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Peak memory of this process: resident set (Linux {@code /proc/self/status} VmHWM) and heap
 * ({@link AfterGcPeak#peakBeforeBytes}: the heap in use right before each collection, the
 * largest; or the sum of the heap pools' peak usage, an upper bound that can exceed the maximum
 * heap because the pools peak at different times). {@link #resetPeaks} starts both from the
 * current use, so that a measurement covers one phase of a command.
 */
public final class ProcessMemory {
    private static final Path STATUS = Path.of("/proc/self/status");

    private ProcessMemory() {}

    /**
     * Resets the heap pools' peaks and, where Linux allows it ({@code /proc/self/clear_refs}), the
     * resident high-water mark.
     *
     * @return whether the resident peak was reset (false: it counts from the start of the JVM)
     */
    public static boolean resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
            return true;
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    /** Peak resident set size in bytes, or -1 where {@code /proc/self/status} is not available. */
    public static long peakResidentBytes() {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /** Heap in use now (all heap pools), bytes. */
    public static long heapUsedBytes() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getUsage().getUsed();
            }
        }
        return sum;
    }

    /**
     * Sum of the heap pools' peak usage since the last reset, in bytes: an upper bound of the heap's
     * peak (the pools peak at different times), for runs without a collection.
     */
    public static long peakHeapBytes() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    /**
     * Tracks the heap in use right after each garbage collection (what the collection kept: the
     * live data plus garbage the collector left for later, so an upper bound of the live set) and
     * keeps the largest such figure. Unlike the peak heap, which follows how much room the
     * collector lets garbage take, it grows only when something holds more data.
     */
    public static final class AfterGcPeak implements AutoCloseable {
        private final java.util.List<Runnable> removals = new java.util.ArrayList<>();
        private final java.util.concurrent.atomic.AtomicLong peak = new java.util.concurrent.atomic.AtomicLong();
        private final java.util.concurrent.atomic.AtomicLong peakBefore = new java.util.concurrent.atomic.AtomicLong();

        private AfterGcPeak() {
            for (java.lang.management.GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                if (gc instanceof javax.management.NotificationEmitter emitter) {
                    javax.management.NotificationListener listener = (n, handback) -> onGc(n);
                    emitter.addNotificationListener(listener, null, null);
                    removals.add(() -> {
                        try {
                            emitter.removeNotificationListener(listener);
                        } catch (javax.management.ListenerNotFoundException e) {
                            // already gone
                        }
                    });
                }
            }
        }

        private void onGc(javax.management.Notification n) {
            if (!com.sun.management.GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
                    n.getType())) {
                return;
            }
            com.sun.management.GarbageCollectionNotificationInfo info =
                    com.sun.management.GarbageCollectionNotificationInfo.from(
                            (javax.management.openmbean.CompositeData) n.getUserData());
            long used = 0;
            long before = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                java.lang.management.MemoryUsage after =
                        info.getGcInfo().getMemoryUsageAfterGc().get(pool.getName());
                java.lang.management.MemoryUsage prior =
                        info.getGcInfo().getMemoryUsageBeforeGc().get(pool.getName());
                if (pool.getType() == MemoryType.HEAP && after != null) {
                    used += after.getUsed();
                }
                if (pool.getType() == MemoryType.HEAP && prior != null) {
                    before += prior.getUsed();
                }
            }
            peak.accumulateAndGet(used, Math::max);
            peakBefore.accumulateAndGet(before, Math::max);
        }

        /**
         * The largest heap use right before a collection so far, bytes (0 before the first): the
         * heap's peak, since use only grows between collections (up to the current use after the
         * last one, which the caller adds).
         */
        public long peakBeforeBytes() {
            return peakBefore.get();
        }

        /** The largest heap use right after a collection so far, bytes (0 before the first). */
        public long peakBytes() {
            return peak.get();
        }

        @Override
        public void close() {
            removals.forEach(Runnable::run);
        }
    }

    /** Starts tracking the heap after each collection ({@link AfterGcPeak}); close it when done. */
    public static AfterGcPeak trackHeapAfterGc() {
        return new AfterGcPeak();
    }

    /** The CPU time of the whole process so far, in nanoseconds (-1 when the JVM cannot tell). */
    public static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime();
        }
        return -1;
    }

    /**
     * CPU time of the JIT compiler threads so far, milliseconds: on Linux the user and system time
     * of the threads named {@code C1 CompilerThread*} and {@code C2 CompilerThread*} ({@code
     * /proc/self/task/<tid>/stat}, in clock ticks of 10 ms); elsewhere {@link
     * java.lang.management.CompilationMXBean#getTotalCompilationTime}, the compilers' elapsed time,
     * which exceeds their CPU time when they wait for a core. 0 when neither is available.
     */
    public static long jitMillis() {
        Path tasks = Path.of("/proc/self/task");
        if (Files.isDirectory(tasks)) {
            long ticks = 0;
            try (java.util.stream.Stream<Path> all = Files.list(tasks)) {
                for (Path task : all.toList()) {
                    ticks += compilerTicks(task.resolve("stat"));
                }
                return ticks * 10;
            } catch (IOException e) {
                // fall back to the JVM's own figure
            }
        }
        java.lang.management.CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
    }

    /** utime + stime of a compiler thread's stat file, else 0 (another thread, or it has ended). */
    private static long compilerTicks(Path stat) {
        try {
            String line = Files.readString(stat);
            int open = line.indexOf('(');
            int close = line.lastIndexOf(')');
            String name = line.substring(open + 1, close);
            if (!name.matches("C[12] CompilerThre.*")) {
                return 0;
            }
            String[] fields = line.substring(close + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
