package org.l2o4j.gps.algorithm;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.IntFunction;

import org.l2o4j.core.engine.Engine;
import org.l2o4j.core.mdp.KnownTransition;
import org.l2o4j.core.parallel.ParallelMap;
import org.l2o4j.core.problem.TwiceDifferentiable;
import org.l2o4j.core.random.Seeds;
import org.l2o4j.gps.dynamics.DynamicsConfig;
import org.l2o4j.gps.dynamics.DynamicsEstimator;
import org.l2o4j.gps.dynamics.DynamicsFitter;
import org.l2o4j.gps.dynamics.GmmPrior;
import org.l2o4j.gps.dynamics.GmmPriorState;
import org.l2o4j.gps.dynamics.KnownTransitionFitter;
import org.l2o4j.gps.dynamics.NoPrior;
import org.l2o4j.gps.dynamics.PriorProvider;
import org.l2o4j.gps.env.Condition;
import org.l2o4j.gps.env.ConditionSource;
import org.l2o4j.gps.model.LinearGaussianController;
import org.l2o4j.gps.model.LinearGaussianDynamics;
import org.l2o4j.gps.model.QuadraticCost;
import org.l2o4j.gps.policy.PolicyLinearizer;
import org.l2o4j.gps.policy.PolicyLinearizerConfig;
import org.l2o4j.gps.sampling.SampleBatch;
import org.l2o4j.gps.sampling.TrajectorySampler;
import org.l2o4j.gps.trajopt.AugmentedCostBuilder;
import org.l2o4j.gps.trajopt.TrajectoryOptimizationResult;
import org.l2o4j.policy.GaussianMlpPolicy;
import org.l2o4j.policy.WeightedPolicyRegression;

/**
 * The part of a GPS iteration that every {@link CouplingStrategy} shares (gps.md §1 "a single core", about 85 % of
 * the code): sampling the local controllers (§4.1), cost quadraticization and dynamics fits with their priors
 * (§4.2–4.4), linearization of π_θ (§4.9), the KL-constrained C-step (§4.5–4.8) on an {@link AugmentedCostBuilder}
 * the coupling supplies, the precision-weighted S-step (§4.10) on targets with or without BADMM duals, the optional
 * evaluation of π_θ, and the {@link IterationRecord}.
 *
 * <p><b>Parallelism and seeds.</b> Sampling, fitting, linearization and the C-step run per condition as
 * {@link ConditionUnits} on the {@link Engine} (this JVM's threads, or a cluster), one round per phase; each condition
 * draws only from its own streams (rollout noise {@link TrajectorySampler#controllerNoiseSeed}(seed, i, m); GMM
 * initializations {@code Seeds.derive(seed, "gps-dynamics-prior" | "gps-policy-prior", m)}) and the engine returns
 * results in condition order, so results depend neither on the thread count nor on the engine. The restore of the
 * priors runs per condition on {@link GpsConfig#threads()} threads of this JVM; the S-step and the evaluation of π_θ
 * run on the calling thread (gps.md §7), the one global step of an iteration.
 *
 * <p><b>State.</b> The per-condition dynamics priors and policy priors (their GMMs warm-start EM from one iteration
 * to the next; {@link #priorCheckpoint} and {@link #restorePriors} carry them across a resume), the network π_θ and
 * the S-step's Adam state. Not thread-safe: one iteration at a time.
 */
final class GpsCore {

    private final GpsConfig config;
    private final ConditionSource source;
    private final List<Condition> conditions;
    private final Engine engine;
    /** Per condition; replaced by the copy a fit unit returns (on a cluster the updated prior comes back in it). */
    private final List<DynamicsEstimator> fitters;
    /** Per condition; replaced like {@link #fitters}. */
    private final List<PolicyLinearizer> linearizers;
    private final GaussianMlpPolicy policy;
    private final WeightedPolicyRegression regression;
    /** Set by the first iteration's sampling or by a restore: the priors have left their seeded start. */
    private boolean priorsTouched;

    /** The cost model and dynamics of one condition's batch. */
    record Models(QuadraticCost cost, LinearGaussianDynamics dynamics) implements Serializable {
    }

