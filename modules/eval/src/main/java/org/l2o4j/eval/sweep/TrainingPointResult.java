package org.l2o4j.eval.sweep;

import java.io.Serializable;
import java.util.Objects;

/**
 * What one point of a training sweep produced.
 *
 * @param evaluation the comparison of the trained optimizer with the evaluation's baselines, and the point's files
 *                   (its training's and its evaluation's run folders)
 * @param training   what the training did
 */
public record TrainingPointResult(PointResult evaluation, PointTraining training) implements Serializable {

    public TrainingPointResult {
        Objects.requireNonNull(evaluation, "evaluation");
        Objects.requireNonNull(training, "training");
    }
}
