package org.sessionreview.ingest.e4;

import java.util.Arrays;

/** A growable {@code double[]} (amortised O(1) append) used while a file is read. */
final class DoubleList {
    private double[] data;
    private int size;

    DoubleList(int initialCapacity) {
        data = new double[Math.max(16, initialCapacity)];
    }

    void add(double v) {
        if (size == data.length) {
            data = Arrays.copyOf(data, data.length * 2);
        }
        data[size++] = v;
    }

    int size() {
        return size;
    }

    double get(int i) {
        return data[i];
    }

    /** A copy trimmed to the size. */
    double[] toArray() {
        return Arrays.copyOf(data, size);
    }
}
