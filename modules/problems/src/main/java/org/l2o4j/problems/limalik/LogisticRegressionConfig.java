package org.l2o4j.problems.limalik;

import org.l2o4j.core.config.Checks;
import org.l2o4j.problems.GaussianClusters.Covariance;

/**
 * Settings of the {@code logistic-regression} family (Li &amp; Malik 2017 §6; papers.md §1.5).
 *
 * @param pointsPerClass   points drawn from each of the two class Gaussians; 50 (§6)
 * @param featureDimension m, features per point, so the problem has m + 1 parameters (w, b); 3 (§6)
 * @param l2               λ of (λ/2)‖w‖², the bias not regularized; 5e-4 (§6)
 * @param covariance       shape of each class's random covariance factor (see {@link Covariance}); {@code "full"}:
 *                         A·Aᵀ with A of i.i.d. N(0, 1) entries, as in the released code (the paper gives none)
 * @param initScale        σ of x(0) ~ N(0, σ² I); 1, as in the released code (the paper gives none)
 * @param trainProblems    functions in the {@code train} split; 90 (§6)
 * @param testProblems     functions in the {@code test} split; 100 (§6)
 */
public record LogisticRegressionConfig(int pointsPerClass, int featureDimension, double l2, String covariance,
        double initScale, int trainProblems, int testProblems) {

    /** The paper's settings. */
    public static final LogisticRegressionConfig DEFAULTS =
            new LogisticRegressionConfig(50, 3, 5e-4, "full", 1.0, 90, 100);

    public LogisticRegressionConfig {
        Checks.positive("pointsPerClass", pointsPerClass);
        Checks.positive("featureDimension", featureDimension);
        Checks.nonNegative("l2", l2);
        Covariance.named(covariance);
        Checks.positive("initScale", initScale);
        Checks.positive("trainProblems", trainProblems);
        Checks.positive("testProblems", testProblems);
    }
}
