package org.l2o4j.gps.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.random.RandomGenerator;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;
import org.l2o4j.core.random.Seeds;
import org.l2o4j.gps.dynamics.GmmPriorConfig;
import org.l2o4j.gps.model.LinearGaussianController;
import org.l2o4j.gps.sampling.SampleBatch;
import org.l2o4j.policy.GaussianMlpPolicy;
import org.l2o4j.policy.InputNormalization;
import org.l2o4j.policy.MlpArchitecture;

/**
 * gps.md §8 test 15 with the production policy class: μ_θ is a {@link GaussianMlpPolicy} without a hidden layer, so
 * μ_θ(o) = Wᵀ diag(1/std)(o − mean) + b is exactly affine in o <em>through its stored input normalization</em>, and
 * o = C s + c is an affine function of the state (a general C, not only "drop the x block"). The linearizer must
 * then recover the composed map
 * <pre>
 *   K̄ = Wᵀ diag(1/std) C,    k̄ = b + Wᵀ diag(1/std)(c − mean)
 * </pre>
 * to 1e-6 under a weak GMM prior, and S̄ = the regression residual + diag σ², checked against a residual worked out
 * independently (Commons Math) for a ridge large enough to make the residual clearly non-zero.
 *
 * <p>{@link PolicyLinearizerTest} covers the same item with a test-only {@link LinearPolicy} that has no
 * normalization; a linearizer that bypassed {@link org.l2o4j.policy.Policy#mean} (e.g. applied raw weights to o) would
 * pass there and fail here, because the normalization's std spans two orders of magnitude.
 */
class NormalizedPolicyLinearizationTest {

    private static final int DX = 5;
    private static final int DO = 4;
    private static final int DU = 2;
    private static final int SAMPLES = 30;
    private static final int HORIZON = 3;
    private static final double[] SIGMA2 = {0.02, 0.005};

    private final RandomGenerator rng = Seeds.rng(2024);
    /** o = C s + c: C is DO × DX row-major. */
    private final double[] c = Seeds.gaussian(rng, DO * DX);
    private final double[] cOffset = Seeds.gaussian(rng, DO);
    /** Normalization statistics far from (0, 1), so that ignoring or misapplying them changes K̄ by O(1). */
    private final double[] normMean = {3.0, -1.5, 0.25, 10.0};
    private final double[] normStd = {0.2, 5.0, 1.0, 0.05};
    /** The linear layer: W is DO × DU (input-major, {@link MlpArchitecture}'s layout), then b. */
    private final double[] w = Seeds.gaussian(rng, DO * DU);
    private final double[] bias = {0.3, -0.7};

    private GaussianMlpPolicy policy() {
        double[] theta = new double[DO * DU + DU];
        System.arraycopy(w, 0, theta, 0, DO * DU);
        System.arraycopy(bias, 0, theta, DO * DU, DU);
        double[] logStd = new double[DU];
        for (int j = 0; j < DU; j++) {
            logStd[j] = 0.5 * Math.log(SIGMA2[j]);
        }
        return GaussianMlpPolicy.of(MlpArchitecture.linear(DO, DU), theta,
                InputNormalization.of(normMean, normStd, true), logStd);
    }

    /** K = Wᵀ diag(1/std) C (DU × DX), composed by hand rather than by querying the policy. */
    private double[][] composedGain() {
        double[][] k = new double[DU][DX];
        for (int j = 0; j < DU; j++) {
            for (int a = 0; a < DX; a++) {
                double sum = 0;
                for (int i = 0; i < DO; i++) {
                    sum += w[i * DU + j] / normStd[i] * c[i * DX + a];
                }
                k[j][a] = sum;
            }
        }
        return k;
    }

    /** k = b + Wᵀ diag(1/std)(c − mean). */
    private double[] composedOffset() {
        double[] k = bias.clone();
        for (int j = 0; j < DU; j++) {
            for (int i = 0; i < DO; i++) {
                k[j] += w[i * DU + j] / normStd[i] * (cOffset[i] - normMean[i]);
            }
        }
        return k;
    }

