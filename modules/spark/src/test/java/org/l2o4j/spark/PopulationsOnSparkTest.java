package org.l2o4j.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.l2o4j.core.engine.Engine;
import org.l2o4j.core.engine.EngineSettings;
import org.l2o4j.core.engine.Engines;
import org.l2o4j.core.engine.LocalEngine;
import org.l2o4j.core.run.Provenance;
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
        Map<String, byte[]> expected = checkpointFiles(local);
        Map<String, byte[]> actual = checkpointFiles(onSpark);
        assertFalse(expected.isEmpty());
        assertEquals(expected.keySet(), actual.keySet(), "the same checkpoint files");
        expected.forEach((name, bytes) -> assertArrayEquals(bytes, actual.get(name), name + " differs on Spark"));
        assertEquals(logWithoutTimings(local), logWithoutTimings(onSpark), "the training log differs on Spark");
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

    private static List<String> logWithoutTimings(Path run) {
        try {
            List<String> lines = Files.readAllLines(run.resolve(TrainingFolder.LOG));
            List<String> header = List.of(lines.get(0).split(",", -1));
            return lines.stream().map(line -> {
                String[] fields = line.split(",", -1);
                StringBuilder kept = new StringBuilder();
                for (int k = 0; k < fields.length; k++) {
                    if (!header.get(k).toLowerCase(Locale.ROOT).endsWith("seconds")) {
                        kept.append(fields[k]).append(',');
                    }
                }
                return kept.toString();
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, byte[]> checkpointFiles(Path run) {
        Path root = run.resolve(TrainingFolder.CHECKPOINTS);
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(f).toString(), Files.readAllBytes(f));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
