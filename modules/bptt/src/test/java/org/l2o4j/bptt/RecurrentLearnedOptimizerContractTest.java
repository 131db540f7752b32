package org.l2o4j.bptt;

import org.l2o4j.policy.recurrent.RecurrentLearnedOptimizer;
import java.util.Map;

import org.l2o4j.core.optimizer.Optimizer;
import org.l2o4j.core.testkit.OptimizerContract;
import org.l2o4j.policy.recurrent.RecurrentNet;
import org.l2o4j.policy.recurrent.RecurrentSpec;

/**
 * The optimizer contract for a recurrent learned optimizer, with a one-unit GRU whose weights are set by hand to be
 * gradient descent: b_u = −40 makes u ≈ 0, so h' = c = tanh(ε g) ≈ ε g, and w_out = −α/ε makes Δθ ≈ −α g (α = 0.5,
 * ε = 1e-4; the tanh's curvature changes the step by under 1e-6 relative for |g| &lt; 10).
 */
class RecurrentLearnedOptimizerContractTest extends OptimizerContract {

    static RecurrentNet.Kernel gradientDescentGru() {
        RecurrentNet net = RecurrentSpec.rennGru(1).create();
        double epsilon = 1e-4;
        double alpha = 0.5;
        // W_x (u, r, c) | U_ur (u, r) | U_c | b (u, r, c) | h0 | w_out | b_out
        double[] theta = {0, 0, epsilon, 0, 0, 0, -40, 0, 0, 0, -alpha / epsilon, 0};
        return net.kernel(theta);
    }

    @Override
    protected Optimizer optimizer() {
        return new RecurrentLearnedOptimizer(gradientDescentGru(), Map.of());
    }
}