    /** See {@link Mdgps#Mdgps} for the contract of the arguments. */
    GpsCore(GpsConfig config, ConditionSource source, GaussianMlpPolicy policy, WeightedPolicyRegression regression,
            Engine engine) {
        this.config = Objects.requireNonNull(config, "config");
        this.source = Objects.requireNonNull(source, "source");
        this.conditions = List.copyOf(source.conditions());
        this.engine = Objects.requireNonNull(engine, "engine");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.regression = Objects.requireNonNull(regression, "regression");
        if (regression.policy() != policy) {
            throw new IllegalArgumentException("the regression must train the given policy instance");
        }
        if (this.conditions.isEmpty()) {
            throw new IllegalArgumentException("GPS needs at least one condition, got 0");
        }
        int d = this.conditions.get(0).dimension();
        this.fitters = new ArrayList<>(this.conditions.size());
        this.linearizers = new ArrayList<>(this.conditions.size());
        for (int m = 0; m < this.conditions.size(); m++) {
            Condition condition = this.conditions.get(m);
            if (condition.dimension() != d) {
                throw new IllegalArgumentException("every condition must have the dimension of condition 0 (d = " + d
                        + "), but condition " + m + " (" + condition.problem().formula() + ") has d = "
                        + condition.dimension());
            }
            if (!(condition.problem() instanceof TwiceDifferentiable)) {
                throw new IllegalArgumentException("condition " + m + " (" + condition.problem().formula()
                        + ") has no analytic Hessian; the GPS cost model needs a TwiceDifferentiable problem");
            }
            PriorProvider prior = config.dynamicsPrior() == GpsConfig.DynamicsPrior.GMM
                    ? new GmmPrior(config.dynamicsGmm(), Seeds.derive(config.seed(), Mdgps.DYNAMICS_PRIOR_SEED, m))
                    : new NoPrior();
            fitters.add(config.dynamics().structure() == DynamicsConfig.Structure.FULL
                    ? new DynamicsFitter(config.dynamics(), prior)
                    : new KnownTransitionFitter(config.dynamics(), prior, KnownTransition.of(config.preset(), d)));
            linearizers.add(new PolicyLinearizer(config.linearizer(), Seeds.derive(config.seed(),
                    Mdgps.POLICY_PRIOR_SEED, m)));
        }
        int dO = config.preset().observationLayout(d).dimension();
        if (policy.inputDimension() != dO || policy.outputDimension() != d) {
            throw new IllegalArgumentException("dimension mismatch: the policy maps " + policy.inputDimension()
                    + " → " + policy.outputDimension() + " but the " + config.preset().name() + " observation of d = "
                    + d + " has dO = " + dO + " and dU = " + d);
        }
    }

    GpsConfig config() {
        return config;
    }

    GaussianMlpPolicy policy() {
        return policy;
    }

    List<Condition> conditions() {
        return conditions;
    }

    int conditionCount() {
        return conditions.size();
    }

    /** Fails fast on a state list of the wrong length or a negative iteration. */
    void requireStates(int iteration, List<ConditionState> states) {
        if (states.size() != conditions.size()) {
            throw new IllegalArgumentException("need one state per condition, got " + states.size() + " for "
                    + conditions.size() + " conditions");
        }
        if (iteration < 0) {
            throw new IllegalArgumentException("iteration must be ≥ 0, got " + iteration);
        }
    }

    /** See {@link CouplingStrategy#priorCheckpoint}: the priors' states in condition order. */
    PriorCheckpoint priorCheckpoint() {
        List<PriorCheckpoint.ConditionPriors> priors = new ArrayList<>(conditions.size());
        for (int m = 0; m < conditions.size(); m++) {
            GmmPriorState dynamics = fitters.get(m).prior() instanceof GmmPrior gmm ? gmm.state().orElse(null) : null;
            priors.add(new PriorCheckpoint.ConditionPriors(dynamics, linearizers.get(m).priorState().orElse(null)));
        }
        return new PriorCheckpoint(priors);
    }

