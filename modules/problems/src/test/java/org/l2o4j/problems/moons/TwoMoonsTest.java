package org.l2o4j.problems.moons;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.junit.jupiter.api.Test;
import org.l2o4j.core.catalog.Catalog;
import org.l2o4j.core.config.ConfigException;
import org.l2o4j.problems.ProblemSeeds;
import org.l2o4j.problems.limalik.LogisticRegression;

class TwoMoonsTest {

    private static final TwoMoonsFamily DEFAULT_FAMILY = new TwoMoonsFamily(TwoMoonsConfig.DEFAULTS);

    @Test
    void dataSetHasTwoMoonsOf512() {
        MoonsDataset data = MoonsDataset.generate(1024, 0.1, 0);
        int ones = 0;
        for (int i = 0; i < 1024; i++) {
            double[] p = data.features()[i];
            ones += data.labels()[i];
            double noiseBound = 0.6;
            assertTrue(p[0] > -1 - noiseBound && p[0] < 2 + noiseBound, "x = " + p[0]);
            assertTrue(p[1] > -0.5 - noiseBound && p[1] < 1 + noiseBound, "y = " + p[1]);
            double[] center = data.labels()[i] == 0 ? new double[] {0, 0} : new double[] {1, 0.5};
            double radius = Math.hypot(p[0] - center[0], p[1] - center[1]);
            assertEquals(1, radius, noiseBound, "point " + i + " lies near its moon's circle");
        }
        assertEquals(512, ones);
        int onesInFirstHalf = 0;
        for (int i = 0; i < 512; i++) {
            onesInFirstHalf += data.labels()[i];
        }
        assertEquals(256, onesInFirstHalf, 40, "shuffled: hypergeometric count, sd ≈ 8, within 5 sd of 256");
    }

    @Test
    void noiselessMoonsLieOnTheirHalfCircles() {
        MoonsDataset data = MoonsDataset.generate(11, 0, 3);
        int ones = 0;
        for (int i = 0; i < 11; i++) {
            double[] p = data.features()[i];
            int label = data.labels()[i];
            ones += label;
            double cx = label == 0 ? 0 : 1;
            double cy = label == 0 ? 0 : 0.5;
            assertEquals(1, Math.hypot(p[0] - cx, p[1] - cy), 1e-12);
            assertTrue(label == 0 ? p[1] >= -1e-12 : p[1] <= 0.5 + 1e-12, "outer moon is the upper half");
        }
        assertEquals(6, ones, "n_in = n - n/2");
    }

    @Test
    void datasetDependsOnlyOnTheDatasetSeed() {
        MoonsDataset a = MoonsDataset.generate(100, 0.1, 0);
        MoonsDataset b = MoonsDataset.generate(100, 0.1, 0);
        MoonsDataset c = MoonsDataset.generate(100, 0.1, 1);
        assertArrayEquals(a.features(), b.features());
        assertArrayEquals(a.labels(), b.labels());
        assertFalse(a.features()[0][0] == c.features()[0][0]);
        TwoMoonsMlp p = DEFAULT_FAMILY.sample(1);
        TwoMoonsMlp q = DEFAULT_FAMILY.sample(2);
        assertArrayEquals((double[][]) p.export().get("features"), (double[][]) q.export().get("features"));
        assertFalse(p.initialPoint(0)[0] == q.initialPoint(0)[0], "problem seeds draw the initial parameters");
    }

    @Test
    void defaultNetworkHas8577ParametersAndZeroBiases() {
        TwoMoonsMlp p = DEFAULT_FAMILY.sample(5);
        assertEquals(2 * 64 + 64 + 64 * 64 + 64 + 64 * 64 + 64 + 64 + 1, p.dimension());
        double[] x = p.initialPoint(0);
        assertEquals(0, x[128], 0.0, "first bias");
        assertEquals(0, x[p.dimension() - 1], 0.0, "output bias");
        double sq = 0;
        for (int k = 192; k < 192 + 4096; k++) {
            sq += x[k] * x[k];
        }
        assertEquals(1.0 / 64, sq / 4096, 5 * Math.sqrt(2.0 / 4096) / 64, "weight variance 1/fan-in");
    }

