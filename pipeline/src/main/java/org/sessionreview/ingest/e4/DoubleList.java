package org.sessionreview.ingest.e4;

import java.util.Arrays;

/**
 * A growable list of doubles used while a file is read: O(1) append that copies no element
 * more than once before {@link #toArray()}. It grows by doubling up to {@value #CHUNK} elements,
 * then in chunks of that size, so that 50 minutes of ACC (288,000 values) allocate about 2x
 * their size instead of 4x.
 *
 * <p>A chunk (256 KiB) stays below half of G1's smallest heap region (1 MiB): an array of half a
 * region or more is a "humongous" object, allocated in regions of its own, and each such
 * allocation may start a collection (with chunks of 512 KiB and a header, every channel file
 * allocated several, and a fifth of a review's collections were started by them).
 */
final class DoubleList {
    /** Elements per chunk (256 KiB). */
    static final int CHUNK = 1 << 15;

    private double[][] chunks = new double[4][];
    private int fullChunks;
    private double[] last;
    private int lastSize;

    DoubleList(int initialCapacity) {
        last = new double[Math.max(16, Math.min(CHUNK, initialCapacity))];
    }

    void add(double v) {
        if (lastSize == last.length) {
            grow();
        }
        last[lastSize++] = v;
    }

    private void grow() {
        if (last.length < CHUNK) {
            last = Arrays.copyOf(last, Math.min(CHUNK, last.length * 2));
            return;
        }
        if (fullChunks == chunks.length) {
            chunks = Arrays.copyOf(chunks, chunks.length * 2);
        }
        chunks[fullChunks++] = last;
        last = new double[CHUNK];
        lastSize = 0;
    }

    int size() {
        return fullChunks * CHUNK + lastSize;
    }

    /** Appends the first {@code n} elements of {@code values}. */
    void addAll(double[] values, int n) {
        for (int i = 0; i < n; i++) {
            add(values[i]);
        }
    }

    /** The elements in one array of exactly {@link #size()}. */
    double[] toArray() {
        double[] out = new double[size()];
        for (int c = 0; c < fullChunks; c++) {
            System.arraycopy(chunks[c], 0, out, c * CHUNK, CHUNK);
        }
        System.arraycopy(last, 0, out, fullChunks * CHUNK, lastSize);
        return out;
    }
}
