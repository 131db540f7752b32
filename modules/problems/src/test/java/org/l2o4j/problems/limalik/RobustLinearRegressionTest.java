package org.l2o4j.problems.limalik;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.junit.jupiter.api.Test;
import org.l2o4j.core.catalog.Catalog;
import org.l2o4j.core.config.ConfigException;

class RobustLinearRegressionTest {

    /**
     * Residuals 1 and 3 at θ = 0 with c = 1: f = (1/2 + 9/10)/2 = 0.7; ρ'(1) = 2/4 = 0.5, ρ'(3) = 6/100 = 0.06,
     * so ∇f = −(1/2)(0.5·a_1 + 0.06·a_2, 0.5 + 0.06).
     */
    @Test
    void closedFormAtKnownResiduals() {
        RobustLinearRegression p = new RobustLinearRegression(new double[][] {{1, 0, 0}, {0, 1, 0}},
                new double[] {1, 3}, 1, 1, 1);
        double[] g = new double[4];
        assertEquals(0.7, p.valueAndGradient(new double[4], g), 1e-15);
        assertArrayEquals(new double[] {-0.25, -0.03, 0, -0.28}, g, 1e-15);
        double[] h = new double[16];
        p.hessian(new double[4], 0, h);
        assertEquals(0.5 * (2.0 * (1 - 3) / 8), h[0], 1e-15, "rho''(1) = 2(1 - 3)/2^3 = -0.5, over n = 2");
        assertEquals(0.5 * (2.0 * (1 - 27) / 1000), h[5], 1e-15, "rho''(3) = 2(1 - 27)/10^3");
    }

    @Test
    void lossIsBoundedByOne() {
        RobustLinearRegression p = new RobustLinearRegression(new double[][] {{1}}, new double[] {1e8}, 1, 1, 1);
        assertTrue(p.value(new double[2]) <= 1);
        assertEquals(1, p.value(new double[2]), 1e-15);
    }

    /** With no noise every cluster's targets are exactly affine in its points, each with its own projection. */
    @Test
    void noiselessTargetsAreAffinePerCluster() {
        RobustLinearRegressionFamily f = (RobustLinearRegressionFamily) Catalog.family("robust-linear-regression",
                Map.of("noiseStd", 0));
        Map<String, Object> e = f.sample(21).export();
        double[][] a = (double[][]) e.get("features");
        double[] y = (double[]) e.get("targets");
        assertEquals(100, a.length);
        double[] firstProjection = null;
        for (int k = 0; k < 4; k++) {
            RealMatrix design = new Array2DRowRealMatrix(25, 4);
            RealVector target = new ArrayRealVector(25);
            for (int i = 0; i < 25; i++) {
                for (int j = 0; j < 3; j++) {
                    design.setEntry(i, j, a[25 * k + i][j]);
                }
                design.setEntry(i, 3, 1);
                target.setEntry(i, y[25 * k + i]);
            }
            RealVector fit = new QRDecomposition(design).getSolver().solve(target);
            assertEquals(0, design.operate(fit).subtract(target).getNorm(), 1e-9, "cluster " + k);
            if (firstProjection == null) {
                firstProjection = fit.toArray();
            } else {
                assertTrue(Math.abs(fit.getEntry(0) - firstProjection[0]) > 1e-6, "clusters share a projection");
            }
        }
        assertEquals(120, f.split("train").size());
        assertEquals(100, f.split("test").size());
    }

    /** The noise is drawn whatever σ is, so y(σ=1) − y(σ=0) is the ε; mean ε² over 100 has sd √(2/100) ≈ 0.14. */
    @Test
    void noiseLevelIsApplied() {
        RobustLinearRegressionFamily quiet = (RobustLinearRegressionFamily) Catalog.family(
                "robust-linear-regression", Map.of("noiseStd", 0));
        RobustLinearRegressionFamily loud = (RobustLinearRegressionFamily) Catalog.family(
                "robust-linear-regression", Map.of("noiseStd", 1.0));
        double[] y0 = (double[]) quiet.sample(5).export().get("targets");
        double[] y1 = (double[]) loud.sample(5).export().get("targets");
        double sq = 0;
        for (int i = 0; i < y0.length; i++) {
            sq += (y1[i] - y0[i]) * (y1[i] - y0[i]);
        }
        assertEquals(1.0, sq / y0.length, 5 * Math.sqrt(2.0 / 100), "noise variance over 100 draws");
    }

    @Test
    void negativeNoiseIsNamed() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> Catalog.family("robust-linear-regression", Map.of("noiseStd", -0.5)));
        assertTrue(e.getMessage().contains("noiseStd") && e.getMessage().contains("-0.5"), e.getMessage());
    }
}
