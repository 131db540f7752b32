package org.l2o4j.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.l2o4j.core.config.Checks;
import org.l2o4j.core.config.ConfigException;
import org.l2o4j.core.config.Configs;
import org.l2o4j.core.mdp.FeaturePreset;
import org.l2o4j.eval.experiment.OptimizerSpec;
import org.l2o4j.gps.algorithm.GpsConfig;
import org.l2o4j.gps.dynamics.DynamicsConfig;
import org.l2o4j.gps.policy.PolicyStepRule;
import org.l2o4j.policy.PolicyRegressionConfig;

/**
 * A guided-policy-search training run as written in an experiment file ({@code kind: gps-training}): which training
 * functions, and the settings that differ from a base profile. Profile {@code li-malik} is gps.md §6's Li &amp; Malik
 * configuration; {@code tiny} is the seconds-long budget the tests use. Keys left out keep the profile's values.
 *
 * @param kind                   must be {@code gps-training}
 * @param name                   run name; also the run folder's parent
 * @param description            one line for {@code l2o list}
 * @param family                 registered family name
 * @param familyConfig           settings over the family's defaults
 * @param seed                   root seed of the functions and of the trainer
 * @param trainSplit             the split whose functions are the training conditions
 * @param conditions             how many of them (the first ones); 0 = the whole split
 * @param profile                base settings: {@code li-malik} or {@code tiny}
 * @param iterations             GPS iterations; 0 = the profile's
 * @param samplesPerCondition    trajectories per condition and iteration; 0 = the profile's
 * @param horizon                time steps per trajectory; 0 = the profile's
 * @param klStepPerTimeStep      KL budget per time step; 0 = the profile's
 * @param preset                 feature preset, {@code paper} or {@code released-code}; "" = the profile's
 * @param historyLength          H; 0 = the profile's
 * @param hiddenUnits            policy hidden units; 0 = the profile's
 * @param regressionIterations   Adam steps per S-step; 0 = the profile's
 * @param dynamics               what the dynamics fit covers: {@code known-transition} (only the new objective
 *                               feature and gradient; the profile's default) or {@code full} (the whole transition, as
 *                               the reference does); "" = the profile's
 * @param costHessian            the cost model's ∇²f: {@code exact} (the reference; the profile's default) or
 *                               {@code psd} (projected onto the positive semi-definite cone, for non-convex families);
 *                               "" = the profile's
 * @param threads                worker threads for per-condition work (results do not depend on it)
 * @param evaluation             the comparison experiment {@code l2o evaluate} runs the trained policy in
 */
