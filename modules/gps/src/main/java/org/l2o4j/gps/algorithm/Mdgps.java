package org.l2o4j.gps.algorithm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.l2o4j.core.engine.Engine;
import org.l2o4j.core.engine.LocalEngine;
import org.l2o4j.core.parallel.ParallelMap;
import org.l2o4j.core.problem.TwiceDifferentiable;
import org.l2o4j.core.random.Seeds;
import org.l2o4j.gps.env.Condition;
import org.l2o4j.gps.env.ConditionSource;
import org.l2o4j.gps.model.LinearGaussianController;
import org.l2o4j.gps.sampling.SampleBatch;
import org.l2o4j.gps.trajopt.AugmentedCostBuilder;
import org.l2o4j.gps.trajopt.ExpectedCost;
import org.l2o4j.gps.trajopt.StepSizeRule;
import org.l2o4j.gps.trajopt.TrajectoryOptimizationResult;
import org.l2o4j.policy.GaussianMlpPolicy;
import org.l2o4j.policy.WeightedPolicyRegression;

/**
 * The mirror-descent GPS iteration (Montgomery &amp; Levine, NIPS 2016, arXiv 1607.04614; cbfinn/gps
 * {@code AlgorithmMDGPS}; gps.md §3), over the L2O conditions of Li &amp; Malik (gps.md §2):
 * <pre>
 *   for m: D_m ← N rollouts of p_m                                   sampling (§4.1)
 *   for m: costModel_m ← quadraticize(D_m); update prior; dyn_m ← fit(D_m)    (§4.2–4.4)
 *   if i = 0: S-step on the targets of the current p_m              pull π_θ onto the initial controllers
 *   for m: update policy prior; π̄_m ← linearize(π_θ, D_m)           (§4.9)
 *   if i &gt; 0: stepMult ← rule(mean over m of pred, actual)         one multiplier for all conditions (§4.8)
 *   for m: p_m ← LQG with anchor π̄_m, ν = 0, KL(p_m ‖ π̄_m) ≤ kl_step·stepMult·T   C-step (§4.5–4.8)
 *   S-step: regress π_θ onto {o, K_t s + k_t, Σ_t⁻¹} over all samples   (§4.10)
 * </pre>
 * The step-size rule is MDGPS's {@code laplace} rule: predicted = cost(π̄_prev; dyn_prev) − cost(p_new; dyn_prev),
 * actual = cost(π̄_prev; dyn_prev) − cost(π̄_cur; dyn_cur), all Laplace estimates (§4.5) under the cost model of the
 * dynamics' own iteration, averaged over conditions. The first two terms are computed at the end of an iteration
 * and carried in {@link ConditionState.StepRecord}.
 *
 * <p>Sampling, fits, linearization, the C-step and the S-step are {@code GpsCore}'s, shared with {@link Badmm}
 * (parallelism, seeds and state are described there). Not thread-safe: one iteration at a time.
 */
public final class Mdgps implements CouplingStrategy {

    /** The {@link Seeds#derive} label of condition m's dynamics-prior GMM initializations (both couplings). */
    public static final String DYNAMICS_PRIOR_SEED = "gps-dynamics-prior";
    /** The {@link Seeds#derive} label of condition m's policy-prior GMM initializations (both couplings). */
    public static final String POLICY_PRIOR_SEED = "gps-policy-prior";

    private final GpsCore core;

    /**
     * @param config     the settings
     * @param conditions the training conditions; every problem must be {@link TwiceDifferentiable} (the cost model
     *                   uses its analytic Hessian, gps.md §4.2) and of the same dimension d
     * @param policy     π_θ, trained in place by the S-steps
     * @param regression the S-step regression over {@code policy}
     */
    public Mdgps(GpsConfig config, List<Condition> conditions, GaussianMlpPolicy policy,
            WeightedPolicyRegression regression) {
        this(config, ConditionSource.of(conditions), policy, regression, new LocalEngine(config.threads()));
    }

    /**
     * The same on the given engine: the per-condition phases run there as units that rebuild their condition from
     * {@code source}.
     */
    public Mdgps(GpsConfig config, ConditionSource source, GaussianMlpPolicy policy,
            WeightedPolicyRegression regression, Engine engine) {
        this.core = new GpsCore(config, source, policy, regression, engine);
    }

    @Override
    public GaussianMlpPolicy policy() {
        return core.policy();
    }

    @Override
    public PriorCheckpoint priorCheckpoint() {
        return core.priorCheckpoint();
    }

