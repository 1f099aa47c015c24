package org.sessionreview.signal.quality;

import java.util.function.DoubleUnaryOperator;
import java.util.stream.IntStream;
import org.sessionreview.signal.motion.SyntheticAcc;
import org.sessionreview.signal.temperature.SyntheticTemp;

/**
 * Two minutes of E4-like channels with artifacts planted at known times (seconds from {@link
 * #S}), each described where it is planted.
 */
final class PlantedScene {
    static final double S = 1_700_000_000_000.0;
    static final double SECONDS = 120;
    static final double EDA_HZ = 4;
    static final double ACC_HZ = SyntheticAcc.RATE_HZ;
    static final double TEMP_HZ = SyntheticTemp.RATE_HZ;

    // EDA (2 uS with a slow drift of 1 nS/s)
    /**
     * A ramp of 2.4 uS per sample (9.6 uS/s, under the jump limit) from here up to 64.4 uS at 10.5
     * s and down again by 17 s: above the 60 uS ceiling at 10.25-10.75 s.
     */
    static final double ABOVE_RANGE_RAMP_S = 4;

    static final double ABOVE_RANGE_FROM_S = 10.25;
    static final double ABOVE_RANGE_TO_S = 11;
    /** SCR-like rise of 0.6 uS over 2 s (steepest 0.47 uS/s), no jerk near. */
    static final double SCR_STILL_S = 20;
    /** 0.02 uS from here for 5 s. */
    static final double CONTACT_LOSS_S = 40;
    /** A single sample 3 uS up: two steps of 12 uS/s. */
    static final double JUMP_S = 60;
    /** 0.5 uS up in one sample (2 uS/s), decaying with tau 1 s; knock on the ACC 0.3125 s later. */
    static final double MOTION_SPIKE_S = 80;
    /** SCR-like rise as at 20 s, with a knock 1 s after its onset. */
    static final double SCR_WITH_KNOCK_S = 100;
    /** A lasting step of 0.5 uS in one sample (2 uS/s) while the ACC is still. */
    static final double STEEP_STILL_S = 110;

    // ACC (gravity on z; knocks are one sample 30 counts up: jerk 15 g/s, MAD of |a| about 0.03 g)
    /** A knock with no EDA change. */
    static final double LONE_KNOCK_S = 30;
    /** Shaking at 3 Hz with 0.4 g from here to {@link #SHAKE_END_S}: gross movement. */
    static final double SHAKE_FROM_S = 90;

    static final double SHAKE_END_S = 93;

    // TEMP (33 degC)
    /** 22 degC for 2.5 s. */
    static final double TEMP_LOW_S = 50;
    /** Band taken off: fall towards 27 degC with tau 20 s. */
    static final double TEMP_OFF_S = 110;

    // IBI: a beat every 0.8 s
    /** The device reported no beats in (30.4, 36.0). */
    static final double IBI_DEVICE_GAP_FROM_S = 30.4;

    static final double IBI_DEVICE_GAP_TO_S = 36.0;
    /** A gap of 2.4 s, under the 3 s limit: beats in (50.4, 52.8) missing. */
    static final double IBI_SHORT_GAP_FROM_S = 50.4;
    /** Beats in (60.0, 65.6) are reported but not accepted. */
    static final double IBI_REJECTED_FROM_S = 60.0;

    static final double IBI_REJECTED_TO_S = 65.6;

    private PlantedScene() {}

    static double millis(double seconds) {
        return S + seconds * 1000;
    }

    static double[] eda() {
        double[] x = new double[(int) (SECONDS * EDA_HZ)];
        for (int i = 0; i < x.length; i++) {
            double t = i / EDA_HZ;
            double v = 2.0 + 0.001 * t + scr(t - SCR_STILL_S) + scr(t - SCR_WITH_KNOCK_S);
            if (t >= MOTION_SPIKE_S) {
                v += 0.5 * Math.exp(-(t - MOTION_SPIKE_S));
            }
            if (t >= STEEP_STILL_S) {
                v += 0.5;
            }
            double k = i - ABOVE_RANGE_RAMP_S * EDA_HZ; // samples into the ramp
            if (k > 0 && k < 52) {
                v += 2.4 * Math.min(k, 52 - k);
            }
            x[i] = t >= CONTACT_LOSS_S && t < CONTACT_LOSS_S + 5 ? 0.02 : v;
        }
        x[(int) (JUMP_S * EDA_HZ)] += 3.0;
        return x;
    }

    /** 0.6 uS raised-cosine rise over 2 s, then decay with tau 8 s. */
    private static double scr(double t) {
        if (t < 0) {
            return 0;
        }
        return t < 2 ? 0.6 * (0.5 - 0.5 * Math.cos(Math.PI * t / 2)) : 0.6 * Math.exp(-(t - 2) / 8);
    }

    static double[] acc() {
        DoubleUnaryOperator shake = SyntheticAcc.burst(0.4, 3, SHAKE_FROM_S, SHAKE_END_S);
        double[] xyz = SyntheticAcc.onGravity(SECONDS, shake);
        for (double knockS : new double[] {LONE_KNOCK_S, MOTION_SPIKE_S + 0.3125, SCR_WITH_KNOCK_S + 1}) {
            xyz[3 * (int) Math.round(knockS * ACC_HZ) + 2] += 30;
        }
        return xyz;
    }

    static double[] temp() {
        return SyntheticTemp.of(
                SECONDS,
                t -> t >= TEMP_LOW_S && t < TEMP_LOW_S + 2.5
                        ? 22
                        : SyntheticTemp.takenOff(33, TEMP_OFF_S, 27, 20).applyAsDouble(t));
    }

    /** Beat times, epoch ms. */
    static double[] beatMillis() {
        return IntStream.rangeClosed(1, (int) (SECONDS / 0.8))
                .mapToDouble(k -> k * 0.8)
                .filter(t -> !(t > IBI_DEVICE_GAP_FROM_S + 1e-9 && t < IBI_DEVICE_GAP_TO_S - 1e-9))
                .filter(t -> !(t > IBI_SHORT_GAP_FROM_S + 1e-9 && t < IBI_SHORT_GAP_FROM_S + 2.4 - 1e-9))
                .map(PlantedScene::millis)
                .toArray();
    }

    static boolean[] accepted(double[] beatMillis) {
        boolean[] ok = new boolean[beatMillis.length];
        for (int i = 0; i < ok.length; i++) {
            double t = (beatMillis[i] - S) / 1000;
            ok[i] = !(t > IBI_REJECTED_FROM_S + 1e-9 && t < IBI_REJECTED_TO_S - 1e-9);
        }
        return ok;
    }
}
