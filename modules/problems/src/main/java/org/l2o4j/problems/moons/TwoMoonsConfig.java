package org.l2o4j.problems.moons;

import java.util.List;
import java.util.Objects;

import org.l2o4j.core.config.Checks;
import org.l2o4j.core.config.ConfigException;

/**
 * Settings of the {@code two-moons} family (Maheswaranathan et al. 2021; papers.md §3.1; renn {@code tasks.py}).
 *
 * @param points        data set size n; 1024 (renn)
 * @param noiseStd      σ of the coordinate noise; 0.1 (renn)
 * @param datasetSeed   seed of the data set, fixed for the whole family and independent of the problem seeds,
 *                      which draw only the initial parameters; 0 (renn's {@code seed=0})
 * @param hiddenWidths  tanh layer widths, possibly empty; [64, 64, 64], the MLP hard-coded in renn commit 6dae0b9
 *                      (match with the paper not confirmed, papers.md §3.1)
 * @param normPenalty   μ of μ‖θ‖₂ (the norm, not squared); 5e-3 (renn {@code l2_pen})
 * @param initScale     multiplier of the 1/√fan-in standard deviation of the initial weights (biases start at 0);
 *                      1 by choice: renn takes its initializer from the model passed in, which is not found
 * @param trainProblems initializations in {@code train}; 100 by choice
 * @param testProblems  initializations in {@code test}; 128, the paper's number of evaluation seeds (papers.md §3.3)
 */
public record TwoMoonsConfig(int points, double noiseStd, long datasetSeed, List<Integer> hiddenWidths,
        double normPenalty, double initScale, int trainProblems, int testProblems) {

    /** The renn settings. */
    public static final TwoMoonsConfig DEFAULTS =
            new TwoMoonsConfig(1024, 0.1, 0, List.of(64, 64, 64), 5e-3, 1.0, 100, 128);

    public TwoMoonsConfig {
        if (points < 2) {
            throw new ConfigException("points must be at least 2 (one per moon), got " + points);
        }
        Checks.nonNegative("noiseStd", noiseStd);
        if (hiddenWidths == null || hiddenWidths.stream().anyMatch(Objects::isNull)) {
            throw new ConfigException("hiddenWidths must be a list of positive integers, got " + hiddenWidths);
        }
        hiddenWidths = List.copyOf(hiddenWidths);
        for (int l = 0; l < hiddenWidths.size(); l++) {
            Checks.positive("hiddenWidths[" + l + "]", hiddenWidths.get(l));
        }
        Checks.nonNegative("normPenalty", normPenalty);
        Checks.positive("initScale", initScale);
        Checks.positive("trainProblems", trainProblems);
        Checks.positive("testProblems", testProblems);
    }
}
