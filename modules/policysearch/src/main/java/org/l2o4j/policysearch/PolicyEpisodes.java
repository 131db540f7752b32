package org.l2o4j.policysearch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.l2o4j.core.mdp.FeaturePreset;
import org.l2o4j.core.mdp.FeatureDrivenOptimizer;
import org.l2o4j.core.mdp.StepRule;
import org.l2o4j.core.mdp.rules.GradientDescent;
import org.l2o4j.core.problem.Problem;
import org.l2o4j.core.rollout.Rollout;
import org.l2o4j.core.rollout.RolloutListener;
import org.l2o4j.core.rollout.RolloutResult;
import org.l2o4j.policy.GaussianMlpPolicy;
import org.l2o4j.policy.HiddenActivation;
import org.l2o4j.policy.InputNormalization;
import org.l2o4j.policy.MlpArchitecture;
import org.l2o4j.policy.PolicyStepRule;

/**
 * Episodes of Li &amp; Malik's learned optimizer on its training functions, what every policy-search trainer scores a
 * policy by: the policy's mean step (no exploration noise) on the feature preset's observations, from each function's
 * initial point, for {@code horizon} steps, with cost Σ_{t=1..T} f(x_t) (Li &amp; Malik's Σ_t f over the horizon,
 * policy-search.md). A run that diverges costs +∞. Every function and gradient evaluation is counted as one
 * problem-step ({@link #problemSteps()}), the currency in which trainers are compared at equal budget.
 *
 * <p>Thread-safe: episodes of different policies may run concurrently; the counter is atomic and the costs do not
 * depend on the order.
 */
public final class PolicyEpisodes {

    private final FeaturePreset preset;
    private final int horizon;
    private final List<Problem> functions;
    private final List<double[]> starts;
    private final MlpArchitecture architecture;
    private final AtomicLong problemSteps = new AtomicLong();

    /**
     * @param preset      the features the policy reads
     * @param horizon     steps per episode
     * @param functions   the training functions (one dimension d)
     * @param hiddenUnits the policy's hidden softplus units (Li &amp; Malik: 50)
     */
    public PolicyEpisodes(FeaturePreset preset, int horizon, List<Problem> functions, int hiddenUnits) {
        if (functions.isEmpty()) {
            throw new IllegalArgumentException("policy search needs at least one training function, got 0");
        }
        this.preset = preset;
        this.horizon = horizon;
        this.functions = List.copyOf(functions);
        this.starts = this.functions.stream().map(p -> p.initialPoint(0)).toList();
        int d = this.functions.get(0).dimension();
        this.architecture = new MlpArchitecture(preset.observationLayout(d).dimension(), hiddenUnits, d,
                HiddenActivation.SOFTPLUS);
    }

    /** The policy's network shape: the preset's observation → hidden softplus layer → step. */
    public MlpArchitecture architecture() {
        return architecture;
    }

    /** The feature preset. */
    public FeaturePreset preset() {
        return preset;
    }

    /** The number of training functions. */
    public int functionCount() {
        return functions.size();
    }

    /** Problem-steps spent so far by every episode run through this object. */
    public long problemSteps() {
        return problemSteps.get();
    }

    /** Adds problem-steps that episodes run elsewhere spent (by a unit on an engine, with its own counter). */
    public void charge(long spent) {
        problemSteps.addAndGet(spent);
    }

    /** Sets the counter (to the count a resumed run had spent). */
    public void restoreProblemSteps(long spent) {
        problemSteps.set(spent);
    }

    /**
     * The input normalization fitted on the observations that gradient descent with step {@code stepSize} visits on
     * every training function over the horizon: the states of a reasonable optimizer, before any policy exists (GPS
     * fits it on its first samples instead). Counted as problem-steps like any episode.
     */
    public InputNormalization normalizationFromGradientDescent(double stepSize) {
        GradientDescent descent = new GradientDescent(stepSize);
        int dO = architecture.inputDimension();
        List<double[]> rows = new ArrayList<>();
        StepRule recording = (layout, count, observations, actions) -> {
            rows.add(Arrays.copyOf(observations, count * dO));
            descent.steps(layout, count, observations, actions);
        };
        run(new FeatureDrivenOptimizer("gradient-descent", Map.of("stepSize", stepSize), preset,
                recording), functions, starts);
        int total = rows.stream().mapToInt(r -> r.length / dO).sum();
        double[] all = new double[total * dO];
        int at = 0;
        for (double[] r : rows) {
            System.arraycopy(r, 0, all, at, r.length);
            at += r.length;
        }
        return InputNormalization.fit(all, total, dO);
    }

    /**
     * The mean episode cost of the policy's mean step over the given training functions; +∞ if any run diverged.
     *
     * @param indices which training functions (indices into the list given at construction)
     */
    public double cost(GaussianMlpPolicy policy, int[] indices) {
        List<Problem> chosen = new ArrayList<>(indices.length);
        List<double[]> from = new ArrayList<>(indices.length);
        for (int i : indices) {
            chosen.add(functions.get(i));
            from.add(starts.get(i));
        }
        RolloutResult result = run(PolicyStepRule.optimizer(policy, preset), chosen, from);
        double sum = 0;
        for (double[] curve : result.objective()) {
            for (int t = 1; t <= horizon; t++) {
                sum += curve[t];
            }
        }
        double mean = sum / indices.length;
        return Double.isFinite(mean) ? mean : Double.POSITIVE_INFINITY;
    }

    private RolloutResult run(FeatureDrivenOptimizer optimizer, List<Problem> problems, List<double[]> from) {
        RolloutResult r = Rollout.run(optimizer, problems, from, Rollout.Options.of(horizon), RolloutListener.NONE);
        problemSteps.addAndGet((long) problems.size() * horizon);
        return r;
    }
}
