package org.l2o4j.policysearch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
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
import org.l2o4j.core.training.gradient.EpochRecord;
import org.l2o4j.core.training.gradient.GradientMetaTrainer;
import org.l2o4j.policy.GaussianMlpPolicy;
import org.l2o4j.policy.LearnedPolicyProvider;
import org.l2o4j.policy.PolicyCheckpoint;
import org.l2o4j.policysearch.cem.CrossEntropyMethodProvider;
import org.l2o4j.policysearch.cmaes.CmaEsContractTest;
import org.l2o4j.policysearch.cmaes.CmaEsTrainer;
import org.l2o4j.policysearch.es.EsTrainerProvider;
import org.l2o4j.policysearch.ppo.PpoTrainer;
import org.l2o4j.policysearch.unroll.UnrollTrainerProvider;

/**
 * Trainers started from a given policy (a tiny run of backpropagation through unrolls): CEM and PPO with their search
 * switched off (CEM: σ = 1e-12 and no extra variance; PPO: learning rate 1e-12) save that policy back, its weights to
 * 1e-9 and its input normalization exactly; CMA-ES and ES score it, before any search, exactly as the run that made it
 * scored it on the same validation functions.
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

    @Test
    void theFirstValidationScoresTheGivenPolicyAsItsOwnRunDid() throws Exception {
        Map<String, Object> unroll = header(UnrollTrainerProvider.KIND);
        unroll.put("conditions", 5);
        unroll.put("validationFunctions", 2);
        unroll.put("unrollLength", 4);
        unroll.put("functionsPerEpoch", 2);
        unroll.put("epochs", 4);
        unroll.put("validateEveryEpochs", 2);
        Path made = train(new UnrollTrainerProvider(), unroll, "made");
        List<String> rows = Files.readAllLines(made.resolve(TrainingFolder.LOG));
        double scored = rows.subList(1, rows.size()).stream().map(EpochRecord::parse).filter(EpochRecord::best)
                .reduce((a, b) -> b).orElseThrow().validationScore();
        String policy = TrainingFolder.latestFile(made, GradientMetaTrainer.BEST_FILE).toString();

        Map<String, Object> cmaes = new LinkedHashMap<>(CmaEsContractTest.file());
        cmaes.put("initialPolicy", policy);
        List<String> log = Files.readAllLines(train(new CmaEsTrainer.Provider(), cmaes, "cmaes")
                .resolve(TrainingFolder.LOG));
        assertEquals(scored, Double.parseDouble(log.get(1).split(",")[4]), 0.0, "CMA-ES's generation 0");
        assertEquals(16 + 16, Long.parseLong(log.get(1).split(",")[1]), "no normalization fitted: start and validation");

        Map<String, Object> es = new LinkedHashMap<>(unroll);
        es.keySet().removeAll(List.of("unrollLength", "functionsPerEpoch"));
        es.put("kind", "es-training");
        es.put("pairs", 2);
        es.put("functionsPerStep", 2);
        es.put("initialPolicy", policy);
        List<String> esLog = Files.readAllLines(train(new EsTrainerProvider.Es(), es, "es")
                .resolve(TrainingFolder.LOG));
        assertEquals(scored, EpochRecord.parse(esLog.get(1)).validationScore(), 0.0, "ES's epoch 0");
    }
}
