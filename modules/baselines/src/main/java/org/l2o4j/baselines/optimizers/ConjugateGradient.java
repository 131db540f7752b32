package org.l2o4j.baselines.optimizers;

import java.util.Map;

import org.l2o4j.baselines.BaselineOptimizer;
import org.l2o4j.baselines.BaselineProvider;
import org.l2o4j.baselines.Grids;
import org.l2o4j.core.config.Checks;
import org.l2o4j.core.optimizer.OptimizerState;
import org.l2o4j.core.rollout.ProblemBatch;

/**
 * Conjugate gradient with a fixed step and Fletcher–Reeves ratios, as Li &amp; Malik define it in Table 1:
 * <pre>
 *   d₀ = −∇f(x₀)
 *   d_k = −∇f(x_k) + (‖∇f(x_k)‖² / ‖∇f(x_{k−1})‖²)·d_{k−1}
 *   x_{k+1} = x_k + γ·d_k
 * </pre>
 * Unrolled, d_k = −Σ_{j≤k} (‖∇f(x_k)‖²/‖∇f(x_j)‖²)·∇f(x_j): a weighted sum of all past gradients, the form in which
 * Table 1 writes each method's step (the test checks the recursion against it). There is no
 * line search, so each iteration costs one evaluation like gradient descent. Whether Li &amp; Malik's experiments used
 * a line search is not stated (papers.md §1.6); the line-search variant is {@link NonlinearConjugateGradient}.
 *
 * <p>At a stationary point the ratio is 0/0; it is taken as 0 (a restart), which keeps d = −∇f = 0.
 */
public final class ConjugateGradient extends BaselineOptimizer<ConjugateGradient.Hyperparameters> {

    /** Registered name. */
    public static final String NAME = "conjugate-gradient";

    /**
     * @param stepSize the fixed step γ; Li &amp; Malik give no value, so the default is 1e-3 like the other fixed-step
     *                 baselines (Torch7 {@code optim.sgd}'s learning rate), and it is meant to be tuned
     */
    public record Hyperparameters(double stepSize) {
        /** γ = 1e-3. */
        public static final Hyperparameters DEFAULTS = new Hyperparameters(1e-3);

        public Hyperparameters {
            Checks.positive("stepSize", stepSize);
        }
    }

    /** Registers {@value #NAME}; the default grid is {@code stepSize} ∈ {@link Grids#LEARNING_RATES}. */
    public static final class Provider extends BaselineProvider<Hyperparameters> {
        public Provider() {
            super(NAME, "conjugate gradient, fixed step, Fletcher-Reeves ratios (Li & Malik Table 1)",
                    Hyperparameters.DEFAULTS, ConjugateGradient::new, Map.of("stepSize", Grids.LEARNING_RATES));
        }
    }

    public ConjugateGradient(Hyperparameters hyperparameters) {
        super(NAME, hyperparameters);
    }

    @Override
    public OptimizerState start(ProblemBatch batch) {
        double gamma = settings().stepSize();
        double[] direction = new double[batch.x().length];
        // ‖∇f(x_{k−1})‖² per problem; 0 before the first step, which makes d₀ = −∇f(x₀).
        double[] previousSquaredNorm = new double[batch.size()];
        return new ElementwiseState(batch) {
            @Override
            void update(int problem, int from, int to) {
                double squaredNorm = 0;
                for (int j = from; j < to; j++) {
                    squaredNorm += gradient[j] * gradient[j];
                }
                double previous = previousSquaredNorm[problem];
                double ratio = previous > 0 ? squaredNorm / previous : 0;
                for (int j = from; j < to; j++) {
                    direction[j] = -gradient[j] + ratio * direction[j];
                    x[j] += gamma * direction[j];
                }
                previousSquaredNorm[problem] = squaredNorm;
            }
        };
    }
}
