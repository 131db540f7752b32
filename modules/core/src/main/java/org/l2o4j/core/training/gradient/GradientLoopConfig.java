package org.l2o4j.core.training.gradient;

import org.l2o4j.core.config.Checks;
import org.l2o4j.core.config.ConfigException;

/**
 * The settings of {@link GradientMetaTrainer}, the outer loop every gradient-based trainer shares.
 *
 * @param epochs                epochs in the whole run (the budget)
 * @param problemSteps          a ceiling on the problem-steps the run spends, counted as the loop counts them (set-up,
 *                              estimates, validations): an epoch is the last when another one like it and a final
 *                              validation would pass the ceiling, so a run of epochs of equal cost stops inside it;
 *                              {@link #NO_CEILING} for none
 * @param metaLearningRate      Adam's step on θ
 * @param beta1                 Adam's β₁
 * @param beta2                 Adam's β₂
 * @param epsilon               Adam's ε
 * @param clipElementwise       if &gt; 0, each meta-gradient component is clipped to [−c, c] first; 0 disables
 * @param clipGlobalNorm        if &gt; 0, the meta-gradient is then rescaled to at most this Euclidean norm; 0 disables
 * @param validateEveryEpochs   θ is validated before training, every K epochs and after the last
 * @param checkpointEveryEpochs a run with a folder checkpoints every this many epochs and after the last
 */
public record GradientLoopConfig(int epochs, long problemSteps, double metaLearningRate, double beta1, double beta2, double epsilon,
        double clipElementwise, double clipGlobalNorm, int validateEveryEpochs, int checkpointEveryEpochs) {

    /** No ceiling on problem-steps: the run lasts {@code epochs}. */
    public static final long NO_CEILING = Long.MAX_VALUE;

    public GradientLoopConfig {
        Checks.positive("epochs", epochs);
        if (problemSteps < 1) {
            throw new ConfigException("problemSteps must be >= 1 (a ceiling on the problem-steps spent), got "
                    + problemSteps);
        }
        Checks.positive("metaLearningRate", metaLearningRate);
        Checks.decay("beta1", beta1);
        Checks.decay("beta2", beta2);
        Checks.positive("epsilon", epsilon);
        Checks.nonNegative("clipElementwise", clipElementwise);
        Checks.nonNegative("clipGlobalNorm", clipGlobalNorm);
        Checks.positive("validateEveryEpochs", validateEveryEpochs);
        Checks.positive("checkpointEveryEpochs", checkpointEveryEpochs);
    }
}
