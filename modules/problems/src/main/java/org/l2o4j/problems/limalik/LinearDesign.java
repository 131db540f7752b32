package org.l2o4j.problems.limalik;

import org.l2o4j.problems.RowMajor;

/**
 * The data of a linear model with a bias, shared by logistic and robust regression: n points of m features in one
 * row-major block, the parameters laid out as x = (w_0 … w_{m−1}, b), and the three sums both losses are built from
 * (predictions wᵀa_i + b, gradient terms c·ã_i and curvature terms c·ã_i ã_iᵀ with ã_i = (a_i, 1)).
 */
final class LinearDesign {

    final int points;
    final int features;
    private final double[] data;

    LinearDesign(double[][] featureRows) {
        if (featureRows.length == 0) {
            throw new IllegalArgumentException("a linear model needs at least one data point");
        }
        this.points = featureRows.length;
        this.features = featureRows[0].length;
        this.data = RowMajor.flatten("features", featureRows, features);
    }

    /** wᵀa_i + b for the parameters at {@code x[offset ..]}. */
    double predict(double[] x, int offset, int i) {
        int row = i * features;
        double z = x[offset + features];
        for (int j = 0; j < features; j++) {
            z += x[offset + j] * data[row + j];
        }
        return z;
    }

    /** g += c·ã_i. */
    void addGradient(double[] g, int offset, int i, double c) {
        int row = i * features;
        for (int j = 0; j < features; j++) {
            g[offset + j] += c * data[row + j];
        }
        g[offset + features] += c;
    }

    /** The lower triangle of the (m+1)×(m+1) row-major {@code h} += c·ã_i ã_iᵀ; finish with {@link #mirror}. */
    void addCurvature(double[] h, int i, double c) {
        int d = features + 1;
        int row = i * features;
        for (int r = 0; r < d; r++) {
            double cr = c * (r < features ? data[row + r] : 1);
            for (int col = 0; col <= r; col++) {
                h[r * d + col] += cr * (col < features ? data[row + col] : 1);
            }
        }
    }

    /** Copies the lower triangle of {@code h} onto its upper triangle. */
    void mirror(double[] h) {
        int d = features + 1;
        for (int r = 0; r < d; r++) {
            for (int c = 0; c < r; c++) {
                h[c * d + r] = h[r * d + c];
            }
        }
    }

    /** (λ/2)‖w‖², the bias left out. */
    double weightPenalty(double[] x, int offset, double l2) {
        double sq = 0;
        for (int j = 0; j < features; j++) {
            sq += x[offset + j] * x[offset + j];
        }
        return 0.5 * l2 * sq;
    }

    /** The features themselves, row-major (point i at i·features), for kernels that repack them; not to be written. */
    double[] rowMajorView() {
        return data;
    }

    /** The features as fresh rows, for export. */
    double[][] rows() {
        return RowMajor.rows(data, features);
    }
}
