package org.sessionreview.signal.cardiac;

import java.util.Arrays;
import java.util.TreeMap;

/**
 * Lomb's periodogram ({@link LombScargle#periodogram}) of beat intervals over spans made of whole
 * blocks of a fixed time grid, from Fourier sums per block that overlapping spans share. The HRV
 * spectrum of a window spans 180 s ending at the window end, and windows are stepped by 5 s:
 * every beat lies in 36 spans. Per-span evaluation costs {@code beats x frequencies} sine and
 * cosine pairs; here each 5 s block's sums are computed once and a span adds up its 36 blocks.
 *
 * <p><b>Method.</b> For angular frequency {@code w} and the beats of a span (times {@code t} in s
 * from the grid origin, values {@code y} with the line {@code a + b (t - t_span)} to remove, see
 * {@link HrvFrequencyDomain}), with {@code v = y - a - b (t - t_span)}:
 *
 * <pre>
 * Z = sum v e^{iwt} = sum y e^{iwt} - (a - b t_span) sum e^{iwt} - b sum t e^{iwt}
 * Q = sum e^{2iwt} = R e^{i phi}
 * P = 1/2 [ (|Z|^2 + W) / (n + R) + (|Z|^2 - W) / (n - R) ],  W = Re(Z^2 conj Q) / R
 * </pre>
 *
 * which is Lomb's formula with the time shift {@code tau} ({@code 2 w tau = phi}) carried out
 * algebraically: {@code sum cos^2 w(t - tau) = (n + R) / 2}, {@code sum sin^2 w(t - tau) = (n -
 * R) / 2}, and {@code (sum v cos w(t - tau))^2 = (|Z|^2 + W) / 2}. P does not depend on the time
 * origin, so the blocks' sums ({@code sum e^{iwt}}, {@code sum y e^{iwt}}, {@code sum t e^{iwt}},
 * {@code sum e^{2iwt}} per frequency, t from the grid origin) are simply added. The result
 * agrees with {@link LombScargle#periodogram} to rounding, not bit for bit ({@code
 * LombScargleBlocksTest}).
 *
 * <p><b>Determinism.</b> A block's sums are a function of its own beats only; a group's sum
 * ({@value #GROUP} blocks on the grid) a function of its blocks' sums, added in time order; and a
 * span adds, in time order, the blocks before its first whole group, its whole groups and the
 * blocks after them, a split fixed by the span's position. So a span's spectrum does not depend
 * on which spans came before: a cache lost on a restore (it is not state) gives the same bits
 * when rebuilt. A block is reused only when its beats (times and values) are bit-for-bit those it
 * was computed from, a group only while its blocks are. Blocks and groups before the latest
 * span are dropped (spans move forward), so it holds about one span (36 blocks and 6 groups x 361
 * frequencies x 8 doubles, 1 MB at the defaults).
 *
 * <p>Not thread-safe; one per beat stream.
 */
public final class LombScargleBlocks {
    /** sin and cos of w t per beat are computed afresh every this many frequencies (as LombScargle). */
    private static final int RESEED = 16;
    /** Doubles per frequency in a block's sums: re/im of sum e^{iwt}, y e^{iwt}, t e^{iwt}, e^{2iwt}. */
    private static final int SUMS = 8;
    /**
     * Blocks per group: a span adds its whole groups on the grid ({@code g * GROUP} to {@code (g +
     * 1) * GROUP}) as their kept sums and only the blocks at its ends one by one (36 blocks: 10 to
     * 16 additions instead of 36).
     */
    private static final int GROUP = 6;

    private final long originMillis;
    private final long blockMillis;
    private final TreeMap<Long, Block> blocks = new TreeMap<>();
    private final TreeMap<Long, Group> groups = new TreeMap<>();
    private double[] frequenciesHz;
    private double[] total = new double[0];
    private long lookups;
    private long hits;

    /**
     * A block's beats and their sums.
     *
     * @param tMillis beat times, epoch ms
     * @param y beat values (intervals, ms)
     * @param sums {@value #SUMS} per frequency (see class comment)
     */
    private record Block(double[] tMillis, double[] y, double[] sums) {}

    /**
     * The sum of {@value #GROUP} consecutive blocks.
     *
     * @param parts the blocks' sums it was added from (the arrays themselves)
     * @param sums their sum
     */
    private record Group(double[][] parts, double[] sums) {}

    /**
     * @param originMillis a grid time, epoch ms (the media start)
     * @param blockMillis block length, ms (> 0; the window hop)
     */
    public LombScargleBlocks(long originMillis, long blockMillis) {
        if (blockMillis <= 0) {
            throw new IllegalArgumentException("block length must be > 0: " + blockMillis);
        }
        this.originMillis = originMillis;
        this.blockMillis = blockMillis;
    }

