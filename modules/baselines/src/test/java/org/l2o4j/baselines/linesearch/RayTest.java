package org.l2o4j.baselines.linesearch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.l2o4j.core.catalog.Catalog;
import org.l2o4j.core.problem.Problem;
import org.l2o4j.core.rollout.ProblemBatch;
import org.l2o4j.core.testkit.DiagonalQuadratic;

class RayTest {

    @Test
    void theBatchIsChargedExactlyTheEvaluationsTheSearchReports() {
        List<Problem> rosenbrocks = Catalog.family("rosenbrock", Map.of()).problems("test", 0).subList(0, 2);
        Problem rosenbrock = rosenbrocks.get(1);
        ProblemBatch batch = ProblemBatch.startingAt(rosenbrocks, List.of(new double[] {0, 0}, new double[] {-1.2, 1}));
        Ray ray = new Ray(batch, 1);
        double[] g = batch.gradient();
        double slope = 0;
        for (int j = 0; j < 2; j++) {
            ray.direction()[j] = -g[2 + j];
            slope -= g[2 + j] * g[2 + j];
        }
        long values = batch.valueEvaluations(1);
        long gradients = batch.gradientEvaluations(1);
        long otherGradients = batch.gradientEvaluations(0);

        LineSearchResult r = new StrongWolfe(1e-4, 0.1, 20).search(ray, batch.values()[1], slope, 1.0);

        assertEquals(r.evaluations(), batch.valueEvaluations(1) - values);
        assertEquals(r.evaluations(), batch.gradientEvaluations(1) - gradients);
        assertEquals(otherGradients, batch.gradientEvaluations(0), "no other problem is charged");
        assertEquals(LineSearchResult.Outcome.STRONG_WOLFE, r.outcome());
        assertArrayEquals(new double[] {-1.2, 1}, new double[] {batch.x()[2], batch.x()[3]}, 0.0,
                "the iterate does not move until accepted");

        ray.moveToLastEvaluated();
        double[] expected = {-1.2 + r.step() * ray.direction()[0], 1 + r.step() * ray.direction()[1]};
        assertArrayEquals(expected, new double[] {batch.x()[2], batch.x()[3]}, 0.0);
        assertEquals(r.value(), batch.values()[1], 0.0);
        assertEquals(r.value(), rosenbrock.value(expected), 0.0);
        assertEquals(r.evaluations(), batch.gradientEvaluations(1) - gradients, "accepting costs nothing");
    }

    @Test
    void slopeIsTheDirectionalDerivative() {
        DiagonalQuadratic q = new DiagonalQuadratic(new double[] {1, 4}, new double[] {0, 0}, new double[] {1, 1});
        ProblemBatch batch = ProblemBatch.startingAt(List.of(q), List.of(new double[] {1, 1}));
        Ray ray = new Ray(batch, 0);
        ray.direction()[0] = -1;
        ray.direction()[1] = -2;
        double[] out = new double[2];
        ray.evaluate(0.25, out);
        // x = (0.75, 0.5): f = ½(0.5625 + 4·0.25) = 0.78125; ∇f = (0.75, 2); slope = −0.75 − 4 = −4.75.
        assertEquals(0.78125, out[0], 1e-15);
        assertEquals(-4.75, out[1], 1e-15);
    }
}
