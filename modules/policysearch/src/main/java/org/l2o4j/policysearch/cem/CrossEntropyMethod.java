package org.l2o4j.policysearch.cem;

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
import java.util.random.RandomGenerator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.l2o4j.core.config.ConfigException;
import org.l2o4j.core.config.Configs;
import org.l2o4j.core.engine.Engine;
import org.l2o4j.core.random.Seeds;
import org.l2o4j.core.run.AtomicFiles;
import org.l2o4j.core.training.MetaTrainer;
import org.l2o4j.core.training.TrainedOptimizer;
import org.l2o4j.core.training.TrainingFolder;
import org.l2o4j.core.training.TrainingHeader;
import org.l2o4j.core.training.TrainingListener;
import org.l2o4j.policy.CheckpointFields;
import org.l2o4j.policy.GaussianMlpPolicy;
import org.l2o4j.policy.InputNormalization;
import org.l2o4j.policy.LearnedPolicyProvider;
import org.l2o4j.policy.PolicyCheckpoint;
import org.l2o4j.policysearch.PolicyEpisodes;
import org.l2o4j.policysearch.PolicyParameters;
import org.l2o4j.policysearch.PolicyTemplate;
import org.l2o4j.policysearch.TrainingFunctions;

/**
 * The cross-entropy method (Rubinstein 1999; with the extra noise of Szita &amp; Lőrincz 2006, "Learning Tetris
 * Using the Noisy Cross-Entropy Method") over the weights θ of Li &amp; Malik's policy: a black-box policy search and
 * the worked example of {@code docs/extending.md}.
 *
 * <p>Per generation g: draw {@code population} candidates θ_i = μ + σ ⊙ ε_i (ε_i ~ N(0, I) from the stream of
 * (seed, g)), score each by the mean episode cost of its mean step on the generation's training functions
 * ({@link PolicyEpisodes}: Σ_{t=1..T} f(x_t), +∞ if it diverges), keep the {@link CrossEntropySettings#eliteCount()}
 * cheapest (ties by index), and refit μ to their mean and σ² to their variance plus {@code extraVariance}. The
 * result is the policy with weights μ, scored too each generation (its cost is the log's {@code policy_cost}). The
 * input normalization is fitted once, on the states gradient descent visits on the training functions.
 *
 * <p>Candidates are scored on the engine, one {@link CandidateUnit} per candidate (θ_i as an array and the functions'
 * indices: an episode per function is enough work to be worth shipping θ_i); the new μ is scored on the driver, which
 * has it. Every candidate's draws and functions depend only on (seed, g) and its index, so the run depends neither on
 * the engine nor on its number of workers. A checkpoint after generation g holds μ as
 * {@value LearnedPolicyProvider#FILE} and (μ, σ, g, problem-steps spent) as {@value #STATE_FILE}.
 */
public final class CrossEntropyMethod implements MetaTrainer {

    /** The {@code kind} of a CEM training file. */
    public static final String KIND = "cem-training";
    /** The trainer's state in a checkpoint. */
    public static final String STATE_FILE = "cem-state.json";
    /** The log's columns; {@code seconds} is the timing. */
    public static final String LOG_HEADER = "generation,problem_steps,best_cost,elite_cost,policy_cost,mean_std,"
            + "seconds";
    private static final String FORMAT = "l2o4j-cem-state";

    private final TrainingHeader header;
    private final CrossEntropySettings settings;

    /**
     * @param header   the training file's header (family, seed, threads)
     * @param settings the method's settings
     */
    public CrossEntropyMethod(TrainingHeader header, CrossEntropySettings settings) {
        this.header = header;
        this.settings = settings;
    }

    @Override
    public Map<String, Object> settings() {
        return Configs.toMap(settings);
    }

    @Override
    public Budget budget() {
        return new Budget("generations", settings.generations(), "generation");
    }

    /** μ, σ and the work done: what a checkpoint holds. */
    static final class State {
        double[] mean;
        double[] std;
        int generation;
        long problemSteps;
    }

