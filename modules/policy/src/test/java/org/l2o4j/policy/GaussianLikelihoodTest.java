package org.l2o4j.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;
import org.l2o4j.core.random.Seeds;

/**
 * The Gaussian policy's log-likelihood against the closed form of a 1-D density, and its gradient, through the
 * network's mean, against central finite differences of the log-likelihood in every network parameter and log σ.
 */
class GaussianLikelihoodTest {

    @Test
    void logDensityIsTheNormalDensity() {
        double u = 0.7;
        double mu = -0.2;
        double sigma = 0.3;
        double expected = Math.log(Math.exp(-0.5 * Math.pow((u - mu) / sigma, 2)) / (sigma * Math.sqrt(2 * Math.PI)));
        assertEquals(expected, GaussianLikelihood.logDensity(new double[] {u}, 0, new double[] {mu}, 0,
                new double[] {Math.log(sigma)}), 1e-14);
    }

    /** Σ_b log π(u_b | o_b) over 5 rows of a 6 → 4 → 3 softplus policy: every partial to 1e-7 relative. */
    @Test
    void gradientThroughTheMeanMatchesFiniteDifferences() {
        MlpArchitecture a = new MlpArchitecture(6, 4, 3, HiddenActivation.SOFTPLUS);
        RandomGenerator rng = Seeds.rng(12);
        GaussianMlpPolicy policy = GaussianMlpPolicy.initialize(a, 5);
        double[] theta = policy.parameters();
        for (int k = 0; k < theta.length; k++) {
            theta[k] = 0.5 * rng.nextGaussian();
        }
        policy.setParameters(theta);
        double[] logStd = {Math.log(0.3), Math.log(0.7), Math.log(1.2)};
        policy.setLogStd(logStd);
        int rows = 5;
        double[] observations = new double[rows * 6];
        double[] actions = new double[rows * 3];
        for (int k = 0; k < observations.length; k++) {
            observations[k] = rng.nextGaussian();
        }
        for (int k = 0; k < actions.length; k++) {
            actions[k] = rng.nextGaussian();
        }
        double[] means = new double[rows * 3];
        policy.mean(observations, rows, means);
        double[] meanGradient = new double[rows * 3];
        double[] logStdGradient = new double[3];
        for (int r = 0; r < rows; r++) {
            GaussianLikelihood.addGradient(actions, r * 3, means, r * 3, logStd, 1.0, meanGradient, r * 3,
                    logStdGradient);
        }
        double[] gradient = new double[a.parameterCount()];
        new MeanGradient(a).accumulate(policy, observations, rows, meanGradient, gradient);

        double h = 1e-6;
        for (int k = 0; k < theta.length; k++) {
            double[] up = theta.clone();
            double[] down = theta.clone();
            up[k] += h;
            down[k] -= h;
            double fd = (total(a, up, logStd, observations, actions, rows)
                    - total(a, down, logStd, observations, actions, rows)) / (2 * h);
            assertEquals(fd, gradient[k], 1e-7 * Math.max(1, Math.abs(fd)), "θ[" + k + "]");
        }
        for (int k = 0; k < 3; k++) {
            double[] up = logStd.clone();
            double[] down = logStd.clone();
            up[k] += h;
            down[k] -= h;
            double fd = (total(a, theta, up, observations, actions, rows)
                    - total(a, theta, down, observations, actions, rows)) / (2 * h);
            assertEquals(fd, logStdGradient[k], 1e-7 * Math.max(1, Math.abs(fd)), "log σ[" + k + "]");
        }
    }

    private static double total(MlpArchitecture a, double[] theta, double[] logStd, double[] observations,
            double[] actions, int rows) {
        GaussianMlpPolicy p = GaussianMlpPolicy.of(a, theta, InputNormalization.identity(a.inputDimension()),
                logStd);
        double[] means = new double[rows * a.outputDimension()];
        p.mean(observations, rows, means);
        double sum = 0;
        for (int r = 0; r < rows; r++) {
            sum += GaussianLikelihood.logDensity(actions, r * 3, means, r * 3, logStd);
        }
        return sum;
    }
}
