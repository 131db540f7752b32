package org.l2o4j.baselines.optimizers;

import java.util.Map;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.RealVector;
import org.l2o4j.baselines.BaselineOptimizer;
import org.l2o4j.baselines.BaselineProvider;
import org.l2o4j.baselines.linesearch.Backtracking;
import org.l2o4j.baselines.linesearch.LineSearchResult;
import org.l2o4j.baselines.linesearch.Ray;
import org.l2o4j.baselines.linesearch.Termination;
import org.l2o4j.core.config.Checks;
import org.l2o4j.core.optimizer.OptimizerState;
import org.l2o4j.core.optimizer.ProblemwiseOptimizerState;
import org.l2o4j.core.problem.TwiceDifferentiable;
import org.l2o4j.core.rollout.ProblemBatch;

/**
 * Newton's method with a modified Hessian and a backtracking line search (Nocedal &amp; Wright, <i>Numerical
 * Optimization</i>, 2nd ed., Alg. 3.2 with Alg. 3.3), for problems that implement {@link TwiceDifferentiable}:
 * <ol>
 *   <li>H = ∇²f(x), symmetrized;</li>
 *   <li>Cholesky factorization of H + τI (Commons Math {@link CholeskyDecomposition}) with τ = 0 if H's diagonal is
 *       positive, else τ = β − min_i H_ii, and τ ← max(2τ, β) until the factorization succeeds, so an indefinite H
 *       still yields a descent direction (Alg. 3.3);</li>
 *   <li>p = −(H + τI)⁻¹∇f, then Armijo backtracking from α = 1 ({@link Backtracking}).</li>
 * </ol>
 * On a strictly convex quadratic τ = 0 and the unit step lands on the minimizer: one iteration.
 *
 * <p><b>Cost.</b> Each iteration is charged one Hessian evaluation ({@link ProblemBatch#hessianAt}) and one
 * function-and-gradient evaluation per backtracking trial; the gradient at the current point is already known.
 *
 * <p><b>Stopping.</b> A problem stops for good, and costs nothing more, by the rule shared with the other line-search
 * methods ({@link Termination}): at a zero gradient, checked before the Hessian is charged; after two iterations in a
 * row without a new lowest f or ‖∇f‖; and after any iteration that does not move (a failed backtracking search, a
 * Hessian with non-finite entries, a direction that rounding made non-descending), because Newton's direction depends
 * on the point alone and the next iteration would repeat it exactly.
 */
public final class Newton extends BaselineOptimizer<Newton.Hyperparameters> {

    /** Registered name. */
    public static final String NAME = "newton";

    /**
     * @param c1                          sufficient-decrease constant; default 1e-4 (Nocedal &amp; Wright §3.1)
     * @param backtrackingFactor          ρ, the step shrink per rejected trial; default 0.5
     * @param maxEvaluationsPerLineSearch trial steps allowed per iteration; default 20 (ρ²⁰ ≈ 1e-6)
     * @param minimumShift                β of Alg. 3.3, the smallest multiple of I added to an indefinite Hessian;
     *                                    default 1e-3, Nocedal &amp; Wright's value
     */
    public record Hyperparameters(double c1, double backtrackingFactor, int maxEvaluationsPerLineSearch,
            double minimumShift) {
        /** c1 = 1e-4, ρ = 0.5, 20 trials, β = 1e-3. */
        public static final Hyperparameters DEFAULTS = new Hyperparameters(1e-4, 0.5, 20, 1e-3);

        public Hyperparameters {
            Backtracking.requireValid(c1, backtrackingFactor, maxEvaluationsPerLineSearch);
            Checks.positive("minimumShift", minimumShift);
        }
    }

    /** Registers {@value #NAME}; there is no step size to tune, so the default grid is empty. */
    public static final class Provider extends BaselineProvider<Hyperparameters> {
        public Provider() {
            super(NAME, "Newton's method with Cholesky modification and backtracking (Nocedal & Wright Alg. 3.2/3.3)",
                    Hyperparameters.DEFAULTS, Newton::new, Map.of());
        }
    }

