package org.l2o4j.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.l2o4j.core.config.ConfigException;
import org.l2o4j.core.training.BoundTraining;
import org.l2o4j.eval.experiment.ExperimentSpec;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code l2o reproduce EXPERIMENT}: runs an experiment file end to end into a new run folder. */
@Command(name = "reproduce", description = "Run an experiment from experiments/ (tune on training functions, "
        + "evaluate on held-out ones, write results and figures).")
final class ReproduceCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "EXPERIMENT", description = "experiment name (see 'l2o list experiments') or file")
    private String experiment;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "override a top-level key of the experiment, "
            + "e.g. --set evaluateSteps=200")
    private List<String> overrides = new ArrayList<>();

    @Mixin
    private RunOptions run;

    @Override
    public Integer call() {
        Path file = Experiments.locate(experiment);
        List<String> all = run.overrides(overrides);
        if (BoundTraining.isTraining(Experiments.readRaw(file, List.of()))) {
            throw new ConfigException("'" + experiment + "' is a training run; start it with 'l2o train "
                    + experiment + "'");
        }
        ExperimentSpec e = Experiments.read(file, all);
        return Runs.execute(e, run, spec.commandLine());
    }
}
