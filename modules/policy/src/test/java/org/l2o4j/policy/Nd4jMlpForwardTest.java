package org.l2o4j.policy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

class Nd4jMlpForwardTest {

    @BeforeAll
    static void doublePrecision() {
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
    }

    /** Li &amp; Malik's shape (125 → 50 → 4) at batch 1000: the ND4J pass equals the Java one to 1e-12. */
    @ParameterizedTest
    @EnumSource(HiddenActivation.class)
    void nd4jForwardEqualsJavaForward(HiddenActivation activation) {
        assertSame(TestPolicies.random(new MlpArchitecture(125, 50, 4, activation), 0.2, 61), 1000, 1e-12);
    }

    @Test
    void linearPolicyAndSingleRowsAgree() {
        assertSame(TestPolicies.random(MlpArchitecture.linear(125, 4), 0.2, 62), 1000, 1e-12);
        assertSame(TestPolicies.random(MlpArchitecture.liMalik(125, 4), 0.2, 63), 1, 1e-12);
    }

    /** Weights so large (std 60) that pre-activations pass 709, where eᶻ overflows in log(1 + eᶻ): still equal. */
    @Test
    void hugePreActivationsStayFinite() {
        assertSame(TestPolicies.random(MlpArchitecture.liMalik(20, 3), 60.0, 64), 50, 1e-12);
    }

    @Test
    void varianceIsCopiedFromThePolicy() {
        GaussianMlpPolicy p = TestPolicies.random(MlpArchitecture.liMalik(5, 3), 0.2, 65);
        assertArrayEquals(p.variance(), Nd4jMlpForward.of(p).variance(), 0.0);
    }

    private static void assertSame(GaussianMlpPolicy policy, int rows, double relativeTolerance) {
        int in = policy.inputDimension();
        int out = policy.outputDimension();
        double[] obs = TestPolicies.gaussianRows(rows, in, 0.2, 1.7, 66);
        double[] java = new double[rows * out];
        double[] nd4j = new double[rows * out];
        policy.mean(obs, rows, java);
        Nd4jMlpForward.of(policy).mean(obs, rows, nd4j);
        for (int k = 0; k < java.length; k++) {
            assertEquals(java[k], nd4j[k], relativeTolerance * (1 + Math.abs(java[k])), "entry " + k);
        }
    }
}
