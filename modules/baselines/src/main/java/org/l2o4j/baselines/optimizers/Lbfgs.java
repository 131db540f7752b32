package org.l2o4j.baselines.optimizers;

import java.util.Map;

import org.l2o4j.baselines.BaselineOptimizer;
import org.l2o4j.baselines.BaselineProvider;
import org.l2o4j.baselines.linesearch.StrongWolfe;
import org.l2o4j.core.config.Checks;
import org.l2o4j.core.optimizer.OptimizerState;
import org.l2o4j.core.optimizer.ProblemwiseOptimizerState;
import org.l2o4j.core.rollout.ProblemBatch;

/**
 * Limited-memory BFGS (Nocedal &amp; Wright, <i>Numerical Optimization</i>, 2nd ed., Alg. 7.4 and 7.5), one iteration
 * per step: the direction p = −H∇f from the two-loop recursion over the last m pairs (s, y), with the initial
 * matrix H⁰ = γI, γ = sᵀy / yᵀy of the newest pair (eq. 7.20); then a {@link StrongWolfe} line search from α = 1.
 * Li &amp; Malik's L-BFGS baseline, and Maheswaranathan et al.'s second-order reference on Rosenbrock.
 *
 * <p>Details that published descriptions leave open, fixed here:
 * <ul>
 *   <li>With an empty memory (first iteration, or after a reset) the direction is −∇f and the first trial step is
 *       min(1, 1/‖∇f‖), so the first move has length at most 1 whatever the gradient's scale.</li>
 *   <li>A pair is stored only if sᵀy &gt; 1e-10·‖s‖·‖y‖, which keeps H positive definite (the strong Wolfe
 *       conditions guarantee sᵀy &gt; 0; the margin guards against rounding).</li>
 *   <li>If the recursion gives no descent direction (rounding), the memory is reset and the step is −∇f.</li>
 *   <li>If the line search finds no decrease the iterate stays where it is and the memory is reset; it never produces
 *       NaN.</li>
 *   <li>Once the problem makes no measurable progress (a failed search along −∇f, two iterations in a row without a
 *       new lowest f or ‖∇f‖, a zero gradient: {@link org.l2o4j.baselines.linesearch.Termination}) every later
 *       iteration does nothing and costs nothing.</li>
 * </ul>
 * Every trial step of the line search is charged one function and one gradient evaluation.
 */
public final class Lbfgs extends BaselineOptimizer<Lbfgs.Hyperparameters> {

    /** Registered name. */
    public static final String NAME = "lbfgs";

    /** sᵀy must exceed this fraction of ‖s‖·‖y‖ for a pair to be stored. */
    private static final double CURVATURE_MARGIN = 1e-10;

    /**
     * @param memory                      number m of pairs kept; default 10 (Nocedal &amp; Wright §7.2 suggest 3–20;
     *                                    10 is the default of most libraries, e.g. SciPy's L-BFGS-B)
     * @param c1                          sufficient-decrease constant; default 1e-4 (Nocedal &amp; Wright §3.1)
     * @param c2                          curvature constant; default 0.9, their value for quasi-Newton methods
     * @param maxEvaluationsPerLineSearch evaluations allowed per iteration; default 20
     */
    public record Hyperparameters(int memory, double c1, double c2, int maxEvaluationsPerLineSearch) {
        /** m = 10, c1 = 1e-4, c2 = 0.9, 20 evaluations per line search. */
        public static final Hyperparameters DEFAULTS = new Hyperparameters(10, 1e-4, 0.9, 20);

        public Hyperparameters {
            Checks.atLeast("memory", memory, 1);
            StrongWolfe.requireValid(c1, c2, maxEvaluationsPerLineSearch);
        }
    }

    /** Registers {@value #NAME}; nothing is tuned (L-BFGS has no step size), so the default grid is empty. */
    public static final class Provider extends BaselineProvider<Hyperparameters> {
        public Provider() {
            super(NAME, "L-BFGS, two-loop recursion with a strong-Wolfe line search (Nocedal & Wright Alg. 7.4/7.5)",
                    Hyperparameters.DEFAULTS, Lbfgs::new, Map.of());
        }
    }

    private final StrongWolfe lineSearch;

