package org.l2o4j.policysearch.cmaes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.apache.commons.math3.analysis.MultivariateFunction;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.CMAESOptimizer;
import org.apache.commons.math3.random.MersenneTwister;

import org.l2o4j.core.config.ConfigException;
import org.l2o4j.core.config.Configs;
import org.l2o4j.core.engine.Engine;
import org.l2o4j.core.random.Seeds;
import org.l2o4j.core.run.AtomicFiles;
import org.l2o4j.core.training.MetaTrainer;
import org.l2o4j.core.training.TrainedOptimizer;
import org.l2o4j.core.training.TrainerProvider;
import org.l2o4j.core.training.TrainingFolder;
import org.l2o4j.core.training.TrainingHeader;
import org.l2o4j.core.training.TrainingListener;
import org.l2o4j.core.training.gradient.GradientMetaTrainer;
import org.l2o4j.core.training.gradient.Validation;
import org.l2o4j.policy.CheckpointFields;
import org.l2o4j.policy.GaussianMlpPolicy;
import org.l2o4j.policy.LearnedPolicyProvider;
import org.l2o4j.policysearch.Particle;
import org.l2o4j.policysearch.ParticleSpec;
import org.l2o4j.policysearch.PolicyEpisodes;
import org.l2o4j.policysearch.PolicyParameters;
import org.l2o4j.policysearch.PolicyTemplate;
import org.l2o4j.policysearch.TrainingFunctions;
import org.l2o4j.policysearch.TrainingSet;

/**
 * Apache Commons Math's CMA-ES ({@link CMAESOptimizer}, diagonal covariance) over Li &amp; Malik's policy: the
 * black-box baseline of the policy-search bench (policy-search.md), stopped by the problem-step budget.
 *
 * <p>The search runs in a {@link RandomSubspace} of the weights (θ = θ₀ + P z, z ∈ ℝᵏ, θ₀ a fresh policy), because
 * Commons Math's CMA-ES holds k × k matrices whatever its covariance. Generation 0 is CMA-ES's evaluation of its start
 * z = 0; generation g ≥ 1 is its λ candidates. A candidate's fitness is its mean episode cost over the generation's
 * {@code functionsPerGeneration} training functions (cycling through them; every candidate of a generation sees the
 * same ones), Σ_t f(x_t)/f(x_0) with a diverged function costing {@code divergedCostFactor} per step
 * ({@link Particle}), the functions scored in two fixed halves. After each generation the trainer recombines the
 * best ⌊λ/2⌋ candidates with CMA-ES's log-rank weights (CMA-ES's new mean, which Commons Math does not expose),
 * validates that mean every {@code validateEveryGenerations} generations on functions held out from the training
 * split and keeps the best.
 *
 * <p>Budget: every problem-step is counted (the normalization's fit, every candidate, every validation); a generation
 * starts only if its worst case (every function charged every step) and a final validation fit in what is left.
 * Commons Math keeps CMA-ES's state private, so a checkpoint holds every fitness CMA-ES has been given (with a digest
 * of each candidate); a resume replays CMA-ES from its seed with those values instead of episodes, which restores its
 * state exactly, and refuses a checkpoint whose candidates the replay does not reproduce. A run that CMA-ES ended by
 * its own stopping criteria (its summary says so) ends there again when resumed with a larger budget.
 *
 * <p><b>On the engine.</b> Commons Math asks for one fitness at a time, but a generation's λ candidates are all made
 * before the first is asked for: when it is, {@link GenerationForecast} computes the λ candidates, the trainer scores
 * them together on the engine, one {@link CandidateUnit} per candidate (θ(z) as an array, and the functions' indices:
 * an episode per function is enough work to be worth shipping θ), and answers CMA-ES's requests from that table,
 * checking that each candidate it is asked about is the forecast one. CMA-ES's start point is one unit of its own;
 * the resume's replay answers from the checkpoint and runs nothing. Every fitness depends on the candidate and the
 * generation only, so a run depends neither on the engine nor on its number of workers.
 */
