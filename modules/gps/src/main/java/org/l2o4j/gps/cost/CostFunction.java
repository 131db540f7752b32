package org.l2o4j.gps.cost;

/**
 * A per-time-step cost c(s_t, u_t) with first and second derivatives, evaluated along one sampled trajectory (gps.md
 * §4.2). GPS sums it over t; the LQG step sees it only through {@link CostQuadraticizer}'s averaged quadratic.
 *
 * <p>Implementations are pure functions of the trajectory, so one instance may serve all conditions and threads.
 */
public interface CostFunction {

    /** dX, the state dimension the cost expects. */
    int stateDimension();

    /** dU, the action dimension the cost expects. */
    int actionDimension();

    /**
     * The value, gradient and Hessian of the cost at every step of one trajectory.
     *
     * @param states  s_t for t = 0 … T−1, each of dX entries
     * @param actions u_t for t = 0 … T−1, each of dU entries
     */
    CostDerivatives evaluate(double[][] states, double[][] actions);
}
