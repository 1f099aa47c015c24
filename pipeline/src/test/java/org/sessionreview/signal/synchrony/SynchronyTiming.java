package org.sessionreview.signal.synchrony;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.sessionreview.config.SynchronyConfig;

/**
 * Timing harness (a test-scope {@code main}, not a test): {@link SessionSynchronyIndex#compute}
 * on 20 synthetic 50-minute dyads at the pipeline's synchrony rate (4 Hz, {@code
 * synchrony.align.rate_hz}) with the default settings (30 s segments, lags +-3 s, 500 surrogate
 * pairings, 1000 shuffles; windows of 30 s every 5 s, lags +-5 s). Every other dyad follows its
 * partner by 2 s, the rest are independent, and every dyad has three masked 20 s gaps (contact
 * loss). Each round times the fast profiles and then the slow {@link ReferenceLaggedCorrelation}
 * on the same dyads in the same JVM, and prints the median thread CPU and wall ms per session
 * (CPU time is the steadier figure on a shared machine); {@value #WARMUP} warm-up rounds come
 * first. With an argument, it also writes every fast session value with full precision to that
 * file, so that two builds can be compared.
 *
 * <p>Run after {@code test-compile}: {@code java -cp
 * pipeline/target/classes:pipeline/target/test-classes:<test classpath>
 * org.sessionreview.signal.synchrony.SynchronyTiming [values.txt]}.
 */
final class SynchronyTiming {
    private static final int SESSIONS = 20;
    private static final double MINUTES = 50;
    private static final int WARMUP = 2;
    private static final int ROUNDS = 3;

    private SynchronyTiming() {}

    public static void main(String[] args) throws IOException {
        SynchronyConfig cfg = SynchronyConfig.defaults();
        List<DyadSeries> dyads = new ArrayList<>();
        for (int s = 0; s < SESSIONS; s++) {
            dyads.add(withGaps(
                    s % 2 == 0
                            ? SyntheticDyad.following(100 + s, MINUTES, 2.0, 1.0)
                            : SyntheticDyad.independent(100 + s, MINUTES),
                    s));
        }
        List<SessionSynchrony> results = new ArrayList<>();
        for (int round = 0; round < WARMUP + ROUNDS; round++) {
            String label = round < WARMUP ? "warm-up round " + round : "timed round " + round;
            results.clear();
            time(label + ", fast", dyads, cfg, LaggedCorrelation::zProfile, results);
            time(label + ", reference", dyads, cfg, ReferenceLaggedCorrelation.PROFILER, new ArrayList<>());
        }
        if (args.length > 0) {
            try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[0])))) {
                for (SessionSynchrony r : results) {
                    out.println(r.toString().replaceAll(", parameters=\\{.*\\}", ""));
                }
            }
        }
    }

    /**
     * The index (windows included) of every dyad, then its windows again alone; prints the thread
     * CPU time and the wall time per session.
     */
    private static void time(
            String label,
            List<DyadSeries> dyads,
            SynchronyConfig cfg,
            LaggedCorrelation.Profiler profiler,
            List<SessionSynchrony> results) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] wallMs = new double[dyads.size()];
        double[] cpuMs = new double[dyads.size()];
        double[] windowCpuMs = new double[dyads.size()];
        for (int s = 0; s < dyads.size(); s++) {
            long w0 = System.nanoTime();
            long c0 = threads.getCurrentThreadCpuTime();
            results.add(SessionSynchronyIndex.compute(dyads.get(s), cfg, profiler));
            long c1 = threads.getCurrentThreadCpuTime();
            wallMs[s] = (System.nanoTime() - w0) / 1e6;
            WindowedCrossCorrelation.compute(dyads.get(s), cfg, profiler);
            long c2 = threads.getCurrentThreadCpuTime();
            cpuMs[s] = (c1 - c0) / 1e6;
            windowCpuMs[s] = (c2 - c1) / 1e6;
        }
        System.out.printf(
                Locale.ROOT,
                "%s: per session CPU %s; wall %s; windows alone CPU %s%n",
                label,
                stats(cpuMs),
                stats(wallMs),
                stats(windowCpuMs));
    }

    private static String stats(double[] ms) {
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        return String.format(
                Locale.ROOT,
                "median %.1f ms (min %.1f, max %.1f)",
                (sorted[ms.length / 2 - 1] + sorted[ms.length / 2]) / 2,
                sorted[0],
                sorted[ms.length - 1]);
    }

    /** Masks three 20 s stretches of one wearer, at places that depend on the session number. */
    private static DyadSeries withGaps(DyadSeries d, int s) {
        double[] client = d.client().clone();
        double[] therapist = d.therapist().clone();
        int gap = d.samples(20);
        for (int g = 0; g < 3; g++) {
            int at = (int) ((0.2 + 0.25 * g + 0.01 * s) * d.length());
            Arrays.fill(g % 2 == 0 ? client : therapist, at, at + gap, Double.NaN);
        }
        return new DyadSeries(client, therapist, d.rateHz(), d.startS());
    }
}
