package org.sessionreview.jobs.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * The parse floor of a sessions root: the cost of reading every file of it once and every number
 * in its E4 channel files, with the fastest plain code we can write and no Flink: one thread per
 * core takes files (largest first), reads each whole into a reused buffer (inflating {@code .gz}),
 * and parses each number byte by byte into a {@code double} (digits into a {@code long}, then one
 * correctly rounded division by a power of ten: the same value as {@link Double#parseDouble} for
 * the E4's at most 15 significant digits). Other files (session.json, annotations) are only read.
 * The numbers' sum is kept so that no work can be optimised away.
 *
 * <p>This is the denominator of {@code bench}'s "review / floor" ratio (issue 10): what any
 * reviewer of these files must at least spend.
 */
public final class ParseFloor {
    /** E4 channel files: two header rows (start, rate) except IBI, which has one. */
    private static final Pattern E4_FILE = Pattern.compile("(EDA|BVP|ACC|TEMP|HR|IBI)\\.csv(\\.gz)?");

    private static final double[] POW10 = new double[23];

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) {
            POW10[i] = POW10[i - 1] * 10;
        }
    }

    /**
     * One pass over a root.
     *
     * @param files regular files read
     * @param bytes bytes read (after inflating)
     * @param numbers numbers parsed in E4 channel files, headers included
     * @param sampleRows data rows of the E4 channel files (an ACC row holds three axes)
     * @param checksum the sum of every number parsed
     * @param nanos wall time of the pass
     */
    public record Result(long files, long bytes, long numbers, long sampleRows, double checksum, long nanos) {}

    private ParseFloor() {}

    /**
     * Every regular file under {@code root}, largest first (ties by path, so the order is fixed). A
     * root that is itself a symbolic link is followed, as {@code review} follows it. Below it, a
     * linked folder is not entered and a linked file is counted wherever it points, where {@code
     * review} reads links only when they stay inside their session: for sessions holding symbolic
     * links the floor may read other files than the review (the generated cohorts hold none).
     */
    public static List<Path> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root.toRealPath())) {
            List<Path> files = new ArrayList<>(walk.filter(Files::isRegularFile).toList());
            files.sort(Comparator.comparingLong(ParseFloor::size).reversed().thenComparing(Path::toString));
            return files;
        }
    }

    /** Reads and parses {@code files} once on {@code threads} threads. */
    public static Result pass(List<Path> files, int threads) throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        try {
            List<Future<long[]>> parts = new ArrayList<>();
            List<double[]> sums = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                double[] sum = new double[1];
                sums.add(sum);
                parts.add(pool.submit(() -> worker(files, next, sum)));
            }
            long[] total = new long[4];
            for (Future<long[]> f : parts) {
                long[] p = f.get();
                for (int i = 0; i < total.length; i++) {
                    total[i] += p[i];
                }
            }
            long nanos = System.nanoTime() - start;
            double checksum = 0;
            for (double[] s : sums) {
                checksum += s[0];
            }
            return new Result(total[0], total[1], total[2], total[3], checksum, nanos);
        } finally {
            pool.shutdownNow();
        }
    }

    private static long[] worker(List<Path> files, AtomicInteger next, double[] sum) throws IOException {
        long[] counts = new long[4];
        byte[] buf = new byte[1 << 20];
        int i;
        while ((i = next.getAndIncrement()) < files.size()) {
            Path file = files.get(i);
            String name = file.getFileName().toString();
            int length;
            try (InputStream in = name.endsWith(".gz")
                    ? new GZIPInputStream(Files.newInputStream(file), 1 << 16)
                    : Files.newInputStream(file)) {
                length = 0;
                int n;
                while ((n = in.read(buf, length, buf.length - length)) > 0) {
                    length += n;
                    if (length == buf.length) {
                        buf = java.util.Arrays.copyOf(buf, buf.length * 2);
                    }
                }
            }
            counts[0]++;
            counts[1] += length;
            if (E4_FILE.matcher(name).matches()) {
                parse(buf, length, name.startsWith("IBI") ? 1 : 2, counts, sum);
            }
        }
        return counts;
    }

    /** Parses every number of {@code buf[0, length)}; adds numbers and data rows to {@code counts[2..3]}. */
    static void parse(byte[] buf, int length, int headerRows, long[] counts, double[] sum) {
        long numbers = 0;
        long rows = 0;
        double s = 0;
        int line = 0;
        boolean rowHasNumber = false;
        int p = 0;
        while (p < length) {
            byte b = buf[p];
            if (b == '\n') {
                if (rowHasNumber && line >= headerRows) {
                    rows++;
                }
                line++;
                rowHasNumber = false;
                p++;
                continue;
            }
            if ((b < '0' || b > '9') && b != '-' && b != '.') {
                p++;
                continue;
            }
            boolean negative = b == '-';
            if (negative) {
                p++;
            }
            long mantissa = 0;
            int fraction = 0;
            boolean inFraction = false;
            while (p < length) {
                byte c = buf[p];
                if (c >= '0' && c <= '9') {
                    mantissa = mantissa * 10 + (c - '0');
                    if (inFraction) {
                        fraction++;
                    }
                } else if (c == '.' && !inFraction) {
                    inFraction = true;
                } else {
                    break;
                }
                p++;
            }
            double v = mantissa / POW10[Math.min(fraction, POW10.length - 1)];
            if (p < length && (buf[p] == 'e' || buf[p] == 'E')) {
                p++;
                boolean negExp = p < length && buf[p] == '-';
                if (p < length && (buf[p] == '-' || buf[p] == '+')) {
                    p++;
                }
                int exp = 0;
                while (p < length && buf[p] >= '0' && buf[p] <= '9') {
                    exp = exp * 10 + (buf[p++] - '0');
                }
                v = negExp ? v / Math.pow(10, exp) : v * Math.pow(10, exp);
            }
            s += negative ? -v : v;
            numbers++;
            rowHasNumber = true;
        }
        if (rowHasNumber && line >= headerRows) {
            rows++;
        }
        counts[2] += numbers;
        counts[3] += rows;
        sum[0] += s;
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
