package org.l2o4j.policy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.l2o4j.core.catalog.Catalog;
import org.l2o4j.core.mdp.FeatureDrivenOptimizer;
import org.l2o4j.core.mdp.FeaturePreset;
import org.l2o4j.core.problem.Problem;
import org.l2o4j.core.random.Seeds;
import org.l2o4j.core.rollout.Rollout;
import org.l2o4j.core.rollout.RolloutListener;
import org.l2o4j.core.rollout.RolloutResult;

/**
 * The vector forward pass ({@link VectorMlpForward}, selected by {@link VectorSupport}) against the scalar one it
 * replaces in {@link GaussianMlpPolicy#mean}; {@link Nd4jMlpForwardTest} compares whichever runs with ND4J.
 */
class VectorMlpForwardTest {

    /** The build runs the tests with {@code --add-modules jdk.incubator.vector}, so on x86 the vector path is on. */
    @Test
    void theBuildSelectsTheVectorPathOnX86() {
        String arch = System.getProperty("os.arch");
        if (arch.equals("amd64") || arch.equals("x86_64")) {
            assertTrue(VectorSupport.ENABLED, "surefire's argLine should add jdk.incubator.vector");
        }
    }

    /**
     * Shapes around the vector width (hidden 1, 7, 8, 16, 17, 50 against 2, 4 or 8 lanes), every remainder of the
     * four-row blocks, both activations, and pre-activations from ±1 to ±800 (past where eᶻ overflows).
     */
    @ParameterizedTest
    @CsvSource({
        "125, 50, 4, SOFTPLUS, 0.2, 1000",
        "125, 50, 4, RELU, 0.2, 999",
        "125, 50, 4, SOFTPLUS, 0.01, 7",
        "3, 1, 1, SOFTPLUS, 0.5, 1",
        "9, 7, 2, SOFTPLUS, 0.5, 2",
        "8, 8, 3, SOFTPLUS, 0.5, 3",
        "16, 16, 5, RELU, 0.5, 5",
        "17, 17, 4, SOFTPLUS, 0.5, 6",
        "20, 50, 3, SOFTPLUS, 60, 50",
    })
    void vectorMeansEqualScalarMeans(int in, int hidden, int out, HiddenActivation activation, double weightStd,
            int rows) {
        GaussianMlpPolicy policy = TestPolicies.random(new MlpArchitecture(in, hidden, out, activation), weightStd,
                in * 31L + hidden);
        double[] obs = TestPolicies.gaussianRows(rows, in, 0.2, 1.7, rows);
        double[] vector = new double[rows * out];
        double[] scalar = new double[rows * out];
        policy.mean(obs, rows, vector);
        policy.meanScalar(obs, rows, scalar);
        assertClose(scalar, vector);
    }

    /**
     * Equal to 1e-12 of the batch's largest mean: a mean near zero is a sum that cancels, where a few ulps of its
     * terms are more than 1e-12 of the result.
     */
    private static void assertClose(double[] scalar, double[] vector) {
        double scale = 0;
        for (double v : scalar) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int k = 0; k < scalar.length; k++) {
            assertEquals(scalar[k], vector[k], 1e-12 * scale, "entry " + k);
        }
    }

    /** A row's mean is the same, bit for bit, whether it comes in a block of four or among the last rows. */
    @Test
    void aRowsMeanDoesNotDependOnItsBatch() {
        GaussianMlpPolicy policy = TestPolicies.random(MlpArchitecture.liMalik(125, 4), 0.2, 8);
        double[] obs = TestPolicies.gaussianRows(7, 125, 0.2, 1.7, 9);
        double[] batch = new double[28];
        policy.mean(obs, 7, batch);
        for (int r = 0; r < 7; r++) {
            double[] single = new double[4];
            policy.mean(Arrays.copyOfRange(obs, r * 125, (r + 1) * 125), 1, single);
            assertArrayEquals(Arrays.copyOfRange(batch, r * 4, (r + 1) * 4), single, 0.0, "row " + r);
        }
    }

    /** Training changes θ through the policy's setters; the vector path's packed copy follows. */
    @Test
    void packedWeightsFollowParameterUpdates() {
        GaussianMlpPolicy policy = TestPolicies.random(MlpArchitecture.liMalik(30, 4), 0.3, 5);
        double[] obs = TestPolicies.gaussianRows(6, 30, 0, 1, 6);
        double[] before = new double[24];
        policy.mean(obs, 6, before);
        double[] step = TestPolicies.gaussianRows(1, policy.architecture().parameterCount(), 0, 0.05, 7);
        policy.subtractFromParameters(step);
        double[] vector = new double[24];
        double[] scalar = new double[24];
        policy.mean(obs, 6, vector);
        policy.meanScalar(obs, 6, scalar);
        for (int k = 0; k < 24; k++) {
            assertTrue(Math.abs(vector[k] - before[k]) > 1e-6, "entry " + k + " moved");
        }
        assertClose(scalar, vector);
    }

    /**
     * Issue 4's rollout (logistic regression, paper features, Li &amp; Malik's network, 40 steps) with the policy on
     * either path: every objective and iterate agrees to 1e-12 relative (measured about 2e-15 at 1,000 problems).
     */
    @Test
    void learnedOptimizerRolloutDoesNotDependOnThePath() {
        List<Problem> problems = Catalog.family("logistic-regression", Map.of("testProblems", 100))
                .problems("test", 0);
        List<double[]> starts = problems.stream().map(p -> p.initialPoint(0)).toList();
        FeaturePreset preset = FeaturePreset.paper();
        int d = problems.get(0).dimension();
        GaussianMlpPolicy policy = GaussianMlpPolicy.initialize(
                MlpArchitecture.liMalik(preset.historyLength() * (d + 1), d), Seeds.derive(1, "policy"));
        Rollout.Options options = Rollout.Options.of(40).withIterates();
        RolloutResult vector = Rollout.run(new FeatureDrivenOptimizer("vector", Map.of(), preset,
                (layout, count, obs, actions) -> policy.mean(obs, count, actions)), problems, starts, options,
                RolloutListener.NONE);
        RolloutResult scalar = Rollout.run(new FeatureDrivenOptimizer("scalar", Map.of(), preset,
                (layout, count, obs, actions) -> policy.meanScalar(obs, count, actions)), problems, starts, options,
                RolloutListener.NONE);
        for (int i = 0; i < problems.size(); i++) {
            for (int t = 0; t <= 40; t++) {
                double f = scalar.objective()[i][t];
                assertEquals(f, vector.objective()[i][t], 1e-12 * Math.abs(f), "f, problem " + i + " step " + t);
                double[] xs = scalar.iterates()[i][t];
                double[] xv = vector.iterates()[i][t];
                double norm = 0;
                for (double v : xs) {
                    norm = Math.max(norm, Math.abs(v));
                }
                for (int j = 0; j < d; j++) {
                    assertEquals(xs[j], xv[j], 1e-12 * norm, "x, problem " + i + " step " + t);
                }
            }
        }
        assertTrue(scalar.objective()[0][40] != scalar.objective()[0][0], "the policy moves the iterates");
    }
}
