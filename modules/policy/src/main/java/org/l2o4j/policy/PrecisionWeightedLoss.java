package org.l2o4j.policy;

import java.util.Arrays;

/**
 * The S-step loss of guided policy search (gps.md §4.10) and its gradient with respect to every network parameter,
 * written out by hand:
 * <pre>
 *   L(θ) = (1/(2B)) Σ_b (μ*_b − μ_θ(o_b))ᵀ W_b (μ*_b − μ_θ(o_b)) + (λ/2) ‖θ‖²
 * </pre>
 * W_b is a per-sample output × output weight matrix, in GPS the sample weight times the local controller's
 * precision, w_b·P*_b. Only its symmetric part matters; the gradient uses ½(W_b + W_bᵀ), so a non-symmetric W_b is
 * differentiated correctly too. λ covers all of θ, biases included (gps.md §4.10: "all variables" in the reference).
 *
 * <p>The backward pass runs row by row right after that row's forward pass, so only one row of activations is kept:
 * with g = ∂L/∂μ_b = −(1/(2B))(W_b + W_bᵀ) r_b and r_b = μ*_b − μ_b,
 * ∂L/∂W2 += h gᵀ, ∂L/∂b2 += g, then through the activation ∂L/∂z = (W2 g) ⊙ act'(z), ∂L/∂W1 += ô (∂L/∂z)ᵀ,
 * ∂L/∂b1 += ∂L/∂z. The input normalization is fixed, not differentiated.
 *
 * <p>Holds scratch rows, so one instance serves one thread.
 */
public final class PrecisionWeightedLoss {

    private final MlpArchitecture architecture;
    private final double[] normalized;
    private final double[] preActivation;
    private final double[] hidden;
    private final double[] mean;
    private final double[] outputGradient;
    private final double[] hiddenGradient;
    /**
     * ∂L/∂W1 accumulated one array per input, copied into the flat gradient once per batch: the accumulation
     * g[j] += x_i·δ[j] then vectorizes, which it does not at an offset into the flat array (see GaussianMlpPolicy).
     */
    private final double[][] firstWeightGradientRows;

    /** Scratch for networks of {@code architecture}. */
    public PrecisionWeightedLoss(MlpArchitecture architecture) {
        this.architecture = architecture;
        int width = architecture.firstLayerWidth();
        this.normalized = new double[architecture.inputDimension()];
        this.preActivation = new double[width];
        this.hidden = new double[width];
        this.mean = new double[architecture.outputDimension()];
        this.outputGradient = new double[architecture.outputDimension()];
        this.hiddenGradient = new double[width];
        this.firstWeightGradientRows = new double[architecture.inputDimension()][width];
    }

    /**
     * L(θ) at the policy's current parameters, writing ∂L/∂θ (in the parameter layout) into {@code gradient}.
     *
     * @param observations  rows × input, row-major
     * @param targetMeans   rows × output: μ*
     * @param weights       rows × output × output, row-major per row: W_b
     * @param rows          batch size B (at least 1)
     * @param l2Weight      λ (0.005 in Li &amp; Malik's released configuration, gps.md §6)
     * @param gradient      receives ∂L/∂θ; length {@link MlpArchitecture#parameterCount()}
     * @return the loss L(θ)
     */
    public double valueAndGradient(GaussianMlpPolicy policy, double[] observations, double[] targetMeans,
            double[] weights, int rows, double l2Weight, double[] gradient) {
        if (!policy.architecture().equals(architecture)) {
            throw new IllegalArgumentException("this loss was built for " + architecture + ", not "
                    + policy.architecture());
        }
        int in = architecture.inputDimension();
        int out = architecture.outputDimension();
        if (rows < 1) {
            throw new IllegalArgumentException("rows must be at least 1, got " + rows);
        }
        requireLength("observations", observations, (long) rows * in);
        requireLength("targetMeans", targetMeans, (long) rows * out);
        requireLength("weights", weights, (long) rows * out * out);
        if (gradient.length != architecture.parameterCount()) {
            throw new IllegalArgumentException("gradient has " + gradient.length + " entries, expected "
                    + architecture.parameterCount());
        }
        Arrays.fill(gradient, 0.0);
        for (double[] row : firstWeightGradientRows) {
            Arrays.fill(row, 0.0);
        }
        double[] theta = policy.parameterView();
        double perRow = 1.0 / rows;
        double squaredError = 0;
        for (int r = 0; r < rows; r++) {
            policy.forwardRow(observations, r * in, normalized, preActivation, hidden, mean, 0);
            int t0 = r * out;
            int w0 = r * out * out;
            double[] residual = mean;
            for (int k = 0; k < out; k++) {
                residual[k] = targetMeans[t0 + k] - mean[k];
            }
            for (int k = 0; k < out; k++) {
                double rowTimesResidual = 0;
                double columnTimesResidual = 0;
                for (int l = 0; l < out; l++) {
                    rowTimesResidual += weights[w0 + k * out + l] * residual[l];
                    columnTimesResidual += weights[w0 + l * out + k] * residual[l];
                }
                squaredError += residual[k] * rowTimesResidual;
                outputGradient[k] = -0.5 * perRow * (rowTimesResidual + columnTimesResidual);
            }
            backwardRow(theta, gradient);
        }
        int width = architecture.firstLayerWidth();
        for (int i = 0; i < in; i++) {
            System.arraycopy(firstWeightGradientRows[i], 0, gradient, architecture.firstWeightsOffset() + i * width,
                    width);
        }
        double penalty = 0;
        for (int k = 0; k < theta.length; k++) {
            penalty += theta[k] * theta[k];
            gradient[k] += l2Weight * theta[k];
        }
        return 0.5 * perRow * squaredError + 0.5 * l2Weight * penalty;
    }

    /** Accumulates one row's ∂L/∂θ from {@link #outputGradient} and the cached activations. */
    private void backwardRow(double[] theta, double[] gradient) {
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

    /** ∂L/∂W1[i][j] += ô_i · δ_j, with δ the gradient at the first layer's output. */
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

    private static void requireLength(String name, double[] values, long needed) {
        if (values.length < needed) {
            throw new IllegalArgumentException(name + " has " + values.length + " entries, fewer than the "
                    + needed + " the batch needs");
        }
    }
}
