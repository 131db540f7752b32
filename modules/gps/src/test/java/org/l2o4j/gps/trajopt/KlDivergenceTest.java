package org.l2o4j.gps.trajopt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.random.RandomGenerator;

import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.junit.jupiter.api.Test;
import org.l2o4j.core.random.Seeds;
import org.l2o4j.gps.linalg.Spd;
import org.l2o4j.gps.model.LinearGaussianController;
import org.l2o4j.gps.model.LinearGaussianDynamics;
import org.l2o4j.gps.model.Marginals;

/**
 * gps.md §8 test 5: KL(p ‖ p) = 0; KL &gt; 0 on random distinct pairs; the single-Gaussian closed form (T = 1, s
 * fixed) computed independently with Commons Math; and a Monte-Carlo estimate of E_p[Σ_t log p − log g] within 3
 * standard errors (2·10⁴ trajectories).
 */
class KlDivergenceTest {

    @Test
    void selfDivergenceIsZeroAndDistinctPairsArePositive() {
        RandomGenerator rng = Seeds.rng(5);
        for (int trial = 0; trial < 20; trial++) {
            LinearGaussianDynamics dynamics = RandomProblems.dynamics(rng, 3, 2, 4);
            LinearGaussianController p = RandomProblems.controller(rng, 3, 2, 4);
            LinearGaussianController g = RandomProblems.controller(rng, 3, 2, 4);
            Marginals marginals = ForwardPass.marginals(p, dynamics);
            assertEquals(0, KlDivergence.total(p, marginals, p), 1e-12, "KL(p ‖ p)");
            double[] kl = KlDivergence.perStep(p, marginals, g);
            for (int t = 0; t < kl.length; t++) {
                assertTrue(kl[t] > 0, "KL_t(p ‖ g) = " + kl[t] + " at t = " + t + " for distinct p, g");
            }
        }
    }

    @Test
    void singleGaussianClosedForm() {
        RandomGenerator rng = Seeds.rng(6);
        int dX = 3;
        int dU = 2;
        double[] state = Seeds.gaussian(rng, dX);
        LinearGaussianDynamics fixedState = new LinearGaussianDynamics(dX, dU, new double[0][], new double[0][],
                new double[0][], state, new double[dX * dX]);
        LinearGaussianController p = RandomProblems.controller(rng, dX, dU, 1);
        LinearGaussianController g = RandomProblems.controller(rng, dX, dU, 1);
        double kl = KlDivergence.total(p, ForwardPass.marginals(p, fixedState), g);

        RealVector meanP = new ArrayRealVector(p.meanAction(state, 0));
        RealVector meanG = new ArrayRealVector(g.meanAction(state, 0));
        RealMatrix covP = RiccatiTest.matrix(p.covariance(0), dU, dU);
        RealMatrix covG = RiccatiTest.matrix(g.covariance(0), dU, dU);
        LUDecomposition luG = new LUDecomposition(covG);
        RealMatrix precisionG = luG.getSolver().getInverse();
        RealVector diff = meanG.subtract(meanP);
        double expected = 0.5 * (precisionG.multiply(covP).getTrace() + diff.dotProduct(precisionG.operate(diff)) - dU
                + Math.log(luG.getDeterminant() / new LUDecomposition(covP).getDeterminant()));
        assertEquals(expected, kl, 1e-12 * Math.max(1, expected), "closed-form KL of two Gaussians");
    }

    @Test
    void matchesMonteCarloLogRatio() {
        RandomGenerator rng = Seeds.rng(7);
        int dX = 2;
        int dU = 2;
        int horizon = 3;
        int n = dX + dU;
        LinearGaussianDynamics dynamics = RandomProblems.dynamics(rng, dX, dU, horizon);
        LinearGaussianController p = RandomProblems.controller(rng, dX, dU, horizon);
        LinearGaussianController g = RandomProblems.controller(rng, dX, dU, horizon);
        double kl = KlDivergence.total(p, ForwardPass.marginals(p, dynamics), g);

        int rollouts = 20_000;
        RandomGenerator noise = Seeds.rng(70);
        double[] x0Factor = Spd.cholesky(dynamics.initialStateCovariance(), dX, "x0 covariance");
        double[][] noiseFactors = new double[horizon - 1][];
        for (int t = 0; t < horizon - 1; t++) {
            noiseFactors[t] = Spd.cholesky(dynamics.noiseCovariance(t), dX, "Σdyn");
        }
        double sum = 0;
        double squares = 0;
        for (int r = 0; r < rollouts; r++) {
            double[] s = ForwardPassMonteCarloTest.add(dynamics.initialStateMean(),
                    ForwardPassMonteCarloTest.lowerTimes(x0Factor, Seeds.gaussian(noise, dX), dX));
            double logRatio = 0;
            for (int t = 0; t < horizon; t++) {
                double[] u = p.act(s, t, Seeds.gaussian(noise, dU));
                logRatio += logDensity(p, s, u, t) - logDensity(g, s, u, t);
                if (t < horizon - 1) {
                    double[] f = dynamics.transitionMatrix(t);
                    double[] next = dynamics.transitionOffset(t);
                    for (int i = 0; i < dX; i++) {
                        for (int c = 0; c < n; c++) {
                            next[i] += f[i * n + c] * (c < dX ? s[c] : u[c - dX]);
                        }
                    }
                    s = ForwardPassMonteCarloTest.add(next, ForwardPassMonteCarloTest.lowerTimes(
                            noiseFactors[t], Seeds.gaussian(noise, dX), dX));
                }
            }
            sum += logRatio;
            squares += logRatio * logRatio;
        }
        double mean = sum / rollouts;
        double se = Math.sqrt((squares / rollouts - mean * mean) / rollouts);
        assertEquals(kl, mean, 3 * se, "Monte-Carlo E_p[log p − log g]");
    }

    /** log N(u; K s + k, Σ) through Commons Math, independent of the production code's Cholesky. */
    static double logDensity(LinearGaussianController c, double[] s, double[] u, int t) {
        int dU = c.actionDimension();
        RealVector residual = new ArrayRealVector(u).subtract(new ArrayRealVector(c.meanAction(s, t)));
        LUDecomposition lu = new LUDecomposition(RiccatiTest.matrix(c.covariance(t), dU, dU));
        return -0.5 * residual.dotProduct(lu.getSolver().solve(residual))
                - 0.5 * Math.log(Math.pow(2 * Math.PI, dU) * lu.getDeterminant());
    }
}