    /** Full-rank states (N = 30 > dX = 5) with unequal scales and a per-t drift, and o = C s + c. */
    private SampleBatch batch(long seed) {
        RandomGenerator r = Seeds.rng(seed);
        double[] scale = {1.0, 0.5, 2.0, 1.5, 0.8};
        double[][][] states = new double[SAMPLES][HORIZON][DX];
        double[][][] observations = new double[SAMPLES][HORIZON][DO];
        for (int n = 0; n < SAMPLES; n++) {
            for (int t = 0; t < HORIZON; t++) {
                for (int a = 0; a < DX; a++) {
                    states[n][t][a] = scale[a] * r.nextGaussian() + 0.3 * t * (a + 1);
                }
                for (int i = 0; i < DO; i++) {
                    double o = cOffset[i];
                    for (int a = 0; a < DX; a++) {
                        o += c[i * DX + a] * states[n][t][a];
                    }
                    observations[n][t][i] = o;
                }
            }
        }
        return new SampleBatch(states, observations, new double[SAMPLES][HORIZON][DU],
                new double[SAMPLES][HORIZON][DU], new double[SAMPLES][HORIZON], seed, 0);
    }

    /**
     * A weak prior: Li's mode replace (GMM on [s; μ_θ(o)], 4 clusters of ≥ 20 points) at strength 0.01, i.e. a
     * hundredth of a pseudo-observation against N = 30, and no ridge. The prior's only departure from the exact
     * affine structure is the 1e-6·I the EM adds to every cluster covariance, so K̄ and k̄ must hold to 1e-6 (absolute,
     * against entries up to ≈ 27).
     */
    @Test
    void weakPriorRecoversTheComposedMapThroughTheNormalization() {
        SampleBatch batch = batch(5);
        GaussianMlpPolicy policy = policy();
        PolicyLinearizerConfig config = PolicyLinearizerConfig.liMalik()
                .withGmm(GmmPriorConfig.liMalik().withStrength(0.01)).withRidge(0);
        PolicyLinearizer linearizer = new PolicyLinearizer(config, 17);
        linearizer.updatePrior(batch, policy);
        LinearGaussianController pi = linearizer.linearize(batch, policy);

        double[][] gain = composedGain();
        double[] offset = composedOffset();
        double gainScale = maxAbs(gain);
        // sanity: the normalization must matter, otherwise this test would not discriminate
        assertTrue(gainScale > 1, "composed gain scale " + gainScale);
        for (int t = 0; t < HORIZON; t++) {
            double[] kBar = pi.gain(t);
            double[] kbar = pi.offset(t);
            double[] sBar = pi.covariance(t);
            for (int j = 0; j < DU; j++) {
                for (int a = 0; a < DX; a++) {
                    assertEquals(gain[j][a], kBar[j * DX + a], 1e-6, "K̄[" + j + "][" + a + "] at t = " + t);
                }
                assertEquals(offset[j], kbar[j], 1e-6, "k̄[" + j + "] at t = " + t);
                for (int l = 0; l < DU; l++) {
                    // The fit is exact, so the residual is only the prior's 1e-6·I cluster jitter carried through
                    // the map, ≈ m·1e-6·(I + K̄K̄ᵀ)/N: bounded by 1e-8·|K|², while σ² itself is ≥ 5e-3.
                    double expected = j == l ? SIGMA2[j] : 0;
                    assertEquals(expected, sBar[j * DU + l], 1e-8 * gainScale * gainScale,
                            "S̄[" + j + "][" + l + "] = σ² + (≈ 0) residual at t = " + t);
                }
                assertTrue(sBar[j * DU + j] >= SIGMA2[j] - 1e-15, "residual variance must be ≥ 0 at t = " + t);
            }
        }
    }

