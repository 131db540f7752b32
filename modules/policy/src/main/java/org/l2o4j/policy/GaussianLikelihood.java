package org.l2o4j.policy;

/**
 * The log-likelihood of a diagonal Gaussian policy, log π(u | o) = Σ_k [−½((u_k − μ_k)/σ_k)² − log σ_k − ½ log 2π]
 * with σ_k = exp(s_k), and its gradient with respect to the mean and the log standard deviations:
 * ∂/∂μ_k = (u_k − μ_k)/σ_k², ∂/∂s_k = (u_k − μ_k)²/σ_k² − 1. Written once for every trainer that needs a policy
 * gradient; the mean's gradient continues into the network through {@link MeanGradient}.
 */
public final class GaussianLikelihood {

    private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

    private GaussianLikelihood() {
    }

    /**
     * log π(u | μ, σ) of one row.
     *
     * @param action     u, read from {@code actionOffset}
     * @param mean       μ, read from {@code meanOffset}
     * @param logStd     s, one per action dimension
     */
    public static double logDensity(double[] action, int actionOffset, double[] mean, int meanOffset,
            double[] logStd) {
        double sum = 0;
        for (int k = 0; k < logStd.length; k++) {
            double z = (action[actionOffset + k] - mean[meanOffset + k]) * Math.exp(-logStd[k]);
            sum += -0.5 * z * z - logStd[k] - HALF_LOG_TWO_PI;
        }
        return sum;
    }

    /**
     * Adds {@code scale} · ∂ log π/∂μ of one row into {@code meanGradient} (from {@code gradientOffset}) and
     * {@code scale} · ∂ log π/∂s into {@code logStdGradient}.
     */
    public static void addGradient(double[] action, int actionOffset, double[] mean, int meanOffset, double[] logStd,
            double scale, double[] meanGradient, int gradientOffset, double[] logStdGradient) {
        for (int k = 0; k < logStd.length; k++) {
            double precision = Math.exp(-2 * logStd[k]);
            double residual = action[actionOffset + k] - mean[meanOffset + k];
            meanGradient[gradientOffset + k] += scale * residual * precision;
            logStdGradient[k] += scale * (residual * residual * precision - 1);
        }
    }
}
