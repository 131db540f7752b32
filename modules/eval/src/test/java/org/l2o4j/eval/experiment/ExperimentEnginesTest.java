package org.l2o4j.eval.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.l2o4j.core.catalog.Catalog;
import org.l2o4j.core.engine.Engine;
import org.l2o4j.core.engine.LocalEngine;
import org.l2o4j.core.engine.Unit;
import org.l2o4j.core.run.RunFolder;

/**
 * An experiment's units are self-contained: shipped as bytes to where they run (here, serialized and read back, then
 * run last to first, as a cluster might), their results are the same bytes as on this JVM's threads.
 */
class ExperimentEnginesTest {

    /** Java-serializes every unit and result on the way, runs the units in reverse order, counts what it ran. */
    static final class SerializingEngine implements Engine {
        final List<String> ran = new ArrayList<>();

        @Override
        public String description() {
            return "serializing, reversed";
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T extends Serializable> List<T> run(String stage, List<? extends Unit<T>> units,
                IntConsumer finished) {
            Object[] results = new Object[units.size()];
            for (int k = units.size() - 1; k >= 0; k--) {
                Unit<T> shipped = (Unit<T>) copy(units.get(k));
                ran.add(shipped.name());
                results[k] = copy(shipped.run());
                finished.accept(units.size() - k);
            }
            List<T> out = new ArrayList<>();
            for (Object r : results) {
                out.add((T) r);
            }
            return out;
        }

        @Override
        public void close() {
        }

        private static Object copy(Object o) {
            try {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                    out.writeObject(o);
                }
                try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                    return in.readObject();
                }
            } catch (IOException | ClassNotFoundException e) {
                throw new AssertionError("not serializable: " + o.getClass().getName() + ": " + e, e);
            }
        }
    }

    /** Every file of a run that does not record wall-clock time. */
    private static final List<String> FILES = List.of("config.yaml", "tuning.json", "results.csv", "summary.json",
            "best-known.csv", "profiles.csv", "paired-differences.csv");

    private static ExperimentSpec spec() {
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("name", "engines");
        raw.put("family", "logistic-regression");
        raw.put("familyConfig", Map.of("trainProblems", 4, "testProblems", 5));
        raw.put("tuneSteps", 8);
        raw.put("evaluateSteps", 10);
        raw.put("restarts", 2);
        raw.put("threads", 2);
        raw.put("optimizers", List.of("momentum", Map.of("name", "adam", "grid", Map.of("learningRate",
                List.of(0.01, 0.1, 1.0))), "lbfgs"));
        return ExperimentSpec.fromMap(raw, "test");
    }

    @Test
    void shippedUnitsGiveTheSameFilesAsTheLocalEngine(@TempDir Path root) throws Exception {
        Path local;
        try (RunFolder run = RunFolder.create(root.resolve("local"), "e")) {
            ExperimentRunner.run(spec(), run, Progress.NONE, FigureMaker.NONE);
            local = run.commit();
        }
        SerializingEngine engine = new SerializingEngine();
        Path shipped;
        try (RunFolder run = RunFolder.create(root.resolve("shipped"), "e")) {
            ExperimentRunner.run(spec(), run, Progress.NONE, FigureMaker.NONE, engine, engine);
            shipped = run.commit();
        }
        int momentum = Catalog.optimizerProvider("momentum").defaultGrid().values().stream()
                .mapToInt(List::size).reduce(1, (a, b) -> a * b);
        assertEquals(momentum + 3 + 1 + 3, engine.ran.size(), "every grid point a unit, then one per optimizer: "
                + engine.ran);
        assertTrue(engine.ran.contains("tune adam, setting 3") && engine.ran.contains("evaluate lbfgs"),
                engine.ran.toString());
        for (String file : FILES) {
            assertArrayEquals(Files.readAllBytes(local.resolve(file)), Files.readAllBytes(shipped.resolve(file)),
                    file);
        }
    }

    @Test
    void theLocalEngineGivesTheSameFilesOnOneThreadAsOnFour(@TempDir Path root) throws Exception {
        List<Path> runs = new ArrayList<>();
        for (int threads : new int[] {1, 4}) {
            try (RunFolder run = RunFolder.create(root.resolve("t" + threads), "e");
                 LocalEngine tuning = new LocalEngine(threads); LocalEngine evaluation = new LocalEngine(threads)) {
                ExperimentRunner.run(spec(), run, Progress.NONE, FigureMaker.NONE, tuning, evaluation);
                runs.add(run.commit());
            }
        }
        for (String file : FILES) {
            assertArrayEquals(Files.readAllBytes(runs.get(0).resolve(file)), Files.readAllBytes(runs.get(1)
                    .resolve(file)), file);
        }
    }
}