    @Override
    public void restorePriors(PriorCheckpoint priors) {
        core.restorePriors(priors);
    }

    /** The training conditions. */
    public List<Condition> conditions() {
        return core.conditions();
    }

    /** One MDGPS iteration (see the class comment) from the given per-condition states. */
    @Override
    public Outcome iterate(int iteration, List<ConditionState> states) {
        core.requireStates(iteration, states);
        GpsConfig config = core.config();
        int count = core.conditionCount();
        PhaseTimer timer = new PhaseTimer();
        List<SampleBatch> batches = timer.time(PhaseTimer.Phase.SAMPLING,
                () -> core.sample(iteration, GpsCore.controllers(states)));
        List<GpsCore.Models> models = timer.time(PhaseTimer.Phase.DYNAMICS, () -> core.fitModels(batches));
        if (iteration == 0) {
            // Pull π_θ onto the initial controllers before it is linearized: otherwise the first C-step would be
            // anchored to a random network (gps.md §3, MDGPS iteration 0).
            timer.run(PhaseTimer.Phase.S_STEP, () -> core.sStep(batches, GpsCore.controllers(states), null));
        }
        List<LinearGaussianController> linearized = timer.time(PhaseTimer.Phase.LINEARIZATION,
                () -> core.linearize(batches, true));
        double[] laplaceCosts = timer.time(PhaseTimer.Phase.LINEARIZATION, () -> laplaceCosts(linearized, models));
        double stepMultiplier = iteration == 0 ? states.get(0).stepMultiplier()
                : timer.time(PhaseTimer.Phase.LINEARIZATION, () -> adaptedStepMultiplier(states, laplaceCosts));

        double[] stepMultipliers = new double[count];
        Arrays.fill(stepMultipliers, stepMultiplier);
        double[] etas = new double[count];
        for (int m = 0; m < count; m++) {
            etas[m] = states.get(m).eta();
        }
        List<TrajectoryOptimizationResult> results = timer.time(PhaseTimer.Phase.C_STEP, () -> core.cStep(models,
                m -> AugmentedCostBuilder.Inputs.mdgps(models.get(m).cost(), linearized.get(m)), stepMultipliers,
                etas));
        timer.run(PhaseTimer.Phase.S_STEP, () -> core.sStep(batches, GpsCore.newControllers(results), null));
        double policyCost = timer.time(PhaseTimer.Phase.EVALUATION, core::evaluatePolicy);

        List<ConditionState> next = new ArrayList<>(count);
        for (int m = 0; m < count; m++) {
            TrajectoryOptimizationResult r = results.get(m);
            GpsCore.Models model = models.get(m);
            double predicted = ExpectedCost.total(r.controller(), model.dynamics(), model.cost());
            next.add(new ConditionState(r.controller(), r.etaForWarmStart(), stepMultiplier,
                    new ConditionState.StepRecord(laplaceCosts[m], predicted), model.dynamics(), model.cost(),
                    linearized.get(m), null));
        }
        return new Outcome(next, core.record(iteration, batches, List.of(results), stepMultiplier, policyCost,
                timer));
    }

    /** cost(π̄_m; dyn_m) under this iteration's cost model, per condition. */
    private double[] laplaceCosts(List<LinearGaussianController> linearized, List<GpsCore.Models> models) {
        List<Double> costs = ParallelMap.map(core.conditionCount(), core.config().threads(),
                m -> ExpectedCost.total(linearized.get(m), models.get(m).dynamics(), models.get(m).cost()));
        return costs.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** MDGPS's shared multiplier: the step rule on the improvements averaged over conditions (gps.md §4.8). */
    private double adaptedStepMultiplier(List<ConditionState> states, double[] laplaceCosts) {
        List<StepSizeRule.Improvement> improvements = new ArrayList<>(states.size());
        for (int m = 0; m < states.size(); m++) {
            ConditionState.StepRecord previous = states.get(m).previous();
            if (previous == null) {
                throw new IllegalStateException("condition " + m + " has no step record from the previous iteration;"
                        + " an iteration > 0 must start from the states the previous iteration returned");
            }
            improvements.add(StepSizeRule.Improvement.of(previous.baselineCost(), previous.predictedCost(),
                    laplaceCosts[m]));
        }
        return core.config().stepSizeRule().nextStepMultiplier(states.get(0).stepMultiplier(),
                StepSizeRule.Improvement.mean(improvements));
    }
}
