package org.l2o4j.eval.curve;

import java.util.ArrayList;
import java.util.List;

import org.l2o4j.core.optimizer.Optimizer;
import org.l2o4j.core.problem.Problem;
import org.l2o4j.core.rollout.Rollout;
import org.l2o4j.core.rollout.RolloutListener;
import org.l2o4j.core.rollout.RolloutResult;
import org.l2o4j.eval.results.OptimizerSummary;

/**
 * An optimizer's held-out score at chosen steps, computed as {@code l2o evaluate} computes its table: every test
 * function from each restart's initial point, restarts averaged per function, diverged runs left out of the mean and
 * counted.
 *
 * @param steps    the steps t scored
 * @param mean     the mean over test functions of f(x_t) at each of {@code steps}
 * @param diverged runs that diverged
 * @param runs     runs made (test functions × restarts)
 */
public record HeldOutScore(int[] steps, double[] mean, int diverged, int runs) {

    public HeldOutScore {
        steps = steps.clone();
        mean = mean.clone();
    }

    /**
     * Runs {@code optimizer} on the test functions for the largest of {@code steps}.
     *
     * @param restarts initial points per function ({@code Problem.initialPoint(r)}, r = 0..restarts−1)
     */
    public static HeldOutScore of(Optimizer optimizer, List<Problem> test, int restarts, int[] steps) {
        int horizon = 0;
        for (int t : steps) {
            if (t < 0) {
                throw new IllegalArgumentException("a step to score must be ≥ 0, got " + t);
            }
            horizon = Math.max(horizon, t);
        }
        List<Problem> problems = new ArrayList<>();
        List<double[]> starts = new ArrayList<>();
        int[] runProblem = new int[test.size() * restarts];
        int k = 0;
        for (int i = 0; i < test.size(); i++) {
            for (int r = 0; r < restarts; r++) {
                problems.add(test.get(i));
                starts.add(test.get(i).initialPoint(r));
                runProblem[k++] = i;
            }
        }
        RolloutResult result = Rollout.run(optimizer, problems, starts, Rollout.Options.of(horizon),
                RolloutListener.NONE);
        double[] perStep = OptimizerSummary.of(List.of("scored"), List.of(result), runProblem).get(0).mean()
                .estimate();
        double[] mean = new double[steps.length];
        for (int j = 0; j < steps.length; j++) {
            mean[j] = perStep[steps[j]];
        }
        return new HeldOutScore(steps, mean, result.divergedCount(), problems.size());
    }
}
