package org.l2o4j.bptt;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.l2o4j.core.config.ConfigException;
import org.l2o4j.core.optimizer.Optimizer;
import org.l2o4j.core.problem.Problem;
import org.l2o4j.core.problem.ProblemFamily;
import org.l2o4j.core.random.Seeds;
import org.l2o4j.core.rollout.ProblemBatch;
import org.l2o4j.core.training.TrainedOptimizer;
import org.l2o4j.core.training.gradient.GradientEstimator;
import org.l2o4j.policy.recurrent.RecurrentCheckpoint;
import org.l2o4j.policy.recurrent.RecurrentLearnedOptimizer;
import org.l2o4j.policy.recurrent.RecurrentNet;

/**
 * Truncated backpropagation through the unrolled optimization (Andrychowicz et al. 2016; papers.md §2.1) as a
 * {@link GradientEstimator}: an epoch draws {@code problemsPerEpoch} training problems, starts them and the recurrent
 * state afresh, and each meta-step is one {@link Unroll} of {@code unrollLength} steps, whose exact meta-gradient (no
 * second derivatives) is the estimate; iterates and recurrent state carry over to the next unroll of the epoch.
 * Settings and the meaning of the meta-loss are documented in {@link BpttConfig}.
 *
 * <p>Training problem k of the run (k = epoch·problemsPerEpoch + slot) is a function of the seed and k alone
 * ({@link BpttConfig#trainingProblems}), so an epoch boundary is a complete resume point. Not thread-safe: one
 * instance serves one training loop (its {@link Unroll} uses {@code threads} workers over coordinates, which never
 * changes a bit of the result).
 */
public final class BpttEstimator implements GradientEstimator {

    /** Label of the seed stream of the network's initial parameters. */
    public static final String INIT_SEED = "bptt-network-init";
    /** Label of the seed stream of the training problems (the family's {@code train} split). */
    public static final String TRAINING_SPLIT = "train";

    private final BpttConfig config;
    private final ProblemFamily family;
    private final RecurrentNet net;
    private final Map<String, Object> checkpointConfig;
    private List<Problem> trainingSplit;
    private Unroll unroll;
    private double[] state;

    /**
     * @param config the settings
     * @param family where the training problems come from
     */
    public BpttEstimator(BpttConfig config, ProblemFamily family) {
        this.config = config;
        this.family = family;
        config.spec().precision().requireSupported();
        this.net = config.spec().create();
        this.checkpointConfig = new LinkedHashMap<>();
        Map<String, Object> trainer = config.toMap();
        trainer.keySet().removeAll(BpttConfig.RESUMABLE_CHANGES);
        checkpointConfig.put("trainer", trainer);
        Map<String, Object> familyMap = new LinkedHashMap<>();
        familyMap.put("name", family.name());
        familyMap.put("config", family.config());
        checkpointConfig.put("family", familyMap);
    }

    /** The network being trained. */
    public RecurrentNet net() {
        return net;
    }

    @Override
    public int parameterCount() {
        return net.parameterCount();
    }

    @Override
    public double[] initialParameters() {
        return net.initialParameters(Seeds.derive(config.seed(), INIT_SEED));
    }

    @Override
    public int stepsPerEpoch() {
        return config.unrollsPerEpoch();
    }

    @Override
    public Epoch epoch(long epoch, double[] theta) {
        int n = config.problemsPerEpoch();
        List<Problem> problems = new ArrayList<>(n);
        List<double[]> starts = new ArrayList<>(n);
        for (int slot = 0; slot < n; slot++) {
            long k = epoch * n + slot;
            problems.add(trainingProblem(k));
            starts.add(problems.get(slot).initialPoint(trainingRestart(k)));
        }
        ProblemBatch batch = ProblemBatch.startingAt(problems, starts);
        int coordinates = Math.multiplyExact(batch.size(), batch.dimension());
        if (unroll == null) {
            unroll = new Unroll(net, config.lossWeights(), coordinates, config.threads());
            state = new double[Math.multiplyExact(coordinates, net.stateSize())];
        }
        net.kernel(theta).resetState(state, 0, coordinates);
        double[] problemWeights = config.normalizedLoss() ? inverseInitialValues(batch, epoch) : null;
        long initial = batch.totalGradientEvaluations();
        return new Epoch() {
            private boolean first = true;

            @Override
            public double estimate(double[] parameters, double[] gradient) {
                double loss = unroll.run(batch, net.kernel(parameters), state, first, gradient, problemWeights);
                first = false;
                return loss;
            }

            @Override
            public double finalObjective() {
                return unroll.finalMeanObjective();
            }

            @Override
            public long problemSteps() {
                return batch.totalGradientEvaluations() - initial;
            }
        };
    }

    /** 1/f_i at the start of the epoch, for renn's normalized meta-loss, which needs every f_i(θ_0) positive. */
    private double[] inverseInitialValues(ProblemBatch batch, long epoch) {
        double[] values = batch.values();
        double[] inverse = new double[batch.size()];
        for (int i = 0; i < inverse.length; i++) {
            if (!(values[i] > 0) || !Double.isFinite(values[i])) {
                throw new ConfigException("metaLoss mean-normalized divides by f at the start, but training problem "
                        + (epoch * batch.size() + i) + " of family '" + family.name() + "' starts at f = "
                        + values[i] + "; use metaLoss: sum for a family whose values are not positive");
            }
            inverse[i] = 1 / values[i];
        }
        return inverse;
    }

    @Override
    public Optimizer optimizer(double[] theta) {
        return new RecurrentLearnedOptimizer(net.kernel(theta), Map.of());
    }

    /** θ as a recurrent optimizer checkpoint. */
    public RecurrentCheckpoint checkpoint(double[] theta, Map<String, Object> provenance) {
        return new RecurrentCheckpoint(net.spec(), theta, checkpointConfig, provenance);
    }

    @Override
    public void saveOptimizer(double[] theta, Path file, Map<String, Object> provenance) {
        checkpoint(theta, provenance).save(file);
    }

    @Override
    public TrainedOptimizer trainedOptimizer(Path file) {
        return resultOptimizer(config, file);
    }

    /** The registered recurrent optimizer that loads a checkpoint of a network with these settings. */
    static TrainedOptimizer resultOptimizer(BpttConfig config, Path file) {
        String name = RecurrentLearnedOptimizer.nameOf(config.spec().cell());
        return new TrainedOptimizer(name, name, Map.of("checkpoint", file.toAbsolutePath().toString()));
    }

    @Override
    public void close() {
        if (unroll != null) {
            unroll.close();
            unroll = null;
        }
    }

    /** Training problem k of the run (k = epoch·problemsPerEpoch + slot); see {@link BpttConfig#trainingProblems}. */
    Problem trainingProblem(long k) {
        if (config.trainingProblems().equals("stream")) {
            return family.sample(Seeds.derive(config.seed(), TRAINING_SPLIT, k));
        }
        List<Problem> split = trainingSplit();
        return split.get((int) (k % split.size()));
    }

    /** The restart training problem k starts from. */
    int trainingRestart(long k) {
        return config.trainingProblems().equals("stream") ? 0 : Math.toIntExact(k / trainingSplit().size());
    }

    private List<Problem> trainingSplit() {
        if (trainingSplit == null) {
            List<Problem> split = family.problems(TRAINING_SPLIT, config.seed());
            if (split.isEmpty()) {
                throw new ConfigException("family '" + family.name() + "' has an empty '" + TRAINING_SPLIT
                        + "' split; use trainingProblems: stream");
            }
            trainingSplit = split;
        }
        return trainingSplit;
    }
}
