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
        return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
    }

    /** 1 / (1 + e^−z), evaluated on the side where the exponential is at most 1. */
    public static double sigmoid(double z) {
        if (z >= 0) {
            return 1 / (1 + Math.exp(-z));
        }
        double e = Math.exp(z);
        return e / (1 + e);
    }
}
