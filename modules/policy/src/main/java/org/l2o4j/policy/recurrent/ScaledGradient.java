package org.l2o4j.policy.recurrent;

import java.util.LinkedHashMap;
import java.util.Map;

import org.l2o4j.core.config.Checks;

/**
 * The raw gradient times a constant, one feature per coordinate: Andrychowicz et al. feed the quadratics' gradients
 * unprocessed (papers.md §2.2), and Maheswaranathan et al.'s GRU reads g·{@code input_scale} (renn {@code cwrnn},
 * papers.md §3.2; 1 on their quadratic).
 *
 * @param inputScale the factor, finite and non-zero
 */
public record ScaledGradient(double inputScale) implements Preprocessing {

    /** The value of the {@code type} field in checkpoints. */
    public static final String TYPE = "raw";

    public ScaledGradient {
        Checks.finite("inputScale", inputScale);
        if (inputScale == 0) {
            throw new IllegalArgumentException("inputScale must not be 0: the optimizer would never see a gradient");
        }
    }

    @Override
    public int features() {
        return 1;
    }

    @Override
    public void apply(double[] gradient, int from, int to, double[] features) {
        for (int n = from; n < to; n++) {
            features[n] = inputScale * gradient[n];
        }
    }

    @Override
    public void derivative(double g, double[] out) {
        out[0] = inputScale;
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", TYPE);
        m.put("inputScale", inputScale);
        return m;
    }
}
