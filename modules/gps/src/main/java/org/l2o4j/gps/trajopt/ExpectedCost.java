package org.l2o4j.gps.trajopt;

import org.l2o4j.gps.model.LinearGaussianController;
import org.l2o4j.gps.model.LinearGaussianDynamics;
import org.l2o4j.gps.model.Marginals;
import org.l2o4j.gps.model.QuadraticCost;

/**
 * The Laplace estimate of a controller's expected cost (gps.md §4.5): the exact expectation of the quadratic cost
 * under the Gaussian marginals, E[c_t] = cc_t + ½ tr(Σ_t Cm_t) + ½ μ_tᵀ Cm_t μ_t + μ_tᵀ cv_t. The step-size rules of
 * §4.8 compare these estimates across controllers and dynamics fits.
 */
public final class ExpectedCost {

    private ExpectedCost() {
    }

    /** E[c_t] for t = 0 … T−1. */
    public static double[] perStep(Marginals marginals, QuadraticCost cost) {
        int n = marginals.stateDimension() + marginals.actionDimension();
        if (cost.stateDimension() != marginals.stateDimension()
                || cost.actionDimension() != marginals.actionDimension() || cost.horizon() != marginals.horizon()) {
            throw new IllegalArgumentException("dimension mismatch: the cost has dX = " + cost.stateDimension()
                    + ", dU = " + cost.actionDimension() + ", T = " + cost.horizon() + " but the marginals have dX = "
                    + marginals.stateDimension() + ", dU = " + marginals.actionDimension() + ", T = "
                    + marginals.horizon());
        }
        double[] expected = new double[cost.horizon()];
        for (int t = 0; t < cost.horizon(); t++) {
            double[] h = cost.hessian(t);
            double[] v = cost.linearTerm(t);
            double[] mu = marginals.mean(t);
            double[] sigma = marginals.covariance(t);
            double trace = 0;
            double quadratic = 0;
            double linear = 0;
            for (int a = 0; a < n; a++) {
                double row = 0;
                for (int b = 0; b < n; b++) {
                    trace += sigma[a * n + b] * h[b * n + a];
                    row += h[a * n + b] * mu[b];
                }
                quadratic += mu[a] * row;
                linear += mu[a] * v[a];
            }
            expected[t] = cost.constant(t) + 0.5 * trace + 0.5 * quadratic + linear;
        }
        return expected;
    }

    /** Σ_t E[c_t] of {@code controller} run under {@code dynamics}. */
    public static double total(LinearGaussianController controller, LinearGaussianDynamics dynamics,
            QuadraticCost cost) {
        return sum(perStep(ForwardPass.marginals(controller, dynamics), cost));
    }

    static double sum(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }
}
