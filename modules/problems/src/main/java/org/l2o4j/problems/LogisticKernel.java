package org.l2o4j.problems;

import java.util.Optional;

import org.l2o4j.core.vector.VectorApi;

/**
 * The data term of logistic regression on a fixed data set, the mean binary cross-entropy of a linear model:
 * <pre>
 *   L(w, b) = (1/n) Σ_i [softplus(z_i) − y_i z_i],  z_i = wᵀa_i + b,  ∇L = (1/n) Σ_i (σ(z_i) − y_i) ã_i,  ã_i = (a_i, 1)
 * </pre>
 * with the parameters laid out as x = (w_0 … w_{m−1}, b). Implementations are immutable, so safe to share between
 * threads.
 *
 * <p>{@link #vectorized} gives the kernel on JDK 17's incubator Vector API, where the JVM runs with
 * {@code --add-modules jdk.incubator.vector} (the build, the tests, the benchmarks and the {@code l2o} launcher pass
 * it, docs/performance.md); callers keep their own scalar loops for JVMs without it, and the class that names
 * vector types is loaded only on the vector path. {@code -Dl2o.vector=false} turns the vector path off (to compare
 * the two). The two agree to about 1e-15 of the loss's and the gradient's magnitude.
 */
public interface LogisticKernel {

    /** L at the parameters {@code x[offset .. offset + m]}. */
    double meanLoss(double[] x, int offset);

    /** L, with ∇L written over {@code gradient[gradientOffset .. gradientOffset + m]}. */
    double meanLossAndGradient(double[] x, int xOffset, double[] gradient, int gradientOffset);

    /**
     * The Vector API kernel for n points of m features ({@code features} row-major, n·m long) and labels 0 or 1
     * (checked by the caller), or empty where the vector path is off or would not pay (see
     * {@link LogisticVectorKernel#worthwhile}).
     */
    static Optional<LogisticKernel> vectorized(double[] features, int featureCount, int[] labels) {
        if (!VectorApi.AVAILABLE || !LogisticVectorKernel.worthwhile()) {
            return Optional.empty();
        }
        return Optional.of(new LogisticVectorKernel(features, featureCount, labels));
    }
}
