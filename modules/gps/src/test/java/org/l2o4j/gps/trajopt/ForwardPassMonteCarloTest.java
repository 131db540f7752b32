package org.l2o4j.gps.trajopt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;
import org.l2o4j.core.random.Seeds;
import org.l2o4j.gps.linalg.Spd;
import org.l2o4j.gps.model.LinearGaussianController;
import org.l2o4j.gps.model.LinearGaussianDynamics;
import org.l2o4j.gps.model.Marginals;
import org.l2o4j.gps.model.QuadraticCost;

/**
 * gps.md §8 test 4: 10⁵ seeded rollouts of a random system (dX = 2, dU = 1, T = 4) under a random controller. Every
 * entry of the empirical μ_t and Σ_t lies within 3 standard errors of the forward pass (for a Gaussian, SE of the
 * mean entry a is √(Σ_aa/N) and of the covariance entry (a, b) √((Σ_aa Σ_bb + Σ_ab²)/N)); the Monte-Carlo mean cost
 * lies within 3 standard errors of the Laplace estimate, which is exact for a quadratic cost.
 */
class ForwardPassMonteCarloTest {

    private static final int ROLLOUTS = 100_000;

    @Test
    void marginalsAndLaplaceCostMatchMonteCarlo() {
        RandomGenerator rng = Seeds.rng(4);
        int dX = 2;
        int dU = 1;
        int horizon = 4;
        int n = dX + dU;
        LinearGaussianDynamics dynamics = RandomProblems.dynamics(rng, dX, dU, horizon);
        LinearGaussianController controller = RandomProblems.controller(rng, dX, dU, horizon);
        QuadraticCost cost = RandomProblems.cost(rng, dX, dU, horizon, 1.0);
        Marginals marginals = ForwardPass.marginals(controller, dynamics);

        double[][] sums = new double[horizon][n];
        double[][] products = new double[horizon][n * n];
        double costSum = 0;
        double costSquares = 0;
        double[] x0Factor = Spd.cholesky(dynamics.initialStateCovariance(), dX, "x0 covariance");
        double[][] noiseFactors = new double[horizon - 1][];
        double[][] transitions = new double[horizon - 1][];
        double[][] offsets = new double[horizon - 1][];
        for (int t = 0; t < horizon - 1; t++) {
            noiseFactors[t] = Spd.cholesky(dynamics.noiseCovariance(t), dX, "Σdyn");
            transitions[t] = dynamics.transitionMatrix(t);
            offsets[t] = dynamics.transitionOffset(t);
        }
        double[] initialMean = dynamics.initialStateMean();
        RandomGenerator noise = Seeds.rng(40);
        double[] y = new double[n];
        for (int r = 0; r < ROLLOUTS; r++) {
            double[] s = add(initialMean, lowerTimes(x0Factor, Seeds.gaussian(noise, dX), dX));
            double total = 0;
            for (int t = 0; t < horizon; t++) {
                double[] u = controller.act(s, t, Seeds.gaussian(noise, dU));
                System.arraycopy(s, 0, y, 0, dX);
                System.arraycopy(u, 0, y, dX, dU);
                for (int a = 0; a < n; a++) {
                    sums[t][a] += y[a];
                    for (int b = 0; b < n; b++) {
                        products[t][a * n + b] += y[a] * y[b];
                    }
                }
                total += cost.value(t, y);
                if (t < horizon - 1) {
                    double[] f = transitions[t];
                    double[] next = offsets[t].clone();
                    for (int i = 0; i < dX; i++) {
                        for (int c = 0; c < n; c++) {
                            next[i] += f[i * n + c] * y[c];
                        }
                    }
                    s = add(next, lowerTimes(noiseFactors[t], Seeds.gaussian(noise, dX), dX));
                }
            }
            costSum += total;
            costSquares += total * total;
        }
        for (int t = 0; t < horizon; t++) {
            double[] mu = marginals.mean(t);
            double[] sigma = marginals.covariance(t);
            double[] empiricalMean = new double[n];
            for (int a = 0; a < n; a++) {
                empiricalMean[a] = sums[t][a] / ROLLOUTS;
                double se = Math.sqrt(sigma[a * n + a] / ROLLOUTS);
                assertEquals(mu[a], empiricalMean[a], 3 * se, "μ at t = " + t + ", entry " + a);
            }
            for (int a = 0; a < n; a++) {
                for (int b = a; b < n; b++) {
                    double empirical = products[t][a * n + b] / ROLLOUTS - empiricalMean[a] * empiricalMean[b];
                    double se = Math.sqrt((sigma[a * n + a] * sigma[b * n + b] + sigma[a * n + b] * sigma[a * n + b])
                            / ROLLOUTS);
                    assertEquals(sigma[a * n + b], empirical, 3 * se, "Σ at t = " + t + ", (" + a + ", " + b + ")");
                }
            }
        }
        double mean = costSum / ROLLOUTS;
        double se = Math.sqrt((costSquares / ROLLOUTS - mean * mean) / ROLLOUTS);
        assertEquals(ExpectedCost.sum(ExpectedCost.perStep(marginals, cost)), mean, 3 * se, "Laplace vs MC cost");
    }

    static double[] lowerTimes(double[] l, double[] xi, int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                out[i] += l[i * n + j] * xi[j];
            }
        }
        return out;
    }

    static double[] add(double[] a, double[] b) {
        double[] out = a.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] += b[i];
        }
        return out;
    }
}
