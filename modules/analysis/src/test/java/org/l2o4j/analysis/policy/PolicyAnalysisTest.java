package org.l2o4j.analysis.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.l2o4j.core.mdp.FeatureDrivenOptimizer;
import org.l2o4j.core.mdp.FeatureLayout;
import org.l2o4j.core.mdp.FeaturePreset;
import org.l2o4j.core.mdp.StepRule;
import org.l2o4j.core.problem.Problem;
import org.l2o4j.eval.experiment.Progress;
import org.l2o4j.problems.quadratic.RennQuadraticConfig;
import org.l2o4j.problems.quadratic.RennQuadraticFamily;

/**
 * The feed-forward analyses on a rule written through the features to be truncated heavy ball,
 * Δx = −η Σ_lag β^lag g_{t−lag} over the lags the observation holds (0 .. H − 1 in the paper preset with the current
 * gradient): its effective learning rate is η at every step, its update function is the line of slope −η, and on a
 * constant gradient c its rate −Δx/c at step s is η Σ_{lag < min(s, H)} β^lag (the history holds zeros before x₀),
 * whatever c.
 */
class PolicyAnalysisTest {

    private static final double ETA = 0.3;
    private static final double BETA = 0.6;
    private static final int H = 5;

    @TempDir
    Path out;

    private static StepRule heavyBall() {
        return (FeatureLayout layout, int count, double[] o, double[] a) -> {
            int d = layout.problemDimension();
            int dO = layout.dimension();
            for (int k = 0; k < count; k++) {
                for (int i = 0; i < d; i++) {
                    double step = 0;
                    for (int lag = 0; lag <= H; lag++) {
                        int offset = layout.gradientOffset(lag);
                        if (offset >= 0) {
                            step -= ETA * Math.pow(BETA, lag) * o[k * dO + offset + i];
                        }
                    }
                    a[k * d + i] = step;
                }
            }
        };
    }

    @Test
    void truncatedHeavyBallHasItsClosedForms() throws IOException {
        List<Problem> problems = new RennQuadraticFamily(RennQuadraticConfig.DEFAULTS).problems("test", 2020)
                .subList(0, 3);
        FeaturePreset preset = FeaturePreset.paper(H, true);
        FeatureDrivenOptimizer optimizer = new FeatureDrivenOptimizer("heavy-ball-rule", Map.of(), preset,
                heavyBall());
        Map<String, Object> summary = PolicyAnalysis.run(optimizer, problems, new PolicyAnalysis.Settings(3, 12, 0.5,
                21, new double[] {0.01, 1.0}), "rule", out, Progress.NONE);
        assertEquals(0, summary.get("newestGradientLag"));
        List<String> rates = Files.readAllLines(out.resolve("effective-learning-rate.csv"));
        assertEquals(13, rates.size());
        for (String line : rates.subList(1, rates.size())) {
            String[] cells = line.split(",");
            assertEquals(ETA, Double.parseDouble(cells[1]), 1e-8, "median rate, step " + cells[0]);
            assertEquals(ETA, Double.parseDouble(cells[2]), 1e-8);
        }
        List<String> update = Files.readAllLines(out.resolve("update-functions.csv"));
        for (String line : update.subList(1, update.size())) {
            String[] cells = line.split(",");
            double g = Double.parseDouble(cells[1]);
            assertTrue(Double.isFinite(Double.parseDouble(cells[2])));
            if (cells[0].equals("0")) {
                assertEquals(-ETA * g, Double.parseDouble(cells[2]), 1e-12, "at step 0 the history is empty");
            }
        }
        List<String> constant = Files.readAllLines(out.resolve("constant-gradient.csv"));
        int checked = 0;
        for (String line : constant.subList(1, constant.size())) {
            String[] cells = line.split(",");
            int s = Integer.parseInt(cells[1]);
            double expected = 0;
            for (int lag = 0; lag < Math.min(s, H); lag++) {
                expected += ETA * Math.pow(BETA, lag);
            }
            assertEquals(expected, Double.parseDouble(cells[3]), 1e-9, "c = " + cells[0] + ", step " + s);
            checked++;
        }
        assertEquals(4 * 12, checked);
        for (String f : List.of("effective-learning-rate", "update-functions", "constant-gradient",
                "constant-gradient-rates")) {
            assertTrue(Files.size(out.resolve("figures").resolve(f + ".png")) > 0, f);
        }
    }
}
