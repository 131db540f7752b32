package org.l2o4j.problems.limalik;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.l2o4j.core.catalog.Catalog;
import org.l2o4j.core.config.ConfigException;
import org.l2o4j.core.random.Seeds;
import org.l2o4j.problems.LogisticKernel;

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

    /** The build runs the tests with {@code --add-modules jdk.incubator.vector}, so on x86 the vector path is on. */
    @Test
    void theBuildSelectsTheVectorKernelOnX86() {
        String arch = System.getProperty("os.arch");
        if (arch.equals("amd64") || arch.equals("x86_64")) {
            assertTrue(LogisticKernel.vectorized(new double[] {1, 2}, 1, new int[] {0, 1}).isPresent(),
                    "surefire's argLine should add jdk.incubator.vector");
        }
    }

    /**
     * The vector kernel against the scalar loops: point counts around the vector width (1, 7, 9, 100, 101), logits
     * from ±0.1 to ±2000 (where e^−|z| underflows), value alone and with the gradient, the l2 term included.
     */
    @ParameterizedTest
    @CsvSource({"1, 3, 0.1", "7, 3, 1", "9, 1, 3", "100, 3, 1", "101, 5, 10", "100, 3, 2000"})
    void vectorKernelEqualsScalarLoops(int points, int features, double scale) {
        RandomGenerator rng = Seeds.rng(points * 1000L + features);
        double[][] rows = new double[points][features];
        int[] labels = new int[points];
        for (int i = 0; i < points; i++) {
            for (int j = 0; j < features; j++) {
                rows[i][j] = rng.nextGaussian();
            }
            labels[i] = rng.nextInt(2);
        }
        LogisticRegression vector = new LogisticRegression(rows, labels, 0.05, 1, 1);
        LogisticRegression scalar = new LogisticRegression(rows, labels, 0.05, 1, 1, false);
        int d = features + 1;
        for (int trial = 0; trial < 20; trial++) {
            double[] x = new double[d + 2];
            for (int j = 0; j < x.length; j++) {
                x[j] = scale * rng.nextGaussian();
            }
            double[] gv = new double[d + 3];
            double[] gs = new double[d + 3];
            double fv = vector.valueAndGradient(x, 2, gv, 3);
            double fs = scalar.valueAndGradient(x, 2, gs, 3);
            assertEquals(fs, fv, 1e-12 * Math.abs(fs), "value");
            assertEquals(fs, vector.value(x, 2), 1e-12 * Math.abs(fs), "value alone");
            double gradientScale = 0;
            for (double g : gs) {
                gradientScale = Math.max(gradientScale, Math.abs(g));
            }
            for (int j = 0; j < gs.length; j++) {
                assertEquals(gs[j], gv[j], 1e-12 * gradientScale, "gradient " + j);
            }
        }
    }

    /** 200 gradient steps from the same start on either path stay within 1e-12 of each other (x and f). */
    @Test
    void gradientDescentTrajectoryDoesNotDependOnThePath() {
        LogisticRegression sampled = family.sample(13);
        double[][] rows = (double[][]) sampled.export().get("features");
        int[] labels = (int[]) sampled.export().get("labels");
        LogisticRegression vector = new LogisticRegression(rows, labels, 0.0005, 13, 1);
        LogisticRegression scalar = new LogisticRegression(rows, labels, 0.0005, 13, 1, false);
        double[] xv = vector.initialPoint(0);
        double[] xs = xv.clone();
        double[] gv = new double[4];
        double[] gs = new double[4];
        for (int step = 0; step < 200; step++) {
            double fv = vector.valueAndGradient(xv, gv);
            double fs = scalar.valueAndGradient(xs, gs);
            assertEquals(fs, fv, 1e-12 * fs, "f at step " + step);
            double norm = 0;
            for (int j = 0; j < 4; j++) {
                norm = Math.max(norm, Math.abs(xs[j]));
                xv[j] -= 0.5 * gv[j];
                xs[j] -= 0.5 * gs[j];
            }
            for (int j = 0; j < 4; j++) {
                assertEquals(xs[j], xv[j], 1e-12 * norm, "x at step " + step);
            }
        }
    }
}
