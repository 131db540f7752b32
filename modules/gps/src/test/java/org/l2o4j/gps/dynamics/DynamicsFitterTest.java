package org.l2o4j.gps.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;
import org.l2o4j.core.random.Seeds;
import org.l2o4j.gps.linalg.Spd;

/** The fitter's time indexing, initial-state statistics, the GMM-prior path with N &lt; D, and its input checks. */
class DynamicsFitterTest {

    /**
     * Samples of x_{t+1} = A_t x_t + B_t u_t + c_t + 0.05·ξ with a different (A_t, B_t, c_t) per t; x_0's last
     * coordinate is the constant 1, so its variance is 0 and must be floored.
     */
    private record Batch(double[][][] x, double[][][] u, double[][] gains, double[][] offsets) {

        static Batch generate(int n, int horizon, int dX, int dU, RandomGenerator rng) {
            int in = dX + dU;
            double[][] gains = new double[horizon - 1][];
            double[][] offsets = new double[horizon - 1][];
            for (int t = 0; t < horizon - 1; t++) {
                gains[t] = Seeds.gaussian(rng, dX * in);
                for (int i = 0; i < gains[t].length; i++) {
                    gains[t][i] *= 0.4;
                }
                offsets[t] = Seeds.gaussian(rng, dX);
            }
            double[][][] x = new double[n][horizon][dX];
            double[][][] u = new double[n][horizon][];
            for (int s = 0; s < n; s++) {
                x[s][0] = Seeds.gaussian(rng, dX);
                x[s][0][dX - 1] = 1;
                for (int t = 0; t < horizon; t++) {
                    u[s][t] = Seeds.gaussian(rng, dU);
                    if (t < horizon - 1) {
                        for (int r = 0; r < dX; r++) {
                            double v = offsets[t][r] + 0.05 * rng.nextGaussian();
                            for (int a = 0; a < dX; a++) {
                                v += gains[t][r * in + a] * x[s][t][a];
                            }
                            for (int a = 0; a < dU; a++) {
                                v += gains[t][r * in + dX + a] * u[s][t][a];
                            }
                            x[s][t + 1][r] = v;
                        }
                    }
                }
            }
            return new Batch(x, u, gains, offsets);
        }
    }

    /** Each t gets its own transition (to 0.02, about 8 standard errors at N = 2000); entry T − 1 stays zero. */
    @Test
    void fitsEachTimeStepsTransitionAndTheInitialState() {
        Batch batch = Batch.generate(2000, 4, 3, 2, Seeds.rng(21));
        FittedDynamics fit = new DynamicsFitter(DynamicsConfig.liMalik().withRidge(1e-9), new NoPrior())
                .fit(batch.x(), batch.u());
        assertEquals(4, fit.horizon());
        for (int t = 0; t < 3; t++) {
            double[] gain = batch.gains()[t].clone();
            double[] offset = batch.offsets()[t].clone();
            if (t == 0) {
                // x_0's constant coordinate is collinear with the offset: the ridge picks the minimum-norm split,
                // a zero coefficient with A[:, 2]·1 absorbed into f
                for (int r = 0; r < 3; r++) {
                    offset[r] += gain[r * 5 + 2];
                    gain[r * 5 + 2] = 0;
                }
            }
            Fixture.assertClose(gain, fit.gains()[t], 0.02, "F at t = " + t);
            Fixture.assertClose(offset, fit.offsets()[t], 0.02, "f at t = " + t);
        }
        for (double v : fit.gains()[3]) {
            assertEquals(0.0, v);
        }
        for (double v : fit.covariances()[3]) {
            assertEquals(0.0, v);
        }
        double mean = 0;
        double square = 0;
        for (double[][] sample : batch.x()) {
            mean += sample[0][0] / 2000;
            square += sample[0][0] * sample[0][0] / 2000;
        }
        assertEquals(mean, fit.x0Mean()[0], 1e-12);
        assertEquals(square - mean * mean, fit.x0Covariance()[0], 1e-12);
        assertEquals(1.0, fit.x0Mean()[2], 1e-15);
        assertEquals(1e-6, fit.x0Covariance()[8], 0.0, "a constant coordinate gets the variance floor");
        assertEquals(0.0, fit.x0Covariance()[1], "x0Σ is diagonal");
    }

    /** N = 5 &lt; dX + dU = 8 with the GMM prior: every Σdyn is symmetric positive definite and F is finite. */
    @Test
    void gmmPriorMakesAnUnderdeterminedFitWellPosed() {
        Batch batch = Batch.generate(5, 6, 6, 2, Seeds.rng(22));
        DynamicsFitter fitter = new DynamicsFitter(DynamicsConfig.liMalik(), new GmmPrior(GmmPriorConfig.liMalik(),
                7));
        fitter.updatePrior(batch.x(), batch.u());
        FittedDynamics fit = fitter.fit(batch.x(), batch.u());
        for (int t = 0; t < 5; t++) {
            double[] sigma = fit.covariances()[t];
            for (int a = 0; a < 6; a++) {
                for (int b = 0; b < 6; b++) {
                    assertEquals(sigma[a * 6 + b], sigma[b * 6 + a], 0.0, "Σdyn symmetric at t = " + t);
                }
            }
            assertTrue(Spd.tryCholesky(sigma, 6).isPresent(), "Σdyn positive definite at t = " + t);
        }
    }

    @Test
    void rejectsBadBatchesNamingTheProblem() {
        Batch batch = Batch.generate(3, 4, 3, 2, Seeds.rng(23));
        DynamicsFitter fitter = new DynamicsFitter(DynamicsConfig.liMalik(), new NoPrior());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> fitter.fit(new double[][][] {batch.x()[0]}, new double[][][] {batch.u()[0]}));
        assertTrue(e.getMessage().contains("at least 2 samples, got 1"), e.getMessage());
        batch.x()[1][2] = new double[2];
        e = assertThrows(IllegalArgumentException.class, () -> fitter.fit(batch.x(), batch.u()));
        assertTrue(e.getMessage().contains("sample 1, t = 2"), e.getMessage());
        batch.x()[1][2] = new double[] {0, Double.NaN, 0};
        e = assertThrows(IllegalArgumentException.class, () -> fitter.fit(batch.x(), batch.u()));
        assertTrue(e.getMessage().contains("non-finite state entry 1"), e.getMessage());
    }
}
