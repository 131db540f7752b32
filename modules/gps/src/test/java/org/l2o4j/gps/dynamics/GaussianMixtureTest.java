package org.l2o4j.gps.dynamics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;
import org.l2o4j.core.random.Seeds;

/** gps.md §8 test 11: EM on well-separated clusters, monotone log-likelihood, mixture moments, determinism. */
class GaussianMixtureTest {

    private static final double[][] MEANS = {{-10, 0, 5}, {10, 2, -5}, {0, 15, 0}};
    private static final double[] WEIGHTS = {0.5, 0.3, 0.2};
    private static final int POINTS = 1500;

    /** 1500 points from 3 unit-variance Gaussians in 3-D whose means are at least 14 standard deviations apart. */
    private static double[][] separatedClusters(RandomGenerator rng) {
        double[][] data = new double[POINTS][];
        for (int i = 0; i < POINTS; i++) {
            double r = rng.nextDouble();
            int k = r < WEIGHTS[0] ? 0 : r < WEIGHTS[0] + WEIGHTS[1] ? 1 : 2;
            data[i] = new double[3];
            for (int a = 0; a < 3; a++) {
                data[i][a] = MEANS[k][a] + rng.nextGaussian();
            }
        }
        return data;
    }

    private static GaussianMixture.EmResult fitFromSeed(double[][] data, long seed) {
        int[] assignment = GaussianMixture.randomAssignment(data.length, 3, Seeds.rng(seed));
        GaussianMixture start = GaussianMixture.fromAssignment(data, assignment, 3,
                GaussianMixture.InitialCovariance.CLUSTER_COVARIANCE);
        return GaussianMixture.fit(data, start, 100);
    }

    /**
     * Over 5 initialization seeds, EM finds every cluster: each true mean is matched by a fitted mean within 0.2 (the
     * standard error is below 0.05 per coordinate) and the masses within 0.04 of the true weights (the multinomial
     * standard error is at most 0.013).
     */
    @Test
    void recoversMeansAndWeightsOfSeparatedClusters() {
        double[][] data = separatedClusters(Seeds.rng(111));
        for (long seed = 1; seed <= 5; seed++) {
            GaussianMixture gmm = fitFromSeed(data, seed).mixture();
            boolean[] used = new boolean[3];
            for (int truth = 0; truth < 3; truth++) {
                int best = -1;
                double bestDistance = Double.POSITIVE_INFINITY;
                for (int c = 0; c < 3; c++) {
                    double distance = 0;
                    for (int a = 0; a < 3; a++) {
                        distance = Math.max(distance, Math.abs(gmm.mean(c)[a] - MEANS[truth][a]));
                    }
                    if (distance < bestDistance) {
                        bestDistance = distance;
                        best = c;
                    }
                }
                assertTrue(bestDistance < 0.2, "seed " + seed + ": cluster " + truth + " missed by " + bestDistance);
                assertTrue(!used[best], "seed " + seed + ": two true clusters matched fitted cluster " + best);
                used[best] = true;
                assertEquals(WEIGHTS[truth], Math.exp(gmm.logMass(best)), 0.04, "seed " + seed + ": weight of "
                        + truth);
            }
        }
    }

    /** EM's log-likelihood is non-decreasing up to the final E-step, and EM stops before its cap. */
    @Test
    void logLikelihoodNeverDecreases() {
        double[][] data = separatedClusters(Seeds.rng(112));
        for (long seed = 1; seed <= 5; seed++) {
            double[] trace = fitFromSeed(data, seed).logLikelihoodTrace();
            assertTrue(trace.length > 1 && trace.length < 100, "E-steps: " + trace.length);
            for (int i = 1; i < trace.length; i++) {
                assertTrue(trace[i] >= trace[i - 1] - 1e-9 * Math.abs(trace[i - 1]), "seed " + seed + ": ℓ fell from "
                        + trace[i - 1] + " to " + trace[i] + " at E-step " + i);
            }
        }
    }

    /**
     * {@code moments} is the mean and covariance of the mixture Σ w_k N(μ_k, Σ_k), checked against the other form
     * Σ w_k (Σ_k + μ_k μ_kᵀ) − μ0 μ0ᵀ; the averaged posterior weights of one cluster's own points pick that cluster.
     */
    @Test
    void evaluateReturnsMixtureMoments() {
        double[][] means = {{1, 2}, {-3, 0.5}, {0, -4}};
        double[][] covariances = {{1, 0.2, 0.2, 0.5}, {0.3, 0, 0, 2}, {1.5, -0.4, -0.4, 1}};
        double[] logMasses = {Math.log(0.2), Math.log(0.5), Math.log(0.3)};
        GaussianMixture gmm = GaussianMixture.of(means, covariances, logMasses);
        double[] w = {0.1, 0.6, 0.3};
        double[] logW = new double[3];
        for (int k = 0; k < 3; k++) {
            logW[k] = Math.log(w[k]);
        }
        GaussianMixture.Moments moments = gmm.moments(logW);
        double[] mean = new double[2];
        double[] second = new double[4];
        for (int k = 0; k < 3; k++) {
            for (int a = 0; a < 2; a++) {
                mean[a] += w[k] * means[k][a];
                for (int b = 0; b < 2; b++) {
                    second[a * 2 + b] += w[k] * (covariances[k][a * 2 + b] + means[k][a] * means[k][b]);
                }
            }
        }
        for (int a = 0; a < 2; a++) {
            for (int b = 0; b < 2; b++) {
                second[a * 2 + b] -= mean[a] * mean[b];
            }
        }
        Fixture.assertClose(mean, moments.mean(), 1e-14, "μ0");
        Fixture.assertClose(second, moments.covariance(), 1e-14, "Φ0");
        // points at cluster 2's mean: nearly all posterior weight on cluster 2
        double[] logWeights = gmm.averagedLogWeights(new double[][] {{0, -4}, {0.1, -4.2}});
        assertEquals(1, Math.exp(logWeights[2]), 1e-6);
        assertEquals(1, Arrays.stream(logWeights).map(Math::exp).sum(), 1e-14);
    }

