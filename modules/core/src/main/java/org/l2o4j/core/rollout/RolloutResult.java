package org.l2o4j.core.rollout;

import java.io.Serializable;
import java.util.Map;

/**
 * What a {@link Rollout} recorded, per problem i and iteration t = 0..steps (t = 0 is the starting point).
 *
 * <p>From the step a problem diverged at, its objective and gradient norm are NaN; its counters include what that
 * step spent and stay frozen after it; {@code divergedAt[i]} is that step, or -1. Wall time is cumulative seconds spent in optimizer steps, the batch's
 * time split evenly over its active problems (a batched step has no per-problem time of its own).
 *
 * <p>The arrays are the rollout's own; treat them as read-only.
 *
 * @param optimizer           the optimizer's registered name
 * @param hyperparameters     its hyperparameters
 * @param objective           f(x_t), [n][steps+1]
 * @param gradientNorm        ‖∇f(x_t)‖₂, [n][steps+1]
 * @param valueEvaluations    cumulative function evaluations, [n][steps+1]
 * @param gradientEvaluations cumulative gradient evaluations, [n][steps+1]
 * @param hessianEvaluations  cumulative Hessian evaluations, [n][steps+1]
 * @param wallSeconds         cumulative wall-clock seconds, [n][steps+1]
 * @param divergedAt          first diverged step per problem, or -1
 * @param iterates            x_t, [n][steps+1][d], or null when not recorded
 */
public record RolloutResult(String optimizer, Map<String, Object> hyperparameters, double[][] objective,
        double[][] gradientNorm, long[][] valueEvaluations, long[][] gradientEvaluations, long[][] hessianEvaluations, double[][] wallSeconds,
        int[] divergedAt, double[][][] iterates) implements Serializable {

    /** Number of problems. */
    public int problems() {
        return objective.length;
    }

    /** Number of iterations (the arrays have one entry more). */
    public int steps() {
        return objective[0].length - 1;
    }

    /** Number of problems that diverged. */
    public int divergedCount() {
        int c = 0;
        for (int s : divergedAt) {
            if (s >= 0) {
                c++;
            }
        }
        return c;
    }
}
