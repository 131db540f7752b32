package org.l2o4j.core.mdp;

import java.util.Arrays;
import java.util.List;

import org.l2o4j.core.problem.Problem;
import org.l2o4j.core.rollout.DivergenceRule;
import org.l2o4j.core.rollout.ProblemBatch;

/**
 * Li &amp; Malik's optimization MDP (papers.md §1.1; gps.md §2) over a batch of n problems: undiscounted, horizon T,
 * state s_t = x_t plus the feature history of a {@link FeaturePreset}, action u_t = the step, transition
 * x_{t+1} = x_t + u_t followed by a fresh f and ∇f, cost c(s_t) = f(x_t) (the cumulative cost is the area under the
 * objective curve).
 *
 * <p>Lifecycle: {@link #reset} positions the batch at its starting points and evaluates them (charged: one f and one
 * ∇f per problem); then {@link #step} at most T times, each charging exactly one f and one ∇f to every problem still
 * active. Every evaluation goes through the {@link ProblemBatch}, so the MDP's counts are the rollout engine's.
 *
 * <p>Divergence is the rollout engine's: after each step the {@link DivergenceRule} is applied, and a problem that
 * diverged is frozen ({@link ProblemBatch#deactivate}); its cost reads NaN from then on, its actions are ignored and
 * it is charged nothing more. The MDP is done when t = T or no problem is active.
 *
 * <p>One object serves any number of episodes; buffers are reused when consecutive resets have the same n and d.
 * Not thread-safe.
 */
public final class OptimizationMdp {

    private final FeaturePreset preset;
    private final int horizon;
    private final DivergenceRule divergence;

    private ProblemBatch batch;
    private FeatureHistory features;
    private double[] startValue;
    private double[] startMaxAbs;
    private double[][] costs;
    private int[] divergedAt;
    private int t;

