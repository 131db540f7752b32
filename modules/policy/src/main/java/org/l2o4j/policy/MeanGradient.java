package org.l2o4j.policy;

import java.util.Arrays;

/**
 * Vector-Jacobian products of a {@link GaussianMlpPolicy}'s mean with respect to its network parameters θ, written
 * out by hand: for rows o_b and output gradients g_b, Σ_b g_bᵀ ∂μ_θ(o_b)/∂θ. The S-step loss
 * ({@link PrecisionWeightedLoss}) and the policy gradients of the policy-search trainers are built on it.
 *
 * <p>The backward pass runs row by row right after that row's forward pass, so only one row of activations is kept:
 * ∂/∂W2 += h gᵀ, ∂/∂b2 += g, then through the activation ∂/∂z = (W2 g) ⊙ act'(z), ∂/∂W1 += ô (∂/∂z)ᵀ, ∂/∂b1 +=
 * ∂/∂z. The input normalization is fixed, not differentiated.
 *
 * <p>Use: {@link #begin}, then per row {@link #forward} and {@link #backward}, then {@link #end}; or
 * {@link #accumulate} for all rows at once. Holds scratch rows, so one instance serves one thread.
 */
public final class MeanGradient {

    private final MlpArchitecture architecture;
    private final double[] normalized;
    private final double[] preActivation;
    private final double[] hidden;
    private final double[] mean;
    private final double[] hiddenGradient;
    /**
     * ∂/∂W1 accumulated one array per input, copied into the flat gradient once per batch: the accumulation
     * g[j] += x_i·δ[j] then vectorizes, which it does not at an offset into the flat array (see GaussianMlpPolicy).
     */
    private final double[][] firstWeightGradientRows;

    /** Scratch for networks of {@code architecture}. */
    public MeanGradient(MlpArchitecture architecture) {
        this.architecture = architecture;
        int width = architecture.firstLayerWidth();
        this.normalized = new double[architecture.inputDimension()];
        this.preActivation = new double[width];
        this.hidden = new double[width];
        this.mean = new double[architecture.outputDimension()];
        this.hiddenGradient = new double[width];
        this.firstWeightGradientRows = new double[architecture.inputDimension()][width];
    }

    /** The network shape this scratch serves. */
    public MlpArchitecture architecture() {
        return architecture;
    }

    /** Starts a batch: clears {@code gradient} and the first layer's accumulators. */
    public void begin(double[] gradient) {
        if (gradient.length != architecture.parameterCount()) {
            throw new IllegalArgumentException("gradient has " + gradient.length + " entries, expected "
                    + architecture.parameterCount());
        }
        Arrays.fill(gradient, 0.0);
        for (double[] row : firstWeightGradientRows) {
            Arrays.fill(row, 0.0);
        }
    }

    /**
     * The mean of one row, keeping its activations for {@link #backward}; the returned array is scratch, valid until
     * the next call.
     */
    public double[] forward(GaussianMlpPolicy policy, double[] observations, int offset) {
        if (!policy.architecture().equals(architecture)) {
            throw new IllegalArgumentException("this scratch was built for " + architecture + ", not "
                    + policy.architecture());
        }
        policy.forwardRow(observations, offset, normalized, preActivation, hidden, mean, 0);
        return mean;
    }

    /** Adds g ᵀ ∂μ/∂θ of the last {@link #forward} row to {@code gradient}. */
    public void backward(GaussianMlpPolicy policy, double[] outputGradient, double[] gradient) {
        double[] theta = policy.parameterView();
        int out = architecture.outputDimension();
        if (architecture.isLinear()) {
            addFirstWeightGradient(outputGradient);
            addTo(outputGradient, out, architecture.outputBiasOffset(), gradient);
            return;
        }
        int width = architecture.hiddenUnits();
        int w2 = architecture.outputWeightsOffset();
        outerProductAdd(hidden, width, outputGradient, out, w2, gradient);
        addTo(outputGradient, out, architecture.outputBiasOffset(), gradient);
        HiddenActivation activation = architecture.activation();
        for (int j = 0; j < width; j++) {
            double s = 0;
            for (int k = 0; k < out; k++) {
                s += theta[w2 + j * out + k] * outputGradient[k];
            }
            hiddenGradient[j] = s * activation.derivative(preActivation[j]);
        }
        addFirstWeightGradient(hiddenGradient);
        addTo(hiddenGradient, width, architecture.firstBiasOffset(), gradient);
    }

    /** Ends the batch: moves the first layer's accumulated gradient into {@code gradient}. */
    public void end(double[] gradient) {
        int width = architecture.firstLayerWidth();
        for (int i = 0; i < firstWeightGradientRows.length; i++) {
            System.arraycopy(firstWeightGradientRows[i], 0, gradient, architecture.firstWeightsOffset() + i * width,
                    width);
        }
    }

    /**
     * Σ_b g_bᵀ ∂μ_θ(o_b)/∂θ into {@code gradient} (overwritten).
     *
     * @param observations    rows × input, row-major
     * @param rows            how many rows
     * @param outputGradients rows × output, row-major: g_b
     */
    public void accumulate(GaussianMlpPolicy policy, double[] observations, int rows, double[] outputGradients,
            double[] gradient) {
        int in = architecture.inputDimension();
        int out = architecture.outputDimension();
        double[] g = new double[out];
        begin(gradient);
        for (int r = 0; r < rows; r++) {
            forward(policy, observations, r * in);
            System.arraycopy(outputGradients, r * out, g, 0, out);
            backward(policy, g, gradient);
        }
        end(gradient);
    }

    private void addFirstWeightGradient(double[] delta) {
        int width = architecture.firstLayerWidth();
        for (int i = 0; i < firstWeightGradientRows.length; i++) {
            double v = normalized[i];
            double[] row = firstWeightGradientRows[i];
            for (int j = 0; j < width; j++) {
                row[j] += v * delta[j];
            }
        }
    }

    /** gradient[offset + i·cols + j] += x_i · g_j, for the small output layer. */
    private static void outerProductAdd(double[] x, int rows, double[] g, int cols, int offset, double[] gradient) {
        for (int i = 0; i < rows; i++) {
            double v = x[i];
            int o = offset + i * cols;
            for (int j = 0; j < cols; j++) {
                gradient[o + j] += v * g[j];
            }
        }
    }

    private static void addTo(double[] g, int n, int offset, double[] gradient) {
        for (int j = 0; j < n; j++) {
            gradient[offset + j] += g[j];
        }
    }
}
