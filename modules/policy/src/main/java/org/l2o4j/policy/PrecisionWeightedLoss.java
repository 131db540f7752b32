package org.l2o4j.policy;

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
 * <p>With g = ∂L/∂μ_b = −(1/(2B))(W_b + W_bᵀ) r_b and r_b = μ*_b − μ_b, the network's part is the mean's
 * vector-Jacobian product ({@link MeanGradient}), row by row right after each row's forward pass.
 *
 * <p>Holds scratch rows, so one instance serves one thread.
 */
public final class PrecisionWeightedLoss {

    private final MlpArchitecture architecture;
    private final MeanGradient network;
    private final double[] outputGradient;

    /** Scratch for networks of {@code architecture}. */
    public PrecisionWeightedLoss(MlpArchitecture architecture) {
        this.architecture = architecture;
        this.network = new MeanGradient(architecture);
        this.outputGradient = new double[architecture.outputDimension()];
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
        network.begin(gradient);
        double[] theta = policy.parameterView();
        double perRow = 1.0 / rows;
        double squaredError = 0;
        for (int r = 0; r < rows; r++) {
            double[] mean = network.forward(policy, observations, r * in);
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
            network.backward(policy, outputGradient, gradient);
        }
        network.end(gradient);
        double penalty = 0;
        for (int k = 0; k < theta.length; k++) {
            penalty += theta[k] * theta[k];
            gradient[k] += l2Weight * theta[k];
        }
        return 0.5 * perRow * squaredError + 0.5 * l2Weight * penalty;
    }

    private static void requireLength(String name, double[] values, long needed) {
        if (values.length < needed) {
            throw new IllegalArgumentException(name + " has " + values.length + " entries, fewer than the "
                    + needed + " the batch needs");
        }
    }
}