    /** Whether {@code [fromMillis, toMillis)} is made of whole blocks (else use {@link LombScargle}). */
    public boolean covers(double fromMillis, double toMillis) {
        return toMillis > fromMillis && onGrid(fromMillis) && onGrid(toMillis);
    }

    private boolean onGrid(double millis) {
        return millis == Math.rint(millis)
                && Math.abs(millis) < 1e15
                && Math.floorMod((long) millis - originMillis, blockMillis) == 0;
    }

    /**
     * Lomb's unnormalised periodogram of {@code v = y - a - b (t - fromMillis) / 1000} at the
     * beat times, as {@link LombScargle#periodogram} gives it for times in s from {@code
     * fromMillis} and those values (which it centres on their mean: fold that mean into {@code a}).
     *
     * @param tMillis beat times, epoch ms, increasing, all in {@code [fromMillis, toMillis)}, at
     *     least 2
     * @param y values at those times (intervals, ms)
     * @param a constant to remove from y, units of y
     * @param b slope to remove from y, units of y per s
     * @param fromMillis span start, epoch ms, on the grid ({@link #covers})
     * @param toMillis span end (exclusive), epoch ms, on the grid
     * @param frequenciesHz where to evaluate, Hz, > 0, an evenly spaced grid for speed
     * @return P at each frequency, units of y squared
     */
    public double[] periodogram(
            double[] tMillis,
            double[] y,
            double a,
            double b,
            double fromMillis,
            double toMillis,
            double[] frequenciesHz) {
        if (!covers(fromMillis, toMillis)) {
            throw new IllegalArgumentException("span " + fromMillis + ".." + toMillis + " is not made of whole blocks");
        }
        int n = tMillis.length;
        if (n < 2 || y.length != n) {
            throw new IllegalArgumentException("need >= 2 samples and as many values as times");
        }
        use(frequenciesHz);
        int width = SUMS * frequenciesHz.length;
        if (total.length != width) {
            total = new double[width];
        }
        Arrays.fill(total, 0);
        long first = Math.floorDiv((long) fromMillis - originMillis, blockMillis);
        long end = Math.floorDiv((long) toMillis - originMillis, blockMillis);
        int i = 0;
        double[][] parts = new double[(int) (end - first)][];
        for (long j = first; j < end; j++) {
            double blockEnd = originMillis + (j + 1) * blockMillis;
            int from = i;
            i = firstAtOrAfter(tMillis, i, n, blockEnd);
            parts[(int) (j - first)] = sums(j, tMillis, y, from, i);
        }
        if (i != n) {
            throw new IllegalArgumentException("beat times must be increasing and inside the span");
        }
        // add the blocks in time order, a whole group of GROUP as its (kept) sum
        for (long j = first; j < end; ) {
            double[] sums;
            if (Math.floorMod(j, (long) GROUP) == 0 && j + GROUP <= end) {
                sums = groupSums(j / GROUP, parts, (int) (j - first));
                j += GROUP;
            } else {
                sums = parts[(int) (j - first)];
                j++;
            }
            addInto(total, sums, width);
        }
        blocks.headMap(first).clear();
        groups.headMap(Math.floorDiv(first, (long) GROUP)).clear();
        double spanS = (fromMillis - originMillis) / 1000.0;
        return power(total, n, a - b * spanS, b, frequenciesHz.length);
    }

    /*
     * The loops of periodogram() are methods of their own so that the JIT compiles them alone:
     * inside periodogram() they made HotSpot compile it on stack (OSR) with the block sums
     * inlined, twice, before its normal compile (docs/performance-history.md, 2026-12-06).
     */

    /** The first index in {@code [i, n)} whose time is not before {@code endMillis}, {@code n} when none. */
    private static int firstAtOrAfter(double[] tMillis, int i, int n, double endMillis) {
        while (i < n && tMillis[i] < endMillis) {
            i++;
        }
        return i;
    }

    /** {@code total[k] += sums[k]} for {@code k < width}. */
    private static void addInto(double[] total, double[] sums, int width) {
        for (int k = 0; k < width; k++) {
            total[k] += sums[k];
        }
    }