    /**
     * See {@link CouplingStrategy#restorePriors}. The restores (an M-step each for mixtures stored as
     * responsibilities) run on the configured threads, each touching only its own condition's priors, so the result
     * does not depend on the thread count.
     */
    void restorePriors(PriorCheckpoint priors) {
        if (priorsTouched) {
            throw new IllegalStateException("restorePriors must be called once, on a new coupling, before its first"
                    + " iterate; build a new " + (config.coupling() == GpsConfig.Coupling.MDGPS ? "Mdgps" : "Badmm")
                    + " with the same configuration and conditions and restore that");
        }
        List<PriorCheckpoint.ConditionPriors> states = priors.conditions();
        if (states.size() != conditions.size()) {
            throw new IllegalArgumentException("the prior checkpoint holds " + states.size() + " conditions but this"
                    + " run has " + conditions.size() + "; restore with the conditions it was taken with");
        }
        boolean policyPrior = config.linearizer().prior() != PolicyLinearizerConfig.Prior.NONE;
        for (int m = 0; m < states.size(); m++) {
            if (states.get(m).dynamics() != null && !(fitters.get(m).prior() instanceof GmmPrior)) {
                throw new IllegalArgumentException("condition " + m + " of the prior checkpoint has a dynamics GMM"
                        + " but this run's dynamics prior is " + config.dynamicsPrior() + "; restore with the"
                        + " configuration it was taken with");
            }
            if (states.get(m).policy() != null && !policyPrior) {
                throw new IllegalArgumentException("condition " + m + " of the prior checkpoint has a policy GMM but"
                        + " this run's policy prior is " + config.linearizer().prior() + "; restore with the"
                        + " configuration it was taken with");
            }
        }
        priorsTouched = true;
        ParallelMap.map(conditions.size(), config.threads(), m -> {
            PriorCheckpoint.ConditionPriors state = states.get(m);
            if (state.dynamics() != null) {
                ((GmmPrior) fitters.get(m).prior()).restore(state.dynamics());
            }
            if (state.policy() != null) {
                linearizers.get(m).restorePrior(state.policy());
            }
            return null;
        });
    }

    /** N rollouts of every condition's local controller with iteration {@code iteration}'s noise streams. */
    List<SampleBatch> sample(int iteration, List<LinearGaussianController> controllers) {
        priorsTouched = true;
        if (controllers.size() != conditions.size()) {
            throw new IllegalArgumentException("need one controller per condition, got " + controllers.size()
                    + " controllers for " + conditions.size() + " conditions");
        }
        List<ConditionUnits.Sample> units = new ArrayList<>(conditions.size());
        for (int m = 0; m < conditions.size(); m++) {
            units.add(new ConditionUnits.Sample(source, m, config.preset(), config.horizon(),
                    config.samplesPerCondition(), controllers.get(m),
                    TrajectorySampler.controllerNoiseSeed(config.seed(), iteration, m), config.divergedSampleRedraws()));
        }
        return engine.run("gps sampling", units, done -> { });
    }

    /** Per condition: the cost model, the dynamics prior updated with the batch, and the dynamics fit. */
    List<Models> fitModels(List<SampleBatch> batches) {
        List<ConditionUnits.Fit> units = new ArrayList<>(conditions.size());
        for (int m = 0; m < conditions.size(); m++) {
            units.add(new ConditionUnits.Fit(source, m, config.preset(), config.costScale(),
                    config.costHessian() == GpsConfig.CostHessian.PSD, batches.get(m), fitters.get(m)));
        }
        List<ConditionUnits.Fitted> fitted = engine.run("gps dynamics", units, done -> { });
        List<Models> models = new ArrayList<>(fitted.size());
        for (int m = 0; m < fitted.size(); m++) {
            fitters.set(m, fitted.get(m).fitter());
            models.add(fitted.get(m).models());
        }
        return models;
    }

    /**
     * π̄_m of the network as it is now, per condition; {@code refitPrior} first refits the policy prior on the batch
     * (once per GPS iteration; BADMM's inner re-linearizations keep it, gps.md §3).
     */
    List<LinearGaussianController> linearize(List<SampleBatch> batches, boolean refitPrior) {
        List<ConditionUnits.Linearize> units = new ArrayList<>(conditions.size());
        for (int m = 0; m < conditions.size(); m++) {
            units.add(new ConditionUnits.Linearize(m, batches.get(m), policy, linearizers.get(m), refitPrior));
        }
        List<ConditionUnits.Linearized> results = engine.run("gps linearization", units, done -> { });
        List<LinearGaussianController> linearized = new ArrayList<>(results.size());
        for (int m = 0; m < results.size(); m++) {
            linearizers.set(m, results.get(m).linearizer());
            linearized.add(results.get(m).linearized());
        }
        return linearized;
    }

    /** μ_θ(o) of the current network at every sample of the batch, N × T × dU. */
    double[][][] policyMeans(SampleBatch batch) {
        return PolicyLinearizer.policyMeans(batch, policy);
    }

    /**
     * The C-step of every condition: LQG on the coupling's augmented cost under KL(p_m ‖ anchor) ≤
     * kl_step·stepMult_m·T, the η search warm-started at {@code etas[m]}.
     */
    List<TrajectoryOptimizationResult> cStep(List<Models> models,
            IntFunction<AugmentedCostBuilder.Inputs> augmentedCosts,
            double[] stepMultipliers, double[] etas) {
        List<ConditionUnits.CStep> units = new ArrayList<>(conditions.size());
        for (int m = 0; m < conditions.size(); m++) {
            units.add(new ConditionUnits.CStep(m, models.get(m).dynamics(), augmentedCosts.apply(m),
                    config.etaSearch(), config.klStepPerTimeStep(), stepMultipliers[m], config.horizon(), etas[m]));
        }
        return engine.run("gps C-step", units, done -> { });
    }

