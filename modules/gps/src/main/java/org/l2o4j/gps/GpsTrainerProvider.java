package org.l2o4j.gps;

import java.util.Map;
import java.util.Set;

import org.l2o4j.core.training.MetaTrainer;
import org.l2o4j.core.training.TrainerProvider;
import org.l2o4j.core.training.TrainingHeader;

/**
 * Registers guided policy search ({@link GpsTrainer}) as the training kind {@value GpsTrainer#KIND}; the file's
 * trainer keys are {@link GpsTrainingSettings}'s. A resume may raise {@code iterations}.
 */
public final class GpsTrainerProvider implements TrainerProvider {

    @Override
    public String kind() {
        return GpsTrainer.KIND;
    }

    @Override
    public String description() {
        return "Li & Malik's softplus MLP policy by guided policy search (MDGPS or BADMM coupling)";
    }

    @Override
    public Set<String> resumableKeys() {
        return Set.of("iterations");
    }

    @Override
    public MetaTrainer create(TrainingHeader header, Map<String, Object> settings, String source) {
        Object profile = settings.getOrDefault("profile", GpsTrainingSettings.DEFAULTS.profile());
        return new GpsTrainer(header, header.bind(settings, GpsTrainingSettings.defaults(String.valueOf(profile)),
                source));
    }
}
