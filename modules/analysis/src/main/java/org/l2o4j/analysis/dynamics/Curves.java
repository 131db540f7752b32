package org.l2o4j.analysis.dynamics;

/** Mean and standard deviation over runs of loss curves (the paper's figures show mean ± std over seeds). */
public final class Curves {

    private Curves() {
    }

    /** Mean over the rows of each column. */
    public static double[] mean(double[][] rows) {
        double[] out = new double[rows[0].length];
        for (double[] row : rows) {
            for (int t = 0; t < out.length; t++) {
                out[t] += row[t] / rows.length;
            }
        }
        return out;
    }

    /** Sample standard deviation (n − 1) over the rows of each column; 0 for a single row. */
    public static double[] std(double[][] rows) {
        double[] mean = mean(rows);
        double[] out = new double[mean.length];
        if (rows.length < 2) {
            return out;
        }
        for (double[] row : rows) {
            for (int t = 0; t < out.length; t++) {
                double d = row[t] - mean[t];
                out[t] += d * d;
            }
        }
        for (int t = 0; t < out.length; t++) {
            out[t] = Math.sqrt(out[t] / (rows.length - 1));
        }
        return out;
    }
}
