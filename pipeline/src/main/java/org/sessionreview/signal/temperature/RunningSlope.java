package org.sessionreview.signal.temperature;

/**
 * The least-squares slope of y on x (with an intercept) as Commons Math 3.6.1's {@code
 * SimpleRegression} computes it, bit for bit: the same running means and centred sums, updated
 * in the same order with the same operations, without the sums its slope does not use (of y
 * squared, of x and of y) and without an object per fit. Units are the caller's (the slope is y
 * per x). {@code RunningSlopeTest} checks it against {@code SimpleRegression}.
 */
final class RunningSlope {
    private long n;
    private double xbar;
    private double ybar;
    private double sumXX;
    private double sumXY;

    /** Adds a point. */
    void add(double x, double y) {
        if (n == 0) {
            xbar = x;
            ybar = y;
        } else {
            double fact1 = 1.0 + n;
            double fact2 = n / (1.0 + n);
            double dx = x - xbar;
            double dy = y - ybar;
            sumXX += dx * dx * fact2;
            sumXY += dx * dy * fact2;
            xbar += dx / fact1;
            ybar += dy / fact1;
        }
        n++;
    }

    /** Points added. */
    long n() {
        return n;
    }

    /** The slope; NaN for fewer than 2 points or when the x values (nearly) do not vary. */
    double slope() {
        if (n < 2) {
            return Double.NaN;
        }
        if (Math.abs(sumXX) < 10 * Double.MIN_VALUE) {
            return Double.NaN;
        }
        return sumXY / sumXX;
    }
}
