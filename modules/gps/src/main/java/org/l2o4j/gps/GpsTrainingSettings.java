package org.l2o4j.gps;

import java.util.List;

import org.l2o4j.core.config.Checks;
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
 * @param conditions           how many of them (the first ones); 0 = the whole split
 * @param profile              base settings: {@code li-malik} or {@code tiny}
 * @param iterations           GPS iterations; 0 = the profile's
 * @param samplesPerCondition  trajectories per condition and iteration; 0 = the profile's
 * @param horizon              time steps per trajectory; 0 = the profile's
 * @param klStepPerTimeStep    KL budget per time step; 0 = the profile's
 * @param preset               feature preset, {@code paper} or {@code released-code}; "" = the profile's
 * @param historyLength        H; 0 = the profile's
 * @param hiddenUnits          policy hidden units; 0 = the profile's
 * @param regressionIterations Adam steps per S-step; 0 = the profile's
 * @param dynamics             what the dynamics fit covers: {@code known-transition} (only the new objective feature
 *                             and gradient; the profile's default) or {@code full} (the whole transition, as the
 *                             reference does); "" = the profile's
 * @param costHessian          the cost model's ∇²f: {@code exact} (the reference; the profile's default) or {@code psd}
 *                             (projected onto the positive semi-definite cone, for non-convex families); "" = the
 *                             profile's
 */
public record GpsTrainingSettings(String trainSplit, int conditions, String profile, int iterations,
        int samplesPerCondition, int horizon, double klStepPerTimeStep, String preset, int historyLength,
        int hiddenUnits, int regressionIterations, String dynamics, String costHessian) {

    /** Settings a file may leave out. */
    public static final GpsTrainingSettings DEFAULTS = new GpsTrainingSettings("train", 0, "li-malik", 0, 0, 0, 0, "",
            0, 0, 0, "", "");

    public GpsTrainingSettings {
        Checks.oneOf("profile", profile, List.of("li-malik", "tiny"));
        Checks.atLeast("conditions", conditions, 0);
        Checks.atLeast("iterations", iterations, 0);
        Checks.atLeast("samplesPerCondition", samplesPerCondition, 0);
        Checks.atLeast("horizon", horizon, 0);
        Checks.nonNegative("klStepPerTimeStep", klStepPerTimeStep);
        Checks.atLeast("historyLength", historyLength, 0);
        Checks.atLeast("hiddenUnits", hiddenUnits, 0);
        Checks.atLeast("regressionIterations", regressionIterations, 0);
        if (!dynamics.isEmpty()) {
            Checks.oneOf("dynamics", dynamics, List.of("known-transition", "full"));
        }
        if (!costHessian.isEmpty()) {
            Checks.oneOf("costHessian", costHessian, List.of("exact", "psd"));
        }
        if (!preset.isEmpty()) {
            Checks.oneOf("preset", preset, List.of(FeaturePreset.PAPER, FeaturePreset.RELEASED_CODE));
        }
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
