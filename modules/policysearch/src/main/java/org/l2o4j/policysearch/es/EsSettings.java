package org.l2o4j.policysearch.es;

import java.util.List;

import org.l2o4j.core.config.Checks;
import org.l2o4j.core.config.ConfigException;
import org.l2o4j.core.mdp.FeaturePreset;
import org.l2o4j.core.training.TrainingHeader;
import org.l2o4j.core.training.gradient.GradientLoopConfig;
import org.l2o4j.policysearch.PolicyParameters;

/**
 * The settings of evolution-strategies training of Li &amp; Malik's policy (policy-search.md): the policy and MDP,
 * the estimator (pairs, σ, functions per meta-step, truncation) and the shared outer loop (Adam, clipping,
 * validation, checkpoints).
 *
 * @param trainSplit            the split whose first {@code conditions} functions are used
 * @param conditions            how many, at least 1 (default: Li &amp; Malik's 90); the last {@code validationFunctions} of them are held
 *                              out for validation, the others are the training functions
 * @param validationFunctions   functions held out from the training split to choose the best θ
 * @param preset                feature preset, {@code paper} or {@code released-code}
 * @param historyLength         H
 * @param hiddenUnits           the policy's hidden softplus units
 * @param horizon               T, steps per episode
 * @param truncation            K, steps per truncation (PES); 0 = the whole episode (full-episode ES)
 * @param pairs                 P antithetic pairs per meta-step
 * @param sigma                 σ of the perturbations, on the weights (the inputs are normalized)
 * @param functionsPerStep      training functions per meta-step (cycling through them), shared by every pair
 * @param relativeCost          whether a step's cost is f(x_t)/f(x_0) instead of f(x_t)
 * @param divergedCostFactor    a diverged function's cost per step, in units of f(x_0)
 * @param normalizationStepSize the gradient-descent step whose visited states fit the input normalization
 * @param initialPolicy         {@code fresh} (a new network from the trainer's seed, the normalization fitted) or a
 *                              policy checkpoint file to start from (its weights and its normalization)
 * @param epochs                meta-steps (ES) or episodes (PES) in the whole run at most
 * @param problemSteps          the budget in problem-steps, counted by the shared loop (normalization, estimates,
 *                              validations): the run stops at the last epoch that keeps it inside (720,000, GPS's)
 * @param metaLearningRate      Adam's step on θ
 * @param beta1                 Adam's β₁
 * @param beta2                 Adam's β₂
 * @param epsilon               Adam's ε
 * @param clipElementwise       element-wise clipping of the estimate first (0: off)
 * @param clipGlobalNorm        then global-norm clipping (0: off)
 * @param validateEveryEpochs   validation cadence
 * @param checkpointEveryEpochs checkpoint cadence
 */
public record EsSettings(String trainSplit, int conditions, int validationFunctions, String preset,
        int historyLength, int hiddenUnits, int horizon, int truncation, int pairs, double sigma,
        int functionsPerStep, boolean relativeCost, double divergedCostFactor, double normalizationStepSize,
        String initialPolicy, int epochs, long problemSteps, double metaLearningRate, double beta1, double beta2, double epsilon, double clipElementwise,
        double clipGlobalNorm, int validateEveryEpochs, int checkpointEveryEpochs) {

    /** Full-episode ES with policy-search.md's typical values: 16 pairs, σ = 0.05, learning rate 3e-3. */
    public static final EsSettings ES = new EsSettings("train",
            TrainingHeader.LI_MALIK_TRAINING_FUNCTIONS, 10, FeaturePreset.RELEASED_CODE,
            FeaturePreset.DEFAULT_HISTORY_LENGTH, 50, 40, 0, 16, 0.05, 10, true, 10, 1.0, PolicyParameters.FRESH, 200, 720_000, 3e-3, 0.9, 0.999,
            1e-8, 0, 10, 10, 10);

    /** PES: learned_optimization's truncation K = 10 and σ = 0.01, otherwise as {@link #ES}. */
    public static final EsSettings PES = new EsSettings("train",
            TrainingHeader.LI_MALIK_TRAINING_FUNCTIONS, 10, FeaturePreset.RELEASED_CODE,
            FeaturePreset.DEFAULT_HISTORY_LENGTH, 50, 40, 10, 16, 0.01, 10, true, 10, 1.0, PolicyParameters.FRESH, 200, 720_000, 3e-3, 0.9, 0.999,
            1e-8, 0, 10, 10, 10);

    public EsSettings {
        Checks.positive("conditions", conditions);
        Checks.positive("validationFunctions", validationFunctions);
        Checks.oneOf("preset", preset, List.of(FeaturePreset.PAPER, FeaturePreset.RELEASED_CODE));
        Checks.positive("historyLength", historyLength);
        Checks.positive("hiddenUnits", hiddenUnits);
        Checks.positive("horizon", horizon);
        Checks.atLeast("truncation", truncation, 0);
        if (truncation > 0 && horizon % truncation != 0) {
            throw new ConfigException("horizon (" + horizon + ") must be a multiple of truncation (" + truncation
                    + "), so that every particle's episode ends with a truncation");
        }
        Checks.positive("pairs", pairs);
        Checks.positive("sigma", sigma);
        Checks.positive("functionsPerStep", functionsPerStep);
        Checks.positive("divergedCostFactor", divergedCostFactor);
        Checks.positive("normalizationStepSize", normalizationStepSize);
        PolicyParameters.checkInitialPolicy(initialPolicy);
    }

    /** K: the truncation length ({@code horizon} for full episodes). */
    public int truncationLength() {
        return truncation == 0 ? horizon : truncation;
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
