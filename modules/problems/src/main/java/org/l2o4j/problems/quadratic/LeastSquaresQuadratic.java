package org.l2o4j.problems.quadratic;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.l2o4j.core.config.Checks;
import org.l2o4j.core.problem.TwiceDifferentiable;
import org.l2o4j.problems.DataChecks;
import org.l2o4j.problems.ProblemSeeds;
import org.l2o4j.problems.RowMajor;

/**
 * f(θ) = ‖Wθ − y‖² = Σ_i (W_i·θ − y_i)², a sum of squares without the ½ (Andrychowicz et al. 2016, quadratic
 * functions, papers.md §2.2; DeepMind {@code problems.py} sums the squares). ∇f = 2Wᵀ(Wθ − y), ∇²f = 2WᵀW. W is
 * k×d (k rows, d parameters).
 *
 * <p>Restart k starts from N(0, σ² I) on {@link ProblemSeeds#restart}. Immutable, so safe to share between threads.
 */
public final class LeastSquaresQuadratic implements TwiceDifferentiable {

    /** The formula name written into exports. */
    public static final String FORMULA = "least-squares-quadratic";

    private final int rows;
    private final int d;
    private final double[] w;
    private final double[] y;
    private final long seed;
    private final double initScale;

    /**
     * @param matrix    W, k rows of d entries
     * @param target    y, k entries
     * @param seed      the problem's seed, from which its initial points are drawn
     * @param initScale σ of the initial points
     */
    public LeastSquaresQuadratic(double[][] matrix, double[] target, long seed, double initScale) {
        if (matrix.length == 0) {
            throw new IllegalArgumentException("W needs at least one row");
        }
        this.rows = matrix.length;
        this.d = matrix[0].length;
        this.w = RowMajor.flatten("W", matrix, d);
        this.y = DataChecks.vector("y", target, rows);
        this.seed = seed;
        this.initScale = Checks.positive("initScale", initScale);
    }

    /** A sum of squares of affine functions; its Hessian 2WᵀW is positive semidefinite. */
    @Override
    public boolean convex() {
        return true;
    }

    @Override
    public String formula() {
        return FORMULA;
    }

    @Override
    public int dimension() {
        return d;
    }

    @Override
    public double value(double[] x, int offset) {
        double f = 0;
        for (int i = 0; i < rows; i++) {
            double r = residual(x, offset, i);
            f += r * r;
        }
        return f;
    }

    @Override
    public double valueAndGradient(double[] x, int xOffset, double[] gradient, int gradientOffset) {
        Arrays.fill(gradient, gradientOffset, gradientOffset + d, 0.0);
        double f = 0;
        for (int i = 0; i < rows; i++) {
            double r = residual(x, xOffset, i);
            f += r * r;
            double twoR = 2 * r;
            int row = i * d;
            for (int j = 0; j < d; j++) {
                gradient[gradientOffset + j] += twoR * w[row + j];
            }
        }
        return f;
    }

    /** 2WᵀW, the same at every point. */
    @Override
    public void hessian(double[] x, int offset, double[] hessian) {
        Arrays.fill(hessian, 0, d * d, 0.0);
        for (int i = 0; i < rows; i++) {
            int row = i * d;
            for (int a = 0; a < d; a++) {
                double wa = 2 * w[row + a];
                for (int b = 0; b < d; b++) {
                    hessian[a * d + b] += wa * w[row + b];
                }
            }
        }
    }

    @Override
    public double[] initialPoint(int restart) {
        return ProblemSeeds.gaussianStart(seed, restart, d, initScale);
    }

    @Override
    public Map<String, Object> export() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("formula", FORMULA);
        m.put("dimension", d);
        m.put("definition", "|W theta - y|^2 (sum of squares, no 1/2)");
        m.put("W", RowMajor.rows(w, d));
        m.put("y", y.clone());
        m.put("seed", seed);
        m.put("initScale", initScale);
        m.put("initialPoint", initialPoint(0));
        return m;
    }

    private double residual(double[] x, int offset, int i) {
        int row = i * d;
        double r = -y[i];
        for (int j = 0; j < d; j++) {
            r += w[row + j] * x[offset + j];
        }
        return r;
    }
}
