package org.l2o4j.policysearch.unroll;

import java.util.List;

import org.l2o4j.core.config.Checks;
import org.l2o4j.core.config.ConfigException;
import org.l2o4j.core.mdp.FeaturePreset;
import org.l2o4j.core.training.TrainingHeader;
import org.l2o4j.core.training.gradient.GradientLoopConfig;
import org.l2o4j.policysearch.PolicyParameters;

/**
 * The settings of backpropagation through the unrolled optimization for Li &amp; Malik's MLP policy
 * (policy-search.md): the policy and MDP, truncated unrolls, and the shared outer loop.
 *
 * @param trainSplit            the split whose first {@code conditions} functions are used
 * @param conditions            how many, at least 1 (default: Li &amp; Malik's 90); the last {@code validationFunctions} choose the best θ
 * @param validationFunctions   functions held out from the training split for validation
 * @param preset                feature preset, {@code paper} or {@code released-code}
 * @param historyLength         H
 * @param hiddenUnits           the policy's hidden softplus units
 * @param horizon               T, steps per episode
 * @param unrollLength          K, steps per meta-step (truncated backpropagation; the state carries over)
 * @param functionsPerEpoch     training functions optimized together per epoch (cycling through them)
 * @param relativeCost          whether the meta-loss sums f(x_t)/f(x_0) instead of f(x_t)
 * @param normalizationStepSize the gradient-descent step whose visited states fit the input normalization
 * @param initialPolicy         {@code fresh} (a new network from the trainer's seed, the normalization fitted) or a
 *                              policy checkpoint file to start from (its weights and its normalization)
 * @param epochs                epochs (episodes) in the whole run at most
 * @param problemSteps          the budget in problem-steps, counted by the shared loop (normalization, unrolls,
 *                              validations): the run stops at the last epoch that keeps it inside (720,000, GPS's)
 * @param metaLearningRate      Adam's step on θ
 * @param beta1                 Adam's β₁
 * @param beta2                 Adam's β₂
 * @param epsilon               Adam's ε
 * @param clipElementwise       element-wise clipping of the meta-gradient first (0: off)
 * @param clipGlobalNorm        then global-norm clipping (0: off)
 * @param validateEveryEpochs   validation cadence
 * @param checkpointEveryEpochs checkpoint cadence
 */
public record UnrollSettings(String trainSplit, int conditions, int validationFunctions, String preset,
        int historyLength, int hiddenUnits, int horizon, int unrollLength, int functionsPerEpoch,
        boolean relativeCost, double normalizationStepSize, String initialPolicy, int epochs, long problemSteps, double metaLearningRate, double beta1,
        double beta2, double epsilon, double clipElementwise, double clipGlobalNorm, int validateEveryEpochs,
        int checkpointEveryEpochs) {

    /** Li &amp; Malik's policy and MDP; unrolls of 10, 10 functions per epoch, Adam 1e-3, clipping at norm 10. */
    public static final UnrollSettings DEFAULTS = new UnrollSettings("train",
            TrainingHeader.LI_MALIK_TRAINING_FUNCTIONS, 10, FeaturePreset.RELEASED_CODE,
            FeaturePreset.DEFAULT_HISTORY_LENGTH, 50, 40, 10, 10, true, 1.0, PolicyParameters.FRESH, 1755, 720_000, 1e-3, 0.9, 0.999, 1e-8, 0, 10,
            50, 50);

    public UnrollSettings {
        Checks.positive("conditions", conditions);
        Checks.positive("validationFunctions", validationFunctions);
        Checks.oneOf("preset", preset, List.of(FeaturePreset.PAPER, FeaturePreset.RELEASED_CODE));
        Checks.positive("historyLength", historyLength);
        Checks.positive("hiddenUnits", hiddenUnits);
        Checks.positive("horizon", horizon);
        Checks.positive("unrollLength", unrollLength);
        if (horizon % unrollLength != 0) {
            throw new ConfigException("horizon (" + horizon + ") must be a multiple of unrollLength (" + unrollLength
                    + "), so that every episode ends with a whole unroll");
        }
        Checks.positive("functionsPerEpoch", functionsPerEpoch);
        Checks.positive("normalizationStepSize", normalizationStepSize);
        PolicyParameters.checkInitialPolicy(initialPolicy);
    }

    /** The feature preset. */
    public FeaturePreset featurePreset() {
        return FeaturePreset.named(preset, historyLength);
    }

    /** The outer loop's settings. */
    public GradientLoopConfig loop() {
        return new GradientLoopConfig(epochs, problemSteps, metaLearningRate, beta1, beta2, epsilon, clipElementwise,
                clipGlobalNorm, validateEveryEpochs, checkpointEveryEpochs);
    }
}
