package org.l2o4j.baselines.optimizers;

import java.util.Map;

import org.l2o4j.baselines.BaselineOptimizer;
import org.l2o4j.baselines.BaselineProvider;
import org.l2o4j.baselines.Grids;
import org.l2o4j.core.config.Checks;
import org.l2o4j.core.optimizer.OptimizerState;
import org.l2o4j.core.rollout.ProblemBatch;

/**
 * Nesterov's accelerated gradient (NAG), Andrychowicz et al.'s "NAG" baseline, in the form that needs the gradient
 * only at the current iterate (Sutskever et al. 2013; Torch7 {@code optim.sgd} with {@code nesterov = true},
 * {@code dampening = 0}; ND4J's {@code Nesterovs}):
 * <pre>
 *   v ← μ·v − lr·∇f(x)
 *   x ← x + μ·v − lr·∇f(x)       (with the new v)
 * </pre>
 * Here x is the look-ahead point of the textbook form, where the gradient is taken. v = 0 at the start, so the first
 * step is −(1 + μ)·lr·∇f(x₀), as in Torch7.
 */
public final class Nesterov extends BaselineOptimizer<Nesterov.Hyperparameters> {

    /** Registered name. */
    public static final String NAME = "nesterov";

    /**
     * @param learningRate step size lr; default 1e-3, Torch7 {@code optim.sgd}'s learning rate
     * @param momentum     μ in [0, 1); default 0.9, the value Andrychowicz et al.'s NAG baseline used (papers.md §2.3)
     */
    public record Hyperparameters(double learningRate, double momentum) {
        /** lr = 1e-3, μ = 0.9. */
        public static final Hyperparameters DEFAULTS = new Hyperparameters(1e-3, 0.9);

        public Hyperparameters {
            Checks.positive("learningRate", learningRate);
            Checks.decay("momentum", momentum);
        }
    }

    /**
     * Registers {@value #NAME}; like Andrychowicz et al., only the learning rate is tuned:
     * {@code learningRate} ∈ {@link Grids#LEARNING_RATES}.
     */
    public static final class Provider extends BaselineProvider<Hyperparameters> {
        public Provider() {
            super(NAME, "Nesterov's accelerated gradient, Sutskever / Torch7 form (Andrychowicz et al.'s NAG)",
                    Hyperparameters.DEFAULTS, Nesterov::new, Map.of("learningRate", Grids.LEARNING_RATES));
        }
    }

    public Nesterov(Hyperparameters hyperparameters) {
        super(NAME, hyperparameters);
    }

    @Override
    public OptimizerState start(ProblemBatch batch) {
        double lr = settings().learningRate();
        double mu = settings().momentum();
        double[] velocity = new double[batch.x().length];
        return new ElementwiseState(batch) {
            @Override
            void update(int problem, int from, int to) {
                for (int j = from; j < to; j++) {
                    double step = lr * gradient[j];
                    velocity[j] = mu * velocity[j] - step;
                    x[j] += mu * velocity[j] - step;
                }
            }
        };
    }
}
