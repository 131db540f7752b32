package org.l2o4j.analysis.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    private static void checkJacobians(NetworkCell cell, double gradient) {
        int s = cell.stateSize();
        RandomGenerator rng = Seeds.rng(77);
        double[] h = new double[s];
        for (int j = 0; j < s; j++) {
            h[j] = 0.5 * rng.nextGaussian();
        }
        double[] jRec = new double[s * s];
        double[] jInp = new double[s];
        cell.linearize(h, gradient, jRec, jInp);
        double step = 1e-6;
        double[] plus = new double[s];
        double[] minus = new double[s];
        double largest = 0;
        for (int d = 0; d <= s; d++) {
            double[] hp = h.clone();
            double[] hm = h.clone();
            double gp = gradient;
            double gm = gradient;
            double width = step;
            if (d < s) {
                hp[d] += step;
                hm[d] -= step;
            } else {
                width = Math.max(Math.abs(gradient) * 1e-6, 1e-8);
                gp += width;
                gm -= width;
            }
            cell.step(hp, gp, plus);
            cell.step(hm, gm, minus);
            for (int row = 0; row < s; row++) {
                double numeric = (plus[row] - minus[row]) / (2 * width);
                double analytic = d < s ? jRec[row * s + d] : jInp[row];
                assertEquals(numeric, analytic, 1e-6 * (1 + Math.abs(numeric)), "row " + row + ", direction " + d);
                largest = Math.max(largest, Math.abs(analytic));
            }
        }
        assertTrue(largest > 0.05, "real derivatives, largest " + largest);
    }

    @Test
    void gruJacobiansMatchFiniteDifferences() {
        checkJacobians(new NetworkCell(network(RecurrentSpec.rennGru(6), 3, 0.5)), 0.37);
    }

    @Test
    void lstmJacobiansMatchFiniteDifferencesOnBothBranchesOfLogAndSign() {
        NetworkCell cell = new NetworkCell(network(new RecurrentSpec(RecurrentSpec.Cell.LSTM, 2, 4,
                LogAndSign.paper(), 0.1), 4, 0.5));
        checkJacobians(cell, 0.2);
        checkJacobians(cell, -3e-6);
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
