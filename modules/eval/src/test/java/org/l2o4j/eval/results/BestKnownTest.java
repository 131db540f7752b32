package org.l2o4j.eval.results;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.l2o4j.core.catalog.Catalog;
import org.l2o4j.core.problem.Problem;
import org.l2o4j.core.rollout.Rollout;
import org.l2o4j.core.rollout.RolloutResult;
import org.l2o4j.eval.results.BestKnown.Source;

/**
 * f* by each route against a known answer: a closed form taken as declared; a convex function without a declared
 * minimum solved to its analytic minimum; logistic regression's solver value equal to Newton's; a non-convex function's
 * best value over methods and restarts.
 */
class BestKnownTest {

    /** f(x) = Σ_j e^{x_j} + e^{−2x_j}: convex, minimized at e^{3x} = 2, min f = d · 1.5 · 2^{1/3}. */
    private record ExpPair(int dimension, boolean declaresConvex) implements Problem {
        @Override
        public String formula() {
            return "exp-pair";
        }

        @Override
        public double value(double[] x, int offset) {
            double f = 0;
            for (int j = 0; j < dimension; j++) {
                f += Math.exp(x[offset + j]) + Math.exp(-2 * x[offset + j]);
            }
            return f;
        }

        @Override
        public double valueAndGradient(double[] x, int xOffset, double[] gradient, int gradientOffset) {
            for (int j = 0; j < dimension; j++) {
                double v = x[xOffset + j];
                gradient[gradientOffset + j] = Math.exp(v) - 2 * Math.exp(-2 * v);
            }
            return value(x, xOffset);
        }

        @Override
        public double[] initialPoint(int restart) {
            double[] x = new double[dimension];
            java.util.Arrays.fill(x, 2.0 + restart);
            return x;
        }

        @Override
        public Map<String, Object> export() {
            return Map.of("formula", formula());
        }

        @Override
        public boolean convex() {
            return declaresConvex;
        }
    }

    @Test
    void convexFunctionIsSolvedToItsAnalyticMinimum() {
        List<Problem> test = List.of(new ExpPair(4, true));
        BestKnown best = BestKnown.of(test, List.of(RecordedRuns.of(new double[][] {{50, 40}})), new int[] {0});
        assertEquals(Source.CONVEX_SOLVER, best.source()[0]);
        assertEquals(4 * 1.5 * Math.cbrt(2), best.value()[0], 1e-12);
        assertTrue(best.solverGradientNorm()[0] <= BestKnown.CONVERGED * best.value()[0]);
        assertTrue(best.solverIterations()[0] > 0);
    }

    @Test
    void nonConvexTakesTheLowestValueOverMethodsRestartsAndSteps() {
        List<Problem> test = List.of(new ExpPair(2, false), new ExpPair(2, false));
        int[] runProblem = {0, 0, 1, 1};
        RolloutResult a = RecordedRuns.of(new double[][] {{9, 7}, {9, 6}, {9, Double.NaN}, {9, 8}});
        RolloutResult b = RecordedRuns.of(new double[][] {{9, 6.5}, {9, 5.5}, {9, 8.5}, {9, 9}});
        BestKnown best = BestKnown.of(test, List.of(a, b), runProblem);
        assertArrayEquals(new double[] {5.5, 8}, best.value(), 0.0);
        assertEquals(Source.BEST_REACHED, best.commonSource());
        assertTrue(Double.isNaN(best.solverGradientNorm()[0]), "no solver ran");
        assertEquals("2 by best value reached by any method", best.describe());
    }

    @Test
    void closedFormIsTakenAsDeclared() {
        List<Problem> test = Catalog.family("renn-quadratic", Map.of()).problems("test", 3).subList(0, 2);
        BestKnown best = BestKnown.of(test, List.of(RecordedRuns.of(new double[][] {{9, 7}, {9, 6}})), new int[] {0, 1});
        assertArrayEquals(new double[] {0, 0}, best.value(), 0.0);
        assertEquals(Source.CLOSED_FORM, best.commonSource());
    }

    @Test
    void logisticRegressionSolverValueEqualsNewtonsFixedPoint() {
        List<Problem> test = Catalog.family("logistic-regression", Map.of()).problems("test", 20160606).subList(0, 5);
        List<double[]> starts = test.stream().map(p -> p.initialPoint(0)).toList();
        RolloutResult newton = Rollout.run(Catalog.optimizer("newton", Map.of()), test, starts, Rollout.Options.of(60),
                (t, steps) -> { });
        int[] runProblem = {0, 1, 2, 3, 4};
        BestKnown best = BestKnown.of(test, List.of(RecordedRuns.of(new double[][] {{9}, {9}, {9}, {9}, {9}})), runProblem);
        for (int i = 0; i < test.size(); i++) {
            assertEquals(Source.CONVEX_SOLVER, best.source()[i]);
            assertEquals(newton.objective()[i][60], best.value()[i], 1e-12, "function " + i);
        }
    }
}
