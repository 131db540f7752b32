package org.l2o4j.problems;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;
import org.l2o4j.core.config.ConfigException;
import org.l2o4j.core.random.Seeds;
import org.l2o4j.problems.GaussianClusters.Covariance;

class GaussianClustersTest {

    /** 20,000 points: the sample covariance's entries have standard error about 1/sqrt(20000) ≈ 0.007. */
    @Test
    void identityClusterHasUnitCovarianceAroundItsMean() {
        int n = 20_000;
        int d = 3;
        double[] points = new double[n * d];
        GaussianClusters.sample(Seeds.rng(3), Covariance.IDENTITY, n, d, points, 0);
        double[] mean = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                mean[j] += points[i * d + j] / n;
            }
        }
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < d; b++) {
                double c = 0;
                for (int i = 0; i < n; i++) {
                    c += (points[i * d + a] - mean[a]) * (points[i * d + b] - mean[b]);
                }
                assertEquals(a == b ? 1 : 0, c / (n - 1), 0.05, "covariance " + a + "," + b);
            }
        }
    }

    /** The documented draw order: mean, then the factor's lower triangle row by row, then each point's z. */
    @Test
    void lowerTriangularClusterFollowsTheDocumentedDrawOrder() {
        int n = 3;
        double[] points = new double[(n + 1) * 2];
        GaussianClusters.sample(Seeds.rng(4), Covariance.LOWER_TRIANGULAR, n, 2, points, 1);
        RandomGenerator rng = Seeds.rng(4);
        double m0 = rng.nextGaussian();
        double m1 = rng.nextGaussian();
        double l00 = rng.nextGaussian();
        double l10 = rng.nextGaussian();
        double l11 = rng.nextGaussian();
        for (int p = 1; p <= n; p++) {
            double z0 = rng.nextGaussian();
            double z1 = rng.nextGaussian();
            assertEquals(m0 + l00 * z0, points[2 * p], 1e-15);
            assertEquals(m1 + l10 * z0 + l11 * z1, points[2 * p + 1], 1e-15);
        }
        assertEquals(0.0, points[0], 0.0, "rows before firstRow stay untouched");
    }

    @Test
    void unknownCovarianceNameListsTheValidOnes() {
        ConfigException e = assertThrows(ConfigException.class, () -> Covariance.named("diagonal"));
        assertTrue(e.getMessage().contains("'diagonal'") && e.getMessage().contains("lower-triangular"),
                e.getMessage());
    }
}
