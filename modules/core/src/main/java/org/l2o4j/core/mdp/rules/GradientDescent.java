package org.l2o4j.core.mdp.rules;

import org.l2o4j.core.mdp.FeatureLayout;
import org.l2o4j.core.mdp.StepRule;

/**
 * Δx = −α·∇f(x_t), with ∇f(x_t) read from the observation's lag-0 gradient slot. Needs a preset that holds the
 * current gradient ({@code released-code}, or {@code paper} with {@code includeCurrentGradient}).
 *
 * @param stepSize α
 */
public record GradientDescent(double stepSize) implements StepRule {

    public GradientDescent {
        if (!Double.isFinite(stepSize)) {
            throw new IllegalArgumentException("step size must be finite, got " + stepSize);
        }
    }

    @Override
    public void steps(FeatureLayout layout, int count, double[] observations, double[] actions) {
        int d = layout.problemDimension();
        int dO = layout.dimension();
        int current = TruncatedHeavyBall.currentGradientOffset(layout);
        double minusStep = -stepSize;
        for (int r = 0; r < count; r++) {
            for (int j = 0; j < d; j++) {
                actions[r * d + j] = minusStep * observations[r * dO + current + j];
            }
        }
    }
}
