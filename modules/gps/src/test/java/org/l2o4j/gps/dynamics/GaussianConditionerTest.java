package org.l2o4j.gps.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.l2o4j.gps.dynamics.Fixture.assertClose;

import java.util.random.RandomGenerator;

import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;
import org.junit.jupiter.api.Test;
import org.l2o4j.core.random.Seeds;
import org.l2o4j.gps.linalg.NotPositiveDefiniteException;

/** gps.md §8 tests 9 (dynamics regression) and 10 (the NIW formula by hand). */
class GaussianConditionerTest {

    /**
     * Test 10. Points (0, 1), (1, 3), (2, 2); in = first coordinate. μ̂ = (1, 2), N·S = [[2, 1], [1, 2]].
     * Prior μ0 = 0, Φ = diag(1, 2), m = 1, n0 = 3: N·m/(N+m) = 3/4, δ = (1, 2), so the numerator is
     * [[2 + 1 + 3/4, 1 + 3/2], [·, 2 + 2 + 3]] = [[15/4, 5/2], [5/2, 7]] and Σ = that / 6 = [[5/8, 5/12], [5/12, 7/6]].
     * Ridge 1/8: Σ_in = 3/4, F = (5/12)/(3/4) = 5/9, f = 2 − 5/9 = 13/9, Σdyn = 7/6 − (5/12)²/(3/4) = 101/108.
     */
    @Test
    void niwPosteriorMatchesHandComputation() {
        double[][] points = {{0, 1}, {1, 3}, {2, 2}};
        NiwPrior prior = new NiwPrior(new double[] {0, 0}, new double[] {1, 0, 0, 2}, 1, 3);
        ConditionedGaussian fit = GaussianConditioner.condition(points, null, 1, prior, 0.125,
                GaussianConditioner.RidgeForm.IDENTITY);
        assertEquals(5.0 / 9, fit.gain()[0], 1e-15);
        assertEquals(13.0 / 9, fit.offset()[0], 1e-15);
        assertEquals(101.0 / 108, fit.covariance()[0], 1e-15);
        // explicit equal weights are the default 1/N; unnormalized weights are normalized
        ConditionedGaussian weighted = GaussianConditioner.condition(points, new double[] {2, 2, 2}, 1, prior, 0.125,
                GaussianConditioner.RidgeForm.IDENTITY);
        assertEquals(fit.gain()[0], weighted.gain()[0], 1e-15);
    }

    /** Synthetic s' = A s + B u + c + w with s, u ~ N(0, I) and w ~ N(0, W). */
    private record LinearSystem(int dX, int dU, double[] ab, double[] c, double[] noiseChol) {

        static LinearSystem random(int dX, int dU, double noiseScale, RandomGenerator rng) {
            double[] ab = Seeds.gaussian(rng, dX * (dX + dU));
            for (int i = 0; i < ab.length; i++) {
                ab[i] *= 0.5;
            }
            double[] chol = new double[dX * dX];
            for (int i = 0; i < dX; i++) {
                for (int j = 0; j <= i; j++) {
                    chol[i * dX + j] = noiseScale * (i == j ? 1 : 0.3 * rng.nextGaussian());
                }
            }
            return new LinearSystem(dX, dU, ab, Seeds.gaussian(rng, dX), chol);
        }

        double[][] sample(int n, RandomGenerator rng) {
            int in = dX + dU;
            double[][] points = new double[n][in + dX];
            for (int i = 0; i < n; i++) {
                double[] y = points[i];
                for (int a = 0; a < in; a++) {
                    y[a] = rng.nextGaussian();
                }
                double[] xi = Seeds.gaussian(rng, dX);
                for (int r = 0; r < dX; r++) {
                    double s = c[r];
                    for (int a = 0; a < in; a++) {
                        s += ab[r * in + a] * y[a];
                    }
                    for (int j = 0; j <= r; j++) {
                        s += noiseChol[r * dX + j] * xi[j];
                    }
                    y[in + r] = s;
                }
            }
            return points;
        }

        double[] noiseCovariance() {
            double[] w = new double[dX * dX];
            for (int i = 0; i < dX; i++) {
                for (int j = 0; j < dX; j++) {
                    for (int k = 0; k < dX; k++) {
                        w[i * dX + j] += noiseChol[i * dX + k] * noiseChol[j * dX + k];
                    }
                }
            }
            return w;
        }

        /** The exact joint mean and covariance of [s; u; s'], which make the "prior at the truth". */
        NiwPrior truthAsPrior(double strength) {
            int in = dX + dU;
            int d = in + dX;
            double[] mean = new double[d];
            System.arraycopy(c, 0, mean, in, dX);
            double[] cov = new double[d * d];
            double[] w = noiseCovariance();
            for (int a = 0; a < in; a++) {
                cov[a * d + a] = 1;
                for (int r = 0; r < dX; r++) {
                    cov[a * d + in + r] = ab[r * in + a];
                    cov[(in + r) * d + a] = ab[r * in + a];
                }
            }
            for (int r = 0; r < dX; r++) {
                for (int q = 0; q < dX; q++) {
                    double s = w[r * dX + q];
                    for (int a = 0; a < in; a++) {
                        s += ab[r * in + a] * ab[q * in + a];
                    }
                    cov[(in + r) * d + in + q] = s;
                }
            }
            for (int i = 0; i < cov.length; i++) {
                cov[i] *= strength;
            }
            return new NiwPrior(mean, cov, strength, strength);
        }
    }