public record TrainingSpec(String kind, String name, String description, String family,
        Map<String, Object> familyConfig, long seed, String trainSplit, int conditions, String profile,
        int iterations, int samplesPerCondition, int horizon, double klStepPerTimeStep, String preset,
        int historyLength, int hiddenUnits, int regressionIterations, String dynamics, String costHessian,
        int threads, String evaluation) implements TrainingFile {

    /** The value of {@code kind} that marks a guided-policy-search training file. */
    public static final String KIND = "gps-training";

    /** The values of {@code dynamics}. */
    private static final List<String> DYNAMICS = List.of("known-transition", "full");

    /** The values of {@code costHessian}. */
    private static final List<String> COST_HESSIANS = List.of("exact", "psd");

    /** Settings a file may leave out. */
    public static final TrainingSpec DEFAULTS = new TrainingSpec(KIND, "training", "", "", Map.of(), 0, "train", 0,
            "li-malik", 0, 0, 0, 0, "", 0, 0, 0, "", "", 1, "");

    public TrainingSpec {
        familyConfig = familyConfig == null ? Map.of() : new LinkedHashMap<>(familyConfig);
        if (!KIND.equals(kind)) {
            throw new ConfigException("kind must be '" + KIND + "' for a training run, got '" + kind + "'");
        }
        Checks.oneOf("profile", profile, List.of("li-malik", "tiny"));
        Checks.atLeast("conditions", conditions, 0);
        Checks.atLeast("iterations", iterations, 0);
        Checks.atLeast("samplesPerCondition", samplesPerCondition, 0);
        Checks.atLeast("horizon", horizon, 0);
        Checks.nonNegative("klStepPerTimeStep", klStepPerTimeStep);
        Checks.atLeast("historyLength", historyLength, 0);
        Checks.atLeast("hiddenUnits", hiddenUnits, 0);
        Checks.atLeast("regressionIterations", regressionIterations, 0);
        Checks.positive("threads", threads);
        if (!dynamics.isEmpty()) {
            Checks.oneOf("dynamics", dynamics, DYNAMICS);
        }
        if (!costHessian.isEmpty()) {
            Checks.oneOf("costHessian", costHessian, COST_HESSIANS);
        }
        if (!preset.isEmpty()) {
            Checks.oneOf("preset", preset, List.of(FeaturePreset.PAPER, FeaturePreset.RELEASED_CODE));
        }
    }

    /** The folder of a run's policy checkpoints. */
    static final String CHECKPOINTS = "checkpoints";

    /** Binds a parsed file; {@code source} names it in errors. */
    static TrainingSpec fromMap(Map<String, Object> raw, String source) {
        TrainingSpec spec = Configs.bind(raw, DEFAULTS, source);
        if (spec.family().isBlank()) {
            throw new ConfigException(source + ": 'family' is required");
        }
        return spec;
    }

    @Override
    public Map<String, Object> settings() {
        return Configs.toMap(this);
    }

    /** The run's latest policy checkpoint, as {@code learned-policy} unless labelled otherwise. */
    @Override
    public OptimizerSpec trainedOptimizer(Path runFolder, String label) {
        return policyAt(runFolder.resolve(CHECKPOINTS), label);
    }

    /**
     * A GPS policy as a competitor (mean action, not tuned).
     *
     * @param checkpoint a checkpoints folder (its latest checkpoint is used) or a policy checkpoint file
     * @param label      its name in results, or null for {@code learned-policy}
     */
    static OptimizerSpec policyAt(Path checkpoint, String label) {
        return new OptimizerSpec(PolicyStepRule.OPTIMIZER_NAME, label == null ? "learned-policy" : label,
                Map.of("checkpoint", checkpoint.toAbsolutePath().toString()), Map.of(), false);
    }

    /** The trainer's configuration: the profile with this file's settings over it. */
    GpsConfig gpsConfig() {
        GpsConfig base = profile.equals("tiny") ? GpsConfig.tiny() : GpsConfig.liMalik();
        GpsConfig.Builder b = GpsConfig.builder(base).threads(threads).seed(seed);
        if (iterations > 0) {
            b.iterations(iterations);
        }
        if (samplesPerCondition > 0) {
            b.samplesPerCondition(samplesPerCondition);
        }
        if (horizon > 0) {
            b.horizon(horizon);
        }
        if (klStepPerTimeStep > 0) {
            b.klStepPerTimeStep(klStepPerTimeStep);
        }
        if (!preset.isEmpty() || historyLength > 0) {
            FeaturePreset p = preset.isEmpty() ? base.preset() : FeaturePreset.named(preset);
            int h = historyLength > 0 ? historyLength : p.historyLength();
            b.preset(p.name().equals(FeaturePreset.PAPER) ? FeaturePreset.paper(h, p.includeCurrentGradient())
                    : FeaturePreset.releasedCode(h));
        }
        if (hiddenUnits > 0) {
            b.hiddenUnits(hiddenUnits);
        }
        if (!dynamics.isEmpty()) {
            b.dynamics(base.dynamics().withStructure(dynamics.equals("full") ? DynamicsConfig.Structure.FULL
                    : DynamicsConfig.Structure.KNOWN_TRANSITION));
        }
        if (!costHessian.isEmpty()) {
            b.costHessian(costHessian.equals("psd") ? GpsConfig.CostHessian.PSD : GpsConfig.CostHessian.EXACT);
        }
        if (regressionIterations > 0) {
            PolicyRegressionConfig r = base.regression();
            b.regression(new PolicyRegressionConfig(r.learningRate(), r.beta1(), r.beta2(), r.epsilon(),
                    r.batchSize(), regressionIterations, r.l2Weight(), r.seed()));
        }
        return b.build();
    }
}
