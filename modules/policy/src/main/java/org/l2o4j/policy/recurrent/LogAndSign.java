package org.l2o4j.policy.recurrent;

import java.util.LinkedHashMap;
import java.util.Map;

import org.l2o4j.core.config.Checks;

/**
 * Andrychowicz et al.'s gradient preprocessing (2016, Appendix A; papers.md §2.1), two features per coordinate:
 * <pre>
 *   (log|g| / p, sign g)   if |g| ≥ e^−p
 *   (−1, e^p · g)          otherwise
 * </pre>
 * Both branches give (−1, ±1) at |g| = e^−p, so the features are continuous in g. The magnitude and the sign are
 * separated because gradients span many orders of magnitude, which a network with bounded units cannot read from g
 * itself. The paper uses p = 10.
 *
 * <p>With {@code clamped}, the form of DeepMind's {@code preprocess.py LogAndSign} (which uses p = k = 5):
 * (max(log(|g| + ε)/p, −1), min(max(e^p·g, −1), 1)) with ε the machine epsilon (2⁻⁵² here; the float32 original has
 * 2⁻²³). It equals the paper's form except for ε inside the logarithm.
 *
 * @param p       the scale of the logarithm and the threshold e^−p; positive
 * @param clamped whether to use DeepMind's clamped form
 */
public record LogAndSign(double p, boolean clamped) implements Preprocessing {

    /** The value of the {@code type} field in checkpoints. */
    public static final String TYPE = "log-and-sign";

    /** The paper's p (Appendix A). */
    public static final double PAPER_P = 10.0;

    /** DeepMind's code's k ({@code util.py}). */
    public static final double DEEPMIND_K = 5.0;

    private static final double EPSILON = Math.ulp(1.0);

    public LogAndSign {
        Checks.positive("p (log-and-sign)", p);
    }

    /** The paper's preprocessing, p = 10. */
    public static LogAndSign paper() {
        return new LogAndSign(PAPER_P, false);
    }

    @Override
    public int features() {
        return 2;
    }

    @Override
    public void apply(double[] gradient, int from, int to, double[] features) {
        double threshold = Math.exp(-p);
        double expP = Math.exp(p);
        for (int n = from; n < to; n++) {
            double g = gradient[n];
            double magnitude;
            double sign;
            if (clamped) {
                magnitude = Math.max(Math.log(Math.abs(g) + EPSILON) / p, -1.0);
                sign = Math.min(Math.max(expP * g, -1.0), 1.0);
            } else if (Math.abs(g) >= threshold) {
                magnitude = Math.log(Math.abs(g)) / p;
                sign = Math.signum(g);
            } else {
                magnitude = -1.0;
                sign = expP * g;
            }
            features[2 * n] = magnitude;
            features[2 * n + 1] = sign;
        }
    }

    @Override
    public void derivative(double g, double[] out) {
        double expP = Math.exp(p);
        double a = Math.abs(g);
        if (clamped) {
            out[0] = Math.log(a + EPSILON) / p > -1.0 ? Math.signum(g) / (p * (a + EPSILON)) : 0.0;
            out[1] = Math.abs(expP * g) < 1.0 ? expP : 0.0;
        } else if (a >= Math.exp(-p)) {
            out[0] = 1 / (p * g);
            out[1] = 0;
        } else {
            out[0] = 0;
            out[1] = expP;
        }
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", TYPE);
        m.put("p", p);
        m.put("clamped", clamped);
        return m;
    }
}
