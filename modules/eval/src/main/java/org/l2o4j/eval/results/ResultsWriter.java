package org.l2o4j.eval.results;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.l2o4j.core.rollout.RolloutResult;
import org.l2o4j.core.run.AtomicFiles;
import org.l2o4j.core.run.RunFolder;
import org.l2o4j.eval.experiment.ExperimentOutcome;

/**
 * Writes an experiment's results into its run folder:
 * <ul>
 * <li>{@code results.csv}: long format, one row per optimizer × run × iteration (objective, gradient norm, function,
 * gradient and Hessian evaluations, diverged flag); deterministic for a given seed;</li>
 * <li>{@code summary.json}: the per-optimizer {@link OptimizerSummary}s; deterministic;</li>
 * <li>{@code paired-differences.csv}: the first competitor minus each other, paired on the test functions, per
 * iteration with 95 % intervals ({@link PairedDifference}), when there are at least two;</li>
 * <li>{@code timing.json} and {@code timing.csv}: wall-clock per iteration, which differs between runs.</li>
 * </ul>
 */
public final class ResultsWriter {

    private ResultsWriter() {
    }

    /** Writes every results file of {@code outcome} into {@code run}. */
    public static void write(ExperimentOutcome outcome, RunFolder run) {
        List<String> labels = outcome.labels();
        AtomicFiles.write(run.resolve("results.csv"), tmp -> {
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                w.write("optimizer,problem,restart,step,objective,gradient_norm,value_evaluations,"
                        + "gradient_evaluations,hessian_evaluations,diverged\n");
                for (int a = 0; a < labels.size(); a++) {
                    RolloutResult r = outcome.results().get(a);
                    for (int i = 0; i < r.problems(); i++) {
                        int div = r.divergedAt()[i];
                        for (int t = 0; t <= r.steps(); t++) {
                            w.write(labels.get(a) + ',' + outcome.runProblem()[i] + ',' + outcome.runRestart()[i]
                                    + ',' + t + ',' + r.objective()[i][t] + ',' + r.gradientNorm()[i][t] + ','
                                    + r.valueEvaluations()[i][t] + ',' + r.gradientEvaluations()[i][t] + ','
                                    + r.hessianEvaluations()[i][t] + ',' + (div >= 0 && t >= div ? 1 : 0) + '\n');
                        }
                    }
                }
            }
        });
        AtomicFiles.write(run.resolve("timing.csv"), tmp -> {
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                w.write("optimizer,problem,restart,step,wall_seconds\n");
                for (int a = 0; a < labels.size(); a++) {
                    RolloutResult r = outcome.results().get(a);
                    for (int i = 0; i < r.problems(); i++) {
                        for (int t = 0; t <= r.steps(); t++) {
                            w.write(labels.get(a) + ',' + outcome.runProblem()[i] + ',' + outcome.runRestart()[i]
                                    + ',' + t + ',' + r.wallSeconds()[i][t] + '\n');
                        }
                    }
                }
            }
        });
        if (labels.size() > 1) {
            AtomicFiles.write(run.resolve("paired-differences.csv"), tmp -> {
                try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                    w.write("reference,against,step,mean_difference,low,high,functions\n");
                    for (PairedDifference d : PairedDifference.of(labels, outcome.results(), outcome.runProblem())) {
                        for (int t = 0; t < d.mean().length; t++) {
                            w.write(d.reference() + ',' + d.against() + ',' + t + ',' + d.mean()[t] + ',' + d.low()[t]
                                    + ',' + d.high()[t] + ',' + d.count()[t] + '\n');
                        }
                    }
                }
            });
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("experiment", outcome.spec().name());
        summary.put("family", outcome.spec().family());
        summary.put("testSplit", outcome.spec().testSplit());
        summary.put("testFunctions", outcome.testProblems().size());
        summary.put("restarts", outcome.spec().restarts());
        summary.put("steps", outcome.spec().evaluateSteps());
        summary.put("confidenceLevel", OptimizerSummary.LEVEL);
        summary.put("optimizers", outcome.summaries());
        run.writeJson("summary.json", summary);
        Map<String, Object> timing = new LinkedHashMap<>();
        timing.put("note", "wall-clock seconds of optimizer steps (objective and gradient included), batch time "
                + "shared evenly over the runs of the batch; differs from run to run");
        timing.put("optimizers", outcome.timings());
        run.writeJson("timing.json", timing);
    }
}
