package org.l2o4j.analysis.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;
import org.l2o4j.core.optimizer.OptimizerState;
import org.l2o4j.core.problem.Problem;
import org.l2o4j.core.random.Seeds;
import org.l2o4j.core.rollout.ProblemBatch;
import org.l2o4j.policy.recurrent.LogAndSign;
import org.l2o4j.policy.recurrent.RecurrentLearnedOptimizer;
import org.l2o4j.policy.recurrent.RecurrentNet;
import org.l2o4j.policy.recurrent.RecurrentSpec;
import org.l2o4j.problems.quadratic.RennQuadraticConfig;
import org.l2o4j.problems.quadratic.RennQuadraticFamily;

/**
 * A network as a cell: J_rec and J_inp (through the gradient preprocessing) against finite differences of the cell's
 * own step, for the GRU and the log-and-sign LSTM; and a recorded trajectory against the same network run as the
 * registered optimizer {@code l2o evaluate} uses (a second, independent loop).
 */
class NetworkCellTest {

    private static RecurrentNet.Kernel network(RecurrentSpec spec, long seed, double scale) {
        RecurrentNet net = spec.create();
        RandomGenerator rng = Seeds.rng(seed);
        double[] theta = new double[net.parameterCount()];
        for (int k = 0; k < theta.length; k++) {
            theta[k] = scale * rng.nextGaussian();
        }
        return net.kernel(theta);
    }

    @Test
    void gruJacobiansMatchFiniteDifferences() {
        JacobianCheck.assertMatches(new NetworkCell(network(RecurrentSpec.rennGru(6), 3, 0.5)), 0.37, 0.05);
    }

    @Test
    void lstmJacobiansMatchFiniteDifferencesOnBothBranchesOfLogAndSign() {
        NetworkCell cell = new NetworkCell(network(new RecurrentSpec(RecurrentSpec.Cell.LSTM, 2, 4,
                LogAndSign.paper(), 0.1), 4, 0.5));
        JacobianCheck.assertMatches(cell, 0.2, 0.05);
        JacobianCheck.assertMatches(cell, -3e-6, 0.05);
    }

    @Test
    void recordedTrajectoryEqualsTheRegisteredOptimizersRun() {
        RecurrentNet.Kernel kernel = network(RecurrentSpec.rennGru(8), 5, 0.3);
        List<Problem> problems = new RennQuadraticFamily(RennQuadraticConfig.DEFAULTS).problems("test", 2020)
                .subList(0, 4);
        Trajectories recorded = Trajectories.record(new NetworkCell(kernel), problems, 30, 7);
        ProblemBatch batch = ProblemBatch.startingAt(problems, problems.stream().map(p -> p.initialPoint(0)).toList());
        OptimizerState state = new RecurrentLearnedOptimizer(kernel, Map.of()).start(batch);
        for (int t = 0; t <= 30; t++) {
            for (int p = 0; p < 4; p++) {
                assertEquals(batch.values()[p], recorded.losses()[p][t], 0.0, "problem " + p + ", t " + t);
            }
            if (t < 30) {
                state.step();
            }
        }
        assertEquals(31, recorded.states().length);
        assertEquals(7, recorded.states()[0].length);
        assertEquals(30 * 20, recorded.allGradients().length * recorded.allGradients()[0].length);
        assertEquals(31 * 7, recorded.visitedStates().length);
    }
}
