package org.l2o4j.gps.trajopt;

import java.util.Optional;

import org.l2o4j.gps.linalg.Spd;
import org.l2o4j.gps.model.LinearGaussianController;
import org.l2o4j.gps.model.LinearGaussianDynamics;

/**
 * The LQG backward pass of GPS's C-step at one fixed η (gps.md §4.7; Levine &amp; Abbeel 2014 §3.1): dynamic
 * programming on the augmented cost with V_T = 0,
 * <pre>
 *   Q_t = C̃_t + r_t F_tᵀ V_{t+1} F_t,  q_t = c̃_t + r_t F_tᵀ (v_{t+1} + V_{t+1} f_t),  r_t = d_{t+1} / d_t
 *   Σ_t⁻¹ = Q_uu,  K_t = −Q_uu⁻¹ Q_us,  k_t = −Q_uu⁻¹ q_u,  V_t = Q_ss + Q_su K_t,  v_t = q_s + Q_su k_t
 * </pre>
 * The factor r_t keeps V in step t's units when the divisor η + ν_t + α varies over t (BADMM; it is exactly 1
 * otherwise). The new controller's precision is Q_uu itself, so no regularizer is added to it (that would break
 * Σ_t = Q_uu⁻¹); only the dU × dU block Q_uu is factorized, and all solves go through its Cholesky factor.
 */
public final class BackwardPass {

    private BackwardPass() {
    }

    /**
     * One backward pass. A failure names the first step met (counting down from T−1) whose Q_uu is not positive
     * definite, or whose inverse Σ_t is too ill-conditioned to factor; both are answered by raising η.
     */
    public static BackwardPassResult run(AugmentedCost cost, LinearGaussianDynamics dynamics) {
        int dX = dynamics.stateDimension();
        int dU = dynamics.actionDimension();
        int horizon = dynamics.horizon();
        if (cost.stateDimension() != dX || cost.actionDimension() != dU || cost.horizon() != horizon) {
            throw new IllegalArgumentException("dimension mismatch: the cost has dX = " + cost.stateDimension()
                    + ", dU = " + cost.actionDimension() + ", T = " + cost.horizon() + " but the dynamics have dX = "
                    + dX + ", dU = " + dU + ", T = " + horizon);
        }
        int n = dX + dU;
        double[][] gains = new double[horizon][];
        double[][] offsets = new double[horizon][];
        double[][] covariances = new double[horizon][];
        double[][] factors = new double[horizon][];
        double[][] precisions = new double[horizon][];
        double[][] valueMatrices = new double[horizon][];
        double[][] valueVectors = new double[horizon][];
        for (int t = horizon - 1; t >= 0; t--) {
            double[] q = cost.hessian(t);
            double[] qv = cost.linearTerm(t);
            if (t < horizon - 1) {
                double ratio = cost.divisor(t + 1) / cost.divisor(t);
                double[] next = valueMatrices[t + 1];
                double[] pulledBack = dynamics.pullBack(t, next);
                for (int i = 0; i < n * n; i++) {
                    q[i] += ratio * pulledBack[i];
                }
                double[] target = dynamics.valueTimesOffset(t, next);
                double[] nextVector = valueVectors[t + 1];
                for (int i = 0; i < dX; i++) {
                    target[i] += nextVector[i];
                }
                double[] linear = dynamics.pullBackVector(t, target);
                for (int a = 0; a < n; a++) {
                    qv[a] += ratio * linear[a];
                }
            }
            Spd.symmetrize(q, n);

            double[] quu = new double[dU * dU];
            double[] qus = new double[dU * dX];
            double[] qu = new double[dU];
            for (int a = 0; a < dU; a++) {
                System.arraycopy(q, (dX + a) * n + dX, quu, a * dU, dU);
                System.arraycopy(q, (dX + a) * n, qus, a * dX, dX);
                qu[a] = qv[dX + a];
            }
            Optional<double[]> factor = Spd.tryCholesky(quu, dU);
            if (factor.isEmpty()) {
                return BackwardPassResult.failure(t);
            }
            double[] l = factor.get();
            Spd.solve(l, dU, qus, dX);
            Spd.solve(l, dU, qu, 1);
            for (int i = 0; i < dU * dX; i++) {
                qus[i] = -qus[i];
            }
            for (int a = 0; a < dU; a++) {
                qu[a] = -qu[a];
            }
            double[] covariance = Spd.inverseFromCholesky(l, dU);
            Optional<double[]> covarianceFactor = Spd.tryCholesky(covariance, dU);
            if (covarianceFactor.isEmpty()) {
                return BackwardPassResult.failure(t);
            }
            gains[t] = qus;
            offsets[t] = qu;
            precisions[t] = quu;
            covariances[t] = covariance;
            factors[t] = covarianceFactor.get();

            double[] value = new double[dX * dX];
            double[] valueVector = new double[dX];
            for (int i = 0; i < dX; i++) {
                int rowQ = i * n;
                int rowV = i * dX;
                System.arraycopy(q, rowQ, value, rowV, dX);
                double vi = qv[i];
                for (int a = 0; a < dU; a++) {
                    double qsu = q[rowQ + dX + a];
                    int rowK = a * dX;
                    for (int j = 0; j < dX; j++) {
                        value[rowV + j] += qsu * qus[rowK + j];
                    }
                    vi += qsu * qu[a];
                }
                valueVector[i] = vi;
            }
            Spd.symmetrize(value, dX);
            valueMatrices[t] = value;
            valueVectors[t] = valueVector;
        }
        LinearGaussianController controller = new LinearGaussianController(dX, dU, gains, offsets, covariances,
                factors, precisions);
        return BackwardPassResult.success(controller, valueMatrices, valueVectors);
    }
}
