package org.l2o4j.rl4j;

/**
 * What the agent sees of an observation o: clip(o · {@code multiplier}, −{@code clipMagnitude}, +{@code clipMagnitude})
 * element-wise. Li &amp; Malik give no feature normalisation (papers.md §1.2, "not found"); raw gradients and objective
 * differences can span orders of magnitude, which a small DQN network fed in float32 handles badly, so the stewy33
 * port's choice (divide by 50, clip to [−1, 1]) is offered as {@link #S33}. The step rules always act on the unscaled
 * features: scaling changes what the agent sees, never what an action does.
 *
 * @param multiplier    factor applied first; finite and non-zero
 * @param clipMagnitude bound applied second; positive, {@code +∞} for none
 */
public record ObservationScaling(double multiplier, double clipMagnitude) {

    /** The raw features. */
    public static final ObservationScaling NONE = new ObservationScaling(1.0, Double.POSITIVE_INFINITY);
    /** The unofficial port's: o / 50 clipped to [−1, 1] (papers.md §1.2, [S33:autonomous_optimizer.py]). */
    public static final ObservationScaling S33 = new ObservationScaling(1.0 / 50, 1.0);

    public ObservationScaling {
        if (!Double.isFinite(multiplier) || multiplier == 0) {
            throw new IllegalArgumentException("multiplier must be finite and non-zero, got " + multiplier);
        }
        if (!(clipMagnitude > 0)) {
            throw new IllegalArgumentException("clipMagnitude must be positive (or +Infinity for none), got "
                    + clipMagnitude);
        }
    }

    /** Scales and clips {@code values} in place. */
    public void applyInPlace(double[] values) {
        for (int k = 0; k < values.length; k++) {
            values[k] = Math.max(-clipMagnitude, Math.min(clipMagnitude, values[k] * multiplier));
        }
    }
}
