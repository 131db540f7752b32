package org.l2o4j.policy;

import java.io.Serializable;

/**
 * The shape of a {@link GaussianMlpPolicy}: inputs → {@code hiddenUnits} activation units → linear outputs, or a
 * linear map inputs → outputs when {@code hiddenUnits} is 0.
 *
 * <p><b>Parameter layout</b> (one flat {@code double[]}, all blocks row-major):
 * <pre>
 *   hiddenUnits &gt; 0:  [ W1 (input × hidden) | b1 (hidden) | W2 (hidden × output) | b2 (output) ]
 *   hiddenUnits = 0:  [ W (input × output) | b (output) ]
 * </pre>
 * W1[i][j] weighs normalized input i into hidden unit j, so one input's weights are contiguous; the forward pass
 * then runs in axpy order (the inner loop over contiguous hidden units), which the JIT vectorizes.
 *
 * @param inputDimension  observation length; Li &amp; Malik's logistic regression: 25·(d + 1) = 125 (papers.md §1.2)
 * @param hiddenUnits     hidden layer width, 50 in Li &amp; Malik (papers.md §1.3); 0 for a linear policy
 * @param outputDimension action length d (4 for logistic regression)
 * @param activation      the hidden units' nonlinearity (softplus in the paper, ReLU in the released code); kept but
 *                        unused when {@code hiddenUnits} is 0
 */
public record MlpArchitecture(int inputDimension, int hiddenUnits, int outputDimension, HiddenActivation activation)
        implements Serializable {

    /** Li &amp; Malik's hidden layer width (papers.md §1.3). */
    public static final int LI_MALIK_HIDDEN_UNITS = 50;

    public MlpArchitecture {
        if (inputDimension < 1) {
            throw new IllegalArgumentException("inputDimension must be at least 1, got " + inputDimension);
        }
        if (hiddenUnits < 0) {
            throw new IllegalArgumentException("hiddenUnits must be 0 (linear policy) or more, got " + hiddenUnits);
        }
        if (outputDimension < 1) {
            throw new IllegalArgumentException("outputDimension must be at least 1, got " + outputDimension);
        }
        if (activation == null) {
            throw new IllegalArgumentException("activation must be given (softplus or relu)");
        }
        long count = parameterCount(inputDimension, hiddenUnits, outputDimension);
        if (count > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("the network has " + count + " parameters, more than a Java array holds");
        }
    }

    /** Li &amp; Malik's network: 50 softplus units (papers.md §1.3). */
    public static MlpArchitecture liMalik(int inputDimension, int outputDimension) {
        return new MlpArchitecture(inputDimension, LI_MALIK_HIDDEN_UNITS, outputDimension, HiddenActivation.SOFTPLUS);
    }

    /** A linear policy μ(o) = Wᵀ ô + b, used to check the regression against closed forms (gps.md §8, test 14). */
    public static MlpArchitecture linear(int inputDimension, int outputDimension) {
        return new MlpArchitecture(inputDimension, 0, outputDimension, HiddenActivation.SOFTPLUS);
    }

    /** Whether there is no hidden layer. */
    public boolean isLinear() {
        return hiddenUnits == 0;
    }

    /** Length of the flat parameter vector. */
    public int parameterCount() {
        return (int) parameterCount(inputDimension, hiddenUnits, outputDimension);
    }

    private static long parameterCount(long in, long hidden, long out) {
        return hidden == 0 ? in * out + out : in * hidden + hidden + hidden * out + out;
    }

    /** Offset of the first-layer weights (W1, or W for a linear policy). */
    public int firstWeightsOffset() {
        return 0;
    }

    /** Offset of the first-layer biases b1 (for a linear policy, of b). */
    public int firstBiasOffset() {
        return inputDimension * firstLayerWidth();
    }

    /** Offset of the output weights W2 (hidden policies only). */
    public int outputWeightsOffset() {
        requireHidden("W2");
        return firstBiasOffset() + hiddenUnits;
    }

    /** Offset of the output biases: b2, or b for a linear policy. */
    public int outputBiasOffset() {
        return isLinear() ? firstBiasOffset() : outputWeightsOffset() + hiddenUnits * outputDimension;
    }

    /** Width of the first layer's output: the hidden units, or the outputs for a linear policy. */
    int firstLayerWidth() {
        return isLinear() ? outputDimension : hiddenUnits;
    }

    private void requireHidden(String block) {
        if (isLinear()) {
            throw new IllegalStateException("a linear policy has no " + block + " block");
        }
    }
}
