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
 * Li &amp; Malik's robust-linear-regression functions (§6). For each Gaussian in turn, on the problem's data stream:
 * its points ({@link GaussianClusters}), then its projection vector p ~ N(0, I_m), then its bias β ~ N(0, 1), then
 * one noise draw per point; target y = pᵀa + β + σ·ε. Splits {@code train} and {@code test}; defaults in
 * {@link RobustLinearRegressionConfig}.
 */
public final class RobustLinearRegressionFamily extends ConfiguredFamily<RobustLinearRegressionConfig> {

    /** Registered name. */
    public static final String NAME = "robust-linear-regression";

    public RobustLinearRegressionFamily(RobustLinearRegressionConfig config) {
        super(NAME, config, List.of(new Split("train", config.trainProblems()),
                new Split("test", config.testProblems())));
    }

    @Override
    public RobustLinearRegression sample(long seed) {
        RobustLinearRegressionConfig c = settings();
        int perCluster = c.pointsPerCluster();
        int m = c.featureDimension();
        int n = c.clusters() * perCluster;
        Covariance covariance = Covariance.named(c.covariance());
        RandomGenerator rng = ProblemSeeds.data(seed);
        double[] points = new double[n * m];
        double[] targets = new double[n];
        double[] projection = new double[m];
        for (int k = 0; k < c.clusters(); k++) {
            int first = k * perCluster;
            GaussianClusters.sample(rng, covariance, perCluster, m, points, first);
            for (int j = 0; j < m; j++) {
                projection[j] = rng.nextGaussian();
            }
            double bias = rng.nextGaussian();
            for (int i = first; i < first + perCluster; i++) {
                double y = bias + c.noiseStd() * rng.nextGaussian();
                for (int j = 0; j < m; j++) {
                    y += projection[j] * points[i * m + j];
                }
                targets[i] = y;
            }
        }
        return new RobustLinearRegression(RowMajor.rows(points, m), targets, c.scale(), seed, c.initScale());
    }
}
