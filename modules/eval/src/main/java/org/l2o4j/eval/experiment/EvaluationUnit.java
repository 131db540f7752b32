package org.l2o4j.eval.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.l2o4j.core.catalog.Catalog;
import org.l2o4j.core.catalog.FunctionSets;
import org.l2o4j.core.config.Configs;
import org.l2o4j.core.engine.Unit;
import org.l2o4j.core.problem.Problem;
import org.l2o4j.core.rollout.Rollout;
import org.l2o4j.core.rollout.RolloutResult;

/**
 * One competitor, with its tuned setting, on every held-out function and restart, as one batch: the experiment's
 * evaluation for that competitor.
 *
 * @param spec      the experiment
 * @param optimizer the competitor's index in {@code spec.optimizers()}
 * @param setting   its tuned setting (what the search chose, re-created here)
 */
record EvaluationUnit(ExperimentSpec spec, int optimizer, Map<String, Object> setting)
        implements Unit<RolloutResult> {

    EvaluationUnit {
        setting = new LinkedHashMap<>(setting);
    }

    @Override
    public String name() {
        return "evaluate " + spec.optimizers().get(optimizer).label();
    }

    @Override
    public RolloutResult run() {
        List<Problem> test = FunctionSets.of(spec.family(), spec.familyConfig(), spec.testSplit(), spec.seed());
        Runs runs = Runs.of(test, spec.restarts());
        Rollout.Options options = test.get(0).dimension() == 2
                ? Rollout.Options.of(spec.evaluateSteps()).withIterates() : Rollout.Options.of(spec.evaluateSteps());
        RolloutResult r = Rollout.run(Catalog.optimizer(spec.optimizers().get(optimizer).name(), setting),
                runs.problems(), runs.starts(), options, (step, steps) -> { });
        // As plain JSON values, so that the result can travel between JVMs whatever objects the optimizer reports.
        Map<String, Object> reported = Configs.toMap(r.hyperparameters());
        return new RolloutResult(r.optimizer(), reported, r.objective(), r.gradientNorm(), r.valueEvaluations(),
                r.gradientEvaluations(), r.hessianEvaluations(), r.wallSeconds(), r.divergedAt(), r.iterates());
    }

    /**
     * The runs of an evaluation: every test function with each restart, function-major.
     *
     * @param problems   the function of each run
     * @param starts     its starting point
     * @param runProblem the index of each run's function
     * @param runRestart each run's restart
     */
    record Runs(List<Problem> problems, List<double[]> starts, int[] runProblem, int[] runRestart) {

        static Runs of(List<Problem> test, int restarts) {
            int runs = test.size() * restarts;
            List<Problem> problems = new ArrayList<>(runs);
            List<double[]> starts = new ArrayList<>(runs);
            int[] runProblem = new int[runs];
            int[] runRestart = new int[runs];
            int k = 0;
            for (int i = 0; i < test.size(); i++) {
                for (int r = 0; r < restarts; r++) {
                    problems.add(test.get(i));
                    starts.add(test.get(i).initialPoint(r));
                    runProblem[k] = i;
                    runRestart[k] = r;
                    k++;
                }
            }
            return new Runs(problems, starts, runProblem, runRestart);
        }
    }
}
