package org.l2o4j.eval.experiment;

import java.util.List;

import org.l2o4j.core.problem.Problem;
import org.l2o4j.core.rollout.RolloutResult;
import org.l2o4j.eval.results.BestKnown;
import org.l2o4j.eval.results.OptimizerSummary;
import org.l2o4j.eval.results.Suboptimality;
import org.l2o4j.eval.results.Timing;

/**
 * A finished experiment, as the results writer and the figures see it.
 *
 * @param spec          the experiment as run
 * @param testProblems  the held-out functions
 * @param runProblem    for each run (row of every rollout), the index of its test function
 * @param runRestart    for each run, its restart index
 * @param tuning        how each optimizer's hyperparameters were chosen, in competitor order
 * @param results       the test rollouts, in competitor order
 * @param summaries     their deterministic summaries
 * @param timings       their wall-clock costs
 * @param bestKnown     f* of each test function and how it was found
 * @param suboptimality each competitor's f − f*, in competitor order
 */
public record ExperimentOutcome(ExperimentSpec spec, List<Problem> testProblems, int[] runProblem, int[] runRestart,
        List<TuningRecord> tuning, List<RolloutResult> results, List<OptimizerSummary> summaries,
        List<Timing> timings, BestKnown bestKnown, List<Suboptimality> suboptimality) {

    /** Competitor labels in order. */
    public List<String> labels() {
        return spec.optimizers().stream().map(OptimizerSpec::label).toList();
    }
}
