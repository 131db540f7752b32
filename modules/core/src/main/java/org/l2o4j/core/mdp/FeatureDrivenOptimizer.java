package org.l2o4j.core.mdp;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.l2o4j.core.optimizer.Optimizer;
import org.l2o4j.core.optimizer.OptimizerState;
import org.l2o4j.core.rollout.ProblemBatch;

/**
 * Any {@link StepRule} run as an ordinary {@link Optimizer}: each iteration builds the observations of the active
 * problems from a {@link FeatureHistory}, asks the rule for the steps, moves x ← x + Δx, evaluates (one f and one ∇f
 * per active problem, charged by the batch) and records the new features. A learned policy (Li &amp; Malik's
 * predicted step descent, papers.md §1.1) plugs in by implementing {@link StepRule}, and is then evaluated by the
 * same rollout engine, divergence rule and budget counters as every baseline.
 *
 * <p>Configuration (name, hyperparameters, preset, rule) is immutable; the history and buffers belong to the state that
 * {@link #start} creates, so one instance may run on many batches at once, provided the rule itself is thread-safe.
 */
public final class FeatureDrivenOptimizer implements Optimizer {

    private final String name;
    private final Map<String, Object> hyperparameters;
    private final FeaturePreset preset;
    private final StepRule rule;

    /**
     * @param name            registered name, e.g. {@code "predicted-step-descent"}
     * @param hyperparameters the rule's own settings, for provenance; the preset's settings are added under
     *                        {@code "features"}
     * @param preset          the features the rule reads
     * @param rule            the observation → step map
     */
    public FeatureDrivenOptimizer(String name, Map<String, Object> hyperparameters, FeaturePreset preset,
            StepRule rule) {
        if (name == null || name.isBlank() || preset == null || rule == null) {
            throw new IllegalArgumentException("name, preset and rule are required, got name=" + name + ", preset="
                    + preset + ", rule=" + rule);
        }
        if (hyperparameters.containsKey("features")) {
            throw new IllegalArgumentException("hyperparameter key 'features' is reserved for the feature preset");
        }
        this.name = name;
        Map<String, Object> all = new LinkedHashMap<>(hyperparameters);
        all.put("features", preset.settings());
        this.hyperparameters = Collections.unmodifiableMap(all);
        this.preset = preset;
        this.rule = rule;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Map<String, Object> hyperparameters() {
        return hyperparameters;
    }

    /** The features the rule reads. */
    public FeaturePreset preset() {
        return preset;
    }

    /** The rule. */
    public StepRule rule() {
        return rule;
    }

    @Override
    public OptimizerState start(ProblemBatch batch) {
        FeatureHistory history = new FeatureHistory(preset, batch.size(), batch.dimension());
        history.resetAll(batch);
        return new State(batch, history);
    }

    /**
     * Goes on from a history the caller keeps (restored from a {@link FeatureHistory.Snapshot}, say) instead of
     * starting one at the batch's current points; the state records every later step into it.
     *
     * @throws IllegalArgumentException if the history is not one of this preset for the batch's problems
     */
    public OptimizerState start(ProblemBatch batch, FeatureHistory history) {
        if (!history.preset().equals(preset) || history.size() != batch.size()
                || history.dimension() != batch.dimension()) {
            throw new IllegalArgumentException("a '" + history.preset().name() + "' history of " + history.size()
                    + " problems of dimension " + history.dimension() + " does not fit this optimizer's '"
                    + preset.name() + "' features on " + batch.size() + " problems of dimension " + batch.dimension());
        }
        return new State(batch, history);
    }

    private final class State implements OptimizerState {
        private final ProblemBatch batch;
        private final FeatureHistory history;
        private final double[] observations;
        private final double[] actions;
        /** rows[k] = the problem whose observation is row k of this iteration (active problems only). */
        private final int[] rows;

        State(ProblemBatch batch, FeatureHistory history) {
            this.batch = batch;
            this.history = history;
            this.observations = new double[batch.size() * history.observationDimension()];
            this.actions = new double[batch.size() * batch.dimension()];
            this.rows = new int[batch.size()];
        }

        @Override
        public void step() {
            int d = batch.dimension();
            int dO = history.observationDimension();
            int count = 0;
            for (int i = 0; i < batch.size(); i++) {
                if (batch.isActive(i)) {
                    history.observation(i, observations, count * dO);
                    rows[count++] = i;
                }
            }
            if (count == 0) {
                return;
            }
            rule.steps(history.observationLayout(), count, observations, actions);
            double[] x = batch.x();
            for (int k = 0; k < count; k++) {
                int i = rows[k];
                for (int j = 0; j < d; j++) {
                    x[i * d + j] += actions[k * d + j];
                }
                batch.evaluate(i);
                history.record(i, x, i * d, batch.values()[i], batch.gradient(), i * d);
            }
        }
    }
}
