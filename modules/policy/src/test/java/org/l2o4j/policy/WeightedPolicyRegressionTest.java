package org.l2o4j.policy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.junit.jupiter.api.Test;

class WeightedPolicyRegressionTest {

    private static PolicyRegressionConfig config(double learningRate, int batchSize, int iterations, double l2,
            long seed) {
        return new PolicyRegressionConfig(learningRate, 0.9, 0.999, 1e-8, batchSize, iterations, l2, seed);
    }

    private static double[] ones(int n) {
        double[] w = new double[n];
        Arrays.fill(w, 1.0);
        return w;
    }

    /**
     * gps.md §8, test 14: a linear policy trained on precision-weighted targets converges to the weighted
     * least-squares solution with ridge, θ = (Σ Φᵀ P Φ / N + λ I)⁻¹ Σ Φᵀ P μ* / N, where Φ_b maps θ to μ(ô_b) and ô
     * is standardized with the population statistics (computed here with Commons Math).
     */
    @Test
    void linearPolicyConvergesToWeightedLeastSquares() {
        int in = 3;
        int out = 2;
        int rows = 60;
        double l2 = 0.005;
        double[] obs = TestPolicies.gaussianRows(rows, in, 1.5, 2.0, 71);
        double[] precisions = TestPolicies.spdMatrices(rows, out, 72);
        double[] noise = TestPolicies.gaussianRows(rows, out, 0, 0.3, 73);
        double[] targets = new double[rows * out];
        for (int r = 0; r < rows; r++) {
            targets[r * out] = 0.5 * obs[r * in] - obs[r * in + 1] + 0.2 + noise[r * out];
            targets[r * out + 1] = 0.3 * obs[r * in + 2] - 0.7 + noise[r * out + 1];
        }
        GaussianMlpPolicy policy = GaussianMlpPolicy.initialize(MlpArchitecture.linear(in, out), 74);
        // Full batches and a falling step size so that Adam settles instead of hovering at a distance ~ lr.
        for (double lr : new double[] {1e-2, 1e-3, 1e-4, 1e-5}) {
            new WeightedPolicyRegression(policy, config(lr, rows, 8000, l2, 75))
                    .fit(obs, targets, precisions, ones(rows), rows);
        }

        double[][] x = new double[rows][in];
        for (int i = 0; i < in; i++) {
            double[] column = new double[rows];
            for (int r = 0; r < rows; r++) {
                column[r] = obs[r * in + i];
            }
            double m = new Mean().evaluate(column);
            double s = new StandardDeviation(false).evaluate(column);
            for (int r = 0; r < rows; r++) {
                x[r][i] = (column[r] - m) / s;
            }
        }
        int n = in * out + out;
        RealMatrix normal = new Array2DRowRealMatrix(n, n);
        RealVector rhs = new ArrayRealVector(n);
        for (int r = 0; r < rows; r++) {
            RealMatrix phi = new Array2DRowRealMatrix(out, n);
            for (int k = 0; k < out; k++) {
                for (int i = 0; i < in; i++) {
                    phi.setEntry(k, i * out + k, x[r][i]);
                }
                phi.setEntry(k, in * out + k, 1.0);
            }
            RealMatrix p = new Array2DRowRealMatrix(out, out);
            for (int k = 0; k < out; k++) {
                for (int l = 0; l < out; l++) {
                    p.setEntry(k, l, precisions[r * out * out + k * out + l]);
                }
            }
            RealMatrix phiTp = phi.transpose().multiply(p);
            normal = normal.add(phiTp.multiply(phi).scalarMultiply(1.0 / rows));
            rhs = rhs.add(phiTp.operate(new ArrayRealVector(Arrays.copyOfRange(targets, r * out, r * out + out)))
                    .mapMultiply(1.0 / rows));
        }
        for (int k = 0; k < n; k++) {
            normal.addToEntry(k, k, l2);
        }
        double[] expected = new LUDecomposition(normal).getSolver().solve(rhs).toArray();
        assertArrayEquals(expected, policy.parameters(), 1e-6);
    }

