package org.l2o4j.baselines.optimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.l2o4j.baselines.DenseQuadratic;
import org.l2o4j.core.catalog.Catalog;
import org.l2o4j.core.optimizer.Optimizer;
import org.l2o4j.core.optimizer.OptimizerState;
import org.l2o4j.core.problem.Problem;
import org.l2o4j.core.rollout.ProblemBatch;
import org.l2o4j.core.rollout.Rollout;
import org.l2o4j.core.rollout.RolloutListener;
import org.l2o4j.core.rollout.RolloutResult;

/** L-BFGS and nonlinear CG: finite termination on quadratics, Rosenbrock, behaviour at a minimizer. */
class LineSearchMethodsTest {

    private static final int N = 8;

    /** The problems module's Rosenbrock function, 2-d with a = 1, b = 100, minimum 0 at (1, 1). */
    private static final Problem ROSENBROCK = Catalog.family("rosenbrock", Map.of()).problems("test", 0).get(0);

    /** A line search exact enough for the n-step termination of conjugate directions (c1 &lt; c2 ≪ 1). */
    private static final double NEAR_EXACT_C1 = 1e-7;
    private static final double NEAR_EXACT_C2 = 1e-6;

    /** The classical start (−1.2, 1), instead of the family's random one. */
    private static List<double[]> classicalStart() {
        return List.of(new double[] {-1.2, 1});
    }

    private static double distanceToMinimizerAfter(Optimizer optimizer, DenseQuadratic problem, int iterations) {
        RolloutResult r = Rollout.run(optimizer, List.of(problem), List.of(problem.initialPoint(0)),
                Rollout.Options.of(iterations).withIterates(), RolloutListener.NONE);
        double[] x = r.iterates()[0][iterations];
        double[] xStar = problem.minimizer();
        double max = 0;
        for (int j = 0; j < x.length; j++) {
            max = Math.max(max, Math.abs(x[j] - xStar[j]));
        }
        return max;
    }

    @Test
    void lbfgsReachesTheMinimizerOfAnNDimensionalQuadraticInAboutNIterations() {
        DenseQuadratic problem = new DenseQuadratic(N, 100.0, 3);
        Lbfgs lbfgs = new Lbfgs(new Lbfgs.Hyperparameters(10, NEAR_EXACT_C1, NEAR_EXACT_C2, 20));
        double error = distanceToMinimizerAfter(lbfgs, problem, N + 2);
        assertTrue(error < 1e-8, "‖x − x*‖∞ = " + error + " after " + (N + 2) + " iterations");
    }

    @Test
    void conjugateGradientReachesTheMinimizerOfAnNDimensionalQuadraticInAboutNIterations() {
        DenseQuadratic problem = new DenseQuadratic(N, 100.0, 3);
        NonlinearConjugateGradient cg = new NonlinearConjugateGradient(
                new NonlinearConjugateGradient.Hyperparameters(NEAR_EXACT_C1, NEAR_EXACT_C2, 20));
        double error = distanceToMinimizerAfter(cg, problem, N + 2);
        assertTrue(error < 1e-8, "‖x − x*‖∞ = " + error + " after " + (N + 2) + " iterations");
    }

    @Test
    void lbfgsSolvesRosenbrockFromTheClassicalStartInUnderAHundredIterations() {
        RolloutResult r = Rollout.run(new Lbfgs(Lbfgs.Hyperparameters.DEFAULTS), List.of(ROSENBROCK),
                classicalStart(), Rollout.Options.of(100), RolloutListener.NONE);
        int first = -1;
        for (int t = 0; t <= 100 && first < 0; t++) {
            if (r.objective()[0][t] < 1e-12) {
                first = t;
            }
        }
        assertTrue(first > 0 && first < 100, "f < 1e-12 first at iteration " + first + "; f(100) = "
                + r.objective()[0][100]);
        assertEquals(-1, r.divergedAt()[0]);
        for (int t = 1; t <= 100; t++) {
            assertTrue(r.objective()[0][t] <= r.objective()[0][t - 1], "a line-search method never increases f");
        }
    }

    @Test
    void conjugateGradientSolvesRosenbrock() {
        NonlinearConjugateGradient cg =
                new NonlinearConjugateGradient(NonlinearConjugateGradient.Hyperparameters.DEFAULTS);
        RolloutResult r = Rollout.run(cg, List.of(ROSENBROCK), classicalStart(), Rollout.Options.of(200),
                RolloutListener.NONE);
        assertTrue(r.objective()[0][200] < 1e-10, "f(200) = " + r.objective()[0][200]);
    }

    /**
     * Past the minimizer no step decreases f: the point must stay finite, and once the method makes no measurable
     * progress it stops spending evaluations ({@code Termination}).
     */
    @Test
    void atAMinimizerInFloatingPointTheIterateStaysFinite() {
        for (Optimizer optimizer : List.<Optimizer>of(new Lbfgs(Lbfgs.Hyperparameters.DEFAULTS),
                new NonlinearConjugateGradient(NonlinearConjugateGradient.Hyperparameters.DEFAULTS))) {
            RolloutResult r = Rollout.run(optimizer, List.of(ROSENBROCK), classicalStart(),
                    Rollout.Options.of(300).withIterates(), RolloutListener.NONE);
            double[] last = r.iterates()[0][300];
            assertEquals(-1, r.divergedAt()[0], optimizer.name());
            assertEquals(1.0, last[0], 1e-7, optimizer.name());
            assertEquals(1.0, last[1], 1e-7, optimizer.name());
            assertFalse(Double.isNaN(r.objective()[0][300]), optimizer.name());
            long lastHundred = r.gradientEvaluations()[0][300] - r.gradientEvaluations()[0][200];
            assertEquals(0, lastHundred, optimizer.name() + " kept paying for failed searches at the minimizer");
            assertTrue(r.gradientEvaluations()[0][300] < 400, optimizer.name() + " spent "
                    + r.gradientEvaluations()[0][300] + " evaluations");
        }
    }

    @Test
    void everyTrialStepIsCharged() {
        ProblemBatch batch = ProblemBatch.startingAt(List.of(ROSENBROCK), classicalStart());
        OptimizerState state = new Lbfgs(Lbfgs.Hyperparameters.DEFAULTS).start(batch);
        long before = batch.gradientEvaluations(0);
        for (int t = 0; t < 30; t++) {
            state.step();
        }
        long spent = batch.gradientEvaluations(0) - before;
        assertEquals(spent, batch.valueEvaluations(0) - before, "each trial is one value and one gradient");
        assertTrue(spent > 30, "30 L-BFGS iterations on Rosenbrock need more than one trial each sometimes: " + spent);
    }
}
