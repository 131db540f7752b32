package org.l2o4j.dl4j.mnist;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.l2o4j.baselines.Grids;
import org.l2o4j.core.config.ConfigException;
import org.l2o4j.core.problem.Problem;
import org.l2o4j.core.rollout.DivergenceRule;
import org.l2o4j.core.rollout.RolloutResult;
import org.l2o4j.dl4j.LearnedUpdater;
import org.l2o4j.eval.experiment.Progress;
import org.l2o4j.eval.results.OptimizerSummary;
import org.l2o4j.eval.results.Timing;
import org.l2o4j.eval.stats.Interval;
import org.l2o4j.policy.recurrent.RecurrentLearnedOptimizer;
import org.l2o4j.problems.mnist.MnistImages;
import org.l2o4j.problems.mnist.MnistMlp;
import org.l2o4j.problems.mnist.MnistMlpFamily;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.Sgd;

/**
 * Andrychowicz et al.'s MNIST experiment (2016 §3.2, Fig. 4; papers.md §2.2) inside DeepLearning4j: the
 * {@code mnist-mlp} family's network as a DL4J {@link MultiLayerNetwork} ({@link MnistMlpNetwork}), trained by a
 * learned optimizer through {@link LearnedUpdater} and by DL4J's own Adam, SGD and Nesterov momentum with tuned learning
 * rates, on the same networks (initial points and minibatch streams), every step timed. It answers what the papers
 * leave out: what the learned optimizer costs per step next to the hand-designed ones, in the library people train
 * with.
 *
 * <p><b>Protocol.</b>
 * <ol>
 *   <li>Tuning: every baseline trains the first {@code tuneNetworks} networks of the family's {@code train} split
 *       (training-pool digits) for {@code tuneSteps} steps with each learning rate of its grid. A rate's score is the
 *       mean over those networks of the mean minibatch loss over the last tenth of the steps (one minibatch's loss is
 *       too noisy to rank rates by); a run that diverged ({@link DivergenceRule#DEFAULT}) scores +∞. The lowest score
 *       wins, a tie goes to the smaller rate. The learned optimizer has nothing to tune.</li>
 *   <li>Evaluation: the first {@code networks} networks of the {@code test} split (held-out digits; with seed 2016,
 *       the first held-out networks of the {@code l2l-mnist-baselines} experiment) are trained for {@code steps}
 *       steps by the learned optimizer and by each tuned baseline, network after network with the optimizers
 *       interleaved, so that the load of a shared machine falls on all of them alike.</li>
 * </ol>
 * Recorded per network and step t = 0..steps, as a {@link RolloutResult}: the minibatch loss f_t(θ_t) (the score DL4J
 * computes in step t before its update; at t = steps one more evaluation, not timed), ‖∇f_t(θ_t)‖, and the
 * cumulative wall-clock seconds spent inside DL4J's {@code fit} until θ_t (forward and backward pass and updater,
 * nothing else: building the minibatch is not charged).
 */
public final class MnistComparison {

    /** Label of DL4J's Adam in results: the registered name of the same algorithm, so figures colour it alike. */
    public static final String ADAM = "adam";
    /** Label of DL4J's Sgd. */
    public static final String SGD = "gradient-descent";
    /** Label of DL4J's Nesterovs. */
    public static final String NESTEROV = "nesterov";

    /** The share of the steps whose mean loss scores a tuning run (the last ones) and the table (first and last). */
    private static final double SHARE = 0.1;

