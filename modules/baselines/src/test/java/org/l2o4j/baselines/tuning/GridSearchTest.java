package org.l2o4j.baselines.tuning;

import org.l2o4j.baselines.Grids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.l2o4j.baselines.optimizers.GradientDescent;
import org.l2o4j.baselines.optimizers.Momentum;
import org.l2o4j.core.config.ConfigException;
import org.l2o4j.core.problem.Problem;
import org.l2o4j.core.testkit.DiagonalQuadratic;

class GridSearchTest {

    private static List<Problem> quadratics(double... curvatures) {
        List<Problem> out = new ArrayList<>();
        for (double a : curvatures) {
            out.add(new DiagonalQuadratic(new double[] {a}, new double[] {0.5}, new double[] {2.0}));
        }
        return out;
    }

    private static List<double[]> starts(List<Problem> problems) {
        return problems.stream().map(p -> p.initialPoint(0)).toList();
    }

    @Test
    void picksTheStepThatSolvesAUnitCurvatureQuadraticInOneIteration() {
        List<Problem> problems = quadratics(1.0, 1.0);
        TuningResult r = GridSearch.over(new GradientDescent.Provider(), Map.of("learningRate", List.of(0.1, 1.0, 3.0)))
                .run(problems, starts(problems), 20);

        assertEquals(1.0, r.chosen().get("learningRate"));
        assertEquals(Criterion.MEAN_OBJECTIVE_OVER_HORIZON, r.criterion());
        assertEquals("gradient-descent", r.optimizer());
        assertEquals(3, r.rows().size());
        // lr = 1: f(x0) = ½·1.5² = 1.125, then 0 for t = 1..20: mean 1.125 / 21.
        TuningResult.Row best = r.best();
        assertEquals(Map.of("learningRate", 1.0), best.setting());
        assertEquals(1.125 / 21, best.score(), 1e-15);
        assertEquals(0, best.diverged());
        // lr = 3 multiplies the error by −2 per step: f grows 4× per step and trips the divergence rule.
        TuningResult.Row three = r.rows().get(2);
        assertEquals(2, three.diverged());
        assertTrue(Double.isNaN(three.score()));
        assertEquals(3, three.rank());
        assertEquals(2, r.rows().get(0).rank());
    }

    @Test
    void settingsThatDivergeRankAfterEverySettingThatDoesNot() {
        // Curvatures 1 and 0.1. lr = 10 solves the 0.1 problem in one step (the best score of all on what did not
        // diverge) but diverges on the other; lr = 30 diverges on both; lr = 0.1 and 1 diverge on neither.
        List<Problem> problems = quadratics(1.0, 0.1);
        TuningResult r = GridSearch.over(new GradientDescent.Provider(),
                Map.of("learningRate", List.of(30.0, 10.0, 0.1, 1.0))).run(problems, starts(problems), 40);

        Map<Double, TuningResult.Row> byRate = new LinkedHashMap<>();
        for (TuningResult.Row row : r.rows()) {
            byRate.put((Double) row.setting().get("learningRate"), row);
        }
        assertEquals(1, byRate.get(10.0).diverged());
        assertEquals(2, byRate.get(30.0).diverged());
        assertTrue(byRate.get(10.0).score() < byRate.get(1.0).score(),
                "lr=10 scores best on the problem it did not diverge on");
        assertEquals(1, byRate.get(1.0).rank());
        assertEquals(2, byRate.get(0.1).rank());
        assertEquals(3, byRate.get(10.0).rank());
        assertEquals(4, byRate.get(30.0).rank());
        assertEquals(1.0, r.chosen().get("learningRate"));
    }

    @Test
    void theFinalObjectiveCriterionScoresOnlyTheLastIterate() {
        List<Problem> problems = quadratics(0.5);
        TuningResult r = GridSearch.over(new GradientDescent.Provider(), Map.of("learningRate", List.of(0.5)))
                .criterion(Criterion.MEAN_FINAL_OBJECTIVE).run(problems, starts(problems), 10);
        // Error × (1 − 0.25) per step: f_T = f0 · 0.75^(2T) with f0 = ¼·1.5².
        assertEquals(0.25 * 2.25 * Math.pow(0.75, 20), r.best().score(), 1e-15);
    }

    @Test
    void theResultDoesNotDependOnTheNumberOfThreads() {
        List<Problem> problems = new ArrayList<>();
        for (int k = 0; k < 6; k++) {
            problems.add(new DiagonalQuadratic(new double[] {0.1 * (k + 1), 1.0, 2.5}, new double[] {k, -1, 0.5},
                    new double[] {1.5, 2.0, -k}));
        }
        GridSearch search = GridSearch.overDefaultGrid(new Momentum.Provider());
        List<Integer> progress = new ArrayList<>();
        TuningResult one = search.threads(1).onProgress(progress::add).run(problems, starts(problems), 30);
        TuningResult two = search.threads(2).run(problems, starts(problems), 30);

        assertEquals(one, two);
        int settings = Grids.LEARNING_RATES.size() * Grids.MOMENTA.size();
        assertEquals(settings, one.rows().size());
        List<Integer> expected = new ArrayList<>();
        for (int k = 1; k <= settings; k++) {
            expected.add(k);
        }
        assertEquals(expected, progress);
    }

    @Test
    void settingsAreTheCartesianProductInAlphabeticalKeyOrder() {
        Map<String, List<Object>> grid = new LinkedHashMap<>();
        grid.put("learningRate", List.of(0.1, 0.2));
        grid.put("beta", List.of(0.5, 0.9, 0.99));
        List<Map<String, Object>> settings = GridSearch.over(new Momentum.Provider(), grid).settings();
        assertEquals(6, settings.size());
        assertEquals(Map.of("beta", 0.5, "learningRate", 0.1), settings.get(0));
        assertEquals(Map.of("beta", 0.5, "learningRate", 0.2), settings.get(1));
        assertEquals(Map.of("beta", 0.99, "learningRate", 0.2), settings.get(5));
        assertEquals(List.of(Map.of()), GridSearch.over(new Momentum.Provider(), Map.of()).settings());
    }

    @Test
    void aBadGridFailsBeforeAnythingRuns() {
        List<Problem> problems = quadratics(1.0);
        ConfigException unknown = assertThrows(ConfigException.class,
                () -> GridSearch.over(new GradientDescent.Provider(), Map.of("learningrate", List.of(0.1)))
                        .run(problems, starts(problems), 5));
        assertTrue(unknown.getMessage().contains("learningrate"), unknown.getMessage());
        assertThrows(ConfigException.class,
                () -> GridSearch.over(new GradientDescent.Provider(), Map.of("learningRate", List.of())));
        assertEquals(Criterion.MEAN_FINAL_OBJECTIVE, Criterion.fromKey("final-objective"));
        assertEquals(Criterion.MEAN_OBJECTIVE_OVER_HORIZON, Criterion.fromKey("mean-objective"));
        ConfigException criterion = assertThrows(ConfigException.class, () -> Criterion.fromKey("median"));
        assertTrue(criterion.getMessage().contains("mean-objective"), criterion.getMessage());
    }
}
