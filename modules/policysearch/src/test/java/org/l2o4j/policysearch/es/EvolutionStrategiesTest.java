package org.l2o4j.policysearch.es;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.l2o4j.core.config.Configs;
import org.l2o4j.core.engine.LocalEngine;
import org.l2o4j.core.problem.Problem;
import org.l2o4j.core.training.gradient.GradientEstimator;
import org.l2o4j.policysearch.Particle;
import org.l2o4j.policysearch.PolicyEpisodes;
import org.l2o4j.policysearch.PolicyParameters;
import org.l2o4j.policysearch.TrainingFunctions;

/**
 * The ES and PES estimates against the gradient of the full-episode objective L(θ) = mean over the functions of
 * Σ_{t=1..T} f(x_t)/f(x_0), computed independently by central finite differences of fresh episodes. A tiny policy (2
 * hidden units on the paper features with H = 2: 34 weights) on 2 logistic-regression functions for T = 6 steps, at
 * θ₀; σ = 1e-4, so the Gaussian smoothing's bias O(σ²) is far below the tolerance.
 */
class EvolutionStrategiesTest {

    private static final TrainingFunctions SOURCE = new TrainingFunctions("logistic-regression", Map.of(), 3, "train",
            2);
    private static final List<Problem> FUNCTIONS = SOURCE.problems();

    private static EsSettings settings(int truncation, int pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("preset", "paper");
        m.put("historyLength", 2);
        m.put("hiddenUnits", 2);
        m.put("horizon", 6);
        m.put("truncation", truncation);
        m.put("pairs", pairs);
        m.put("sigma", 1e-4);
        m.put("functionsPerStep", 2);
        return Configs.bind(m, EsSettings.ES, "test");
    }

    private static EvolutionStrategies estimator(EsSettings s, int threads) {
        PolicyEpisodes episodes = new PolicyEpisodes(s.featurePreset(), s.horizon(), FUNCTIONS, s.hiddenUnits());
        return new EvolutionStrategies(s, 3, new LocalEngine(threads), SOURCE, PolicyParameters.fitted(episodes, 1.0,
                "es-policy"));
    }

    /** L(θ) from fresh full episodes. */
    private static double loss(EvolutionStrategies es, EsSettings s, double[] theta) {
        Particle p = new Particle(s.featurePreset(), FUNCTIONS, FUNCTIONS.stream().map(f -> f.initialPoint(0))
                .toList(), true, s.divergedCostFactor());
        return p.advance(es.policy(theta), s.horizon());
    }

    private static double[] finiteDifferenceGradient(EvolutionStrategies es, EsSettings s, double[] theta) {
        double h = 1e-6;
        double[] g = new double[theta.length];
        for (int k = 0; k < theta.length; k++) {
            double[] up = theta.clone();
            double[] down = theta.clone();
            up[k] += h;
            down[k] -= h;
            g[k] = (loss(es, s, up) - loss(es, s, down)) / (2 * h);
        }
        return g;
    }

    /**
     * The estimate summed over one epoch's truncations, at a fixed θ, projected on the true gradient g: its mean over
     * 200 epochs must be |g|² within 4 standard errors (estimated from the same 200 samples), and the mean estimate
     * must point along g (cosine above 0.9).
     */
    private static void assertUnbiased(int truncation) {
        EsSettings s = settings(truncation, 8);
        try (EvolutionStrategies es = estimator(s, 2)) {
            double[] theta = es.initialParameters();
            double[] g = finiteDifferenceGradient(es, s, theta);
            double gg = dot(g, g);
            int samples = 200;
            double[] projections = new double[samples];
            double[] mean = new double[theta.length];
            double[] estimate = new double[theta.length];
            for (int e = 0; e < samples; e++) {
                GradientEstimator.Epoch epoch = es.epoch(e, theta);
                double[] sum = new double[theta.length];
                for (int u = 0; u < es.stepsPerEpoch(); u++) {
                    epoch.estimate(theta, estimate);
                    for (int k = 0; k < sum.length; k++) {
                        sum[k] += estimate[k];
                    }
                }
                projections[e] = dot(sum, g);
                for (int k = 0; k < sum.length; k++) {
                    mean[k] += sum[k] / samples;
                }
            }
            double average = 0;
            for (double p : projections) {
                average += p / samples;
            }
            double variance = 0;
            for (double p : projections) {
                variance += (p - average) * (p - average) / (samples - 1);
            }
            double standardError = Math.sqrt(variance / samples);
            assertTrue(Math.abs(average - gg) < 4 * standardError, "E[g·ĝ] = " + average + " vs |g|² = " + gg
                    + " (standard error " + standardError + ")");
            double cosine = dot(mean, g) / Math.sqrt(dot(mean, mean) * gg);
            assertTrue(cosine > 0.9, "the mean estimate points along the gradient: cosine " + cosine);
        }
    }

    @Test
    void fullEpisodeEsIsUnbiased() {
        assertUnbiased(0);
    }

    @Test
    void persistentEsIsUnbiasedForTheFullEpisodeObjective() {
        assertUnbiased(2);
    }

    /** PES whose truncation is the whole episode is full-episode ES, estimate for estimate, on any engine. */
    @Test
    void pesWithOneTruncationEqualsFullEpisodeEs() {
        EsSettings es = settings(0, 4);
        EsSettings pes = settings(6, 4);
        try (EvolutionStrategies a = estimator(es, 1); EvolutionStrategies b = estimator(pes, 2)) {
            assertEquals(1, b.stepsPerEpoch());
            double[] theta = a.initialParameters();
            for (int e = 0; e < 3; e++) {
                double[] ga = new double[theta.length];
                double[] gb = new double[theta.length];
                double la = a.epoch(e, theta).estimate(theta, ga);
                double lb = b.epoch(e, theta).estimate(theta, gb);
                assertEquals(la, lb, 0.0);
                assertArrayEquals(ga, gb, 0.0);
            }
        }
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            s += a[k] * b[k];
        }
        return s;
    }
}
