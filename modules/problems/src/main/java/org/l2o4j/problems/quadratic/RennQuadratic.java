package org.l2o4j.problems.quadratic;

import java.util.LinkedHashMap;
import java.util.Map;

import org.l2o4j.core.config.Checks;
import org.l2o4j.core.problem.TwiceDifferentiable;
import org.l2o4j.problems.DataChecks;
import org.l2o4j.problems.ProblemSeeds;
import org.l2o4j.problems.RowMajor;

/**
 * The rotated quadratic of Maheswaranathan et al. 2021 (papers.md §3.1; renn {@code task_lib/quadratic.py}):
 * f(x) = ½xᵀHx + vᵀx + offset with H = Q·diag(λ)·Qᵀ and offset = ½vᵀH⁻¹v, so that min f = 0 at x* = −H⁻¹v.
 *
 * <p>f is evaluated in the equal form ½(x − x*)ᵀH(x − x*), with x* = −Q·diag(1/λ)·Qᵀv computed once: it is exactly
 * 0 at x*, never negative, and loses no digits to the cancellation between ½xᵀHx + vᵀx and an offset of order
 * ‖v‖²/λ_min, which the literal form suffers. ∇f = H(x − x*) = Hx + v, ∇²f = H.
 *
 * <p>Restart k starts from N(0, σ² I) on {@link ProblemSeeds#restart}. Immutable, so safe to share between threads.
 */
public final class RennQuadratic implements TwiceDifferentiable {

    /** The formula name written into exports. */
    public static final String FORMULA = "rotated-quadratic";

    private final int d;
    private final double[] eigenvalues;
    private final double[] rotation;
    private final double[] linear;
    private final double[] hessian;
    private final double[] minimizer;
    private final double offset;
    private final long seed;
    private final double initScale;

    /**
     * @param eigenvalues λ, d positive numbers
     * @param rotation    Q, d×d orthogonal (its columns are the eigenvectors)
     * @param linear      v, d entries
     * @param seed        the problem's seed, from which its initial points are drawn
     * @param initScale   σ of the initial points
     */
    public RennQuadratic(double[] eigenvalues, double[][] rotation, double[] linear, long seed, double initScale) {
        this.d = eigenvalues.length;
        this.eigenvalues = DataChecks.vector("eigenvalues", eigenvalues, d);
        for (double lambda : eigenvalues) {
            Checks.positive("eigenvalue", lambda);
        }
        if (rotation.length != d) {
            throw new IllegalArgumentException("rotation has " + rotation.length + " rows, expected " + d);
        }
        this.rotation = RowMajor.flatten("rotation", rotation, d);
        requireOrthogonal(this.rotation, d);
        this.linear = DataChecks.vector("linear", linear, d);
        this.seed = seed;
        this.initScale = Checks.positive("initScale", initScale);
        this.hessian = new double[d * d];
        double[] projected = new double[d];
        for (int k = 0; k < d; k++) {
            for (int r = 0; r < d; r++) {
                projected[k] += this.rotation[r * d + k] * linear[r];
            }
        }
        this.minimizer = new double[d];
        double halfQuadratic = 0;
        for (int k = 0; k < d; k++) {
            halfQuadratic += 0.5 * projected[k] * projected[k] / eigenvalues[k];
            for (int r = 0; r < d; r++) {
                minimizer[r] -= this.rotation[r * d + k] * projected[k] / eigenvalues[k];
            }
        }
        this.offset = halfQuadratic;
        for (int r = 0; r < d; r++) {
            for (int c = 0; c <= r; c++) {
                double h = 0;
                for (int k = 0; k < d; k++) {
                    h += this.rotation[r * d + k] * eigenvalues[k] * this.rotation[c * d + k];
                }
                hessian[r * d + c] = h;
                hessian[c * d + r] = h;
            }
        }
    }

    /** 0, at x* (the offset is chosen for it). */
    @Override
    public double knownMinimum() {
        return 0.0;
    }

    /** H is positive definite: every λ is positive. */
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
        for (int r = 0; r < d; r++) {
            f += (x[offset + r] - minimizer[r]) * hessianRowTimesDisplacement(x, offset, r);
        }
        return 0.5 * f;
    }

    @Override
    public double valueAndGradient(double[] x, int xOffset, double[] gradient, int gradientOffset) {
        double f = 0;
        for (int r = 0; r < d; r++) {
            double g = hessianRowTimesDisplacement(x, xOffset, r);
            gradient[gradientOffset + r] = g;
            f += (x[xOffset + r] - minimizer[r]) * g;
        }
        return 0.5 * f;
    }

    @Override
    public void hessian(double[] x, int offset, double[] out) {
        System.arraycopy(hessian, 0, out, 0, d * d);
    }

    @Override
    public double[] initialPoint(int restart) {
        return ProblemSeeds.gaussianStart(seed, restart, d, initScale);
    }

    /** The eigenvalues λ of H, in the order of Q's columns. */
    public double[] eigenvalues() {
        return eigenvalues.clone();
    }

    /** x* = −H⁻¹v, where f = 0. */
    public double[] minimizer() {
        return minimizer.clone();
    }

    @Override
    public Map<String, Object> export() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("formula", FORMULA);
        m.put("dimension", d);
        m.put("definition", "0.5 x'Hx + v'x + offset, H = Q diag(eigenvalues) Q', offset = 0.5 v'H^-1 v (min f = 0)");
        m.put("hessian", RowMajor.rows(hessian, d));
        m.put("linear", linear.clone());
        m.put("offset", offset);
        m.put("eigenvalues", eigenvalues.clone());
        m.put("eigenvectors", RowMajor.rows(rotation, d));
        m.put("minimizer", minimizer.clone());
        m.put("seed", seed);
        m.put("initScale", initScale);
        m.put("initialPoint", initialPoint(0));
        return m;
    }

    /** x* and the offset are built from Q⁻¹ = Qᵀ, so a Q that is not orthogonal would silently give wrong ones. */
    private static void requireOrthogonal(double[] q, int d) {
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < d; b++) {
                double dot = 0;
                for (int r = 0; r < d; r++) {
                    dot += q[r * d + a] * q[r * d + b];
                }
                double expected = a == b ? 1 : 0;
                if (Math.abs(dot - expected) > 1e-10) {
                    throw new IllegalArgumentException("rotation is not orthogonal: column " + a + " . column " + b
                            + " = " + dot + ", expected " + expected);
                }
            }
        }
    }

    private double hessianRowTimesDisplacement(double[] x, int offset, int r) {
        double g = 0;
        int row = r * d;
        for (int c = 0; c < d; c++) {
            g += hessian[row + c] * (x[offset + c] - minimizer[c]);
        }
        return g;
    }
}
