package org.l2o4j.rl4j.dqn;

import java.util.List;

import org.l2o4j.core.config.Checks;
import org.l2o4j.core.config.ConfigException;
import org.l2o4j.core.mdp.FeaturePreset;
import org.l2o4j.core.training.TrainingHeader;

/**
 * The settings of DQN training of a step-size controller (policy-search.md, "RL4J step-size control"): the action
 * picks a multiplier m of the base step −α∇f (α the tuned gradient-descent step); RL4J's {@code QLearningDiscreteDense}
 * learns Q on the MDP's scaled observation with reward −f(x_{t+1}).
 *
 * @param trainSplit      the split whose first {@code conditions} functions are the training functions
 * @param conditions      how many, at least 1 (default: Li &amp; Malik's 90)
 * @param preset          feature preset (the gradient must be in the observation: {@code paper})
 * @param historyLength   H
 * @param horizon         T, steps per episode
 * @param baseStepSize    α of the base step −α∇f
 * @param multipliers     the actions: m·α for each m
 * @param rounds          rounds of DQN training (the budget; a checkpoint after each)
 * @param stepsPerRound   DQN steps (MDP transitions) per round; ε decays and the replay memory fills anew each round
 * @param hiddenNodes     units per hidden layer of the Q-network
 * @param layers          hidden layers
 * @param learningRate    Adam's step on the Q-network
 * @param gamma           the discount of DQN's targets
 * @param batchSize       replay minibatch
 * @param targetUpdate    steps between target-network updates
 * @param minEpsilon      ε at the end of each round's decay (over half its steps)
 */
public record DqnSettings(String trainSplit, int conditions, String preset, int historyLength, int horizon,
        double baseStepSize, List<Double> multipliers, int rounds, int stepsPerRound, int hiddenNodes, int layers,
        double learningRate, double gamma, int batchSize, int targetUpdate, double minEpsilon) {

    /** policy-search.md's action set {0, ¼, ½, 1, 2, 4} × the tuned gradient step of li-malik-logreg (α = 1). */
    public static final DqnSettings DEFAULTS = new DqnSettings("train",
            TrainingHeader.LI_MALIK_TRAINING_FUNCTIONS, FeaturePreset.PAPER,
            FeaturePreset.DEFAULT_HISTORY_LENGTH, 40, 1.0, List.of(0.0, 0.25, 0.5, 1.0, 2.0, 4.0), 10, 2000, 64, 2,
            1e-3, 0.99, 32, 100, 0.1);

    public DqnSettings {
        Checks.positive("conditions", conditions);
        Checks.oneOf("preset", preset, List.of(FeaturePreset.PAPER, FeaturePreset.RELEASED_CODE));
        Checks.positive("historyLength", historyLength);
        Checks.positive("horizon", horizon);
        Checks.positive("baseStepSize", baseStepSize);
        multipliers = List.copyOf(multipliers);
        if (multipliers.isEmpty()) {
            throw new ConfigException("multipliers must name at least one action, e.g. [0.5, 1, 2]");
        }
        for (double m : multipliers) {
            Checks.nonNegative("multipliers[]", m);
        }
        Checks.positive("rounds", rounds);
        Checks.positive("stepsPerRound", stepsPerRound);
        Checks.positive("hiddenNodes", hiddenNodes);
        Checks.positive("layers", layers);
        Checks.positive("learningRate", learningRate);
        Checks.between("gamma", gamma, 0, 1);
        Checks.positive("batchSize", batchSize);
        Checks.positive("targetUpdate", targetUpdate);
        Checks.between("minEpsilon", minEpsilon, 0, 1);
    }

    /** The feature preset. */
    public FeaturePreset featurePreset() {
        return FeaturePreset.named(preset, historyLength);
    }
}
