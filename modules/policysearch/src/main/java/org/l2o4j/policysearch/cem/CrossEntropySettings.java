package org.l2o4j.policysearch.cem;

import java.util.List;

import org.l2o4j.core.config.Checks;
import org.l2o4j.core.mdp.FeaturePreset;
import org.l2o4j.core.training.TrainingHeader;
import org.l2o4j.policysearch.PolicyParameters;

/**
 * The settings of the cross-entropy method over the policy's weights ({@code kind: cem-training}), defaulting to Li
 * &amp; Malik's policy and MDP (released-code features, H = 25, 50 softplus units, T = 40) and to the CEM of Szita
 * &amp; Lőrincz (2006) with its extra noise.
 *
 * @param trainSplit             the split whose functions are the training functions
 * @param conditions             how many of them (the first ones), at least 1 (default: Li &amp; Malik's 90)
 * @param preset                 feature preset, {@code paper} or {@code released-code}
 * @param historyLength          H
 * @param hiddenUnits            the policy's hidden softplus units
 * @param horizon                steps per episode
 * @param generations            CEM generations (the budget)
 * @param population             candidate weight vectors per generation
 * @param eliteFraction          the fraction of lowest-cost candidates the next distribution is fitted to
 * @param initialStd             the per-weight standard deviation of the first generation
 * @param extraVariance          added to every weight's elite variance each generation, against premature collapse
 * @param functionsPerGeneration training functions each candidate is scored on per generation (cycling through the
 *                               split); 0 = all of them
 * @param normalizationStepSize  the gradient-descent step whose visited states fit the input normalization
 * @param initialPolicy          {@code fresh} (μ₀ a new network from the trainer's seed, the normalization fitted) or
 *                               a policy checkpoint file whose weights are μ₀ and whose normalization is kept
 * @param checkpointEvery        generations between checkpoints (and after the last)
 */
public record CrossEntropySettings(String trainSplit, int conditions, String preset, int historyLength,
        int hiddenUnits, int horizon, int generations, int population, double eliteFraction, double initialStd,
        double extraVariance, int functionsPerGeneration, double normalizationStepSize, String initialPolicy,
        int checkpointEvery) {

    /** Li &amp; Malik's policy and MDP; 30 generations of 32 candidates on 10 functions each. */
    public static final CrossEntropySettings DEFAULTS = new CrossEntropySettings("train",
            TrainingHeader.LI_MALIK_TRAINING_FUNCTIONS,
            FeaturePreset.RELEASED_CODE, FeaturePreset.DEFAULT_HISTORY_LENGTH, 50, 40, 30, 32, 0.25, 0.05, 1e-4, 10,
            1.0, PolicyParameters.FRESH, 1);

    public CrossEntropySettings {
        Checks.positive("conditions", conditions);
        Checks.oneOf("preset", preset, List.of(FeaturePreset.PAPER, FeaturePreset.RELEASED_CODE));
        Checks.positive("historyLength", historyLength);
        Checks.positive("hiddenUnits", hiddenUnits);
        Checks.positive("horizon", horizon);
        Checks.positive("generations", generations);
        Checks.atLeast("population", population, 2);
        Checks.between("eliteFraction", eliteFraction, 0, 1);
        Checks.positive("initialStd", initialStd);
        Checks.nonNegative("extraVariance", extraVariance);
        Checks.atLeast("functionsPerGeneration", functionsPerGeneration, 0);
        Checks.positive("normalizationStepSize", normalizationStepSize);
        PolicyParameters.checkInitialPolicy(initialPolicy);
        Checks.positive("checkpointEvery", checkpointEvery);
    }

    /** The feature preset these settings name. */
    public FeaturePreset featurePreset() {
        return FeaturePreset.named(preset, historyLength);
    }

    /** Elite candidates per generation: ⌈eliteFraction · population⌉, at least 2. */
    public int eliteCount() {
        return Math.max(2, (int) Math.ceil(eliteFraction * population));
    }
}
