package org.l2o4j.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
        try (RunFolder run = RunFolder.create(options.out, spec.name())) {
            run.writeJson("provenance.json", Provenance.capture(spec.name(), spec.seed(),
                    "l2o " + String.join(" ", cl.getParseResult().originalArgs())));
            Progress progress = options.noProgress ? Progress.NONE : new ProgressBars(System.err);
            outcome = ExperimentRunner.run(spec, run, progress, new ExperimentFigures());
            done = run.commit();
        }
        double seconds = (System.nanoTime() - started) * 1e-9;
        printTable(out, outcome);
        out.printf("%nrun folder: %s (%.1f s)%n", done.toAbsolutePath(), seconds);
        out.flush();
        return 0;
    }

    private static void printTable(PrintWriter out, ExperimentOutcome o) {
        int steps = o.spec().evaluateSteps();
        out.printf("%n%s: %s, %d test functions x %d restarts, %d iterations%n", o.spec().name(), o.spec().family(),
                o.testProblems().size(), o.spec().restarts(), steps);
        out.printf("%-22s %-34s %12s %12s %10s %6s %9s %9s%n", "optimizer", "tuned on training functions",
                "final mean", "final median", "margin", "win", "diverged", "us/step");
        List<OptimizerSummary> s = o.summaries();
        for (int a = 0; a < s.size(); a++) {
            OptimizerSummary x = s.get(a);
            TuningRecord t = o.tuning().get(a);
            Timing time = o.timings().get(a);
            out.printf("%-22s %-34s %12.5g %12.5g %10.3g %5.0f%% %4d/%-4d %9.2f%n", x.label(),
                    settings(t.chosen()), x.finalObjective().estimate(),
                    x.finalMedian().estimate(), x.margin().estimate()[steps], 100 * x.winRate()[steps], x.diverged(),
                    x.runs(), time.secondsPerStep() * 1e6);
        }
        for (TuningRecord t : o.tuning()) {
            if (!t.atGridEdge().isEmpty()) {
                out.printf("warning: %s's tuned %s lies at the edge of its grid; widen the grid (see tuning.json)%n",
                        t.label(), t.atGridEdge());
            }
        }
    }

    /** Grid values as "key=value ...", numbers in short form. */
    private static String settings(Map<String, Object> chosen) {
        if (chosen.isEmpty()) {
            return "(nothing to tune)";
        }
        StringBuilder b = new StringBuilder();
        chosen.forEach((k, v) -> b.append(b.length() == 0 ? "" : " ").append(k).append('=')
                .append(v instanceof Double d ? String.format(Locale.ROOT, "%.3g", d).replaceAll("\\.?0+(e|$)", "$1")
                        : v));
        return b.toString();
    }
}
