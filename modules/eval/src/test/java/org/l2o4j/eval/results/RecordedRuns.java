package org.l2o4j.eval.results;

import java.util.Map;

import org.l2o4j.core.rollout.RolloutResult;

/** Rollout results written by hand: objective values per run and step, other records zero unless given. */
final class RecordedRuns {

    private RecordedRuns() {
    }

    /** Runs with these objective values, no evaluations recorded. */
    static RolloutResult of(double[][] objective) {
        int runs = objective.length;
        int width = objective[0].length;
        return of(objective, new long[runs][width], new long[runs][width]);
    }

    /** Runs with these objective values and cumulative value and Hessian evaluations. */
    static RolloutResult of(double[][] objective, long[][] values, long[][] hessians) {
        int runs = objective.length;
        int width = objective[0].length;
        return new RolloutResult("o", Map.of(), objective, new double[runs][width], values, new long[runs][width],
                hessians, new double[runs][width], new int[runs], null);
    }
}
