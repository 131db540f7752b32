package org.l2o4j.bptt;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.l2o4j.core.catalog.Catalog;
import org.l2o4j.core.config.ConfigException;
import org.l2o4j.core.training.MetaTrainer;
import org.l2o4j.core.training.TrainerProvider;
import org.l2o4j.core.training.TrainingHeader;

/**
 * Registers {@link BpttTrainer} as the training kind {@value BpttTrainer#KIND}. Besides the header, a file holds
 * {@link BpttConfig}'s settings by their names at the top level ({@code cell}, {@code epochs}, ...), over
 * {@link BpttConfig#lstm()} or, with {@code cell: gru}, {@link BpttConfig#gru()}. The training problems are the
 * family's {@code train} split (or a fresh stream, {@code trainingProblems: stream}); with the comparison experiment's
 * family, settings and seed, the learned optimizer meets exactly the functions its baselines are tuned on.
 */
public final class BpttTrainerProvider implements TrainerProvider {

    @Override
    public String kind() {
        return BpttTrainer.KIND;
    }

    @Override
    public String description() {
        return "a recurrent learned optimizer (LSTM, GRU) by truncated backpropagation through the unrolled "
                + "optimization (Andrychowicz et al. 2016)";
    }

    @Override
    public Set<String> resumableKeys() {
        Set<String> keys = new HashSet<>(BpttConfig.RESUMABLE_CHANGES);
        keys.remove("threads");
        return keys;
    }

    @Override
    public MetaTrainer create(TrainingHeader header, Map<String, Object> settings, String source) {
        // The cell chooses the base profile, so that a GRU file need not restate the GRU's defaults.
        BpttConfig base = "gru".equals(settings.get("cell")) ? BpttConfig.gru() : BpttConfig.lstm();
        Map<String, Object> keys = new LinkedHashMap<>(settings);
        if (header.replicate() != 0) {
            throw new ConfigException(source + ": bptt-training draws its training and validation problems from its "
                    + "seed, so 'replicate' (other meta-training streams on the same functions) is not available for it "
                    + "yet; leave replicate at 0");
        }
        keys.put("seed", header.seed());
        keys.put("threads", header.threads());
        BpttConfig config = header.bind(keys, base, source);
        return new BpttTrainer(config, () -> Catalog.family(header.family(), header.familyConfig()));
    }
}
