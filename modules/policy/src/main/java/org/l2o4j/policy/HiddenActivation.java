package org.l2o4j.policy;

/**
 * The hidden units' nonlinearity. Li &amp; Malik's paper specifies softplus (papers.md §1.3), the default; their
 * released code used ReLU (gps.md §2), kept as a switch to reproduce it.
 */
public enum HiddenActivation {

    /** softplus(z) = log(1 + eᶻ), derivative the logistic sigmoid. */
    SOFTPLUS("softplus"),

    /** relu(z) = max(z, 0), derivative 1 for z &gt; 0 and 0 otherwise (0 at z = 0, as TensorFlow and ND4J). */
    RELU("relu");

    private final String label;

    HiddenActivation(String label) {
        this.label = label;
    }

    /** The name used in checkpoints and configuration. */
    public String label() {
        return label;
    }

    /** The activation named {@code label} ("softplus" or "relu"). */
    public static HiddenActivation fromLabel(String label) {
        for (HiddenActivation a : values()) {
            if (a.label.equals(label)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown hidden activation '" + label + "'; use \"softplus\" or \"relu\"");
    }

    /** Applies the activation to {@code pre[0..n)}, writing {@code post[0..n)}. */
    void apply(double[] pre, double[] post, int n) {
        if (this == SOFTPLUS) {
            for (int j = 0; j < n; j++) {
                post[j] = softplus(pre[j]);
            }
        } else {
            for (int j = 0; j < n; j++) {
                post[j] = Math.max(pre[j], 0.0);
            }
        }
    }

    /** d activation / dz at the pre-activation z. */
    double derivative(double z) {
        if (this == SOFTPLUS) {
            return sigmoid(z);
        }
        return z > 0 ? 1.0 : 0.0;
    }

    /**
     * softplus(z) = max(z, 0) + log1p(e^−|z|): never overflows, and keeps full relative accuracy for very negative z
     * where log(1 + eᶻ) would round 1 + eᶻ to 1.
     */
    static double softplus(double z) {
        return Math.max(z, 0.0) + log1p(Math.exp(-Math.abs(z)));
    }

    /** The logistic sigmoid, evaluated from e^−|z| so that it never overflows. */
    static double sigmoid(double z) {
        double e = Math.exp(-Math.abs(z));
        return z >= 0 ? 1.0 / (1.0 + e) : e / (1.0 + e);
    }

    /**
     * log(1 + x) to a few ulps as x·log(u)/(u − 1) with u = 1 + x (Goldberg 1991, "What every computer scientist
     * should know about floating-point arithmetic", Theorem 4): the rounding error of u cancels between log(u) and
     * u − 1. Math.log1p is not a JIT intrinsic and measured 1.6× slower in the whole forward pass (shared/deps.md);
     * Math.log is. Exact for u = 1, where log1p(x) = x to double precision.
     */
    static double log1p(double x) {
        double u = 1.0 + x;
        return u == 1.0 ? x : Math.log(u) * x / (u - 1.0);
    }
}
