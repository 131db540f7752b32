package org.l2o4j.policysearch.unroll;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.l2o4j.core.config.Configs;
import org.l2o4j.core.problem.Problem;
import org.l2o4j.core.training.MetaTrainer;
import org.l2o4j.core.training.TrainerProvider;
import org.l2o4j.core.training.TrainingHeader;
import org.l2o4j.core.training.gradient.GradientMetaTrainer;
import org.l2o4j.policy.LearnedPolicyProvider;
import org.l2o4j.policysearch.PolicyEpisodes;
import org.l2o4j.policysearch.PolicyParameters;
import org.l2o4j.policysearch.TrainingSet;

/**
 * Registers backpropagation through the unrolled optimization for the MLP policy ({@link UnrolledPolicy}) on the
 * shared outer loop as {@value #KIND}. Keys: {@link UnrollSettings}'s; a resume may raise {@code epochs} or change the
 * checkpoint cadence.
 */
public final class UnrollTrainerProvider implements TrainerProvider {

    /** The {@code kind} of an MLP-BPTT training file. */
    public static final String KIND = "mlp-bptt-training";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String description() {
        return "Li & Malik's softplus MLP policy by backpropagation through the unrolled optimization (no second "
                + "derivatives)";
    }

    @Override
    public Set<String> resumableKeys() {
        return Set.of("epochs", "problemSteps", "checkpointEveryEpochs");
    }

    @Override
    public MetaTrainer create(TrainingHeader header, Map<String, Object> settings, String source) {
        UnrollSettings s = header.bind(settings, UnrollSettings.DEFAULTS, source);
        String label = "mlp-bptt-policy";
        return new GradientMetaTrainer(KIND, Configs.toMap(s), s.loop(), engine -> {
            List<Problem> functions = set(header, s).training();
            PolicyEpisodes episodes = new PolicyEpisodes(s.featurePreset(), s.horizon(), functions,
                    s.hiddenUnits());
            return new UnrolledPolicy(s, header.trainerSeed(), functions,
                    PolicyParameters.starting(s.initialPolicy(), episodes, s.normalizationStepSize(), label));
        }, () -> set(header, s).validation(s.horizon()), () -> String.format(Locale.ROOT, "backpropagation "
                + "through unrolls of %d steps, a %d-unit policy on %s/%s, %d epochs of %d functions x %d steps, "
                + "validated every %d epochs on %d held-out functions", s.unrollLength(), s.hiddenUnits(),
                header.family(), s.trainSplit(), s.epochs(), s.functionsPerEpoch(), s.horizon(),
                s.validateEveryEpochs(), s.validationFunctions()),
                file -> LearnedPolicyProvider.fromCheckpoint(file, label));
    }

    private static TrainingSet set(TrainingHeader header, UnrollSettings s) {
        return TrainingSet.of(header, s.trainSplit(), s.conditions(), s.validationFunctions());
    }
}
