package org.l2o4j.gps.policy;

/**
 * What GPS needs of the global policy π_θ(u | o) = N(μ_θ(o), diag σ²) (gps.md §2): its batched mean and its
 * state-independent diagonal variance. The policy module's {@code Policy} has methods of the same names and
 * signatures, so an adapter is a one-line delegation; GPS depends only on this view, which keeps sampling and
 * linearization testable with hand-written linear "policies".
 *
 * <p>Implementations must be pure between training steps: the same observations give the same means, and queries
 * change nothing, so one view may be queried from several conditions' threads at once.
 */
public interface GlobalPolicyView {

    /** dO, the length of one observation. */
    int inputDimension();

    /** dU, the length of one action and of one mean. */
    int outputDimension();

    /**
     * μ_θ(o) of a batch: {@code observations} holds {@code count} rows of dO numbers, {@code means} receives
     * {@code count} rows of dU numbers (row-major; longer arrays allowed, tails untouched).
     */
    void mean(double[] observations, int count, double[] means);

    /** σ², the diagonal of the state-independent covariance, dU entries (a fresh copy). */
    double[] variance();
}
