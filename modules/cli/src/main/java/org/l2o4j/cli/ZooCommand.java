package org.l2o4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import org.l2o4j.core.catalog.Catalog;
import org.l2o4j.core.config.ConfigException;
import org.l2o4j.core.config.Configs;
import org.l2o4j.core.problem.Problem;
import org.l2o4j.core.rollout.Rollout;
import org.l2o4j.core.rollout.RolloutResult;
import org.l2o4j.core.run.AtomicFiles;
import org.l2o4j.core.run.Sha256;
import org.l2o4j.core.training.BoundTraining;
import org.l2o4j.core.training.MetaTrainer;
import org.l2o4j.core.training.TrainedOptimizer;
import org.l2o4j.core.training.TrainingFolder;
import org.l2o4j.eval.curve.TrainingLog;
import org.l2o4j.eval.experiment.ExperimentSpec;
import org.l2o4j.zoo.Zoo;
import org.l2o4j.zoo.ZooEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code l2o zoo}: the trained optimizers shipped with L2O4J, one line each; {@code l2o zoo add} puts a trained run
 * into the zoo module's resources, with its training file, provenance, budget, held-out scores and the re-scoring
 * record its test repeats.
 */
@Command(name = "zoo", description = "List the pretrained optimizers (use one as zoo:NAME wherever an optimizer or a "
        + "policy is named).", subcommands = ZooCommand.Add.class)
final class ZooCommand implements Callable<Integer> {

