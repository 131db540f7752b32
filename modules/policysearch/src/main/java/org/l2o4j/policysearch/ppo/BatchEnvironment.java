package org.l2o4j.policysearch.ppo;

/**
 * A batch of n episodes of a finite-horizon environment, stepped together (the policy's forward pass is one batched
 * call). An episode is active until it ends early (the environment says when, e.g. a diverged iterate) or the horizon
 * is reached; actions of inactive episodes are ignored and they earn nothing.
 *
 * <p>Lifecycle: {@link #reset}, then {@link #horizon()} times {@link #observations} and {@link #step}. Every random
 * thing of a batch comes from the seed given to {@link #reset}. Not thread-safe.
 */
public interface BatchEnvironment {

    /** dO. */
    int observationDimension();

    /** dU. */
    int actionDimension();

    /** T, steps per episode. */
    int horizon();

    /** Starts {@code n} episodes from the streams of {@code seed}. */
    void reset(int n, long seed);

    /** The current observations, n × dO row-major (rows of inactive episodes are unspecified). */
    void observations(double[] out);

    /** Applies the actions (n × dU) and writes each episode's reward (0 for an inactive one) into {@code rewards}. */
    void step(double[] actions, double[] rewards);

    /** Whether episode i has not ended. */
    boolean isActive(int i);

    /** Problem-steps spent over every batch so far (one f and ∇f of one function at one point). */
    long problemSteps();
}
