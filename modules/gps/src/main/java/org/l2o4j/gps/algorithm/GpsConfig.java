package org.l2o4j.gps.algorithm;

import java.util.Objects;

import org.l2o4j.core.config.Checks;
import org.l2o4j.core.config.ConfigException;
import org.l2o4j.core.mdp.FeaturePreset;
import org.l2o4j.gps.dynamics.DynamicsConfig;
import org.l2o4j.gps.dynamics.GmmPriorConfig;
import org.l2o4j.gps.init.MomentumGridInitializer;
import org.l2o4j.gps.policy.PolicyLinearizerConfig;
import org.l2o4j.gps.trajopt.EtaSearchSettings;
import org.l2o4j.gps.trajopt.StepSizeRule;
import org.l2o4j.policy.HiddenActivation;
import org.l2o4j.policy.MlpArchitecture;
import org.l2o4j.policy.PolicyRegressionConfig;

/**
 * Every setting of a {@link GuidedPolicySearch} run (gps.md §3, §6). {@link #liMalik()} holds
 * the "Li &amp; Malik released config" column of gps.md §6 (with the paper's softplus network, papers.md §1.3);
 * {@link #builder} changes single fields, and {@link #tiny()} is a seconds-long budget for tests. The whole record is
 * written into every checkpoint, and a resume refuses a different one.
 *
 * @param iterations            GPS iterations I (Li: 100, "100 for testing" in the released config)
 * @param samplesPerCondition   N, rollouts of each local controller per iteration (Li: 20); ≥ 2 for the fits
 * @param horizon               T, time steps per trajectory (Li: 40)
 * @param klStepPerTimeStep     {@code kl_step}, the per-time-step KL budget; ε = kl_step·stepMult·T nats
 *                              (Li: 0.2; gps.md §4.8, §5 item 6)
 * @param stepSizeRule          the ε adaptation clamps: per iteration [0.1, 5], stepMult in [0.01, 10] (Li)
 * @param initialEta            η of each condition's first η search (1)
 * @param etaSearch             the η search: ηmin 1e-4, ηmax 1e16, 50 backward passes, 10 % tolerance, δ 1e-4 (Li)
 * @param dynamics              dynamics ridge 1e-3 and x0 variance floor 1e-6 (Li; gps.md §4.3)
 * @param dynamicsPrior         where the dynamics fit's NIW prior comes from ({@link DynamicsPrior#GMM}, Li)
 * @param dynamicsGmm           the per-condition dynamics GMM: 20 clusters, 20 points per cluster, 20 trajectories,
 *                              strength 1 (Li; gps.md §4.4); unused with {@link DynamicsPrior#NONE}
 * @param linearizer            the policy linearization: mode {@code replace}, the same GMM values, ridge 1e-3 (Li;
 *                              gps.md §4.9)
 * @param regression            the S-step: Adam 1e-4, batch 25, 20 000 steps, L2 0.005 (Li; gps.md §4.10). Its own
 *                              {@code seed} field is not used: the trainer derives the shuffle seed from {@link #seed}
 * @param hiddenUnits           width of the policy's hidden layer (Li: 50); 0 for a linear policy
 * @param activation            the hidden units (paper: softplus, L2O4J's default; released code: ReLU)
 * @param preset                the state features (released code: {@code released-code}, H = 25, dX = 233 for d = 4)
 * @param costScale             c(s_t) = costScale·f(x_t); 1 (Li's code uses weight·dU = 4, gps.md §4.2, §5 item 13)
 * @param initialController     the local controllers of iteration 0 (Li: the momentum grid, gps.md §4.12)
 * @param initialActionVariance Σ_t = σ²·I of the initial controllers (Li: 0.01)
 * @param evaluatePolicy        whether each iteration also rolls out π_θ's mean action on the training conditions,
 *                              for the {@link IterationRecord} only (gps.md §3 "optional")
 * @param threads               threads for the per-condition work (sampling, fits, linearization, C-step); the
 *                              S-step always runs on one thread. Results do not depend on it
 * @param seed                  the root of every random stream: rollout noise, GMM initializations, network
 *                              initialization and S-step shuffles (gps.md §5 item 10)
 * @param coupling              how the local controllers and π_θ are tied together: {@link Coupling#MDGPS}
 *                              (L2O4J's default, gps.md §1 recommendation 1) or {@link Coupling#BADMM} (what Li &amp;
 *                              Malik ran)
 * @param badmm                 the BADMM settings (Li's values, {@link BadmmConfig#liMalik()}); unused with MDGPS
 * @param costHessian           the cost model's ∇²f: {@link CostHessian#EXACT} (the reference) or projected onto the
 *                              positive semi-definite cone (gps.md §4.2's option for non-convex families)
 * @param divergedSampleRedraws how many times a diverged rollout of a local controller is drawn again with fresh noise
 *                              before the iteration fails ({@link org.l2o4j.gps.sampling.TrajectorySampler}); 0, the
 *                              default, fails at once. Not in the reference (robot rollouts do not diverge); redrawn
 *                              rollouts are counted and charged to the budget
 */
