package org.l2o4j.gps;

import java.util.List;

import org.l2o4j.core.config.Checks;
import org.l2o4j.core.training.TrainingHeader;
import org.l2o4j.core.mdp.FeaturePreset;
import org.l2o4j.gps.algorithm.GpsConfig;
import org.l2o4j.gps.dynamics.DynamicsConfig;
import org.l2o4j.policy.PolicyRegressionConfig;

/**
 * The trainer's keys of a guided-policy-search training file ({@code kind: gps-training}): which training functions,
 * and the settings that differ from a base profile. Profile {@code li-malik} is gps.md §6's Li &amp; Malik
 * configuration; {@code tiny} is the seconds-long budget the tests use. Keys left out keep the profile's values.
 *
 * @param trainSplit           the split whose functions are the training conditions
 * <p>Every value is explicit: a key a file leaves out takes its profile's value ({@link #defaults}), and 0 is refused
 * rather than read as "the default" (issue 12: {@code --set iterations=0} silently ran 100 iterations).
 *
 * @param conditions           how many of them (the first ones), at least 1; 90 by default (Li &amp; Malik's)
 * @param profile              base settings: {@code li-malik} or {@code tiny}
 * @param iterations           GPS iterations
 * @param samplesPerCondition  trajectories per condition and iteration
 * @param horizon              time steps per trajectory
 * @param klStepPerTimeStep    KL budget per time step
 * @param preset               feature preset, {@code paper} or {@code released-code}
 * @param historyLength        H
 * @param hiddenUnits          policy hidden units
 * @param regressionIterations Adam steps per S-step
 * @param dynamics             what the dynamics fit covers: {@code known-transition} (only the new objective feature
 *                             and gradient; the profile's default) or {@code full} (the whole transition, as the
 *                             reference does)
 * @param costHessian          the cost model's ∇²f: {@code exact} (the reference; the profile's default) or {@code psd}
 *                             (projected onto the positive semi-definite cone, for non-convex families)
 * @param divergedSampleRedraws how many times a diverged rollout of a local controller is drawn again with fresh
 *                             noise before training stops; 0 (the profile's default) stops at the first
 */
public record GpsTrainingSettings(String trainSplit, int conditions, String profile, int iterations,
        int samplesPerCondition, int horizon, double klStepPerTimeStep, String preset, int historyLength,
        int hiddenUnits, int regressionIterations, String dynamics, String costHessian, int divergedSampleRedraws) {

    /** The li-malik profile's settings: what a file leaves out. */
    public static final GpsTrainingSettings DEFAULTS = defaults("li-malik");

    /** The settings of a profile, every value explicit. */
    public static GpsTrainingSettings defaults(String profile) {
        Checks.oneOf("profile", profile, List.of("li-malik", "tiny"));
        GpsConfig base = profile.equals("tiny") ? GpsConfig.tiny() : GpsConfig.liMalik();
        return new GpsTrainingSettings("train",
            TrainingHeader.LI_MALIK_TRAINING_FUNCTIONS, profile, base.iterations(),
                base.samplesPerCondition(), base.horizon(), base.klStepPerTimeStep(), base.preset().name(),
                base.preset().historyLength(), base.hiddenUnits(), base.regression().iterationsPerFit(),
                base.dynamics().structure() == DynamicsConfig.Structure.FULL ? "full" : "known-transition",
                base.costHessian() == GpsConfig.CostHessian.PSD ? "psd" : "exact", base.divergedSampleRedraws());
    }

    public GpsTrainingSettings {
        Checks.oneOf("profile", profile, List.of("li-malik", "tiny"));
        Checks.positive("conditions", conditions);
        Checks.positive("iterations", iterations);
        Checks.positive("samplesPerCondition", samplesPerCondition);
        Checks.positive("horizon", horizon);
        Checks.positive("klStepPerTimeStep", klStepPerTimeStep);
        Checks.positive("historyLength", historyLength);
        Checks.positive("hiddenUnits", hiddenUnits);
        Checks.positive("regressionIterations", regressionIterations);
        Checks.oneOf("dynamics", dynamics, List.of("known-transition", "full"));
        Checks.oneOf("costHessian", costHessian, List.of("exact", "psd"));
        Checks.atLeast("divergedSampleRedraws", divergedSampleRedraws, 0);
        Checks.oneOf("preset", preset, List.of(FeaturePreset.PAPER, FeaturePreset.RELEASED_CODE));
    }

    /**
     * The trainer's configuration: the profile with these settings over it.
     *
     * @param seed    the run's root seed
     * @param threads worker threads (results do not depend on them)
     */
    public GpsConfig gpsConfig(long seed, int threads) {
        GpsConfig base = profile.equals("tiny") ? GpsConfig.tiny() : GpsConfig.liMalik();
        GpsConfig.Builder b = GpsConfig.builder(base).threads(threads).seed(seed);
        b.iterations(iterations);
        b.samplesPerCondition(samplesPerCondition);
        b.horizon(horizon);
        b.klStepPerTimeStep(klStepPerTimeStep);
        boolean profilePreset = preset.equals(base.preset().name()) && historyLength == base.preset().historyLength();
        FeaturePreset p = preset.equals(base.preset().name()) ? base.preset() : FeaturePreset.named(preset);
        b.preset(profilePreset ? base.preset() : p.name().equals(FeaturePreset.PAPER)
                ? FeaturePreset.paper(historyLength, p.includeCurrentGradient())
                : FeaturePreset.releasedCode(historyLength));
        b.hiddenUnits(hiddenUnits);
        b.dynamics(base.dynamics().withStructure(dynamics.equals("full") ? DynamicsConfig.Structure.FULL
                : DynamicsConfig.Structure.KNOWN_TRANSITION));
        b.costHessian(costHessian.equals("psd") ? GpsConfig.CostHessian.PSD : GpsConfig.CostHessian.EXACT);
        b.divergedSampleRedraws(divergedSampleRedraws);
        PolicyRegressionConfig r = base.regression();
        b.regression(new PolicyRegressionConfig(r.learningRate(), r.beta1(), r.beta2(), r.epsilon(), r.batchSize(),
                regressionIterations, r.l2Weight(), r.seed()));
        return b.build();
    }
}
