package org.l2o4j.gps.algorithm;

import java.util.ArrayList;
import java.util.List;

import org.l2o4j.core.engine.Engine;
import org.l2o4j.core.engine.LocalEngine;
import org.l2o4j.core.parallel.ParallelMap;
import org.l2o4j.gps.env.Condition;
import org.l2o4j.gps.env.ConditionSource;
import org.l2o4j.gps.model.LinearGaussianController;
import org.l2o4j.gps.model.LinearGaussianDynamics;
import org.l2o4j.gps.model.Marginals;
import org.l2o4j.gps.model.QuadraticCost;
import org.l2o4j.gps.sampling.SampleBatch;
import org.l2o4j.gps.trajopt.AugmentedCostBuilder;
import org.l2o4j.gps.trajopt.ExpectedCost;
import org.l2o4j.gps.trajopt.ForwardPass;
import org.l2o4j.gps.trajopt.KlDivergence;
import org.l2o4j.gps.trajopt.StepSizeRule;
import org.l2o4j.gps.trajopt.TrajectoryOptimizationResult;
import org.l2o4j.policy.GaussianMlpPolicy;
import org.l2o4j.policy.WeightedPolicyRegression;

/**
 * The Bregman-ADMM GPS iteration that Li &amp; Malik ran (Levine, Finn, Darrell &amp; Abbeel, JMLR 2016, §4 and
 * App. A; gps.md §1, §3 "BADMM iteration", §4.11), over the L2O conditions of gps.md §2:
 * <pre>
 *   for m: D_m ← N rollouts of p_m                                   sampling (§4.1)
 *   for m: costModel_m ← quadraticize(D_m); update prior; dyn_m ← fit(D_m)    (§4.2–4.4)
 *   for m: update policy prior; π̄_m ← linearize(π_θ, D_m)           (§4.9)
 *   if i &gt; 0: for m: stepMult_m ← rule(pred_m, actual_m)          one multiplier per condition (§4.8)
 *   anchor_m ← p_m                                                  fixed during the inner loop
 *   for j = 0 … J−1:
 *     if i &gt; 0 or j &gt; 0:
 *       S-step: regress π_θ onto {o, K_t s + k_t − ν_t Σ_t(λK_t s + λk_t), Σ_t⁻¹} with weights ν_t   (§4.10–4.11)
 *       for m: π̄_m ← linearize(π_θ, D_m) (prior kept)
 *       for m: dual step on λk_t (and λK_t); on j = J−1 also ν_t ← rule(KL_t(p_m ‖ π_θ))          (§4.11)
 *     for m: p_m ← LQG with anchor_m, ν_t·A[π̄_m], −λ in the cost, KL(p_m ‖ anchor_m) ≤ kl_step·stepMult_m·T
 * </pre>
 * The S-step and the dual step of inner round j use the newest p_m (round j − 1's C-step; at j = 0 the controller
 * that sampled D_m), and η warm-starts each inner C-step from the previous one.
 *
 * <p><b>Step-size rule</b> (gps.md §4.8, BADMM row): the local-only rule with every Laplace cost augmented by
 * Σ_t ν_t·KL_t(p ‖ π̄) ({@link StepSizeRule.Improvement#policyAugmentedCost}), per condition. Iteration i leaves
 * baseline = aug(p_i; dyn_i, π̄_i) and predicted = aug(p_{i+1}; dyn_i, π̄_i) in {@link ConditionState.StepRecord},
 * with π̄_i the last inner linearization and ν the weights after the update; iteration i + 1 measures
 * actual = aug(p_{i+1}; dyn_{i+1}, π̄_{i+1}) with its fresh linearization and the same ν.
 *
 * <p>Sampling, fits, linearization, the C-step and the S-step are {@code GpsCore}'s, shared with {@link Mdgps}
 * (parallelism, seeds and state are described there). The duals live in each {@link ConditionState}
 * ({@link BadmmDuals}), so they are checkpointed with it. Not thread-safe: one iteration at a time.
 */
public final class Badmm implements CouplingStrategy {

    private final GpsCore core;

    /**
     * @param config     the settings; {@link GpsConfig#badmm()} holds the BADMM ones
     * @param conditions the training conditions (problems with an analytic Hessian, all of one dimension d)
     * @param policy     π_θ, trained in place by the S-steps
     * @param regression the S-step regression over {@code policy}
     */
    public Badmm(GpsConfig config, List<Condition> conditions, GaussianMlpPolicy policy,
            WeightedPolicyRegression regression) {
        this(config, ConditionSource.of(conditions), policy, regression, new LocalEngine(config.threads()));
    }

