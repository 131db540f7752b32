package org.l2o4j.policysearch;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.l2o4j.core.config.ConfigException;
import org.l2o4j.core.config.Configs;
import org.l2o4j.core.mdp.FeaturePreset;
import org.l2o4j.core.optimizer.Optimizer;
import org.l2o4j.core.training.TrainedOptimizer;
import org.l2o4j.policy.GaussianMlpPolicy;
import org.l2o4j.policy.InputNormalization;
import org.l2o4j.policy.LearnedPolicyProvider;
import org.l2o4j.policy.MlpArchitecture;
import org.l2o4j.policy.PolicyCheckpoint;
import org.l2o4j.policy.PolicyStepRule;

/**
 * The weights θ of Li &amp; Malik's policy as the gradient-based policy-search trainers see them: the network's shape,
 * its fixed input normalization and σ, and what θ is as an optimizer and as a checkpoint. One place for what
 * {@code GradientEstimator.optimizer}, {@code saveOptimizer} and {@code trainedOptimizer} mean for the MLP policy.
 *
 * @param preset        the features the policy reads
 * @param architecture  the network's shape
 * @param normalization the input normalization (fixed during training)
 * @param logStd        log σ of the actions (unused by the mean step, kept in checkpoints)
 * @param label         the trained optimizer's default name in results
 * @param normalizationProblemSteps the problem-steps spent fitting the normalization (a trainer's set-up cost)
 * @param start         θ₀ when training starts from a given policy; empty for a fresh network from the trainer's seed
 */
public record PolicyParameters(FeaturePreset preset, MlpArchitecture architecture, InputNormalization normalization,
        double[] logStd, String label, long normalizationProblemSteps, double[] start) {

    /** The value of an {@code initialPolicy} setting that asks for a fresh network. */
    public static final String FRESH = "fresh";

    public PolicyParameters {
        logStd = logStd.clone();
        start = start.clone();
    }

    /**
     * The policy of {@code episodes}' shape with the normalization gradient descent's states give (step
     * {@code stepSize}) and the initial σ of a fresh policy ({@link GaussianMlpPolicy#INITIAL_VARIANCE}).
     */
    public static PolicyParameters fitted(PolicyEpisodes episodes, double stepSize, String label) {
        long before = episodes.problemSteps();
        InputNormalization normalization = episodes.normalizationFromGradientDescent(stepSize);
        return new PolicyParameters(episodes.preset(), episodes.architecture(), normalization,
                GaussianMlpPolicy.initialize(episodes.architecture(), 0).logStd(), label,
                episodes.problemSteps() - before, new double[0]);
    }

    /** Checks an {@code initialPolicy} setting's form (the file itself is read when training starts). */
    public static void checkInitialPolicy(String initialPolicy) {
        if (initialPolicy == null || initialPolicy.isBlank()) {
            throw new ConfigException("initialPolicy must be '" + FRESH + "' or a policy checkpoint file");
        }
    }

    /**
     * What an {@code initialPolicy} setting asks for: {@value #FRESH} gives {@link #fitted}; a path to a policy
     * checkpoint (e.g. GPS's {@code policy.json} after an iteration) starts θ from its weights and keeps its input
     * normalization (nothing is fitted, so no problem-steps are spent here; what made the checkpoint is its own run's).
     *
     * @throws ConfigException if the checkpoint cannot be read or its network or features differ from the trainer's
     */
    public static PolicyParameters starting(String initialPolicy, PolicyEpisodes episodes, double stepSize,
            String label) {
        if (FRESH.equals(initialPolicy)) {
            return fitted(episodes, stepSize, label);
        }
        PolicyCheckpoint c;
        try {
            c = PolicyCheckpoint.load(Path.of(initialPolicy));
        } catch (RuntimeException e) {
            throw new ConfigException("initialPolicy: cannot load " + initialPolicy + " (" + e.getMessage() + "); give "
                    + "a policy checkpoint file (policy.json or optimizer-best.json) or '" + FRESH + "'", e);
        }
        if (!c.policy().architecture().equals(episodes.architecture())
                || !c.featurePreset().equals(episodes.preset().name())) {
            throw new ConfigException("initialPolicy " + initialPolicy + " is a " + c.policy().architecture() + " on "
                    + "features '" + c.featurePreset() + "', this training needs a " + episodes.architecture()
                    + " on '" + episodes.preset().name() + "'");
        }
        return new PolicyParameters(episodes.preset(), episodes.architecture(), c.policy().normalization(),
                c.policy().logStd(), label, 0, c.policy().parameters());
    }

    /** Everything about the policy but θ, for units that make it elsewhere. */
    public PolicyTemplate template() {
        return new PolicyTemplate(architecture, normalization, logStd);
    }

    /** θ as the policy. */
    public GaussianMlpPolicy policy(double[] theta) {
        return template().policy(theta);
    }

    /** θ as the optimizer it stands for: the policy's mean step. */
    public Optimizer optimizer(double[] theta) {
        return PolicyStepRule.optimizer(policy(theta), preset);
    }

    /** Writes θ as a policy checkpoint (with the preset, so that it loads as the same optimizer). */
    public void save(double[] theta, Path file, Map<String, Object> provenance) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("preset", Configs.toMap(preset));
        new PolicyCheckpoint(policy(theta), preset.name(), config, provenance).save(file);
    }

    /** A checkpoint written by {@link #save} as the registered optimizer. */
    public TrainedOptimizer trained(Path file) {
        return LearnedPolicyProvider.fromCheckpoint(file, label);
    }
}