    @Override
    public Map<String, Object> train(TrainingFolder folder, TrainingListener listener, Engine engine) {
        TrainingFunctions functions = TrainingFunctions.of(header, settings.trainSplit(), settings.conditions());
        PolicyEpisodes episodes = new PolicyEpisodes(settings.featurePreset(), settings.horizon(),
                header.trainingFunctions(settings.trainSplit(), settings.conditions()),
                settings.hiddenUnits());
        folder.logHeader(LOG_HEADER);
        State s;
        InputNormalization normalization;
        if (folder.resumeFrom().isPresent()) {
            TrainingFolder.Checkpoint c = folder.resumeFrom().get();
            s = readState(c.file(STATE_FILE), episodes.architecture().parameterCount());
            normalization = PolicyCheckpoint.load(c.file(LearnedPolicyProvider.FILE)).policy().normalization();
            episodes.restoreProblemSteps(s.problemSteps);
        } else {
            s = new State();
            PolicyParameters start = PolicyParameters.starting(settings.initialPolicy(), episodes,
                    settings.normalizationStepSize(), "cem-policy");
            s.mean = start.start().length > 0 ? start.start() : GaussianMlpPolicy.initialize(episodes.architecture(),
                    Seeds.derive(header.trainerSeed(), "cem-init")).parameters();
            s.std = new double[s.mean.length];
            Arrays.fill(s.std, settings.initialStd());
            normalization = start.normalization();
        }
        PolicyTemplate template = template(episodes, normalization);
        listener.started(s.generation, settings.generations(), String.format(Locale.ROOT, "CEM over %d weights on "
                + "%d functions from %s/%s, %d generations of %d candidates (elite %d) on %d functions each, T = %d",
                s.mean.length, episodes.functionCount(), header.family(), settings.trainSplit(),
                settings.generations(), settings.population(), settings.eliteCount(), functionsPerGeneration(
                        episodes), settings.horizon()));
        while (s.generation < settings.generations()) {
            long t0 = System.nanoTime();
            double[] costs = generation(s, episodes, template, functions, engine);
            s.generation++;
            s.problemSteps = episodes.problemSteps();
            double policyCost = costs[costs.length - 1];
            folder.log(String.format(Locale.ROOT, "%d,%d,%.17g,%.17g,%.17g,%.6g,%.3f", s.generation,
                    s.problemSteps, costs[0], costs[1], policyCost, meanOf(s.std), (System.nanoTime() - t0)
                            * 1e-9));
            listener.progressed(s.generation, String.format(Locale.ROOT, "generation %d: best %.5g, elite %.5g,"
                    + " mean policy %.5g, mean sigma %.3g, %d problem-steps", s.generation, costs[0], costs[1],
                    policyCost, meanOf(s.std), s.problemSteps));
            if (s.generation % settings.checkpointEvery() == 0 || s.generation == settings.generations()) {
                checkpoint(folder, s, episodes, template);
            }
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("generations", s.generation);
        summary.put("problemSteps", s.problemSteps);
        summary.put("policy", folder.latest().map(c -> c.file(LearnedPolicyProvider.FILE).toAbsolutePath()
                .toString()).orElse(""));
        return summary;
    }

    /**
     * One generation: updates μ and σ in place and returns {best candidate cost, mean elite cost, cost of the new μ}.
     */
    private double[] generation(State s, PolicyEpisodes episodes, PolicyTemplate template,
            TrainingFunctions functions, Engine engine) {
        int n = s.mean.length;
        int population = settings.population();
        int[] chosen = functionsOf(s.generation, episodes);
        RandomGenerator rng = Seeds.rng(Seeds.derive(header.trainerSeed(), "cem-generation", s.generation));
        double[][] candidates = new double[population][n];
        for (double[] c : candidates) {
            for (int k = 0; k < n; k++) {
                c[k] = s.mean[k] + s.std[k] * rng.nextGaussian();
            }
        }
        List<CandidateUnit> units = new ArrayList<>(population);
        for (int i = 0; i < population; i++) {
            units.add(new CandidateUnit(s.generation, i, functions, chosen, episodes.preset(), settings.horizon(),
                    template, candidates[i]));
        }
        List<CandidateUnit.Score> scored = engine.run("cem candidates", units, done -> { });
        double[] costs = new double[population];
        for (int i = 0; i < population; i++) {
            costs[i] = scored.get(i).cost();
            episodes.charge(scored.get(i).problemSteps());
        }
        Integer[] order = new Integer[population];
        for (int i = 0; i < population; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> costs[i]).thenComparingInt(i -> i));
        int elite = settings.eliteCount();
        double eliteCost = 0;
        Arrays.fill(s.mean, 0);
        for (int e = 0; e < elite; e++) {
            double[] c = candidates[order[e]];
            eliteCost += costs[order[e]];
            for (int k = 0; k < n; k++) {
                s.mean[k] += c[k];
            }
        }
        for (int k = 0; k < n; k++) {
            s.mean[k] /= elite;
            double variance = 0;
            for (int e = 0; e < elite; e++) {
                double diff = candidates[order[e]][k] - s.mean[k];
                variance += diff * diff;
            }
            s.std[k] = Math.sqrt(variance / elite + settings.extraVariance());
        }
        double policyCost = episodes.cost(template.policy(s.mean), chosen);
        return new double[] {costs[order[0]], eliteCost / elite, policyCost};
    }

