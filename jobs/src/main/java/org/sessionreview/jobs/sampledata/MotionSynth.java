package org.sessionreview.jobs.sampledata;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * Synthetic wrist acceleration (E4 ACC, 32 Hz, 3 axes, integer counts of 1/64 g).
 *
 * <p>Mostly still: gravity (64 counts) along a wearer-specific wrist orientation, a 0.4-count
 * breathing sway and 0.5-count noise. Gross movements: 3 s bursts of low-passed noise (SD about
 * 18 counts per axis) during which the wrist turns to a new resting orientation. Planted fidget
 * or tapping: bursts of 6-15 s (3-8 s pauses) of a 3-5 Hz oscillation of 4 counts (0.06 g) with
 * a second harmonic, mostly along the resting gravity axis (so it shows in the vector
 * magnitude), inside the episode's fidget stretch and with no gross movement.
 */
final class MotionSynth {
    static final double RATE_HZ = 32.0;
    /** Fidget oscillation amplitude, counts of 1/64 g. */
    static final double FIDGET_COUNTS = 4.0;

    private MotionSynth() {}

    /** Returns {@code [samples][3]} integer counts. */
    static int[][] synthesize(WearerPlan w, SessionPlan arousalOwner, RandomGenerator rng) {
        Timeline tl = Timeline.of(w, RATE_HZ);
        double[] g =
                unit(new double[] {rng.nextGaussian() * 0.5, rng.nextGaussian() * 0.5, rng.nextBoolean() ? 1 : -1});
        List<double[]> orientations = new ArrayList<>();
        orientations.add(g);
        for (int m = 0; m < w.grossMovements().size(); m++) {
            double[] prev = orientations.get(m);
            orientations.add(unit(new double[] {
                prev[0] + 0.3 * rng.nextGaussian(),
                prev[1] + 0.3 * rng.nextGaussian(),
                prev[2] + 0.3 * rng.nextGaussian()
            }));
        }
        List<double[]> bursts = fidgetBursts(arousalOwner, w.role(), rng);
        double[] ar = new double[3];
        int[][] out = new int[tl.samples()][3];
        for (int i = 0; i < out.length; i++) {
            double t = tl.mediaTime(i);
            int m = 0;
            while (m < w.grossMovements().size() && w.grossMovements().get(m).endS() < t) {
                m++;
            }
            double[] o = orientations.get(m);
            double env = 0.0;
            if (m < w.grossMovements().size() && w.grossMovements().get(m).contains(t)) {
                Interval mv = w.grossMovements().get(m);
                double u = (t - mv.startS()) / mv.lengthS();
                o = lerpUnit(orientations.get(m), orientations.get(m + 1), u);
                env = StrictMath.sin(Math.PI * u);
            }
            double fidget = fidget(bursts, t);
            // Tapping shakes the wrist mostly along the current gravity axis, so it shows in
            // the vector magnitude as well as in each axis.
            double[] fidgetAxis = fidget == 0.0
                    ? o
                    : unit(new double[] {
                        o[0] + 0.3 * FIDGET_WEIGHTS[0], o[1] + 0.3 * FIDGET_WEIGHTS[1], o[2] + 0.3 * FIDGET_WEIGHTS[2]
                    });
            double sway = 0.4 * StrictMath.sin(2 * Math.PI * w.respHz() * t);
            for (int axis = 0; axis < 3; axis++) {
                ar[axis] = 0.9 * ar[axis] + (env > 0 ? 8 * rng.nextGaussian() : 0.0);
                double v = 64 * o[axis]
                        + env * ar[axis]
                        + sway * (axis == 2 ? 1 : 0.3)
                        + fidget * fidgetAxis[axis]
                        + 0.5 * rng.nextGaussian();
                out[i][axis] = (int) Math.round(v);
            }
        }
        return out;
    }

    private static final double[] FIDGET_WEIGHTS = {0.7, 0.4, 0.6};

    /** Fidget bursts {start, end, freqHz, phase} inside each episode's fidget stretch. */
    private static List<double[]> fidgetBursts(SessionPlan arousalOwner, String role, RandomGenerator rng) {
        List<double[]> bursts = new ArrayList<>();
        if (arousalOwner == null || !role.equals("client")) {
            return bursts;
        }
        for (EpisodePlan e : arousalOwner.episodes()) {
            if (e.fidget() == null) {
                continue;
            }
            double t = e.fidget().startS();
            while (t < e.fidget().endS()) {
                double end = Math.min(e.fidget().endS(), t + Rngs.uniform(rng, 6, 15));
                bursts.add(new double[] {
                    t, end, e.fidgetHz() + Rngs.uniform(rng, -0.2, 0.2), Rngs.uniform(rng, 0, 2 * Math.PI)
                });
                t = end + Rngs.uniform(rng, 3, 8);
            }
        }
        return bursts;
    }

    private static double fidget(List<double[]> bursts, double t) {
        for (double[] b : bursts) {
            if (t >= b[0] && t <= b[1]) {
                double edge = Math.min(1.0, Math.min(t - b[0], b[1] - t) / 0.5);
                double ph = 2 * Math.PI * b[2] * (t - b[0]) + b[3];
                return FIDGET_COUNTS * edge * (StrictMath.sin(ph) + 0.3 * StrictMath.sin(2 * ph));
            }
        }
        return 0.0;
    }

    private static double[] lerpUnit(double[] a, double[] b, double u) {
        double s = 0.5 - 0.5 * StrictMath.cos(Math.PI * u);
        return unit(new double[] {a[0] + s * (b[0] - a[0]), a[1] + s * (b[1] - a[1]), a[2] + s * (b[2] - a[2])});
    }

    private static double[] unit(double[] v) {
        double n = StrictMath.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
        return new double[] {v[0] / n, v[1] / n, v[2] / n};
    }
}
