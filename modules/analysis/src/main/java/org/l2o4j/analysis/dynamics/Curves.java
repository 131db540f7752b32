package org.l2o4j.analysis.dynamics;

/**
 * Mean and standard deviation over runs of loss curves (the paper's figures show mean ± std over seeds), and the
 * quantiles the analyses summarize with.
 */
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

    /** Quantile q ∈ [0, 1] of sorted values, interpolated linearly between order statistics. */
    public static double quantile(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int lower = (int) Math.floor(position);
        int upper = Math.min(sorted.length - 1, lower + 1);
        return sorted[lower] + (position - lower) * (sorted[upper] - sorted[lower]);
    }

    /** Quantile q of the absolute values of every entry of {@code values}. */
    public static double absoluteQuantile(double[][] values, double q) {
        return quantile(java.util.Arrays.stream(values).flatMapToDouble(java.util.Arrays::stream).map(Math::abs)
                .sorted().toArray(), q);
    }
}
