package org.l2o4j.policysearch.cmaes;

import java.util.List;

import org.l2o4j.core.config.Checks;
import org.l2o4j.core.config.ConfigException;
import org.l2o4j.core.mdp.FeaturePreset;
import org.l2o4j.core.training.TrainingHeader;
import org.l2o4j.policysearch.PolicyParameters;

/**
 * The settings of CMA-ES training of Li &amp; Malik's policy ({@code kind: cmaes-training}): the policy and MDP, the
 * random subspace the search runs in, Commons Math's CMA-ES, the fitness minibatch and the budget in problem-steps.
 *
 * @param trainSplit             the split whose first {@code conditions} functions are used
 * @param conditions             how many, at least 1 (default: Li &amp; Malik's 90); the last {@code validationFunctions} of them are held
 *                               out to choose the best mean, the others are the training functions
 * @param validationFunctions    functions held out from the training split for validation
 * @param preset                 feature preset, {@code paper} or {@code released-code}
 * @param historyLength          H
 * @param hiddenUnits            the policy's hidden softplus units
 * @param horizon                T, steps per episode
 * @param subspaceDimension      k, the dimension of the random subspace of the weights that CMA-ES searches
 * @param initialSigma           CMA-ES's initial step size σ₀; a subspace direction has entries N(0, 1/k), so σ is
 *                               the standard deviation each weight is perturbed by, as ES's σ
 * @param population             λ, candidates per generation; 0 = CMA-ES's default 4 + ⌊3 ln k⌋
 * @param functionsPerGeneration training functions every candidate of a generation is scored on (cycling)
 * @param relativeCost           whether a step's cost is f(x_t)/f(x_0) instead of f(x_t)
 * @param divergedCostFactor     a diverged function's cost per step, in units of f(x_0)
 * @param normalizationStepSize  the gradient-descent step whose visited states fit the input normalization
 * @param initialPolicy          {@code fresh} (θ₀ a new network from the trainer's seed, the normalization fitted) or
 *                               a policy checkpoint file whose weights are θ₀ and whose normalization is kept
 * @param problemSteps           the budget: no generation starts whose problem-steps would take the run past it
 * @param validateEveryGenerations validation cadence (and after generation 0 and the last)
 * @param checkpoints            checkpoints per run: one at the first generation past each 1/checkpoints of the
 *                               budget, and one at the end
 */
public record CmaEsSettings(String trainSplit, int conditions, int validationFunctions, String preset,
        int historyLength, int hiddenUnits, int horizon, int subspaceDimension, double initialSigma, int population,
        int functionsPerGeneration, boolean relativeCost, double divergedCostFactor, double normalizationStepSize,
        String initialPolicy, long problemSteps, int validateEveryGenerations, int checkpoints) {

    /**
     * Li &amp; Malik's policy and MDP; CMA-ES in a 200-dimensional subspace with σ₀ = 0.01 (the scale of a fresh
     * policy's weights), 10 functions per candidate, GPS's budget of 720,000 problem-steps.
     */
    public static final CmaEsSettings DEFAULTS = new CmaEsSettings("train",
            TrainingHeader.LI_MALIK_TRAINING_FUNCTIONS, 10, FeaturePreset.RELEASED_CODE,
            FeaturePreset.DEFAULT_HISTORY_LENGTH, 50, 40, 200, 0.01, 0, 10, true, 10, 1.0, PolicyParameters.FRESH,
            720_000, 10, 10);

    public CmaEsSettings {
        Checks.positive("conditions", conditions);
        Checks.positive("validationFunctions", validationFunctions);
        Checks.oneOf("preset", preset, List.of(FeaturePreset.PAPER, FeaturePreset.RELEASED_CODE));
        Checks.positive("historyLength", historyLength);
        Checks.positive("hiddenUnits", hiddenUnits);
        Checks.positive("horizon", horizon);
        Checks.atLeast("subspaceDimension", subspaceDimension, 2);
        Checks.positive("initialSigma", initialSigma);
        if (population < 0 || population == 1) {
            throw new ConfigException("population must be 0 (CMA-ES's default, 4 + floor(3 ln k)) or at least 2, got "
                    + population);
        }
        Checks.positive("functionsPerGeneration", functionsPerGeneration);
        Checks.positive("divergedCostFactor", divergedCostFactor);
        Checks.positive("normalizationStepSize", normalizationStepSize);
        PolicyParameters.checkInitialPolicy(initialPolicy);
        Checks.positive("problemSteps", problemSteps);
        Checks.positive("validateEveryGenerations", validateEveryGenerations);
        Checks.positive("checkpoints", checkpoints);
    }

    /** The feature preset. */
    public FeaturePreset featurePreset() {
        return FeaturePreset.named(preset, historyLength);
    }

    /** λ: {@code population}, or CMA-ES's default 4 + ⌊3 ln k⌋ (Hansen's) when it is 0. */
    public int lambda() {
        return population > 0 ? population : 4 + (int) Math.floor(3 * Math.log(subspaceDimension));
    }
}