    /**
     * The S-step (gps.md §4.10): one row per condition, sample and time step, with the observation o_t, the target
     * precision Σ_t⁻¹ of that condition's controller, and either (MDGPS, {@code duals} null) the target mean
     * K_t s_t + k_t with weight 1, or (BADMM) the target {@link BadmmDuals#policyTarget} with weight ν_t (§4.11).
     */
    void sStep(List<SampleBatch> batches, List<LinearGaussianController> controllers, List<BadmmDuals> duals) {
        int dO = policy.inputDimension();
        int dU = policy.outputDimension();
        int rows = 0;
        for (SampleBatch b : batches) {
            rows += b.sampleCount() * b.horizon();
        }
        double[] observations = new double[rows * dO];
        double[] means = new double[rows * dU];
        double[] precisions = new double[rows * dU * dU];
        double[] weights = new double[rows];
        int row = 0;
        for (int m = 0; m < batches.size(); m++) {
            SampleBatch batch = batches.get(m);
            LinearGaussianController controller = controllers.get(m);
            BadmmDuals dual = duals == null ? null : duals.get(m);
            double[] policyWeights = dual == null ? null : dual.policyWeights();
            for (int n = 0; n < batch.sampleCount(); n++) {
                for (int t = 0; t < batch.horizon(); t++) {
                    double[] state = batch.states()[n][t];
                    System.arraycopy(batch.observations()[n][t], 0, observations, row * dO, dO);
                    double[] target = dual == null ? controller.meanAction(state, t)
                            : dual.policyTarget(controller, state, t);
                    System.arraycopy(target, 0, means, row * dU, dU);
                    System.arraycopy(controller.precision(t), 0, precisions, row * dU * dU, dU * dU);
                    weights[row] = dual == null ? 1.0 : policyWeights[t];
                    row++;
                }
            }
        }
        regression.fit(observations, means, precisions, weights, rows);
    }

    /** The mean-action cost of π_θ on the training conditions; NaN when {@link GpsConfig#evaluatePolicy()} is off. */
    double evaluatePolicy() {
        return config.evaluatePolicy()
                ? PolicyEvaluation.meanCost(policy, config.preset(), conditions, config.horizon())
                : Double.NaN;
    }

    /**
     * The iteration's record: KL, η and unconverged searches of the last C-step round, η bumps summed over all
     * rounds (BADMM runs one per inner iteration).
     *
     * @param stepMultiplier the shared stepMult (MDGPS) or the mean of the conditions' (BADMM)
     */
    IterationRecord record(int iteration, List<SampleBatch> batches, List<List<TrajectoryOptimizationResult>> rounds,
            double stepMultiplier, double policyCost, PhaseTimer timer) {
        int count = conditions.size();
        List<TrajectoryOptimizationResult> last = rounds.get(rounds.size() - 1);
        double sampleCost = 0;
        double kl = 0;
        double eta = 0;
        int unconverged = 0;
        int redrawn = 0;
        for (int m = 0; m < count; m++) {
            TrajectoryOptimizationResult r = last.get(m);
            sampleCost += batches.get(m).meanTotalCost();
            redrawn += batches.get(m).redrawn();
            kl += r.klNats();
            eta += r.eta();
            unconverged += r.converged() ? 0 : 1;
        }
        int bumps = 0;
        for (List<TrajectoryOptimizationResult> round : rounds) {
            for (TrajectoryOptimizationResult r : round) {
                bumps += r.etaBumps();
            }
        }
        return new IterationRecord(iteration, sampleCost / count, policyCost, kl / count, eta / count,
                stepMultiplier, bumps, unconverged, redrawn, timer.seconds());
    }

    static List<LinearGaussianController> controllers(List<ConditionState> states) {
        List<LinearGaussianController> list = new ArrayList<>(states.size());
        for (ConditionState s : states) {
            list.add(s.controller());
        }
        return list;
    }

    static List<LinearGaussianController> newControllers(List<TrajectoryOptimizationResult> results) {
        List<LinearGaussianController> list = new ArrayList<>(results.size());
        for (TrajectoryOptimizationResult r : results) {
            list.add(r.controller());
        }
        return list;
    }
}
