package org.l2o4j.gps.sampling;

import java.io.Serializable;

/**
 * N sampled trajectories of T steps of one condition (gps.md §4.1): states s_t, observations o_t, actions u_t, the
 * standard-normal noise ξ_t the actions were drawn with, and the per-step cost f(x_t). Indexed [n][t][i], sample
 * first, then time, as {@link org.l2o4j.gps.dynamics.DynamicsFitter} expects. The noise makes every rollout
 * replayable: u_t = K_t s_t + k_t + L_t ξ_t for a controller, μ_θ(o_t) + σ ⊙ ξ_t for the global policy.
 *
 * <p>The arrays are not copied (a batch of the L2O state is N·T·(dX + dO) ≈ 370 000 doubles); treat them as
 * immutable.
 *
 * @param states       s_t, N × T × dX
 * @param observations o_t, N × T × dO
 * @param actions      u_t, N × T × dU
 * @param noise        ξ_t, N × T × dU
 * @param costs        f(x_t), N × T
 * @param seed         the seed of the noise stream, for provenance
 * @param redrawn      rollouts drawn again because they diverged ({@link TrajectorySampler}'s redraws), each T more
 *                     problem-steps
 */
public record SampleBatch(double[][][] states, double[][][] observations, double[][][] actions, double[][][] noise,
        double[][] costs, long seed, int redrawn) implements Serializable {

    public SampleBatch {
        if (redrawn < 0) {
            throw new IllegalArgumentException("redrawn rollouts must be ≥ 0, got " + redrawn);
        }
        int n = states.length;
        if (n == 0) {
            throw new IllegalArgumentException("a sample batch needs at least one trajectory, got 0");
        }
        if (observations.length != n || actions.length != n || noise.length != n || costs.length != n) {
            throw new IllegalArgumentException("dimension mismatch: " + n + " state trajectories but "
                    + observations.length + " observation, " + actions.length + " action, " + noise.length
                    + " noise and " + costs.length + " cost trajectories");
        }
        int horizon = states[0].length;
        if (horizon == 0) {
            throw new IllegalArgumentException("trajectories need at least one time step, got 0");
        }
        int dX = states[0][0].length;
        int dO = observations[0][0].length;
        int dU = actions[0][0].length;
        for (int s = 0; s < n; s++) {
            requireShape("states", states[s], s, horizon, dX);
            requireShape("observations", observations[s], s, horizon, dO);
            requireShape("actions", actions[s], s, horizon, dU);
            requireShape("noise", noise[s], s, horizon, dU);
            if (costs[s].length != horizon) {
                throw new IllegalArgumentException("dimension mismatch: sample " + s + " has " + costs[s].length
                        + " costs but T = " + horizon);
            }
        }
    }

    private static void requireShape(String what, double[][] trajectory, int sample, int horizon, int width) {
        if (trajectory.length != horizon) {
            throw new IllegalArgumentException("dimension mismatch: " + what + " of sample " + sample + " have "
                    + trajectory.length + " steps but T = " + horizon);
        }
        for (int t = 0; t < horizon; t++) {
            if (trajectory[t].length != width) {
                throw new IllegalArgumentException("dimension mismatch: " + what + " of sample " + sample + " at t = "
                        + t + " have " + trajectory[t].length + " entries but sample 0 has " + width);
            }
        }
    }

    /** N. */
    public int sampleCount() {
        return states.length;
    }

    /** T. */
    public int horizon() {
        return states[0].length;
    }

    /** dX. */
    public int stateDimension() {
        return states[0][0].length;
    }

    /** dO. */
    public int observationDimension() {
        return observations[0][0].length;
    }

    /** dU. */
    public int actionDimension() {
        return actions[0][0].length;
    }

    /** The mean over samples of Σ_t f(x_t), the GPS objective of this condition's behaviour policy. */
    public double meanTotalCost() {
        double sum = 0;
        for (double[] trajectory : costs) {
            for (double c : trajectory) {
                sum += c;
            }
        }
        return sum / costs.length;
    }
}
