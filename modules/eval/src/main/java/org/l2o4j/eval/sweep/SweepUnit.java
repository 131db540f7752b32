package org.l2o4j.eval.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.l2o4j.core.engine.Unit;
import org.l2o4j.core.run.AtomicFiles;
import org.l2o4j.core.run.RunFolder;
import org.l2o4j.eval.experiment.ExperimentOutcome;
import org.l2o4j.eval.experiment.ExperimentRunner;
import org.l2o4j.eval.experiment.FigureMaker;
import org.l2o4j.eval.experiment.Progress;
import org.l2o4j.eval.results.OptimizerSummary;

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
        Path scratch;
        try {
            scratch = Files.createTempDirectory("l2o4j-sweep-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a scratch folder for " + name(), e);
        }
        try {
            ExperimentOutcome outcome;
            Path folder;
            try (RunFolder run = RunFolder.create(scratch, point.spec().name())) {
                outcome = ExperimentRunner.run(point.spec(), run, Progress.NONE, FigureMaker.NONE);
                folder = run.commit();
            }
            List<OptimizerSummary> summaries = outcome.summaries();
            int n = summaries.size();
            double[] finalMean = new double[n];
            double[] finalMedian = new double[n];
            double[] meanOverSteps = new double[n];
            int[] diverged = new int[n];
            for (int k = 0; k < n; k++) {
                OptimizerSummary s = summaries.get(k);
                finalMean[k] = s.finalObjective().estimate();
                finalMedian[k] = s.finalMedian().estimate();
                double[] mean = s.mean().estimate();
                double sum = 0;
                for (double v : mean) {
                    sum += v;
                }
                meanOverSteps[k] = sum / mean.length;
                diverged[k] = s.diverged();
            }
            return new PointResult(files(folder), outcome.labels(), finalMean, finalMedian, meanOverSteps, diverged);
        } finally {
            try {
                AtomicFiles.deleteTree(scratch);
            } catch (IOException e) {
                // A scratch folder left in the temporary directory costs disk, not correctness.
                System.err.println("l2o: could not remove " + scratch + ": " + e.getMessage());
            }
        }
    }

    private static Map<String, byte[]> files(Path folder) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path p : all.filter(Files::isRegularFile).sorted().toList()) {
                out.put(folder.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read back the run of a sweep point from " + folder, e);
        }
        return out;
    }
}
