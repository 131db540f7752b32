package org.l2o4j.rl4j.dqn;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.l2o4j.core.catalog.Catalog;
import org.l2o4j.core.catalog.OptimizerProvider;
import org.l2o4j.core.config.ConfigException;
import org.l2o4j.core.config.Configs;
import org.l2o4j.core.mdp.FeatureDrivenOptimizer;
import org.l2o4j.core.mdp.FeatureLayout;
import org.l2o4j.core.mdp.StepRule;
import org.l2o4j.core.optimizer.Optimizer;
import org.l2o4j.core.training.TrainingFolder;
import org.l2o4j.rl4j.ObservationScaling;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Registers a trained DQN step-size controller as the optimizer {@value #NAME}: the greedy policy of the Q-network,
 * which picks for each problem the action with the largest Q on its scaled observation and takes that action's step
 * (−m·α∇f). Its one setting is {@code checkpoint}: a {@value DqnTrainer#NETWORK_FILE} or a training run folder (its
 * latest verified checkpoint). Nothing to tune.
 */
public final class DqnStepControlProvider implements OptimizerProvider {

    /** The registered name. */
    public static final String NAME = "dqn-step-control";

    /**
     * @param checkpoint a Q-network file or a training run folder
     */
    public record Settings(String checkpoint) {

        /** No checkpoint: creating the optimizer without one is an error that says so. */
        public static final Settings DEFAULTS = new Settings("");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "a trained DQN step-size controller (RL4J), loaded from 'checkpoint'";
    }

    @Override
    public Optimizer create(Map<String, ?> hyperparameters) {
        Settings s = Configs.bind(hyperparameters, Settings.DEFAULTS, "optimizer '" + NAME + "'");
        if (s.checkpoint().isBlank()) {
            throw new ConfigException("optimizer '" + NAME + "' needs 'checkpoint': a Q-network file or a training "
                    + "run folder");
        }
        Path path = Catalog.checkpointFile(s.checkpoint());
        Path file = Files.isDirectory(path) ? TrainingFolder.latestFile(path, DqnTrainer.NETWORK_FILE) : path;
        QNetworkFile q = QNetworkFile.load(file);
        return new FeatureDrivenOptimizer(NAME, Map.of("checkpoint", s.checkpoint()), q.settings().featurePreset(),
                new GreedyRule(q.network(), DqnTrainer.actions(q.settings()),
                        new ObservationScaling(q.scaleFactor(), q.clipMagnitude())));
    }

    @Override
    public Map<String, List<Object>> defaultGrid() {
        return Map.of();
    }

    /** argmax_a Q(o, a), then that action's step; the network is shared, so calls are serialized. */
    private record GreedyRule(MultiLayerNetwork network, List<StepRule> actions, ObservationScaling scaling)
            implements StepRule {

        @Override
        public void steps(FeatureLayout layout, int count, double[] observations, double[] out) {
            int dO = layout.dimension();
            int d = layout.problemDimension();
            double[] scaled = new double[count * dO];
            System.arraycopy(observations, 0, scaled, 0, count * dO);
            for (int r = 0; r < count; r++) {
                double[] row = new double[dO];
                System.arraycopy(scaled, r * dO, row, 0, dO);
                scaling.applyInPlace(row);
                System.arraycopy(row, 0, scaled, r * dO, dO);
            }
            double[] q;
            synchronized (network) {
                INDArray input = Nd4j.createFromArray(scaled).reshape(count, dO).castTo(network.params().dataType());
                q = network.output(input).castTo(DataType.DOUBLE).reshape(count * actions.size()).toDoubleVector();
            }
            double[] rowObservation = new double[dO];
            double[] rowAction = new double[d];
            for (int r = 0; r < count; r++) {
                int best = 0;
                for (int a = 1; a < actions.size(); a++) {
                    if (q[r * actions.size() + a] > q[r * actions.size() + best]) {
                        best = a;
                    }
                }
                System.arraycopy(observations, r * dO, rowObservation, 0, dO);
                actions.get(best).steps(layout, 1, rowObservation, rowAction);
                System.arraycopy(rowAction, 0, out, r * d, d);
            }
        }
    }
}
