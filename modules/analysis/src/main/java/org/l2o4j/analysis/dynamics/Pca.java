package org.l2o4j.analysis.dynamics;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;

import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * Principal components of a cloud of states (the states a test run visited; the fixed points of the S-curve): the
 * mean, the top unit directions by variance and the variances along them. Signs are fixed so that each component's
 * largest entry in absolute value is positive, so figures do not flip between runs.
 *
 * @param mean       the cloud's mean
 * @param components unit vectors, by decreasing variance
 * @param variances  the variance along each (divided by n − 1)
 * @param total      the total variance (trace of the covariance)
 */
public record Pca(double[] mean, double[][] components, double[] variances, double total) {

    /** The top {@code k} components of {@code points} (at least two points of equal length). */
    public static Pca fit(double[][] points, int k) {
        int n = points.length;
        if (n < 2) {
            throw new IllegalArgumentException("PCA needs at least two points, got " + n);
        }
        int s = points[0].length;
        int top = Math.min(k, s);
        double[] mean = new double[s];
        for (double[] p : points) {
            for (int j = 0; j < s; j++) {
                mean[j] += p[j] / n;
            }
        }
        double[][] cov = new double[s][s];
        for (double[] p : points) {
            for (int i = 0; i < s; i++) {
                double di = p[i] - mean[i];
                for (int j = i; j < s; j++) {
                    cov[i][j] += di * (p[j] - mean[j]);
                }
            }
        }
        double total = 0;
        for (int i = 0; i < s; i++) {
            for (int j = i; j < s; j++) {
                cov[i][j] /= n - 1;
                cov[j][i] = cov[i][j];
            }
            total += cov[i][i];
        }
        // The SVD of the (symmetric, positive semi-definite) covariance: its singular vectors are the eigenvectors,
        // sorted by decreasing singular value = eigenvalue. Commons Math's symmetric eigen-decomposition fails to
        // converge on some covariances of recorded LSTM states; the SVD's algorithm does not.
        RealMatrix m = new Array2DRowRealMatrix(cov, false);
        SingularValueDecomposition svd = new SingularValueDecomposition(m);
        double[] values = svd.getSingularValues();
        double[][] components = new double[top][];
        double[] variances = new double[top];
        for (int c = 0; c < top; c++) {
            double[] v = svd.getU().getColumn(c);
            int largest = 0;
            for (int j = 1; j < s; j++) {
                if (Math.abs(v[j]) > Math.abs(v[largest])) {
                    largest = j;
                }
            }
            if (v[largest] < 0) {
                for (int j = 0; j < s; j++) {
                    v[j] = -v[j];
                }
            }
            components[c] = v;
            variances[c] = values[c];
        }
        return new Pca(mean, components, variances, total);
    }

    /** Coordinates of {@code point} along the components, relative to the mean. */
    public double[] project(double[] point) {
        double[] out = new double[components.length];
        for (int c = 0; c < components.length; c++) {
            double sum = 0;
            for (int j = 0; j < mean.length; j++) {
                sum += (point[j] - mean[j]) * components[c][j];
            }
            out[c] = sum;
        }
        return out;
    }

    /** Fraction of the total variance along component c. */
    public double explained(int c) {
        return total > 0 ? variances[c] / total : 0;
    }
}
