package org.l2o4j.policy;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The forward pass of a {@link GaussianMlpPolicy} as ND4J matrix operations (double precision), for large batches
 * where one BLAS product amortizes ND4J's per-call cost (8–20 µs per op, shared/deps.md). It is a snapshot: it copies
 * the policy's parameters, normalization and variance when built and does not follow later training.
 *
 * <p>Computes the same function as {@link GaussianMlpPolicy#mean} (tested equal to 1e-12); softplus is evaluated
 * as relu(z) + log1p(e^−|z|), like the Java pass, so it cannot overflow for large pre-activations.
 */
public final class Nd4jMlpForward implements Policy {

    private final MlpArchitecture architecture;
    private final INDArray shift;
    private final INDArray scale;
    private final INDArray firstWeights;
    private final INDArray firstBias;
    private final INDArray outputWeights;
    private final INDArray outputBias;
    private final double[] variance;

    private Nd4jMlpForward(GaussianMlpPolicy policy) {
        this.architecture = policy.architecture();
        double[] theta = policy.parameterView();
        int in = architecture.inputDimension();
        int out = architecture.outputDimension();
        int width = architecture.firstLayerWidth();
        this.shift = row(policy.normalization().meanView());
        this.scale = row(policy.normalization().inverseStdView());
        this.firstWeights = block(theta, architecture.firstWeightsOffset(), in, width);
        if (architecture.isLinear()) {
            this.firstBias = null;
            this.outputWeights = null;
        } else {
            this.firstBias = block(theta, architecture.firstBiasOffset(), 1, width);
            this.outputWeights = block(theta, architecture.outputWeightsOffset(), width, out);
        }
        this.outputBias = block(theta, architecture.outputBiasOffset(), 1, out);
        this.variance = policy.variance();
    }

    /** A snapshot of {@code policy}'s current state. */
    public static Nd4jMlpForward of(GaussianMlpPolicy policy) {
        return new Nd4jMlpForward(policy);
    }

    @Override
    public int inputDimension() {
        return architecture.inputDimension();
    }

    @Override
    public int outputDimension() {
        return architecture.outputDimension();
    }

    @Override
    public double[] variance() {
        return variance.clone();
    }

    @Override
    public void mean(double[] observations, int count, double[] means) {
        GaussianMlpPolicy.checkBatch(this, observations, count, means);
        if (count == 0) {
            return;
        }
        int in = architecture.inputDimension();
        int out = architecture.outputDimension();
        INDArray x = block(observations, 0, count, in);
        x.subiRowVector(shift).muliRowVector(scale);
        INDArray mu;
        if (architecture.isLinear()) {
            mu = x.mmul(firstWeights).addiRowVector(outputBias);
        } else {
            INDArray z = x.mmul(firstWeights).addiRowVector(firstBias);
            mu = activate(z).mmul(outputWeights).addiRowVector(outputBias);
        }
        // mmul returns a fresh c-order array, so its buffer is exactly the row-major means.
        System.arraycopy(mu.data().asDouble(), 0, means, 0, count * out);
    }

    private INDArray activate(INDArray z) {
        if (architecture.activation() == HiddenActivation.RELU) {
            return Transforms.relu(z, false);
        }
        INDArray tail = Transforms.log1p(Transforms.exp(Transforms.abs(z, true).negi(), false), false);
        return Transforms.relu(z, false).addi(tail);
    }

    private static INDArray row(double[] values) {
        return block(values, 0, 1, values.length);
    }

    /** A fresh c-order double matrix holding values[offset ..) as rows × cols. */
    private static INDArray block(double[] values, int offset, int rows, int cols) {
        double[] copy = new double[rows * cols];
        System.arraycopy(values, offset, copy, 0, copy.length);
        return Nd4j.createFromArray(copy).reshape('c', rows, cols);
    }
}
