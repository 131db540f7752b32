package org.l2o4j.core.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.l2o4j.core.optimizer.Optimizer;
import org.l2o4j.core.optimizer.OptimizerState;
import org.l2o4j.core.problem.Problem;
import org.l2o4j.core.rollout.ProblemBatch;
import org.l2o4j.core.rollout.Rollout;
import org.l2o4j.core.rollout.RolloutListener;
import org.l2o4j.core.rollout.RolloutResult;

/**
 * The contract every {@link Optimizer} must meet: deterministic, states independent of each other, problems of a batch
 * independent of each other, and progress on a well-conditioned quadratic. Extend it and return the optimizer.
 */
public abstract class OptimizerContract {

    /** The optimizer under test, with hyperparameters that make progress on {@link #problems()}. */
    protected abstract Optimizer optimizer();

    /** Iterations used by the checks. */
    protected int steps() {
        return 30;
    }

    /** Three well-conditioned quadratics (curvatures in [0.5, 2]) with different centres. */
    protected List<Problem> problems() {
        List<Problem> out = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            out.add(new DiagonalQuadratic(new double[] {0.5, 1.0, 2.0}, new double[] {k, -k, 0.5 * k},
                    new double[] {1.5, -2.0, 0.7 + k}));
        }
        return out;
    }

    private RolloutResult run(List<Problem> problems) {
        List<double[]> starts = problems.stream().map(p -> p.initialPoint(0)).toList();
        return Rollout.run(optimizer(), problems, starts, Rollout.Options.of(steps()), RolloutListener.NONE);
    }

    @Test
    void sameInputsGiveIdenticalTrajectories() {
        RolloutResult a = run(problems());
        RolloutResult b = run(problems());
        for (int i = 0; i < a.problems(); i++) {
            assertArrayEquals(a.objective()[i], b.objective()[i], 0.0);
            assertArrayEquals(a.valueEvaluations()[i], b.valueEvaluations()[i]);
        }
    }

    @Test
    void problemsOfABatchDoNotInfluenceEachOther() {
        List<Problem> all = problems();
        RolloutResult together = run(all);
        for (int i = 0; i < all.size(); i++) {
            RolloutResult alone = run(List.of(all.get(i)));
            assertArrayEquals(alone.objective()[0], together.objective()[i], 0.0, "problem " + i);
        }
    }

    @Test
    void interleavedStatesEqualSeparateRuns() {
        List<Problem> ps = problems();
        List<double[]> starts = ps.stream().map(p -> p.initialPoint(0)).toList();
        Optimizer opt = optimizer();
        ProblemBatch b1 = ProblemBatch.startingAt(ps, starts);
        ProblemBatch b2 = ProblemBatch.startingAt(ps, starts);
        OptimizerState s1 = opt.start(b1);
        OptimizerState s2 = opt.start(b2);
        for (int t = 0; t < steps(); t++) {
            s1.step();
            s2.step();
            s2.step();
            s2 = opt.start(ProblemBatch.startingAt(ps, starts));
        }
        ProblemBatch reference = ProblemBatch.startingAt(ps, starts);
        OptimizerState s3 = opt.start(reference);
        for (int t = 0; t < steps(); t++) {
            s3.step();
        }
        assertArrayEquals(reference.x(), b1.x(), 0.0, "a second state disturbed the first");
    }

    @Test
    void makesProgressOnAWellConditionedQuadratic() {
        RolloutResult r = run(problems());
        for (int i = 0; i < r.problems(); i++) {
            double f0 = r.objective()[i][0];
            double fT = r.objective()[i][r.steps()];
            assertTrue(fT < 0.1 * f0, "problem " + i + ": f went from " + f0 + " to " + fT);
            assertEquals(-1, r.divergedAt()[i]);
            int moving = 0;
            for (int t = 1; t <= r.steps(); t++) {
                moving += r.gradientNorm()[i][t - 1] > 0 ? 1 : 0;
            }
            // An iteration that starts at an exact stationary point may do nothing and cost nothing; every other
            // iteration must have been charged at least one gradient evaluation.
            assertTrue(r.gradientEvaluations()[i][r.steps()] - r.gradientEvaluations()[i][0] >= moving,
                    "problem " + i + ": " + moving + " iterations away from a stationary point were charged only "
                            + (r.gradientEvaluations()[i][r.steps()] - r.gradientEvaluations()[i][0])
                            + " gradient evaluations");
        }
    }
}
