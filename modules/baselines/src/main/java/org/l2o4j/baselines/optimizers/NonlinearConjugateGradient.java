package org.l2o4j.baselines.optimizers;

import java.util.Map;

import org.l2o4j.baselines.BaselineOptimizer;
import org.l2o4j.baselines.BaselineProvider;
import org.l2o4j.baselines.linesearch.StrongWolfe;
import org.l2o4j.core.optimizer.OptimizerState;
import org.l2o4j.core.optimizer.ProblemwiseOptimizerState;
import org.l2o4j.core.rollout.ProblemBatch;

/**
 * Nonlinear conjugate gradient with Polak–Ribière+ ratios and a strong-Wolfe line search (Nocedal &amp; Wright,
 * <i>Numerical Optimization</i>, 2nd ed., Alg. 5.4 with eq. 5.44–5.45), one line search per iteration:
 * <pre>
 *   β = max(0, ∇f_kᵀ(∇f_k − ∇f_{k−1}) / ‖∇f_{k−1}‖²)
 *   p_k = −∇f_k + β·p_{k−1}          (p₀ = −∇f₀)
 *   x_{k+1} = x_k + α_k·p_k           (α_k from {@link StrongWolfe})
 * </pre>
 * The strong Wolfe conditions do not make a Polak–Ribière direction a descent direction, so whenever
 * ∇f_kᵀp_k ≥ 0 the method restarts with p_k = −∇f_k. The first trial step is min(1, 1/‖∇f‖) on the first iteration
 * and after a failed search, and otherwise α_{k−1}·∇f_{k−1}ᵀp_{k−1} / ∇f_kᵀp_k, which assumes the first-order change
 * is the same as last time (Nocedal &amp; Wright eq. 3.60). A failed search (no decrease possible) keeps the iterate
 * and restarts. Once the problem makes no measurable progress (a failed search along −∇f, two iterations in a row
 * without a new lowest f or ‖∇f‖, a zero gradient: {@link org.l2o4j.baselines.linesearch.Termination}) every later
 * iteration does nothing and costs nothing. Every trial step is charged one function and one gradient evaluation;
 * the fixed-step variant of Li &amp; Malik's Table 1 is {@link ConjugateGradient}.
 */
public final class NonlinearConjugateGradient extends BaselineOptimizer<NonlinearConjugateGradient.Hyperparameters> {

    /** Registered name. */
    public static final String NAME = "conjugate-gradient-ls";

    /**
     * @param c1                          sufficient-decrease constant; default 1e-4 (Nocedal &amp; Wright §3.1)
     * @param c2                          curvature constant; default 0.1, Nocedal &amp; Wright's value for nonlinear
     *                                    conjugate gradient (§3.1, §5.2), tighter than quasi-Newton's 0.9 because
     *                                    CG's directions depend on a near-exact line minimum
     * @param maxEvaluationsPerLineSearch evaluations allowed per iteration; default 20
     */
    public record Hyperparameters(double c1, double c2, int maxEvaluationsPerLineSearch) {
        /** c1 = 1e-4, c2 = 0.1, 20 evaluations per line search. */
        public static final Hyperparameters DEFAULTS = new Hyperparameters(1e-4, 0.1, 20);

        public Hyperparameters {
            StrongWolfe.requireValid(c1, c2, maxEvaluationsPerLineSearch);
        }
    }

    /** Registers {@value #NAME}; there is no step size to tune, so the default grid is empty. */
    public static final class Provider extends BaselineProvider<Hyperparameters> {
        public Provider() {
            super(NAME, "nonlinear conjugate gradient, Polak-Ribiere+ with a strong-Wolfe line search",
                    Hyperparameters.DEFAULTS, NonlinearConjugateGradient::new, Map.of());
        }
    }

    private final StrongWolfe lineSearch;

    public NonlinearConjugateGradient(Hyperparameters hyperparameters) {
        super(NAME, hyperparameters);
        this.lineSearch = new StrongWolfe(hyperparameters.c1(), hyperparameters.c2(),
                hyperparameters.maxEvaluationsPerLineSearch());
    }

    @Override
    public OptimizerState start(ProblemBatch batch) {
        return new ProblemwiseOptimizerState(batch, i -> new Directions(batch, i));
    }

    /** One problem's previous direction (kept in its ray), gradient, step and slope. */
    private final class Directions extends LineSearchIteration {
        private boolean hasPrevious;
        private double previousStep;
        private double previousSlope;

        Directions(ProblemBatch batch, int problem) {
            super(batch, problem, lineSearch);
        }

        @Override
        protected double direction(double[] g, int off, double[] p) {
            return hasPrevious ? polakRibiere(g, off, p) : Double.NaN;
        }

        /** Eq. 3.60 after an accepted step, also when this direction is a restart; else a unit move. */
        @Override
        protected double initialStep(boolean steepest, double slope) {
            double step = hasPrevious ? previousStep * previousSlope / slope : 0;
            return step > 0 && Double.isFinite(step) ? step : unitMoveStep();
        }

        @Override
        protected void accepted(double step, double slope, double[] g, int off) {
            hasPrevious = true;
            previousStep = step;
            previousSlope = slope;
        }

        @Override
        protected void forget() {
            hasPrevious = false;
        }

        /** p ← −∇f_k + β⁺·p; returns ∇f_kᵀp. */
        private double polakRibiere(double[] g, int off, double[] p) {
            double numerator = 0;
            double denominator = 0;
            for (int j = 0; j < d; j++) {
                numerator += g[off + j] * (g[off + j] - previousGradient[j]);
                denominator += previousGradient[j] * previousGradient[j];
            }
            double beta = Math.max(0, numerator / denominator);
            double slope = 0;
            for (int j = 0; j < d; j++) {
                p[j] = -g[off + j] + beta * p[j];
                slope += g[off + j] * p[j];
            }
            return slope;
        }
    }
}