    private int functionsPerGeneration(PolicyEpisodes episodes) {
        int m = settings.functionsPerGeneration();
        return m == 0 ? episodes.functionCount() : Math.min(m, episodes.functionCount());
    }

    /** Generation g's functions: the next {@code functionsPerGeneration} of the split, cycling. */
    private int[] functionsOf(int g, PolicyEpisodes episodes) {
        int m = functionsPerGeneration(episodes);
        int[] out = new int[m];
        for (int j = 0; j < m; j++) {
            out[j] = (int) (((long) g * m + j) % episodes.functionCount());
        }
        return out;
    }

    /** The policy around θ: the fitted normalization and a fresh policy's σ. */
    private static PolicyTemplate template(PolicyEpisodes episodes, InputNormalization normalization) {
        return new PolicyTemplate(episodes.architecture(), normalization,
                GaussianMlpPolicy.initialize(episodes.architecture(), 0).logStd());
    }

    private void checkpoint(TrainingFolder folder, State s, PolicyEpisodes episodes, PolicyTemplate template) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("preset", Configs.toMap(episodes.preset()));
        config.put("trainer", KIND);
        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("trainer", KIND);
        provenance.put("generation", s.generation);
        PolicyCheckpoint policy = new PolicyCheckpoint(template.policy(s.mean),
                episodes.preset().name(), config, provenance);
        ObjectNode state = Configs.json().createObjectNode();
        state.put("format", FORMAT);
        state.put("generation", s.generation);
        state.put("problemSteps", s.problemSteps);
        Configs.putNumbers(state, "mean", s.mean);
        Configs.putNumbers(state, "std", s.std);
        folder.save(s.generation, "generation", dir -> {
            policy.save(dir.resolve(LearnedPolicyProvider.FILE));
            AtomicFiles.writeString(dir.resolve(STATE_FILE), Configs.toJson(state) + "\n");
        });
    }

    /**
     * Reads {@value #STATE_FILE} of a policy with {@code parameters} weights.
     *
     * @throws ConfigException naming the file if it is not such a file
     */
    static State readState(Path file, int parameters) {
        JsonNode root;
        try {
            root = Configs.json().readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new ConfigException("cannot read the CEM state " + file + ": " + e.getMessage(), e);
        }
        if (root == null || !FORMAT.equals(root.path("format").asText())) {
            throw new ConfigException(file + " is not a CEM state file");
        }
        State s = new State();
        CheckpointFields fields = new CheckpointFields("CEM state", file);
        s.generation = fields.integer(root, "generation");
        s.problemSteps = fields.count(root, "problemSteps");
        s.mean = Configs.numbers(root.path("mean"), parameters, file + ": 'mean'");
        s.std = Configs.numbers(root.path("std"), parameters, file + ": 'std'");
        return s;
    }

    private static double meanOf(double[] v) {
        double sum = 0;
        for (double x : v) {
            sum += x;
        }
        return sum / v.length;
    }

    @Override
    public TrainedOptimizer trainedOptimizer(TrainingFolder.Checkpoint checkpoint) {
        return LearnedPolicyProvider.fromCheckpoint(checkpoint.file(LearnedPolicyProvider.FILE), "cem-policy");
    }
}
