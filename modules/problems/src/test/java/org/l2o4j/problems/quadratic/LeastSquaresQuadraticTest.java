package org.l2o4j.problems.quadratic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.junit.jupiter.api.Test;
import org.l2o4j.core.catalog.Catalog;
import org.l2o4j.core.config.ConfigException;
import org.l2o4j.core.problem.Split;
import org.l2o4j.core.random.Seeds;
import org.l2o4j.core.testkit.ProblemContract;

class LeastSquaresQuadraticTest {

    @Test
    void valueAndGradientMatchMatrixFormulas() {
        LeastSquaresQuadraticFamily family = new LeastSquaresQuadraticFamily(LeastSquaresQuadraticConfig.DEFAULTS);
        LeastSquaresQuadratic p = family.sample(41);
        Map<String, Object> e = p.export();
        RealMatrix w = new Array2DRowRealMatrix((double[][]) e.get("W"));
        RealVector y = new ArrayRealVector((double[]) e.get("y"));
        double[] theta = Seeds.gaussian(Seeds.rng(42), 10);
        RealVector residual = w.operate(new ArrayRealVector(theta)).subtract(y);
        double[] g = new double[10];
        double f = p.valueAndGradient(theta, g);
        assertEquals(residual.dotProduct(residual), f, 1e-12 * f);
        ProblemContract.assertClose(w.transpose().operate(residual).mapMultiply(2).toArray(), g, 1e-13, "gradient");
        double[] h = new double[100];
        p.hessian(theta, 0, h);
        RealMatrix expected = w.transpose().multiply(w).scalarMultiply(2);
        for (int a = 0; a < 10; a++) {
            for (int b = 0; b < 10; b++) {
                assertEquals(expected.getEntry(a, b), h[a * 10 + b], 1e-12);
            }
        }
    }

    @Test
    void uniformVariantDrawsFromTheUnitInterval() {
        LeastSquaresQuadratic p = (LeastSquaresQuadratic) Catalog.family("quadratic",
                Map.of("distribution", "uniform", "initScale", 0.01)).sample(3);
        double[][] w = (double[][]) p.export().get("W");
        double sum = 0;
        for (double[] row : w) {
            for (double v : row) {
                assertTrue(v >= 0 && v < 1, "entry " + v);
                sum += v;
            }
        }
        assertEquals(0.5, sum / 100, 5 * Math.sqrt(1.0 / 12 / 100), "mean of 100 U[0,1) entries");
        for (double v : p.initialPoint(0)) {
            assertTrue(Math.abs(v) < 0.06, "theta0 ~ N(0, 0.01^2), got " + v);
        }
    }

    @Test
    void splitsAreTrainValidationTest() {
        assertEquals(List.of(new Split("train", 100), new Split("validation", 20), new Split("test", 100)),
                Catalog.family("quadratic", Map.of()).splits());
        assertEquals(7, Catalog.family("quadratic", Map.of("dimension", 7)).sample(1).dimension());
    }

    @Test
    void unknownDistributionIsNamed() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> Catalog.family("quadratic", Map.of("distribution", "cauchy")));
        assertTrue(e.getMessage().contains("'cauchy'") && e.getMessage().contains("uniform"), e.getMessage());
    }
}
