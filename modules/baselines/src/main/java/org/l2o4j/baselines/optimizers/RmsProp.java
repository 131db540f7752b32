package org.l2o4j.baselines.optimizers;

import java.util.Map;

import org.l2o4j.baselines.BaselineOptimizer;
import org.l2o4j.baselines.BaselineProvider;
import org.l2o4j.baselines.Grids;
import org.l2o4j.core.config.Checks;
import org.l2o4j.core.optimizer.OptimizerState;
import org.l2o4j.core.rollout.ProblemBatch;

/**
 * RMSProp (Tieleman &amp; Hinton 2012) as in Torch7's {@code optim.rmsprop}, with the mean square m = 0 at the start:
 * <pre>
 *   m ← α·m + (1 − α)·g²
 *   x ← x − lr·g / (√m + ε)
 * </pre>
 * ε is added <em>after</em> the square root (Torch7, PyTorch, ND4J), not inside it. No bias correction, so early
 * steps are larger than lr (the first is lr/√(1 − α) in each coordinate, about 10·lr at α = 0.99).
 */
public final class RmsProp extends BaselineOptimizer<RmsProp.Hyperparameters> {

    /** Registered name. */
    public static final String NAME = "rmsprop";

    /**
     * Defaults of Torch7's {@code optim.rmsprop}, which Andrychowicz et al. kept for everything but the learning rate.
     *
     * @param learningRate step size lr; default 1e-2
     * @param decay        α, the decay of the mean square (Torch7's {@code alpha}), in [0, 1); default 0.99
     * @param epsilon      added to √m, positive; default 1e-8
     */
    public record Hyperparameters(double learningRate, double decay, double epsilon) {
        /** lr = 1e-2, α = 0.99, ε = 1e-8. */
        public static final Hyperparameters DEFAULTS = new Hyperparameters(1e-2, 0.99, 1e-8);

        public Hyperparameters {
            Checks.positive("learningRate", learningRate);
            Checks.decay("decay", decay);
            Checks.positive("epsilon", epsilon);
        }
    }

    /**
     * Registers {@value #NAME}; like Andrychowicz et al., only the learning rate is tuned:
     * {@code learningRate} ∈ {@link Grids#LEARNING_RATES}.
     */
    public static final class Provider extends BaselineProvider<Hyperparameters> {
        public Provider() {
            super(NAME, "RMSProp as in Torch7 optim.rmsprop (epsilon after the square root)",
                    Hyperparameters.DEFAULTS, RmsProp::new, Map.of("learningRate", Grids.LEARNING_RATES));
        }
    }

    public RmsProp(Hyperparameters hyperparameters) {
        super(NAME, hyperparameters);
    }

    @Override
    public OptimizerState start(ProblemBatch batch) {
        double lr = settings().learningRate();
        double alpha = settings().decay();
        double eps = settings().epsilon();
        double[] meanSquare = new double[batch.x().length];
        return new ElementwiseState(batch) {
            @Override
            void update(int problem, int from, int to) {
                for (int j = from; j < to; j++) {
                    double g = gradient[j];
                    meanSquare[j] = alpha * meanSquare[j] + (1 - alpha) * g * g;
                    x[j] -= lr * g / (Math.sqrt(meanSquare[j]) + eps);
                }
            }
        };
    }
}
