package org.l2o4j.core.rollout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.l2o4j.core.problem.Problem;
import org.l2o4j.core.problem.StochasticProblem;
import org.l2o4j.core.testkit.DiagonalQuadratic;
import org.l2o4j.core.testkit.GradientOnly;
import org.l2o4j.core.testkit.ShiftedQuadratic;

class ProblemBatchTest {

    private static final DiagonalQuadratic Q = new DiagonalQuadratic(new double[] {1, 4}, new double[] {1, 2},
            new double[] {0, 0});

    @Test
    void everyKindOfEvaluationIsChargedToItsProblem() {
        ProblemBatch b = ProblemBatch.startingAt(List.of(Q, Q), List.of(new double[] {0, 0}, new double[] {1, 2}));
        assertEquals(1, b.valueEvaluations(0));
        assertEquals(1, b.gradientEvaluations(1));
        assertEquals(0.5 + 8, b.values()[0], 0.0);
        assertEquals(0.0, b.values()[1], 0.0);

        double[] trial = {1, 1};
        double[] g = new double[2];
        assertEquals(2.0, b.evaluateAt(0, trial, 0, g, 0), 0.0);
        assertArrayEquals(new double[] {0, -4}, g, 0.0);
        assertEquals(2.0, b.valueAt(0, trial, 0), 0.0);
        double[] h = new double[4];
        b.hessianAt(0, trial, 0, h);
        assertArrayEquals(new double[] {1, 0, 0, 4}, h, 0.0);
        assertEquals(3, b.valueEvaluations(0));
        assertEquals(2, b.gradientEvaluations(0));
        assertEquals(1, b.hessianEvaluations(0));
        assertEquals(0, b.hessianEvaluations(1));

        b.accept(0, trial, 0, 2.0, g, 0);
        assertArrayEquals(new double[] {1, 1, 1, 2}, b.x(), 0.0);
        assertEquals(2.0, b.values()[0], 0.0);
        assertEquals(3, b.valueEvaluations(0), "accepting an evaluated point is free");
    }

