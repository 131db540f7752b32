package org.l2o4j.gps.policy;

import java.util.Objects;

import org.l2o4j.policy.Policy;

/**
 * The policy module's {@link Policy} (e.g. {@code GaussianMlpPolicy}) seen as GPS's {@link GlobalPolicyView}: the two
 * interfaces have the same methods, so this is pure delegation. It reads the policy live, so after an S-step the view
 * shows the new network; like the policy, it must not be queried while the S-step trains.
 *
 * @param policy the global policy π_θ
 */
public record MlpPolicyView(Policy policy) implements GlobalPolicyView {

    public MlpPolicyView {
        Objects.requireNonNull(policy, "policy");
    }

    @Override
    public int inputDimension() {
        return policy.inputDimension();
    }

    @Override
    public int outputDimension() {
        return policy.outputDimension();
    }

    @Override
    public void mean(double[] observations, int count, double[] means) {
        policy.mean(observations, count, means);
    }

    @Override
    public double[] variance() {
        return policy.variance();
    }

    /**
     * The same means with zero variance: sampling it gives the deterministic mean-action rollouts used to evaluate
     * the global policy (gps.md §3, "evaluate π_θ rollouts for logging only").
     */
    public GlobalPolicyView meanOnly() {
        return new GlobalPolicyView() {
            @Override
            public int inputDimension() {
                return policy.inputDimension();
            }

            @Override
            public int outputDimension() {
                return policy.outputDimension();
            }

            @Override
            public void mean(double[] observations, int count, double[] means) {
                policy.mean(observations, count, means);
            }

            @Override
            public double[] variance() {
                return new double[policy.outputDimension()];
            }
        };
    }
}
