package org.l2o4j.baselines.optimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.function.IntConsumer;

import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.l2o4j.baselines.DenseQuadratic;
import org.l2o4j.core.optimizer.Optimizer;
import org.l2o4j.core.problem.Problem;
import org.l2o4j.core.rollout.Rollout;
import org.l2o4j.core.rollout.RolloutListener;
import org.l2o4j.core.testkit.DiagonalQuadratic;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;

/**
 * The adaptive and accelerated baselines against an independent implementation: ND4J 1.0.0-M1.1's updaters, in double
 * precision, run on the same problem from the same start (each on its own trajectory, the gradient taken at its own
 * iterate), compared over 20 steps to 1e-12.
 *
 * <p>ND4J's updaters return the update u and the caller does x ← x − u; in M1.1 all four are native ops
 * (libnd4j {@code helpers/cpu/updater*.cpp}):
 * <ul>
 *   <li>Nesterovs: v' = μv − lr·g; u = μv − (1 + μ)v'. Then x − u = x + μv' − lr·g: our form, no adjustment.</li>
 *   <li>RmsProp: s ← ρs + (1 − ρ)g²; u = lr·g/(√s + ε). Same as ours, but ND4J starts s at ε (ours, like Torch7, at
 *       0): the ND4J state is handed in zero-filled without initialization.</li>
 *   <li>AdaGrad: s ← s + g²; u = lr·g/(√s + ε). Same, but ND4J starts s at its own 1e-6: zero-filled likewise.</li>
 *   <li>Adam: u = lr·√(1 − β₂ᵗ)/(1 − β₁ᵗ)·m/(√v + ε), Kingma &amp; Ba's §2 form with ε added to the uncorrected √v.
 *       Giving ND4J ε·√(1 − β₂ᵗ) at step t turns it exactly into Algorithm 1 (ours); for ours without bias
 *       correction, ND4J gets the learning rate lr·(1 − β₁ᵗ)/√(1 − β₂ᵗ) instead.</li>
 * </ul>
 * ND4J has no heavy-ball updater (its {@code Sgd} has no momentum), so {@link Momentum} is checked against the
 * closed form of its linear recursion on a quadratic instead. ND4J's configs share the names of ours, so they are
 * written with their package.
 */
class Nd4jOracleTest {

    private static final int STEPS = 20;
    private static final double TOLERANCE = 1e-12;

    @BeforeAll
    static void doublePrecision() {
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
    }

    private static Problem problem() {
        return new DenseQuadratic(5, 10.0, 42);
    }

    private static double[][] ours(Optimizer optimizer, Problem problem) {
        return Rollout.run(optimizer, List.of(problem), List.of(problem.initialPoint(0)),
                Rollout.Options.of(STEPS).withIterates(), RolloutListener.NONE).iterates()[0];
    }

    /**
     * x_{t+1} = x_t − u_t with ND4J's update u_t; {@code beforeStep} gets t = 1, 2, … and may retune the config.
     */
    private static double[][] nd4j(IUpdater config, Problem problem, boolean initializeState, IntConsumer beforeStep) {
        int n = problem.dimension();
        INDArray state = Nd4j.zeros(DataType.DOUBLE, 1, config.stateSize(n));
        GradientUpdater<?> updater = config.instantiate(state, initializeState);
        double[][] trajectory = new double[STEPS + 1][];
        double[] x = problem.initialPoint(0);
        double[] g = new double[n];
        trajectory[0] = x.clone();
        for (int t = 1; t <= STEPS; t++) {
            problem.valueAndGradient(x, g);
            INDArray update = Nd4j.createFromArray(g.clone()).reshape(1, n);
            beforeStep.accept(t);
            updater.applyUpdater(update, t - 1, 0);
            for (int j = 0; j < n; j++) {
                x[j] -= update.getDouble(0, j);
            }
            trajectory[t] = x.clone();
        }
        return trajectory;
    }

    private static void assertSameTrajectory(double[][] expected, double[][] actual) {
        for (int t = 0; t <= STEPS; t++) {
            for (int j = 0; j < expected[t].length; j++) {
                assertEquals(expected[t][j], actual[t][j], TOLERANCE, "t=" + t + ", coordinate " + j);
            }
        }
    }

