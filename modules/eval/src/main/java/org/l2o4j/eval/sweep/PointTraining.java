package org.l2o4j.eval.sweep;

import java.io.Serializable;
import java.util.Objects;

/**
 * What the training of a training sweep's point did, read from its run folder (the latest checkpoint and the log's
 * problem-steps at it, the count {@code l2o learning-curve} places checkpoints by), and how long the point took.
 *
 * @param unit              the trainer's unit of work, e.g. {@code iteration} or {@code epoch}
 * @param units             units done: the latest checkpoint's step
 * @param problemSteps      problem-steps the training spent up to that checkpoint
 * @param trainingSeconds   wall-clock of the training (a timing: it depends on where the unit ran)
 * @param evaluationSeconds wall-clock of the evaluation, tuning of the baselines included (a timing too)
 */
public record PointTraining(String unit, long units, long problemSteps, double trainingSeconds,
        double evaluationSeconds) implements Serializable {

    public PointTraining {
        Objects.requireNonNull(unit, "unit");
    }
}
