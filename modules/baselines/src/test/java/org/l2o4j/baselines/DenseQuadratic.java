package org.l2o4j.baselines;

import java.util.Map;
import java.util.Random;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.l2o4j.core.problem.TwiceDifferentiable;

/**
 * f(x) = ½ xᵀAx − bᵀx with A = Q·diag(λ)·Qᵀ for a random orthogonal Q, eigenvalues log-spaced in [1, condition], and a
 * random b: a strictly convex quadratic that is not axis-aligned, with its minimizer A⁻¹b known.
 */
public final class DenseQuadratic implements TwiceDifferentiable {

    private final int n;
    private final double[][] a;
    private final double[] b;
    private final double[] start;
    private final double[] minimizer;

    /** A random instance of dimension n and condition number {@code condition}, from {@code seed}. */
    public DenseQuadratic(int n, double condition, long seed) {
        Random random = new Random(seed);
        RealMatrix gaussian = new Array2DRowRealMatrix(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                gaussian.setEntry(i, j, random.nextGaussian());
            }
        }
        RealMatrix q = new QRDecomposition(gaussian).getQ();
        RealMatrix diagonal = new Array2DRowRealMatrix(n, n);
        for (int i = 0; i < n; i++) {
            diagonal.setEntry(i, i, Math.pow(condition, n == 1 ? 0 : i / (double) (n - 1)));
        }
        RealMatrix matrix = q.multiply(diagonal).multiply(q.transpose());
        this.n = n;
        this.a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                a[i][j] = 0.5 * (matrix.getEntry(i, j) + matrix.getEntry(j, i));
            }
        }
        this.b = new double[n];
        this.start = new double[n];
        for (int i = 0; i < n; i++) {
            b[i] = random.nextGaussian();
            start[i] = random.nextGaussian();
        }
        RealVector solution = new LUDecomposition(new Array2DRowRealMatrix(a)).getSolver()
                .solve(new ArrayRealVector(b));
        this.minimizer = solution.toArray();
    }

    /** A⁻¹b. */
    public double[] minimizer() {
        return minimizer.clone();
    }

    @Override
    public String formula() {
        return "dense-quadratic-test";
    }

    @Override
    public int dimension() {
        return n;
    }

    @Override
    public double value(double[] x, int offset) {
        double f = 0;
        for (int i = 0; i < n; i++) {
            double ax = 0;
            for (int j = 0; j < n; j++) {
                ax += a[i][j] * x[offset + j];
            }
            f += 0.5 * x[offset + i] * ax - b[i] * x[offset + i];
        }
        return f;
    }

    @Override
    public double valueAndGradient(double[] x, int offset, double[] gradient, int gradientOffset) {
        double f = 0;
        for (int i = 0; i < n; i++) {
            double ax = 0;
            for (int j = 0; j < n; j++) {
                ax += a[i][j] * x[offset + j];
            }
            gradient[gradientOffset + i] = ax - b[i];
            f += 0.5 * x[offset + i] * ax - b[i] * x[offset + i];
        }
        return f;
    }

    @Override
    public void hessian(double[] x, int offset, double[] hessian) {
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, hessian, i * n, n);
        }
    }

    @Override
    public double[] initialPoint(int restart) {
        return start.clone();
    }

    @Override
    public Map<String, Object> export() {
        return Map.of("formula", formula());
    }
}
