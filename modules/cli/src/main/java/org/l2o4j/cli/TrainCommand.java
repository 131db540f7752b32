package org.l2o4j.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.l2o4j.core.config.ConfigException;
import org.l2o4j.core.engine.Engine;
import org.l2o4j.core.run.Provenance;
import org.l2o4j.core.training.BoundTraining;
import org.l2o4j.core.training.TrainingFolder;
import org.l2o4j.core.training.TrainingListener;
import org.l2o4j.eval.experiment.Progress;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code l2o train}: trains a learned optimizer into a {@link TrainingFolder} (resolved training file, provenance, log,
 * checksummed checkpoints), or goes on with a run ({@code l2o train --resume RUN_FOLDER}). The file's {@code kind}
 * picks the trainer among those registered ({@code l2o list trainers}); this command is the same for all of them.
 */
@Command(name = "train", description = "Train a learned optimizer from a training file (its 'kind' names the "
        + "trainer: see 'l2o list trainers'), checkpointing as it goes.")
final class TrainCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @ArgGroup(multiplicity = "1")
    private Source source;

    /** Either a new run from an experiment, or a run to resume. */
    static final class Source {
        @Parameters(paramLabel = "EXPERIMENT", description = "training experiment name or file")
        String experiment;

        @Option(names = "--resume", paramLabel = "RUN_FOLDER", description = "go on with a run from its latest "
                + "checkpoint")
        Path resume;
    }

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "override a key of the training file (with "
            + "--resume only the trainer's resumable keys, listed by 'l2o list trainers', and threads, keepEvery, "
            + "description, evaluation may change)")
    private List<String> overrides = new ArrayList<>();

    @Mixin
    private RunOptions run;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        boolean resume = source.resume != null;
        Map<String, Object> raw;
        String where;
        if (resume) {
            TrainingFolder.readFile(source.resume);
            raw = Experiments.readRaw(source.resume.resolve(TrainingFolder.FILE), run.overrides(overrides));
            where = "the training file of " + source.resume;
        } else {
            Path file = Experiments.locate(source.experiment);
            raw = Experiments.readRaw(file, run.overrides(overrides));
            where = "training file " + file;
            if (!BoundTraining.isTraining(raw)) {
                throw new ConfigException("'" + source.experiment + "' is a comparison experiment, not a training "
                        + "run; run it with 'l2o reproduce " + source.experiment + "'");
            }
        }
        BoundTraining b;
        try {
            b = BoundTraining.bind(raw, where);
        } catch (ConfigException e) {
            throw Experiments.blameOverride(e, run.overrides(overrides));
        }
        Provenance session = Provenance.capture(b.header().name(), b.header().seed(), "l2o " + String.join(" ",
                spec.commandLine().getParseResult().originalArgs()));
        Progress progress = run.noProgress ? Progress.NONE : new ProgressBars(System.err);
        try (Engine engine = run.openEngine(b.header().threads(), "l2o train " + b.header().name());
                TrainingFolder folder = resume
                ? TrainingFolder.resume(source.resume, b.header(), b.trainer().settings(),
                        b.provider().resumableKeys(), b.trainer().budget(), session)
                : TrainingFolder.create(run.out, b.header(), b.trainer().settings(), b.provider().resumableKeys(),
                        session);
                ConsoleListener listener = new ConsoleListener(out, progress, b.header().name(),
                        b.trainer().budget().unit())) {
            b.trainSession(folder, listener, engine);
            listener.close();
            run.writeEngineStats();
            Path path = folder.path();
            out.printf("%nrun folder: %s%ncompare it with the baselines: l2o evaluate --policy %s%s%n",
                    Runs.quoted(path.toAbsolutePath()), Runs.quoted(path),
                    b.header().evaluation().isEmpty() ? " --experiment EXPERIMENT" : "");
            out.flush();
        }
        return 0;
    }

    /** Prints the trainer's lines and drives a progress bar over this session's units. */
    private static final class ConsoleListener implements TrainingListener, AutoCloseable {
        private final PrintWriter out;
        private final Progress progress;
        private final String name;
        private final String unit;
        private Progress.Task bar;
        private long done;

        ConsoleListener(PrintWriter out, Progress progress, String name, String unit) {
            this.out = out;
            this.progress = progress;
            this.name = name;
            this.unit = unit;
        }

        @Override
        public void started(long alreadyDone, long budget, String headline) {
            done = alreadyDone;
            out.printf("training %s: %s%s%n", name, headline, alreadyDone > 0 ? " (resuming after " + alreadyDone
                    + " " + unit + "s)" : "");
            out.flush();
            bar = progress.begin("train", Math.max(0, budget - alreadyDone));
        }

        @Override
        public void progressed(long doneNow, String line) {
            if (bar != null && doneNow > done) {
                bar.advance(doneNow - done);
            }
            done = Math.max(done, doneNow);
            if (!line.isEmpty()) {
                out.println(line);
                out.flush();
            }
        }

        @Override
        public void close() {
            if (bar != null) {
                bar.close();
                bar = null;
            }
        }
    }
}
