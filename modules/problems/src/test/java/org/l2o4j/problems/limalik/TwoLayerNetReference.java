package org.l2o4j.problems.limalik;

import java.util.Map;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;

/**
 * The two-layer net written the plain way, from its export, with Commons Math matrices and an explicit softmax: the
 * independent computation the tests compare {@link TwoLayerNet} against.
 */
final class TwoLayerNetReference {

    private final double[][] features;
    private final int[] labels;
    private final int h;
    private final int m;
    private final double l2;

    TwoLayerNetReference(Map<String, Object> export) {
        this.features = (double[][]) export.get("features");
        this.labels = (int[]) export.get("labels");
        this.h = (Integer) export.get("hiddenUnits");
        this.m = (Integer) export.get("inputDimension");
        this.l2 = (Double) export.get("l2");
    }

    double loss(double[] x) {
        RealMatrix w = block(x, 0, h, m);
        RealVector b = new ArrayRealVector(x, h * m, h);
        RealMatrix u = block(x, h * m + h, 2, h);
        RealVector c = new ArrayRealVector(x, h * m + 3 * h, 2);
        double total = 0;
        for (int i = 0; i < features.length; i++) {
            RealVector hidden = w.operate(new ArrayRealVector(features[i])).add(b).map(v -> Math.max(v, 0));
            RealVector o = u.operate(hidden).add(c);
            double max = o.getMaxValue();
            double logPartition = max + Math.log(Math.exp(o.getEntry(0) - max) + Math.exp(o.getEntry(1) - max));
            total += logPartition - o.getEntry(labels[i]);
        }
        double fw = w.getFrobeniusNorm();
        double fu = u.getFrobeniusNorm();
        return total / features.length + 0.5 * l2 * (fw * fw + fu * fu);
    }

    /** The smallest |W_j·a_i + b_j| over all points and units: the distance in pre-activation to a ReLU kink. */
    double kinkMargin(double[] x) {
        RealMatrix w = block(x, 0, h, m);
        RealVector b = new ArrayRealVector(x, h * m, h);
        double margin = Double.POSITIVE_INFINITY;
        for (double[] a : features) {
            RealVector z = w.operate(new ArrayRealVector(a)).add(b);
            for (int j = 0; j < h; j++) {
                margin = Math.min(margin, Math.abs(z.getEntry(j)));
            }
        }
        return margin;
    }

    private static RealMatrix block(double[] x, int offset, int rows, int cols) {
        RealMatrix out = new Array2DRowRealMatrix(rows, cols);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                out.setEntry(r, c, x[offset + r * cols + c]);
            }
        }
        return out;
    }
}
