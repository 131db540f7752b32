package org.l2o4j.gps.algorithm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.l2o4j.core.problem.TwiceDifferentiable;
import org.l2o4j.core.random.Seeds;
import org.l2o4j.core.rollout.DivergenceRule;
import org.l2o4j.gps.cost.CostQuadraticizer;
import org.l2o4j.gps.cost.ObjectiveValueCost;
import org.l2o4j.gps.dynamics.DynamicsFitter;
import org.l2o4j.gps.dynamics.GmmPrior;
import org.l2o4j.gps.dynamics.NoPrior;
import org.l2o4j.gps.dynamics.PriorProvider;
import org.l2o4j.gps.env.Condition;
import org.l2o4j.gps.env.L2oEnvironment;
import org.l2o4j.gps.model.LinearGaussianController;
import org.l2o4j.gps.model.LinearGaussianDynamics;
import org.l2o4j.gps.model.QuadraticCost;
import org.l2o4j.gps.policy.MlpPolicyView;
import org.l2o4j.gps.policy.PolicyLinearizer;
import org.l2o4j.gps.sampling.ParallelConditions;
import org.l2o4j.gps.sampling.SampleBatch;
import org.l2o4j.gps.sampling.TrajectorySampler;
import org.l2o4j.gps.trajopt.AugmentedCostBuilder;
import org.l2o4j.gps.trajopt.ExpectedCost;
import org.l2o4j.gps.trajopt.LqgKlTrajectoryOptimizer;
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
 * <p><b>Parallelism and seeds.</b> Sampling, fitting, linearization and the C-step run per condition on
 * {@link GpsConfig#threads()} threads; each condition draws only from its own streams (rollout noise
 * {@link TrajectorySampler#controllerNoiseSeed}(seed, i, m); GMM initializations
 * {@code Seeds.derive(seed, "gps-dynamics-prior" | "gps-policy-prior", m)}), so results do not depend on the thread
 * count. The S-step runs on the calling thread (gps.md §7), as does the evaluation of π_θ.
 *
 * <p><b>State.</b> Besides the {@link ConditionState}s the caller passes in and gets back, an instance keeps the
 * per-condition dynamics priors and policy priors (their GMMs warm-start EM from one iteration to the next), the
 * network π_θ and the S-step's Adam state. Not thread-safe: one iteration at a time.
 */
public final class Mdgps {

    /** The {@link Seeds#derive} label of condition m's dynamics-prior GMM initializations. */
    public static final String DYNAMICS_PRIOR_SEED = "gps-dynamics-prior";
    /** The {@link Seeds#derive} label of condition m's policy-prior GMM initializations. */
    public static final String POLICY_PRIOR_SEED = "gps-policy-prior";

    private final GpsConfig config;
    private final List<Condition> conditions;
    private final List<ObjectiveValueCost> costs;
    private final TrajectorySampler sampler;
    private final LqgKlTrajectoryOptimizer optimizer;
    private final List<DynamicsFitter> fitters;
    private final List<PolicyLinearizer> linearizers;
    private final GaussianMlpPolicy policy;
    private final MlpPolicyView view;
    private final WeightedPolicyRegression regression;

    /** What one iteration returns: the new per-condition states and the record for the listener. */
    public record Outcome(List<ConditionState> states, IterationRecord record) {

        public Outcome {
            states = List.copyOf(states);
        }
    }

    /**
     * @param config     the settings
     * @param conditions the training conditions; every problem must be {@link TwiceDifferentiable} (the cost model
     *                   uses its analytic Hessian, gps.md §4.2) and of the same dimension d
     * @param policy     π_θ, trained in place by the S-steps
     * @param regression the S-step regression over {@code policy}
     */
    public Mdgps(GpsConfig config, List<Condition> conditions, GaussianMlpPolicy policy,
            WeightedPolicyRegression regression) {
        this.config = Objects.requireNonNull(config, "config");
        this.conditions = List.copyOf(conditions);
        this.policy = Objects.requireNonNull(policy, "policy");
        this.regression = Objects.requireNonNull(regression, "regression");
        if (regression.policy() != policy) {
            throw new IllegalArgumentException("the regression must train the given policy instance");
        }
        if (this.conditions.isEmpty()) {
            throw new IllegalArgumentException("GPS needs at least one condition, got 0");
        }
        int d = this.conditions.get(0).dimension();
        this.costs = new ArrayList<>(this.conditions.size());
        this.fitters = new ArrayList<>(this.conditions.size());
        this.linearizers = new ArrayList<>(this.conditions.size());
        for (int m = 0; m < this.conditions.size(); m++) {
            Condition condition = this.conditions.get(m);
            if (condition.dimension() != d) {
                throw new IllegalArgumentException("every condition must have the dimension of condition 0 (d = " + d
                        + "), but condition " + m + " (" + condition.problem().formula() + ") has d = "
                        + condition.dimension());
            }
            if (!(condition.problem() instanceof TwiceDifferentiable objective)) {
                throw new IllegalArgumentException("condition " + m + " (" + condition.problem().formula()
                        + ") has no analytic Hessian; the GPS cost model needs a TwiceDifferentiable problem");
            }
            costs.add(L2oEnvironment.objectiveValueCost(config.preset(), objective, config.costScale()));
            PriorProvider prior = config.dynamicsPrior() == GpsConfig.DynamicsPrior.GMM
                    ? new GmmPrior(config.dynamicsGmm(), Seeds.derive(config.seed(), DYNAMICS_PRIOR_SEED, m))
                    : new NoPrior();
            fitters.add(new DynamicsFitter(config.dynamics(), prior));
            linearizers.add(new PolicyLinearizer(config.linearizer(), Seeds.derive(config.seed(), POLICY_PRIOR_SEED,
                    m)));
        }
        int dO = config.preset().observationLayout(d).dimension();
        if (policy.inputDimension() != dO || policy.outputDimension() != d) {
            throw new IllegalArgumentException("dimension mismatch: the policy maps " + policy.inputDimension()
                    + " → " + policy.outputDimension() + " but the " + config.preset().name() + " observation of d = "
                    + d + " has dO = " + dO + " and dU = " + d);
        }
        this.view = new MlpPolicyView(policy);
        this.sampler = new TrajectorySampler(config.preset(), config.horizon(), DivergenceRule.DEFAULT,
                config.threads());
        this.optimizer = new LqgKlTrajectoryOptimizer(config.etaSearch());
    }

    /** The global policy π_θ (trained in place). */
    public GaussianMlpPolicy policy() {
        return policy;
    }

    /** The training conditions. */
    public List<Condition> conditions() {
        return conditions;
    }

    /** One MDGPS iteration (see the class comment) from the given per-condition states. */
    public Outcome iterate(int iteration, List<ConditionState> states) {
        int count = conditions.size();
        if (states.size() != count) {
            throw new IllegalArgumentException("need one state per condition, got " + states.size() + " for "
                    + count + " conditions");
        }
        if (iteration < 0) {
            throw new IllegalArgumentException("iteration must be ≥ 0, got " + iteration);
        }
        int threads = config.threads();
        long start = System.nanoTime();
        List<SampleBatch> batches = ParallelConditions.map(count, threads, m -> sampler.sample(conditions.get(m),
                states.get(m).controller(), config.samplesPerCondition(),
                TrajectorySampler.controllerNoiseSeed(config.seed(), iteration, m)));
        long sampled = System.nanoTime();

        List<Models> models = ParallelConditions.map(count, threads, m -> fitModels(m, batches.get(m)));
        long fitted = System.nanoTime();

        double sStepNanos = 0;
        if (iteration == 0) {
            // Pull π_θ onto the initial controllers before it is linearized: otherwise the first C-step would be
            // anchored to a random network (gps.md §3, MDGPS iteration 0).
            long before = System.nanoTime();
            sStep(batches, controllers(states));
            sStepNanos += System.nanoTime() - before;
        }
        long linearizeStart = System.nanoTime();
        List<Linearization> linearizations = ParallelConditions.map(count, threads, m -> linearize(m,
                batches.get(m), models.get(m)));
        double stepMultiplier = states.get(0).stepMultiplier();
        if (iteration > 0) {
            stepMultiplier = adaptedStepMultiplier(states, linearizations);
        }
        long linearized = System.nanoTime();

        double sharedStepMultiplier = stepMultiplier;
        List<TrajectoryOptimizationResult> results = ParallelConditions.map(count, threads, m -> optimizer.optimize(
                models.get(m).dynamics(), AugmentedCostBuilder.mdgps(models.get(m).cost(),
                        linearizations.get(m).policy()),
                StepSizeRule.klBudgetNats(config.klStepPerTimeStep(), sharedStepMultiplier, config.horizon()),
                states.get(m).eta()));
        long optimized = System.nanoTime();

        List<LinearGaussianController> updated = new ArrayList<>(count);
        for (TrajectoryOptimizationResult r : results) {
            updated.add(r.controller());
        }
        long sStepStart = System.nanoTime();
        sStep(batches, updated);
        sStepNanos += System.nanoTime() - sStepStart;

        long evaluationStart = System.nanoTime();
        double policyCost = config.evaluatePolicy()
                ? PolicyEvaluation.meanCost(policy, config.preset(), conditions, config.horizon())
                : Double.NaN;
        long evaluated = System.nanoTime();

        List<ConditionState> next = new ArrayList<>(count);
        double sampleCost = 0;
        double kl = 0;
        double eta = 0;
        int bumps = 0;
        int unconverged = 0;
        for (int m = 0; m < count; m++) {
            TrajectoryOptimizationResult r = results.get(m);
            Models model = models.get(m);
            double predicted = sum(ExpectedCost.perStep(r.marginals(), model.cost()));
            next.add(new ConditionState(r.controller(), r.etaForWarmStart(), sharedStepMultiplier,
                    new ConditionState.StepRecord(linearizations.get(m).laplaceCost(), predicted), model.dynamics(),
                    model.cost(), linearizations.get(m).policy()));
            sampleCost += batches.get(m).meanTotalCost();
            kl += r.klNats();
            eta += r.eta();
            bumps += r.etaBumps();
            unconverged += r.converged() ? 0 : 1;
        }
        IterationRecord.PhaseSeconds seconds = new IterationRecord.PhaseSeconds(seconds(start, sampled),
                seconds(sampled, fitted), seconds(linearizeStart, linearized), seconds(linearized, optimized),
                sStepNanos * 1e-9, seconds(evaluationStart, evaluated));
        return new Outcome(next, new IterationRecord(iteration, sampleCost / count, policyCost, kl / count,
                eta / count, sharedStepMultiplier, bumps, unconverged, seconds));
    }

    /** The cost model and dynamics of one condition's batch. */
    private record Models(QuadraticCost cost, LinearGaussianDynamics dynamics) {
    }

    /** π̄_m and its Laplace cost under this iteration's dynamics and cost model. */
    private record Linearization(LinearGaussianController policy, double laplaceCost) {
    }

    private Models fitModels(int m, SampleBatch batch) {
        List<double[][]> states = List.of(batch.states());
        List<double[][]> actions = List.of(batch.actions());
        QuadraticCost cost = CostQuadraticizer.quadraticize(costs.get(m), states, actions);
        DynamicsFitter fitter = fitters.get(m);
        fitter.updatePrior(batch.states(), batch.actions());
        LinearGaussianDynamics dynamics = fitter.fit(batch.states(), batch.actions()).toLinearGaussianDynamics();
        return new Models(cost, dynamics);
    }

    private Linearization linearize(int m, SampleBatch batch, Models models) {
        PolicyLinearizer linearizer = linearizers.get(m);
        linearizer.updatePrior(batch, view);
        LinearGaussianController linearized = linearizer.linearize(batch, view);
        return new Linearization(linearized, ExpectedCost.total(linearized, models.dynamics(), models.cost()));
    }

    /** MDGPS's shared multiplier: the step rule on the improvements averaged over conditions (gps.md §4.8). */
    private double adaptedStepMultiplier(List<ConditionState> states, List<Linearization> linearizations) {
        List<StepSizeRule.Improvement> improvements = new ArrayList<>(states.size());
        for (int m = 0; m < states.size(); m++) {
            ConditionState.StepRecord previous = states.get(m).previous();
            if (previous == null) {
                throw new IllegalStateException("condition " + m + " has no step record from the previous iteration;"
                        + " an iteration > 0 must start from the states the previous iteration returned");
            }
            improvements.add(StepSizeRule.Improvement.of(previous.baselineCost(), previous.predictedCost(),
                    linearizations.get(m).laplaceCost()));
        }
        return config.stepSizeRule().nextStepMultiplier(states.get(0).stepMultiplier(),
                StepSizeRule.Improvement.mean(improvements));
    }

    /**
     * The S-step (gps.md §4.10): one row per condition, sample and time step, with the observation o_t, the target
     * mean K_t s_t + k_t and the target precision Σ_t⁻¹ of that condition's controller, and weight 1 (MDGPS).
     */
    private void sStep(List<SampleBatch> batches, List<LinearGaussianController> controllers) {
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
        Arrays.fill(weights, 1.0);
        int row = 0;
        for (int m = 0; m < batches.size(); m++) {
            SampleBatch batch = batches.get(m);
            LinearGaussianController controller = controllers.get(m);
            for (int n = 0; n < batch.sampleCount(); n++) {
                for (int t = 0; t < batch.horizon(); t++) {
                    System.arraycopy(batch.observations()[n][t], 0, observations, row * dO, dO);
                    System.arraycopy(controller.meanAction(batch.states()[n][t], t), 0, means, row * dU, dU);
                    System.arraycopy(controller.precision(t), 0, precisions, row * dU * dU, dU * dU);
                    row++;
                }
            }
        }
        regression.fit(observations, means, precisions, weights, rows);
    }

    private static List<LinearGaussianController> controllers(List<ConditionState> states) {
        List<LinearGaussianController> list = new ArrayList<>(states.size());
        for (ConditionState s : states) {
            list.add(s.controller());
        }
        return list;
    }

    private static double sum(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }

    private static double seconds(long from, long to) {
        return (to - from) * 1e-9;
    }
}
