package org.l2o4j.baselines.optimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.l2o4j.core.catalog.Catalog;
import org.l2o4j.core.problem.Problem;
import org.l2o4j.core.rollout.Rollout;
import org.l2o4j.core.rollout.RolloutListener;
import org.l2o4j.core.rollout.RolloutResult;

/**
 * Two independent routes to the same optimum: L-BFGS (first-order, line search) and Newton (analytic Hessian) must
 * agree on the minimizer of Li &amp; Malik's regularized logistic regression, which is strictly convex (λ = 5e-4 on
 * the weights; the bias term is convex and, with both classes present, bounded below), so the optimum is unique.
 */
class LogisticRegressionOptimumTest {

    @Test
    void lbfgsAndNewtonReachTheSameOptimum() {
        List<Problem> problems = Catalog.family("logistic-regression", Map.of()).problems("test", 3).subList(0, 5);
        List<double[]> starts = problems.stream().map(p -> p.initialPoint(0)).toList();
        RolloutResult lbfgs = Rollout.run(new Lbfgs(Lbfgs.Hyperparameters.DEFAULTS), problems, starts,
                Rollout.Options.of(200).withIterates(), RolloutListener.NONE);
        RolloutResult newton = Rollout.run(new Newton(Newton.Hyperparameters.DEFAULTS), problems, starts,
                Rollout.Options.of(50).withIterates(), RolloutListener.NONE);
        for (int i = 0; i < problems.size(); i++) {
            double[] a = lbfgs.iterates()[i][200];
            double[] b = newton.iterates()[i][50];
            for (int j = 0; j < a.length; j++) {
                assertEquals(b[j], a[j], 1e-8, "problem " + i + ", coordinate " + j);
            }
            assertEquals(newton.objective()[i][50], lbfgs.objective()[i][200], 1e-12);
            assertTrue(newton.gradientNorm()[i][50] < 1e-10, "Newton's gradient norm " + newton.gradientNorm()[i][50]);
        }
    }
}