    /**
     * gps.md §8, test 14: two targets for the same observation, of different precision, are fitted by their
     * precision-weighted mean (P1 + P2)⁻¹(P1 μ1 + P2 μ2).
     */
    @Test
    void conflictingTargetsMeetAtThePrecisionWeightedMean() {
        double[] obs = {0.4, -1.0, 0.4, -1.0};
        double[] targets = {1.0, 2.0, -3.0, 0.5};
        double[] precisions = {4.0, 1.0, 1.0, 2.0, 1.0, 0.0, 0.0, 9.0};
        GaussianMlpPolicy policy = GaussianMlpPolicy.initialize(MlpArchitecture.linear(2, 2), 81);
        for (double lr : new double[] {1e-2, 1e-3, 1e-4}) {
            new WeightedPolicyRegression(policy, config(lr, 2, 4000, 0.0, 82))
                    .fit(obs, targets, precisions, ones(2), 2);
        }
        RealMatrix p1 = new Array2DRowRealMatrix(new double[][] {{4, 1}, {1, 2}});
        RealMatrix p2 = new Array2DRowRealMatrix(new double[][] {{1, 0}, {0, 9}});
        RealVector expected = new LUDecomposition(p1.add(p2)).getSolver().solve(
                p1.operate(new ArrayRealVector(new double[] {1.0, 2.0}))
                        .add(p2.operate(new ArrayRealVector(new double[] {-3.0, 0.5}))));
        double[] mu = new double[2];
        policy.mean(new double[] {0.4, -1.0}, 1, mu);
        assertArrayEquals(expected.toArray(), mu, 1e-6);
    }

    /** gps.md §4.10 by hand: [1, 2, 3, 10, 0] → ×5/16 → median 0.78125 of the four above 0.01 → clip, divide. */
    @Test
    void weightNormalizationFollowsTheReferenceRule() {
        double[] w = WeightedPolicyRegression.normalizeWeights(new double[] {1, 2, 3, 10, 0});
        assertArrayEquals(new double[] {0.4, 0.8, 1.2, 2.0, 0.0}, w, 1e-15);
        double[] odd = WeightedPolicyRegression.normalizeWeights(new double[] {1, 1, 4});
        // ×3/6 → [0.5, 0.5, 2]; median 0.5; clip at 1 → [0.5, 0.5, 1] / 0.5.
        assertArrayEquals(new double[] {1, 1, 2}, odd, 1e-15);
        assertThrows(IllegalArgumentException.class, () -> WeightedPolicyRegression.normalizeWeights(new double[] {0, 0}));
        assertThrows(IllegalArgumentException.class, () -> WeightedPolicyRegression.normalizeWeights(new double[] {1, -1}));
    }

    /** σ²_j = Σw / Σ w (P)_jj; off-diagonal precision entries do not enter. */
    @Test
    void covarianceRuleOnAHandExample() {
        double[] precisions = {2, 0.5, 0.5, 4, 1, 0, 0, 8};
        double[] variance = WeightedPolicyRegression.diagonalVariance(new double[] {1, 3}, precisions, 2, 2);
        assertArrayEquals(new double[] {4.0 / (2 + 3), 4.0 / (4 + 24)}, variance, 1e-15);
    }

    /** gps.md §8, test 14: with equal weights the covariance is (mean P)⁻¹ on a diagonal example, set on the policy. */
    @Test
    void fitSetsThePolicyVarianceToTheInverseMeanPrecision() {
        GaussianMlpPolicy policy = GaussianMlpPolicy.initialize(MlpArchitecture.liMalik(3, 2), 91);
        double[] obs = TestPolicies.gaussianRows(2, 3, 0, 1, 92);
        WeightedPolicyRegression.FitReport report = new WeightedPolicyRegression(policy, config(1e-3, 25, 0, 0, 93))
                .fit(obs, new double[4], new double[] {2, 0, 0, 4, 6, 0, 0, 4}, new double[] {7, 7}, 2);
        assertArrayEquals(new double[] {0.25, 0.25}, policy.variance(), 1e-15);
        assertArrayEquals(new double[] {0.25, 0.25}, report.variance(), 1e-15);
        assertArrayEquals(new double[] {1, 1}, report.normalizedWeights(), 1e-15);
    }

