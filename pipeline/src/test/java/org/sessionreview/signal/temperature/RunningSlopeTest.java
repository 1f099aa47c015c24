package org.sessionreview.signal.temperature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.junit.jupiter.api.Test;

/**
 * {@link RunningSlope} against the Commons Math {@link SimpleRegression} it replaced in {@link
 * TemperatureSlope}: the same count and slope, by their bits, after every point, on temperature
 * windows (minutes before the end, degC), on points of very different scales and signs, with
 * repeated and constant x (a slope of NaN), with and without noise.
 */
class RunningSlopeTest {
    @Test
    void shouldGiveSimpleRegressionsSlopeBitForBitAfterEveryPoint() {
        Random rng = new Random(5);
        int finite = 0;
        int nan = 0;
        for (int trial = 0; trial < 400; trial++) {
            RunningSlope fast = new RunningSlope();
            SimpleRegression reference = new SimpleRegression();
            int n = rng.nextInt(300);
            double scale = Math.pow(10, rng.nextInt(13) - 6);
            double step = trial % 7 == 0 ? 0 : (rng.nextDouble() - 0.3) * scale;
            double x0 = (rng.nextDouble() - 0.5) * scale * 100;
            for (int i = 0; i < n; i++) {
                double x = trial % 5 == 0
                        ? (i - n) / 240.0 // a temperature window: minutes before its end at 4 Hz
                        : x0 + step * i + (trial % 3 == 0 ? rng.nextGaussian() * scale : 0);
                double y = trial % 11 == 0 ? 33 : 30 + rng.nextGaussian() * (trial % 2 == 0 ? 0.01 : 5) + 1e-3 * i;
                fast.add(x, y);
                reference.addData(x, y);
                assertEquals(reference.getN(), fast.n());
                assertEquals(
                        Double.doubleToRawLongBits(reference.getSlope()),
                        Double.doubleToRawLongBits(fast.slope()),
                        "trial " + trial + ", point " + i);
            }
            if (Double.isNaN(fast.slope())) {
                nan++;
            } else {
                finite++;
            }
        }
        assertTrue(finite > 200 && nan > 20, finite + " finite slopes, " + nan + " NaN");
    }
}
