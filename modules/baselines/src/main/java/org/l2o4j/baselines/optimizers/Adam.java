package org.l2o4j.baselines.optimizers;

import java.util.Map;

import org.l2o4j.baselines.BaselineOptimizer;
import org.l2o4j.baselines.BaselineProvider;
import org.l2o4j.baselines.Grids;
import org.l2o4j.core.config.Checks;
import org.l2o4j.core.optimizer.OptimizerState;
import org.l2o4j.core.rollout.ProblemBatch;

/**
 * Adam (Kingma &amp; Ba, ICLR 2015, Algorithm 1), with m = v = 0 at the start and t counted from 1:
 * <pre>
 *   m ← β₁·m + (1 − β₁)·g          v ← β₂·v + (1 − β₂)·g²
 *   m̂ = m / (1 − β₁ᵗ)               v̂ = v / (1 − β₂ᵗ)
 *   x ← x − lr·m̂ / (√v̂ + ε)
 * </pre>
 * ε is added to the bias-corrected √v̂, as in Algorithm 1 (and PyTorch). Kingma &amp; Ba's §2 "efficient" form, used
 * by TensorFlow and ND4J, adds it to the uncorrected √v instead; the two differ only while ε is not negligible against
 * √v̂. With {@code biasCorrection = false}, m̂ = m and v̂ = v: the reference Adam of Maheswaranathan et al.'s code
 * (renn {@code common.py}), which has no bias correction.
 */
public final class Adam extends BaselineOptimizer<Adam.Hyperparameters> {

    /** Registered name. */
    public static final String NAME = "adam";

    /**
     * Defaults from Kingma &amp; Ba (2015), Algorithm 1, which are also Torch7 {@code optim.adam}'s.
     *
     * @param learningRate   step size lr; default 1e-3
     * @param beta1          decay of the first-moment estimate, in [0, 1); default 0.9
     * @param beta2          decay of the second-moment estimate, in [0, 1); default 0.999
     * @param epsilon        added to √v̂, positive; default 1e-8
     * @param biasCorrection whether to divide the moments by 1 − βᵗ; default true (Algorithm 1); false reproduces
     *                       renn's reference Adam (which also uses ε = 1e-5)
     */
    public record Hyperparameters(double learningRate, double beta1, double beta2, double epsilon,
            boolean biasCorrection) {
        /** lr = 1e-3, β₁ = 0.9, β₂ = 0.999, ε = 1e-8, bias correction on. */
        public static final Hyperparameters DEFAULTS = new Hyperparameters(1e-3, 0.9, 0.999, 1e-8, true);

        public Hyperparameters {
            Checks.positive("learningRate", learningRate);
            Checks.decay("beta1", beta1);
            Checks.decay("beta2", beta2);
            Checks.positive("epsilon", epsilon);
        }
    }

    /**
     * Registers {@value #NAME}; like Andrychowicz et al., only the learning rate is tuned:
     * {@code learningRate} ∈ {@link Grids#LEARNING_RATES}.
     */
    public static final class Provider extends BaselineProvider<Hyperparameters> {
        public Provider() {
            super(NAME, "Adam (Kingma & Ba 2015, Algorithm 1)", Hyperparameters.DEFAULTS, Adam::new,
                    Map.of("learningRate", Grids.LEARNING_RATES));
        }
    }

    public Adam(Hyperparameters hyperparameters) {
        super(NAME, hyperparameters);
    }

    @Override
    public OptimizerState start(ProblemBatch batch) {
        Hyperparameters h = settings();
        double lr = h.learningRate();
        double beta1 = h.beta1();
        double beta2 = h.beta2();
        double eps = h.epsilon();
        double[] firstMoment = new double[batch.x().length];
        double[] secondMoment = new double[batch.x().length];
        return new ElementwiseState(batch) {
            private double firstCorrection = 1;
            private double secondCorrection = 1;

            @Override
            void beginIteration(int iteration) {
                if (h.biasCorrection()) {
                    firstCorrection = 1 / (1 - Math.pow(beta1, iteration));
                    secondCorrection = 1 / (1 - Math.pow(beta2, iteration));
                }
            }

            @Override
            void update(int problem, int from, int to) {
                for (int j = from; j < to; j++) {
                    double g = gradient[j];
                    firstMoment[j] = beta1 * firstMoment[j] + (1 - beta1) * g;
                    secondMoment[j] = beta2 * secondMoment[j] + (1 - beta2) * g * g;
                    x[j] -= lr * (firstMoment[j] * firstCorrection)
                            / (Math.sqrt(secondMoment[j] * secondCorrection) + eps);
                }
            }
        };
    }
}