    /**
     * What to compare.
     *
     * @param checkpoint       the learned optimizer: a recurrent optimizer checkpoint, a BPTT training run's folder
     *                         or {@code zoo:NAME}; {@code zoo:l2l-mnist-lstm} by default (the LSTM trained on this
     *                         family)
     * @param steps            training steps per evaluation network; 1,000 by default
     * @param networks         evaluation networks (the first of the {@code test} split); 3 by default
     * @param tuneSteps        steps per tuning run; 500 by default
     * @param tuneNetworks     tuning networks (the first of the {@code train} split); 2 by default
     * @param seed             the experiment seed the family's splits derive their networks from; 2016 by default
     * @param adamRates        Adam's learning-rate grid; 1e-4, 3e-4, …, 1 by default ({@link Grids#oneThree})
     * @param sgdRates         SGD's grid; 0.01, 0.03, …, 100 by default (a sigmoid network initialized at
     *                         N(0, 0.01²) needs large plain-gradient steps, as in {@code l2l-mnist-baselines})
     * @param nesterovRates    Nesterov momentum's grid; as SGD's by default
     * @param nesterovMomentum Nesterov's momentum, not tuned; 0.9 by default (DL4J's default and Andrychowicz et
     *                         al.'s NAG baseline)
     */
    public record Settings(String checkpoint, int steps, int networks, int tuneSteps, int tuneNetworks, long seed,
            List<Double> adamRates, List<Double> sgdRates, List<Double> nesterovRates, double nesterovMomentum) {

        /** The defaults above. */
        public static final Settings DEFAULTS = new Settings("zoo:l2l-mnist-lstm", 1000, 3, 500, 2, 2016,
                rates(Grids.oneThree(-4, 0)), rates(Grids.oneThree(-2, 2)), rates(Grids.oneThree(-2, 2)), 0.9);

        public Settings {
            if (checkpoint == null || checkpoint.isBlank()) {
                throw new ConfigException("the comparison needs a learned optimizer checkpoint (a file, a BPTT "
                        + "training run's folder or zoo:NAME)");
            }
            atLeastOne("steps", steps);
            atLeastOne("networks", networks);
            atLeastOne("tuneSteps", tuneSteps);
            atLeastOne("tuneNetworks", tuneNetworks);
            adamRates = grid("Adam", adamRates);
            sgdRates = grid("SGD", sgdRates);
            nesterovRates = grid("Nesterov", nesterovRates);
            if (!(nesterovMomentum >= 0 && nesterovMomentum < 1)) {
                throw new ConfigException("the Nesterov momentum must lie in [0, 1), got " + nesterovMomentum);
            }
        }

        /** These settings with another budget: steps and tuning steps, evaluation and tuning networks. */
        public Settings withBudget(int steps, int networks, int tuneSteps, int tuneNetworks) {
            return new Settings(checkpoint, steps, networks, tuneSteps, tuneNetworks, seed, adamRates, sgdRates,
                    nesterovRates, nesterovMomentum);
        }

        /** These settings with another learned optimizer and seed. */
        public Settings withCheckpointAndSeed(String checkpoint, long seed) {
            return new Settings(checkpoint, steps, networks, tuneSteps, tuneNetworks, seed, adamRates, sgdRates,
                    nesterovRates, nesterovMomentum);
        }

        /** The settings as written into a run's {@code config.yaml}. */
        public Map<String, Object> describe() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("checkpoint", checkpoint);
            m.put("steps", steps);
            m.put("networks", networks);
            m.put("tuneSteps", tuneSteps);
            m.put("tuneNetworks", tuneNetworks);
            m.put("seed", seed);
            m.put("adamRates", adamRates);
            m.put("sgdRates", sgdRates);
            m.put("nesterovRates", nesterovRates);
            m.put("nesterovMomentum", nesterovMomentum);
            m.put("tuningScore", "mean over the tuning networks of the mean minibatch loss over the last tenth of "
                    + "the tuning steps; diverged runs score +infinity");
            return m;
        }

        private static void atLeastOne(String name, int value) {
            if (value < 1) {
                throw new ConfigException(name + " must be at least 1, got " + value);
            }
        }

        private static List<Double> grid(String name, List<Double> rates) {
            if (rates == null || rates.isEmpty()) {
                throw new ConfigException(name + "'s learning-rate grid is empty; give at least one rate");
            }
            for (Double r : rates) {
                if (r == null || !(r > 0) || !Double.isFinite(r)) {
                    throw new ConfigException(name + "'s learning-rate grid holds " + r + "; rates must be finite "
                            + "and positive");
                }
            }
            return List.copyOf(rates);
        }

