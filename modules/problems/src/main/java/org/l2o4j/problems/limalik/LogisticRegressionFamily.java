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
 * Li &amp; Malik's logistic-regression functions (§6): two Gaussian classes with random means and covariances
 * ({@link GaussianClusters}), class 0 drawn first, then class 1, labels 0/1 by class; see
 * {@link LogisticRegressionConfig} for the defaults. Splits {@code train} and {@code test}.
 */
public final class LogisticRegressionFamily extends ConfiguredFamily<LogisticRegressionConfig> {

    /** Registered name. */
    public static final String NAME = "logistic-regression";

    public LogisticRegressionFamily(LogisticRegressionConfig config) {
        super(NAME, config, List.of(new Split("train", config.trainProblems()),
                new Split("test", config.testProblems())));
    }

    @Override
    public LogisticRegression sample(long seed) {
        LogisticRegressionConfig c = settings();
        int perClass = c.pointsPerClass();
        int m = c.featureDimension();
        RandomGenerator rng = ProblemSeeds.data(seed);
        Covariance covariance = Covariance.named(c.covariance());
        double[] points = new double[2 * perClass * m];
        int[] labels = new int[2 * perClass];
        for (int label = 0; label < 2; label++) {
            GaussianClusters.sample(rng, covariance, perClass, m, points, label * perClass);
            for (int i = 0; i < perClass; i++) {
                labels[label * perClass + i] = label;
            }
        }
        return new LogisticRegression(RowMajor.rows(points, m), labels, c.l2(), seed, c.initScale());
    }
}