    @Test
    void aHessianOfAProblemWithoutOneIsNamed() {
        Problem noHessian = new GradientOnly("first-order-only", 1);
        ProblemBatch b = ProblemBatch.startingAt(List.of(noHessian), List.of(new double[] {1}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> b.hessianAt(0, new double[] {1}, 0, new double[1]));
        assertTrue(e.getMessage().contains("first-order-only"), e.getMessage());
    }

    @Test
    void theKthGradientEvaluationUsesMinibatchKAndValuesReuseTheLatestOne() {
        ProblemBatch b = ProblemBatch.startingAt(List.of(new ShiftedQuadratic(2)), List.of(new double[] {0, 0}));
        assertEquals(0.0, b.values()[0], 0.0, "the start is draw 0 (example 0)");
        assertEquals(1, b.nextDraw(0));

        b.evaluate(0);
        assertEquals(1.0, b.values()[0], 0.0, "draw 1: ½·2·(0 − 1)²");
        assertArrayEquals(new double[] {-1, -1}, b.gradient(), 0.0);

        double[] origin = {0, 0};
        double[] g = new double[2];
        assertEquals(4.0, b.evaluateAt(0, origin, 0, g, 0), 0.0, "a trial point with a gradient takes draw 2");
        assertArrayEquals(new double[] {-2, -2}, g, 0.0);
        assertEquals(4.0, b.valueAt(0, origin, 0), 0.0, "a value alone is taken on the latest gradient's draw");
        assertEquals(4.0, b.valueAt(0, origin, 0), 0.0, "and does not advance the stream");
        assertEquals(3, b.nextDraw(0));

        b.evaluateActive();
        assertEquals(0.0, b.values()[0], 0.0, "draw 3 is example 0 again");
        assertEquals(4, b.gradientEvaluations(0));
        assertEquals(6, b.valueEvaluations(0));
    }

    @Test
    void everyOptimizerSeesTheSameStreamWhateverItsEvaluationPattern() {
        List<Long> firstOrder = draws(b -> {
            for (int t = 0; t < 4; t++) {
                b.evaluate(0);
            }
        });
        List<Long> lineSearch = draws(b -> {
            double[] point = b.x().clone();
            double[] g = new double[2];
            b.evaluateAt(0, point, 0, g, 0);
            b.valueAt(0, point, 0);
            b.valueAt(0, point, 0);
            b.evaluateAt(0, point, 0, g, 0);
            b.accept(0, point, 0, 0.0, g, 0);
            b.evaluateActive();
            b.valueAt(0, point, 0);
            b.evaluate(0);
        });
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L), firstOrder);
        assertEquals(List.of(0L, 1L, -1L, -1L, 2L, 3L, -3L, 4L), lineSearch,
                "gradient evaluations take draws 0, 1, 2, ... in order; value-only ones (negated) the latest");
    }

    @Test
    void deterministicProblemsShareABatchWithStochasticOnesUnchanged() {
        Problem plain = new GradientOnly("plain", 2);
        ProblemBatch b = ProblemBatch.startingAt(List.of(plain, new ShiftedQuadratic(2)),
                List.of(new double[] {1, 2}, new double[] {1, 2}));
        b.evaluateActive();
        b.evaluateActive();
        assertEquals(5.0, b.values()[0], 0.0);
        assertEquals(0.5 * (1 + 0), b.values()[1], 0.0, "draw 2 of the stochastic problem");
        assertEquals(5.0, b.valueAt(0, new double[] {1, 2}, 0), 0.0);
        assertEquals(3, b.gradientEvaluations(0));
    }

    @Test
    void aDrawIsAProblemOfItsOwnAndTheFullObjectiveIsTheirMean() {
        ShiftedQuadratic s = new ShiftedQuadratic(3);
        double[] x = {0.5, -1, 2};
        double mean = 0;
        for (long k = 0; k < 3; k++) {
            Problem fk = s.atDraw(k);
            double[] g = new double[3];
            assertEquals(s.value(k, x, 0), fk.valueAndGradient(x, g), 0.0);
            assertEquals(x[1] - ShiftedQuadratic.shift(k), g[1], 0.0);
            assertEquals(k, fk.export().get("draw"));
            mean += fk.value(x) / 3;
        }
        assertEquals(mean, s.value(x), 1e-14);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.atDraw(-1));
        assertTrue(e.getMessage().contains("-1") && e.getMessage().contains("shifted-quadratic"), e.getMessage());
    }

    /** The draws a batch asks a one-problem stochastic batch for: k for a gradient evaluation, −k for a value. */
    private static List<Long> draws(Consumer<ProblemBatch> optimizer) {
        List<Long> seen = new ArrayList<>();
        ShiftedQuadratic inner = new ShiftedQuadratic(2);
        StochasticProblem recording = new StochasticProblem() {
            @Override
            public double value(long draw, double[] x, int offset) {
                seen.add(-draw);
                return inner.value(draw, x, offset);
            }

            @Override
            public double valueAndGradient(long draw, double[] x, int xOffset, double[] gradient,
                    int gradientOffset) {
                seen.add(draw);
                return inner.valueAndGradient(draw, x, xOffset, gradient, gradientOffset);
            }

            @Override
            public String formula() {
                return inner.formula();
            }

            @Override
            public int dimension() {
                return 2;
            }

            @Override
            public double value(double[] x, int offset) {
                return inner.value(x, offset);
            }

            @Override
            public double valueAndGradient(double[] x, int xOffset, double[] gradient, int gradientOffset) {
                return inner.valueAndGradient(x, xOffset, gradient, gradientOffset);
            }

            @Override
            public double[] initialPoint(int restart) {
                return inner.initialPoint(restart);
            }

            @Override
            public Map<String, Object> export() {
                return inner.export();
            }
        };
        optimizer.accept(ProblemBatch.startingAt(List.of(recording), List.of(new double[] {0, 0})));
        return seen;
    }
}
