package org.l2o4j.gps.trajopt;

import org.l2o4j.gps.linalg.Matrices;
import org.l2o4j.gps.linalg.Spd;
import org.l2o4j.gps.model.LinearGaussianController;
import org.l2o4j.gps.model.LinearGaussianDynamics;
import org.l2o4j.gps.model.Marginals;

/**
 * The exact Gaussian state–action marginals of a linear-Gaussian controller under linear-Gaussian dynamics (gps.md
 * §4.5; Levine &amp; Abbeel 2014 §3):
 * <pre>
 *   μ_u = K μ_s + k,  Σ_su = Σ_ss Kᵀ,  Σ_uu = K Σ_ss Kᵀ + Σ_t
 *   μ_s(t+1) = F_t μ_t + f_t,  Σ_ss(t+1) = F_t Σ_t F_tᵀ + Σdyn_t
 * </pre>
 * starting from the dynamics' initial-state distribution. Every covariance is formed exactly symmetric.
 */
public final class ForwardPass {

    private ForwardPass() {
    }

    /** μ_t and Σ_t over y = [s; u] for t = 0 … T−1. */
    public static Marginals marginals(LinearGaussianController controller, LinearGaussianDynamics dynamics) {
        int dX = dynamics.stateDimension();
        int dU = dynamics.actionDimension();
        int horizon = dynamics.horizon();
        if (controller.stateDimension() != dX || controller.actionDimension() != dU
                || controller.horizon() != horizon) {
            throw new IllegalArgumentException("dimension mismatch: the controller has dX = "
                    + controller.stateDimension() + ", dU = " + controller.actionDimension() + ", T = "
                    + controller.horizon() + " but the dynamics have dX = " + dX + ", dU = " + dU + ", T = "
                    + horizon);
        }
        int n = dX + dU;
        double[][] means = new double[horizon][];
        double[][] covariances = new double[horizon][];
        double[] stateMean = dynamics.initialStateMean();
        double[] stateCovariance = dynamics.initialStateCovariance();
        for (int t = 0; t < horizon; t++) {
            double[] gain = controller.gain(t);
            double[] actionMean = controller.meanAction(stateMean, t);
            double[] gainTimesCovariance = Matrices.multiply(gain, dU, dX, stateCovariance, dX);
            double[] actionCovariance = Spd.congruence(gain, dU, dX, stateCovariance);
            double[] noise = controller.covariance(t);
            double[] mean = new double[n];
            double[] joint = new double[n * n];
            System.arraycopy(stateMean, 0, mean, 0, dX);
            System.arraycopy(actionMean, 0, mean, dX, dU);
            for (int i = 0; i < dX; i++) {
                System.arraycopy(stateCovariance, i * dX, joint, i * n, dX);
            }
            for (int a = 0; a < dU; a++) {
                for (int i = 0; i < dX; i++) {
                    double c = gainTimesCovariance[a * dX + i];
                    joint[(dX + a) * n + i] = c;
                    joint[i * n + dX + a] = c;
                }
                for (int b = 0; b < dU; b++) {
                    joint[(dX + a) * n + dX + b] = actionCovariance[a * dU + b] + noise[a * dU + b];
                }
            }
            means[t] = mean;
            covariances[t] = joint;
            if (t < horizon - 1) {
                stateMean = dynamics.apply(t, mean);
                stateCovariance = dynamics.pushCovariance(t, joint);
            }
        }
        return new Marginals(dX, dU, means, covariances);
    }
}