public final class CmaEsTrainer implements MetaTrainer {

    /** The {@code kind} of a CMA-ES training file. */
    public static final String KIND = "cmaes-training";
    /** The trainer's state in a checkpoint. */
    public static final String STATE_FILE = "cmaes-state.json";
    /** The log's columns; {@code seconds} is the timing. */
    public static final String LOG_HEADER = "generation,problem_steps,best_cost,median_cost,validation_score,"
            + "validation_diverged,best,seconds";
    /** The trained optimizer's name in results. */
    public static final String LABEL = "cmaes-policy";
    private static final String FORMAT = "l2o4j-cmaes-state";

    private final TrainingHeader header;
    private final CmaEsSettings settings;

    /**
     * @param header   the training file's header (family, seed, threads)
     * @param settings the trainer's settings
     */
    public CmaEsTrainer(TrainingHeader header, CmaEsSettings settings) {
        this.header = header;
        this.settings = settings;
    }

    /** Registers {@link CmaEsTrainer} as {@value #KIND}; a resume may raise the budget or change the cadences. */
    public static final class Provider implements TrainerProvider {

        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public String description() {
            return "Li & Malik's softplus MLP policy by Commons Math's CMA-ES (diagonal covariance) in a random "
                    + "subspace of its weights (black-box baseline)";
        }

        @Override
        public Set<String> resumableKeys() {
            return Set.of("problemSteps", "checkpoints", "validateEveryGenerations");
        }

        @Override
        public MetaTrainer create(TrainingHeader header, Map<String, Object> settings, String source) {
            return new CmaEsTrainer(header, header.bind(settings, CmaEsSettings.DEFAULTS, source));
        }
    }

    @Override
    public Map<String, Object> settings() {
        return Configs.toMap(settings);
    }

    @Override
    public Budget budget() {
        return new Budget("problemSteps", settings.problemSteps(), "problem-step");
    }

    /** Ends CMA-ES's loop from inside its objective when the budget is spent. */
    private static final class BudgetSpent extends RuntimeException {
        BudgetSpent() {
            super(null, null, false, false);
        }
    }

