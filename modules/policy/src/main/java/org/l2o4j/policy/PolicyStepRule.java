package org.l2o4j.policy;

import java.util.Map;
import java.util.Objects;

import org.l2o4j.core.mdp.FeatureDrivenOptimizer;
import org.l2o4j.core.mdp.FeatureLayout;
import org.l2o4j.core.mdp.FeaturePreset;
import org.l2o4j.core.mdp.StepRule;

/**
 * A trained global policy as core's {@link StepRule}: the step is the policy's mean action, Δx = μ_θ(o_t), without
 * the exploration noise (Li &amp; Malik's learned optimizer at test time, papers.md §1.1). Wrapped in a
 * {@link FeatureDrivenOptimizer} it is an ordinary {@code Optimizer}, evaluated by the same rollout engine, budget
 * counters and divergence rule as every baseline.
 *
 * <p>Stateless as {@link StepRule} requires: all memory lives in the observation's history. Thread-safe as long as
 * the policy is not being trained.
 *
 * @param policy π_θ; only its mean is used
 */
public record PolicyStepRule(Policy policy) implements StepRule {

    /** The name the optimizer is registered under: Li &amp; Malik's "predicted step descent". */
    public static final String OPTIMIZER_NAME = "predicted-step-descent";

    public PolicyStepRule {
        Objects.requireNonNull(policy, "policy");
    }

    @Override
    public void steps(FeatureLayout layout, int count, double[] observations, double[] actions) {
        if (layout.dimension() != policy.inputDimension() || layout.problemDimension() != policy.outputDimension()) {
            throw new IllegalArgumentException("dimension mismatch: the policy maps " + policy.inputDimension()
                    + " → " + policy.outputDimension() + " but the " + layout.preset().name()
                    + " observation of d = " + layout.problemDimension() + " has dO = " + layout.dimension()
                    + "; use the preset and the problem dimension the policy was trained with");
        }
        policy.mean(observations, count, actions);
    }

    /** The policy's mean action run as an optimizer on the features of {@code preset}. */
    public static FeatureDrivenOptimizer optimizer(Policy policy, FeaturePreset preset) {
        return optimizer(policy, preset, Map.of());
    }

    /** The same, reporting {@code hyperparameters} (e.g. where the policy came from) in results and provenance. */
    public static FeatureDrivenOptimizer optimizer(Policy policy, FeaturePreset preset,
            Map<String, Object> hyperparameters) {
        return new FeatureDrivenOptimizer(OPTIMIZER_NAME, hyperparameters, preset, new PolicyStepRule(policy));
    }

    /**
     * The checkpointed policy as an optimizer, with the preset stored in the checkpoint: the full settings under
     * {@code config.preset} where the trainer wrote them (so a non-default H survives), otherwise the defaults of the
     * preset named by {@link PolicyCheckpoint#featurePreset()}.
     *
     * @throws IllegalArgumentException if the stored settings contradict the preset name
     */
    public static FeatureDrivenOptimizer optimizer(PolicyCheckpoint checkpoint) {
        return optimizer(checkpoint, Map.of());
    }

    /** {@link #optimizer(PolicyCheckpoint)}, reporting {@code hyperparameters} in results and provenance. */
    public static FeatureDrivenOptimizer optimizer(PolicyCheckpoint checkpoint, Map<String, Object> hyperparameters) {
        Object stored = checkpoint.config().get("preset");
        FeaturePreset preset;
        if (stored instanceof Map<?, ?> settings) {
            @SuppressWarnings("unchecked")
            Map<String, ?> typed = (Map<String, ?>) settings;
            preset = FeaturePreset.fromSettings(typed);
            if (!preset.name().equals(checkpoint.featurePreset())) {
                throw new IllegalArgumentException("the checkpoint names feature preset '" + checkpoint.featurePreset()
                        + "' but its config.preset is '" + preset.name() + "'");
            }
        } else {
            preset = FeaturePreset.named(checkpoint.featurePreset());
        }
        return optimizer(checkpoint.policy(), preset, hyperparameters);
    }
}
