package org.l2o4j.policysearch.cmaes;

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
import org.l2o4j.policysearch.es.EsTrainerProvider;
import org.l2o4j.policysearch.unroll.UnrollTrainerProvider;

/**
 * CMA-ES and ES started from a given policy (a tiny run of backpropagation through unrolls on the same functions)
 * score it, before any search, exactly as the run that made it scored it on the same validation functions: θ₀ and
 * the normalization are the checkpoint's.
 */
class CmaEsInitialPolicyTest {

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

    @Test
    void theFirstValidationScoresTheGivenPolicyAsItsOwnRunDid() throws Exception {
        Map<String, Object> unroll = new LinkedHashMap<>();
        unroll.put("kind", UnrollTrainerProvider.KIND);
        unroll.put("family", "logistic-regression");
        unroll.put("seed", 11);
        unroll.put("conditions", 5);
        unroll.put("validationFunctions", 2);
        unroll.put("hiddenUnits", 4);
        unroll.put("horizon", 8);
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
