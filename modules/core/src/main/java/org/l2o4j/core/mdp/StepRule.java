package org.l2o4j.core.mdp;

/**
 * A map from observations to steps, applied to a batch: the mean of a learned policy, a controller, or a hand-written
 * rule expressed through the features. It must be stateless: everything it may remember lives in the observation's
 * history (that is the point of Li &amp; Malik's MDP, papers.md §1.1), so rows are independent and the same
 * observation always gives the same step.
 */
@FunctionalInterface
public interface StepRule {

    /**
     * Writes the step of each of {@code count} problems.
     *
     * @param layout       where each block of an observation sits; {@code layout.dimension()} = dO and
     *                     {@code layout.problemDimension()} = d
     * @param count        number of rows to fill
     * @param observations {@code count} observations, row after row (count × dO; the array may be longer)
     * @param actions      the steps Δx, row after row (count × d; the array may be longer)
     */
    void steps(FeatureLayout layout, int count, double[] observations, double[] actions);
}
