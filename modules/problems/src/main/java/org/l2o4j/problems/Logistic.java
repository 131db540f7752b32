package org.l2o4j.problems;

/**
 * The logistic sigmoid and its log-partition in forms that neither overflow nor lose digits for large |z|: the
 * binary cross-entropy of every classifier family here is {@code softplus(z) − y·z}, and its derivative
 * {@code sigmoid(z) − y}.
 */
public final class Logistic {

    private Logistic() {
    }

    /** log(1 + e^z), as max(z, 0) + log1p(e^−|z|) so that e^z never overflows and small values keep their digits. */
    public static double softplus(double z) {
        return softplus(z, Math.exp(-Math.abs(z)));
    }

    /**
     * {@link #softplus(double)} given {@code expNegAbs} = e^−|z|, so that a loss and its gradient (which needs
     * {@link #sigmoid(double, double)}) share one exponential.
     */
    public static double softplus(double z, double expNegAbs) {
        return Math.max(z, 0) + log1p(expNegAbs);
    }

    /**
     * log(1 + x) for x &gt; −1 to within a few ulps, through the JIT-intrinsic {@code Math.log}: with u = fl(1 + x),
     * log1p(x) = x·log(u)/(u − 1), which cancels the rounding of u (Goldberg, "What every computer scientist should
     * know about floating-point arithmetic", 1991, Theorem 4). {@code Math.log1p} is not an intrinsic and made up
     * about half the time of a logistic-regression evaluation.
     */
    public static double log1p(double x) {
        double u = 1 + x;
        if (u == 1) {
            return x;
        }
        return Math.log(u) * x / (u - 1);
    }

    /** 1 / (1 + e^−z), evaluated on the side where the exponential is at most 1. */
    public static double sigmoid(double z) {
        return sigmoid(z, Math.exp(-Math.abs(z)));
    }

    /** {@link #sigmoid(double)} given {@code expNegAbs} = e^−|z|. */
    public static double sigmoid(double z, double expNegAbs) {
        double r = 1 / (1 + expNegAbs);
        return z >= 0 ? r : expNegAbs * r;
    }
}
