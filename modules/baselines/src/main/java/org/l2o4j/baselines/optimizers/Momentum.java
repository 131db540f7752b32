package org.l2o4j.baselines.optimizers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.l2o4j.baselines.BaselineOptimizer;
import org.l2o4j.baselines.BaselineProvider;
import org.l2o4j.baselines.Grids;
import org.l2o4j.core.config.Checks;
import org.l2o4j.core.optimizer.OptimizerState;
import org.l2o4j.core.rollout.ProblemBatch;

/**
 * Polyak's heavy ball, v ← β·v − lr·∇f(x); x ← x + v, with v = 0 at the start: Li &amp; Malik's momentum baseline
 * (Table 1; unrolled, the step is −lr·Σ_{j≤k} β^(k−j)·∇f(x_j)), the controller their guided policy search starts
 * from (§5), and one of Maheswaranathan et al.'s tuned baselines.
 */
public final class Momentum extends BaselineOptimizer<Momentum.Hyperparameters> {

    /** Registered name. */
    public static final String NAME = "momentum";

    /**
     * @param learningRate step size lr; default 1e-3, Torch7 {@code optim.sgd}'s learning rate
     * @param beta         decay of the velocity, in [0, 1); default 0.9, the customary value (Sutskever et al. 2013),
     *                     Li &amp; Malik tuned it per function and give none
     */
    public record Hyperparameters(double learningRate, double beta) {
        /** lr = 1e-3, β = 0.9. */
        public static final Hyperparameters DEFAULTS = new Hyperparameters(1e-3, 0.9);

        public Hyperparameters {
            Checks.positive("learningRate", learningRate);
            Checks.decay("beta", beta);
        }
    }

    /**
     * Registers {@value #NAME}; Li &amp; Malik tune both step size and decay, so the default grid is
     * {@code learningRate} ∈ {@link Grids#LEARNING_RATES} × {@code beta} ∈ {@link Grids#MOMENTA} (55 settings).
     */
    public static final class Provider extends BaselineProvider<Hyperparameters> {
        public Provider() {
            super(NAME, "heavy-ball momentum (Polyak; Li & Malik Table 1)", Hyperparameters.DEFAULTS, Momentum::new,
                    grid());
        }

        private static Map<String, List<Object>> grid() {
            Map<String, List<Object>> grid = new LinkedHashMap<>();
            grid.put("learningRate", Grids.LEARNING_RATES);
            grid.put("beta", Grids.MOMENTA);
            return grid;
        }
    }

    public Momentum(Hyperparameters hyperparameters) {
        super(NAME, hyperparameters);
    }

    @Override
    public OptimizerState start(ProblemBatch batch) {
        double lr = settings().learningRate();
        double beta = settings().beta();
        double[] velocity = new double[batch.x().length];
        return new ElementwiseState(batch) {
            @Override
            void update(int problem, int from, int to) {
                for (int j = from; j < to; j++) {
                    velocity[j] = beta * velocity[j] - lr * gradient[j];
                    x[j] += velocity[j];
                }
            }
        };
    }
}