    /**
     * The same on the given engine: the per-condition phases run there as units that rebuild their condition from
     * {@code source}.
     */
    public Badmm(GpsConfig config, ConditionSource source, GaussianMlpPolicy policy,
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

    /** One BADMM iteration (see the class comment) from the given per-condition states. */
    @Override
    public Outcome iterate(int iteration, List<ConditionState> states) {
        core.requireStates(iteration, states);
        GpsConfig config = core.config();
        BadmmConfig badmm = config.badmm();
        int count = core.conditionCount();
        List<BadmmDuals> duals = initialDuals(iteration, states);
        List<LinearGaussianController> anchors = GpsCore.controllers(states);

        PhaseTimer timer = new PhaseTimer();
        List<SampleBatch> batches = timer.time(PhaseTimer.Phase.SAMPLING, () -> core.sample(iteration, anchors));
        List<GpsCore.Models> models = timer.time(PhaseTimer.Phase.DYNAMICS, () -> core.fitModels(batches));
        List<LinearGaussianController> linearized = timer.time(PhaseTimer.Phase.LINEARIZATION,
                () -> core.linearize(batches, true));
        double[] stepMultipliers = new double[count];
        double[] etas = new double[count];
        for (int m = 0; m < count; m++) {
            ConditionState state = states.get(m);
            stepMultipliers[m] = state.stepMultiplier();
            etas[m] = state.eta();
        }
        if (iteration > 0) {
            List<LinearGaussianController> current = linearized;
            List<BadmmDuals> weights = duals;
            List<Double> adapted = timer.time(PhaseTimer.Phase.LINEARIZATION, () -> ParallelMap.map(count,
                    config.threads(), m -> adaptedStepMultiplier(m, states.get(m), models.get(m), current.get(m),
                            weights.get(m))));
            for (int m = 0; m < count; m++) {
                stepMultipliers[m] = adapted.get(m);
            }
        }

        List<LinearGaussianController> newest = anchors;
        List<List<TrajectoryOptimizationResult>> rounds = new ArrayList<>(badmm.innerIterations());
        for (int j = 0; j < badmm.innerIterations(); j++) {
            if (iteration > 0 || j > 0) {
                List<LinearGaussianController> targets = newest;
                List<BadmmDuals> before = duals;
                timer.run(PhaseTimer.Phase.S_STEP, () -> core.sStep(batches, targets, before));
                linearized = timer.time(PhaseTimer.Phase.LINEARIZATION, () -> core.linearize(batches, false));
                List<LinearGaussianController> relinearized = linearized;
                boolean lastRound = j == badmm.innerIterations() - 1;
                duals = timer.time(PhaseTimer.Phase.LINEARIZATION, () -> dualStep(batches, targets, relinearized,
                        before, lastRound));
            }
            List<LinearGaussianController> anchoredTo = linearized;
            List<BadmmDuals> inCost = duals;
            List<TrajectoryOptimizationResult> results = timer.time(PhaseTimer.Phase.C_STEP, () -> core.cStep(models,
                    m -> AugmentedCostBuilder.Inputs.badmm(models.get(m).cost(), anchors.get(m), anchoredTo.get(m),
                            inCost.get(m).policyWeights(), inCost.get(m).dualGains(), inCost.get(m).dualOffsets()),
                    stepMultipliers, etas));
            rounds.add(results);
            newest = GpsCore.newControllers(results);
            for (int m = 0; m < count; m++) {
                etas[m] = results.get(m).etaForWarmStart();
            }
        }
        double policyCost = timer.time(PhaseTimer.Phase.EVALUATION, core::evaluatePolicy);

        List<ConditionState> next = new ArrayList<>(count);
        double stepMultiplierSum = 0;
        for (int m = 0; m < count; m++) {
            GpsCore.Models model = models.get(m);
            LinearGaussianController controller = newest.get(m);
            double[] nu = duals.get(m).policyWeights();
            ConditionState.StepRecord record = new ConditionState.StepRecord(
                    augmentedCost(anchors.get(m), model.dynamics(), model.cost(), linearized.get(m), nu),
                    augmentedCost(controller, model.dynamics(), model.cost(), linearized.get(m), nu));
            next.add(new ConditionState(controller, etas[m], stepMultipliers[m], record, model.dynamics(),
                    model.cost(), linearized.get(m), duals.get(m)));
            stepMultiplierSum += stepMultipliers[m];
        }
        return new Outcome(next, core.record(iteration, batches, rounds, stepMultiplierSum / count, policyCost,
                timer));
    }

    /** The states' duals, or fresh ones at iteration 0 (gps.md §4.11: ν_t = ν_0, λ = 0). */
    private List<BadmmDuals> initialDuals(int iteration, List<ConditionState> states) {
        List<BadmmDuals> duals = new ArrayList<>(states.size());
        for (int m = 0; m < states.size(); m++) {
            ConditionState state = states.get(m);
            if (state.duals() != null) {
                duals.add(state.duals());
            } else if (iteration == 0) {
                LinearGaussianController p = state.controller();
                duals.add(BadmmDuals.initial(p.horizon(), p.stateDimension(), p.actionDimension(),
                        core.config().badmm().initialPolicyWeight()));
            } else {
                throw new IllegalStateException("condition " + m + " has no BADMM duals (ν, λ) at iteration "
                        + iteration + "; an iteration > 0 must start from the states the previous BADMM iteration"
                        + " returned (an MDGPS checkpoint cannot be resumed with BADMM)");
            }
        }
        return duals;
    }

    /** The BADMM step rule for one condition (gps.md §4.8): local-only costs augmented by Σ_t ν_t·KL_t(p ‖ π̄). */
    private double adaptedStepMultiplier(int m, ConditionState state, GpsCore.Models models,
            LinearGaussianController linearized, BadmmDuals duals) {
        double actual = augmentedCost(state.controller(), models.dynamics(), models.cost(), linearized,
                duals.policyWeights());
        return nextStepMultiplier(core.config().stepSizeRule(), m, state, actual);
    }

    /**
     * Condition m's next stepMult from its own step record and the augmented cost its current controller (the one
     * that sampled this iteration) actually has under this iteration's dynamics and π̄: the rule of gps.md §4.8 with
     * predicted = baseline − predicted cost and actual = baseline − {@code actualAugmentedCost}, never averaged over
     * conditions.
     *
     * @throws IllegalStateException if the state carries no step record
     */
    static double nextStepMultiplier(StepSizeRule rule, int m, ConditionState state, double actualAugmentedCost) {
        ConditionState.StepRecord previous = state.previous();
        if (previous == null) {
            throw new IllegalStateException("condition " + m + " has no step record from the previous iteration;"
                    + " an iteration > 0 must start from the states the previous iteration returned");
        }
        return rule.nextStepMultiplier(state.stepMultiplier(),
                StepSizeRule.Improvement.of(previous.baselineCost(), previous.predictedCost(), actualAugmentedCost));
    }

    /** Σ_t [E c_t + ν_t·KL_t(p ‖ π̄)], both under p's Laplace marginals for these dynamics (gps.md §4.5, §4.8). */
    static double augmentedCost(LinearGaussianController p, LinearGaussianDynamics dynamics, QuadraticCost cost,
            LinearGaussianController linearized, double[] policyWeights) {
        Marginals marginals = ForwardPass.marginals(p, dynamics);
        return StepSizeRule.Improvement.policyAugmentedCost(ExpectedCost.perStep(marginals, cost), policyWeights,
                KlDivergence.perStep(p, marginals, linearized));
    }

    /** Per condition: the dual step on λ, and on the last inner round the ν update (gps.md §4.11). */
    private List<BadmmDuals> dualStep(List<SampleBatch> batches, List<LinearGaussianController> controllers,
            List<LinearGaussianController> linearized, List<BadmmDuals> duals, boolean updateWeights) {
        BadmmConfig badmm = core.config().badmm();
        double[] variance = core.policy().variance();
        return ParallelMap.map(core.conditionCount(), core.config().threads(), m -> {
            SampleBatch batch = batches.get(m);
            double[][][] means = core.policyMeans(batch);
            BadmmDuals stepped = duals.get(m).afterDualStep(controllers.get(m), batch.states(), means,
                    linearized.get(m), badmm.dualRate(), badmm.dualGainRate());
            return updateWeights
                    ? stepped.withPolicyWeights(badmm.policyWeightRule(),
                            klToPolicyPerStep(controllers.get(m), batch.states(), means, variance))
                    : stepped;
        });
    }

    /**
     * KL_t(p ‖ π_θ) estimated at the sampled states (gps.md §4.11): the mean over samples i of
     * ½[tr(P_π Σ_t) − dU + ln|Σ_π| − ln|Σ_t| + (μ_θ(o_i) − μ_p(s_i))ᵀ P_π (μ_θ(o_i) − μ_p(s_i))], with
     * Σ_π = diag σ², P_π = Σ_π⁻¹ and Σ_t the covariance of p; clamped at 0 like every KL here.
     *
     * @param p              the local controller
     * @param states         sampled states, N × T × dX
     * @param policyMeans    μ_θ(o) at the same samples, N × T × dU
     * @param policyVariance σ², dU entries, each positive
     */
    public static double[] klToPolicyPerStep(LinearGaussianController p, double[][][] states,
            double[][][] policyMeans, double[] policyVariance) {
        int dU = p.actionDimension();
        int samples = states.length;
        double logDetPolicy = 0;
        for (int a = 0; a < dU; a++) {
            if (!(policyVariance[a] > 0) || !Double.isFinite(policyVariance[a])) {
                throw new IllegalArgumentException("policy variance entry " + a + " must be positive and finite, got "
                        + policyVariance[a]);
            }
            logDetPolicy += Math.log(policyVariance[a]);
        }
        double[] kl = new double[p.horizon()];
        for (int t = 0; t < p.horizon(); t++) {
            double[] covariance = p.covariance(t);
            double trace = 0;
            for (int a = 0; a < dU; a++) {
                trace += covariance[a * dU + a] / policyVariance[a];
            }
            double logDetLocal = p.logDeterminantCovariance(t);
            double meanTerm = 0;
            for (int n = 0; n < samples; n++) {
                double[] mean = p.meanAction(states[n][t], t);
                for (int a = 0; a < dU; a++) {
                    double gap = policyMeans[n][t][a] - mean[a];
                    meanTerm += gap * gap / policyVariance[a] / samples;
                }
            }
            kl[t] = Math.max(0, 0.5 * (trace - dU + logDetPolicy - logDetLocal + meanTerm));
        }
        return kl;
    }
}
