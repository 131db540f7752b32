package org.l2o4j.rl4j;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

import org.deeplearning4j.gym.StepReply;
import org.deeplearning4j.rl4j.mdp.MDP;
import org.deeplearning4j.rl4j.space.ArrayObservationSpace;
import org.deeplearning4j.rl4j.space.DiscreteSpace;
import org.deeplearning4j.rl4j.space.ObservationSpace;
import org.l2o4j.core.mdp.FeatureLayout;
import org.l2o4j.core.mdp.FeaturePreset;
import org.l2o4j.core.mdp.OptimizationMdp;
import org.l2o4j.core.mdp.StepRule;
import org.l2o4j.core.mdp.rules.GradientDescent;
import org.l2o4j.core.problem.Problem;
import org.l2o4j.core.problem.ProblemFamily;
import org.l2o4j.core.random.Seeds;
import org.l2o4j.core.rollout.DivergenceRule;
import org.l2o4j.core.rollout.ProblemBatch;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Li &amp; Malik's optimization MDP ({@link OptimizationMdp}, papers.md §1.1–§1.2) as an RL4J
 * {@code MDP<OptimizationObservation, Integer, DiscreteSpace>}, one problem per environment.
 *
 * <ul>
 *   <li><b>Episode.</b> {@link #reset()} draws one training function uniformly from the training set, from the stream
 *       {@code Seeds.derive(seed, "episode", e)} of the e-th episode, and starts at its own initial point (restart 0,
 *       as in the released code: one initial point per function, papers.md §1.5). The episode lasts T steps
 *       ({@link Settings#horizon()}), or ends early when the iterate diverges.</li>
 *   <li><b>Action.</b> An index k into {@link #actions()}, a list of {@link StepRule}s; the default list
 *       ({@link #gradientStepGrid}) is Δx = −α_k·∇f(x_t) with α_k on a log grid. RL4J is discrete-only, so this is a
 *       step-size controller, not the continuous policy of the paper (see the package documentation).</li>
 *   <li><b>Observation.</b> The preset's observation (the state without x), scaled by {@link ObservationScaling}.</li>
 *   <li><b>Reward.</b> −f(x_{t+1}), the MDP's cost c(s_{t+1}) negated, so the undiscounted return is minus the area
 *       under the objective curve. On the step that diverges (see {@link DivergenceRule}) the reward is
 *       −(f(x_0) + objectiveGrowth·(1 + |f(x_0)|)), the worst cost a non-diverged step could have had, so diverging
 *       never pays, and the episode ends.</li>
 * </ul>
 *
 * <p>Every evaluation goes through the MDP's {@link ProblemBatch} and is charged there; {@link #valueEvaluations()}
 * and {@link #gradientEvaluations()} sum the charges over every episode this environment has run.
 *
 * <p>Not thread-safe; RL4J's asynchronous agents get one environment per worker from {@link #newInstance()}.
 */
public final class OptimizationEnvironment implements MDP<OptimizationObservation, Integer, DiscreteSpace> {

    /**
     * The environment's settings.
     *
     * @param preset     the features; {@link FeaturePreset#paper()} by default
     * @param horizon    T, steps per episode; 40, Li &amp; Malik's training horizon (gps.md §6)
     * @param divergence when an iterate counts as diverged
     * @param scaling    what the agent sees of an observation; {@link ObservationScaling#NONE} by default
     */
    public record Settings(FeaturePreset preset, int horizon, DivergenceRule divergence, ObservationScaling scaling) {

        /** Paper features, T = 40, the default divergence rule, raw observations. */
        public static final Settings DEFAULTS = new Settings(FeaturePreset.paper(), 40, DivergenceRule.DEFAULT,
                ObservationScaling.NONE);

        public Settings {
            if (preset == null || divergence == null || scaling == null) {
                throw new IllegalArgumentException("preset, divergence and scaling must not be null, got preset="
                        + preset + ", divergence=" + divergence + ", scaling=" + scaling);
            }
            if (horizon < 1) {
                throw new IllegalArgumentException("horizon must be >= 1, got " + horizon);
            }
        }

        /** These settings with another horizon. */
        public Settings withHorizon(int steps) {
            return new Settings(preset, steps, divergence, scaling);
        }
    }

    private final List<Problem> trainingProblems;
    private final List<StepRule> actions;
    private final Settings settings;
    private final long seed;
    private final int dimension;
    private final OptimizationMdp mdp;
    private final ArrayObservationSpace<OptimizationObservation> observationSpace;
    private final DiscreteSpace actionSpace;
    private final double[] observation;
    private final double[] step;

    private long episodes;
    private long instances;
    private long valueEvaluationsBefore;
    private long gradientEvaluationsBefore;

    /**
     * @param trainingProblems the functions episodes are drawn from; all of one dimension
     * @param actions          the step rules an action index selects; at least one
     * @param settings         features, horizon, divergence rule, observation scaling
     * @param seed             seeds the episode draws and the action space's random actions
     */
    public OptimizationEnvironment(List<? extends Problem> trainingProblems, List<? extends StepRule> actions,
            Settings settings, long seed) {
        if (trainingProblems.isEmpty()) {
            throw new IllegalArgumentException("the environment needs at least one training problem");
        }
        if (actions.isEmpty()) {
            throw new IllegalArgumentException("the environment needs at least one action (step rule)");
        }
        this.dimension = trainingProblems.get(0).dimension();
        for (int i = 0; i < trainingProblems.size(); i++) {
            Problem p = trainingProblems.get(i);
            if (p.dimension() != dimension) {
                throw new IllegalArgumentException("dimension mismatch: training problem 0 has d=" + dimension
                        + " but training problem " + i + " (" + p.formula() + ") has d=" + p.dimension());
            }
        }
        this.trainingProblems = List.copyOf(trainingProblems);
        this.actions = List.copyOf(actions);
        this.settings = settings;
        this.seed = seed;
        this.mdp = new OptimizationMdp(settings.preset(), settings.horizon(), settings.divergence());
        int dO = settings.preset().observationLayout(dimension).dimension();
        this.observationSpace = new ArrayObservationSpace<>(new int[] {dO});
        this.actionSpace = new DiscreteSpace(actions.size(),
                Nd4j.getRandomFactory().getNewRandomInstance(Seeds.derive(seed, "random-actions")));
        this.observation = new double[dO];
        this.step = new double[dimension];
    }

    /**
     * An environment over the {@code split} functions of {@code family} under {@code experimentSeed} (the same
     * functions every other tool gets for that split and seed), with episode draws seeded by {@code seed}.
     */
    public static OptimizationEnvironment fromFamily(ProblemFamily family, String split, long experimentSeed,
            List<? extends StepRule> actions, Settings settings, long seed) {
        return new OptimizationEnvironment(family.problems(split, experimentSeed), actions, settings, seed);
    }

    /**
     * Gradient steps −α_k·∇f(x_t) for {@code count} step sizes α_k spaced evenly in log from {@code smallest} to
     * {@code largest} (both included). They read ∇f(x_t) from the observation, so the preset must hold it.
     */
    public static List<StepRule> gradientStepGrid(double smallest, double largest, int count) {
        if (!(smallest > 0) || !(largest >= smallest) || !Double.isFinite(largest) || count < 1
                || (count == 1 && largest != smallest)) {
            throw new IllegalArgumentException("a log grid needs 0 < smallest <= largest < ∞ and count >= 1 (count 1 "
                    + "only when smallest = largest), got smallest=" + smallest + ", largest=" + largest + ", count="
                    + count);
        }
        List<StepRule> grid = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            double fraction = count == 1 ? 0 : (double) k / (count - 1);
            grid.add(new GradientDescent(smallest * Math.pow(largest / smallest, fraction)));
        }
        return grid;
    }

    /** The step rules, indexed by action. */
    public List<StepRule> actions() {
        return actions;
    }

    /** The settings. */
    public Settings settings() {
        return settings;
    }

    /** The underlying MDP (its batch, features and costs for the current episode). */
    public OptimizationMdp mdp() {
        return mdp;
    }

    /** Episodes started so far. */
    public long episodes() {
        return episodes;
    }

    /** Function evaluations charged over every episode so far. */
    public long valueEvaluations() {
        return valueEvaluationsBefore + (episodes == 0 ? 0 : mdp.batch().valueEvaluations(0));
    }

    /** Gradient evaluations charged over every episode so far. */
    public long gradientEvaluations() {
        return gradientEvaluationsBefore + (episodes == 0 ? 0 : mdp.batch().gradientEvaluations(0));
    }

    @Override
    public ObservationSpace<OptimizationObservation> getObservationSpace() {
        return observationSpace;
    }

    @Override
    public DiscreteSpace getActionSpace() {
        return actionSpace;
    }

    @Override
    public OptimizationObservation reset() {
        long finishedValueEvaluations = valueEvaluations();
        long finishedGradientEvaluations = gradientEvaluations();
        RandomGenerator rng = Seeds.rng(Seeds.derive(seed, "episode", episodes));
        Problem problem = trainingProblems.get(rng.nextInt(trainingProblems.size()));
        mdp.reset(List.of(problem), List.of(problem.initialPoint(0)));
        // Counted only once the new episode has started, so a rejected start leaves the totals as they were.
        valueEvaluationsBefore = finishedValueEvaluations;
        gradientEvaluationsBefore = finishedGradientEvaluations;
        episodes++;
        return currentObservation();
    }

    @Override
    public StepReply<OptimizationObservation> step(Integer action) {
        if (action == null || action < 0 || action >= actions.size()) {
            throw new IllegalArgumentException("action " + action + " is outside [0, " + actions.size() + ")");
        }
        if (episodes == 0) {
            throw new IllegalStateException("reset the environment before stepping it");
        }
        FeatureLayout layout = mdp.observationLayout();
        mdp.observation(0, observation, 0);
        actions.get(action).steps(layout, 1, observation, step);
        mdp.step(step);
        double reward;
        if (mdp.isActive(0)) {
            reward = -mdp.cost(0);
        } else {
            double f0 = mdp.costs()[0][0];
            reward = -(f0 + settings.divergence().objectiveGrowth() * (1 + Math.abs(f0)));
        }
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("time", mdp.time());
        info.put("objective", mdp.cost(0));
        info.put("diverged", !mdp.isActive(0));
        return new StepReply<>(currentObservation(), reward, mdp.isDone(), info);
    }

    private OptimizationObservation currentObservation() {
        mdp.observation(0, observation, 0);
        settings.scaling().applyInPlace(observation);
        return new OptimizationObservation(observation);
    }

    @Override
    public boolean isDone() {
        return episodes > 0 && mdp.isDone();
    }

    /** Nothing to release: the environment holds only Java arrays. */
    @Override
    public void close() {
    }

    /**
     * A fresh environment with the same training functions, actions and settings, and its own seed: the k-th call
     * gets {@code Seeds.derive(seed, "instance", k)}, so workers of an asynchronous agent see different episodes but a
     * rerun sees the same ones.
     */
    @Override
    public OptimizationEnvironment newInstance() {
        instances++;
        return new OptimizationEnvironment(trainingProblems, actions, settings,
                Seeds.derive(seed, "instance", instances));
    }
}