    /** gps.md §8, test 14: the normalization statistics are computed at the first call and frozen. */
    @Test
    void normalizationIsFittedOnceAndKept() {
        GaussianMlpPolicy policy = GaussianMlpPolicy.initialize(MlpArchitecture.liMalik(4, 2), 101);
        WeightedPolicyRegression regression = new WeightedPolicyRegression(policy, config(1e-3, 10, 20, 0.005, 102));
        double[] first = TestPolicies.gaussianRows(40, 4, 3.0, 2.0, 103);
        double[] second = TestPolicies.gaussianRows(40, 4, -5.0, 0.1, 104);
        double[] targets = TestPolicies.gaussianRows(40, 2, 0, 1, 105);
        double[] precisions = TestPolicies.spdMatrices(40, 2, 106);
        regression.fit(first, targets, precisions, ones(40), 40);
        InputNormalization expected = InputNormalization.fit(first, 40, 4);
        assertArrayEquals(expected.mean(), policy.normalization().mean(), 0.0);
        assertArrayEquals(expected.std(), policy.normalization().std(), 0.0);
        regression.fit(second, targets, precisions, ones(40), 40);
        assertArrayEquals(expected.mean(), policy.normalization().mean(), 0.0);
        assertArrayEquals(expected.std(), policy.normalization().std(), 0.0);
        assertEquals(40, regression.adamSteps());
    }

    /** gps.md §8, test 14: the minibatch loss falls, and smoothed over windows of 200 steps it never rises. */
    @Test
    void weightedLossDecreasesOverTraining() {
        int in = 10;
        int rows = 200;
        double[] obs = TestPolicies.gaussianRows(rows, in, 0.0, 1.0, 111);
        double[] targets = new double[rows * 2];
        for (int r = 0; r < rows; r++) {
            targets[r * 2] = Math.tanh(obs[r * in] + obs[r * in + 1]);
            targets[r * 2 + 1] = obs[r * in + 2] * obs[r * in + 3] * 0.5;
        }
        GaussianMlpPolicy policy = GaussianMlpPolicy.initialize(new MlpArchitecture(in, 20, 2,
                HiddenActivation.SOFTPLUS), 112);
        double[] losses = new WeightedPolicyRegression(policy, config(3e-3, 25, 3000, 0.005, 113))
                .fit(obs, targets, TestPolicies.spdMatrices(rows, 2, 114), ones(rows), rows).minibatchLosses();
        double previous = Double.POSITIVE_INFINITY;
        double firstWindow = 0;
        for (int w = 0; w < losses.length / 200; w++) {
            double mean = Arrays.stream(losses, w * 200, (w + 1) * 200).average().orElseThrow();
            if (w == 0) {
                firstWindow = mean;
            }
            assertTrue(mean <= previous * 1.02, "window " + w + ": " + mean + " after " + previous);
            previous = mean;
        }
        assertTrue(previous < 0.3 * firstWindow, "final " + previous + " vs first " + firstWindow);
    }

    /**
     * Adam's moments and step count carry over between calls: with full batches (where the shuffle only reorders a
     * sum), two calls of 60 steps equal one of 120, while restarting Adam for the second half does not.
     */
    @Test
    void adamStatePersistsAcrossCalls() {
        int rows = 30;
        double[] obs = TestPolicies.gaussianRows(rows, 5, 0, 1, 121);
        double[] targets = TestPolicies.gaussianRows(rows, 2, 0, 1, 122);
        double[] precisions = TestPolicies.spdMatrices(rows, 2, 123);
        MlpArchitecture arch = MlpArchitecture.liMalik(5, 2);
        GaussianMlpPolicy once = GaussianMlpPolicy.initialize(arch, 124);
        GaussianMlpPolicy twice = once.copy();
        GaussianMlpPolicy restarted = once.copy();
        new WeightedPolicyRegression(once, config(1e-3, rows, 120, 0.005, 125))
                .fit(obs, targets, precisions, ones(rows), rows);
        WeightedPolicyRegression two = new WeightedPolicyRegression(twice, config(1e-3, rows, 60, 0.005, 125));
        two.fit(obs, targets, precisions, ones(rows), rows);
        two.fit(obs, targets, precisions, ones(rows), rows);
        assertEquals(120, two.adamSteps());
        assertArrayEquals(once.parameters(), twice.parameters(), 1e-12);
        new WeightedPolicyRegression(restarted, config(1e-3, rows, 60, 0.005, 125))
                .fit(obs, targets, precisions, ones(rows), rows);
        new WeightedPolicyRegression(restarted, config(1e-3, rows, 60, 0.005, 125))
                .fit(obs, targets, precisions, ones(rows), rows);
        double gap = 0;
        for (int k = 0; k < arch.parameterCount(); k++) {
            gap = Math.max(gap, Math.abs(once.parameters()[k] - restarted.parameters()[k]));
        }
        assertTrue(gap > 1e-5, "restarting Adam should change the result; gap " + gap);
    }

