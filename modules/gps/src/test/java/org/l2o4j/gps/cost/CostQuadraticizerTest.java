package org.l2o4j.gps.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.l2o4j.gps.trajopt.Fixtures.assertArray;
import static org.l2o4j.gps.trajopt.Fixtures.assertPerStep;
import static org.l2o4j.gps.trajopt.Fixtures.flat;
import static org.l2o4j.gps.trajopt.Fixtures.perStep;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.l2o4j.core.random.Seeds;
import org.l2o4j.gps.model.QuadraticCost;
import org.l2o4j.gps.trajopt.Fixtures;
import org.l2o4j.problems.limalik.LogisticRegression;
import org.l2o4j.problems.quadratic.LeastSquaresQuadratic;

/** gps.md §8 tests 12 (cost quadraticization) and 19 ({@code cost_expansion.json}, 1e-12 of max|ref| per array). */
class CostQuadraticizerTest {

    @Test
    void reproducesTheReferenceExpansion() {
        for (JsonNode c : Fixtures.load("cost_expansion.json").get("cases")) {
            String name = c.get("name").asText();
            JsonNode x = c.get("X");
            int samples = x.size();
            int horizon = x.get(0).size();
            int dX = x.get(0).get(0).size();
            int dU = c.get("U").get(0).get(0).size();
            int n = dX + dU;
            CostQuadraticizer accumulator = new CostQuadraticizer(dX, dU, horizon);
            for (int s = 0; s < samples; s++) {
                double[][] states = perStep(x.get(s));
                double[][] actions = perStep(c.get("U").get(s));
                double[] values = flat(c.get("l").get(s));
                double[][] gradients = new double[horizon][n];
                double[][] hessians = new double[horizon][n * n];
                for (int t = 0; t < horizon; t++) {
                    double[] lx = flat(c.get("lx").get(s).get(t));
                    double[] lu = flat(c.get("lu").get(s).get(t));
                    double[] lxx = flat(c.get("lxx").get(s).get(t));
                    double[] luu = flat(c.get("luu").get(s).get(t));
                    double[] lux = flat(c.get("lux").get(s).get(t));
                    System.arraycopy(lx, 0, gradients[t], 0, dX);
                    System.arraycopy(lu, 0, gradients[t], dX, dU);
                    for (int i = 0; i < dX; i++) {
                        System.arraycopy(lxx, i * dX, hessians[t], i * n, dX);
                    }
                    for (int a = 0; a < dU; a++) {
                        System.arraycopy(luu, a * dU, hessians[t], (dX + a) * n + dX, dU);
                        for (int i = 0; i < dX; i++) {
                            hessians[t][(dX + a) * n + i] = lux[a * dX + i];
                            hessians[t][i * n + dX + a] = lux[a * dX + i];
                        }
                    }
                }
                accumulator.add(new CostDerivatives(dX, dU, values, gradients, hessians), states, actions);
            }
            QuadraticCost cost = accumulator.average();
            double[][] cm = new double[horizon][];
            double[][] cv = new double[horizon][];
            double[] cc = new double[horizon];
            for (int t = 0; t < horizon; t++) {
                cm[t] = cost.hessian(t);
                cv[t] = cost.linearTerm(t);
                cc[t] = cost.constant(t);
            }
            assertPerStep(perStep(c.get("Cm")), cm, 1e-12, name + ": Cm");
            assertPerStep(perStep(c.get("cv")), cv, 1e-12, name + ": cv");
            assertArray(flat(c.get("cc")), cc, 1e-12, name + ": cc");
        }
    }

    /** For a quadratic f the expansion is exact, so the global form reproduces f everywhere, not only at ŷ. */
    @Test
    void globalFormReproducesAQuadraticObjectiveAtArbitraryPoints() {
        RandomGenerator rng = Seeds.rng(12);
        double[][] w = new double[5][3];
        for (double[] row : w) {
            for (int j = 0; j < 3; j++) {
                row[j] = rng.nextGaussian();
            }
        }
        LeastSquaresQuadratic f = new LeastSquaresQuadratic(w, Seeds.gaussian(rng, 5), 1, 1.0);
        int dX = 6;
        int dU = 2;
        int offset = 2;
        int horizon = 3;
        ObjectiveValueCost cost = new ObjectiveValueCost(f, dX, dU, offset, 1.0, false);
        List<double[][]> states = new ArrayList<>();
        List<double[][]> actions = new ArrayList<>();
        for (int s = 0; s < 4; s++) {
            states.add(randomTrajectory(rng, horizon, dX));
            actions.add(randomTrajectory(rng, horizon, dU));
        }
        QuadraticCost quadratic = CostQuadraticizer.quadraticize(cost, states, actions);
        for (int trial = 0; trial < 10; trial++) {
            double[] y = Seeds.gaussian(rng, dX + dU);
            double[] x = new double[3];
            System.arraycopy(y, offset, x, 0, 3);
            double expected = f.value(x);
            for (int t = 0; t < horizon; t++) {
                assertEquals(expected, quadratic.value(t, y), 1e-10 * Math.max(1, Math.abs(expected)),
                        "global quadratic at a random y, t = " + t);
            }
        }
    }