    private final Backtracking lineSearch;

    public Newton(Hyperparameters hyperparameters) {
        super(NAME, hyperparameters);
        this.lineSearch = new Backtracking(hyperparameters.c1(), hyperparameters.backtrackingFactor(),
                hyperparameters.maxEvaluationsPerLineSearch());
    }

    /**
     * @throws IllegalArgumentException if a problem of the batch does not implement {@link TwiceDifferentiable}
     */
    @Override
    public OptimizerState start(ProblemBatch batch) {
        for (int i = 0; i < batch.size(); i++) {
            if (!(batch.problem(i) instanceof TwiceDifferentiable)) {
                throw new IllegalArgumentException("newton needs Hessians, but problem " + i + " ('"
                        + batch.problem(i).formula() + "') does not implement TwiceDifferentiable; use lbfgs or "
                        + "conjugate-gradient-ls for it, or give its family an analytic Hessian");
            }
        }
        return new ProblemwiseOptimizerState(batch, i -> new Step(batch, i));
    }

    /** One problem's Hessian buffer, ray and stopping rule. */
    private final class Step implements ProblemwiseOptimizerState.PerProblem {
        private final Ray ray;
        private final Termination termination;
        private final int d;
        private final double[] hessian;

        Step(ProblemBatch batch, int i) {
            this.ray = new Ray(batch, i);
            this.termination = new Termination(batch, i);
            this.d = batch.dimension();
            this.hessian = new double[d * d];
        }

        /**
         * Newton's direction depends on the point alone, so an iteration that does not move would be repeated
         * exactly by the next one: every way of not moving stops the problem for good.
         */
        @Override
        public void step(ProblemBatch batch, int i) {
            if (!termination.begin()) {
                return;
            }
            int off = i * d;
            batch.hessianAt(i, batch.x(), off, hessian);
            double[][] h = new double[d][d];
            for (int r = 0; r < d; r++) {
                for (int c = 0; c < d; c++) {
                    h[r][c] = 0.5 * (hessian[r * d + c] + hessian[c * d + r]);
                    if (!Double.isFinite(h[r][c])) {
                        termination.stop();
                        return;
                    }
                }
            }
            double[] g = batch.gradient();
            RealVector negativeGradient = new ArrayRealVector(d);
            for (int j = 0; j < d; j++) {
                negativeGradient.setEntry(j, -g[off + j]);
            }
            RealVector direction = shiftedCholesky(h).getSolver().solve(negativeGradient);
            double[] p = ray.direction();
            double slope = 0;
            for (int j = 0; j < d; j++) {
                p[j] = direction.getEntry(j);
                slope += g[off + j] * p[j];
            }
            if (!(slope < 0)) {
                termination.stop();
                return;
            }
            LineSearchResult result = lineSearch.search(ray, batch.values()[i], slope, 1.0);
            if (result.accepted()) {
                ray.moveToLastEvaluated();
            }
            termination.end(result.accepted(), true);
        }

        /** Algorithm 3.3: the Cholesky factor of H + τI for the smallest τ of the doubling sequence that works. */
        private CholeskyDecomposition shiftedCholesky(double[][] h) {
            double beta = settings().minimumShift();
            double minDiagonal = Double.POSITIVE_INFINITY;
            for (int j = 0; j < d; j++) {
                minDiagonal = Math.min(minDiagonal, h[j][j]);
            }
            double tau = minDiagonal > 0 ? 0 : beta - minDiagonal;
            while (true) {
                Array2DRowRealMatrix shifted = new Array2DRowRealMatrix(h);
                for (int j = 0; j < d; j++) {
                    shifted.addToEntry(j, j, tau);
                }
                try {
                    return new CholeskyDecomposition(shifted);
                } catch (NonPositiveDefiniteMatrixException notYet) {
                    // Expected while τ is too small: Alg. 3.3 detects indefiniteness by a failed factorization.
                    tau = Math.max(2 * tau, beta);
                }
            }
        }
    }
}