    /**
     * A regression restored from another's saved state continues exactly as the original would: with mini-batches
     * smaller than the data, so the shuffle (seeded by the fit count) matters too.
     */
    @Test
    void aRestoredStateContinuesBitForBit() {
        int rows = 40;
        double[] obs = TestPolicies.gaussianRows(rows, 5, 0, 1, 131);
        double[] targets = TestPolicies.gaussianRows(rows, 2, 0, 1, 132);
        double[] precisions = TestPolicies.spdMatrices(rows, 2, 133);
        MlpArchitecture arch = MlpArchitecture.liMalik(5, 2);
        GaussianMlpPolicy original = GaussianMlpPolicy.initialize(arch, 134);
        WeightedPolicyRegression a = new WeightedPolicyRegression(original, config(1e-3, 8, 30, 0.005, 135));
        a.fit(obs, targets, precisions, ones(rows), rows);
        WeightedPolicyRegression.State saved = a.state();
        GaussianMlpPolicy copy = original.copy();
        a.fit(obs, targets, precisions, ones(rows), rows);

        WeightedPolicyRegression b = new WeightedPolicyRegression(copy, config(1e-3, 8, 30, 0.005, 135));
        b.restore(saved);
        b.fit(obs, targets, precisions, ones(rows), rows);
        assertArrayEquals(original.parameters(), copy.parameters(), 0.0);
        assertEquals(a.adamSteps(), b.adamSteps());

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new WeightedPolicyRegression(
                GaussianMlpPolicy.initialize(MlpArchitecture.liMalik(3, 2), 1), config(1e-3, 8, 1, 0, 1))
                .restore(saved));
        assertTrue(e.getMessage().contains("dimension mismatch"), e.getMessage());
    }

    /** Same seeds and data give bit-identical parameters; another shuffle seed gives others. */
    @Test
    void fittingIsDeterministicGivenTheSeeds() {
        int rows = 100;
        double[] obs = TestPolicies.gaussianRows(rows, 8, 0, 1, 131);
        double[] targets = TestPolicies.gaussianRows(rows, 3, 0, 1, 132);
        double[] precisions = TestPolicies.spdMatrices(rows, 3, 133);
        double[] weights = TestPolicies.gaussianRows(rows, 1, 2, 0.5, 134);
        MlpArchitecture arch = MlpArchitecture.liMalik(8, 3);
        double[][] results = new double[3][];
        long[] shuffleSeeds = {135, 135, 136};
        for (int run = 0; run < 3; run++) {
            GaussianMlpPolicy policy = GaussianMlpPolicy.initialize(arch, 137);
            WeightedPolicyRegression regression = new WeightedPolicyRegression(policy,
                    config(1e-3, 25, 3000, 0.005, shuffleSeeds[run]));
            WeightedPolicyRegression.FitReport report = regression.fit(obs, targets, precisions,
                    Arrays.stream(weights).map(Math::abs).toArray(), rows);
            assertEquals(3000, report.minibatchLosses().length);
            results[run] = policy.parameters();
        }
        assertArrayEquals(results[0], results[1], 0.0);
        assertFalse(Arrays.equals(results[0], results[2]));
    }

    /** gps.md §6, S-step row: Li &amp; Malik's values are the defaults. */
    @Test
    void defaultsAreLiMaliksConfiguration() {
        assertEquals(new PolicyRegressionConfig(1e-4, 0.9, 0.999, 1e-8, 25, 20_000, 0.005, 0L),
                PolicyRegressionConfig.liMalik());
    }

    @Test
    void invalidInputsAreRejectedByName() {
        GaussianMlpPolicy policy = GaussianMlpPolicy.initialize(MlpArchitecture.liMalik(2, 1), 141);
        WeightedPolicyRegression regression = new WeightedPolicyRegression(policy, config(1e-3, 2, 1, 0, 142));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> regression.fit(new double[] {0, Double.NaN}, new double[1], new double[] {1}, ones(1), 1));
        assertTrue(e.getMessage().contains("observations[1] = NaN"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> regression.fit(new double[4], new double[2], new double[1], ones(2), 2));
        assertTrue(e.getMessage().contains("targetPrecisions"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new PolicyRegressionConfig(0, 0.9, 0.999, 1e-8, 25, 1, 0, 0));
        assertTrue(e.getMessage().contains("learningRate"), e.getMessage());
    }
}
