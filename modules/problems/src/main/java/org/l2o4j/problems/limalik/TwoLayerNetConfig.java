package org.l2o4j.problems.limalik;

import org.l2o4j.core.config.Checks;
import org.l2o4j.core.config.ConfigException;
import org.l2o4j.problems.GaussianClusters.Covariance;

/**
 * Settings of the {@code two-layer-net} family (Li &amp; Malik 2017 §6; papers.md §1.5). Two classes are fixed: the
 * data generator gives each Gaussian a label in {0, 1}.
 *
 * @param clusters         Gaussians per data set, each with a random label; 4 (§6); at least 2, or no draw could
 *                         have both labels
 * @param pointsPerCluster points per Gaussian; 25 (§6)
 * @param inputDimension   m; 2 (§6)
 * @param hiddenUnits      h; 2 (§6), giving d = h·m + 3h + 2 = 12 parameters
 * @param l2               λ of (λ/2)(‖W‖_F² + ‖U‖_F²); 5e-4 (§6)
 * @param covariance       shape of each Gaussian's covariance factor; the paper gives none, {@code "lower-triangular"}
 *                         (L·Lᵀ with L lower-triangular N(0, 1)) as in the unofficial port (papers.md §1.5)
 * @param initScale        σ of x(0) ~ N(0, σ² I); not found in the paper, 1 by choice (papers.md §5.A)
 * @param trainProblems    functions in the {@code train} split; 80 (§6)
 * @param testProblems     functions in the {@code test} split; 100 (§6, "in the same manner")
 */
public record TwoLayerNetConfig(int clusters, int pointsPerCluster, int inputDimension, int hiddenUnits, double l2,
        String covariance, double initScale, int trainProblems, int testProblems) {

    /** The paper's settings, with the documented choices above where it gives none. */
    public static final TwoLayerNetConfig DEFAULTS =
            new TwoLayerNetConfig(4, 25, 2, 2, 5e-4, "lower-triangular", 1.0, 80, 100);

    public TwoLayerNetConfig {
        if (clusters < 2) {
            throw new ConfigException("clusters must be at least 2 so that both labels can occur, got " + clusters);
        }
        Checks.positive("pointsPerCluster", pointsPerCluster);
        Checks.positive("inputDimension", inputDimension);
        Checks.positive("hiddenUnits", hiddenUnits);
        Checks.nonNegative("l2", l2);
        Covariance.named(covariance);
        Checks.positive("initScale", initScale);
        Checks.positive("trainProblems", trainProblems);
        Checks.positive("testProblems", testProblems);
    }
}
