package org.l2o4j.core.mdp.rules;

import org.l2o4j.core.mdp.FeatureLayout;
import org.l2o4j.core.mdp.StepRule;

/**
 * Heavy-ball momentum written on the features: Δx = −α Σ_{j=0..L} β^j ∇f(x_{t−j}), L = the layout's
 * {@link FeatureLayout#maxGradientLag()}. This is the linear controller of gps.md §4.12 (−α·I on the current
 * gradient, −α·β^j·I on lag j). While t ≤ L it equals the recursion v_t = β v_{t−1} + ∇f(x_t), Δx = −α v_t with
 * v_{−1} = 0, bit for bit (the sum is evaluated in the same order, by Horner's rule from the oldest lag); after that
 * it forgets gradients older than L steps, whose weight is β^{L+1}.
 *
 * @param stepSize α
 * @param momentum β
 */
public record TruncatedHeavyBall(double stepSize, double momentum) implements StepRule {

    public TruncatedHeavyBall {
        if (!Double.isFinite(stepSize) || !Double.isFinite(momentum)) {
            throw new IllegalArgumentException("step size and momentum must be finite, got stepSize=" + stepSize
                    + ", momentum=" + momentum);
        }
    }

    @Override
    public void steps(FeatureLayout layout, int count, double[] observations, double[] actions) {
        int d = layout.problemDimension();
        int dO = layout.dimension();
        currentGradientOffset(layout);
        int oldest = layout.maxGradientLag();
        double minusStep = -stepSize;
        for (int r = 0; r < count; r++) {
            int row = r * dO;
            for (int j = 0; j < d; j++) {
                double velocity = 0;
                for (int lag = oldest; lag >= 0; lag--) {
                    velocity = momentum * velocity + observations[row + layout.gradientOffset(lag) + j];
                }
                actions[r * d + j] = minusStep * velocity;
            }
        }
    }

    /** The lag-0 gradient's offset; the error names the preset that lacks it. */
    static int currentGradientOffset(FeatureLayout layout) {
        int offset = layout.gradientOffset(0);
        if (offset < 0) {
            throw new IllegalArgumentException("the " + layout.preset() + " features do not hold the current gradient "
                    + "(includeCurrentGradient=false), so no rule can read it; use includeCurrentGradient=true or the "
                    + "released-code preset");
        }
        return offset;
    }
}
