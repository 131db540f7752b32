package org.l2o4j.baselines.optimizers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.l2o4j.core.catalog.Catalog;
import org.l2o4j.core.optimizer.Optimizer;
import org.l2o4j.core.problem.Problem;
import org.l2o4j.core.rollout.Rollout;
import org.l2o4j.core.rollout.RolloutListener;
import org.l2o4j.core.rollout.RolloutResult;
import org.l2o4j.core.testkit.DiagonalQuadratic;

/**
 * The line-search methods stop paying once a problem has converged ({@code Termination}): on Li &amp; Malik's convex
 * families every problem converges to floating-point precision well within 100 iterations (by iteration 40 for L-BFGS,
 * 25 for Newton and 80 for nonlinear CG on these 20 problems), after which an iteration must cost nothing and change
 * nothing.
 */
class ConvergedProblemsCostNothingTest {

    private static final int PROBLEMS = 20;
    private static final int HALF = 100;
    private static final int STEPS = 200;

    /**
     * The largest rise of f allowed from one iteration to the next, relative to |f|. f rises only when
     * {@code StrongWolfe} accepts a step within its rounding band on the derivative (Hager &amp; Zhang's approximate
     * Wolfe conditions), where the true change of f is below the error of computing it: about 1e-14·|f| for these sums
     * over 100 data points (the largest rise seen on 100 problems of each family is 1.9e-14·|f|). 1e-12 leaves a
     * factor 50 for that, and is a factor 100 below the band itself (1e-10), so a step accepted while f genuinely
     * rose would fail.
     */
    private static final double ROUNDING_RISE = 1e-12;

    /**
     * How far below ‖∇f(x₀)‖ the gradient must be at iteration 100: the problems have converged, they were not stopped
     * early. Nonlinear CG is the least precise of the three (4e-8·‖∇f(x₀)‖ at worst; L-BFGS reaches 1e-15, Newton
     * 1e-9).
     */
    private static final double CONVERGED_GRADIENT_RATIO = 1e-6;

    static Stream<Arguments> methodsAndFamilies() {
        return Stream.of("logistic-regression", "robust-linear-regression").flatMap(family -> Stream.of(
                Arguments.of(Lbfgs.NAME, family), Arguments.of(NonlinearConjugateGradient.NAME, family),
                Arguments.of(Newton.NAME, family)));
    }

    private static Optimizer optimizer(String name) {
        return switch (name) {
            case Lbfgs.NAME -> new Lbfgs(Lbfgs.Hyperparameters.DEFAULTS);
            case NonlinearConjugateGradient.NAME ->
                    new NonlinearConjugateGradient(NonlinearConjugateGradient.Hyperparameters.DEFAULTS);
            case Newton.NAME -> new Newton(Newton.Hyperparameters.DEFAULTS);
            default -> throw new IllegalArgumentException(name);
        };
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("methodsAndFamilies")
    void afterConvergenceIterationsCostNothingAndFNeverRisesBeyondRounding(String method, String family) {
        List<Problem> problems = Catalog.family(family, Map.of()).problems("test", 0).subList(0, PROBLEMS);
        List<double[]> starts = problems.stream().map(p -> p.initialPoint(0)).toList();
        RolloutResult r = Rollout.run(optimizer(method), problems, starts,
                Rollout.Options.of(STEPS).withIterates(), RolloutListener.NONE);
        for (int i = 0; i < PROBLEMS; i++) {
            String what = method + " on " + family + " problem " + i;
            assertEquals(-1, r.divergedAt()[i], what);
            assertEquals(r.valueEvaluations()[i][HALF], r.valueEvaluations()[i][STEPS], what + ": f evaluations");
            assertEquals(r.gradientEvaluations()[i][HALF], r.gradientEvaluations()[i][STEPS],
                    what + ": gradient evaluations");
            assertEquals(r.hessianEvaluations()[i][HALF], r.hessianEvaluations()[i][STEPS],
                    what + ": Hessian evaluations");
            for (int t = 1; t <= STEPS; t++) {
                double before = r.objective()[i][t - 1];
                assertTrue(r.objective()[i][t] <= before + ROUNDING_RISE * Math.abs(before),
                        what + ": f rose from " + before + " to " + r.objective()[i][t] + " at iteration " + t);
            }
            assertArrayEquals(r.iterates()[i][HALF], r.iterates()[i][STEPS], 0.0, what + ": the point moved");
            assertEquals(r.objective()[i][HALF], r.objective()[i][STEPS], 0.0, what);
            assertTrue(r.gradientNorm()[i][HALF] <= CONVERGED_GRADIENT_RATIO * r.gradientNorm()[i][0],
                    what + ": stopped early, ‖∇f‖ = " + r.gradientNorm()[i][HALF] + " from "
                            + r.gradientNorm()[i][0]);
        }
    }

    /** At an exact minimizer there is nothing to do: no evaluation, and for Newton no Hessian, is charged. */
    @Test
    void aZeroGradientCostsNothing() {
        double[] center = {1, -2, 3};
        DiagonalQuadratic q = new DiagonalQuadratic(new double[] {1, 10, 100}, center, center);
        for (String method : List.of(Lbfgs.NAME, NonlinearConjugateGradient.NAME, Newton.NAME)) {
            RolloutResult r = Rollout.run(optimizer(method), List.of(q), List.of(center.clone()),
                    Rollout.Options.of(5), RolloutListener.NONE);
            assertEquals(r.gradientEvaluations()[0][0], r.gradientEvaluations()[0][5], method);
            assertEquals(r.valueEvaluations()[0][0], r.valueEvaluations()[0][5], method);
            assertEquals(0, r.hessianEvaluations()[0][5], method);
        }
    }
}