    /**
     * @param preset     the features
     * @param horizon    T, the number of steps per episode (40 in Li &amp; Malik's training)
     * @param divergence when a problem counts as diverged
     */
    public OptimizationMdp(FeaturePreset preset, int horizon, DivergenceRule divergence) {
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon must be >= 1, got " + horizon);
        }
        if (preset == null || divergence == null) {
            throw new IllegalArgumentException("preset and divergence rule must not be null");
        }
        this.preset = preset;
        this.horizon = horizon;
        this.divergence = divergence;
    }

    /**
     * Starts an episode: the problems at the given points, evaluated there, t = 0.
     *
     * @throws IllegalArgumentException as {@link ProblemBatch#startingAt} does, or if a problem is not finite (or
     *                                  already diverged) at its starting point
     */
    public void reset(List<? extends Problem> problems, List<double[]> starts) {
        ProblemBatch b = ProblemBatch.startingAt(problems, starts);
        int n = b.size();
        int d = b.dimension();
        // Validated into fresh arrays first, so a rejected start leaves the previous episode intact.
        double[] values = new double[n];
        double[] maxAbs = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = b.values()[i];
            for (int j = i * d; j < i * d + d; j++) {
                maxAbs[i] = Math.max(maxAbs[i], Math.abs(b.x()[j]));
            }
            if (divergence.diverged(b, i, values[i], maxAbs[i])) {
                throw new IllegalArgumentException("problem " + i + " (" + b.problem(i).formula()
                        + ") is not finite at its starting point: f(x0) = " + values[i]);
            }
        }
        if (features == null || features.size() != n || features.dimension() != d) {
            features = new FeatureHistory(preset, n, d);
            divergedAt = new int[n];
            costs = new double[n][horizon + 1];
        }
        for (int i = 0; i < n; i++) {
            Arrays.fill(costs[i], Double.NaN);
            costs[i][0] = values[i];
        }
        Arrays.fill(divergedAt, -1);
        features.resetAll(b);
        startValue = values;
        startMaxAbs = maxAbs;
        batch = b;
        t = 0;
    }

    /**
     * Applies u_t: x ← x + u for every active problem, evaluates the new points (charged), freezes those that
     * diverged, records the features of the others, and advances t.
     *
     * @param actions n × d row-major steps; rows of inactive problems are ignored
     * @throws IllegalStateException    before the first reset, or when the episode is done
     * @throws IllegalArgumentException if {@code actions} is not n × d long
     */
    public void step(double[] actions) {
        requireStarted();
        if (isDone()) {
            throw new IllegalStateException("the episode is done (t = " + t + ", horizon " + horizon + ", "
                    + activeCount() + " active problems); reset before stepping again");
        }
        int n = batch.size();
        int d = batch.dimension();
        if (actions.length != n * d) {
            throw new IllegalArgumentException("actions have length " + actions.length + " but n × d = " + n + " × "
                    + d + " = " + n * d);
        }
        double[] x = batch.x();
        t++;
        for (int i = 0; i < n; i++) {
            if (!batch.isActive(i)) {
                continue;
            }
            for (int j = i * d; j < i * d + d; j++) {
                x[j] += actions[j];
            }
            batch.evaluate(i);
            if (divergence.diverged(batch, i, startValue[i], startMaxAbs[i])) {
                batch.deactivate(i);
                divergedAt[i] = t;
                continue;
            }
            features.record(i, x, i * d, batch.values()[i], batch.gradient(), i * d);
            costs[i][t] = batch.values()[i];
        }
    }

    /** Whether the episode is over: T steps taken, or every problem diverged. */
    public boolean isDone() {
        requireStarted();
        return t >= horizon || activeCount() == 0;
    }

    private int activeCount() {
        int c = 0;
        for (int i = 0; i < batch.size(); i++) {
            if (batch.isActive(i)) {
                c++;
            }
        }
        return c;
    }

    private void requireStarted() {
        if (batch == null) {
            throw new IllegalStateException("reset the MDP before using it");
        }
    }

    /** The current time step t (0 after a reset). */
    public int time() {
        return t;
    }

    /** T. */
    public int horizon() {
        return horizon;
    }

    /** The preset. */
    public FeaturePreset preset() {
        return preset;
    }

    /** The divergence rule. */
    public DivergenceRule divergence() {
        return divergence;
    }

    /** The batch of the current episode: iterates, values, gradients, evaluation counts. */
    public ProblemBatch batch() {
        requireStarted();
        return batch;
    }

    /** The features of the current episode. */
    public FeatureHistory features() {
        requireStarted();
        return features;
    }

    /** Whether problem i is still active (has not diverged). */
    public boolean isActive(int i) {
        return batch().isActive(i);
    }

    /** c(s_t) = f(x_t) of problem i now, NaN once it diverged. */
    public double cost(int i) {
        return batch().isActive(i) ? batch.values()[i] : Double.NaN;
    }

    /** The step problem i diverged at, or −1. */
    public int divergedAt(int i) {
        requireStarted();
        return divergedAt[i];
    }

    /**
     * The costs c(s_0..s_T) of every problem so far, [n][T+1]; entries after the current t, and from the step a
     * problem diverged at, are NaN (as in {@link org.l2o4j.core.rollout.RolloutResult}). A copy.
     */
    public double[][] costs() {
        requireStarted();
        double[][] out = new double[costs.length][];
        for (int i = 0; i < costs.length; i++) {
            out[i] = costs[i].clone();
        }
        return out;
    }

    /** Where each block of a state sits. */
    public FeatureLayout stateLayout() {
        return features().stateLayout();
    }

    /** Where each block of an observation sits. */
    public FeatureLayout observationLayout() {
        return features().observationLayout();
    }

    /** Writes problem i's state s_t into {@code out[offset ..]}. */
    public void state(int i, double[] out, int offset) {
        features().state(i, out, offset);
    }

    /** Writes problem i's observation o_t into {@code out[offset ..]}. */
    public void observation(int i, double[] out, int offset) {
        features().observation(i, out, offset);
    }

    /** Writes all n observations, n × dO row-major. */
    public void observations(double[] out) {
        features().observations(out);
    }
}
