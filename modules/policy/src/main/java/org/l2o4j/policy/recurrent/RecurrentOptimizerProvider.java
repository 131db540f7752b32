package org.l2o4j.policy.recurrent;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.l2o4j.core.catalog.Catalog;
import org.l2o4j.core.catalog.OptimizerProvider;
import org.l2o4j.core.config.ConfigException;
import org.l2o4j.core.config.Configs;
import org.l2o4j.core.optimizer.Optimizer;
import org.l2o4j.core.training.TrainingFolder;
import org.l2o4j.core.training.gradient.GradientMetaTrainer;

/**
 * Registers trained recurrent optimizers as {@value RecurrentLearnedOptimizer#LSTM_NAME} and
 * {@value RecurrentLearnedOptimizer#GRU_NAME}, so experiment files compare them with the baselines like any other
 * optimizer. The one setting, {@code checkpoint}, names a recurrent optimizer checkpoint or a training run folder
 * (whose latest checkpoint's validation-best network, {@value GradientMetaTrainer#BEST_FILE}, is then used, verified
 * against its SHA-256). There is nothing to tune. Whatever trainer produced the network, it is loaded and evaluated
 * here the same way.
 */
public abstract class RecurrentOptimizerProvider implements OptimizerProvider {

    /**
     * @param checkpoint path of a checkpoint file or of a training run's folder
     */
    public record Settings(String checkpoint) {

        /** No checkpoint: creating the optimizer without naming one is an error that says so. */
        public static final Settings DEFAULTS = new Settings("");
    }

    private final RecurrentSpec.Cell cell;

    private RecurrentOptimizerProvider(RecurrentSpec.Cell cell) {
        this.cell = cell;
    }

    /** {@value RecurrentLearnedOptimizer#LSTM_NAME}: Andrychowicz et al.'s coordinatewise LSTM. */
    public static final class Lstm extends RecurrentOptimizerProvider {
        public Lstm() {
            super(RecurrentSpec.Cell.LSTM);
        }

        @Override
        public String description() {
            return "a trained coordinatewise LSTM (Andrychowicz et al. 2016), loaded from 'checkpoint'";
        }
    }

    /** {@value RecurrentLearnedOptimizer#GRU_NAME}: Maheswaranathan et al.'s component-wise GRU. */
    public static final class Gru extends RecurrentOptimizerProvider {
        public Gru() {
            super(RecurrentSpec.Cell.GRU);
        }

        @Override
        public String description() {
            return "a trained component-wise GRU (Maheswaranathan et al. 2021), loaded from 'checkpoint'";
        }
    }

    @Override
    public String name() {
        return RecurrentLearnedOptimizer.nameOf(cell);
    }

    @Override
    public Optimizer create(Map<String, ?> hyperparameters) {
        Settings s = Configs.bind(hyperparameters, Settings.DEFAULTS, "optimizer '" + name() + "'");
        if (s.checkpoint().isBlank()) {
            throw new ConfigException("optimizer '" + name() + "' needs 'checkpoint': the path of a recurrent "
                    + "optimizer checkpoint or of a BPTT training run's folder");
        }
        Path file = checkpointFile(s.checkpoint());
        RecurrentCheckpoint checkpoint = RecurrentCheckpoint.load(file);
        if (checkpoint.spec().cell() != cell) {
            throw new ConfigException("optimizer '" + name() + "' was given " + file + ", which holds a "
                    + checkpoint.spec().cell().label() + " network; use '"
                    + RecurrentLearnedOptimizer.nameOf(checkpoint.spec().cell()) + "' for it");
        }
        return RecurrentLearnedOptimizer.of(checkpoint, Map.of("checkpoint", s.checkpoint()));
    }

    /**
     * The file a {@code checkpoint} setting names: the verified file of a pretrained reference ({@code zoo:NAME}), the
     * latest validation-best network ({@value GradientMetaTrainer#BEST_FILE}) of a training run's folder, or the path
     * itself. Everything that loads a recurrent optimizer resolves its setting here, so all accept the same forms.
     *
     * @throws ConfigException for an unknown pretrained entry or a run folder without a checkpoint
     */
    public static Path checkpointFile(String checkpoint) {
        Path path = Catalog.checkpointFile(checkpoint);
        return Files.isDirectory(path) ? TrainingFolder.latestFile(path, GradientMetaTrainer.BEST_FILE) : path;
    }

    @Override
    public Map<String, List<Object>> defaultGrid() {
        return Map.of();
    }
}
