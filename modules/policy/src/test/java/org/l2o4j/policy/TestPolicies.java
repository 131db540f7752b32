package org.l2o4j.policy;

import java.util.random.RandomGenerator;

import org.l2o4j.core.random.Seeds;

/** Policies and data with non-trivial values, so that every block of θ and the normalization matter in a test. */
final class TestPolicies {

    private TestPolicies() {
    }

    /**
     * A policy whose weights are N(0, weightStd²), biases N(0, 0.3²), a fitted normalization with means N(0, 1)
     * and stds in [0.5, 2], and log σ in [−2, 0].
     */
    static GaussianMlpPolicy random(MlpArchitecture architecture, double weightStd, long seed) {
        RandomGenerator rng = Seeds.rng(seed);
        GaussianMlpPolicy p = GaussianMlpPolicy.initialize(architecture, seed);
        double[] theta = new double[architecture.parameterCount()];
        for (int k = 0; k < theta.length; k++) {
            theta[k] = weightStd * rng.nextGaussian();
        }
        for (int j = architecture.firstBiasOffset(); j < architecture.firstBiasOffset()
                + architecture.firstLayerWidth(); j++) {
            theta[j] = 0.3 * rng.nextGaussian();
        }
        for (int k = architecture.outputBiasOffset(); k < theta.length; k++) {
            theta[k] = 0.3 * rng.nextGaussian();
        }
        p.setParameters(theta);
        int in = architecture.inputDimension();
        double[] mean = Seeds.gaussian(rng, in);
        double[] std = new double[in];
        for (int i = 0; i < in; i++) {
            std[i] = 0.5 + 1.5 * rng.nextDouble();
        }
        p.setNormalization(InputNormalization.of(mean, std, true));
        double[] logStd = new double[architecture.outputDimension()];
        for (int k = 0; k < logStd.length; k++) {
            logStd[k] = -2 * rng.nextDouble();
        }
        p.setLogStd(logStd);
        return p;
    }

    /** rows × dimension numbers, each N(offset, scale²). */
    static double[] gaussianRows(int rows, int dimension, double offset, double scale, long seed) {
        RandomGenerator rng = Seeds.rng(seed);
        double[] x = new double[rows * dimension];
        for (int k = 0; k < x.length; k++) {
            x[k] = offset + scale * rng.nextGaussian();
        }
        return x;
    }

    /** rows symmetric positive definite d × d matrices A Aᵀ + 0.5 I, A with N(0, 1) entries, row-major. */
    static double[] spdMatrices(int rows, int d, long seed) {
        RandomGenerator rng = Seeds.rng(seed);
        double[] out = new double[rows * d * d];
        for (int r = 0; r < rows; r++) {
            double[] a = Seeds.gaussian(rng, d * d);
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    double s = i == j ? 0.5 : 0.0;
                    for (int k = 0; k < d; k++) {
                        s += a[i * d + k] * a[j * d + k];
                    }
                    out[r * d * d + i * d + j] = s;
                }
            }
        }
        return out;
    }
}
