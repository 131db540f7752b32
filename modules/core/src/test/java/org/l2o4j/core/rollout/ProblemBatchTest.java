package org.l2o4j.core.rollout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.l2o4j.core.problem.Problem;
import org.l2o4j.core.testkit.DiagonalQuadratic;
import org.l2o4j.core.testkit.GradientOnly;

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
}
