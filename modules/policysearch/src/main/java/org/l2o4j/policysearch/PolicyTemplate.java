package org.l2o4j.policysearch;

import java.io.Serializable;

import org.l2o4j.policy.GaussianMlpPolicy;
import org.l2o4j.policy.InputNormalization;
import org.l2o4j.policy.MlpArchitecture;

/**
 * Li &amp; Malik's policy without its weights, as plain data that a unit carries: the network's shape, its input
 * normalization and log σ, fixed while a black-box trainer searches over θ. A unit ships θ as an array beside it and
 * makes the policy where it runs ({@link #policy}), the same policy the driver would make.
 *
 * @param architecture  the network's shape
 * @param normalization the input normalization
 * @param logStd        log σ of the actions (unused by the mean step, kept in checkpoints)
 */
public record PolicyTemplate(MlpArchitecture architecture, InputNormalization normalization, double[] logStd)
        implements Serializable {

    public PolicyTemplate {
        logStd = logStd.clone();
    }

    /** The policy with weights θ. */
    public GaussianMlpPolicy policy(double[] theta) {
        return GaussianMlpPolicy.of(architecture, theta, normalization, logStd);
    }
}