    private static double maxAbsDiff(double[] a, double[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }

    /**
     * Test 9, N ≫ D: with unit-variance inputs and noise standard deviation σ = 0.1, the standard error of each
     * coefficient and offset is about σ/√N and that of a noise covariance entry at most about σ²·√(2/N); 6 standard
     * errors bound every entry.
     */
    @Test
    void recoversLinearDynamicsToStatisticalAccuracy() {
        RandomGenerator rng = Seeds.rng(9);
        int n = 20_000;
        double sigma = 0.1;
        LinearSystem system = LinearSystem.random(3, 2, sigma, rng);
        ConditionedGaussian fit = GaussianConditioner.condition(system.sample(n, rng), null, 5, NiwPrior.none(8), 0,
                GaussianConditioner.RidgeForm.IDENTITY);
        double standardError = sigma / Math.sqrt(n);
        assertTrue(maxAbsDiff(system.ab(), fit.gain()) < 6 * standardError, "F error " + maxAbsDiff(system.ab(),
                fit.gain()));
        assertTrue(maxAbsDiff(system.c(), fit.offset()) < 6 * standardError, "f error");
        double covarianceError = maxAbsDiff(system.noiseCovariance(), fit.covariance());
        assertTrue(covarianceError < 6 * sigma * sigma * Math.sqrt(2.0 / n), "Σdyn error " + covarianceError);
    }

    /**
     * Test 9, no prior and no ridge: the conditional is ordinary least squares with an intercept (Commons Math's
     * QR-based OLS, fitted per output) and Σdyn is the residual covariance with divisor N.
     */
    @Test
    void withoutPriorAndRidgeEqualsOrdinaryLeastSquares() {
        RandomGenerator rng = Seeds.rng(10);
        LinearSystem system = LinearSystem.random(4, 2, 0.3, rng);
        int n = 40;
        int in = 6;
        double[][] points = system.sample(n, rng);
        ConditionedGaussian fit = GaussianConditioner.condition(points, null, in, NiwPrior.none(10), 0,
                GaussianConditioner.RidgeForm.IDENTITY);
        double[][] inputs = new double[n][in];
        for (int i = 0; i < n; i++) {
            System.arraycopy(points[i], 0, inputs[i], 0, in);
        }
        double[][] residuals = new double[4][];
        for (int r = 0; r < 4; r++) {
            double[] target = new double[n];
            for (int i = 0; i < n; i++) {
                target[i] = points[i][in + r];
            }
            OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
            ols.newSampleData(target, inputs);
            double[] beta = ols.estimateRegressionParameters();
            assertEquals(beta[0], fit.offset()[r], 1e-11, "intercept of output " + r);
            for (int a = 0; a < in; a++) {
                assertEquals(beta[1 + a], fit.gain()[r * in + a], 1e-11, "coefficient (" + r + ", " + a + ")");
            }
            residuals[r] = ols.estimateResiduals();
        }
        double[] residualCovariance = new double[16];
        for (int r = 0; r < 4; r++) {
            for (int q = 0; q < 4; q++) {
                for (int i = 0; i < n; i++) {
                    residualCovariance[r * 4 + q] += residuals[r][i] * residuals[q][i] / n;
                }
            }
        }
        assertClose(residualCovariance, fit.covariance(), 1e-10, "Σdyn vs OLS residual covariance");
    }

    /**
     * Test 9, N &lt; D: ordinary least squares is singular (the fit refuses it), the plain ridge fit is poor, and a
     * strong prior centred on the truth (m = n0 = 200 against N = 6) keeps every entry of F within 0.05.
     */
    @Test
    void strongPriorAtTheTruthRescuesAnUnderdeterminedFit() {
        RandomGenerator rng = Seeds.rng(11);
        LinearSystem system = LinearSystem.random(10, 3, 0.1, rng);
        int in = 13;
        double[][] points = system.sample(6, rng);
        assertThrows(NotPositiveDefiniteException.class, () -> GaussianConditioner.condition(points, null, in,
                NiwPrior.none(23), 0, GaussianConditioner.RidgeForm.IDENTITY));
        double ridgeError = maxAbsDiff(system.ab(), GaussianConditioner.condition(points, null, in,
                NiwPrior.none(23), 1e-3, GaussianConditioner.RidgeForm.IDENTITY).gain());
        ConditionedGaussian withPrior = GaussianConditioner.condition(points, null, in, system.truthAsPrior(200), 1e-3,
                GaussianConditioner.RidgeForm.IDENTITY);
        double priorError = maxAbsDiff(system.ab(), withPrior.gain());
        assertTrue(priorError < 0.05, "F error with the prior " + priorError);
        assertTrue(ridgeError > 10 * priorError, "ridge-only error " + ridgeError + " vs prior " + priorError);
    }

    @Test
    void rejectsBadArgumentsWithTheirValues() {
        double[][] points = {{0, 1}, {1, 3}};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GaussianConditioner.condition(
                points, null, 2, NiwPrior.none(2), 0, GaussianConditioner.RidgeForm.IDENTITY));
        assertTrue(e.getMessage().contains("[1, 1]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> GaussianConditioner.condition(new double[][] {{0, 1}},
                null, 1, NiwPrior.none(2), 0, GaussianConditioner.RidgeForm.IDENTITY));
        assertTrue(e.getMessage().contains("got 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> GaussianConditioner.condition(points, null, 1,
                NiwPrior.none(3), 0, GaussianConditioner.RidgeForm.IDENTITY));
        assertTrue(e.getMessage().contains("dimension 3"), e.getMessage());
    }
}
