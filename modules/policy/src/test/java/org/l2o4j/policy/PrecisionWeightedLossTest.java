package org.l2o4j.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class PrecisionWeightedLossTest {

    private static final int IN = 7;
    private static final int HIDDEN = 6;
    private static final int OUT = 3;
    private static final int ROWS = 5;
    private static final double L2 = 0.005;

    @BeforeAll
    static void doublePrecision() {
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
    }

    /** A batch with full, non-symmetric weight matrices (W = SPD + antisymmetric part), which must not matter. */
    private record Batch(double[] observations, double[] targets, double[] weights) {
        static Batch of(long seed) {
            double[] w = TestPolicies.spdMatrices(ROWS, OUT, seed + 2);
            double[] skew = TestPolicies.gaussianRows(ROWS, OUT * OUT, 0, 0.3, seed + 3);
            for (int r = 0; r < ROWS; r++) {
                for (int i = 0; i < OUT; i++) {
                    for (int j = 0; j < OUT; j++) {
                        w[r * OUT * OUT + i * OUT + j] += skew[r * OUT * OUT + i * OUT + j]
                                - skew[r * OUT * OUT + j * OUT + i];
                    }
                }
            }
            return new Batch(TestPolicies.gaussianRows(ROWS, IN, 0.5, 1.3, seed),
                    TestPolicies.gaussianRows(ROWS, OUT, 0, 1, seed + 1), w);
        }
    }

    private static MlpArchitecture architecture(HiddenActivation activation, boolean linear) {
        return new MlpArchitecture(IN, linear ? 0 : HIDDEN, OUT, activation);
    }

    @ParameterizedTest
    @EnumSource(HiddenActivation.class)
    void lossValueIsTheWeightedSquaredErrorOfTheMeans(HiddenActivation activation) {
        GaussianMlpPolicy policy = TestPolicies.random(architecture(activation, false), 0.6, 21);
        Batch b = Batch.of(22);
        double[] mu = new double[ROWS * OUT];
        policy.mean(b.observations(), ROWS, mu);
        double expected = 0;
        for (int r = 0; r < ROWS; r++) {
            for (int i = 0; i < OUT; i++) {
                for (int j = 0; j < OUT; j++) {
                    expected += (b.targets()[r * OUT + i] - mu[r * OUT + i]) * b.weights()[r * OUT * OUT + i * OUT + j]
                            * (b.targets()[r * OUT + j] - mu[r * OUT + j]);
                }
            }
        }
        expected /= 2.0 * ROWS;
        double norm = 0;
        for (double t : policy.parameters()) {
            norm += t * t;
        }
        expected += 0.5 * L2 * norm;
        double[] g = new double[policy.architecture().parameterCount()];
        double actual = new PrecisionWeightedLoss(policy.architecture()).valueAndGradient(policy, b.observations(),
                b.targets(), b.weights(), ROWS, L2, g);
        assertEquals(expected, actual, 1e-13 * expected);
    }

    /** ∂L/∂θ against central differences of the loss, for every parameter of all three network kinds. */
    @ParameterizedTest
    @EnumSource(HiddenActivation.class)
    void gradientMatchesCentralDifferences(HiddenActivation activation) {
        for (boolean linear : new boolean[] {false, true}) {
            GaussianMlpPolicy policy = TestPolicies.random(architecture(activation, linear), 0.6, 31);
            Batch b = Batch.of(32);
            PrecisionWeightedLoss loss = new PrecisionWeightedLoss(policy.architecture());
            int n = policy.architecture().parameterCount();
            double[] g = new double[n];
            loss.valueAndGradient(policy, b.observations(), b.targets(), b.weights(), ROWS, L2, g);
            double[] theta = policy.parameters();
            double[] scratch = new double[n];
            double worst = 0;
            for (int k = 0; k < n; k++) {
                double h = 1e-5 * (1 + Math.abs(theta[k]));
                double saved = theta[k];
                theta[k] = saved + h;
                policy.setParameters(theta);
                double plus = loss.valueAndGradient(policy, b.observations(), b.targets(), b.weights(), ROWS, L2,
                        scratch);
                theta[k] = saved - h;
                policy.setParameters(theta);
                double minus = loss.valueAndGradient(policy, b.observations(), b.targets(), b.weights(), ROWS, L2,
                        scratch);
                theta[k] = saved;
                policy.setParameters(theta);
                double numeric = (plus - minus) / (2 * h);
                worst = Math.max(worst, Math.abs(numeric - g[k]) / (1e-4 + Math.abs(numeric)));
            }
            assertTrue(worst < 1e-6, activation + (linear ? " linear" : "") + ": worst relative error " + worst);
        }
    }

    /**
     * ∂L/∂θ against ND4J SameDiff's autodiff of the same loss. Every input enters the graph as a variable whose
     * gradient is not requested: M1.1's autodiff breaks on a constant or placeholder used by more than one op
     * (shared/deps.md, pitfall 2). The normalization is fixed, so the graph takes the normalized inputs.
     */
    @ParameterizedTest
    @EnumSource(HiddenActivation.class)
    void gradientMatchesSameDiffAutodiff(HiddenActivation activation) {
        GaussianMlpPolicy policy = TestPolicies.random(architecture(activation, false), 0.6, 41);
        MlpArchitecture arch = policy.architecture();
        Batch b = Batch.of(42);
        double[] theta = policy.parameters();
        double[] normalized = new double[ROWS * IN];
        double[] m = policy.normalization().mean();
        double[] s = policy.normalization().std();
        for (int r = 0; r < ROWS; r++) {
            for (int i = 0; i < IN; i++) {
                normalized[r * IN + i] = (b.observations()[r * IN + i] - m[i]) / s[i];
            }
        }
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.var("x", matrix(normalized, 0, ROWS, IN));
        SDVariable w1 = sd.var("w1", matrix(theta, arch.firstWeightsOffset(), IN, HIDDEN));
        SDVariable b1 = sd.var("b1", matrix(theta, arch.firstBiasOffset(), 1, HIDDEN));
        SDVariable w2 = sd.var("w2", matrix(theta, arch.outputWeightsOffset(), HIDDEN, OUT));
        SDVariable b2 = sd.var("b2", matrix(theta, arch.outputBiasOffset(), 1, OUT));
        SDVariable target = sd.var("target", matrix(b.targets(), 0, ROWS, OUT));
        SDVariable weights = sd.var("weights", Nd4j.createFromArray(b.weights()).reshape('c', ROWS, OUT, OUT));
        SDVariable z = x.mmul(w1).add(b1);
        SDVariable h = activation == HiddenActivation.SOFTPLUS ? sd.nn.softplus(z) : sd.nn.relu(z, 0.0);
        SDVariable mu = h.mmul(w2).add(b2);
        SDVariable residual = target.sub(mu);
        SDVariable weightedResidual = weights.mul(residual.reshape(ROWS, 1, OUT)).sum(2);
        SDVariable squaredError = residual.mul(weightedResidual).sum().mul(1.0 / (2 * ROWS));
        SDVariable penalty = w1.mul(w1).sum().add(b1.mul(b1).sum()).add(w2.mul(w2).sum()).add(b2.mul(b2).sum());
        SDVariable loss = squaredError.add(penalty.mul(0.5 * L2));
        sd.setLossVariables(loss);
        Map<String, INDArray> grads = sd.calculateGradients(Collections.emptyMap(), "w1", "b1", "w2", "b2");
        double autodiffLoss = sd.output(Collections.emptyMap(), loss.name()).get(loss.name()).getDouble(0);

        double[] g = new double[arch.parameterCount()];
        double handLoss = new PrecisionWeightedLoss(arch).valueAndGradient(policy, b.observations(), b.targets(),
                b.weights(), ROWS, L2, g);
        assertEquals(autodiffLoss, handLoss, 1e-12 * Math.abs(autodiffLoss));
        compare(grads.get("w1"), g, arch.firstWeightsOffset(), IN * HIDDEN);
        compare(grads.get("b1"), g, arch.firstBiasOffset(), HIDDEN);
        compare(grads.get("w2"), g, arch.outputWeightsOffset(), HIDDEN * OUT);
        compare(grads.get("b2"), g, arch.outputBiasOffset(), OUT);
    }

    @Test
    void zeroResidualLeavesOnlyTheL2Gradient() {
        GaussianMlpPolicy policy = TestPolicies.random(architecture(HiddenActivation.SOFTPLUS, false), 0.6, 51);
        Batch b = Batch.of(52);
        double[] mu = new double[ROWS * OUT];
        // The loss runs the scalar forward pass; the vector one (policy.mean) differs by ulps, not exactly zero.
        policy.meanScalar(b.observations(), ROWS, mu);
        double[] g = new double[policy.architecture().parameterCount()];
        new PrecisionWeightedLoss(policy.architecture()).valueAndGradient(policy, b.observations(), mu, b.weights(),
                ROWS, L2, g);
        double[] theta = policy.parameters();
        for (int k = 0; k < g.length; k++) {
            assertEquals(L2 * theta[k], g[k], 1e-17);
        }
    }

    private static void compare(INDArray autodiff, double[] gradient, int offset, int n) {
        assertEquals(DataType.DOUBLE, autodiff.dataType());
        double[] expected = autodiff.dup('c').data().asDouble();
        assertEquals(n, expected.length);
        for (int k = 0; k < n; k++) {
            assertEquals(expected[k], gradient[offset + k], 1e-12 * (1 + Math.abs(expected[k])), "entry " + k);
        }
    }

    private static INDArray matrix(double[] values, int offset, int rows, int cols) {
        double[] copy = new double[rows * cols];
        System.arraycopy(values, offset, copy, 0, copy.length);
        return Nd4j.createFromArray(copy).reshape('c', rows, cols);
    }
}
