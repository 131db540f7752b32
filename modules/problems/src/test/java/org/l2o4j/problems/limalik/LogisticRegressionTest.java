package org.l2o4j.problems.limalik;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.l2o4j.core.catalog.Catalog;
import org.l2o4j.core.config.ConfigException;

class LogisticRegressionTest {

    private final LogisticRegressionFamily family = new LogisticRegressionFamily(LogisticRegressionConfig.DEFAULTS);

    @Test
    void atTheOriginEveryPointCostsLogTwo() {
        LogisticRegression p = family.sample(11);
        double[] g = new double[4];
        assertEquals(Math.log(2), p.valueAndGradient(new double[4], g), 1e-15);
        double[][] a = (double[][]) p.export().get("features");
        int[] y = (int[]) p.export().get("labels");
        double bias = 0;
        for (int i = 0; i < y.length; i++) {
            bias += (0.5 - y[i]) / y.length;
        }
        assertEquals(bias, g[3], 1e-15, "d/db at 0 = mean(1/2 - y) = 0 for balanced classes");
        assertEquals(0.0, g[3], 1e-15);
        double w0 = 0;
        for (int i = 0; i < y.length; i++) {
            w0 += (0.5 - y[i]) * a[i][0] / y.length;
        }
        assertEquals(w0, g[0], 1e-15);
    }

    @Test
    void largeLogitsStayFinite() {
        LogisticRegression p = new LogisticRegression(new double[][] {{1}, {-1}}, new int[] {0, 1}, 0, 1, 1);
        double[] g = new double[2];
        double f = p.valueAndGradient(new double[] {1000, 0}, g);
        assertEquals(1000, f, 1e-9, "each point costs softplus(1000) = 1000");
        assertEquals(1.0, g[0], 1e-12);
    }

    @Test
    void biasIsNotRegularized() {
        LogisticRegression p = new LogisticRegression(new double[][] {{0}, {0}}, new int[] {0, 1}, 0.5, 1, 1);
        double dataTerm = (Math.log1p(Math.exp(7)) + Math.log1p(Math.exp(-7))) / 2;
        assertEquals(dataTerm + 0.5 * 0.5 * 2 * 2, p.value(new double[] {2, 7}), 1e-12, "(l2/2) w^2 only");
    }

    @Test
    void dataSetHasFiftyPointsPerClassAndFourParameters() {
        LogisticRegression p = family.sample(12);
        assertEquals(4, p.dimension());
        int[] y = (int[]) p.export().get("labels");
        assertEquals(100, y.length);
        int ones = 0;
        for (int label : y) {
            ones += label;
        }
        assertEquals(50, ones);
        assertEquals(90, family.split("train").size());
        assertEquals(100, family.split("test").size());
    }

    @Test
    void invalidValueIsNamed() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> Catalog.family("logistic-regression", Map.of("pointsPerClass", -5)));
        assertTrue(e.getMessage().contains("pointsPerClass") && e.getMessage().contains("-5"), e.getMessage());
        ConfigException c = assertThrows(ConfigException.class,
                () -> Catalog.family("logistic-regression", Map.of("covariance", "spherical")));
        assertTrue(c.getMessage().contains("'spherical'"), c.getMessage());
    }

    @Test
    void overridesAreApplied() {
        LogisticRegressionFamily f = (LogisticRegressionFamily) Catalog.family("logistic-regression",
                Map.of("featureDimension", 5, "trainProblems", 10));
        assertEquals(6, f.sample(1).dimension());
        assertEquals(10, f.problems("train", 3).size());
    }
}