    /** Central differences at a spread of coordinates of the full-size network (all 8,577 would take too long). */
    @Test
    void defaultSizeGradientMatchesDifferencesAtSampledCoordinates() {
        TwoMoonsMlp p = DEFAULT_FAMILY.sample(6);
        double[] x = p.initialPoint(0);
        double[] g = new double[p.dimension()];
        p.valueAndGradient(x, g);
        int[] coordinates = {0, 100, 129, 191, 200, 2000, 4351, 5000, 8500, 8576};
        for (int j : coordinates) {
            double h = 1e-5 * (1 + Math.abs(x[j]));
            double[] y = x.clone();
            y[j] = x[j] + h;
            double fp = p.value(y);
            y[j] = x[j] - h;
            double fm = p.value(y);
            double fd = (fp - fm) / (2 * h);
            assertEquals(fd, g[j], 1e-7, "coordinate " + j);
        }
    }

    @Test
    void valueEqualsAPlainForwardPass() {
        TwoMoonsFamily f = new TwoMoonsFamily(new TwoMoonsConfig(40, 0.1, 2, List.of(5, 3), 5e-3, 1.0, 1, 1));
        TwoMoonsMlp p = f.sample(9);
        double[] x = p.initialPoint(0);
        for (int k = 0; k < x.length; k++) {
            x[k] += 0.1 * Math.sin(k);
        }
        double[][] features = (double[][]) p.export().get("features");
        int[] labels = (int[]) p.export().get("labels");
        int[] widths = {2, 5, 3, 1};
        double loss = 0;
        for (int i = 0; i < features.length; i++) {
            RealVector a = new ArrayRealVector(features[i]);
            int offset = 0;
            for (int l = 0; l < 3; l++) {
                RealMatrix w = new Array2DRowRealMatrix(widths[l + 1], widths[l]);
                for (int in = 0; in < widths[l]; in++) {
                    for (int out = 0; out < widths[l + 1]; out++) {
                        w.setEntry(out, in, x[offset + in * widths[l + 1] + out]);
                    }
                }
                offset += widths[l] * widths[l + 1];
                RealVector z = w.operate(a).add(new ArrayRealVector(x, offset, widths[l + 1]));
                offset += widths[l + 1];
                a = l < 2 ? z.map(Math::tanh) : z;
            }
            double s = a.getEntry(0);
            double probability = 1 / (1 + Math.exp(-s));
            loss -= labels[i] == 1 ? Math.log(probability) : Math.log(1 - probability);
        }
        double expected = loss / features.length + 5e-3 * new ArrayRealVector(x).getNorm();
        assertEquals(expected, p.value(x), 1e-12);
    }

    /** With no hidden layer and no penalty the model is logistic regression with the same layout (w, b). */
    @Test
    void emptyHiddenListIsLogisticRegression() {
        MoonsDataset data = MoonsDataset.generate(30, 0.1, 4);
        TanhMlpObjective mlp = new TanhMlpObjective(data.features(), data.labels(), List.of(), 0);
        LogisticRegression lr = new LogisticRegression(data.features(), data.labels(), 0, 1, 1);
        assertEquals(3, mlp.dimension());
        double[] x = {0.7, -1.3, 0.2};
        double[] g1 = new double[3];
        double[] g2 = new double[3];
        assertEquals(lr.valueAndGradient(x, g2), mlp.valueAndGradient(x, 0, g1, 0), 1e-14);
        assertArrayEquals(g2, g1, 1e-14);
    }

