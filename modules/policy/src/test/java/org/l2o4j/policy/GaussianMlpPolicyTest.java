package org.l2o4j.policy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class GaussianMlpPolicyTest {

    /**
     * The forward pass against Commons Math matrix products and the textbook softplus log(1 + eᶻ) (pre-activations
     * here stay within ±10, where that form is accurate): Z = ((O − 1mᵀ) diag(1/s)) W1 + 1b1ᵀ, M = act(Z) W2 + 1b2ᵀ.
     */
    @ParameterizedTest
    @EnumSource(HiddenActivation.class)
    void forwardPassEqualsMatrixProducts(HiddenActivation activation) {
        MlpArchitecture arch = new MlpArchitecture(6, 5, 3, activation);
        GaussianMlpPolicy policy = TestPolicies.random(arch, 0.7, 11);
        int rows = 9;
        double[] obs = TestPolicies.gaussianRows(rows, 6, 0.3, 1.5, 12);
        double[] means = new double[rows * 3];
        policy.mean(obs, rows, means);

        double[] theta = policy.parameters();
        double[] m = policy.normalization().mean();
        double[] s = policy.normalization().std();
        RealMatrix x = new Array2DRowRealMatrix(rows, 6);
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < 6; i++) {
                x.setEntry(r, i, (obs[r * 6 + i] - m[i]) / s[i]);
            }
        }
        RealMatrix w1 = block(theta, arch.firstWeightsOffset(), 6, 5);
        RealMatrix w2 = block(theta, arch.outputWeightsOffset(), 5, 3);
        RealMatrix z = x.multiply(w1);
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < 5; j++) {
                double v = z.getEntry(r, j) + theta[arch.firstBiasOffset() + j];
                assertTrue(Math.abs(v) < 10);
                z.setEntry(r, j, activation == HiddenActivation.SOFTPLUS ? Math.log(1 + Math.exp(v)) : Math.max(v, 0));
            }
        }
        RealMatrix mu = z.multiply(w2);
        int negative = 0;
        for (int r = 0; r < rows; r++) {
            for (int k = 0; k < 3; k++) {
                double expected = mu.getEntry(r, k) + theta[arch.outputBiasOffset() + k];
                assertEquals(expected, means[r * 3 + k], 1e-12 * (1 + Math.abs(expected)), "row " + r + " out " + k);
            }
            for (int j = 0; j < 5; j++) {
                negative += x.getRowMatrix(r).multiply(w1).getEntry(0, j) + theta[arch.firstBiasOffset() + j] < 0 ? 1 : 0;
            }
        }
        assertTrue(negative > 5 && negative < rows * 5 - 5, "both sides of the kink are exercised: " + negative);
    }

    @Test
    void linearPolicyIsAnAffineMapOfTheNormalizedInput() {
        MlpArchitecture arch = MlpArchitecture.linear(4, 2);
        GaussianMlpPolicy policy = TestPolicies.random(arch, 1.0, 5);
        assertEquals(4 * 2 + 2, arch.parameterCount());
        double[] obs = TestPolicies.gaussianRows(3, 4, 0, 1, 6);
        double[] means = new double[6];
        policy.mean(obs, 3, means);
        double[] theta = policy.parameters();
        double[] m = policy.normalization().mean();
        double[] s = policy.normalization().std();
        for (int r = 0; r < 3; r++) {
            for (int k = 0; k < 2; k++) {
                double expected = theta[8 + k];
                for (int i = 0; i < 4; i++) {
                    expected += (obs[r * 4 + i] - m[i]) / s[i] * theta[i * 2 + k];
                }
                assertEquals(expected, means[r * 2 + k], 1e-13);
            }
        }
    }

    @Test
    void aBatchGivesExactlyTheRowByRowResults() {
        MlpArchitecture arch = MlpArchitecture.liMalik(125, 4);
        GaussianMlpPolicy policy = TestPolicies.random(arch, 0.1, 3);
        int rows = 17;
        double[] obs = TestPolicies.gaussianRows(rows, 125, 0, 1, 4);
        double[] batch = new double[rows * 4];
        policy.mean(obs, rows, batch);
        for (int r = 0; r < rows; r++) {
            double[] one = new double[4];
            policy.mean(Arrays.copyOfRange(obs, r * 125, (r + 1) * 125), 1, one);
            assertArrayEquals(one, Arrays.copyOfRange(batch, r * 4, (r + 1) * 4), 0.0);
        }
    }

    @Test
    void layoutOffsetsTileTheParameterVector() {
        MlpArchitecture arch = MlpArchitecture.liMalik(125, 4);
        assertEquals(0, arch.firstWeightsOffset());
        assertEquals(125 * 50, arch.firstBiasOffset());
        assertEquals(125 * 50 + 50, arch.outputWeightsOffset());
        assertEquals(125 * 50 + 50 + 200, arch.outputBiasOffset());
        assertEquals(125 * 50 + 50 + 200 + 4, arch.parameterCount());
        assertThrows(IllegalStateException.class, () -> MlpArchitecture.linear(3, 2).outputWeightsOffset());
    }

    /** gps.md §3: W ~ N(0, 0.01²), b = 0, σ² = 0.01, unfitted identity normalization, all from the seed. */
    @Test
    void initializationFollowsTheSpecificationAndTheSeed() {
        MlpArchitecture arch = MlpArchitecture.liMalik(125, 4);
        GaussianMlpPolicy a = GaussianMlpPolicy.initialize(arch, 42);
        double[] theta = a.parameters();
        assertArrayEquals(theta, GaussianMlpPolicy.initialize(arch, 42).parameters(), 0.0);
        assertFalse(Arrays.equals(theta, GaussianMlpPolicy.initialize(arch, 43).parameters()));
        double sum = 0;
        double sumSq = 0;
        int n = 0;
        for (int k = 0; k < theta.length; k++) {
            boolean bias = (k >= arch.firstBiasOffset() && k < arch.outputWeightsOffset()) || k >= arch.outputBiasOffset();
            if (bias) {
                assertEquals(0.0, theta[k], 0.0, "bias at " + k);
            } else {
                sum += theta[k];
                sumSq += theta[k] * theta[k];
                n++;
            }
        }
        assertEquals(125 * 50 + 50 * 4, n);
        // Sample mean and std of 6450 N(0, 0.01²) draws: standard errors 1.2e-4 and 0.9 %; bounds at about 4 σ.
        assertEquals(0.0, sum / n, 5e-4);
        assertEquals(0.01, Math.sqrt(sumSq / n), 0.01 * 0.035);
        assertArrayEquals(new double[] {0.01, 0.01, 0.01, 0.01}, a.variance(), 1e-15);
        assertFalse(a.normalization().fitted());
        assertArrayEquals(new double[125], a.normalization().mean(), 0.0);
    }

    @Test
    void copiesAreIndependent() {
        GaussianMlpPolicy a = GaussianMlpPolicy.initialize(MlpArchitecture.liMalik(5, 2), 1);
        GaussianMlpPolicy b = a.copy();
        double[] theta = b.parameters();
        theta[0] += 1;
        b.setParameters(theta);
        b.setVariance(new double[] {0.5, 2.0});
        assertNotEquals(a.parameters()[0], b.parameters()[0]);
        assertArrayEquals(new double[] {0.01, 0.01}, a.variance(), 1e-15);
        assertArrayEquals(new double[] {0.5, 2.0}, b.variance(), 1e-15);
    }

    @Test
    void fastLog1pIsAccurateToAFewUlps() {
        double worst = 0;
        for (double x = 1e-300; x <= 1.0; x *= 1.0137) {
            for (double y : new double[] {x, Math.nextUp(x), x * 0.7071}) {
                double exact = Math.log1p(y);
                worst = Math.max(worst, Math.abs(HiddenActivation.log1p(y) - exact) / exact);
            }
        }
        assertTrue(worst < 5 * Math.ulp(1.0), "worst relative error " + worst);
        assertEquals(0.0, HiddenActivation.log1p(0.0), 0.0);
    }

    @Test
    void softplusIsStableAtExtremeArguments() {
        assertEquals(1000.0, HiddenActivation.softplus(1000.0), 0.0);
        assertEquals(0.0, HiddenActivation.softplus(-1000.0), 0.0);
        double tiny = Math.log1p(Math.exp(-30));
        assertEquals(tiny, HiddenActivation.softplus(-30), 4 * Math.ulp(tiny));
        assertEquals(Math.log(2), HiddenActivation.softplus(0), 1e-16);
        assertEquals(1.0, HiddenActivation.sigmoid(800), 0.0);
        assertEquals(0.0, HiddenActivation.sigmoid(-800), 1e-300);
        assertEquals(0.5, HiddenActivation.sigmoid(0), 0.0);
    }

    @Test
    void shortArraysAndMismatchedStateAreRejectedWithTheirSizes() {
        GaussianMlpPolicy p = GaussianMlpPolicy.initialize(MlpArchitecture.liMalik(5, 2), 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> p.mean(new double[9], 2, new double[4]));
        assertTrue(e.getMessage().contains("9"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> p.mean(new double[10], 2, new double[3]));
        e = assertThrows(IllegalArgumentException.class, () -> p.setParameters(new double[3]));
        assertTrue(e.getMessage().contains("parameters has 3 entries"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> p.setNormalization(InputNormalization.identity(4)));
        assertThrows(IllegalArgumentException.class, () -> p.setVariance(new double[] {1, -1}));
        assertThrows(IllegalArgumentException.class,
                () -> InputNormalization.of(new double[] {0}, new double[] {1e-4}, true));
    }

    @Test
    void normalizationUsesThePopulationStdWithAFloor() {
        double[] obs = {1, 5, 3, 5, 5, 5};
        InputNormalization n = InputNormalization.fit(obs, 3, 2);
        assertArrayEquals(new double[] {3, 5}, n.mean(), 1e-15);
        assertArrayEquals(new double[] {Math.sqrt(8.0 / 3), InputNormalization.STD_FLOOR}, n.std(), 1e-15);
        assertTrue(n.fitted());
    }

    private static RealMatrix block(double[] theta, int offset, int rows, int cols) {
        RealMatrix m = new Array2DRowRealMatrix(rows, cols);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                m.setEntry(i, j, theta[offset + i * cols + j]);
            }
        }
        return m;
    }
}
