package org.l2o4j.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.l2o4j.core.catalog.Catalog;
import org.l2o4j.core.config.ConfigException;
import org.l2o4j.core.mdp.FeatureDrivenOptimizer;
import org.l2o4j.core.optimizer.Optimizer;
import org.l2o4j.core.problem.ProblemFamily;
import org.l2o4j.core.training.BoundTraining;
import org.l2o4j.core.training.TrainingFolder;
import org.l2o4j.eval.experiment.ExperimentSpec;
import org.l2o4j.eval.experiment.OptimizerSpec;
import org.l2o4j.policy.LearnedPolicyProvider;
import org.l2o4j.policy.PolicyStepRule;

import org.l2o4j.zoo.Zoo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code l2o evaluate}: a comparison experiment with a trained optimizer added as one more competitor (not tuned), on
 * the experiment's held-out functions, with its statistics and figures. A training run folder's trainer says which
 * optimizer it trained ({@link org.l2o4j.core.training.MetaTrainer#trainedOptimizer}), whatever the trainer: e.g.
 * GPS's policy (mean action, latest checkpoint) or a recurrent optimizer (its validation-best network). A policy
 * checkpoint file is run as Li &amp; Malik's learned optimizer.
 */
@Command(name = "evaluate", description = "Compare a trained optimizer with the tuned baselines of an experiment on "
        + "its held-out functions.")
final class EvaluateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--policy", required = true, paramLabel = "PATH",
            description = "a training run folder (any trainer), a policy checkpoint file, or a pretrained zoo:NAME "
                    + "('l2o zoo' lists them)")
    private String policy;

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
        OptimizerSpec learned;
        String name = experiment;
        Path path = Path.of(policy);
        if (Catalog.isPretrained(policy)) {
            learned = new OptimizerSpec(policy, label, Map.of(), Map.of(), false);
            if (name == null && policy.startsWith(Zoo.SCHEME + ":")) {
                name = String.valueOf(new Zoo().entry(policy.substring(Zoo.SCHEME.length() + 1)).heldOut()
                        .get("experiment"));
            }
        } else if (Files.isRegularFile(path)) {
            learned = OptimizerSpec.untuned(LearnedPolicyProvider.fromCheckpoint(path, "learned-policy"), label);
        } else {
            BoundTraining b = BoundTraining.bind(TrainingFolder.readFile(path), "the training file of " + policy);
            learned = OptimizerSpec.untuned(b.trainer().trainedOptimizer(path), label);
            if (name == null) {
                name = b.header().evaluation();
            }
        }
        if (name == null || name.isEmpty()) {
            throw new ConfigException("name the comparison with --experiment (the policy's training run names none)");
        }
        List<String> all = run.overrides(overrides);
        ExperimentSpec base = Experiments.read(Experiments.locate(name), all);
        checkDimension(learned, base);
        return Runs.execute(base.withTrained(learned), run, spec.commandLine());
    }

    /**
     * A policy on a history of features acts on problems of one dimension, its output's; a comparison of another
     * family would fail in the first step, deep inside the run, so it is refused here in the user's terms.
     */
    private void checkDimension(OptimizerSpec learned, ExperimentSpec experiment) {
        Optimizer optimizer = Catalog.optimizer(learned.name(), learned.hyperparameters());
        if (!(optimizer instanceof FeatureDrivenOptimizer driven) || !(driven.rule() instanceof PolicyStepRule rule)) {
            return;
        }
        int trained = rule.policy().outputDimension();
        ProblemFamily family = Catalog.family(experiment.family(), experiment.familyConfig());
        int dimension = family.sample(experiment.seed()).dimension();
        if (dimension != trained) {
            throw new ConfigException("the policy of " + policy + " was trained for problems of dimension " + trained
                    + ", but experiment '" + experiment.name() + "' compares on family '" + experiment.family()
                    + "' of dimension " + dimension + "; evaluate it with an experiment of the family it was trained on"
                    + " (by default its training file's 'evaluation')");
        }
    }
}