    @Test
    void normPenaltyIsThePlainNorm() {
        MoonsDataset data = MoonsDataset.generate(10, 0.1, 4);
        TanhMlpObjective withPenalty = new TanhMlpObjective(data.features(), data.labels(), List.of(), 0.5);
        TanhMlpObjective without = new TanhMlpObjective(data.features(), data.labels(), List.of(), 0);
        double[] x = {3, 0, 4};
        double[] g1 = new double[3];
        double[] g0 = new double[3];
        assertEquals(without.valueAndGradient(x, 0, g0, 0) + 0.5 * 5, withPenalty.valueAndGradient(x, 0, g1, 0),
                1e-14);
        assertArrayEquals(new double[] {g0[0] + 0.5 * 3 / 5, g0[1], g0[2] + 0.5 * 4 / 5}, g1, 1e-14);
        double[] atZero = new double[3];
        withPenalty.valueAndGradient(new double[3], 0, atZero, 0);
        assertTrue(Double.isFinite(atZero[0]), "zero subgradient at the origin");
    }

    @Test
    void concurrentEvaluationEqualsSequential() throws Exception {
        TwoMoonsFamily f = new TwoMoonsFamily(new TwoMoonsConfig(256, 0.1, 0, List.of(16, 16), 5e-3, 1.0, 8, 8));
        List<TwoMoonsMlp> problems = new ArrayList<>();
        for (int s = 0; s < 8; s++) {
            problems.add(f.sample(s));
        }
        double[][] expected = new double[8][];
        for (int s = 0; s < 8; s++) {
            expected[s] = gradientAtStart(problems.get(s));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<double[]>> futures = new ArrayList<>();
            for (int rep = 0; rep < 4; rep++) {
                for (TwoMoonsMlp p : problems) {
                    futures.add(pool.submit(() -> gradientAtStart(p)));
                }
            }
            for (int k = 0; k < futures.size(); k++) {
                assertArrayEquals(expected[k % 8], futures.get(k).get(), 0.0);
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void badConfigurationsAreNamed() {
        ConfigException widths = assertThrows(ConfigException.class,
                () -> Catalog.family("two-moons", Map.of("hiddenWidths", List.of(64, 0))));
        assertTrue(widths.getMessage().contains("hiddenWidths[1]") && widths.getMessage().contains("got 0"),
                widths.getMessage());
        ConfigException points = assertThrows(ConfigException.class,
                () -> Catalog.family("two-moons", Map.of("points", -1)));
        assertTrue(points.getMessage().contains("points") && points.getMessage().contains("got -1"),
                points.getMessage());
    }

    @Test
    void restartsAreReproducible() {
        TwoMoonsMlp p = DEFAULT_FAMILY.sample(7);
        assertArrayEquals(p.initialPoint(3), DEFAULT_FAMILY.sample(7).initialPoint(3), 0.0);
        assertFalse(p.initialPoint(3)[0] == p.initialPoint(4)[0]);
        TanhMlpObjective objective = new TanhMlpObjective(new double[][] {{0, 0}}, new int[] {0},
                List.of(64, 64, 64), 0);
        double[] expected = new double[objective.dimension()];
        objective.initialize(ProblemSeeds.restart(7, 3), 1.0, expected);
        assertArrayEquals(expected, p.initialPoint(3), 0.0, "restart k draws from Seeds.derive(seed, \"x0\", k)");
    }

    @Test
    void fastTanhAgreesWithMathTanh() {
        double worst = 0;
        for (int k = -400_000; k <= 400_000; k++) {
            double z = k * 5e-5;
            worst = Math.max(worst, Math.abs(TanhMlpObjective.tanh(z) - Math.tanh(z)));
        }
        assertTrue(worst < 1e-15, "largest absolute error on [-20, 20]: " + worst);
        assertEquals(1.0, TanhMlpObjective.tanh(1e4), 0.0);
        assertEquals(-1.0, TanhMlpObjective.tanh(-1e4), 0.0);
        assertEquals(1e-10, TanhMlpObjective.tanh(1e-10), 1e-16);
    }

    private static double[] gradientAtStart(TwoMoonsMlp p) {
        double[] g = new double[p.dimension() + 1];
        g[p.dimension()] = p.valueAndGradient(p.initialPoint(0), 0, g, 0);
        return g;
    }
}
