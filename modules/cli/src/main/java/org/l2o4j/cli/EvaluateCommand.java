package org.l2o4j.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.l2o4j.core.config.ConfigException;
import org.l2o4j.eval.experiment.ExperimentSpec;
import org.l2o4j.eval.experiment.OptimizerSpec;
import org.l2o4j.gps.policy.PolicyStepRule;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code l2o evaluate}: a comparison experiment with a trained policy added as one more competitor (mean action, not
 * tuned), on the experiment's held-out functions, with its statistics and figures.
 */
@Command(name = "evaluate", description = "Compare a trained policy with the tuned baselines of an experiment on "
        + "its held-out functions.")
final class EvaluateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--policy", required = true, paramLabel = "PATH",
            description = "a training run folder, its checkpoints folder, or a policy checkpoint file")
    private Path policy;

    @Option(names = "--experiment", paramLabel = "EXPERIMENT", description = "comparison experiment (default: the "
            + "training run's 'evaluation')")
    private String experiment;

    @Option(names = "--label", defaultValue = "learned-policy", description = "the policy's name in results "
            + "(default: ${DEFAULT-VALUE})")
    private String label;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "override a key of the experiment, e.g. "
            + "--set evaluateSteps=200")
    private List<String> overrides = new ArrayList<>();

    @Mixin
    private RunOptions run;

    @Override
    public Integer call() {
        Path checkpoint = Files.isRegularFile(policy.resolve("training.yaml")) ? policy.resolve("checkpoints") : policy;
        String name = experiment;
        if (name == null) {
            Path training = policy.resolve("training.yaml");
            name = Files.isRegularFile(training) ? TrainingSpec.read(training, List.of()).evaluation() : "";
            if (name.isEmpty()) {
                throw new ConfigException("name the comparison with --experiment (the policy's training run names "
                        + "none)");
            }
        }
        List<String> all = run.overrides(overrides);
        ExperimentSpec base = Experiments.read(Experiments.locate(name), all);
        List<OptimizerSpec> competitors = new ArrayList<>();
        competitors.add(new OptimizerSpec(PolicyStepRule.OPTIMIZER_NAME, label,
                Map.of("checkpoint", checkpoint.toAbsolutePath().toString()), Map.of(), false));
        competitors.addAll(base.optimizers());
        ExperimentSpec withPolicy = new ExperimentSpec(base.name() + "-with-policy", base.description(),
                base.family(), base.familyConfig(), base.seed(), base.trainSplit(), base.testSplit(),
                base.tuneSteps(), base.criterion(), base.evaluateSteps(), base.restarts(), base.threads(),
                base.examples(), competitors);
        return Runs.execute(withPolicy, run, spec.commandLine());
    }
}