    /** A Hessian held as its diagonal block accumulates to the same global quadratic as the same Hessian held dense. */
    @Test
    void blockHessiansAccumulateLikeDenseOnes() {
        RandomGenerator rng = Seeds.rng(17);
        int dX = 7;
        int dU = 2;
        int n = dX + dU;
        int horizon = 3;
        CostQuadraticizer block = new CostQuadraticizer(dX, dU, horizon);
        CostQuadraticizer dense = new CostQuadraticizer(dX, dU, horizon);
        for (int s = 0; s < 4; s++) {
            double[] values = Seeds.gaussian(rng, horizon);
            double[][] gradients = new double[horizon][];
            double[][] blocks = new double[horizon][];
            for (int t = 0; t < horizon; t++) {
                gradients[t] = Seeds.gaussian(rng, n);
                blocks[t] = Seeds.gaussian(rng, 9);
            }
            CostDerivatives blocked = new CostDerivatives(dX, dU, values, gradients, 2, 3, blocks);
            double[][] hessians = new double[horizon][];
            for (int t = 0; t < horizon; t++) {
                hessians[t] = blocked.hessian(t);
            }
            double[][] states = randomTrajectory(rng, horizon, dX);
            double[][] actions = randomTrajectory(rng, horizon, dU);
            block.add(blocked, states, actions);
            dense.add(new CostDerivatives(dX, dU, values, gradients, hessians), states, actions);
        }
        QuadraticCost a = block.average();
        QuadraticCost b = dense.average();
        for (int t = 0; t < horizon; t++) {
            assertArray(b.hessian(t), a.hessian(t), 1e-14, "Cm at t = " + t);
            assertArray(b.linearTerm(t), a.linearTerm(t), 1e-13, "cv at t = " + t);
            assertEquals(b.constant(t), a.constant(t), 1e-13, "cc at t = " + t);
        }
    }

    /** Logistic regression: analytic gradient and Hessian against finite differences; only the x block is set. */
    @Test
    void logisticRegressionDerivativesMatchFiniteDifferencesAndStayInTheIterateBlock() {
        RandomGenerator rng = Seeds.rng(13);
        double[][] features = new double[30][3];
        int[] labels = new int[30];
        for (int i = 0; i < 30; i++) {
            features[i] = Seeds.gaussian(rng, 3);
            labels[i] = rng.nextBoolean() ? 1 : 0;
        }
        LogisticRegression f = new LogisticRegression(features, labels, 5e-4, 1, 1.0);
        int d = 4;
        int dX = 9;
        int dU = 4;
        int offset = 3;
        int n = dX + dU;
        ObjectiveValueCost cost = new ObjectiveValueCost(f, dX, dU, offset, 1.0, false);
        double[][] states = randomTrajectory(rng, 1, dX);
        CostDerivatives derivatives = cost.evaluate(states, randomTrajectory(rng, 1, dU));
        double[] g = derivatives.gradient(0);
        double[] h = derivatives.hessian(0);
        double step = 1e-5;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                boolean inBlock = i >= offset && i < offset + d && j >= offset && j < offset + d;
                if (!inBlock) {
                    assertEquals(0.0, h[i * n + j], 0.0, "Hessian outside the x block at (" + i + ", " + j + ")");
                }
            }
            boolean inBlock = i >= offset && i < offset + d;
            if (!inBlock) {
                assertEquals(0.0, g[i], 0.0, "gradient outside the x block at " + i);
                continue;
            }
            double[] plus = states[0].clone();
            double[] minus = states[0].clone();
            plus[i] += step;
            minus[i] -= step;
            double fd = (f.value(plus, offset) - f.value(minus, offset)) / (2 * step);
            assertEquals(fd, g[i], 1e-6, "∂f/∂x at " + i);
            double[] gPlus = new double[d];
            double[] gMinus = new double[d];
            f.valueAndGradient(plus, offset, gPlus, 0);
            f.valueAndGradient(minus, offset, gMinus, 0);
            for (int j = 0; j < d; j++) {
                double fdHessian = (gPlus[j] - gMinus[j]) / (2 * step);
                assertEquals(fdHessian, h[i * n + offset + j], 1e-6, "∂²f at (" + i + ", " + (offset + j) + ")");
            }
        }
        assertEquals(f.value(states[0], offset), derivatives.value(0), 0);
    }

    private static double[][] randomTrajectory(RandomGenerator rng, int horizon, int dimension) {
        double[][] out = new double[horizon][];
        for (int t = 0; t < horizon; t++) {
            out[t] = Seeds.gaussian(rng, dimension);
        }
        return out;
    }
}
