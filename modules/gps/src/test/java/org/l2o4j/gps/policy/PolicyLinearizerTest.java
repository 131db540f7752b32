package org.l2o4j.gps.policy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;
import org.l2o4j.core.mdp.FeaturePreset;
import org.l2o4j.core.random.Seeds;
import org.l2o4j.core.rollout.DivergenceRule;
import org.l2o4j.gps.dynamics.GmmPriorConfig;
import org.l2o4j.gps.env.Condition;
import org.l2o4j.gps.init.MomentumGridInitializer;
import org.l2o4j.gps.model.LinearGaussianController;
import org.l2o4j.gps.sampling.SampleBatch;
import org.l2o4j.gps.sampling.TrajectorySampler;
import org.l2o4j.problems.limalik.LogisticRegressionConfig;
import org.l2o4j.problems.limalik.LogisticRegressionFamily;

/**
 * gps.md §8 test 15: when μ_θ is exactly linear in the observation, and the observation is the state without its x
 * block, π̄'s gain is [0 | A] on the state, its offset b and its covariance σ² plus the (≈ 0) regression residual.
 */
class PolicyLinearizerTest {

    private static final int D = 2;
    private static final int DX = 6;
    private static final int DO = DX - D;
    private static final int DU = 2;
    private static final double[] SIGMA2 = {0.01, 0.04};

    private final RandomGenerator rng = Seeds.rng(42);
    private final double[] a = Seeds.gaussian(rng, DU * DO);
    private final double[] b = Seeds.gaussian(rng, DU);
    private final LinearPolicy policy = new LinearPolicy(DO, DU, a, b, SIGMA2);

    /** States with independent N(0, 1) entries, x first; the observation is the rest. */
    private static SampleBatch syntheticBatch(int samples, int horizon, long seed) {
        RandomGenerator r = Seeds.rng(seed);
        double[][][] states = new double[samples][horizon][];
        double[][][] observations = new double[samples][horizon][DO];
        for (int n = 0; n < samples; n++) {
            for (int t = 0; t < horizon; t++) {
                states[n][t] = Seeds.gaussian(r, DX);
                for (int i = 0; i < DX; i++) {
                    states[n][t][i] = 1.5 * states[n][t][i] + 0.1 * t;
                }
                System.arraycopy(states[n][t], D, observations[n][t], 0, DO);
            }
        }
        return new SampleBatch(states, observations, new double[samples][horizon][DU],
                new double[samples][horizon][DU], new double[samples][horizon], seed, 0);
    }

    /** The gain the linearization should find: zero on x, A on the observation block. */
    private double[] expectedGain() {
        double[] k = new double[DU * DX];
        for (int j = 0; j < DU; j++) {
            System.arraycopy(a, j * DO, k, j * DX + D, DO);
        }
        return k;
    }

    private static double[] diagonal(double[] v) {
        double[] m = new double[v.length * v.length];
        for (int j = 0; j < v.length; j++) {
            m[j * v.length + j] = v[j];
        }
        return m;
    }

    @Test
    void recoversAnExactlyLinearPolicyWithoutPriorOrRidge() {
        SampleBatch batch = syntheticBatch(60, 4, 1);
        PolicyLinearizer linearizer = new PolicyLinearizer(PolicyLinearizerConfig.liMalik()
                .withPrior(PolicyLinearizerConfig.Prior.NONE).withRidge(0), 7);
        linearizer.updatePrior(batch, policy);
        LinearGaussianController pi = linearizer.linearize(batch, policy);
        assertEquals(4, pi.horizon());
        for (int t = 0; t < 4; t++) {
            assertArrayEquals(expectedGain(), pi.gain(t), 1e-12, "K̄ at t = " + t);
            assertArrayEquals(b, pi.offset(t), 1e-12, "k̄ at t = " + t);
            assertArrayEquals(diagonal(SIGMA2), pi.covariance(t), 1e-13, "S̄ = σ² + residual 0 at t = " + t);
        }
    }

    /** The ridge r·I shrinks the slope by O(r/var(s)) and leaves a residual ≈ r·AAᵀ: small, positive, known. */
    @Test
    void liMaliksRidgeBiasesTheFitByItsOwnSizeOnly() {
        SampleBatch batch = syntheticBatch(60, 4, 2);
        LinearGaussianController pi = new PolicyLinearizer(PolicyLinearizerConfig.liMalik()
                .withPrior(PolicyLinearizerConfig.Prior.NONE), 7).linearize(batch, policy);
        double scale = maxAbs(a);
        for (int t = 0; t < 4; t++) {
            assertArrayEquals(expectedGain(), pi.gain(t), 2e-3 * scale, "K̄ at t = " + t);
            double[] excess = pi.covariance(t);
            for (int j = 0; j < DU; j++) {
                excess[j * DU + j] -= SIGMA2[j];
                assertTrue(excess[j * DU + j] >= 0 && excess[j * DU + j] < 2e-3 * DO * scale * scale,
                        "residual variance " + excess[j * DU + j] + " at t = " + t);
            }
        }
    }

