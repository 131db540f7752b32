package org.l2o4j.eval.experiment;

import java.nio.file.Path;

/**
 * Draws the figures of a finished experiment into a folder. Kept as an interface so that evaluation does not depend
 * on a charting library; the {@code plot} module supplies the implementation the CLI uses.
 */
@FunctionalInterface
public interface FigureMaker {

    /** Draws nothing. */
    FigureMaker NONE = (outcome, folder) -> { };

    /** Writes the figures of {@code outcome} into {@code folder}. */
    void draw(ExperimentOutcome outcome, Path folder);
}
