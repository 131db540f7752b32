package org.l2o4j.baselines.optimizers;

import java.util.Map;

import org.l2o4j.baselines.BaselineOptimizer;
import org.l2o4j.baselines.BaselineProvider;
import org.l2o4j.baselines.Grids;
import org.l2o4j.core.config.Checks;
import org.l2o4j.core.optimizer.OptimizerState;
import org.l2o4j.core.rollout.ProblemBatch;

/**
 * AdaGrad (Duchi, Hazan &amp; Singer 2011), diagonal form, with the accumulator s = 0 at the start:
 * <pre>
 *   s ← s + g²
 *   x ← x − lr·g / (√s + ε)
 * </pre>
 * ε is added after the square root, as in Torch7's {@code optim.adagrad} and PyTorch. One of the baselines of Li &amp;
 * Malik's follow-up (papers.md §1.8).
 */
public final class AdaGrad extends BaselineOptimizer<AdaGrad.Hyperparameters> {

    /** Registered name. */
    public static final String NAME = "adagrad";

    /**
     * @param learningRate step size lr; default 1e-2, PyTorch's {@code torch.optim.Adagrad} (Duchi et al. give none;
     *                     Torch7's {@code optim.adagrad} uses 1e-3)
     * @param epsilon      added to √s, positive; default 1e-10, the constant of Torch7's {@code optim.adagrad} and
     *                     PyTorch's default
     */
    public record Hyperparameters(double learningRate, double epsilon) {
        /** lr = 1e-2, ε = 1e-10. */
        public static final Hyperparameters DEFAULTS = new Hyperparameters(1e-2, 1e-10);

        public Hyperparameters {
            Checks.positive("learningRate", learningRate);
            Checks.positive("epsilon", epsilon);
        }
    }

    /** Registers {@value #NAME}; the default grid is {@code learningRate} ∈ {@link Grids#LEARNING_RATES}. */
    public static final class Provider extends BaselineProvider<Hyperparameters> {
        public Provider() {
            super(NAME, "AdaGrad (Duchi et al. 2011), epsilon after the square root as in Torch7 / PyTorch",
                    Hyperparameters.DEFAULTS, AdaGrad::new, Map.of("learningRate", Grids.LEARNING_RATES));
        }
    }

    public AdaGrad(Hyperparameters hyperparameters) {
        super(NAME, hyperparameters);
    }

    @Override
    public OptimizerState start(ProblemBatch batch) {
        double lr = settings().learningRate();
        double eps = settings().epsilon();
        double[] accumulator = new double[batch.x().length];
        return new ElementwiseState(batch) {
            @Override
            void update(int problem, int from, int to) {
                for (int j = from; j < to; j++) {
                    double g = gradient[j];
                    accumulator[j] += g * g;
                    x[j] -= lr * g / (Math.sqrt(accumulator[j]) + eps);
                }
            }
        };
    }
}
