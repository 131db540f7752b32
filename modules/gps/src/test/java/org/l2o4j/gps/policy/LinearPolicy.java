package org.l2o4j.gps.policy;

import org.l2o4j.policy.Policy;

/**
 * A test "network" whose mean is exactly affine in the observation, μ(o) = A o + b, with a fixed diagonal variance:
 * the case where the policy linearization has a known answer (gps.md §8 test 15).
 */
public final class LinearPolicy implements Policy {

    private final int inputs;
    private final int outputs;
    private final double[] weights;
    private final double[] bias;
    private final double[] variance;

    /** A (outputs × inputs, row-major), b and σ². */
    public LinearPolicy(int inputs, int outputs, double[] weights, double[] bias, double[] variance) {
        this.inputs = inputs;
        this.outputs = outputs;
        this.weights = weights.clone();
        this.bias = bias.clone();
        this.variance = variance.clone();
    }

    @Override
    public int inputDimension() {
        return inputs;
    }

    @Override
    public int outputDimension() {
        return outputs;
    }

    @Override
    public void mean(double[] observations, int count, double[] means) {
        for (int r = 0; r < count; r++) {
            for (int j = 0; j < outputs; j++) {
                double s = bias[j];
                for (int i = 0; i < inputs; i++) {
                    s += weights[j * inputs + i] * observations[r * inputs + i];
                }
                means[r * outputs + j] = s;
            }
        }
    }

    @Override
    public double[] variance() {
        return variance.clone();
    }
}
