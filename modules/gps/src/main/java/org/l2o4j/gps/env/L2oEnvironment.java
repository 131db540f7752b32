package org.l2o4j.gps.env;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import org.l2o4j.core.mdp.FeatureLayout;
import org.l2o4j.core.mdp.FeaturePreset;
import org.l2o4j.core.mdp.OptimizationMdp;
import org.l2o4j.core.problem.Problem;
import org.l2o4j.core.problem.TwiceDifferentiable;
import org.l2o4j.core.rollout.DivergenceRule;
import org.l2o4j.gps.cost.ObjectiveValueCost;

/**
 * The L2O problem as GPS sees it (gps.md §2): full state s_t = the preset's state (x_t and its feature history),
 * observation o_t = s_t without the x block, action u_t = the step Δx (dU = d), cost f(x_t). It advances a batch of
 * independent episodes, one per <em>lane</em>: the N samples of one condition, or one condition per lane, or one
 * controller per lane (the momentum grid search of §4.12). Every lane must have the same dimension d.
 *
 * <p>A GPS trajectory has T time steps s_0 … s_{T−1} and u_0 … u_{T−1}. Only the first T − 1 actions are applied:
 * the state that u_{T−1} would lead to lies beyond the horizon and enters no cost (Σ_{t&lt;T} f(x_t)), so, as in
 * cbfinn/gps's agents, it is not computed. The underlying {@link OptimizationMdp} therefore has horizon T − 1, and
 * {@link #isDone()} becomes true at t = T − 1, where the last state can still be read.
 *
 * <p>Lifecycle: construct with the preset, T and the divergence rule (configuration); {@link #reset} with the lanes'
 * conditions (state: t = 0, f and ∇f evaluated at x_0); read {@link #state}, {@link #observation}, {@link #cost};
 * {@link #step} T − 1 times. One object serves any number of episodes. A lane that diverges under the core
 * {@link DivergenceRule} is frozen by the MDP ({@link #isActive} false, its cost NaN); the caller decides what that
 * means (the sampler fails, the grid search scores it +∞). Not thread-safe: give each thread its own environment.
 */
public final class L2oEnvironment {

    private final FeaturePreset preset;
    private final int horizon;
    private final OptimizationMdp mdp;
    private List<Condition> lanes = List.of();

    /**
     * @param preset     the features of the state (gps.md §2: {@code released-code}, dX = 233 for d = 4)
     * @param horizon    T ≥ 2, the time steps of one trajectory (40 in Li &amp; Malik)
     * @param divergence when a lane counts as diverged
     */
    public L2oEnvironment(FeaturePreset preset, int horizon, DivergenceRule divergence) {
        Objects.requireNonNull(preset, "preset");
        Objects.requireNonNull(divergence, "divergence");
        if (horizon < 2) {
            throw new IllegalArgumentException("a GPS trajectory needs T ≥ 2 time steps (one transition), got "
                    + horizon);
        }
        this.preset = preset;
        this.horizon = horizon;
        this.mdp = new OptimizationMdp(preset, horizon - 1, divergence);
    }

    /** Starts one episode per condition, each at its initial point; t = 0. */
    public void reset(List<Condition> conditions) {
        if (conditions.isEmpty()) {
            throw new IllegalArgumentException("reset needs at least one lane, got 0 conditions");
        }
        List<Problem> problems = new ArrayList<>(conditions.size());
        List<double[]> starts = new ArrayList<>(conditions.size());
        for (Condition c : conditions) {
            problems.add(c.problem());
            starts.add(c.initialPoint());
        }
        mdp.reset(problems, starts);
        lanes = List.copyOf(conditions);
    }

    /** Starts {@code laneCount} identical episodes of one condition; t = 0. */
    public void reset(Condition condition, int laneCount) {
        if (laneCount < 1) {
            throw new IllegalArgumentException("lane count must be ≥ 1, got " + laneCount);
        }
        reset(Collections.nCopies(laneCount, condition));
    }

    /** The preset. */
    public FeaturePreset preset() {
        return preset;
    }

    /** T, the time steps of a trajectory (the MDP takes T − 1 steps). */
    public int horizon() {
        return horizon;
    }

    /** The number of lanes of the current episode. */
    public int laneCount() {
        requireStarted();
        return lanes.size();
    }

    /** The condition of a lane. */
    public Condition condition(int lane) {
        requireStarted();
        return lanes.get(lane);
    }

    /** The current time step t. */
    public int time() {
        requireStarted();
        return mdp.time();
    }

    /** Whether t = T − 1 (the last state is readable, no step remains) or every lane diverged. */
    public boolean isDone() {
        return mdp.isDone();
    }

    /** Where each block of s_t sits; the {@link FeatureLayout#X} block is the cost's iterate block. */
    public FeatureLayout stateLayout() {
        return mdp.stateLayout();
    }

    /** Where each block of o_t sits. */
    public FeatureLayout observationLayout() {
        return mdp.observationLayout();
    }

    /** dX. */
    public int stateDimension() {
        return stateLayout().dimension();
    }

    /** dO = dX − d. */
    public int observationDimension() {
        return observationLayout().dimension();
    }

    /** dU = d. */
    public int actionDimension() {
        return stateLayout().problemDimension();
    }

    /** Writes s_t of a lane into {@code out[offset .. offset + dX)}. */
    public void state(int lane, double[] out, int offset) {
        mdp.state(lane, out, offset);
    }

    /** Writes o_t of a lane (s_t without x) into {@code out[offset .. offset + dO)}. */
    public void observation(int lane, double[] out, int offset) {
        mdp.observation(lane, out, offset);
    }

    /** c(s_t) = f(x_t) of a lane; NaN once it diverged. */
    public double cost(int lane) {
        return mdp.cost(lane);
    }

    /** Whether a lane is still active (has not diverged). */
    public boolean isActive(int lane) {
        return mdp.isActive(lane);
    }

    /** The step a lane diverged at, or −1. */
    public int divergedAt(int lane) {
        return mdp.divergedAt(lane);
    }

    /**
     * Applies u_t to every active lane: x ← x + u, f and ∇f re-evaluated (charged to the lane's problem), features
     * recorded, t advanced.
     *
     * @param actions lanes × d row-major; rows of diverged lanes are ignored
     */
    public void step(double[] actions) {
        mdp.step(actions);
    }

    /**
     * The L2O cost c(s_t) = scale·f(x_t) (gps.md §4.2) for states of this preset: the x block's offset in the state
     * layout of {@code objective}'s dimension, dX and dU = d; {@code projectToPsd} as in {@link ObjectiveValueCost}.
     */
    public static ObjectiveValueCost objectiveValueCost(FeaturePreset preset, TwiceDifferentiable objective,
            double scale, boolean projectToPsd) {
        FeatureLayout layout = preset.stateLayout(objective.dimension());
        return new ObjectiveValueCost(objective, layout.dimension(), objective.dimension(),
                layout.block(FeatureLayout.X).offset(), scale, projectToPsd);
    }

    private void requireStarted() {
        if (lanes.isEmpty()) {
            throw new IllegalStateException("reset the environment before using it");
        }
    }
}
