package org.l2o4j.gps.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;
import org.l2o4j.core.random.Seeds;

/** gps.md §4.4: cluster count, buffer, pseudo-counts and warm starts of the GMM prior, clean and cbfinn-compatible. */
class GmmPriorTest {

    /** {@code count} trajectories of {@code rows} Gaussian points in dimension {@code d}. */
    private static List<double[][]> batch(int count, int rows, int d, RandomGenerator rng) {
        List<double[][]> batch = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            double[][] trajectory = new double[rows][];
            for (int t = 0; t < rows; t++) {
                trajectory[t] = Seeds.gaussian(rng, d);
            }
            batch.add(trajectory);
        }
        return batch;
    }

    @Test
    void clusterCountFollowsThePointCount() {
        GmmPrior prior = new GmmPrior(GmmPriorConfig.liMalik(), 1);
        assertEquals(20, prior.clusterCount(20 * 39), "Li & Malik: 780 points, capped at 20 clusters");
        assertEquals(5, prior.clusterCount(100));
        assertEquals(2, prior.clusterCount(30), "at least 2 clusters");
    }

    @Test
    void bufferKeepsTheMostRecentTrajectories() {
        RandomGenerator rng = Seeds.rng(3);
        GmmPriorConfig config = GmmPriorConfig.liMalik().withMaxSamples(8).withClusters(20, 10);
        GmmPrior clean = new GmmPrior(config, 1);
        GmmPrior reference = new GmmPrior(config.withCbfinnCompatible(true), 1);
        for (int update = 0; update < 3; update++) {
            List<double[][]> batch = batch(5, 6, 3, rng);
            clean.update(batch);
            reference.update(batch);
        }
        assertEquals(8, clean.bufferedTrajectories());
        assertEquals(7, reference.bufferedTrajectories(), "the reference keeps maxSamples − 1");
        assertEquals(48, clean.trainingPointCount());
    }

    /**
     * K unchanged → EM warm-starts (no new assignment is drawn); the clean prior's n0 then uses the new point count,
     * the reference's keeps the count of its initialization (gps-fixtures/README.md §7.5).
     */
    @Test
    void warmStartAndPseudoCounts() {
        RandomGenerator rng = Seeds.rng(4);
        int d = 3;
        List<double[][]> first = batch(4, 5, d, rng);
        List<double[][]> second = batch(4, 5, d, rng);
        for (boolean cbfinn : new boolean[] {false, true}) {
            int[] draws = {0};
            GmmPrior prior = new GmmPrior(GmmPriorConfig.liMalik().withStrength(2).withCbfinnCompatible(cbfinn),
                    (points, clusters) -> {
                        draws[0]++;
                        return GaussianMixture.randomAssignment(points, clusters, Seeds.rng(9));
                    });
            assertThrows(IllegalStateException.class, () -> prior.evaluate(first.get(0)));
            prior.update(first);
            prior.update(second);
            assertEquals(1, draws[0], "K stayed 2, so the second update warm-starts");
            int p = cbfinn ? 20 : 40;
            assertEquals(p, prior.trainingPointCount());
            NiwPrior niw = prior.evaluate(second.get(0));
            assertEquals(2.0, niw.meanCount());
            assertEquals(2.0 * (p - 2 - d) / p, niw.covarianceCount(), 1e-15);
            GaussianMixture.Moments moments = prior.mixture().orElseThrow()
                    .moments(prior.mixture().orElseThrow().averagedLogWeights(second.get(0)));
            for (int i = 0; i < d * d; i++) {
                assertEquals(2.0 * moments.covariance()[i], niw.scatter()[i], 0.0, "Φ = m·Φ0");
            }
        }
    }

    /** With fewer points than D + 2, n0 = strength·(P − 2 − D)/P is negative: clamped to 0 unless cbfinn-compatible. */
    @Test
    void covarianceCountIsClampedAtZero() {
        RandomGenerator rng = Seeds.rng(5);
        List<double[][]> batch = batch(2, 3, 8, rng);
        GmmPrior clean = new GmmPrior(GmmPriorConfig.liMalik(), 1);
        GmmPrior reference = new GmmPrior(GmmPriorConfig.liMalik().withCbfinnCompatible(true), 1);
        clean.update(batch);
        reference.update(batch);
        assertEquals(0.0, clean.evaluate(batch.get(0)).covarianceCount());
        double n0 = reference.evaluate(batch.get(0)).covarianceCount();
        assertEquals((6 - 2 - 8) / 6.0, n0, 1e-15);
        assertTrue(n0 < 0);
    }

    @Test
    void rejectsPointsOfAnotherDimension() {
        RandomGenerator rng = Seeds.rng(6);
        GmmPrior prior = new GmmPrior(GmmPriorConfig.liMalik(), 1);
        prior.update(batch(3, 4, 3, rng));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> prior.update(batch(3, 4, 5, rng)));
        assertTrue(e.getMessage().contains("dimension 3"), e.getMessage());
    }
}
