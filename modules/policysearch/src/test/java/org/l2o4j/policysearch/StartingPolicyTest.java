package org.l2o4j.policysearch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.l2o4j.core.run.Provenance;
import org.l2o4j.core.training.MetaTrainer;
import org.l2o4j.core.training.TrainerProvider;
import org.l2o4j.core.training.TrainingFolder;
import org.l2o4j.core.training.TrainingHeader;
import org.l2o4j.core.training.TrainingListener;
import org.l2o4j.core.training.gradient.GradientMetaTrainer;
import org.l2o4j.policy.GaussianMlpPolicy;
import org.l2o4j.policy.LearnedPolicyProvider;
import org.l2o4j.policy.PolicyCheckpoint;
import org.l2o4j.policysearch.cem.CrossEntropyMethodProvider;
import org.l2o4j.policysearch.ppo.PpoTrainer;
import org.l2o4j.policysearch.unroll.UnrollTrainerProvider;

/**
 * CEM and PPO started from a given policy, with their search switched off (CEM: σ = 1e-12 and no extra variance;
 * PPO: learning rate 1e-12), save that policy back: its weights to 1e-9 and its input normalization exactly.
 */
class StartingPolicyTest {

    @TempDir
    Path temp;

    private Path train(TrainerProvider provider, Map<String, Object> raw, String name) {
        TrainingHeader.Split split = TrainingHeader.split(raw, "test");
        MetaTrainer t = provider.create(split.header(), split.settings(), "test");
        try (TrainingFolder folder = TrainingFolder.create(temp.resolve(name), split.header(), t.settings(),
                Set.of(), Provenance.capture("test", 11, "test"))) {
            t.train(folder, TrainingListener.NONE);
            return folder.path();
        }
    }

    private static Map<String, Object> header(String kind) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", kind);
        m.put("family", "logistic-regression");
        m.put("seed", 11);
        m.put("hiddenUnits", 4);
        m.put("horizon", 8);
        return m;
    }

    @Test
    void cemAndPpoWithoutSearchGiveTheStartingPolicyBack() {
        Map<String, Object> unroll = header(UnrollTrainerProvider.KIND);
        unroll.put("conditions", 5);
        unroll.put("validationFunctions", 2);
        unroll.put("unrollLength", 4);
        unroll.put("functionsPerEpoch", 2);
        unroll.put("epochs", 2);
        Path start = TrainingFolder.latestFile(train(new UnrollTrainerProvider(), unroll, "start"),
                GradientMetaTrainer.BEST_FILE);
        GaussianMlpPolicy given = PolicyCheckpoint.load(start).policy();

        Map<String, Object> cem = header("cem-training");
        cem.put("conditions", 3);
        cem.put("generations", 1);
        cem.put("population", 4);
        cem.put("functionsPerGeneration", 2);
        cem.put("initialStd", 1e-12);
        cem.put("extraVariance", 0.0);
        cem.put("initialPolicy", start.toString());
        Map<String, Object> ppo = header(PpoTrainer.KIND);
        ppo.put("conditions", 3);
        ppo.put("iterations", 1);
        ppo.put("episodes", 2);
        ppo.put("minibatch", 8);
        ppo.put("valueHiddenUnits", 4);
        ppo.put("learningRate", 1e-12);
        ppo.put("initialPolicy", start.toString());
        for (Map.Entry<TrainerProvider, Map<String, Object>> e : Map.of(new CrossEntropyMethodProvider(), cem,
                new PpoTrainer.Provider(), ppo).entrySet()) {
            GaussianMlpPolicy saved = PolicyCheckpoint.load(TrainingFolder.latestFile(train(e.getKey(), e.getValue(),
                    e.getKey().kind()), LearnedPolicyProvider.FILE)).policy();
            assertArrayEquals(given.parameters(), saved.parameters(), 1e-9, e.getKey().kind());
            assertArrayEquals(given.normalization().mean(), saved.normalization().mean(), 0.0, e.getKey().kind());
            assertArrayEquals(given.normalization().std(), saved.normalization().std(), 0.0, e.getKey().kind());
        }
    }
}
