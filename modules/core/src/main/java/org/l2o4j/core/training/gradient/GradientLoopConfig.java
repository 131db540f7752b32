package org.l2o4j.core.training.gradient;

import org.l2o4j.core.config.Checks;

/**
 * The settings of {@link GradientMetaTrainer}, the outer loop every gradient-based trainer shares.
 *
 * @param epochs                epochs in the whole run (the budget)
 * @param metaLearningRate      Adam's step on θ
 * @param beta1                 Adam's β₁
 * @param beta2                 Adam's β₂
 * @param epsilon               Adam's ε
 * @param clipElementwise       if &gt; 0, each meta-gradient component is clipped to [−c, c] first; 0 disables
 * @param clipGlobalNorm        if &gt; 0, the meta-gradient is then rescaled to at most this Euclidean norm; 0 disables
 * @param validateEveryEpochs   θ is validated before training, every K epochs and after the last
 * @param checkpointEveryEpochs a run with a folder checkpoints every this many epochs and after the last
 */
public record GradientLoopConfig(int epochs, double metaLearningRate, double beta1, double beta2, double epsilon,
        double clipElementwise, double clipGlobalNorm, int validateEveryEpochs, int checkpointEveryEpochs) {

    public GradientLoopConfig {
        Checks.positive("epochs", epochs);
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
