package org.sessionreview.signal.temperature;

import java.util.function.DoubleUnaryOperator;

/** E4-like skin temperature test signals: 4 Hz, degC. */
public final class SyntheticTemp {
    public static final double RATE_HZ = 4;
    public static final double START_MILLIS = 1_700_000_000_000.0;

    private SyntheticTemp() {}

    /** {@code seconds} of samples of {@code c(t)} degC, t in seconds from the start. */
    public static double[] of(double seconds, DoubleUnaryOperator c) {
        double[] x = new double[(int) Math.round(seconds * RATE_HZ)];
        for (int i = 0; i < x.length; i++) {
            x[i] = c.applyAsDouble(i / RATE_HZ);
        }
        return x;
    }

    /**
     * Worn at {@code wornC} up to {@code offS}, then taken off as an E4 shows it (stress-predict
     * S04): the reading drops by 1 degC at once, then approaches {@code roomC} exponentially with
     * time constant {@code tauS}.
     */
    public static DoubleUnaryOperator takenOff(double wornC, double offS, double roomC, double tauS) {
        return t -> t <= offS ? wornC : roomC + (wornC - 1 - roomC) * Math.exp(-(t - offS) / tauS);
    }

    /** {@code seconds} after the start, epoch ms. */
    public static double millis(double seconds) {
        return START_MILLIS + seconds * 1000;
    }
}
