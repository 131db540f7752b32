package org.l2o4j.policy;

/**
 * Settings of the S-step regression ({@link WeightedPolicyRegression}); defaults are Li &amp; Malik's released
 * configuration (gps.md §6, S-step row; gps.md §4.10).
 *
 * @param learningRate      Adam step size; default 1e-4 (Li), cbfinn/gps uses 1e-3
 * @param beta1             Adam first-moment decay, in [0, 1); default 0.9
 * @param beta2             Adam second-moment decay, in [0, 1); default 0.999
 * @param epsilon           Adam ε added to √v̂, positive; default 1e-8
 * @param batchSize         rows per minibatch; default 25
 * @param iterationsPerFit  Adam steps per call of {@code fit}; default 20 000 (Li)
 * @param l2Weight          λ of the (λ/2)‖θ‖² penalty on all parameters; default 0.005
 * @param seed              root seed of the minibatch shuffles; default 0
 */
public record PolicyRegressionConfig(double learningRate, double beta1, double beta2, double epsilon, int batchSize,
        int iterationsPerFit, double l2Weight, long seed) {

    public PolicyRegressionConfig {
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("learningRate must be positive and finite, got " + learningRate);
        }
        if (!(beta1 >= 0 && beta1 < 1)) {
            throw new IllegalArgumentException("beta1 must be in [0, 1), got " + beta1);
        }
        if (!(beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("beta2 must be in [0, 1), got " + beta2);
        }
        if (!(epsilon > 0) || !Double.isFinite(epsilon)) {
            throw new IllegalArgumentException("epsilon must be positive and finite, got " + epsilon);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, got " + batchSize);
        }
        if (iterationsPerFit < 0) {
            throw new IllegalArgumentException("iterationsPerFit must be non-negative, got " + iterationsPerFit);
        }
        if (!(l2Weight >= 0) || !Double.isFinite(l2Weight)) {
            throw new IllegalArgumentException("l2Weight must be non-negative and finite, got " + l2Weight);
        }
    }

    /** Li &amp; Malik's values (gps.md §6): Adam 1e-4, β (0.9, 0.999), ε 1e-8, batch 25, 20 000 steps, λ 0.005. */
    public static PolicyRegressionConfig liMalik() {
        return new PolicyRegressionConfig(1e-4, 0.9, 0.999, 1e-8, 25, 20_000, 0.005, 0L);
    }

    /** These settings with another seed. */
    public PolicyRegressionConfig withSeed(long newSeed) {
        return new PolicyRegressionConfig(learningRate, beta1, beta2, epsilon, batchSize, iterationsPerFit, l2Weight,
                newSeed);
    }
}
