package org.l2o4j.baselines.optimizers;

import java.util.Map;

import org.l2o4j.baselines.BaselineOptimizer;
import org.l2o4j.baselines.BaselineProvider;
import org.l2o4j.baselines.Grids;
import org.l2o4j.core.config.Checks;
import org.l2o4j.core.optimizer.OptimizerState;
import org.l2o4j.core.rollout.ProblemBatch;

/**
 * Gradient descent with a fixed step, x ← x − lr·∇f(x): Li &amp; Malik's first baseline (Table 1; §6) and
 * Andrychowicz et al.'s SGD (here on the full objective). On a quadratic with curvatures a_j each coordinate's error
 * is multiplied by 1 − lr·a_j per step; it diverges once lr &gt; 2/L.
 */
public final class GradientDescent extends BaselineOptimizer<GradientDescent.Hyperparameters> {

    /** Registered name. */
    public static final String NAME = "gradient-descent";

    /**
     * @param learningRate step size lr; default 1e-3, the {@code learningRate} default of Torch7's {@code optim.sgd},
     *                     whose defaults Andrychowicz et al. kept for everything but the tuned learning rate
     */
    public record Hyperparameters(double learningRate) {
        /** lr = 1e-3. */
        public static final Hyperparameters DEFAULTS = new Hyperparameters(1e-3);

        public Hyperparameters {
            Checks.positive("learningRate", learningRate);
        }
    }

    /** Registers {@value #NAME}; the default grid is {@code learningRate} ∈ {@link Grids#LEARNING_RATES}. */
    public static final class Provider extends BaselineProvider<Hyperparameters> {
        public Provider() {
            super(NAME, "gradient descent with a fixed step (Li & Malik Table 1)", Hyperparameters.DEFAULTS,
                    GradientDescent::new, Map.of("learningRate", Grids.LEARNING_RATES));
        }
    }

    public GradientDescent(Hyperparameters hyperparameters) {
        super(NAME, hyperparameters);
    }

    @Override
    public OptimizerState start(ProblemBatch batch) {
        double lr = settings().learningRate();
        return new ElementwiseState(batch) {
            @Override
            void update(int problem, int from, int to) {
                for (int j = from; j < to; j++) {
                    x[j] -= lr * gradient[j];
                }
            }
        };
    }
}
