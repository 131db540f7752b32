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
 * @param metaL2                λ of a penalty λ‖θ‖² added to every meta-step's loss (its gradient 2λθ before
 *                              clipping; renn's meta-training uses 1e-4); 0 for none
 * @param halvingSteps          Adam's learning rate halves every this many meta-steps (renn: 1,000); 0 for never
 */
public record GradientLoopConfig(int epochs, long problemSteps, double metaLearningRate, double beta1, double beta2,
        double epsilon, double clipElementwise, double clipGlobalNorm, int validateEveryEpochs,
        int checkpointEveryEpochs, double metaL2, long halvingSteps) {

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
        Checks.nonNegative("metaL2", metaL2);
        if (halvingSteps < 0) {
            throw new ConfigException("learningRateHalvingSteps must be >= 0 (0: never), got " + halvingSteps);
        }
    }

    /** The settings without a meta-L2 penalty or a learning-rate schedule. */
    public GradientLoopConfig(int epochs, long problemSteps, double metaLearningRate, double beta1, double beta2,
            double epsilon, double clipElementwise, double clipGlobalNorm, int validateEveryEpochs,
            int checkpointEveryEpochs) {
        this(epochs, problemSteps, metaLearningRate, beta1, beta2, epsilon, clipElementwise, clipGlobalNorm,
                validateEveryEpochs, checkpointEveryEpochs, 0, 0);
    }
}
