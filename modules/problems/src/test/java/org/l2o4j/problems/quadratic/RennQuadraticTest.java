package org.l2o4j.problems.quadratic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.junit.jupiter.api.Test;
import org.l2o4j.core.catalog.Catalog;
import org.l2o4j.core.config.ConfigException;
import org.l2o4j.core.random.Seeds;

class RennQuadraticTest {

    private final RennQuadraticFamily family = new RennQuadraticFamily(RennQuadraticConfig.DEFAULTS);

    @Test
    void minimumIsZeroAtTheMinimizer() {
        for (int s = 0; s < 20; s++) {
            RennQuadratic p = family.sample(s);
            double[] xStar = p.minimizer();
            double[] g = new double[5];
            assertEquals(0, p.valueAndGradient(xStar, g), 1e-12);
            for (double gj : g) {
                assertEquals(0, gj, 1e-12);
            }
            assertTrue(p.value(p.initialPoint(0)) > 0);
        }
    }

    @Test
    void hessianEigenvaluesAreTheStoredOnesInTheRange() {
        for (int s = 0; s < 20; s++) {
            RennQuadratic p = family.sample(s);
            double[] h = new double[25];
            p.hessian(new double[5], 0, h);
            double[][] rows = new double[5][];
            for (int r = 0; r < 5; r++) {
                rows[r] = Arrays.copyOfRange(h, 5 * r, 5 * r + 5);
            }
            double[] computed = new EigenDecomposition(new Array2DRowRealMatrix(rows)).getRealEigenvalues();
            double[] stored = p.eigenvalues();
            Arrays.sort(computed);
            Arrays.sort(stored);
            for (int k = 0; k < 5; k++) {
                assertTrue(stored[k] >= 1e-3 && stored[k] <= 1, "eigenvalue " + stored[k]);
                assertEquals(stored[k], computed[k], 1e-12);
            }
        }
    }

    /** The literal form ½xᵀHx + vᵀx + offset, from the export, equals the value computed around x*. */
    @Test
    void valueEqualsTheLiteralFormula() {
        RennQuadratic p = family.sample(7);
        Map<String, Object> e = p.export();
        RealMatrix h = new Array2DRowRealMatrix((double[][]) e.get("hessian"));
        RealVector v = new ArrayRealVector((double[]) e.get("linear"));
        double offset = (Double) e.get("offset");
        RealVector x = new ArrayRealVector(Seeds.gaussian(Seeds.rng(8), 5));
        double literal = 0.5 * x.dotProduct(h.operate(x)) + v.dotProduct(x) + offset;
        assertEquals(literal, p.value(x.toArray()), 1e-9 * (1 + Math.abs(offset)));
        RealVector xStar = new ArrayRealVector(p.minimizer());
        assertEquals(0, h.operate(xStar).add(v).getNorm(), 1e-9, "H x* + v = 0");
    }

    @Test
    void invertedEigenvalueRangeIsRejected() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> Catalog.family("renn-quadratic", Map.of("log10EigenvalueMin", 1)));
        assertTrue(e.getMessage().contains("log10EigenvalueMin (1.0)"), e.getMessage());
    }

    @Test
    void nonOrthogonalRotationIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RennQuadratic(new double[] {1, 1}, new double[][] {{1, 1}, {0, 1}}, new double[2], 0, 1));
        assertTrue(e.getMessage().contains("not orthogonal"), e.getMessage());
    }
}