    /** Li's mode replace: the GMM prior, itself fitted to exactly linear points, keeps the fit close to the truth. */
    @Test
    void gmmPriorKeepsTheLinearizationClose() {
        SampleBatch batch = syntheticBatch(40, 5, 3);
        PolicyLinearizerConfig config = PolicyLinearizerConfig.liMalik();
        PolicyLinearizer linearizer = new PolicyLinearizer(config, 11);
        linearizer.updatePrior(batch, policy);
        LinearGaussianController pi = linearizer.linearize(batch, policy);
        double scale = maxAbs(a);
        for (int t = 0; t < 5; t++) {
            assertArrayEquals(expectedGain(), pi.gain(t), 5e-3 * scale, "K̄ at t = " + t);
            assertArrayEquals(diagonal(SIGMA2), pi.covariance(t), 5e-3 * scale * scale, "S̄ at t = " + t);
        }
        PolicyLinearizer again = new PolicyLinearizer(config, 11);
        again.updatePrior(batch, policy);
        assertArrayEquals(pi.gain(2), again.linearize(batch, policy).gain(2), 0.0, "same seed, same result");
    }

    /**
     * On real L2O samples (released-code state, N = 20, T = 40, Li's configuration) the states span only a small
     * subspace, so K̄ is not identifiable, but π̄'s mean must reproduce μ_θ at the sampled states.
     */
    @Test
    void reproducesThePolicyMeanOnL2oSamples() {
        FeaturePreset preset = FeaturePreset.releasedCode();
        Condition condition = Condition.of(new LogisticRegressionFamily(LogisticRegressionConfig.DEFAULTS).sample(6));
        LinearGaussianController behaviour = MomentumGridInitializer.momentumController(preset.stateLayout(4), 40,
                0.2, 0.9, 0.01);
        SampleBatch batch = new TrajectorySampler(preset, 40, DivergenceRule.DEFAULT, 1).sample(condition, behaviour,
                20, 5L);
        double[] weights = new double[4 * 229];
        RandomGenerator r = Seeds.rng(8);
        for (int i = 0; i < weights.length; i++) {
            weights[i] = 0.05 * r.nextGaussian();
        }
        LinearPolicy l2oPolicy = new LinearPolicy(229, 4, weights, new double[] {0.01, 0.02, -0.01, 0},
                new double[] {0.01, 0.01, 0.01, 0.01});
        PolicyLinearizer linearizer = new PolicyLinearizer(PolicyLinearizerConfig.liMalik(), 9);
        linearizer.updatePrior(batch, l2oPolicy);
        LinearGaussianController pi = linearizer.linearize(batch, l2oPolicy);
        double[] mean = new double[4];
        double worst = 0;
        double spread = 0;
        for (int n = 0; n < 20; n++) {
            for (int t = 0; t < 40; t++) {
                l2oPolicy.mean(batch.observations()[n][t], 1, mean);
                double[] linear = pi.meanAction(batch.states()[n][t], t);
                for (int j = 0; j < 4; j++) {
                    worst = Math.max(worst, Math.abs(linear[j] - mean[j]));
                    spread = Math.max(spread, Math.abs(mean[j]));
                }
            }
        }
        assertTrue(worst < 0.05 * spread, "π̄ mean error " + worst + " against |μ| up to " + spread);
        for (int t = 0; t < 40; t++) {
            double[] s = pi.covariance(t);
            for (int j = 0; j < 4; j++) {
                assertTrue(s[j * 4 + j] >= 0.01, "S̄ includes σ² at t = " + t);
            }
        }
    }

    @Test
    void rejectsMisuseWithMessagesNamingTheProblem() {
        SampleBatch batch = syntheticBatch(10, 2, 4);
        PolicyLinearizer linearizer = new PolicyLinearizer(PolicyLinearizerConfig.liMalik(), 1);
        IllegalStateException unfitted = assertThrows(IllegalStateException.class,
                () -> linearizer.linearize(batch, policy));
        assertTrue(unfitted.getMessage().contains("updatePrior"), unfitted.getMessage());
        LinearPolicy wrong = new LinearPolicy(DO + 1, DU, new double[(DO + 1) * DU], new double[DU], SIGMA2);
        IllegalArgumentException shape = assertThrows(IllegalArgumentException.class,
                () -> linearizer.updatePrior(batch, wrong));
        assertTrue(shape.getMessage().contains("dO = " + DO), shape.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PolicyLinearizerConfig.liMalik().withRidge(-1));
        assertThrows(IllegalArgumentException.class, () -> PolicyLinearizerConfig.liMalik()
                .withGmm(GmmPriorConfig.liMalik().withCbfinnCompatible(true)));
    }

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double x : v) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }
}
