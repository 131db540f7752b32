package org.l2o4j.gps.trajopt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;
import org.l2o4j.core.random.Seeds;
import org.l2o4j.gps.model.LinearGaussianController;
import org.l2o4j.gps.model.LinearGaussianDynamics;
import org.l2o4j.gps.model.Marginals;
import org.l2o4j.gps.model.QuadraticCost;
import org.l2o4j.gps.trajopt.AugmentedCostBuilder.QuadraticForm;

/**
 * gps.md §8 test 8: the quadratic form A[g], a[g] is −log g(u|s) up to a constant (against a direct Gaussian
 * log-density); the BADMM ratio r is 1 when ν is constant, and with varying ν the backward pass equals plain LQR on
 * the undivided cost (same K, k; Σ_t scaled by d_t), which a pass without r would not reproduce; a hand-worked 1-D example.
 */
class AugmentedCostTest {

    @Test
    void quadraticFormIsTheNegativeLogDensityUpToAConstant() {
        RandomGenerator rng = Seeds.rng(14);
        int dX = 3;
        int dU = 2;
        LinearGaussianController g = RandomProblems.controller(rng, dX, dU, 2);
        for (int t = 0; t < 2; t++) {
            QuadraticForm form = QuadraticForm.negativeLogDensity(g, t);
            double constant = Double.NaN;
            for (int trial = 0; trial < 20; trial++) {
                double[] y = RandomProblems.scaled(Seeds.gaussian(rng, dX + dU), 2);
                double[] s = Arrays.copyOf(y, dX);
                double[] u = Arrays.copyOfRange(y, dX, dX + dU);
                QuadraticCost asCost = new QuadraticCost(dX, dU, new double[][] {form.matrix()},
                        new double[][] {form.vector()}, new double[1]);
                double difference = asCost.value(0, y) + KlDivergenceTest.logDensity(g, s, u, t);
                if (Double.isNaN(constant)) {
                    constant = difference;
                }
                assertEquals(constant, difference, 1e-10, "½yᵀAy + yᵀa + log g(u|s) is constant, t = " + t);
            }
        }
    }

    @Test
    void badmmRatioRescalesTheValueFunction() {
        RandomGenerator rng = Seeds.rng(15);
        int dX = 3;
        int dU = 2;
        int horizon = 5;
        LinearGaussianDynamics dynamics = RandomProblems.dynamics(rng, dX, dU, horizon);
        QuadraticCost cost = RandomProblems.cost(rng, dX, dU, horizon, 1.0);
        LinearGaussianController previous = RandomProblems.controller(rng, dX, dU, horizon);
        LinearGaussianController policy = RandomProblems.controller(rng, dX, dU, horizon);
        double[][] dualGains = new double[horizon][];
        double[][] dualOffsets = new double[horizon][];
        for (int t = 0; t < horizon; t++) {
            dualGains[t] = RandomProblems.scaled(Seeds.gaussian(rng, dU * dX), 0.05);
            dualOffsets[t] = RandomProblems.scaled(Seeds.gaussian(rng, dU), 0.1);
        }
        double eta = 0.7;

        AugmentedCost constant = AugmentedCostBuilder.badmm(cost, previous, policy, new double[] {2, 2, 2, 2, 2},
                dualGains, dualOffsets).at(eta);
        for (int t = 0; t + 1 < horizon; t++) {
            assertEquals(1.0, constant.divisor(t + 1) / constant.divisor(t), 0, "r = 1 for constant ν");
        }

        double[] nu = {0.01, 3, 0.5, 10, 1};
        AugmentedCost varying = AugmentedCostBuilder.badmm(cost, previous, policy, nu, dualGains, dualOffsets)
                .at(eta);
        double[][] hessians = new double[horizon][];
        double[][] linear = new double[horizon][];
        for (int t = 0; t < horizon; t++) {
            hessians[t] = RandomProblems.scaled(varying.hessian(t), varying.divisor(t));
            linear[t] = RandomProblems.scaled(varying.linearTerm(t), varying.divisor(t));
        }
        LinearGaussianController undivided = BackwardPass.run(
                AugmentedCost.plain(new QuadraticCost(dX, dU, hessians, linear, new double[horizon])), dynamics)
                .controller();
        LinearGaussianController scaled = BackwardPass.run(varying, dynamics).controller();
        for (int t = 0; t < horizon; t++) {
            assertTrue(RandomProblems.maxAbsDifference(undivided.gain(t), scaled.gain(t)) < 1e-9, "K at t = " + t);
            assertTrue(RandomProblems.maxAbsDifference(undivided.offset(t), scaled.offset(t)) < 1e-9,
                    "k at t = " + t);
            assertTrue(RandomProblems.maxAbsDifference(
                    RandomProblems.scaled(undivided.covariance(t), varying.divisor(t)), scaled.covariance(t)) < 1e-9,
                    "Σ at t = " + t + " is the undivided Σ times d_t");
        }
    }