    @Override
    public Map<String, Object> train(TrainingFolder folder, TrainingListener listener, Engine engine) {
        TrainingSet set = TrainingSet.of(header, settings.trainSplit(), settings.conditions(),
                settings.validationFunctions());
        PolicyEpisodes episodes = new PolicyEpisodes(settings.featurePreset(), settings.horizon(), set.training(),
                settings.hiddenUnits());
        PolicyParameters parameters = PolicyParameters.starting(settings.initialPolicy(), episodes,
                settings.normalizationStepSize(), LABEL);
        int k = settings.subspaceDimension();
        GenerationForecast forecast = new GenerationForecast(new MersenneTwister(Seeds.derive(header.trainerSeed(),
                "cmaes-search")), k, settings.lambda());
        CMAESOptimizer cmaes = new CMAESOptimizer(Integer.MAX_VALUE, 0, false, Integer.MAX_VALUE, 0, forecast, false,
                null);
        Search search = new Search(set, parameters, folder, listener, engine, () -> forecast.candidates(cmaes));
        folder.logHeader(LOG_HEADER);
        if (folder.resumeFrom().isPresent()) {
            search.restore(folder.resumeFrom().get().file(STATE_FILE));
        } else {
            search.spent = parameters.normalizationProblemSteps();
            search.previousSpent = search.spent;
        }
        search.checkAffordable();
        listener.started(search.spent, settings.problemSteps(), String.format(Locale.ROOT, "CMA-ES (Commons Math, "
                + "diagonal covariance) in a %d-dimensional subspace of the %d weights, %d candidates per generation "
                + "(sigma0 %.3g) on %d of %d functions from %s/%s, T = %d, validated on %d, %,d problem-steps",
                settings.subspaceDimension(), parameters.architecture().parameterCount(), settings.lambda(),
                settings.initialSigma(), search.functionsPerGeneration(), set.training().size(), header.family(),
                settings.trainSplit(), settings.horizon(), set.validation().size(), settings.problemSteps()));
        double[] sigma = new double[k];
        Arrays.fill(sigma, settings.initialSigma());
        String stoppedBy = "budget";
        try {
            cmaes.optimize(new MaxEval(Integer.MAX_VALUE), new ObjectiveFunction(search), GoalType.MINIMIZE,
                    new InitialGuess(new double[k]), SimpleBounds.unbounded(k), new CMAESOptimizer.Sigma(sigma),
                    new CMAESOptimizer.PopulationSize(settings.lambda()));
            stoppedBy = "CMA-ES's own stopping criteria";
            search.generationDone(true);
        } catch (BudgetSpent spent) {
            // the budget ended the run at a generation boundary, after its checkpoint
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("generations", search.generation);
        summary.put("problemSteps", search.spent);
        summary.put("stoppedBy", stoppedBy);
        summary.put("bestGeneration", search.bestGeneration);
        summary.put("bestValidationScore", search.best.score());
        summary.put("bestValidationDiverged", search.best.diverged());
        summary.put("policy", folder.latest().map(c -> c.file(GradientMetaTrainer.BEST_FILE).toAbsolutePath()
                .toString()).orElse(""));
        return summary;
    }

    /**
     * CMA-ES's objective and the run's state: scores candidates (or replays recorded fitness), and at each
     * generation boundary recombines the mean, validates, logs, checkpoints and enforces the budget.
     */
    private final class Search implements MultivariateFunction {

        private final TrainingFunctions functions;
        private final Engine engine;
        private final Supplier<double[][]> nextGeneration;
        private final Validation validation;
        private final long validationCost;
        private final PolicyParameters parameters;
        private final RandomSubspace subspace;
        private final TrainingFolder folder;
        private final TrainingListener listener;
        private final int lambda = settings.lambda();
        private final double[][] candidates;
        private final double[] costs;
        private final List<Double> fitness = new ArrayList<>();
        private final List<Integer> digests = new ArrayList<>();
        private double[] replayFitness = new double[0];
        private int[] replayDigests = new int[0];
        /** The current generation's candidates as forecast, and their fitness. */
        private double[][] forecast;
        private double[] forecastCosts;
        private int restoredGeneration = -1;
        private double[] restoredMean;
        private long spent;
        private long previousSpent;
        private int generation;
        private double[] mean;
        private int bestGeneration;
        private Validation.Outcome best = new Validation.Outcome(Double.NaN, Integer.MAX_VALUE, 0);
        private double[] bestMean;
        private long generationStart = System.nanoTime();

        /**
         * @param engine         where candidates are scored
         * @param nextGeneration the λ candidates of the generation whose first candidate CMA-ES is asking about
         */
        Search(TrainingSet set, PolicyParameters parameters, TrainingFolder folder, TrainingListener listener,
                Engine engine, Supplier<double[][]> nextGeneration) {
            this.functions = TrainingFunctions.of(header, settings.trainSplit(), set.training().size());
            this.engine = engine;
            this.nextGeneration = nextGeneration;
            this.validation = set.validation(settings.horizon());
            this.validationCost = (long) set.validation().size() * settings.horizon();
            this.parameters = parameters;
            this.folder = folder;
            this.listener = listener;
            double[] origin = parameters.start().length > 0 ? parameters.start()
                    : GaussianMlpPolicy.initialize(parameters.architecture(),
                            Seeds.derive(header.trainerSeed(), "cmaes-init")).parameters();
            this.subspace = new RandomSubspace(origin, settings.subspaceDimension(),
                    Seeds.derive(header.trainerSeed(), "cmaes-subspace"));
            this.candidates = new double[lambda][];
            this.costs = new double[lambda];
            this.mean = new double[settings.subspaceDimension()];
            this.bestMean = mean.clone();
        }

        int functionsPerGeneration() {
            return Math.min(settings.functionsPerGeneration(), functions.count());
        }

        /** The most problem-steps one candidate can cost. */
        private long candidateCost() {
            return (long) functionsPerGeneration() * settings.horizon();
        }

        void checkAffordable() {
            long needed = spent + candidateCost() * (1 + lambda) + 2 * validationCost;
            if (restoredGeneration < 0 && needed > settings.problemSteps()) {
                throw new ConfigException(String.format(Locale.ROOT, "problemSteps=%d cannot pay for one CMA-ES "
                        + "generation here (normalization, start point, %d candidates and two validations: %d); "
                        + "give problemSteps >= %d", settings.problemSteps(), lambda, needed, needed));
            }
        }

        @Override
        public double value(double[] z) {
            int e = fitness.size();
            if (e >= 1 && (e - 1) % lambda == 0) {
                generationDone(false);
            }
            int digest = Arrays.hashCode(z);
            double cost;
            if (e < replayFitness.length) {
                if (digest != replayDigests[e]) {
                    throw new ConfigException("cannot resume " + folder.path() + ": CMA-ES's candidate " + e
                            + " is not the one the checkpoint scored (the code, the seed or a setting that shapes "
                            + "the search differs); start a new run");
                }
                cost = replayFitness[e];
            } else if (e == 0) {
                cost = score(List.of(z), 0)[0];
            } else {
                int c = (e - 1) % lambda;
                if (c == 0) {
                    forecast = nextGeneration.get();
                    forecastCosts = score(Arrays.asList(forecast), (e - 1) / lambda + 1);
                }
                if (!Arrays.equals(z, forecast[c])) {
                    throw new IllegalStateException("CMA-ES's candidate " + e + " is not the one forecast for it; the"
                            + " generation forecast is written for Commons Math 3.6.1's diagonal CMA-ES");
                }
                cost = forecastCosts[c];
            }
            if (e >= 1) {
                candidates[(e - 1) % lambda] = z.clone();
                costs[(e - 1) % lambda] = cost;
            } else {
                costs[0] = cost;
            }
            fitness.add(cost);
            digests.add(digest);
            return cost;
        }

        /**
         * The fitness of candidates of generation g, each the mean cost of θ(z) on the generation's functions in two
         * fixed halves, scored on the engine; their problem-steps are counted.
         */
        private double[] score(List<double[]> zs, int g) {
            int m = functionsPerGeneration();
            int half = (m + 1) / 2;
            int[] sizes = m == 1 ? new int[] {1} : new int[] {half, m - half};
            List<ParticleSpec> parts = new ArrayList<>();
            int at = 0;
            for (int size : sizes) {
                int[] chosen = new int[size];
                for (int j = 0; j < size; j++) {
                    chosen[j] = (int) (((long) g * m + at + j) % functions.count());
                }
                at += size;
                parts.add(new ParticleSpec(functions, chosen, parameters.preset(), settings.relativeCost(),
                        settings.divergedCostFactor()));
            }
            PolicyTemplate template = parameters.template();
            List<CandidateUnit> units = new ArrayList<>(zs.size());
            for (int c = 0; c < zs.size(); c++) {
                units.add(new CandidateUnit(g, c, template, subspace.weights(zs.get(c)), parts, settings.horizon()));
            }
            List<CandidateUnit.Score> scores = engine.run("cma-es candidates", units, done -> { });
            double[] costs = new double[zs.size()];
            for (int c = 0; c < costs.length; c++) {
                costs[c] = scores.get(c).cost();
                spent += scores.get(c).problemSteps();
            }
            return costs;
        }

        /**
         * Generation {@code generation}'s last candidate has been scored (or CMA-ES stopped after it, {@code
         * ended}): recombine, and for a generation not replayed validate, log, checkpoint and stop at the budget.
         */
        void generationDone(boolean ended) {
            int g = fitness.isEmpty() ? 0 : (fitness.size() - 1) / lambda;
            generation = g;
            if (g >= 1) {
                mean = recombination(candidates, costs);
            }
            if (g < restoredGeneration) {
                return;
            }
            if (g == restoredGeneration) {
                if (!Arrays.equals(mean, restoredMean)) {
                    throw new ConfigException("cannot resume " + folder.path() + ": replaying CMA-ES does not give "
                            + "the checkpoint's mean (the code differs from the checkpoint's); start a new run");
                }
                if (!ended && spent + candidateCost() * lambda + validationCost > settings.problemSteps()) {
                    throw new BudgetSpent();
                }
                return;
            }
            boolean scheduled = g % settings.validateEveryGenerations() == 0;
            boolean last = ended || spent + (scheduled ? validationCost : 0) + candidateCost() * lambda
                    + validationCost > settings.problemSteps();
            String validated = ",";
            String validationNote = "";
            boolean isBest = false;
            if (scheduled || last) {
                Validation.Outcome v = validation.run(parameters.optimizer(subspace.weights(mean)));
                spent += v.problemSteps();
                isBest = v.betterThan(best);
                if (isBest) {
                    best = v;
                    bestGeneration = g;
                    bestMean = mean.clone();
                }
                validated = String.format(Locale.ROOT, "%.17g,%d", v.score(), v.diverged());
                validationNote = String.format(Locale.ROOT, ", validation %.5g (%d diverged)%s", v.score(),
                        v.diverged(), isBest ? ", best so far" : "");
            }
            double[] scored = g == 0 ? new double[] {costs[0]} : costs.clone();
            Arrays.sort(scored);
            double seconds = (System.nanoTime() - generationStart) * 1e-9;
            folder.log(String.format(Locale.ROOT, "%d,%d,%.17g,%.17g,%s,%b,%.3f", g, spent, scored[0],
                    scored[scored.length / 2], validated, isBest, seconds));
            listener.progressed(spent, String.format(Locale.ROOT, "generation %d: best %.5g, median %.5g%s, %,d "
                    + "problem-steps", g, scored[0], scored[scored.length / 2], validationNote, spent));
            if (last || crossesCheckpoint()) {
                checkpoint();
            }
            previousSpent = spent;
            generationStart = System.nanoTime();
            if (last && !ended) {
                throw new BudgetSpent();
            }
        }

        /** Whether the run crossed one of the budget's {@code checkpoints} equal fractions since the last boundary. */
        private boolean crossesCheckpoint() {
            long c = settings.checkpoints();
            long b = settings.problemSteps();
            return spent * c / b > previousSpent * c / b;
        }

        private void checkpoint() {
            ObjectNode state = Configs.json().createObjectNode();
            state.put("format", FORMAT);
            state.put("generation", generation);
            state.put("problemSteps", spent);
            Configs.putNumbers(state, "mean", mean);
            ObjectNode b = state.putObject("best");
            b.put("generation", bestGeneration);
            b.put("score", best.score());
            b.put("diverged", best.diverged());
            Configs.putNumbers(b, "mean", bestMean);
            Configs.putNumbers(state, "fitness", fitness.stream().mapToDouble(Double::doubleValue).toArray());
            ArrayNode d = state.putArray("digests");
            digests.forEach(d::add);
            Map<String, Object> provenance = new LinkedHashMap<>();
            provenance.put("trainer", KIND);
            provenance.put("generation", generation);
            Map<String, Object> bestProvenance = new LinkedHashMap<>(provenance);
            bestProvenance.put("generation", bestGeneration);
            folder.save(spent, "problem-step", dir -> {
                parameters.save(subspace.weights(bestMean), dir.resolve(GradientMetaTrainer.BEST_FILE),
                        bestProvenance);
                parameters.save(subspace.weights(mean), dir.resolve(GradientMetaTrainer.LAST_FILE), provenance);
                AtomicFiles.writeString(dir.resolve(STATE_FILE), Configs.toJson(state) + "\n");
            });
        }

        void restore(Path file) {
            SavedState saved = SavedState.read(file, settings.subspaceDimension(), lambda);
            restoredGeneration = saved.generation();
            spent = saved.problemSteps();
            previousSpent = spent;
            restoredMean = saved.mean();
            bestGeneration = saved.bestGeneration();
            best = new Validation.Outcome(saved.bestScore(), saved.bestDiverged(), 0);
            bestMean = saved.bestMean();
            replayFitness = saved.fitness();
            replayDigests = saved.digests();
        }
    }

    /**
     * What {@value #STATE_FILE} holds, read and checked against the search's subspace dimension and population size;
     * every refusal is a {@link ConfigException} naming the file.
     *
     * @param generation     generations done
     * @param problemSteps   problem-steps spent
     * @param mean           the search's mean in the subspace
     * @param bestGeneration the generation of the validation-best mean
     * @param bestScore      its validation score (NaN before any validation)
     * @param bestDiverged   its diverged validation runs
     * @param bestMean       the validation-best mean
     * @param fitness        every fitness CMA-ES was given, in order ({@code generation × λ + 1} of them)
     * @param digests        a digest of each candidate those fitness values belong to
     */
    record SavedState(int generation, long problemSteps, double[] mean, int bestGeneration, double bestScore,
            int bestDiverged, double[] bestMean, double[] fitness, int[] digests) {

        /** Reads a state file of a search in {@code dimension} dimensions with {@code lambda} candidates. */
        static SavedState read(Path file, int dimension, int lambda) {
            JsonNode root;
            try {
                root = Configs.json().readTree(Files.readAllBytes(file));
            } catch (IOException e) {
                throw new ConfigException("cannot read the CMA-ES state " + file + ": " + e.getMessage(), e);
            }
            if (root == null || !FORMAT.equals(root.path("format").asText())) {
                throw new ConfigException(file + " is not a CMA-ES state file");
            }
            CheckpointFields fields = new CheckpointFields("CMA-ES state", file);
            int generation = fields.integer(root, "generation");
            JsonNode b = root.path("best");
            long expected = (long) generation * lambda + 1;
            if (generation < 0 || expected > Integer.MAX_VALUE) {
                throw new ConfigException(file + ": 'generation' is " + generation + ", not a generation count of"
                        + " this search");
            }
            double[] mean = Configs.numbers(root.path("mean"), dimension, file + ": 'mean'");
            double[] bestMean = Configs.numbers(b.path("mean"), dimension, file + ": 'best.mean'");
            double[] fitness = Configs.numbers(root.path("fitness"), (int) expected, file + ": 'fitness'");
            double[] digestValues = Configs.numbers(root.path("digests"), (int) expected, file + ": 'digests'");
            int[] digests = new int[digestValues.length];
            for (int i = 0; i < digests.length; i++) {
                digests[i] = (int) digestValues[i];
            }
            return new SavedState(generation, fields.count(root, "problemSteps"), mean,
                    fields.integer(b, "best.generation"), b.path("score").asDouble(Double.NaN),
                    fields.integer(b, "best.diverged"), bestMean, fitness, digests);
        }
    }

    /**
     * CMA-ES's new mean (Hansen's default recombination, as Commons Math computes it): the best ⌊λ/2⌋ candidates by
     * cost (ties by index) with weights ∝ ln(μ + ½) − ln i, i = 1..μ.
     */
    static double[] recombination(double[][] candidates, double[] costs) {
        int lambda = costs.length;
        int mu = lambda / 2;
        Integer[] order = new Integer[lambda];
        for (int i = 0; i < lambda; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> costs[i]).thenComparingInt(i -> i));
        double[] w = new double[mu];
        double total = 0;
        for (int i = 0; i < mu; i++) {
            w[i] = Math.log(mu + 0.5) - Math.log(i + 1);
            total += w[i];
        }
        double[] out = new double[candidates[0].length];
        for (int i = 0; i < mu; i++) {
            double[] c = candidates[order[i]];
            double wi = w[i] / total;
            for (int j = 0; j < out.length; j++) {
                out[j] += wi * c[j];
            }
        }
        return out;
    }

    @Override
    public TrainedOptimizer trainedOptimizer(TrainingFolder.Checkpoint checkpoint) {
        return LearnedPolicyProvider.fromCheckpoint(checkpoint.file(GradientMetaTrainer.BEST_FILE), LABEL);
    }
}