    /** Test functions an entry is re-scored on, exactly, by the zoo's test. */
    static final int RESCORED_FUNCTIONS = 5;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Zoo zoo = new Zoo();
        if (zoo.entries().isEmpty()) {
            out.println("The zoo is empty.");
            return 0;
        }
        int width = zoo.entries().keySet().stream().mapToInt(String::length).max().orElse(0) + 4;
        for (ZooEntry e : zoo.entries().values()) {
            Map<String, Object> h = e.heldOut();
            out.printf(Locale.ROOT, "%-" + width + "s trained on %s (%s); held-out %s: final mean f %.4g vs best tuned "
                    + "baseline %s %.4g%n", "zoo:" + e.name(), e.training().get("file"), e.training().get("budget"),
                    h.get("experiment"), number(h, "learnedFinal"), h.get("bestBaseline"),
                    number(h, "bestBaselineFinal"));
        }
        return 0;
    }

    private static double number(Map<String, Object> map, String key) {
        return ((Number) map.get(key)).doubleValue();
    }

    /** {@code l2o zoo add}: a trained run and its evaluation into the zoo's resources. */
    @Command(name = "add", description = "Add a trained run to the zoo module's resources (for maintainers; rebuild "
            + "afterwards).")
    static final class Add implements Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME", description = "the entry's name (zoo:NAME)")
        private String name;

        @Option(names = "--run", required = true, paramLabel = "RUN", description = "the training run folder")
        private Path run;

        @Option(names = "--evaluation", required = true, paramLabel = "EVAL_RUN",
                description = "its 'l2o evaluate' run folder, whose scores the entry records")
        private Path evaluation;

        @Option(names = "--summary", required = true, description = "one line: what the optimizer is")
        private String summary;

        @Option(names = "--rescore-on", paramLabel = "EXPERIMENT", description = "the experiment whose first test "
                + "functions the zoo's test re-scores the entry on (default: the training's evaluation experiment; "
                + "name another where that one needs data the build does not ship, such as MNIST)")
        private String rescoreOn;

        @Override
        public Integer call() throws IOException {
            if (!name.matches("[a-z0-9][a-z0-9-]*")) {
                throw new ConfigException("zoo entry name '" + name + "' must be lower-case letters, digits and "
                        + "dashes, e.g. li-malik-logreg");
            }
            BoundTraining b = BoundTraining.bind(TrainingFolder.readFile(run), "the training file of " + run);
            TrainedOptimizer trained = b.trainer().trainedOptimizer(run);
            Path checkpoint = Path.of(String.valueOf(trained.hyperparameters().get("checkpoint")));
            String evaluated = b.header().evaluation();
            if (evaluated.isEmpty()) {
                throw new ConfigException(run + " names no evaluation experiment; the zoo records held-out scores");
            }
            ExperimentSpec experiment = Experiments.read(Experiments.locate(evaluated), List.of());
            JsonNode provenance = Configs.json().readTree(run.resolve("provenance.json").toFile());
            MetaTrainer.Budget budget = b.trainer().budget();
            Map<String, Object> training = new LinkedHashMap<>();
            training.put("file", b.header().name());
            training.put("kind", b.header().kind());
            training.put("seed", b.header().seed());
            training.put("replicate", b.header().replicate());
            training.put("gitCommit", provenance.path("gitCommit").asText());
            String spent = String.format(Locale.ROOT, "%,d %s%s", budget.units(), budget.unit(),
                    budget.units() == 1 ? "" : "s");
            TrainingLog log = TrainingLog.read(run);
            if (log.columns().contains("problemSteps") || log.columns().contains("problem_steps")) {
                spent += String.format(Locale.ROOT, ", %,d problem-steps", log.problemStepsAt(log.rows().size()));
            }
            training.put("budget", spent);

            Path root = resources();
            Path folder = root.resolve(name);
            Files.createDirectories(folder);
            String file = name + "/" + checkpoint.getFileName();
            byte[] bytes = Files.readAllBytes(checkpoint);
            AtomicFiles.write(root.resolve(file), tmp -> Files.write(tmp, bytes));
            AtomicFiles.writeString(folder.resolve("training.yaml"), Files.readString(run.resolve("training.yaml")));

            ZooEntry entry = new ZooEntry(name, summary, trained.optimizer(), file, Sha256.of(bytes), training,
                    heldOut(experiment), rescore(trained.optimizer(), checkpoint, rescoreOn == null ? experiment
                    : Experiments.read(Experiments.locate(rescoreOn), List.of())));
            List<ZooEntry> entries = new ArrayList<>(new Zoo().entries().values());
            entries.removeIf(e -> e.name().equals(name));
            entries.add(entry);
            entries.sort((x, y) -> x.name().compareTo(y.name()));
            AtomicFiles.writeJson(root.resolve("entries.json"), entries);
            spec.commandLine().getOut().println("added zoo:" + name + " (" + bytes.length + " bytes) to " + root
                    + "; rebuild to ship it");
            return 0;
        }

        /** The learned optimizer's and the best tuned baseline's mean objective, from the evaluation's summary. */
        private Map<String, Object> heldOut(ExperimentSpec experiment) throws IOException {
            JsonNode summary = Configs.json().readTree(evaluation.resolve("summary.json").toFile());
            JsonNode optimizers = summary.path("optimizers");
            if (!optimizers.isArray() || optimizers.size() < 2) {
                throw new ConfigException(evaluation + " is not an 'l2o evaluate' run (its summary.json lists no "
                        + "learned optimizer beside baselines)");
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("experiment", experiment.name());
            out.put("family", experiment.family());
            out.put("testFunctions", summary.path("testFunctions").asInt());
            out.put("steps", summary.path("steps").asInt());
            out.put("learnedFinal", finalMean(optimizers.get(0)));
            out.put("learnedMeanOverSteps", meanOverSteps(optimizers.get(0)));
            JsonNode best = null;
            for (int i = 1; i < optimizers.size(); i++) {
                if (best == null || finalMean(optimizers.get(i)) < finalMean(best)) {
                    best = optimizers.get(i);
                }
            }
            out.put("bestBaseline", best.path("label").asText());
            out.put("bestBaselineFinal", finalMean(best));
            out.put("bestBaselineMeanOverSteps", meanOverSteps(best));
            return out;
        }

        private static double finalMean(JsonNode optimizer) {
            JsonNode estimate = optimizer.path("mean").path("estimate");
            return estimate.get(estimate.size() - 1).asDouble();
        }

        private static double meanOverSteps(JsonNode optimizer) {
            double sum = 0;
            JsonNode estimate = optimizer.path("mean").path("estimate");
            for (JsonNode v : estimate) {
                sum += v.asDouble();
            }
            return sum / estimate.size();
        }

        /** f(x_T) of the trained optimizer on the experiment's first test functions, for the exact re-scoring test. */
        private static ZooEntry.Rescore rescore(String optimizer, Path checkpoint, ExperimentSpec experiment) {
            List<Problem> test = Catalog.family(experiment.family(), experiment.familyConfig())
                    .problems(experiment.testSplit(), experiment.seed()).subList(0, RESCORED_FUNCTIONS);
            RolloutResult r = Rollout.run(Catalog.optimizer(optimizer, Map.of("checkpoint", checkpoint.toString())),
                    test, test.stream().map(p -> p.initialPoint(0)).toList(),
                    Rollout.Options.of(experiment.evaluateSteps()), (t, steps) -> { });
            List<Double> finals = new ArrayList<>();
            for (double[] f : r.objective()) {
                finals.add(f[experiment.evaluateSteps()]);
            }
            return new ZooEntry.Rescore(experiment.family(), experiment.familyConfig(), experiment.seed(),
                    experiment.testSplit(), experiment.evaluateSteps(), finals);
        }

        /** The zoo module's resource folder of this checkout. */
        private static Path resources() {
            String home = System.getProperty("l2o.home");
            Path root = (home == null ? Path.of("") : Path.of(home)).toAbsolutePath()
                    .resolve("modules/zoo/src/main/resources/org/l2o4j/zoo");
            if (!Files.isDirectory(root)) {
                throw new ConfigException("no zoo module at " + root + "; run 'l2o zoo add' from an L2O4J checkout");
            }
            return root;
        }
    }
}
