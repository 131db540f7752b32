package org.l2o4j.policy.recurrent;

import java.util.Map;

/**
 * How a coordinate's gradient g becomes the input features of a recurrent learned optimizer. The gradient is an input
 * of the network and never differentiated through (papers.md §2.1: no second derivatives), so a preprocessing needs
 * no derivative.
 *
 * <p>Features are written coordinate after coordinate: the {@link #features()} numbers of coordinate n start at
 * {@code n * features()}.
 */
public sealed interface Preprocessing permits LogAndSign, ScaledGradient {

    /** Number of features per coordinate. */
    int features();

    /**
     * Features of coordinates {@code from .. to-1}: {@code gradient[n]} becomes
     * {@code features[n*features() .. (n+1)*features())}.
     */
    void apply(double[] gradient, int from, int to, double[] features);

    /**
     * ∂features/∂g of one coordinate at gradient {@code g}, into {@code out[0 .. features())} (one-sided where the
     * map has a kink: the branch {@link #apply} takes at g). The analysis of learned optimizers needs it for the
     * response to the gradient; training never differentiates through the preprocessing.
     */
    void derivative(double g, double[] out);

    /** The settings as written into checkpoints and provenance, {@code "type"} first. */
    Map<String, Object> describe();
}
