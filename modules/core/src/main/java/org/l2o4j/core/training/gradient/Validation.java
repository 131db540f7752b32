package org.l2o4j.core.training.gradient;

import java.util.List;
import java.util.function.ToDoubleFunction;

import org.l2o4j.core.optimizer.Optimizer;
import org.l2o4j.core.problem.Problem;
import org.l2o4j.core.rollout.Rollout;
import org.l2o4j.core.rollout.RolloutListener;
import org.l2o4j.core.rollout.RolloutResult;

/**
 * How the outer loop chooses the best θ: the learned optimizer runs on held-out validation functions (never the test
 * split) and is scored. The best θ has the fewest diverged runs, then the lowest score over the others (NaN counting as
 * worst); ties keep the earlier one. The training loss never chooses it.
 *
 * @param problems  the validation functions
 * @param starts    their initial points
 * @param steps     steps of each validation rollout
 * @param criterion its name, for logs
 * @param score     the score of a rollout (lower is better)
 */
public record Validation(List<Problem> problems, List<double[]> starts, int steps, String criterion,
        ToDoubleFunction<RolloutResult> score) {

    public Validation {
        problems = List.copyOf(problems);
        starts = List.copyOf(starts);
        if (problems.isEmpty() || problems.size() != starts.size()) {
            throw new IllegalArgumentException("validation needs ≥ 1 problem and one start each, got "
                    + problems.size() + " problems and " + starts.size() + " starts");
        }
    }

    /**
     * A validation result.
     *
     * @param score        the criterion
     * @param diverged     runs that diverged
     * @param problemSteps the evaluations the rollouts made after their starts
     */
    public record Outcome(double score, int diverged, long problemSteps) {

        /** Whether this outcome is better than {@code best} by the rule above. */
        public boolean betterThan(Outcome best) {
            if (diverged != best.diverged) {
                return diverged < best.diverged;
            }
            double a = Double.isNaN(score) ? Double.POSITIVE_INFINITY : score;
            double b = Double.isNaN(best.score) ? Double.POSITIVE_INFINITY : best.score;
            return a < b;
        }
    }

    /** Runs the optimizer on the validation functions. */
    public Outcome run(Optimizer optimizer) {
        RolloutResult result = Rollout.run(optimizer, problems, starts, Rollout.Options.of(steps),
                RolloutListener.NONE);
        long spent = 0;
        for (long[] counts : result.gradientEvaluations()) {
            spent += counts[counts.length - 1] - counts[0];
        }
        return new Outcome(score.applyAsDouble(result), result.divergedCount(), spent);
    }
}