        private static List<Double> rates(List<Object> grid) {
            return grid.stream().map(v -> (Double) v).toList();
        }
    }

    /**
     * One baseline's grid search.
     *
     * @param label  the baseline's label
     * @param rates  the grid
     * @param scores each rate's score (+∞ where a run diverged)
     * @param chosen the winning rate
     */
    public record Tuning(String label, List<Double> rates, double[] scores, double chosen) {

        /** Whether the chosen rate is the grid's smallest or largest: the grid may need widening. */
        public boolean atGridEdge() {
            return rates.size() > 1 && (chosen == rates.get(0) || chosen == rates.get(rates.size() - 1));
        }
    }

    /**
     * One optimizer on the evaluation networks.
     *
     * @param label   its label in results and figures
     * @param updater the DL4J updater as configured (its {@code toString()})
     * @param result  per network and step: minibatch loss, gradient norm, evaluations and cumulative seconds
     */
    public record Run(String label, String updater, RolloutResult result) {
    }

    /**
     * One row of the comparison's table.
     *
     * @param label             the optimizer
     * @param updater           its DL4J updater as configured
     * @param finalLoss         f_T(θ_T), mean over the evaluation networks, with its 95 % interval
     * @param firstTenthLoss    mean minibatch loss over steps 1 .. T/10, mean over the networks: early progress (steps
     *                          1-100 of 1,000 are the horizon the MNIST LSTM was meta-trained for)
     * @param lastTenthLoss     mean minibatch loss over the last tenth of the steps, mean over the networks
     * @param msPerStepMean     mean wall-clock milliseconds per step
     * @param msPerStepMedian   median over all steps of all networks
     * @param ratioToAdam       mean time per step over Adam's
     * @param msOverheadVsAdam  mean milliseconds per step more than Adam's
     * @param diverged          evaluation networks on which it diverged
     */
    public record Row(String label, String updater, Interval finalLoss, double firstTenthLoss,
            double lastTenthLoss, double msPerStepMean,
            double msPerStepMedian, double ratioToAdam, double msOverheadVsAdam, int diverged) {
    }

    /**
     * What the comparison found.
     *
     * @param settings     what was compared
     * @param learnedLabel the learned optimizer's label ({@code lstm-optimizer} or {@code gru-optimizer})
     * @param tuning       the baselines' grid searches
     * @param runs         the learned optimizer's runs, then each baseline's
     */
    public record Result(Settings settings, String learnedLabel, List<Tuning> tuning, List<Run> runs) {

        /** The labels in the order of {@link #runs()}. */
        public List<String> labels() {
            return runs.stream().map(Run::label).toList();
        }

        /** Per-step statistics of every run, each against the others ({@link OptimizerSummary}). */
        public List<OptimizerSummary> summaries() {
            int[] network = new int[settings.networks()];
            Arrays.setAll(network, i -> i);
            return OptimizerSummary.of(labels(), runs.stream().map(Run::result).toList(), network);
        }

        /** The table: one row per optimizer, in the order of {@link #runs()}. */
        public List<Row> table() {
            List<OptimizerSummary> s = summaries();
            double adamMs = 1e3 * Timing.of(ADAM, run(ADAM).result()).secondsPerStep();
            List<Row> rows = new ArrayList<>();
            for (int a = 0; a < runs.size(); a++) {
                RolloutResult r = runs.get(a).result();
                double ms = 1e3 * Timing.of(runs.get(a).label(), r).secondsPerStep();
                rows.add(new Row(runs.get(a).label(), runs.get(a).updater(),
                        s.get(a).finalObjective(), windowMean(r.objective(), false), windowMean(r.objective(), true), ms, 1e3 * medianStepSeconds(r), ms / adamMs, ms - adamMs,
                        r.divergedCount()));
            }
            return rows;
        }

        /** The run labelled {@code label}. */
        public Run run(String label) {
            return runs.stream().filter(r -> r.label().equals(label)).findFirst().orElseThrow(
                    () -> new IllegalArgumentException("no run labelled '" + label + "'; the runs are " + labels()));
        }

        /**
         * One row per optimizer, network and step: {@code optimizer,network,iteration,loss,gradient_norm,seconds}
         * (loss and gradient norm at θ_t on minibatch t; seconds spent in DL4J's fit until θ_t).
         */
        public String curvesCsv() {
            StringBuilder b = new StringBuilder("optimizer,network,iteration,loss,gradient_norm,seconds\n");
            for (Run run : runs) {
                RolloutResult r = run.result();
                for (int i = 0; i < r.problems(); i++) {
                    for (int t = 0; t <= r.steps(); t++) {
                        b.append(run.label()).append(',').append(i).append(',').append(t).append(',')
                                .append(r.objective()[i][t]).append(',').append(r.gradientNorm()[i][t]).append(',')
                                .append(r.wallSeconds()[i][t]).append('\n');
                    }
                }
            }
            return b.toString();
        }

        /** One row per baseline and rate: {@code optimizer,learning_rate,score,chosen}. */
        public String tuningCsv() {
            StringBuilder b = new StringBuilder("optimizer,learning_rate,score,chosen\n");
            for (Tuning t : tuning) {
                for (int k = 0; k < t.rates().size(); k++) {
                    b.append(t.label()).append(',').append(t.rates().get(k)).append(',').append(t.scores()[k])
                            .append(',').append(t.rates().get(k) == t.chosen()).append('\n');
                }
            }
            return b.toString();
        }

        /** The table as a CSV with a header. */
        public String tableCsv() {
            StringBuilder b = new StringBuilder("optimizer,updater,final_loss_mean,final_loss_low,final_loss_high,"
                    + "first_tenth_loss,last_tenth_loss,ms_per_step_mean,ms_per_step_median,ratio_to_adam,ms_overhead_vs_adam,"
                    + "diverged\n");
            for (Row r : table()) {
                b.append(r.label()).append(",\"").append(r.updater().replace("\"", "\"\"")).append("\",")
                        .append(r.finalLoss().estimate()).append(',').append(r.finalLoss().low()).append(',')
                        .append(r.finalLoss().high()).append(',').append(r.firstTenthLoss()).append(',')
                        .append(r.lastTenthLoss()).append(',')
                        .append(r.msPerStepMean()).append(',').append(r.msPerStepMedian()).append(',')
                        .append(r.ratioToAdam()).append(',').append(r.msOverheadVsAdam()).append(',')
                        .append(r.diverged()).append('\n');
            }
            return b.toString();
        }
    }

    private MnistComparison() {
    }

    /**
     * Runs the comparison on {@code family}'s networks.
     *
     * @throws ConfigException if the checkpoint cannot be used (see {@link LearnedUpdater})
     */
    public static Result run(MnistMlpFamily family, Settings settings, Progress progress) {
        LearnedUpdater learned = new LearnedUpdater(settings.checkpoint());
        String learnedLabel = RecurrentLearnedOptimizer.nameOf(learned.network().spec().cell());
        List<MnistMlp> tuneNetworks = networks(family, "train", settings.seed(), settings.tuneNetworks());
        List<MnistMlp> evalNetworks = networks(family, "test", settings.seed(), settings.networks());

        List<Baseline> baselines = List.of(
                new Baseline(ADAM, settings.adamRates(), Adam::new),
                new Baseline(SGD, settings.sgdRates(), Sgd::new),
                new Baseline(NESTEROV, settings.nesterovRates(),
                        rate -> new Nesterovs(rate, settings.nesterovMomentum())));
        List<Tuning> tuning = new ArrayList<>();
        long tuneRuns = baselines.stream().mapToLong(b -> b.rates().size()).sum() * tuneNetworks.size();
        try (Progress.Task task = progress.begin("tune baselines", tuneRuns)) {
            for (Baseline b : baselines) {
                tuning.add(tune(family, b, tuneNetworks, settings.tuneSteps(), task));
            }
        }

        List<String> labels = new ArrayList<>(List.of(learnedLabel));
        List<IUpdater> updaters = new ArrayList<>(List.of(learned));
        for (int k = 0; k < baselines.size(); k++) {
            labels.add(baselines.get(k).label());
            updaters.add(baselines.get(k).updater().at(tuning.get(k).chosen()));
        }
        List<List<Trace>> traces = new ArrayList<>();
        labels.forEach(l -> traces.add(new ArrayList<>()));
        try (Progress.Task task = progress.begin("train networks", (long) labels.size() * evalNetworks.size())) {
            for (MnistMlp network : evalNetworks) {
                for (int a = 0; a < labels.size(); a++) {
                    traces.get(a).add(train(family, network, updaters.get(a), settings.steps()));
                    task.advance(1);
                }
            }
        }
        List<Run> runs = new ArrayList<>();
        for (int a = 0; a < labels.size(); a++) {
            runs.add(new Run(labels.get(a), updaters.get(a).toString(),
                    rollout(labels.get(a), updaters.get(a), traces.get(a), settings.steps())));
        }
        return new Result(settings, learnedLabel, tuning, runs);
    }

    /** A baseline and its grid. */
    private record Baseline(String label, List<Double> rates, RateUpdater updater) {
    }

    /** DL4J's updater at a learning rate. */
    @FunctionalInterface
    private interface RateUpdater {
        IUpdater at(double learningRate);
    }

    /** One network's training: loss and gradient norm at θ_t, seconds until θ_t, the step it diverged at or -1. */
    private record Trace(double[] objective, double[] gradientNorm, double[] seconds, int divergedAt) {
    }

    private static List<MnistMlp> networks(MnistMlpFamily family, String split, long seed, int count) {
        List<Problem> all = family.problems(split, seed);
        if (count > all.size()) {
            throw new ConfigException("the " + split + " split of the family has " + all.size() + " networks, "
                    + count + " were asked for; raise the family's " + split + "Problems or ask for fewer");
        }
        return all.subList(0, count).stream().map(p -> (MnistMlp) p).toList();
    }

    private static Tuning tune(MnistMlpFamily family, Baseline b, List<MnistMlp> networks, int steps,
            Progress.Task task) {
        double[] scores = new double[b.rates().size()];
        int best = -1;
        for (int k = 0; k < scores.length; k++) {
            double sum = 0;
            for (MnistMlp network : networks) {
                Trace t = train(family, network, b.updater().at(b.rates().get(k)), steps);
                sum += t.divergedAt() >= 0 ? Double.POSITIVE_INFINITY : windowMean(t.objective(), true);
                task.advance(1);
            }
            scores[k] = sum / networks.size();
            if (best < 0 || scores[k] < scores[best]) {
                best = k;
            }
        }
        return new Tuning(b.label(), b.rates(), scores, b.rates().get(best));
    }

    /**
     * Trains one network from its θ0 on its minibatch stream for {@code steps} steps, timing each {@code fit}.
     * Divergence follows {@link DivergenceRule#DEFAULT}: from the step it is detected at, loss and gradient norm are
     * NaN and nothing more is spent.
     */
    private static Trace train(MnistMlpFamily family, MnistMlp problem, IUpdater updater, int steps) {
        int batchSize = family.settings().batchSize();
        MnistImages images = family.digits().images();
        MultiLayerNetwork net = MnistMlpNetwork.start(family.settings(), updater, problem);
        GradientNorm norm = new GradientNorm(batchSize);
        net.setListeners(norm);
        double[] objective = new double[steps + 1];
        double[] gradientNorm = new double[steps + 1];
        double[] seconds = new double[steps + 1];
        double limit = DivergenceRule.DEFAULT.iterateLimit(net.params().amaxNumber().doubleValue());
        long nanos = 0;
        for (int t = 0; t <= steps; t++) {
            DataSet batch = MnistMlpNetwork.minibatch(images, problem, t);
            double maxAbs = net.params().amaxNumber().doubleValue();
            double f;
            double g;
            if (t < steps) {
                long t0 = System.nanoTime();
                net.fit(batch);
                nanos += System.nanoTime() - t0;
                f = net.score();
                g = norm.last;
            } else {
                net.setInput(batch.getFeatures());
                net.setLabels(batch.getLabels());
                net.computeGradientAndScore();
                f = net.score();
                g = GradientNorm.of(net, batchSize);
            }
            if (t > 0 && (DivergenceRule.DEFAULT.objectiveDiverged(f, objective[0]) || !(maxAbs <= limit)
                    || !Double.isFinite(g))) {
                Arrays.fill(objective, t, steps + 1, Double.NaN);
                Arrays.fill(gradientNorm, t, steps + 1, Double.NaN);
                Arrays.fill(seconds, t + 1, steps + 1, seconds[t]);
                return new Trace(objective, gradientNorm, seconds, t);
            }
            objective[t] = f;
            gradientNorm[t] = g;
            if (t < steps) {
                seconds[t + 1] = nanos * 1e-9;
            }
        }
        return new Trace(objective, gradientNorm, seconds, -1);
    }

    /** The traces of one optimizer as a rollout's record: one value and one gradient evaluation per step. */
    private static RolloutResult rollout(String label, IUpdater updater, List<Trace> traces, int steps) {
        int n = traces.size();
        double[][] objective = new double[n][];
        double[][] gradientNorm = new double[n][];
        double[][] seconds = new double[n][];
        long[][] evaluations = new long[n][steps + 1];
        int[] divergedAt = new int[n];
        for (int i = 0; i < n; i++) {
            Trace t = traces.get(i);
            objective[i] = t.objective();
            gradientNorm[i] = t.gradientNorm();
            seconds[i] = t.seconds();
            divergedAt[i] = t.divergedAt();
            int last = t.divergedAt() < 0 ? steps : t.divergedAt();
            for (int s = 0; s <= steps; s++) {
                evaluations[i][s] = Math.min(s, last) + 1;
            }
        }
        Map<String, Object> hyperparameters = new LinkedHashMap<>();
        hyperparameters.put("updater", updater.toString());
        if (updater instanceof LearnedUpdater l) {
            hyperparameters.put("checkpoint", l.checkpoint());
            hyperparameters.put("sha256", l.sha256());
        } else {
            hyperparameters.put("learningRate", updater.getLearningRate(0, 0));
        }
        return new RolloutResult(label, hyperparameters, objective, gradientNorm, evaluations,
                Arrays.stream(evaluations).map(long[]::clone).toArray(long[][]::new), new long[n][steps + 1],
                seconds, divergedAt, null);
    }

    /**
     * Mean over runs of the mean of f over each run's first tenth of steps (t = 1 .. T/10) or its last tenth (the last
     * T/10 values up to t = T), at least one step either way; runs that diverged (NaN there) are left out.
     */
    private static double windowMean(double[][] objective, boolean last) {
        double sum = 0;
        int runs = 0;
        for (double[] f : objective) {
            double m = windowMean(f, last);
            if (Double.isFinite(m)) {
                sum += m;
                runs++;
            }
        }
        return runs == 0 ? Double.NaN : sum / runs;
    }

    private static double windowMean(double[] f, boolean last) {
        int steps = f.length - 1;
        int count = Math.max(1, (int) Math.round(SHARE * steps));
        int from = last ? steps - count + 1 : 1;
        double sum = 0;
        for (int t = from; t < from + count; t++) {
            sum += f[t];
        }
        return sum / count;
    }

    /**
     * The trailing moving average of {@code f} over {@code window} values (fewer at the start: value t averages
     * f[max(0, t − window + 1) .. t]), which the figures draw: one minibatch's loss swings by a factor of ten from step
     * to step once it is small.
     */
    public static double[] trailingMean(double[] f, int window) {
        if (window < 1) {
            throw new IllegalArgumentException("the window must hold at least one value, got " + window);
        }
        double[] out = new double[f.length];
        double sum = 0;
        for (int t = 0; t < f.length; t++) {
            sum += f[t];
            if (t >= window) {
                sum -= f[t - window];
            }
            out[t] = sum / Math.min(t + 1, window);
        }
        return out;
    }

    /** Median over every step of every run of the seconds that step took; steps after a divergence are left out. */
    private static double medianStepSeconds(RolloutResult r) {
        List<Double> steps = new ArrayList<>();
        for (int i = 0; i < r.problems(); i++) {
            int last = r.divergedAt()[i] < 0 ? r.steps() : r.divergedAt()[i];
            for (int t = 1; t <= last; t++) {
                steps.add(r.wallSeconds()[i][t] - r.wallSeconds()[i][t - 1]);
            }
        }
        double[] s = steps.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return s.length == 0 ? Double.NaN
                : s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    /**
     * Reads ‖∇f‖ of the minibatch's mean loss when DL4J has computed the gradient and before the updater overwrites it:
     * DL4J's backward pass leaves the gradient of the summed loss in the network's gradient array, and its updater
     * divides by the minibatch size.
     */
    private static final class GradientNorm extends BaseTrainingListener {
        private final int batchSize;
        private double last = Double.NaN;

        GradientNorm(int batchSize) {
            this.batchSize = batchSize;
        }

        static double of(MultiLayerNetwork net, int batchSize) {
            return net.getGradientsViewArray().norm2Number().doubleValue() / batchSize;
        }

        @Override
        public void onGradientCalculation(Model model) {
            last = of((MultiLayerNetwork) model, batchSize);
        }
    }
}
