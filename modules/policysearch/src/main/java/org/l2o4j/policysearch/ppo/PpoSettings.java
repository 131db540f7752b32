package org.l2o4j.policysearch.ppo;

import java.util.List;

import org.l2o4j.core.config.Checks;
import org.l2o4j.core.mdp.FeaturePreset;
import org.l2o4j.core.training.TrainingHeader;
import org.l2o4j.policysearch.PolicyParameters;

/**
 * The settings of PPO training of Li &amp; Malik's policy ({@code kind: ppo-training}, policy-search.md): the policy and
 * MDP, the episodes, and PPO's own (Schulman et al. 2017's defaults where they apply).
 *
 * @param trainSplit            the split whose first {@code conditions} functions are the training functions
 * @param conditions            how many, at least 1 (default: Li &amp; Malik's 90)
 * @param preset                feature preset, {@code paper} or {@code released-code}
 * @param historyLength         H
 * @param hiddenUnits           the policy's hidden softplus units
 * @param horizon               T
 * @param iterations            PPO iterations (the budget)
 * @param episodes              episodes per iteration
 * @param epochs                passes over each batch
 * @param minibatch             transitions per gradient step
 * @param clipRatio             ε of the clipped surrogate
 * @param gaeLambda             λ of GAE (γ = 1 over the finite horizon)
 * @param learningRate          Adam's step on the policy's weights and log σ
 * @param valueLearningRate     Adam's step on the value network
 * @param valueHiddenUnits      the value network's hidden softplus units (input: the observation and t/T)
 * @param initialStd            σ of the policy's actions at the start, per dimension
 * @param relativeCost          whether rewards are −f(x_{t+1})/f(x_0) instead of −f(x_{t+1})
 * @param divergedCostFactor    the cost of a diverging step, in units of f(x_0)
 * @param normalizationStepSize the gradient-descent step whose visited states fit the input normalization
 * @param initialPolicy         {@code fresh} (a new network from the trainer's seed, the normalization fitted) or a
 *                              policy checkpoint file whose weights and normalization the policy starts from (its σ
 *                              is still {@code initialStd})
 * @param checkpointEvery       iterations between checkpoints (and after the last)
 */
public record PpoSettings(String trainSplit, int conditions, String preset, int historyLength, int hiddenUnits,
        int horizon, int iterations, int episodes, int epochs, int minibatch, double clipRatio, double gaeLambda,
        double learningRate, double valueLearningRate, int valueHiddenUnits, double initialStd, boolean relativeCost,
        double divergedCostFactor, double normalizationStepSize, String initialPolicy, int checkpointEvery) {

    /** Li &amp; Malik's policy and MDP; PPO with 32 episodes per iteration, 4 epochs, minibatches of 256. */
    public static final PpoSettings DEFAULTS = new PpoSettings("train",
            TrainingHeader.LI_MALIK_TRAINING_FUNCTIONS, FeaturePreset.RELEASED_CODE,
            FeaturePreset.DEFAULT_HISTORY_LENGTH, 50, 40, 560, 32, 4, 256, 0.2, 0.95, 3e-4, 1e-3, 64, 0.1, true, 10,
            1.0, PolicyParameters.FRESH, 10);

    public PpoSettings {
        Checks.positive("conditions", conditions);
        Checks.oneOf("preset", preset, List.of(FeaturePreset.PAPER, FeaturePreset.RELEASED_CODE));
        Checks.positive("historyLength", historyLength);
        Checks.positive("hiddenUnits", hiddenUnits);
        Checks.positive("horizon", horizon);
        Checks.positive("iterations", iterations);
        Checks.positive("initialStd", initialStd);
        Checks.positive("divergedCostFactor", divergedCostFactor);
        Checks.positive("normalizationStepSize", normalizationStepSize);
        PolicyParameters.checkInitialPolicy(initialPolicy);
        Checks.positive("checkpointEvery", checkpointEvery);
        new Ppo.Settings(episodes, epochs, minibatch, clipRatio, gaeLambda, learningRate, valueLearningRate,
                valueHiddenUnits);
    }

    /** The feature preset. */
    public FeaturePreset featurePreset() {
        return FeaturePreset.named(preset, historyLength);
    }

    /** The algorithm's settings. */
    public Ppo.Settings algorithm() {
        return new Ppo.Settings(episodes, epochs, minibatch, clipRatio, gaeLambda, learningRate, valueLearningRate,
                valueHiddenUnits);
    }
}
