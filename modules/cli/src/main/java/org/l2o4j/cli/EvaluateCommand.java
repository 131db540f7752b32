package org.l2o4j.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.l2o4j.core.config.ConfigException;
import org.l2o4j.eval.experiment.ExperimentSpec;
import org.l2o4j.eval.experiment.OptimizerSpec;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code l2o evaluate}: a comparison experiment with a trained optimizer added as one more competitor (not tuned), on
 * the experiment's held-out functions, with its statistics and figures. A training run folder says which optimizer it
 * trained ({@link TrainingFile#trainedOptimizer}): GPS's policy (mean action, latest checkpoint) or a recurrent
 * optimizer (its validation-best network).
 */
@Command(name = "evaluate", description = "Compare a trained optimizer with the tuned baselines of an experiment on "
        + "its held-out functions.")
final class EvaluateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--policy", required = true, paramLabel = "PATH",
            description = "a training run folder (GPS or BPTT), or a GPS checkpoints folder or policy checkpoint file")
    private Path policy;

    @Option(names = "--experiment", paramLabel = "EXPERIMENT", description = "comparison experiment (default: the "
            + "training run's 'evaluation')")
    private String experiment;

    @Option(names = "--label", description = "the optimizer's name in results (default: learned-policy for a GPS "
            + "policy, lstm-optimizer or gru-optimizer for a recurrent one)")
    private String label;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "override a key of the experiment, e.g. "
            + "--set evaluateSteps=200")
    private List<String> overrides = new ArrayList<>();

    @Mixin
    private RunOptions run;

    @Override
    public Integer call() {
        Path trainingFile = policy.resolve(TrainingFile.SPEC_FILE);
        TrainingFile training = Files.isRegularFile(trainingFile) ? TrainingFile.read(trainingFile, List.of()) : null;
        String name = experiment != null ? experiment : training != null ? training.evaluation() : "";
        if (name.isEmpty()) {
            throw new ConfigException("name the comparison with --experiment (the policy's training run names none)");
        }
        OptimizerSpec learned = training != null ? training.trainedOptimizer(policy, label)
                : TrainingSpec.policyAt(policy, label);
        List<String> all = run.overrides(overrides);
        ExperimentSpec base = Experiments.read(Experiments.locate(name), all);
        List<OptimizerSpec> competitors = new ArrayList<>();
        competitors.add(learned);
        competitors.addAll(base.optimizers());
        ExperimentSpec withPolicy = new ExperimentSpec(base.name() + "-with-policy", base.description(),
                base.family(), base.familyConfig(), base.seed(), base.trainSplit(), base.testSplit(),
                base.tuneSteps(), base.criterion(), base.evaluateSteps(), base.restarts(), base.threads(),
                base.examples(), competitors);
        return Runs.execute(withPolicy, run, spec.commandLine());
    }
}
