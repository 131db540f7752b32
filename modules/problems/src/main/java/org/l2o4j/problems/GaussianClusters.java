package org.l2o4j.problems;

import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

import org.l2o4j.core.config.ConfigException;

/**
 * Points from a Gaussian with a random mean and a random covariance, the data generator of all three Li &amp; Malik
 * families (Li &amp; Malik 2017 §6): mean ~ N(0, I_m), covariance F·Fᵀ with a random factor F whose shape is a
 * {@link Covariance}, point = mean + F·z with z ~ N(0, I_m).
 *
 * <p>Draw order on the given stream, so a cluster can be rebuilt by hand: the m mean entries, then the factor's
 * random entries row by row (only those its shape has), then each point's m standard normal numbers in turn.
 */
public final class GaussianClusters {

    private GaussianClusters() {
    }

    /** The shape of the random covariance factor F. */
    public enum Covariance {
        /** F = I: the identity covariance of Li &amp; Malik's robust-regression data (§6). */
        IDENTITY("identity"),
        /** F lower-triangular with N(0, 1) entries: the unofficial port's choice (papers.md §1.5, S33 benchmark.py). */
        LOWER_TRIANGULAR("lower-triangular"),
        /** F full with N(0, 1) entries: the released logistic-regression code (papers.md §1.5). */
        FULL("full");

        private final String configName;

        Covariance(String configName) {
            this.configName = configName;
        }

        /** The name used in config files. */
        public String configName() {
            return configName;
        }

        /** The shape of that config name; the error lists the valid ones. */
        public static Covariance named(String configName) {
            for (Covariance c : values()) {
                if (c.configName.equals(configName)) {
                    return c;
                }
            }
            throw new ConfigException("covariance must be one of "
                    + Arrays.stream(values()).map(Covariance::configName).toList() + ", got '" + configName + "'");
        }

        /** All config names, for messages and docs. */
        public static List<String> configNames() {
            return Arrays.stream(values()).map(Covariance::configName).toList();
        }
    }

    /**
     * Draws one cluster of {@code count} points in R^{@code dim} into rows {@code firstRow ..} of the flat row-major
     * matrix {@code out} (dim columns).
     */
    public static void sample(RandomGenerator rng, Covariance covariance, int count, int dim, double[] out,
            int firstRow) {
        double[] mean = new double[dim];
        for (int j = 0; j < dim; j++) {
            mean[j] = rng.nextGaussian();
        }
        double[] factor = new double[dim * dim];
        for (int r = 0; r < dim; r++) {
            for (int c = 0; c < dim; c++) {
                factor[r * dim + c] = switch (covariance) {
                    case IDENTITY -> r == c ? 1 : 0;
                    case LOWER_TRIANGULAR -> c <= r ? rng.nextGaussian() : 0;
                    case FULL -> rng.nextGaussian();
                };
            }
        }
        double[] z = new double[dim];
        for (int p = 0; p < count; p++) {
            for (int j = 0; j < dim; j++) {
                z[j] = rng.nextGaussian();
            }
            int row = (firstRow + p) * dim;
            for (int r = 0; r < dim; r++) {
                double v = mean[r];
                for (int c = 0; c < dim; c++) {
                    v += factor[r * dim + c] * z[c];
                }
                out[row + r] = v;
            }
        }
    }
}
