package org.l2o4j.problems.quadratic;

import java.util.List;

import org.l2o4j.core.config.Checks;


/**
 * Settings of the {@code quadratic} family (Andrychowicz et al. 2016, quadratic functions; papers.md §2.2).
 *
 * @param dimension          d: W is d×d and y ∈ R^d; 10 (papers.md §2.2)
 * @param distribution       law of the entries of W and y: {@code "gaussian"} i.i.d. N(0, 1) as the paper states, or
 *                           {@code "uniform"} U[0, 1) as DeepMind's {@code problems.py} draws them
 * @param initScale          σ of θ0 ~ N(0, σ² I); 1 by choice; DeepMind's code uses 0.01, so reproducing the code
 *                           means {@code distribution: uniform, initScale: 0.01}
 * @param trainProblems      functions in {@code train}; 100 by choice: the paper draws fresh functions for every
 *                           meta-step, the code a batch of 128 per step
 * @param validationProblems functions in {@code validation} for early stopping on the meta-training curve; 20 by
 *                           choice (the paper's 20 validation images for neural art, papers.md §2.2, are the only
 *                           validation count it gives)
 * @param testProblems       functions in {@code test}; 100 by choice
 */
public record LeastSquaresQuadraticConfig(int dimension, String distribution, double initScale, int trainProblems,
        int validationProblems, int testProblems) {

    /** The valid values of {@code distribution}. */
    public static final List<String> DISTRIBUTIONS = List.of("gaussian", "uniform");

    /** The paper's settings, with the documented choices above where it gives none. */
    public static final LeastSquaresQuadraticConfig DEFAULTS =
            new LeastSquaresQuadraticConfig(10, "gaussian", 1.0, 100, 20, 100);

    public LeastSquaresQuadraticConfig {
        Checks.positive("dimension", dimension);
        Checks.oneOf("distribution", distribution, DISTRIBUTIONS);
        Checks.positive("initScale", initScale);
        Checks.positive("trainProblems", trainProblems);
        Checks.positive("validationProblems", validationProblems);
        Checks.positive("testProblems", testProblems);
    }
}
