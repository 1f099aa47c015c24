package org.sessionreview.signal.motion;

import java.util.function.DoubleUnaryOperator;

/** E4-like accelerometer test signals: 32 Hz, 1/64 g, interleaved x, y, z. */
public final class SyntheticAcc {
    /** Sample rate, Hz. */
    public static final double RATE_HZ = 32;
    /** A whole-second epoch time, as E4 exports start. */
    public static final double START_MILLIS = 1_700_000_000_000.0;

    private SyntheticAcc() {}

    /**
     * {@code seconds} of samples with acceleration {@code (x(t), y(t), z(t))} in g, t in seconds
     * from the start, rounded to whole counts as the E4 stores them.
     */
    public static double[] counts(double seconds, DoubleUnaryOperator x, DoubleUnaryOperator y, DoubleUnaryOperator z) {
        int n = (int) Math.round(seconds * RATE_HZ);
        double[] xyz = new double[3 * n];
        for (int i = 0; i < n; i++) {
            double t = i / RATE_HZ;
            xyz[3 * i] = Math.round(64 * x.applyAsDouble(t));
            xyz[3 * i + 1] = Math.round(64 * y.applyAsDouble(t));
            xyz[3 * i + 2] = Math.round(64 * z.applyAsDouble(t));
        }
        return xyz;
    }

    /** Gravity on z plus {@code dz(t)} g along z (x and y at 0). */
    public static double[] onGravity(double seconds, DoubleUnaryOperator dz) {
        return counts(seconds, t -> 0, t -> 0, t -> 1 + dz.applyAsDouble(t));
    }

    /** A sine of {@code amplitudeG} at {@code hz} while {@code fromS <= t < toS}, else 0. */
    public static DoubleUnaryOperator burst(double amplitudeG, double hz, double fromS, double toS) {
        return t -> t >= fromS && t < toS ? amplitudeG * Math.sin(2 * Math.PI * hz * (t - fromS)) : 0;
    }

    /** Sum of two signals. */
    public static DoubleUnaryOperator plus(DoubleUnaryOperator a, DoubleUnaryOperator b) {
        return t -> a.applyAsDouble(t) + b.applyAsDouble(t);
    }
}