    public Lbfgs(Hyperparameters hyperparameters) {
        super(NAME, hyperparameters);
        this.lineSearch = new StrongWolfe(hyperparameters.c1(), hyperparameters.c2(),
                hyperparameters.maxEvaluationsPerLineSearch());
    }

    @Override
    public OptimizerState start(ProblemBatch batch) {
        return new ProblemwiseOptimizerState(batch, i -> new Memory(batch, i, settings().memory()));
    }

    /** One problem's pairs, in a ring buffer of m slots of d values each. */
    private final class Memory extends LineSearchIteration {
        private final int m;
        private final double[] s;
        private final double[] y;
        private final double[] rho;
        private final double[] alpha;
        private int stored;
        private int newest = -1;

        Memory(ProblemBatch batch, int problem, int m) {
            super(batch, problem, lineSearch);
            this.m = m;
            this.s = new double[m * d];
            this.y = new double[m * d];
            this.rho = new double[m];
            this.alpha = new double[m];
        }

        @Override
        protected double direction(double[] g, int off, double[] p) {
            if (stored == 0) {
                return Double.NaN;
            }
            double slope = twoLoop(g, off, p);
            if (!(slope < 0)) {
                // In exact arithmetic the recursion's H is positive definite: rounding has spoiled the pairs.
                forget();
            }
            return slope;
        }

        @Override
        protected double initialStep(boolean steepest, double slope) {
            return steepest ? unitMoveStep() : 1;
        }

        @Override
        protected void accepted(double step, double slope, double[] g, int off) {
            remember(step, ray.direction(), g, off);
        }

        @Override
        protected void forget() {
            stored = 0;
            newest = -1;
        }

        /** Algorithm 7.4: p = −H∇f from the stored pairs; returns gᵀp. */
        private double twoLoop(double[] g, int off, double[] p) {
            for (int j = 0; j < d; j++) {
                p[j] = g[off + j];
            }
            for (int k = 0, slot = newest; k < stored; k++, slot = (slot - 1 + m) % m) {
                double a = rho[slot] * dot(s, slot * d, p, 0);
                alpha[slot] = a;
                for (int j = 0; j < d; j++) {
                    p[j] -= a * y[slot * d + j];
                }
            }
            double gamma = 1 / (rho[newest] * dot(y, newest * d, y, newest * d));
            for (int j = 0; j < d; j++) {
                p[j] *= gamma;
            }
            for (int k = 0, slot = (newest - stored + 1 + m) % m; k < stored; k++, slot = (slot + 1) % m) {
                double b = rho[slot] * dot(y, slot * d, p, 0);
                for (int j = 0; j < d; j++) {
                    p[j] += (alpha[slot] - b) * s[slot * d + j];
                }
            }
            double slope = 0;
            for (int j = 0; j < d; j++) {
                p[j] = -p[j];
                slope += g[off + j] * p[j];
            }
            return slope;
        }

        /**
         * Stores s = step·p and y = ∇f(new) − ∇f(old) over the oldest pair, if they satisfy the curvature margin; a
         * rejected pair leaves the memory as it was.
         */
        private void remember(double step, double[] p, double[] g, int off) {
            double sy = 0;
            double ss = 0;
            double yy = 0;
            for (int j = 0; j < d; j++) {
                double sj = step * p[j];
                double yj = g[off + j] - previousGradient[j];
                sy += sj * yj;
                ss += sj * sj;
                yy += yj * yj;
            }
            if (!(sy > CURVATURE_MARGIN * Math.sqrt(ss * yy))) {
                return;
            }
            int slot = (newest + 1) % m;
            for (int j = 0; j < d; j++) {
                s[slot * d + j] = step * p[j];
                y[slot * d + j] = g[off + j] - previousGradient[j];
            }
            rho[slot] = 1 / sy;
            newest = slot;
            stored = Math.min(stored + 1, m);
        }

        /** Σ_j a[aOffset + j]·b[bOffset + j] over the d coordinates. */
        private double dot(double[] a, int aOffset, double[] b, int bOffset) {
            double sum = 0;
            for (int j = 0; j < d; j++) {
                sum += a[aOffset + j] * b[bOffset + j];
            }
            return sum;
        }
    }
}