public record GpsConfig(int iterations, int samplesPerCondition, int horizon, double klStepPerTimeStep,
        StepSizeRule stepSizeRule, double initialEta, EtaSearchSettings etaSearch, DynamicsConfig dynamics,
        DynamicsPrior dynamicsPrior, GmmPriorConfig dynamicsGmm, PolicyLinearizerConfig linearizer,
        PolicyRegressionConfig regression, int hiddenUnits, HiddenActivation activation, FeaturePreset preset,
        double costScale, InitialController initialController, double initialActionVariance,
        boolean evaluatePolicy, int threads, long seed, Coupling coupling, BadmmConfig badmm,
        CostHessian costHessian, int divergedSampleRedraws) {

    /** What the cost quadraticization uses as ∇²f(x_t) (gps.md §4.2). */
    public enum CostHessian {
        /** The analytic Hessian, as the reference does. */
        EXACT,
        /** Its projection onto the positive semi-definite cone (negative eigenvalues clipped to 0). */
        PSD
    }

    /** The coupling between the local controllers and the global policy (gps.md §1, §3). */
    public enum Coupling {
        /** Mirror-descent GPS (Montgomery &amp; Levine 2016): {@link Mdgps}. */
        MDGPS,
        /** Bregman-ADMM GPS (Levine et al. 2016), Li &amp; Malik's variant: {@link Badmm}. */
        BADMM
    }

    /** Where the dynamics fit's normal-inverse-Wishart prior comes from (gps.md §4.3–4.4). */
    public enum DynamicsPrior {
        /** A Gaussian mixture per condition on the recent [s_t, u_t, s_{t+1}] points (Li, cbfinn). */
        GMM,
        /** No prior: ridge regression per time step (cbfinn {@code DynamicsLR}). */
        NONE
    }

    /** The controllers GPS starts from (gps.md §4.12). */
    public enum InitialController {
        /** Heavy-ball momentum as a TVLG controller, (β, lr) from Li's grid per condition. */
        MOMENTUM_GRID,
        /** K = 0, k = 0, Σ = σ²I. */
        RANDOM_GAUSSIAN
    }

    public GpsConfig {
        Checks.positive("iterations", iterations);
        Checks.atLeast("samplesPerCondition (the fits need N ≥ 2)", samplesPerCondition, 2);
        Checks.atLeast("horizon T", horizon, 2);
        Checks.positive("klStepPerTimeStep", klStepPerTimeStep);
        Checks.positive("initialEta", initialEta);
        Checks.positive("costScale", costScale);
        Checks.positive("initialActionVariance", initialActionVariance);
        Checks.atLeast("hiddenUnits", hiddenUnits, 0);
        Checks.positive("threads", threads);
        Checks.atLeast("divergedSampleRedraws", divergedSampleRedraws, 0);
        requireGiven("stepSizeRule", stepSizeRule);
        requireGiven("etaSearch", etaSearch);
        requireGiven("dynamics", dynamics);
        requireGiven("dynamicsPrior", dynamicsPrior);
        requireGiven("dynamicsGmm", dynamicsGmm);
        requireGiven("linearizer", linearizer);
        requireGiven("regression", regression);
        requireGiven("activation", activation);
        requireGiven("preset", preset);
        requireGiven("initialController", initialController);
        requireGiven("coupling", coupling);
        requireGiven("badmm", badmm);
        requireGiven("costHessian", costHessian);
        if (!(initialEta >= etaSearch.etaMin() && initialEta < etaSearch.etaMax())) {
            throw new ConfigException("initialEta must lie in [ηmin, ηmax) = [" + etaSearch.etaMin() + ", "
                    + etaSearch.etaMax() + "), got " + initialEta);
        }
        if (initialController == InitialController.MOMENTUM_GRID
                && preset.stateLayout(1).gradientOffset(0) < 0) {
            throw new ConfigException("the momentum-grid initial controller needs the current gradient in the state,"
                    + " but preset " + preset + " lacks it; use includeCurrentGradient=true or RANDOM_GAUSSIAN");
        }
    }

    /**
     * The settings written before BADMM existed: the MDGPS coupling, with {@link BadmmConfig#liMalik()} held unused.
     * Kept so that code constructing the record directly still compiles.
     */
    public GpsConfig(int iterations, int samplesPerCondition, int horizon, double klStepPerTimeStep,
            StepSizeRule stepSizeRule, double initialEta, EtaSearchSettings etaSearch, DynamicsConfig dynamics,
            DynamicsPrior dynamicsPrior, GmmPriorConfig dynamicsGmm, PolicyLinearizerConfig linearizer,
            PolicyRegressionConfig regression, int hiddenUnits, HiddenActivation activation, FeaturePreset preset,
            double costScale, InitialController initialController, double initialActionVariance,
            boolean evaluatePolicy, int threads, long seed) {
        this(iterations, samplesPerCondition, horizon, klStepPerTimeStep, stepSizeRule, initialEta, etaSearch,
                dynamics, dynamicsPrior, dynamicsGmm, linearizer, regression, hiddenUnits, activation, preset,
                costScale, initialController, initialActionVariance, evaluatePolicy, threads, seed, Coupling.MDGPS,
                BadmmConfig.liMalik(), CostHessian.EXACT, 0);
    }

    private static void requireGiven(String name, Object value) {
        if (value == null) {
            throw new ConfigException(name + " must be given, got null");
        }
    }

    /**
     * gps.md §6, Li &amp; Malik's released configuration, with the paper's softplus hidden units; one thread. The
     * coupling stays L2O4J's default, MDGPS; {@link #liMalikBadmm()} is the paper-faithful one.
     */
    public static GpsConfig liMalik() {
        return new GpsConfig(100, 20, 40, 0.2, StepSizeRule.liMalik(), 1.0, EtaSearchSettings.liMalik(),
                DynamicsConfig.liMalik(), DynamicsPrior.GMM, GmmPriorConfig.liMalik(), PolicyLinearizerConfig.liMalik(),
                PolicyRegressionConfig.liMalik(), MlpArchitecture.LI_MALIK_HIDDEN_UNITS, HiddenActivation.SOFTPLUS,
                FeaturePreset.releasedCode(), 1.0, InitialController.MOMENTUM_GRID,
                MomentumGridInitializer.LI_MALIK_ACTION_VARIANCE, true, 1, 0L, Coupling.MDGPS,
                BadmmConfig.liMalik(), CostHessian.EXACT, 0);
    }

    /** {@link #liMalik()} with the BADMM coupling Li &amp; Malik ran (gps.md §1), with their BADMM values. */
    public static GpsConfig liMalikBadmm() {
        return builder(liMalik()).coupling(Coupling.BADMM).build();
    }

    /**
     * A budget of seconds for tests (gps.md §8 test 18): 3 iterations, N = 5, T = 10, the {@code paper} features
     * with H = 5 and the current gradient (dX = 4 + 5 + 5·4 = 29 for d = 4, which the momentum-grid initial
     * controller needs), GMMs of 2–4 clusters with 10
     * points each, 500 S-step iterations at Adam 1e-3 (cbfinn's rate: 500 steps at Li's 1e-4 barely move the network),
     * 20 hidden units; everything else as {@link #liMalik()}.
     */
    public static GpsConfig tiny() {
        GmmPriorConfig gmm = GmmPriorConfig.liMalik().withClusters(4, 10).withMaxSamples(5);
        PolicyRegressionConfig regression = PolicyRegressionConfig.liMalik();
        return builder(liMalik())
                .iterations(3)
                .samplesPerCondition(5)
                .horizon(10)
                .preset(FeaturePreset.paper(5, true))
                .dynamicsGmm(gmm)
                .linearizer(PolicyLinearizerConfig.liMalik().withGmm(gmm))
                .regression(new PolicyRegressionConfig(1e-3, regression.beta1(), regression.beta2(),
                        regression.epsilon(), regression.batchSize(), 500, regression.l2Weight(), 0L))
                .hiddenUnits(20)
                .build();
    }

    /** A builder starting from {@code base}. */
    public static Builder builder(GpsConfig base) {
        return new Builder(Objects.requireNonNull(base, "base"));
    }

    /** This configuration with another thread count (which does not change the results). */
    public GpsConfig withThreads(int count) {
        return builder(this).threads(count).build();
    }

    /** Changes single fields of a {@link GpsConfig}; {@link #build()} validates. */
    public static final class Builder {
        private int iterations;
        private int samplesPerCondition;
        private int horizon;
        private double klStepPerTimeStep;
        private StepSizeRule stepSizeRule;
        private double initialEta;
        private EtaSearchSettings etaSearch;
        private DynamicsConfig dynamics;
        private DynamicsPrior dynamicsPrior;
        private GmmPriorConfig dynamicsGmm;
        private PolicyLinearizerConfig linearizer;
        private PolicyRegressionConfig regression;
        private int hiddenUnits;
        private HiddenActivation activation;
        private FeaturePreset preset;
        private double costScale;
        private InitialController initialController;
        private double initialActionVariance;
        private boolean evaluatePolicy;
        private int threads;
        private long seed;
        private Coupling coupling;
        private BadmmConfig badmm;
        private CostHessian costHessian;
        private int divergedSampleRedraws;

        private Builder(GpsConfig c) {
            iterations = c.iterations;
            samplesPerCondition = c.samplesPerCondition;
            horizon = c.horizon;
            klStepPerTimeStep = c.klStepPerTimeStep;
            stepSizeRule = c.stepSizeRule;
            initialEta = c.initialEta;
            etaSearch = c.etaSearch;
            dynamics = c.dynamics;
            dynamicsPrior = c.dynamicsPrior;
            dynamicsGmm = c.dynamicsGmm;
            linearizer = c.linearizer;
            regression = c.regression;
            hiddenUnits = c.hiddenUnits;
            activation = c.activation;
            preset = c.preset;
            costScale = c.costScale;
            initialController = c.initialController;
            initialActionVariance = c.initialActionVariance;
            evaluatePolicy = c.evaluatePolicy;
            threads = c.threads;
            seed = c.seed;
            coupling = c.coupling;
            badmm = c.badmm;
            costHessian = c.costHessian;
            divergedSampleRedraws = c.divergedSampleRedraws;
        }

        public Builder iterations(int value) {
            iterations = value;
            return this;
        }

        public Builder samplesPerCondition(int value) {
            samplesPerCondition = value;
            return this;
        }

        public Builder horizon(int value) {
            horizon = value;
            return this;
        }

        public Builder klStepPerTimeStep(double value) {
            klStepPerTimeStep = value;
            return this;
        }

        public Builder stepSizeRule(StepSizeRule value) {
            stepSizeRule = value;
            return this;
        }

        public Builder initialEta(double value) {
            initialEta = value;
            return this;
        }

        public Builder etaSearch(EtaSearchSettings value) {
            etaSearch = value;
            return this;
        }

        public Builder dynamics(DynamicsConfig value) {
            dynamics = value;
            return this;
        }

        public Builder dynamicsPrior(DynamicsPrior value) {
            dynamicsPrior = value;
            return this;
        }

        public Builder dynamicsGmm(GmmPriorConfig value) {
            dynamicsGmm = value;
            return this;
        }

        public Builder linearizer(PolicyLinearizerConfig value) {
            linearizer = value;
            return this;
        }

        public Builder regression(PolicyRegressionConfig value) {
            regression = value;
            return this;
        }

        public Builder hiddenUnits(int value) {
            hiddenUnits = value;
            return this;
        }

        public Builder activation(HiddenActivation value) {
            activation = value;
            return this;
        }

        public Builder preset(FeaturePreset value) {
            preset = value;
            return this;
        }

        public Builder costScale(double value) {
            costScale = value;
            return this;
        }

        public Builder initialController(InitialController value) {
            initialController = value;
            return this;
        }

        public Builder initialActionVariance(double value) {
            initialActionVariance = value;
            return this;
        }

        public Builder evaluatePolicy(boolean value) {
            evaluatePolicy = value;
            return this;
        }

        public Builder threads(int value) {
            threads = value;
            return this;
        }

        public Builder seed(long value) {
            seed = value;
            return this;
        }

        public Builder coupling(Coupling value) {
            coupling = value;
            return this;
        }

        public Builder badmm(BadmmConfig value) {
            badmm = value;
            return this;
        }

        public Builder costHessian(CostHessian value) {
            costHessian = value;
            return this;
        }

        public Builder divergedSampleRedraws(int value) {
            divergedSampleRedraws = value;
            return this;
        }

        /** The validated configuration. */
        public GpsConfig build() {
            return new GpsConfig(iterations, samplesPerCondition, horizon, klStepPerTimeStep, stepSizeRule,
                    initialEta, etaSearch, dynamics, dynamicsPrior, dynamicsGmm, linearizer, regression, hiddenUnits,
                    activation, preset, costScale, initialController, initialActionVariance, evaluatePolicy, threads,
                    seed, coupling, badmm, costHessian, divergedSampleRedraws);
        }
    }
}
