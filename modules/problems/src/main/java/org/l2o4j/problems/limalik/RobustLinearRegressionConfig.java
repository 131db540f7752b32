package org.l2o4j.problems.limalik;

import org.l2o4j.core.config.Checks;
import org.l2o4j.problems.GaussianClusters.Covariance;

/**
 * Settings of the {@code robust-linear-regression} family (Li &amp; Malik 2017 §6; papers.md §1.5).
 *
 * @param clusters          Gaussians in each data set, each with its own projection and bias; 4 (§6)
 * @param pointsPerCluster  points per Gaussian; 25 (§6)
 * @param featureDimension  m, so the problem has m + 1 parameters (w, b); 3 (§6)
 * @param scale             c of the Geman–McClure loss r²/(c² + r²); 1 (§6)
 * @param noiseStd          σ of the i.i.d. Gaussian label noise; not found in the paper, 1 by choice (papers.md §5.A)
 * @param covariance        shape of each Gaussian's covariance factor; {@code "identity"} (§6)
 * @param initScale         σ of x(0) ~ N(0, σ² I); not found in the paper, 1 by choice (papers.md §5.A)
 * @param trainProblems     functions in the {@code train} split; 120 (§6)
 * @param testProblems      functions in the {@code test} split; 100 (§6)
 */
public record RobustLinearRegressionConfig(int clusters, int pointsPerCluster, int featureDimension, double scale,
        double noiseStd, String covariance, double initScale, int trainProblems, int testProblems) {

    /** The paper's settings, with the documented choices above where it gives none. */
    public static final RobustLinearRegressionConfig DEFAULTS =
            new RobustLinearRegressionConfig(4, 25, 3, 1.0, 1.0, "identity", 1.0, 120, 100);

    public RobustLinearRegressionConfig {
        Checks.positive("clusters", clusters);
        Checks.positive("pointsPerCluster", pointsPerCluster);
        Checks.positive("featureDimension", featureDimension);
        Checks.positive("scale", scale);
        Checks.nonNegative("noiseStd", noiseStd);
        Covariance.named(covariance);
        Checks.positive("initScale", initScale);
        Checks.positive("trainProblems", trainProblems);
        Checks.positive("testProblems", testProblems);
    }
}
