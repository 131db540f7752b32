package org.l2o4j.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.l2o4j.eval.experiment.ExperimentSpec;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code l2o compare}: an ad-hoc experiment from the command line. */
@Command(name = "compare", description = "Tune the given optimizers on a family's training functions and compare "
        + "them on its test functions.")
final class CompareCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private FamilyOptions family;

    @Option(names = "--optimizers", required = true, split = ",", paramLabel = "A,B,...",
            description = "optimizers to compare, each tuned on its default grid")
    private List<String> optimizers;

    @Option(names = "--steps", defaultValue = "100", description = "iterations on the test functions "
            + "(default: ${DEFAULT-VALUE})")
    private int steps;

    @Option(names = "--tune-steps", defaultValue = "40", description = "iterations per tuning run "
            + "(default: ${DEFAULT-VALUE})")
    private int tuneSteps;

    @Option(names = "--restarts", defaultValue = "1", description = "starting points per test function "
            + "(default: ${DEFAULT-VALUE})")
    private int restarts;

    @Option(names = "--seed", defaultValue = "0", description = "root seed (default: ${DEFAULT-VALUE})")
    private long seed;

    @Option(names = "--name", description = "experiment name for the run folder (default: compare-FAMILY)")
    private String name;

    @Mixin
    private RunOptions run;

    @Override
    public Integer call() {
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("name", name != null ? name : "compare-" + family.family);
        raw.put("description", "l2o compare");
        raw.put("family", family.family);
        raw.put("familyConfig", family.settings());
        raw.put("seed", seed);
        raw.put("tuneSteps", tuneSteps);
        raw.put("evaluateSteps", steps);
        raw.put("restarts", restarts);
        if (run.threads != null) {
            raw.put("threads", run.threads);
        }
        raw.put("optimizers", optimizers.stream().map(String::strip).toList());
        return Runs.execute(ExperimentSpec.fromMap(raw, "l2o compare"), run, spec.commandLine());
    }
}
