package org.l2o4j.spark;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.l2o4j.core.engine.Engine;
import org.l2o4j.core.engine.EngineSettings;
import org.l2o4j.core.engine.Engines;
import org.l2o4j.core.engine.LocalEngine;
import org.l2o4j.core.run.Provenance;
import org.l2o4j.core.testkit.MetaTrainerContract;
import org.l2o4j.core.training.MetaTrainer;
import org.l2o4j.core.training.TrainerProvider;
import org.l2o4j.core.training.TrainingFolder;
import org.l2o4j.core.training.TrainingHeader;
import org.l2o4j.core.training.TrainingListener;
import org.l2o4j.policysearch.cem.CrossEntropyMethodProvider;
import org.l2o4j.policysearch.cmaes.CmaEsTrainer;
import org.l2o4j.policysearch.es.EsTrainerProvider;

/**
 * The population trainers on Spark's local[2] master write the checkpoints and the log the local engine writes, byte
 * for byte (the log's timing columns aside):
 * tiny runs of ES, PES (whose particles' states travel through Spark between truncations), CMA-ES and CEM on a
 * 4-unit policy and a few logistic-regression functions.
 */
class PopulationsOnSparkTest {

    private static Engine spark;

    @TempDir
    Path temp;

    @BeforeAll
    static void start() {
        spark = Engines.open("spark", new EngineSettings("local[2]", 1, "l2o4j-test"));
    }

    @AfterAll
    static void stop() {
        spark.close();
    }

    /** The keys every tiny run shares: 5 functions (2 held out where the trainer validates), T = 8, 4 hidden units. */
    private static Map<String, Object> file(String kind) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", kind);
        m.put("family", "logistic-regression");
        m.put("seed", 9);
        m.put("conditions", 5);
        m.put("hiddenUnits", 4);
        m.put("horizon", 8);
        return m;
    }

    private static Map<String, Object> es(String kind, int truncation) {
        Map<String, Object> m = file(kind);
        m.put("validationFunctions", 2);
        m.put("truncation", truncation);
        m.put("pairs", 3);
        m.put("functionsPerStep", 2);
        m.put("epochs", 3);
        m.put("validateEveryEpochs", 2);
        return m;
    }

    @Test
    void esIsTheSameOnSpark() {
        assertSameOnSpark(new EsTrainerProvider.Es(), es("es-training", 0));
    }

    @Test
    void pesIsTheSameOnSpark() {
        assertSameOnSpark(new EsTrainerProvider.Pes(), es("pes-training", 4));
    }

    @Test
    void cmaEsIsTheSameOnSpark() {
        Map<String, Object> m = file(CmaEsTrainer.KIND);
        m.put("validationFunctions", 2);
        m.put("subspaceDimension", 6);
        m.put("population", 4);
        m.put("functionsPerGeneration", 2);
        m.put("problemSteps", 300);
        m.put("checkpoints", 2);
        assertSameOnSpark(new CmaEsTrainer.Provider(), m);
    }

    @Test
    void cemIsTheSameOnSpark() {
        Map<String, Object> m = file("cem-training");
        m.put("generations", 2);
        m.put("population", 4);
        m.put("functionsPerGeneration", 2);
        assertSameOnSpark(new CrossEntropyMethodProvider(), m);
    }

    private void assertSameOnSpark(TrainerProvider provider, Map<String, Object> raw) {
        Path local;
        try (Engine engine = new LocalEngine(1)) {
            local = train(provider, raw, engine, "local");
        }
        Path onSpark = train(provider, raw, spark, "spark");
        assertTrue(TrainingFolder.latestOf(local).isPresent(), "the run has checkpoints");
        MetaTrainerContract.assertSameRun(local, onSpark);
    }

    private Path train(TrainerProvider provider, Map<String, Object> raw, Engine engine, String name) {
        TrainingHeader.Split split = TrainingHeader.split(raw, "test");
        MetaTrainer trainer = provider.create(split.header(), split.settings(), "test");
        try (TrainingFolder folder = TrainingFolder.create(temp.resolve(name), split.header(), trainer.settings(),
                provider.resumableKeys(), Provenance.capture("test", 9, "test"))) {
            trainer.train(folder, TrainingListener.NONE, engine);
            return folder.path();
        }
    }
}
