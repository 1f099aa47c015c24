package org.sessionreview.scoring;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * The straightforward fit {@link RiseFit} replaced (2026-12-05), kept as the reference it is
 * checked against: for every candidate (t0, R), least squares of y on {@code 1, x - x0, g} by QR
 * decomposition (Commons Math), then of the line when the rise goes down or is rank-deficient;
 * and the shared onset's grid search over it.
 */
final class ReferenceRiseFit {
    private ReferenceRiseFit() {}

    static double riseSse(double[] x, double[] y, double t0, double spanS, double p, double rampS) {
        int n = x.length;
        double[] one = new double[n];
        double[] dx = new double[n];
        double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            one[i] = 1;
            dx[i] = x[i] - x[0];
            g[i] = RiseKernel.at(x[i], spanS, t0, p, rampS);
        }
        double[] rise = leastSquares(y, one, dx, g);
        if (rise != null && rise[2] > 0) {
            return rise[3];
        }
        double[] line = leastSquares(y, one, dx);
        return line == null ? Double.POSITIVE_INFINITY : line[2];
    }

    /** The grid search of {@code EpisodeOnsets.sharedOnset} over {@link #riseSse}. */
    static Double sharedOnset(List<double[][]> series, List<Double> spans, int k, double p, double[] rampsS) {
        double from = Double.NEGATIVE_INFINITY;
        double to = Double.POSITIVE_INFINITY;
        for (double[][] xy : series) {
            from = Math.max(from, xy[0][k - 1]);
            to = Math.min(to, xy[0][xy[0].length - k]);
        }
        double best = Double.POSITIVE_INFINITY;
        Double bestT0 = null;
        for (double t0 = from; t0 <= to + 1e-6; t0 += 1.0) {
            for (double ramp : rampsS) {
                double total = 0;
                for (int s = 0; s < series.size(); s++) {
                    double[][] xy = series.get(s);
                    double sse = riseSse(xy[0], xy[1], t0, spans.get(s), p, ramp);
                    total += xy[0].length * Math.log(Math.max(sse, 1e-12));
                }
                if (total < best - 1e-12) {
                    best = total;
                    bestT0 = t0;
                }
            }
        }
        return bestT0;
    }

    /**
     * Least squares of y on the given columns (QR decomposition, Commons Math): the coefficients
     * followed by the residual sum of squares, or null when the columns are rank-deficient.
     */
    static double[] leastSquares(double[] y, double[]... cols) {
        int n = y.length;
        int p = cols.length;
        if (n <= p) {
            return null;
        }
        RealMatrix a = new Array2DRowRealMatrix(n, p);
        for (int j = 0; j < p; j++) {
            a.setColumn(j, cols[j]);
        }
        DecompositionSolver solver = new QRDecomposition(a, 1e-10).getSolver();
        if (!solver.isNonSingular()) {
            return null;
        }
        double[] b = solver.solve(new ArrayRealVector(y, false)).toArray();
        double sse = 0;
        for (int i = 0; i < n; i++) {
            double e = y[i];
            for (int j = 0; j < p; j++) {
                e -= b[j] * cols[j][i];
            }
            sse += e * e;
        }
        double[] out = Arrays.copyOf(b, p + 1);
        out[p] = sse;
        return out;
    }
}
