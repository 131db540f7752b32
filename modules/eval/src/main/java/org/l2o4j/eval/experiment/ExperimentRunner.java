package org.l2o4j.eval.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.l2o4j.baselines.tuning.GridSearch;
import org.l2o4j.baselines.tuning.TuningResult;
import org.l2o4j.core.catalog.Catalog;
import org.l2o4j.core.catalog.FunctionSets;
import org.l2o4j.core.catalog.OptimizerProvider;
import org.l2o4j.core.config.ConfigException;
import org.l2o4j.core.engine.Engine;
import org.l2o4j.core.engine.LocalEngine;
import org.l2o4j.core.optimizer.Optimizer;
import org.l2o4j.core.problem.Problem;
import org.l2o4j.core.problem.ProblemFamily;
import org.l2o4j.core.rollout.ProblemBatch;
import org.l2o4j.core.rollout.RolloutResult;
import org.l2o4j.core.run.RunFolder;
import org.l2o4j.eval.results.BestKnown;
import org.l2o4j.eval.results.OptimizerSummary;
import org.l2o4j.eval.results.ResultsWriter;
import org.l2o4j.eval.results.Suboptimality;
import org.l2o4j.eval.results.Timing;

/**
 * Runs an {@link ExperimentSpec} in the order that keeps the comparison fair:
 * <ol>
 * <li>tune every optimizer on the <em>training</em> functions and write the chosen hyperparameters
 * ({@code tuning.json}) before a single test function is sampled;</li>
 * <li>sample the held-out functions and run every optimizer on all of them (× restarts) as one batch, recording every
 * iteration;</li>
 * <li>find each test function's best known value f* ({@link BestKnown}), summarize, write the results files and the
 * figures, and only then make the run folder visible.</li>
 * </ol>
 */
public final class ExperimentRunner {

    private ExperimentRunner() {
    }

    /**
     * Runs {@code spec} into {@code run} (which the caller commits) on this JVM: tuning on the experiment's threads,
     * evaluation one competitor at a time so that its wall-clock is not shared with another's.
     *
     * @return the outcome, also written into the folder
     */
    public static ExperimentOutcome run(ExperimentSpec spec, RunFolder run, Progress progress, FigureMaker figures) {
        try (LocalEngine tuning = new LocalEngine(spec.threads()); LocalEngine evaluation = new LocalEngine(1)) {
            return run(spec, run, progress, figures, tuning, evaluation);
        }
    }

    /**
     * Runs {@code spec} into {@code run} with its units on the given engines: every grid point of every competitor
     * is one tuning unit, every competitor on the test functions one evaluation unit. Results are the same on every
     * engine; only the wall-clock records depend on where the evaluation units ran.
     *
     * @return the outcome, also written into the folder
     */
    public static ExperimentOutcome run(ExperimentSpec spec, RunFolder run, Progress progress, FigureMaker figures,
            Engine tuningEngine, Engine evaluationEngine) {
        ProblemFamily family = Catalog.family(spec.family(), spec.familyConfig());
        Map<String, Object> resolved = new LinkedHashMap<>();
        resolved.put("experiment", spec);
        resolved.put("familyConfig", family.config());
        run.writeString("config.yaml", org.l2o4j.core.config.Configs.toYaml(resolved));

        List<TuningRecord> tuning = tune(spec, family, progress, tuningEngine);
        run.writeJson("tuning.json", tuning);

        List<Problem> test = FunctionSets.of(spec.family(), spec.familyConfig(), spec.testSplit(), spec.seed());
        EvaluationUnit.Runs runs = EvaluationUnit.Runs.of(test, spec.restarts());
        List<EvaluationUnit> units = new ArrayList<>();
        for (int k = 0; k < tuning.size(); k++) {
            // Re-created from the searched setting; hyperparameters() is a report and may hold derived entries.
            units.add(new EvaluationUnit(spec, k, tuning.get(k).chosen()));
        }
        List<RolloutResult> results;
        try (Progress.Task task = progress.begin("evaluate", units.size())) {
            int[] reported = {0};
            results = evaluationEngine.run("evaluate", units, done -> {
                task.advance(done - reported[0]);
                reported[0] = done;
            });
        }
        int[] runProblem = runs.runProblem();
        List<String> labels = spec.optimizers().stream().map(OptimizerSpec::label).toList();
        List<OptimizerSummary> summaries = OptimizerSummary.of(labels, results, runProblem);
        List<Timing> timings = new ArrayList<>();
        for (int a = 0; a < labels.size(); a++) {
            timings.add(Timing.of(labels.get(a), results.get(a)));
        }
        BestKnown best = BestKnown.of(test, results, runProblem);
        ExperimentOutcome outcome = new ExperimentOutcome(spec, test, runProblem, runs.runRestart(), tuning, results,
                summaries, timings, best, Suboptimality.of(labels, results, runProblem, best.value()));
        ResultsWriter.write(outcome, run);
        figures.draw(outcome, run.resolve("figures"));
        return outcome;
    }

    private static List<TuningRecord> tune(ExperimentSpec spec, ProblemFamily family, Progress progress,
            Engine engine) {
        List<Problem> train = FunctionSets.of(spec.family(), spec.familyConfig(), spec.trainSplit(), spec.seed());
        List<Map<String, List<Object>>> grids = new ArrayList<>();
        for (OptimizerSpec o : spec.optimizers()) {
            grids.add(checkedGrid(o, train.get(0), family.name()));
        }
        List<TuningUnit> units = new ArrayList<>();
        int[] first = new int[grids.size() + 1];
        for (int k = 0; k < grids.size(); k++) {
            first[k] = units.size();
            int settings = TuningUnit.search(spec, k, grids.get(k)).settings().size();
            for (int i = 0; i < settings; i++) {
                units.add(new TuningUnit(spec, k, grids.get(k), i));
            }
        }
        first[grids.size()] = units.size();
        List<GridSearch.Score> scores;
        try (Progress.Task task = progress.begin("tune", units.size())) {
            int[] reported = {0};
            scores = engine.run("tune", units, done -> {
                task.advance(done - reported[0]);
                reported[0] = done;
            });
        }
        List<TuningRecord> out = new ArrayList<>();
        for (int k = 0; k < grids.size(); k++) {
            OptimizerSpec o = spec.optimizers().get(k);
            TuningResult r = TuningUnit.search(spec, k, grids.get(k)).result(scores.subList(first[k], first[k + 1]),
                    spec.tuneSteps());
            out.add(TuningRecord.of(o, grids.get(k), r));
        }
        return out;
    }

    /**
     * The grid an optimizer is tuned over, checked before anything runs: every setting must be a valid
     * configuration, and the optimizer must be able to start on the family (Newton needs Hessians), so a mistake in
     * the last competitor does not surface after the others have been tuned.
     */
    private static Map<String, List<Object>> checkedGrid(OptimizerSpec o, Problem example, String familyName) {
        OptimizerProvider provider = Catalog.optimizerProvider(o.name());
        Map<String, List<Object>> grid = new LinkedHashMap<>();
        if (o.tune()) {
            grid.putAll(o.grid().isEmpty() ? provider.defaultGrid() : o.grid());
        }
        o.hyperparameters().forEach((key, value) -> grid.put(key, List.of(value)));
        List<Optimizer> settings = GridSearch.over(provider, grid).settings().stream()
                .map(setting -> provider.create(setting)).toList();
        try {
            settings.get(0).start(ProblemBatch.startingAt(List.of(example), List.of(example.initialPoint(0))));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("optimizer '" + o.label() + "' cannot run on family '" + familyName + "': "
                    + e.getMessage(), e);
        }
        return grid;
    }
}
