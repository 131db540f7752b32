package org.l2o4j.eval.results;

import java.io.BufferedWriter;
import java.io.IOException;
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
 * <li>{@code summary.json}: the per-optimizer {@link OptimizerSummary}s, how f* was found and each optimizer's
 * {@link Suboptimality}; deterministic;</li>
 * <li>{@code best-known.csv}: f* per test function and its {@link BestKnown.Source};</li>
 * <li>{@code profiles.csv}: performance and data profiles at each tolerance ({@link Profiles});</li>
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
        BestKnown best = outcome.bestKnown();
        AtomicFiles.write(run.resolve("best-known.csv"), tmp -> {
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                w.write("problem,best_known,source,solver_gradient_norm,solver_iterations\n");
                for (int i = 0; i < best.value().length; i++) {
                    w.write(i + "," + best.value()[i] + ',' + best.source()[i] + ',' + best.solverGradientNorm()[i]
                            + ',' + best.solverIterations()[i] + '\n');
                }
            }
        });
        List<Profiles.AtTolerance> profiles = Profiles.of(labels, outcome.results(), outcome.runProblem(),
                best.value(), outcome.testProblems().get(0).dimension());
        AtomicFiles.write(run.resolve("profiles.csv"), tmp -> {
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                w.write("tolerance,profile,optimizer,x,fraction_solved\n");
                for (Profiles.AtTolerance p : profiles) {
                    writeCurves(w, p.tolerance(), "performance", p.performance());
                    writeCurves(w, p.tolerance(), "data", p.data());
                }
            }
        });
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("experiment", outcome.spec().name());
        summary.put("family", outcome.spec().family());
        summary.put("testSplit", outcome.spec().testSplit());
        summary.put("testFunctions", outcome.testProblems().size());
        summary.put("restarts", outcome.spec().restarts());
        summary.put("steps", outcome.spec().evaluateSteps());
        summary.put("confidenceLevel", OptimizerSummary.LEVEL);
        summary.put("optimizers", outcome.summaries());
        Map<String, Object> bestKnown = new LinkedHashMap<>();
        bestKnown.put("found", best.describe());
        bestKnown.put("solverTolerance", BestKnown.CONVERGED);
        summary.put("bestKnown", bestKnown);
        summary.put("suboptimality", outcome.suboptimality());
        run.writeJson("summary.json", summary);
        Map<String, Object> timing = new LinkedHashMap<>();
        timing.put("note", "wall-clock seconds of optimizer steps (objective and gradient included), batch time "
                + "shared evenly over the runs of the batch; differs from run to run");
        timing.put("optimizers", outcome.timings());
        run.writeJson("timing.json", timing);
    }

    private static void writeCurves(BufferedWriter w, double tolerance, String profile, List<Profiles.Curve> curves)
            throws IOException {
        for (Profiles.Curve c : curves) {
            for (int k = 0; k < c.x().length; k++) {
                w.write(tolerance + "," + profile + ',' + c.label() + ',' + c.x()[k] + ',' + c.fraction()[k] + '\n');
            }
        }
    }
}
