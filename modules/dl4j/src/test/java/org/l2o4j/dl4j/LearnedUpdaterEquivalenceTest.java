package org.l2o4j.dl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.l2o4j.core.catalog.Catalog;
import org.l2o4j.core.optimizer.Optimizer;
import org.l2o4j.core.optimizer.OptimizerState;
import org.l2o4j.core.problem.Problem;
import org.l2o4j.core.rollout.ProblemBatch;
import org.l2o4j.policy.recurrent.RecurrentLearnedOptimizer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * DL4J training with {@link LearnedUpdater} moves the parameters exactly as L2O4J's own {@link Optimizer} moves them
 * when it is fed the gradients of the same network: the second computation runs the registered optimizer through
 * L2O4J's optimizer lifecycle on the network's loss as a {@link Problem}, independently of DL4J's updater machinery.
 */
class LearnedUpdaterEquivalenceTest {

    private static final int STEPS = 6;

    @TempDir
    static Path dir;

    @BeforeAll
    static void doublePrecision() {
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
    }

    @Test
    void multiLayerNetworkWithTheLstmFollowsL2o4jsOptimizer() {
        Path checkpoint = TinyNetworks.lstmCheckpoint(dir, 5);
        DataSet data = TinyNetworks.data(21, DataType.DOUBLE);
        MultiLayerNetwork trained = new MultiLayerNetwork(
                TinyNetworks.mlp(new LearnedUpdater(checkpoint.toString()), DataType.DOUBLE));
        trained.init();
        MultiLayerNetwork reference = trained.clone();
        double[] start = trained.params().toDoubleVector();
        for (int k = 0; k < STEPS; k++) {
            trained.fit(data);
        }
        double[] expected = l2o4j(RecurrentLearnedOptimizer.LSTM_NAME, checkpoint, NetworkProblem.of(reference, data));
        assertSame(start, expected, trained.params().toDoubleVector());
    }

    @Test
    void computationGraphWithTheGruFollowsL2o4jsOptimizer() {
        Path checkpoint = TinyNetworks.gruCheckpoint(dir, 8);
        DataSet data = TinyNetworks.data(34, DataType.DOUBLE);
        ComputationGraph trained = new ComputationGraph(TinyNetworks.graph(new LearnedUpdater(checkpoint.toString())));
        trained.init();
        ComputationGraph reference = trained.clone();
        double[] start = trained.params().toDoubleVector();
        for (int k = 0; k < STEPS; k++) {
            trained.fit(data);
        }
        double[] expected = l2o4j(RecurrentLearnedOptimizer.GRU_NAME, checkpoint, NetworkProblem.of(reference, data));
        assertSame(start, expected, trained.params().toDoubleVector());
    }

    /** The parameters after {@value #STEPS} steps of the registered optimizer on {@code problem}. */
    private static double[] l2o4j(String optimizer, Path checkpoint, Problem problem) {
        Optimizer o = Catalog.optimizer(optimizer, Map.of("checkpoint", checkpoint.toString()));
        ProblemBatch batch = ProblemBatch.startingAt(List.of(problem), List.of(problem.initialPoint(0)));
        OptimizerState state = o.start(batch);
        for (int k = 0; k < STEPS; k++) {
            state.step();
        }
        return batch.x().clone();
    }

    /**
     * Equal to 1e-12 relative to the largest parameter (in practice to the last bit: both sides run the same kernel on
     * the same doubles), and every parameter moved, so the comparison is not one of two zero updates.
     */
    private static void assertSame(double[] start, double[] expected, double[] actual) {
        assertEquals(TinyNetworks.PARAMETERS, actual.length);
        double scale = 0;
        double gap = 0;
        for (int i = 0; i < expected.length; i++) {
            scale = Math.max(scale, Math.abs(expected[i]));
            gap = Math.max(gap, Math.abs(expected[i] - actual[i]));
            assertTrue(Math.abs(expected[i] - start[i]) > 1e-6, "parameter " + i + " did not move");
        }
        assertTrue(gap <= 1e-12 * scale, "largest difference " + gap + " at parameter scale " + scale);
    }
}
