package org.l2o4j.eval.sweep;

import java.nio.file.Path;

import org.l2o4j.core.engine.Unit;
import org.l2o4j.core.run.RunFolder;
import org.l2o4j.eval.experiment.ExperimentOutcome;
import org.l2o4j.eval.experiment.ExperimentRunner;
import org.l2o4j.eval.experiment.FigureMaker;
import org.l2o4j.eval.experiment.Progress;

/**
 * One sweep point run end to end where the engine placed it (tuning on the training functions, evaluation on the
 * held-out ones, on that JVM's threads), into a scratch folder whose files travel back; the driver writes them. The
 * point's own figures are not drawn (the sweep draws its figure across points).
 *
 * @param point the experiment at this point
 */
public record SweepUnit(SweepPoint point) implements Unit<PointResult> {

    @Override
    public String name() {
        return "sweep point " + point.label();
    }

    @Override
    public PointResult run() {
        try (Scratch scratch = new Scratch(name())) {
            ExperimentOutcome outcome;
            Path folder;
            try (RunFolder run = RunFolder.create(scratch.path(), point.spec().name())) {
                outcome = ExperimentRunner.run(point.spec(), run, Progress.NONE, FigureMaker.NONE);
                folder = run.commit();
            }
            return PointResult.of(Scratch.files(folder, f -> true), outcome);
        }
    }
}