    @Test
    void nesterovMatchesNd4jNesterovs() {
        double lr = 0.05;
        double mu = 0.9;
        Problem p = problem();
        assertSameTrajectory(nd4j(new Nesterovs(lr, mu), p, true, t -> { }),
                ours(new Nesterov(new Nesterov.Hyperparameters(lr, mu)), p));
    }

    @Test
    void rmsPropMatchesNd4jRmsPropStartedAtZero() {
        double lr = 0.01;
        double decay = 0.99;
        double eps = 1e-8;
        Problem p = problem();
        assertSameTrajectory(nd4j(new org.nd4j.linalg.learning.config.RmsProp(lr, decay, eps), p, false, t -> { }),
                ours(new RmsProp(new RmsProp.Hyperparameters(lr, decay, eps)), p));
    }

    @Test
    void adaGradMatchesNd4jAdaGradStartedAtZero() {
        double lr = 0.1;
        double eps = 1e-10;
        Problem p = problem();
        assertSameTrajectory(nd4j(new org.nd4j.linalg.learning.config.AdaGrad(lr, eps), p, false, t -> { }),
                ours(new AdaGrad(new AdaGrad.Hyperparameters(lr, eps)), p));
    }

    @Test
    void adamMatchesNd4jAdamWithEpsilonMovedUnderTheBiasCorrection() {
        double lr = 0.05;
        double b1 = 0.9;
        double b2 = 0.999;
        // ε large enough that its placement matters: under ND4J's own convention the trajectories differ by about
        // 2e-3 here (and by 2e-8 even at ε = 1e-8), so the match below checks the convention, not just the moments.
        double eps = 1e-3;
        org.nd4j.linalg.learning.config.Adam config = new org.nd4j.linalg.learning.config.Adam(lr, b1, b2, eps);
        Problem p = problem();
        double[][] reference = nd4j(config, p, true, t -> config.setEpsilon(eps * Math.sqrt(1 - Math.pow(b2, t))));
        assertSameTrajectory(reference,
                ours(new Adam(new Adam.Hyperparameters(lr, b1, b2, eps, true)), p));
    }

    @Test
    void adamWithoutBiasCorrectionMatchesNd4jAdamWithTheCorrectionDividedOut() {
        double lr = 0.05;
        double b1 = 0.9;
        double b2 = 0.999;
        double eps = 1e-8;
        org.nd4j.linalg.learning.config.Adam config = new org.nd4j.linalg.learning.config.Adam(lr, b1, b2, eps);
        Problem p = problem();
        double[][] reference = nd4j(config, p, true,
                t -> config.setLearningRate(lr * (1 - Math.pow(b1, t)) / Math.sqrt(1 - Math.pow(b2, t))));
        assertSameTrajectory(reference,
                ours(new Adam(new Adam.Hyperparameters(lr, b1, b2, eps, false)), p));
    }

    @Test
    void momentumMatchesTheClosedFormOfItsLinearRecursion() {
        // Per coordinate of ½a(x − c)², the error e = x − c and velocity v evolve linearly:
        // (e, v)_{t+1} = M (e, v)_t with M = [[1 − lr·a, β], [−lr·a, β]], so (e, v)_t = Mᵗ (e₀, 0).
        double lr = 0.3;
        double beta = 0.8;
        double[] a = {0.2, 0.7, 1.5, 3.0};
        double[] c = {1.0, -1.0, 0.25, 2.0};
        double[] x0 = {-2.0, 3.0, 1.0, 0.5};
        DiagonalQuadratic problem = new DiagonalQuadratic(a, c, x0);
        double[][] x = ours(new Momentum(new Momentum.Hyperparameters(lr, beta)), problem);
        for (int j = 0; j < a.length; j++) {
            RealMatrix m = MatrixUtils.createRealMatrix(new double[][] {{1 - lr * a[j], beta}, {-lr * a[j], beta}});
            for (int t = 0; t <= STEPS; t++) {
                double error = m.power(t).operate(new double[] {x0[j] - c[j], 0})[0];
                assertEquals(c[j] + error, x[t][j], TOLERANCE, "t=" + t + ", coordinate " + j);
            }
        }
    }
}
