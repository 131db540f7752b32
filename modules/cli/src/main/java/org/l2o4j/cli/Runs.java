package org.l2o4j.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.l2o4j.core.config.Configs;
import org.l2o4j.core.engine.Engine;
import org.l2o4j.core.engine.LocalEngine;
import org.l2o4j.core.run.Provenance;
import org.l2o4j.core.run.RunFolder;
import org.l2o4j.eval.experiment.ExperimentOutcome;
import org.l2o4j.eval.experiment.ExperimentRunner;
import org.l2o4j.eval.experiment.ExperimentSpec;
import org.l2o4j.eval.experiment.Progress;
import org.l2o4j.eval.experiment.TuningRecord;
import org.l2o4j.eval.results.OptimizerSummary;
import org.l2o4j.eval.results.Timing;

import picocli.CommandLine;

/** Runs an experiment into a new run folder and prints what it found. */
final class Runs {

    private Runs() {
    }

    static int execute(ExperimentSpec spec, RunOptions options, CommandLine cl) {
        PrintWriter out = cl.getOut();
        long started = System.nanoTime();
        Path done;
        ExperimentOutcome outcome;
        boolean local = options.localEngine();
        try (RunFolder run = RunFolder.create(options.out, spec.name());
             Engine engine = local ? null : options.openEngine(spec.threads(), "l2o " + spec.name())) {
            out.printf("writing %s%n", quoted(run.target().toAbsolutePath()));
            if (engine != null) {
                out.printf("engine: %s%n", engine.description());
            }
            out.flush();
            Map<String, Object> provenance = Configs.toMap(Provenance.capture(spec.name(), spec.seed(),
                    "l2o " + String.join(" ", cl.getParseResult().originalArgs())));
            provenance.put("engine", engine == null ? "local, " + spec.threads() + " tuning threads"
                    : engine.description());
            run.writeJson("provenance.json", provenance);
            Progress progress = options.noProgress ? Progress.NONE : new ProgressBars(System.err);
            outcome = engine == null ? ExperimentRunner.run(spec, run, progress, new ExperimentFigures(),
                    options.metered(new LocalEngine(spec.threads())), options.metered(new LocalEngine(1)))
                    : ExperimentRunner.run(spec, run, progress, new ExperimentFigures(), engine, engine);
            done = run.commit();
            options.writeEngineStats();
        }
        double seconds = (System.nanoTime() - started) * 1e-9;
        printTable(out, outcome);
        out.printf("%nrun folder: %s (%.1f s)%n", quoted(done.toAbsolutePath()), seconds);
        out.flush();
        return 0;
    }

    private static void printTable(PrintWriter out, ExperimentOutcome o) {
        int steps = o.spec().evaluateSteps();
        out.printf("%n%s: %s, %d test functions x %d restarts, %d iterations%n", o.spec().name(), o.spec().family(),
                o.testProblems().size(), o.spec().restarts(), steps);
        List<OptimizerSummary> s = o.summaries();
        int width = "tuned on training functions".length();
        for (TuningRecord t : o.tuning()) {
            width = Math.max(width, settings(t.chosen()).length());
        }
        String row = "%-22s %-" + width + "s %12s %12s %10s %6s %9s %9s%n";
        out.printf(row, "optimizer", "tuned on training functions", "final mean", "final median", "margin", "win",
                "diverged", "us/step");
        for (int a = 0; a < s.size(); a++) {
            OptimizerSummary x = s.get(a);
            TuningRecord t = o.tuning().get(a);
            Timing time = o.timings().get(a);
            out.printf("%-22s %-" + width + "s %12.5g %12.5g %10.3g %5.0f%% %4d/%-4d %9.2f%n", x.label(),
                    settings(t.chosen()), x.finalObjective().estimate(),
                    x.finalMedian().estimate(), x.margin().estimate()[steps], 100 * x.winRate()[steps], x.diverged(),
                    x.runs(), time.secondsPerStep() * 1e6);
        }
        for (TuningRecord t : o.tuning()) {
            t.chosen().forEach((k, v) -> {
                if (v instanceof String text && text.contains("/")) {
                    out.printf("%s's %s: %s%n", t.label(), k, quoted(Path.of(text)));
                }
            });
        }
        for (TuningRecord t : o.tuning()) {
            if (!t.atGridEdge().isEmpty()) {
                out.printf("warning: %s's tuned %s lies at the edge of its grid; widen the grid (see tuning.json)%n",
                        t.label(), t.atGridEdge());
            }
        }
    }

    /**
     * A path as it can be pasted into a shell: in single quotes (a quote inside written as '\\'') when it holds
     * anything but letters, digits and {@code / . _ - + , : @ =}.
     */
    static String quoted(Path path) {
        String text = path.toString();
        return text.matches("[A-Za-z0-9/._\\-+,:@=]+") ? text : "'" + text.replace("'", "'\\''") + "'";
    }

    private static String shortPath(Path path) {
        int n = path.getNameCount();
        return n <= 2 ? path.toString() : "…/" + path.subpath(n - 2, n);
    }

    /**
     * Grid values as "key=value ...", numbers in short form; a path (a trained optimizer's checkpoint) by its last two
     * names, its whole form printed under the table.
     */
    private static String settings(Map<String, Object> chosen) {
        if (chosen.isEmpty()) {
            return "(nothing to tune)";
        }
        StringBuilder b = new StringBuilder();
        chosen.forEach((k, v) -> b.append(b.length() == 0 ? "" : " ").append(k).append('=')
                .append(v instanceof Double d ? String.format(Locale.ROOT, "%.3g", d).replaceAll("\\.?0+(e|$)", "$1")
                        : v instanceof String text && text.contains("/") ? shortPath(Path.of(text)) : v));
        return b.toString();
    }
}
