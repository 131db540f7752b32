package org.l2o4j.problems.limalik;

import java.util.List;
import java.util.random.RandomGenerator;

import org.l2o4j.core.problem.Split;
import org.l2o4j.problems.ConfiguredFamily;
import org.l2o4j.problems.GaussianClusters;
import org.l2o4j.problems.GaussianClusters.Covariance;
import org.l2o4j.problems.ProblemSeeds;
import org.l2o4j.problems.RowMajor;

/**
 * Li &amp; Malik's two-layer-network functions (§6). On the problem's data stream: first one label in {0, 1} per
 * Gaussian, redrawn on the same stream until both labels occur (the paper rejects data sets whose labels are all
 * equal), then the Gaussians' points in order ({@link GaussianClusters}). Splits {@code train} and {@code test};
 * defaults in {@link TwoLayerNetConfig}.
 */
public final class TwoLayerNetFamily extends ConfiguredFamily<TwoLayerNetConfig> {

    /** Registered name. */
    public static final String NAME = "two-layer-net";

    public TwoLayerNetFamily(TwoLayerNetConfig config) {
        super(NAME, config, List.of(new Split("train", config.trainProblems()),
                new Split("test", config.testProblems())));
    }

    @Override
    public TwoLayerNet sample(long seed) {
        TwoLayerNetConfig c = settings();
        int perCluster = c.pointsPerCluster();
        int m = c.inputDimension();
        Covariance covariance = Covariance.named(c.covariance());
        RandomGenerator rng = ProblemSeeds.data(seed);
        int[] clusterLabels = clusterLabels(rng, c.clusters());
        double[] points = new double[c.clusters() * perCluster * m];
        int[] labels = new int[c.clusters() * perCluster];
        for (int k = 0; k < c.clusters(); k++) {
            GaussianClusters.sample(rng, covariance, perCluster, m, points, k * perCluster);
            for (int i = 0; i < perCluster; i++) {
                labels[k * perCluster + i] = clusterLabels[k];
            }
        }
        return new TwoLayerNet(RowMajor.rows(points, m), labels, c.hiddenUnits(), c.l2(), seed, c.initScale());
    }

    private static int[] clusterLabels(RandomGenerator rng, int clusters) {
        int[] labels = new int[clusters];
        boolean bothLabels;
        do {
            for (int k = 0; k < clusters; k++) {
                labels[k] = rng.nextInt(2);
            }
            bothLabels = false;
            for (int k = 1; k < clusters; k++) {
                bothLabels |= labels[k] != labels[0];
            }
        } while (!bothLabels);
        return labels;
    }
}
