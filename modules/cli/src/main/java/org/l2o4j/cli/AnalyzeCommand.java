package org.l2o4j.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.l2o4j.analysis.dynamics.FixedPoints;
import org.l2o4j.analysis.dynamics.NetworkCell;
import org.l2o4j.analysis.policy.PolicyAnalysis;
import org.l2o4j.analysis.report.ComparisonCurves;
import org.l2o4j.analysis.report.RecurrentAnalysis;
import org.l2o4j.core.catalog.Catalog;
import org.l2o4j.core.config.ConfigException;
import org.l2o4j.core.mdp.FeatureDrivenOptimizer;
import org.l2o4j.core.optimizer.Optimizer;
import org.l2o4j.core.problem.Problem;
import org.l2o4j.core.problem.TwiceDifferentiable;
import org.l2o4j.core.run.AtomicFiles;
import org.l2o4j.core.run.Provenance;
import org.l2o4j.core.training.BoundTraining;
import org.l2o4j.core.training.TrainedOptimizer;
import org.l2o4j.core.training.TrainingFolder;
import org.l2o4j.eval.experiment.ExperimentSpec;
import org.l2o4j.eval.experiment.Progress;
import org.l2o4j.policy.LearnedPolicyProvider;
import org.l2o4j.policy.recurrent.RecurrentCheckpoint;
import org.l2o4j.policy.recurrent.RecurrentLearnedOptimizer;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code l2o analyze RUN_FOLDER}: reverse engineering of a trained recurrent optimizer (Maheswaranathan et al. 2021;
 * analysis.md) on the held-out functions of its evaluation experiment, written into the run folder's {@code analysis/}
 * (staged and moved into place when complete, replacing an earlier analysis).
 */
@Command(name = "analyze", description = "Reverse-engineer a trained optimizer "
        + "(Maheswaranathan et al. 2021): for a recurrent one, test runs, fixed points, linearization and momentum "
        + "per mode with its replay, update functions, the autonomous learning-rate schedule and the S-curve; for a "
        + "policy on a history of features (Li & Malik), the effective learning rate along a run, update functions "
        + "and the response to a constant gradient. Numbers and figures in RUN_FOLDER/analysis/.")
