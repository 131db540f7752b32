package org.l2o4j.policysearch.es;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.l2o4j.core.config.ConfigException;
import org.l2o4j.core.config.Configs;
import org.l2o4j.core.engine.Engine;
import org.l2o4j.core.problem.Problem;
import org.l2o4j.core.training.MetaTrainer;
import org.l2o4j.core.training.TrainerProvider;
import org.l2o4j.core.training.TrainingHeader;
import org.l2o4j.core.training.gradient.GradientMetaTrainer;
import org.l2o4j.policy.LearnedPolicyProvider;
import org.l2o4j.policysearch.PolicyEpisodes;
import org.l2o4j.policysearch.PolicyParameters;
import org.l2o4j.policysearch.TrainingFunctions;
import org.l2o4j.policysearch.TrainingSet;

/**
 * Registers evolution strategies on the shared outer loop: {@link Es} as {@code es-training} (full episodes) and
 * {@link Pes} as {@code pes-training} (truncated episodes). Keys: {@link EsSettings}'s; a resume may raise
 * {@code epochs} or change the checkpoint cadence.
 */
public abstract class EsTrainerProvider implements TrainerProvider {

    private final String kind;
    private final EsSettings defaults;

    private EsTrainerProvider(String kind, EsSettings defaults) {
        this.kind = kind;
        this.defaults = defaults;
    }

    /** Full-episode antithetic ES. */
    public static final class Es extends EsTrainerProvider {
        public Es() {
            super("es-training", EsSettings.ES);
        }

        @Override
        public String description() {
            return "Li & Malik's softplus MLP policy by antithetic evolution strategies on full episodes";
        }
    }

    /** Persistent ES on truncated episodes. */
    public static final class Pes extends EsTrainerProvider {
        public Pes() {
            super("pes-training", EsSettings.PES);
        }

        @Override
        public String description() {
            return "Li & Malik's softplus MLP policy by persistent evolution strategies on truncated episodes "
                    + "(Vicol et al. 2021)";
        }
    }

    @Override
    public String kind() {
        return kind;
    }

    @Override
    public Set<String> resumableKeys() {
        return Set.of("epochs", "problemSteps", "checkpointEveryEpochs");
    }

    @Override
    public MetaTrainer create(TrainingHeader header, Map<String, Object> settings, String source) {
        EsSettings s = header.bind(settings, defaults, source);
        if (kind.equals("es-training") && s.truncationLength() != s.horizon()) {
            throw new ConfigException(source + ": es-training runs full episodes (truncation 0); use kind "
                    + "pes-training for truncations of " + s.truncation() + " steps");
        }
        String label = kind.substring(0, kind.indexOf('-')) + "-policy";
        return new GradientMetaTrainer(kind, Configs.toMap(s), s.loop(),
                engine -> estimator(header, s, label, engine), () -> set(header, s).validation(s.horizon()),
                () -> headline(header, s),
                file -> LearnedPolicyProvider.fromCheckpoint(file, label));
    }

    private static EvolutionStrategies estimator(TrainingHeader header, EsSettings s, String label, Engine engine) {
        List<Problem> functions = set(header, s).training();
        PolicyEpisodes episodes = new PolicyEpisodes(s.featurePreset(), s.horizon(), functions, s.hiddenUnits());
        return new EvolutionStrategies(s, header.trainerSeed(), engine, TrainingFunctions.of(header, s.trainSplit(),
                functions.size()), PolicyParameters.starting(s.initialPolicy(), episodes, s.normalizationStepSize(),
                        label));
    }

    private static TrainingSet set(TrainingHeader header, EsSettings s) {
        return TrainingSet.of(header, s.trainSplit(), s.conditions(), s.validationFunctions());
    }

    private String headline(TrainingHeader header, EsSettings s) {
        return String.format(Locale.ROOT, "%s over a %d-unit policy on %s/%s, %d epochs of %d pairs (sigma %.3g) on %d "
                + "functions, T = %d in truncations of %d, validated every %d epochs on %d held-out functions", kind,
                s.hiddenUnits(), header.family(), s.trainSplit(), s.epochs(), s.pairs(), s.sigma(),
                s.functionsPerStep(), s.horizon(), s.truncationLength(), s.validateEveryEpochs(),
                s.validationFunctions());
    }
}
