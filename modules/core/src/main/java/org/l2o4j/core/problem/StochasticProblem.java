package org.l2o4j.core.problem;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@link Problem} whose optimizers see minibatch estimates: F(x) = E_k[f_k(x)], where f_k is the loss on minibatch
 * k, a pure function of the problem's seed and the draw index k (Andrychowicz et al. 2016 train MNIST networks this
 * way). The inherited {@link #value(double[], int)} and {@link #valueAndGradient(double[], int, double[], int)} give
 * the full-data objective F (every example of the problem's data, for reporting and exact checks); the methods that
 * take a draw give f_k.
 *
 * <p><b>Who picks k.</b> Optimizers never do: {@link org.l2o4j.core.rollout.ProblemBatch} passes the number of
 * gradient evaluations it has already charged to the problem, so the k-th gradient evaluation sees minibatch k
 * whatever optimizer makes it (SGD, Adam, L-BFGS with its line search, a learned optimizer), and two optimizers
 * started from one problem see the same stream of minibatches. Because k is an argument, not a counter inside the
 * problem, evaluation stays pure: a problem may be shared between threads and between batches.
 */
public interface StochasticProblem extends Problem {

    /** f_k(x), the loss on minibatch {@code draw} (≥ 0), for the d values of {@code x} starting at {@code offset}. */
    double value(long draw, double[] x, int offset);

    /**
     * f_k(x), writing ∇f_k(x) into {@code gradient[gradientOffset .. gradientOffset+d)}.
     *
     * @return f_k(x)
     */
    double valueAndGradient(long draw, double[] x, int xOffset, double[] gradient, int gradientOffset);

    /**
     * The deterministic problem f_k of one draw, sharing this problem's formula, data, initial points and dimension
     * (its export adds {@code "draw"}): what a finite-difference check, an export or a contour plot of one minibatch's
     * loss needs.
     *
     * @throws IllegalArgumentException if {@code draw} is negative
     */
    default Problem atDraw(long draw) {
        if (draw < 0) {
            throw new IllegalArgumentException("a minibatch draw index must be >= 0, got " + draw + " for "
                    + formula());
        }
        StochasticProblem full = this;
        return new Problem() {
            @Override
            public String formula() {
                return full.formula();
            }

            @Override
            public int dimension() {
                return full.dimension();
            }

            @Override
            public double value(double[] x, int offset) {
                return full.value(draw, x, offset);
            }

            @Override
            public double valueAndGradient(double[] x, int xOffset, double[] gradient, int gradientOffset) {
                return full.valueAndGradient(draw, x, xOffset, gradient, gradientOffset);
            }

            @Override
            public double[] initialPoint(int restart) {
                return full.initialPoint(restart);
            }

            @Override
            public Map<String, Object> export() {
                Map<String, Object> m = new LinkedHashMap<>(full.export());
                m.put("draw", draw);
                return m;
            }
        };
    }
}
