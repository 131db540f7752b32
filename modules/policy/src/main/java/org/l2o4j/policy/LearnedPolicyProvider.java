package org.l2o4j.policy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.l2o4j.core.catalog.Catalog;
import org.l2o4j.core.catalog.OptimizerProvider;
import org.l2o4j.core.config.ConfigException;
import org.l2o4j.core.config.Configs;
import org.l2o4j.core.optimizer.Optimizer;
import org.l2o4j.core.training.TrainedOptimizer;
import org.l2o4j.core.training.TrainingFolder;

/**
 * Registers a trained policy as the optimizer {@value PolicyStepRule#OPTIMIZER_NAME} (Li &amp; Malik's name for the
 * learned algorithm, ICLR 2017), so experiment files and {@code l2o evaluate} compare it with the baselines like any
 * other optimizer, whichever trainer produced it. Its one setting is the policy checkpoint: a {@value #FILE}, a
 * training run folder, whose latest checkpoint's {@value #FILE} is used (verified against its SHA-256), or a pretrained
 * entry such as {@code zoo:NAME}. It has nothing to tune.
 */
public final class LearnedPolicyProvider implements OptimizerProvider {

    /** The registered name. */
    public static final String NAME = PolicyStepRule.OPTIMIZER_NAME;
    /** The file name of a policy inside a trainer's checkpoint. */
    public static final String FILE = "policy.json";

    /**
     * @param checkpoint path of a policy checkpoint ({@value LearnedPolicyProvider#FILE}) or of a training run folder
     */
    public record Settings(String checkpoint) {

        /** No checkpoint: creating the optimizer without naming one is an error that says so. */
        public static final Settings DEFAULTS = new Settings("");
    }

    /** A policy checkpoint file as this optimizer. */
    public static TrainedOptimizer fromCheckpoint(Path file, String label) {
        return new TrainedOptimizer(NAME, label, Map.of("checkpoint", file.toAbsolutePath().toString()));
    }

    @Override
    public String name() {
        return PolicyStepRule.OPTIMIZER_NAME;
    }

    @Override
    public String description() {
        return "a trained policy (Li & Malik's predicted step descent), loaded from 'checkpoint'";
    }

    @Override
    public Optimizer create(Map<String, ?> hyperparameters) {
        Settings s = Configs.bind(hyperparameters, Settings.DEFAULTS, "optimizer '" + name() + "'");
        if (s.checkpoint().isBlank()) {
            throw new ConfigException("optimizer '" + name() + "' needs 'checkpoint': the path of a policy checkpoint"
                    + " or of a training run folder");
        }
        try {
            Path path = Catalog.checkpointFile(s.checkpoint());
            Path file = Files.isDirectory(path) ? TrainingFolder.latestFile(path, FILE) : path;
            PolicyCheckpoint checkpoint = PolicyCheckpoint.load(file);
            return PolicyStepRule.optimizer(checkpoint, Map.of("checkpoint", s.checkpoint()));
        } catch (IllegalArgumentException e) {
            // A missing or unreadable checkpoint is the user's input, reported as such.
            throw e instanceof ConfigException c ? c : new ConfigException(e.getMessage(), e);
        }
    }

    @Override
    public Map<String, List<Object>> defaultGrid() {
        return Map.of();
    }
}
