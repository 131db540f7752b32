package org.l2o4j.problems.quadratic;

import java.util.List;
import java.util.random.RandomGenerator;

import org.l2o4j.core.problem.Split;
import org.l2o4j.problems.ConfiguredFamily;
import org.l2o4j.problems.ProblemSeeds;

/**
 * Andrychowicz et al.'s quadratic functions (papers.md §2.2): W (d×d, row by row), then y, drawn on the problem's
 * data stream from the configured distribution. Splits {@code train}, {@code validation}, {@code test}; defaults in
 * {@link LeastSquaresQuadraticConfig}.
 */
public final class LeastSquaresQuadraticFamily extends ConfiguredFamily<LeastSquaresQuadraticConfig> {

    /** Registered name. */
    public static final String NAME = "quadratic";

    public LeastSquaresQuadraticFamily(LeastSquaresQuadraticConfig config) {
        super(NAME, config, List.of(new Split("train", config.trainProblems()),
                new Split("validation", config.validationProblems()), new Split("test", config.testProblems())));
    }

    @Override
    public LeastSquaresQuadratic sample(long seed) {
        LeastSquaresQuadraticConfig c = settings();
        int d = c.dimension();
        boolean gaussian = c.distribution().equals("gaussian");
        RandomGenerator rng = ProblemSeeds.data(seed);
        double[][] w = new double[d][d];
        for (double[] row : w) {
            for (int j = 0; j < d; j++) {
                row[j] = gaussian ? rng.nextGaussian() : rng.nextDouble();
            }
        }
        double[] y = new double[d];
        for (int i = 0; i < d; i++) {
            y[i] = gaussian ? rng.nextGaussian() : rng.nextDouble();
        }
        return new LeastSquaresQuadratic(w, y, seed, c.initScale());
    }
}