    /**
     * No prior and a deliberately large ridge r = 0.05 on the s block: the regression is a ridge regression of the
     * exactly affine targets, with closed forms in the empirical (1/N) state covariance Σ and mean μ of each step:
     * <pre>
     *   K̄ = K Σ (Σ + rI)⁻¹,   k̄ = k + (K − K̄) μ,   S̄ = K Σ Kᵀ − K Σ (Σ + rI)⁻¹ Σ Kᵀ + diag σ²
     * </pre>
     * (the targets' covariance is K Σ Kᵀ and their cross-covariance with s is Σ Kᵀ). The residual term is
     * clearly non-zero, so S̄ = residual + σ² is checked for real, not just S̄ = σ².
     */
    @Test
    void ridgeResidualPlusPolicyVarianceMatchesTheClosedForm() {
        double ridge = 0.05;
        SampleBatch batch = batch(6);
        GaussianMlpPolicy policy = policy();
        LinearGaussianController pi = new PolicyLinearizer(PolicyLinearizerConfig.liMalik()
                .withPrior(PolicyLinearizerConfig.Prior.NONE).withRidge(ridge), 1).linearize(batch, policy);

        RealMatrix k = new Array2DRowRealMatrix(composedGain());
        double[] offset = composedOffset();
        double largestResidual = 0;
        for (int t = 0; t < HORIZON; t++) {
            double[] mean = new double[DX];
            for (int n = 0; n < SAMPLES; n++) {
                for (int a = 0; a < DX; a++) {
                    mean[a] += batch.states()[n][t][a] / SAMPLES;
                }
            }
            RealMatrix sigma = new Array2DRowRealMatrix(DX, DX);
            for (int n = 0; n < SAMPLES; n++) {
                for (int a = 0; a < DX; a++) {
                    for (int e = 0; e < DX; e++) {
                        sigma.addToEntry(a, e, (batch.states()[n][t][a] - mean[a])
                                * (batch.states()[n][t][e] - mean[e]) / SAMPLES);
                    }
                }
            }
            RealMatrix ridged = sigma.add(MatrixUtils.createRealIdentityMatrix(DX).scalarMultiply(ridge));
            RealMatrix ridgedInverse = new LUDecomposition(ridged).getSolver().getInverse();
            RealMatrix kBar = k.multiply(sigma).multiply(ridgedInverse);
            RealMatrix residual = k.multiply(sigma).multiply(k.transpose())
                    .subtract(k.multiply(sigma).multiply(ridgedInverse).multiply(sigma).multiply(k.transpose()));
            double[] kbar = new double[DU];
            for (int j = 0; j < DU; j++) {
                kbar[j] = offset[j];
                for (int a = 0; a < DX; a++) {
                    kbar[j] += (k.getEntry(j, a) - kBar.getEntry(j, a)) * mean[a];
                }
            }
            double scale = maxAbs(k.getData());
            double[] actualGain = pi.gain(t);
            double[] actualOffset = pi.offset(t);
            double[] actualCovariance = pi.covariance(t);
            for (int j = 0; j < DU; j++) {
                for (int a = 0; a < DX; a++) {
                    assertEquals(kBar.getEntry(j, a), actualGain[j * DX + a], 1e-10 * scale,
                            "K̄[" + j + "][" + a + "] at t = " + t);
                }
                assertEquals(kbar[j], actualOffset[j], 1e-10 * scale, "k̄[" + j + "] at t = " + t);
                for (int l = 0; l < DU; l++) {
                    double expected = residual.getEntry(j, l) + (j == l ? SIGMA2[j] : 0);
                    assertEquals(expected, actualCovariance[j * DU + l], 1e-10 * scale * scale,
                            "S̄[" + j + "][" + l + "] = residual + σ² at t = " + t);
                }
                largestResidual = Math.max(largestResidual, residual.getEntry(j, j));
            }
        }
        // the residual must be large enough that dropping it (S̄ = σ² only) would fail the checks above
        assertTrue(largestResidual > 1e-4, "ridge residual " + largestResidual + " too small to be a real check");
    }

    private static double maxAbs(double[][] m) {
        double max = 0;
        for (double[] row : m) {
            for (double v : row) {
                max = Math.max(max, Math.abs(v));
            }
        }
        return max;
    }
}
