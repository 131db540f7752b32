package org.l2o4j.core.training.gradient;

import java.nio.file.Path;
import java.util.Map;

import org.l2o4j.core.optimizer.Optimizer;
import org.l2o4j.core.training.TrainedOptimizer;

/**
 * An estimate of the meta-gradient of a learned optimizer's parameters θ: the part of a gradient-based meta-trainer
 * that differs between algorithms; {@link GradientMetaTrainer} is the rest.
 *
 * <p>Lifecycle: the loop calls {@link #epoch} at the start of every epoch (fresh inner problems and inner state, a pure
 * function of the seed and the epoch number, so that a checkpoint at an epoch boundary is a complete resume point),
 * then {@link Epoch#estimate} {@link #stepsPerEpoch()} times, once per meta-step, each with the θ after the previous
 * meta-step (truncations carry their inner state over within the epoch). Every estimate must be a pure function of
 * (θ, seed, epoch, step): no random generator carries state between epochs, and none depends on the thread count.
 * Close it to release its workers.
 */
public interface GradientEstimator extends AutoCloseable {

    /** The length of θ. */
    int parameterCount();

    /** θ before any meta-step, drawn from the run's seed. */
    double[] initialParameters();

    /** Meta-steps per epoch. */
    int stepsPerEpoch();

    /**
     * Starts epoch {@code epoch} (0-based) at θ.
     *
     * @param theta the parameters at the start of the epoch (some networks draw their initial state from them)
     */
    Epoch epoch(long epoch, double[] theta);

    /** One epoch's sequence of meta-steps. */
    interface Epoch {

        /**
         * The meta-loss of the next truncation at θ, and its meta-gradient estimate written into {@code gradient}. A
         * non-finite loss or gradient makes the loop skip the meta-step and abandon the epoch.
         */
        double estimate(double[] theta, double[] gradient);

        /** The mean objective of the epoch's inner problems after their last step so far; NaN if not known. */
        double finalObjective();

        /** Problem-steps this epoch's estimates have spent so far (evaluations after the inner problems' starts). */
        long problemSteps();
    }

    /** Problem-steps spent before the first estimate (e.g. fitting an input normalization); 0 for none. */
    default long setupProblemSteps() {
        return 0;
    }

    /** The learned optimizer that θ stands for (validated, and saved as the run's result). */
    Optimizer optimizer(double[] theta);

    /**
     * Writes θ as a checkpoint that the optimizer named by {@link #trainedOptimizer} loads.
     *
     * @param provenance where it came from (no time stamps: checkpoints are byte-identical for one seed)
     */
    void saveOptimizer(double[] theta, Path file, Map<String, Object> provenance);

    /** The registered optimizer that loads a file written by {@link #saveOptimizer}. */
    TrainedOptimizer trainedOptimizer(Path file);

    @Override
    void close();
}
