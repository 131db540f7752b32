package org.l2o4j.baselines.optimizers;

import org.junit.jupiter.api.Nested;
import org.l2o4j.core.optimizer.Optimizer;
import org.l2o4j.core.testkit.OptimizerContract;

/**
 * The core contract (determinism, independent problems and states, progress on quadratics with curvatures in
 * [0.5, 2]) for every baseline, with hyperparameters suited to those curvatures.
 */
class OptimizerContractsTest {

    @Nested
    class GradientDescentContract extends OptimizerContract {
        @Override
        protected Optimizer optimizer() {
            return new GradientDescent(new GradientDescent.Hyperparameters(0.5));
        }
    }

    @Nested
    class MomentumContract extends OptimizerContract {
        @Override
        protected Optimizer optimizer() {
            return new Momentum(new Momentum.Hyperparameters(0.3, 0.5));
        }
    }

    @Nested
    class NesterovContract extends OptimizerContract {
        @Override
        protected Optimizer optimizer() {
            return new Nesterov(new Nesterov.Hyperparameters(0.3, 0.5));
        }
    }

    @Nested
    class ConjugateGradientContract extends OptimizerContract {
        @Override
        protected Optimizer optimizer() {
            return new ConjugateGradient(new ConjugateGradient.Hyperparameters(0.2));
        }
    }

    @Nested
    class NonlinearConjugateGradientContract extends OptimizerContract {
        @Override
        protected Optimizer optimizer() {
            return new NonlinearConjugateGradient(NonlinearConjugateGradient.Hyperparameters.DEFAULTS);
        }
    }

    @Nested
    class LbfgsContract extends OptimizerContract {
        @Override
        protected Optimizer optimizer() {
            return new Lbfgs(Lbfgs.Hyperparameters.DEFAULTS);
        }
    }

    @Nested
    class NewtonContract extends OptimizerContract {
        @Override
        protected Optimizer optimizer() {
            return new Newton(Newton.Hyperparameters.DEFAULTS);
        }
    }

    @Nested
    class AdamContract extends OptimizerContract {
        @Override
        protected Optimizer optimizer() {
            return new Adam(new Adam.Hyperparameters(0.3, 0.9, 0.999, 1e-8, true));
        }
    }

    @Nested
    class RmsPropContract extends OptimizerContract {
        @Override
        protected Optimizer optimizer() {
            return new RmsProp(new RmsProp.Hyperparameters(0.05, 0.99, 1e-8));
        }
    }

    @Nested
    class AdaGradContract extends OptimizerContract {
        @Override
        protected Optimizer optimizer() {
            return new AdaGrad(new AdaGrad.Hyperparameters(1.0, 1e-10));
        }
    }
}
