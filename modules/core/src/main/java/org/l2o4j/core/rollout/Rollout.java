package org.l2o4j.core.rollout;

import java.util.List;

import org.l2o4j.core.optimizer.Optimizer;
import org.l2o4j.core.optimizer.OptimizerState;
import org.l2o4j.core.problem.Problem;

/**
 * Runs one optimizer on a batch of problems for a fixed number of iterations and records every iteration: objective,
 * gradient norm, function, gradient and Hessian evaluations spent, and wall time. Runs that produce NaN/Inf or blow up (see {@link DivergenceRule})
 * are frozen and marked, never thrown.
 */
public final class Rollout {

    /**
     * @param steps          iterations to run
     * @param divergence     when a run counts as diverged
     * @param recordIterates whether to keep x_t (for trajectory plots; costs n × (steps+1) × d doubles)
     */
    public record Options(int steps, DivergenceRule divergence, boolean recordIterates) {
        public Options {
            if (steps < 0) {
                throw new IllegalArgumentException("steps must be >= 0, got " + steps);
            }
            if (divergence == null) {
                throw new IllegalArgumentException("divergence rule must not be null");
            }
        }

        /** {@code steps} iterations, the default divergence rule, no iterates. */
        public static Options of(int steps) {
            return new Options(steps, DivergenceRule.DEFAULT, false);
        }

        /** The same options, keeping the iterates. */
        public Options withIterates() {
            return new Options(steps, divergence, true);
        }
    }

    private Rollout() {
    }

    /** Runs {@code optimizer} from the given starting points. */
    public static RolloutResult run(Optimizer optimizer, List<? extends Problem> problems, List<double[]> starts,
            Options options, RolloutListener listener) {
        ProblemBatch batch = ProblemBatch.startingAt(problems, starts);
        int n = batch.size();
        int d = batch.dimension();
        int steps = options.steps();
        double[][] objective = new double[n][steps + 1];
        double[][] gradientNorm = new double[n][steps + 1];
        long[][] valueEvals = new long[n][steps + 1];
        long[][] gradientEvals = new long[n][steps + 1];
        long[][] hessianEvals = new long[n][steps + 1];
        double[][] wall = new double[n][steps + 1];
        double[][][] iterates = options.recordIterates() ? new double[n][steps + 1][] : null;
        int[] divergedAt = new int[n];
        java.util.Arrays.fill(divergedAt, -1);

        double[] startValue = batch.values().clone();
        double[] startMaxAbs = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                startMaxAbs[i] = Math.max(startMaxAbs[i], Math.abs(batch.x()[i * d + j]));
            }
        }
        for (int i = 0; i < n; i++) {
            if (options.divergence().diverged(batch, i, startValue[i], startMaxAbs[i])) {
                throw new IllegalArgumentException("problem " + i + " (" + batch.problem(i).formula()
                        + ") is not finite at its starting point: f(x0) = " + startValue[i]);
            }
        }
        record(batch, 0, objective, gradientNorm, valueEvals, gradientEvals, hessianEvals, wall, iterates,
                new boolean[n], 0.0);

        OptimizerState state = optimizer.start(batch);
        for (int t = 1; t <= steps; t++) {
            int activeBefore = 0;
            for (int i = 0; i < n; i++) {
                if (batch.isActive(i)) {
                    activeBefore++;
                }
            }
            long t0 = System.nanoTime();
            state.step();
            double share = activeBefore == 0 ? 0.0 : (System.nanoTime() - t0) * 1e-9 / activeBefore;
            boolean[] diverging = new boolean[n];
            for (int i = 0; i < n; i++) {
                if (batch.isActive(i) && options.divergence().diverged(batch, i, startValue[i], startMaxAbs[i])) {
                    batch.deactivate(i);
                    divergedAt[i] = t;
                    diverging[i] = true;
                }
            }
            record(batch, t, objective, gradientNorm, valueEvals, gradientEvals, hessianEvals, wall, iterates,
                    diverging, share);
            listener.afterStep(t, steps);
        }
        return new RolloutResult(optimizer.name(), optimizer.hyperparameters(), objective, gradientNorm, valueEvals,
                gradientEvals, hessianEvals, wall, divergedAt, iterates);
    }

    private static void record(ProblemBatch batch, int t, double[][] objective, double[][] gradientNorm,
            long[][] valueEvals, long[][] gradientEvals, long[][] hessianEvals, double[][] wall, double[][][] iterates,
            boolean[] diverging, double share) {
        int d = batch.dimension();
        for (int i = 0; i < batch.size(); i++) {
            // Counters are read from the batch even for a problem that just diverged: the diverging step was spent.
            valueEvals[i][t] = batch.valueEvaluations(i);
            gradientEvals[i][t] = batch.gradientEvaluations(i);
            hessianEvals[i][t] = batch.hessianEvaluations(i);
            wall[i][t] = (t > 0 ? wall[i][t - 1] : 0) + (diverging[i] || batch.isActive(i) ? share : 0);
            if (!batch.isActive(i)) {
                objective[i][t] = Double.NaN;
                gradientNorm[i][t] = Double.NaN;
                if (iterates != null) {
                    iterates[i][t] = iterates[i][t - 1];
                }
                continue;
            }
            objective[i][t] = batch.values()[i];
            double sq = 0;
            for (int j = i * d; j < i * d + d; j++) {
                sq += batch.gradient()[j] * batch.gradient()[j];
            }
            gradientNorm[i][t] = Math.sqrt(sq);
            if (iterates != null) {
                iterates[i][t] = java.util.Arrays.copyOfRange(batch.x(), i * d, i * d + d);
            }
        }
    }
}
