package org.l2o4j.policysearch.cmaes;

import java.util.random.RandomGenerator;

import org.l2o4j.core.random.Seeds;

/**
 * An affine random subspace of the policy's weights, θ(z) = θ₀ + P z with P an n × k matrix of independent N(0, 1/k)
 * entries (Li, Farkhoor, Liu &amp; Yosinski 2018, "Measuring the Intrinsic Dimension of Objective Landscapes"). With
 * z ~ N(0, σ² I) every weight moves by N(0, σ²) in expectation over P, so σ means what ES's σ means. The search
 * runs in z because Commons Math's CMA-ES keeps k × k matrices (and multiplies two at its start) even when its
 * covariance stays diagonal, which is out of reach at the policy's n = 11,704.
 */
final class RandomSubspace {

    private final double[] origin;
    private final double[] basis;
    private final int k;

    /**
     * @param origin θ₀, the weights at z = 0
     * @param k      the subspace's dimension
     * @param seed   the seed of P
     */
    RandomSubspace(double[] origin, int k, long seed) {
        this.origin = origin.clone();
        this.k = k;
        this.basis = new double[origin.length * k];
        RandomGenerator rng = Seeds.rng(seed);
        double scale = 1 / Math.sqrt(k);
        for (int i = 0; i < basis.length; i++) {
            basis[i] = scale * rng.nextGaussian();
        }
    }

    /** k. */
    int dimension() {
        return k;
    }

    /** θ(z) = θ₀ + P z. */
    double[] weights(double[] z) {
        if (z.length != k) {
            throw new IllegalArgumentException("a point of the subspace has " + k + " coordinates, got " + z.length);
        }
        double[] theta = origin.clone();
        for (int i = 0; i < theta.length; i++) {
            double sum = 0;
            int row = i * k;
            for (int j = 0; j < k; j++) {
                sum += basis[row + j] * z[j];
            }
            theta[i] += sum;
        }
        return theta;
    }
}
