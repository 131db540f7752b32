package org.l2o4j.problems.rosenbrock;

import java.util.List;
import java.util.Objects;

import org.l2o4j.core.config.Checks;
import org.l2o4j.core.config.ConfigException;

/**
 * Settings of the {@code rosenbrock} family (Maheswaranathan et al. 2021; papers.md §3.1, where the task's
 * initialization and scaling are not found).
 *
 * @param dimension     n ≥ 2; 2, the classic banana
 * @param a             1, the classic constant (minimum at (1, …, 1))
 * @param b             100, the classic constant
 * @param initialLower  lower corner of the box x0 is drawn from uniformly, repeated over the coordinates when n is
 *                      larger; [−2, −1] by choice: the paper's initialization is not found, and [−2, 2] × [−1, 3] is
 *                      the box the function is usually plotted on
 * @param initialUpper  upper corner; [2, 3] by choice
 * @param trainProblems functions (initial points) in {@code train}; 100 by choice
 * @param testProblems  functions in {@code test}; 128, the paper's number of evaluation seeds (papers.md §3.3)
 */
public record RosenbrockConfig(int dimension, double a, double b, List<Double> initialLower,
        List<Double> initialUpper, int trainProblems, int testProblems) {

    /** The classic function with the documented box. */
    public static final RosenbrockConfig DEFAULTS =
            new RosenbrockConfig(2, 1, 100, List.of(-2.0, -1.0), List.of(2.0, 3.0), 100, 128);

    public RosenbrockConfig {
        if (dimension < 2) {
            throw new ConfigException("dimension must be at least 2, got " + dimension);
        }
        Checks.finite("a", a);
        Checks.positive("b", b);
        if (initialLower == null || initialUpper == null || initialLower.isEmpty()
                || initialLower.size() != initialUpper.size() || initialLower.stream().anyMatch(Objects::isNull)
                || initialUpper.stream().anyMatch(Objects::isNull)) {
            throw new ConfigException("initialLower and initialUpper must be non-empty lists of numbers of equal"
                    + " length, got " + initialLower + " and " + initialUpper);
        }
        initialLower = List.copyOf(initialLower);
        initialUpper = List.copyOf(initialUpper);
        for (int j = 0; j < initialLower.size(); j++) {
            double lo = Checks.finite("initialLower[" + j + "]", initialLower.get(j));
            double hi = Checks.finite("initialUpper[" + j + "]", initialUpper.get(j));
            if (!(lo < hi)) {
                throw new ConfigException("initial box side " + j + " is empty: initialLower[" + j + "] = " + lo
                        + " is not below initialUpper[" + j + "] = " + hi);
            }
        }
        Checks.positive("trainProblems", trainProblems);
        Checks.positive("testProblems", testProblems);
    }
}
