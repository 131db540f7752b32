package org.l2o4j.baselines.optimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.l2o4j.baselines.DenseQuadratic;
import org.l2o4j.core.problem.Problem;
import org.l2o4j.core.problem.TwiceDifferentiable;
import org.l2o4j.core.rollout.ProblemBatch;
import org.l2o4j.core.rollout.Rollout;
import org.l2o4j.core.rollout.RolloutListener;
import org.l2o4j.core.rollout.RolloutResult;
import org.l2o4j.core.testkit.GradientOnly;

class NewtonTest {

    private static final Newton NEWTON = new Newton(Newton.Hyperparameters.DEFAULTS);

    @Test
    void convergesInOneStepOnAStrictlyConvexQuadratic() {
        DenseQuadratic problem = new DenseQuadratic(6, 1e3, 11);
        RolloutResult r = Rollout.run(NEWTON, List.of(problem), List.of(problem.initialPoint(0)),
                Rollout.Options.of(1).withIterates(), RolloutListener.NONE);
        double[] x = r.iterates()[0][1];
        double[] xStar = problem.minimizer();
        for (int j = 0; j < x.length; j++) {
            assertEquals(xStar[j], x[j], 1e-9, "coordinate " + j);
        }
        // One Hessian and the accepted unit step (one function-and-gradient evaluation).
        assertEquals(1, r.hessianEvaluations()[0][1]);
        assertEquals(1, r.gradientEvaluations()[0][1] - r.gradientEvaluations()[0][0]);
        assertEquals(1, r.valueEvaluations()[0][1] - r.valueEvaluations()[0][0]);
    }

    /** f = ½x² − ½y² + ¼y⁴: a saddle at the origin, minima at (0, ±1); at (1, 0.1) the Hessian is indefinite. */
    private static final class Saddle implements TwiceDifferentiable {
        @Override
        public String formula() {
            return "saddle-test";
        }

        @Override
        public int dimension() {
            return 2;
        }

        @Override
        public double value(double[] p, int o) {
            double x = p[o];
            double y = p[o + 1];
            return 0.5 * x * x - 0.5 * y * y + 0.25 * y * y * y * y;
        }

        @Override
        public double valueAndGradient(double[] p, int o, double[] g, int go) {
            double x = p[o];
            double y = p[o + 1];
            g[go] = x;
            g[go + 1] = -y + y * y * y;
            return value(p, o);
        }

        @Override
        public void hessian(double[] p, int o, double[] h) {
            double y = p[o + 1];
            h[0] = 1;
            h[1] = 0;
            h[2] = 0;
            h[3] = -1 + 3 * y * y;
        }

        @Override
        public double[] initialPoint(int restart) {
            return new double[] {1.0, 0.1};
        }

        @Override
        public Map<String, Object> export() {
            return Map.of("formula", formula());
        }
    }

    @Test
    void stillDecreasesFWhereTheHessianIsIndefinite() {
        Saddle saddle = new Saddle();
        RolloutResult r = Rollout.run(NEWTON, List.of(saddle), List.of(saddle.initialPoint(0)),
                Rollout.Options.of(12).withIterates(), RolloutListener.NONE);
        assertTrue(r.objective()[0][1] < r.objective()[0][0] - 0.01, "the first step must decrease f");
        for (int t = 1; t <= 12; t++) {
            assertTrue(r.objective()[0][t] <= r.objective()[0][t - 1], "f must never increase, t=" + t);
        }
        // Pure Newton would head for the saddle at the origin; the modified one escapes to the minimum (0, 1).
        double[] x = r.iterates()[0][12];
        assertEquals(0.0, x[0], 1e-8);
        assertEquals(1.0, x[1], 1e-8);
        assertEquals(-0.25, r.objective()[0][12], 1e-12);
    }

    @Test
    void refusesProblemsWithoutHessianNamingTheFormulaAndTheWayOut() {
        Problem plain = new GradientOnly("no-hessian-test", 1);
        ProblemBatch batch = ProblemBatch.startingAt(List.of(plain), List.of(new double[] {1}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NEWTON.start(batch));
        assertTrue(e.getMessage().contains("no-hessian-test"), e.getMessage());
        assertTrue(e.getMessage().contains("lbfgs"), e.getMessage());
    }
}