    /**
     * dX = dU = 1, T = 2, η = 1, local-only. Dynamics s₁ = s₀ + u₀ + 0.2 + w, w ~ N(0, 0.5), s₀ ~ N(1, 0.1). Cost
     * ½s² + ½u² at both steps, plus −s at t = 1. Anchor: K = 0, S = 1 at both steps; k = 0.5 at t = 0, 0 at t = 1.
     * By hand: C̃ = [[1, 0], [0, 2]] at both steps, c̃₀ = [0, −0.5], c̃₁ = [−1, 0].
     * t = 1: Q_uu = 2, so K₁ = k₁ = 0, Σ₁ = ½, V₁ = 1, v₁ = −1.
     * t = 0: Q = [[2, 1], [1, 3]], q = [−0.8, −1.3], so K₀ = −1/3, k₀ = 13/30, Σ₀ = 1/3, V₀ = 5/3, v₀ = −11/30.
     * Forward: μ_u₀ = 1/10, Σ_uu₀ = 31/90, Σ_su₀ = −1/30, μ_s₁ = 1.3, Σ_ss₁ = 79/90.
     * KL₀ = ½[1/3 − 1 + ln 3 + (2/5)² + 1/90], KL₁ = ½[½ − 1 + ln 2].
     */
    @Test
    void handWorkedOneDimensionalExample() {
        LinearGaussianDynamics dynamics = new LinearGaussianDynamics(1, 1, new double[][] {{1, 1}},
                new double[][] {{0.2}}, new double[][] {{0.5}}, new double[] {1}, new double[] {0.1});
        QuadraticCost cost = new QuadraticCost(1, 1, new double[][] {{1, 0, 0, 1}, {1, 0, 0, 1}},
                new double[][] {{0, 0}, {-1, 0}}, new double[] {0, 0});
        LinearGaussianController anchor = LinearGaussianController.fromCovariances(1, 1, new double[][] {{0}, {0}},
                new double[][] {{0.5}, {0}}, new double[][] {{1}, {1}});
        AugmentedCost augmented = AugmentedCostBuilder.localOnly(cost, anchor).at(1.0);
        assertArrayClose(new double[] {1, 0, 0, 2}, augmented.hessian(0), "C̃₀");
        assertArrayClose(new double[] {0, -0.5}, augmented.linearTerm(0), "c̃₀");
        assertArrayClose(new double[] {-1, 0}, augmented.linearTerm(1), "c̃₁");

        BackwardPassResult pass = BackwardPass.run(augmented, dynamics);
        LinearGaussianController p = pass.controller();
        assertEquals(0, p.gain(1)[0], 1e-15);
        assertEquals(0, p.offset(1)[0], 1e-15);
        assertEquals(0.5, p.covariance(1)[0], 1e-15);
        assertEquals(1, pass.valueMatrix(1)[0], 1e-15);
        assertEquals(-1, pass.valueVector(1)[0], 1e-15);
        assertEquals(-1.0 / 3, p.gain(0)[0], 1e-15);
        assertEquals(13.0 / 30, p.offset(0)[0], 1e-15);
        assertEquals(1.0 / 3, p.covariance(0)[0], 1e-15);
        assertEquals(3, p.precision(0)[0], 1e-15);
        assertEquals(5.0 / 3, pass.valueMatrix(0)[0], 1e-15);
        assertEquals(-11.0 / 30, pass.valueVector(0)[0], 1e-15);

        Marginals marginals = ForwardPass.marginals(p, dynamics);
        assertArrayClose(new double[] {1, 0.1}, marginals.mean(0), "μ₀");
        assertArrayClose(new double[] {0.1, -1.0 / 30, -1.0 / 30, 31.0 / 90}, marginals.covariance(0), "Σ₀");
        assertEquals(1.3, marginals.mean(1)[0], 1e-15);
        assertEquals(79.0 / 90, marginals.covariance(1)[0], 1e-15);
        double[] kl = KlDivergence.perStep(p, marginals, anchor);
        assertEquals(0.5 * (1.0 / 3 - 1 + Math.log(3) + 0.16 + 1.0 / 90), kl[0], 1e-15);
        assertEquals(0.5 * (0.5 - 1 + Math.log(2)), kl[1], 1e-15);
    }

    private static void assertArrayClose(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-15, what + " entry " + i);
        }
    }
}