    /**
     * The periodogram at each of {@code count} frequencies from the span's sums ({@link #SUMS}
     * per frequency) of {@code n} beats, the line {@code offset + b t} removed.
     */
    private static double[] power(double[] total, int n, double offset, double b, int count) {
        double[] power = new double[count];
        for (int k = 0; k < power.length; k++) {
            int o = SUMS * k;
            double zr = total[o + 2] - offset * total[o] - b * total[o + 4];
            double zi = total[o + 3] - offset * total[o + 1] - b * total[o + 5];
            double qr = total[o + 6];
            double qi = total[o + 7];
            double r = Math.sqrt(qr * qr + qi * qi);
            double z2 = zr * zr + zi * zi;
            // Re(Z^2 conj Q) / R; any value will do for R = 0, where both denominators are n
            double w = r > 0 ? ((zr * zr - zi * zi) * qr + 2 * zr * zi * qi) / r : 0;
            double cc = n + r;
            double ss = n - r;
            power[k] = 0.5 * ((cc > 0 ? (z2 + w) / cc : 0) + (ss > 0 ? (z2 - w) / ss : 0));
        }
        return power;
    }

    /**
     * The sum of blocks {@code [g * GROUP, (g + 1) * GROUP)}, {@code parts[offset, offset + GROUP)},
     * added in time order from zero; kept while those blocks' sums are the same arrays (a block
     * whose beats changed gets a new one).
     */
    private double[] groupSums(long g, double[][] parts, int offset) {
        Group kept = groups.get(g);
        if (kept != null) {
            boolean same = true;
            for (int b = 0; b < GROUP && same; b++) {
                same = kept.parts()[b] == parts[offset + b];
            }
            if (same) {
                return kept.sums();
            }
        }
        double[] sums = new double[parts[offset].length];
        for (int b = 0; b < GROUP; b++) {
            double[] p = parts[offset + b];
            for (int k = 0; k < sums.length; k++) {
                sums[k] += p[k];
            }
        }
        groups.put(g, new Group(Arrays.copyOfRange(parts, offset, offset + GROUP), sums));
        return sums;
    }

    /** Block {@code j}'s sums over beats {@code [from, to)}, from the cache when they are the same beats. */
    private double[] sums(long j, double[] tMillis, double[] y, int from, int to) {
        lookups++;
        Block cached = blocks.get(j);
        if (cached != null
                && Arrays.equals(cached.tMillis(), 0, cached.tMillis().length, tMillis, from, to)
                && Arrays.equals(cached.y(), 0, cached.y().length, y, from, to)) {
            hits++;
            return cached.sums();
        }
        double[] t = Arrays.copyOfRange(tMillis, from, to);
        double[] v = Arrays.copyOfRange(y, from, to);
        Block block = new Block(t, v, blockSums(t, v, originMillis, frequenciesHz));
        blocks.put(j, block);
        return block.sums();
    }

    /**
     * The sums of one block (see class comment), {@value #SUMS} per frequency, with t = (tMillis -
     * originMillis) / 1000 s. On an evenly spaced grid {@code e^{iwt}} is rotated on from the
     * previous frequency and recomputed every {@value #RESEED} frequencies, as {@link
     * LombScargle#periodogram} does.
     */
    static double[] blockSums(double[] tMillis, double[] y, long originMillis, double[] frequenciesHz) {
        int m = frequenciesHz.length;
        double[] sums = new double[SUMS * m];
        double step = m > 1 ? frequenciesHz[1] - frequenciesHz[0] : 0;
        boolean uniform = LombScargle.isUniform(frequenciesHz, step);
        for (int i = 0; i < tMillis.length; i++) {
            double t = (tMillis[i] - originMillis) / 1000.0;
            double stepSin = uniform ? Math.sin(2 * Math.PI * step * t) : 0;
            double stepCos = uniform ? Math.cos(2 * Math.PI * step * t) : 0;
            double s = 0;
            double c = 1;
            for (int k = 0; k < m; k++) {
                if (uniform && k % RESEED != 0) {
                    double rs = s * stepCos + c * stepSin;
                    c = c * stepCos - s * stepSin;
                    s = rs;
                } else {
                    double wt = 2 * Math.PI * frequenciesHz[k] * t;
                    s = Math.sin(wt);
                    c = Math.cos(wt);
                }
                int o = SUMS * k;
                sums[o] += c;
                sums[o + 1] += s;
                sums[o + 2] += y[i] * c;
                sums[o + 3] += y[i] * s;
                sums[o + 4] += t * c;
                sums[o + 5] += t * s;
                sums[o + 6] += c * c - s * s;
                sums[o + 7] += 2 * s * c;
            }
        }
        return sums;
    }

    /** Empties the cache when the frequencies differ from those it was filled for. */
    private void use(double[] current) {
        if (!Arrays.equals(frequenciesHz, current)) {
            blocks.clear();
            groups.clear();
            frequenciesHz = current.clone();
        }
    }

    /** Blocks looked up so far (for tests and measurements). */
    public long lookups() {
        return lookups;
    }

    /** Lookups answered from the cache. */
    public long hits() {
        return hits;
    }

    /** Blocks held. */
    public int size() {
        return blocks.size();
    }
}