final class AnalyzeCommand implements Callable<Integer> {

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "RUN_FOLDER", description = "a training run folder of a recurrent optimizer "
            + "(bptt-training: renn-quadratic-gru, l2l-quadratic-lstm, l2l-mnist-lstm, ...)")
    private Path folder;

    @Option(names = "--experiment", paramLabel = "EXPERIMENT", description = "comparison experiment whose held-out "
            + "functions are analysed (default: the run's 'evaluation')")
    private String experiment;

    @Option(names = "--problems", paramLabel = "N", defaultValue = "32", description = "held-out functions to run "
            + "(default: ${DEFAULT-VALUE})")
    private int problems;

    @Option(names = "--steps", paramLabel = "T", description = "steps of the test runs, the replay and the "
            + "learning-rate schedule (default: the experiment's evaluateSteps)")
    private Integer steps;

    @Option(names = "--starts", paramLabel = "N", defaultValue = "505", description = "starts of the fixed-point "
            + "search, taken evenly from the visited states (default: ${DEFAULT-VALUE}, renn's 101 steps x 5)")
    private int starts;

    @Option(names = "--gradient-range", paramLabel = "R", description = "update functions on [-R, R] (default: 0.5, "
            + "renn's, for a recurrent optimizer; the 99th percentile of the gradients met for a policy)")
    private Double gradientRangeOption;

    @Option(names = "--s-curve-range", paramLabel = "R", description = "constant gradients of the S-curve in [-R, R] "
            + "(default: the gradient range)")
    private Double sCurveRange;

    @Option(names = "--eigenvalue-range", split = ",", paramLabel = "MIN,MAX", description = "the task's Hessian "
            + "eigenvalue range for the optimal heavy ball (default: from the Hessians of the analysed functions at "
            + "their starts when they are all positive definite, e.g. quadratics; else none)")
    private List<Double> eigenvalueRange;

    @Option(names = "--comparison", paramLabel = "RUN_FOLDER", description = "a comparison run (l2o evaluate) whose "
            + "results.csv gives every optimizer's mean +- std curve, the paper's first figure")
    private Path comparison;

    @Option(names = "--out", paramLabel = "DIR", description = "where to write (default: RUN_FOLDER/analysis)")
    private Path out;

    @Option(names = "--no-progress", description = "do not draw progress bars")
    private boolean noProgress;

    @Override
    public Integer call() {
        boolean gradientRangeGiven = gradientRangeOption != null;
        double gradientRange = gradientRangeGiven ? gradientRangeOption : 0.5;
        BoundTraining b = BoundTraining.bind(TrainingFolder.readFile(folder), "the training file of " + folder);
        TrainedOptimizer trained = b.trainer().trainedOptimizer(folder);
        boolean recurrent = trained.optimizer().equals(RecurrentLearnedOptimizer.LSTM_NAME)
                || trained.optimizer().equals(RecurrentLearnedOptimizer.GRU_NAME);
        if (!recurrent && !trained.optimizer().equals(LearnedPolicyProvider.NAME)) {
            throw new ConfigException(folder + " holds a " + b.header().kind() + " run, whose optimizer ("
                    + trained.optimizer() + ") is neither a recurrent network nor a policy on a history of "
                    + "features; analyze takes the runs of bptt-training (renn-quadratic-gru, l2l-quadratic-lstm, ...) "
                    + "and of the policy trainers (GPS, ES, PES, PPO, MLP-BPTT, CEM, CMA-ES)");
        }
        Path checkpoint = Path.of(String.valueOf(trained.hyperparameters().get("checkpoint")));
        String name = experiment != null ? experiment : b.header().evaluation();
        if (name == null || name.isEmpty()) {
            throw new ConfigException(folder + "'s training file names no 'evaluation'; name the experiment whose "
                    + "held-out functions to analyse with --experiment");
        }
        ExperimentSpec evaluation = Experiments.read(Experiments.locate(name), List.of());
        if (problems < 1 || starts < 1 || !(gradientRange > 0) || (steps != null && steps < 2)
                || (sCurveRange != null && !(sCurveRange > 0))) {
            throw new ConfigException("--problems and --starts must be >= 1, --steps >= 2, and the ranges > 0");
        }
        List<Problem> test = Catalog.family(evaluation.family(), evaluation.familyConfig())
                .problems(evaluation.testSplit(), evaluation.seed());
        if (test.isEmpty()) {
            throw new ConfigException("experiment '" + name + "' has no held-out functions to analyse");
        }
        List<Problem> analysed = test.subList(0, Math.min(problems, test.size()));
        double[] range = eigenvalueRange != null ? checkedRange(eigenvalueRange) : hessianRange(analysed);
        RecurrentAnalysis.Settings settings = new RecurrentAnalysis.Settings(problems,
                steps != null ? steps : evaluation.evaluateSteps(), 512, starts, FixedPoints.Settings.RENN,
                gradientRange, 1001, 4, 7, 41, sCurveRange != null ? sCurveRange : gradientRange, range);
        Path target = out != null ? out : folder.resolve("analysis");
        Path staging = target.resolveSibling("." + target.getFileName() + ".partial");
        Progress progress = noProgress ? Progress.NONE : new ProgressBars(System.err);
        String label = trained.label();
        Map<String, Object> summary;
        try {
            AtomicFiles.deleteTree(staging);
            Files.createDirectories(staging);
            if (recurrent) {
                summary = RecurrentAnalysis.run(new NetworkCell(RecurrentCheckpoint.load(checkpoint).kernel()),
                        analysed, settings, label, staging, progress);
            } else {
                Optimizer policy = Catalog.optimizer(trained.optimizer(), trained.hyperparameters());
                if (!(policy instanceof FeatureDrivenOptimizer featureDriven)) {
                    throw new ConfigException(trained.optimizer() + " of " + folder + " is not a rule on features");
                }
                PolicyAnalysis.Settings defaults = PolicyAnalysis.Settings.defaults(settings.steps());
                summary = PolicyAnalysis.run(featureDriven, analysed, new PolicyAnalysis.Settings(problems,
                        settings.steps(), gradientRangeGiven ? gradientRange : Double.NaN, 101,
                        defaults.constantGradients()), label, staging, progress);
            }
            if (comparison != null) {
                summary.put("comparison", ComparisonCurves.write(ComparisonCurves.read(comparison),
                        evaluation.name() + ": test loss, mean ± std over runs", staging));
                AtomicFiles.writeJson(staging.resolve("summary.json"), summary);
            }
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("runFolder", folder.toAbsolutePath().toString());
            record.put("checkpoint", checkpoint.toAbsolutePath().toString());
            record.put("experiment", evaluation.name());
            record.put("settings", settings);
            record.put("comparison", comparison == null ? null : comparison.toAbsolutePath().toString());
            AtomicFiles.writeJson(staging.resolve("settings.json"), record);
            AtomicFiles.writeJson(staging.resolve("provenance.json"), Provenance.capture(b.header().name()
                    + "-analysis", b.header().seed(), spec.commandLine().getCommandName() + " " + folder));
            AtomicFiles.deleteTree(target);
            Files.move(staging, target);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the analysis into " + target + " (" + e + "); choose a "
                    + "writable folder with --out", e);
        } finally {
            try {
                AtomicFiles.deleteTree(staging);
            } catch (IOException e) {
                System.err.println("l2o: could not remove " + staging + ": " + e.getMessage());
            }
        }
        if (recurrent) {
            printSummary(summary, target, spec.commandLine().getOut());
        } else {
            printPolicySummary(summary, target, spec.commandLine().getOut());
        }
        return 0;
    }

    private static double[] checkedRange(List<Double> values) {
        if (values.size() != 2 || !(values.get(0) > 0) || !(values.get(1) >= values.get(0))) {
            throw new ConfigException("--eigenvalue-range takes MIN,MAX with 0 < MIN <= MAX, got " + values);
        }
        return new double[] {values.get(0), values.get(1)};
    }

    /** The smallest and largest Hessian eigenvalue over the functions at their starts, or null if not all PD. */
    private static double[] hessianRange(List<Problem> problems) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (Problem p : problems) {
            if (!(p instanceof TwiceDifferentiable twice)) {
                return null;
            }
            int d = p.dimension();
            double[] h = new double[d * d];
            twice.hessian(p.initialPoint(0), 0, h);
            double[][] rows = new double[d][d];
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    rows[i][j] = 0.5 * (h[i * d + j] + h[j * d + i]);
                }
            }
            for (double v : new EigenDecomposition(new Array2DRowRealMatrix(rows, false)).getRealEigenvalues()) {
                if (!(v > 0)) {
                    return null;
                }
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        return new double[] {lo, hi};
    }

    @SuppressWarnings("unchecked")
    private static void printPolicySummary(Map<String, Object> summary, Path target, java.io.PrintWriter out) {
        Map<String, Object> rate = (Map<String, Object>) summary.get("effectiveLearningRate");
        Map<String, Object> constant = (Map<String, Object>) summary.get("constantGradient");
        out.printf(java.util.Locale.ROOT, "%s on %s held-out functions, %s steps (features: %s)%n",
                summary.get("optimizer"), summary.get("testFunctions"), summary.get("steps"),
                summary.get("featurePreset"));
        out.printf(java.util.Locale.ROOT, "effective learning rate (median over coordinates): %.4g at the first "
                + "step, peak %.4g at step %s, %.4g at the last%n", rate.get("medianAtFirstStep"),
                rate.get("peakMedian"), rate.get("peakStep"), rate.get("medianAtLastStep"));
        out.printf(java.util.Locale.ROOT, "constant gradient: Spearman(steady rate, c) %.3f%n",
                constant.get("spearmanSteadyRateVsC"));
        out.println();
        out.println("analysis written to " + target);
        out.flush();
    }

    @SuppressWarnings("unchecked")
    private static void printSummary(Map<String, Object> summary, Path target, java.io.PrintWriter out) {
        Map<String, Object> fixed = (Map<String, Object>) summary.get("fixedPoints");
        Map<String, Object> momentum = (Map<String, Object>) summary.get("momentum");
        Map<String, Object> replay = (Map<String, Object>) summary.get("replay");
        Map<String, Object> schedule = (Map<String, Object>) summary.get("learningRateSchedule");
        Map<String, Object> sCurve = (Map<String, Object>) summary.get("sCurve");
        Map<String, Object> update = (Map<String, Object>) summary.get("updateFunctions");
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(java.util.Locale.ROOT, "%s on %s held-out functions, %s steps%n",
                summary.get("optimizer"), summary.get("testFunctions"), summary.get("steps")));
        sb.append(String.format(java.util.Locale.ROOT, "convergence point: q = %.3g (%s distinct fixed points); "
                + "largest |eigenvalue| %.4f%n", fixed.get("convergencePointSpeed"), fixed.get("distinctFixedPoints"),
                momentum.get("largestAbsEigenvalue")));
        double[] beta = (double[]) momentum.get("dominantBeta");
        double[] alpha = (double[]) momentum.get("dominantAlpha");
        sb.append(String.format(java.util.Locale.ROOT, "dominant mode: beta = %.4f%+.4fi, alpha = %.4f%+.4fi",
                beta[0], beta[1], alpha[0], alpha[1]));
        if (momentum.containsKey("optimalAlpha")) {
            sb.append(String.format(java.util.Locale.ROOT, "  (optimal heavy ball: alpha* = %.4f, beta* = %.4f)",
                    momentum.get("optimalAlpha"), momentum.get("optimalBeta")));
        }
        sb.append(String.format(java.util.Locale.ROOT, "%nreplay of the linearization: final mean %.4g vs the "
                + "optimizer's %.4g%n", replay.get("replayFinalMean"), replay.get("learnedFinalMean")));
        sb.append(String.format(java.util.Locale.ROOT, "update function at h0: rate %.4g, linearity at |g| = R "
                + "%.3f%n", update.get("rateAtInitialState"), update.get("linearityAtRangeEnd")));
        sb.append(String.format(java.util.Locale.ROOT, "learning-rate schedule: %.4g at t = 0, peak %.4g at t = %s, "
                + "%.4g at the end (decay R^2 %.3f)%n", schedule.get("initialRate"), schedule.get("peakRate"),
                schedule.get("peakStep"), schedule.get("finalRate"), schedule.get("decayR2")));
        sb.append(String.format(java.util.Locale.ROOT, "S-curve: Spearman(rate, |g|) %.3f (g > 0), %.3f (g < 0)%n",
                sCurve.get("spearmanRateVsAbsGradientPositiveArm"),
                sCurve.get("spearmanRateVsAbsGradientNegativeArm")));
        sb.append("\nanalysis written to ").append(target).append('\n');
        out.print(sb);
        out.flush();
    }
}
