package org.l2o4j.policy;

/**
 * A stochastic policy π(u | o) = N(μ(o), diag σ²) whose mean depends on the observation and whose variance does
 * not: the form of Li &amp; Malik's learned optimizer (papers.md §1.1, §1.3) and of the global policy of guided
 * policy search (gps.md §2). The action u is the optimizer's step Δx.
 *
 * <p><b>Configuration and state.</b> The architecture (dimensions, layer sizes, activation) is configuration, fixed
 * when the policy is built. The trained values (network parameters, input normalization, variance) are state: they
 * change only through training (e.g. {@link WeightedPolicyRegression}) or when a checkpoint is loaded, never through
 * {@link #mean} or {@link #variance}.
 *
 * <p><b>Lifecycle.</b> Build or load a policy, train it, then query it. Queries change nothing, so one policy may be
 * queried from many threads at once, provided no training runs at the same time.
 */
public interface Policy {

    /** Length of one observation o. */
    int inputDimension();

    /** Length of one action u (and of one mean μ(o)). */
    int outputDimension();

    /**
     * The means of a batch: {@code observations} holds {@code count} rows of {@link #inputDimension()} numbers
     * (row-major) and {@code means} receives {@code count} rows of {@link #outputDimension()} numbers. Longer arrays
     * are allowed; their tails are ignored and left untouched.
     *
     * @throws IllegalArgumentException if either array is too short for {@code count} rows
     */
    void mean(double[] observations, int count, double[] means);

    /** The diagonal of the state-independent covariance, σ² per output (a fresh copy). */
    double[] variance();
}
