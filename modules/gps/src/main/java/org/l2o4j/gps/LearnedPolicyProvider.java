package org.l2o4j.gps;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.l2o4j.core.catalog.OptimizerProvider;
import org.l2o4j.core.config.ConfigException;
import org.l2o4j.core.config.Configs;
import org.l2o4j.core.optimizer.Optimizer;
import org.l2o4j.gps.algorithm.GuidedPolicySearch;
import org.l2o4j.gps.policy.PolicyStepRule;
import org.l2o4j.policy.CheckpointException;
import org.l2o4j.policy.PolicyCheckpoint;

/**
 * Registers a trained policy as the optimizer {@value PolicyStepRule#OPTIMIZER_NAME} (Li &amp; Malik's name for the
 * learned algorithm, ICLR 2017), so experiment files and {@code l2o evaluate} compare it with the baselines like any
 * other optimizer. Its one setting is the policy checkpoint; it has nothing to tune.
 */
public final class LearnedPolicyProvider implements OptimizerProvider {

    /**
     * @param checkpoint path of a policy checkpoint ({@code policy.json}) or of a training run's checkpoint folder
     */
    public record Settings(String checkpoint) {

        /** No checkpoint: creating the optimizer without naming one is an error that says so. */
        public static final Settings DEFAULTS = new Settings("");
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
                    + " or of a training run's checkpoints folder");
        }
        Path path = Path.of(s.checkpoint());
        try {
            PolicyCheckpoint checkpoint = Files.isDirectory(path) ? GuidedPolicySearch.latestPolicy(path)
                    : PolicyCheckpoint.load(path);
            return PolicyStepRule.optimizer(checkpoint, Map.of("checkpoint", s.checkpoint()));
        } catch (CheckpointException | IllegalArgumentException e) {
            // A missing or unreadable checkpoint is the user's input, reported as such.
            throw e instanceof ConfigException c ? c : new ConfigException(e.getMessage(), e);
        }
    }

    @Override
    public Map<String, List<Object>> defaultGrid() {
        return Map.of();
    }
}