    /**
     * A cluster whose mass falls below 10⁻⁴/K is rebooted: after one M-step its mean is the plain mean of all points
     * (uniform weights 1/P), while its mass keeps the computed, tiny value.
     */
    @Test
    void tinyClusterIsRebootedWithUniformWeights() {
        double[][] data = separatedClusters(Seeds.rng(114));
        double[][] means = {{-10, 0, 5}, {10, 2, -5}, {1000, 1000, 1000}};
        double[][] covariances = new double[3][];
        for (int k = 0; k < 3; k++) {
            covariances[k] = new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1};
        }
        double[] logMasses = {Math.log(0.5), Math.log(0.4), Math.log(0.1)};
        GaussianMixture start = GaussianMixture.of(means, covariances, logMasses);
        GaussianMixture stepped = GaussianMixture.fit(data, start, 1).mixture();
        double[] mean = new double[3];
        for (double[] y : data) {
            for (int a = 0; a < 3; a++) {
                mean[a] += y[a] / data.length;
            }
        }
        Fixture.assertClose(mean, stepped.mean(2), 1e-12, "rebooted cluster's mean");
        assertTrue(Math.exp(stepped.logMass(2)) < 1e-4 / 3, "mass stays as computed: " + stepped.logMass(2));
    }

    /** A cluster that the initial assignment leaves empty starts from all points' mean instead of being undefined. */
    @Test
    void emptyInitialClusterStartsFromAllPoints() {
        double[][] data = {{0, 0}, {2, 0}, {0, 4}};
        GaussianMixture start = GaussianMixture.fromAssignment(data, new int[] {0, 0, 0}, 2,
                GaussianMixture.InitialCovariance.CLUSTER_COVARIANCE);
        assertArrayEquals(new double[] {2.0 / 3, 4.0 / 3}, start.mean(1), 1e-15);
        assertEquals(Math.log(0.5), start.logMass(1), 1e-15);
    }

    /**
     * EM always ends on a mixture an M-step produced, whether it stopped on convergence or at the cap, so the M-step
     * of the data and the returned responsibilities is that mixture bit for bit (what a prior snapshot relies on).
     */
    @Test
    void fittedMixtureIsTheMStepOfItsResponsibilities() {
        double[][] data = separatedClusters(Seeds.rng(115));
        for (int cap : new int[] {1, 2, 100}) {
            int[] assignment = GaussianMixture.randomAssignment(data.length, 3, Seeds.rng(cap));
            GaussianMixture.EmResult em = GaussianMixture.fit(data, GaussianMixture.fromAssignment(data, assignment,
                    3, GaussianMixture.InitialCovariance.CLUSTER_COVARIANCE), cap);
            assertEquals(data.length * 3, em.logResponsibilities().length);
            GaussianMixture again = GaussianMixture.fromResponsibilities(data, em.logResponsibilities(), 3);
            for (int k = 0; k < 3; k++) {
                assertArrayEquals(em.mixture().mean(k), again.mean(k), "cap " + cap);
                assertArrayEquals(em.mixture().covariance(k), again.covariance(k), "cap " + cap);
                assertEquals(em.mixture().logMass(k), again.logMass(k), "cap " + cap);
            }
        }
    }

    /** The same seed gives bit-identical mixtures, through {@link GmmPrior} as well. */
    @Test
    void sameSeedSameResult() {
        double[][] data = separatedClusters(Seeds.rng(113));
        GaussianMixture a = fitFromSeed(data, 7).mixture();
        GaussianMixture b = fitFromSeed(data, 7).mixture();
        for (int k = 0; k < 3; k++) {
            assertArrayEquals(a.mean(k), b.mean(k));
            assertArrayEquals(a.covariance(k), b.covariance(k));
            assertEquals(a.logMass(k), b.logMass(k));
        }
        GmmPriorConfig config = GmmPriorConfig.liMalik().withClusters(3, 100);
        GmmPrior first = new GmmPrior(config, 42);
        GmmPrior second = new GmmPrior(config, 42);
        first.update(List.<double[][]>of(data));
        second.update(List.<double[][]>of(data));
        NiwPrior p = first.evaluate(Arrays.copyOf(data, 10));
        NiwPrior q = second.evaluate(Arrays.copyOf(data, 10));
        assertArrayEquals(p.mean(), q.mean());
        assertArrayEquals(p.scatter(), q.scatter());
    }
}
