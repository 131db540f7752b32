package org.l2o4j.core.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.l2o4j.core.config.ConfigException;
import org.l2o4j.core.engine.Engine;
import org.l2o4j.core.engine.LocalEngine;
import org.l2o4j.core.run.Provenance;
import org.l2o4j.core.training.MetaTrainer;
import org.l2o4j.core.training.TrainerProvider;
import org.l2o4j.core.training.TrainingFolder;
import org.l2o4j.core.training.TrainingHeader;
import org.l2o4j.core.training.TrainingListener;

/**
 * The contract every meta-trainer must meet. Extend it, return the provider and a tiny training file (seconds, at
 * least three checkpoints), and the trainer is checked for: same seed → byte-identical checkpoints and logs (timing
 * columns, named {@code *seconds} or {@code *_s}, aside); the same with 1 and 2 threads; killed right after any
 * checkpoint and resumed = uninterrupted, byte for byte; a damaged, missing or swapped checkpoint file → one line
 * naming it; a damaged row of the training log → resumed or one line naming the log; a changed non-resumable key →
 * refused, naming it; a budget below the work done → refused.
 */
public abstract class MetaTrainerContract {

    /** The trainer under test. */
    protected abstract TrainerProvider provider();

    /**
     * A complete training file (header keys included, {@code kind} the provider's) for a run of a few seconds with
     * at least three checkpoints; {@code threads} is set by the tests.
     */
    protected abstract Map<String, Object> trainingFile();

    /** A key the trainer does not list as resumable, and a valid other value for it. */
    protected abstract Map.Entry<String, Object> nonResumableChange();

    @TempDir
    Path temp;

    private int runs;

    /** A bound training file. */
    private record Bound(TrainingHeader header, MetaTrainer trainer) {
    }

    private Bound bind(Map<String, Object> overrides) {
        Map<String, Object> raw = new LinkedHashMap<>(trainingFile());
        raw.putIfAbsent("keepEvery", 1);
        raw.putAll(overrides);
        TrainingHeader.Split split = TrainingHeader.split(raw, "contract test file");
        return new Bound(split.header(), provider().create(split.header(), split.settings(), "contract test file"));
    }

    private static Provenance session() {
        return Provenance.capture("contract", 0, "contract test");
    }

    /** Trains a fresh run with these overrides on the local engine with the header's threads; returns its folder. */
    private Path train(Map<String, Object> overrides, TrainingListener listener) {
        try (Engine engine = new LocalEngine(bind(overrides).header().threads())) {
            return train(overrides, listener, engine);
        }
    }

    private Path train(Map<String, Object> overrides, TrainingListener listener, Engine engine) {
        Bound b = bind(overrides);
        Path root = temp.resolve("run-" + runs++);
        try (TrainingFolder folder = TrainingFolder.create(root, b.header(), b.trainer().settings(),
                provider().resumableKeys(), session())) {
            try {
                b.trainer().train(folder, listener, engine);
            } finally {
                assertTrue(folder.exists(), "a run that reached a checkpoint has its folder");
            }
            return folder.path();
        }
    }

    private void resume(Path run, Map<String, Object> overrides) {
        Bound b = bind(overrides);
        try (TrainingFolder folder = TrainingFolder.resume(run, b.header(), b.trainer().settings(),
                provider().resumableKeys(), b.trainer().budget(), session())) {
            b.trainer().train(folder, TrainingListener.NONE);
        }
    }

    @Test
    void sameSeedGivesByteIdenticalCheckpointsAndLogs() {
        Path a = train(Map.of("threads", 1), TrainingListener.NONE);
        Path b = train(Map.of("threads", 1), TrainingListener.NONE);
        assertSameRun(a, b);
        assertTrue(checkpointFiles(a).size() >= 3 * 2, "the training file should give at least three checkpoints");
    }

    @Test
    void threadCountChangesNothing() {
        assertSameRun(train(Map.of("threads", 1), TrainingListener.NONE),
                train(Map.of("threads", 2), TrainingListener.NONE));
    }

    /**
     * Whether the trainer runs independent units on the engine it is given (GPS's conditions, a population); such a
     * trainer must send some through it, which {@link #aSerializingEngineChangesNothing} checks.
     */
    protected boolean runsUnitsOnTheEngine() {
        return false;
    }

    /**
     * What a cluster would do to the trainer's units (serialized both ways, run in another order, no shared memory)
     * leaves every checkpoint and log byte as the local engine wrote it.
     */
    @Test
    void aSerializingEngineChangesNothing() {
        SerializingEngine engine = new SerializingEngine();
        Path shipped = train(Map.of("threads", 1), TrainingListener.NONE, engine);
        assertSameRun(train(Map.of("threads", 1), TrainingListener.NONE), shipped);
        if (runsUnitsOnTheEngine()) {
            assertTrue(engine.units() > 0, "the trainer says it runs units on the engine but sent none");
        } else {
            assertEquals(0, engine.units(), "the trainer sent units through the engine; override "
                    + "runsUnitsOnTheEngine() to say so");
        }
    }

    @Test
    void killedAfterAnyCheckpointAndResumedEqualsUninterrupted() {
        Path whole = train(Map.of("threads", 1), TrainingListener.NONE);
        List<Long> steps = checkpointSteps(whole);
        for (long killAt : steps.subList(0, steps.size() - 1)) {
            Path killedRun = killedAfter(killAt);
            assertEquals(killAt, TrainingFolder.latestOf(killedRun).orElseThrow().step());
            resume(killedRun, Map.of("threads", 1));
            assertSameRun(whole, killedRun);
        }
    }

    /** A run whose process "dies" right after checkpoint {@code step} is written. */
    private Path killedAfter(long step) {
        Path[] where = new Path[1];
        Bound b = bind(Map.of("threads", 1));
        Path root = temp.resolve("killed-" + runs++);
        TrainingFolder folder = TrainingFolder.create(root, b.header(), b.trainer().settings(),
                provider().resumableKeys(), session());
        TrainingListener killer = new TrainingListener() {
            @Override
            public void started(long done, long budget, String headline) {
            }

            @Override
            public void progressed(long done, String line) {
                if (folder.latest().map(TrainingFolder.Checkpoint::step).orElse(-1L) == step) {
                    where[0] = folder.path();
                    throw new Killed();
                }
            }
        };
        try (folder) {
            assertThrows(Killed.class, () -> b.trainer().train(folder, killer));
        }
        return where[0];
    }

    private static final class Killed extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    @Test
    void damagedMissingOrSwappedCheckpointFilesAreRefusedInOneLine() throws IOException {
        Path run = train(Map.of("threads", 1), TrainingListener.NONE);
        Path other = train(Map.of("threads", 1, "seed", 1 + ((Number) trainingFile().getOrDefault("seed", 0))
                .longValue()), TrainingListener.NONE);
        Path checkpoint = TrainingFolder.latestOf(run).orElseThrow().directory();
        List<Path> files;
        try (Stream<Path> s = Files.list(checkpoint)) {
            files = s.filter(f -> !f.getFileName().toString().equals(TrainingFolder.MANIFEST)).sorted().toList();
        }
        for (Path file : files) {
            byte[] original = Files.readAllBytes(file);
            Files.write(file, java.util.Arrays.copyOf(original, original.length / 2));
            assertRefused(run, file);
            byte[] edited = original.clone();
            edited[edited.length / 2] ^= 1;
            Files.write(file, edited);
            assertRefused(run, file);
            Path swapped = TrainingFolder.latestOf(other).orElseThrow().directory().resolve(file.getFileName());
            Files.write(file, Files.readAllBytes(swapped));
            assertRefused(run, file);
            Files.delete(file);
            assertRefused(run, file);
            Files.write(file, original);
        }
        resume(run, Map.of("threads", 1));
    }

    @Test
    void aDamagedTrainingLogIsResumedOrRefusedInOneLine() throws IOException {
        Path run = train(Map.of("threads", 1), TrainingListener.NONE);
        Path log = run.resolve(TrainingFolder.LOG);
        List<String> rows = Files.readAllLines(log);
        for (String damage : List.of("x", "1,2", "a,b,c,d,e,f,g,h,i,j,k", ",,,,,,,,,,", "9".repeat(30))) {
            List<String> damaged = new ArrayList<>(rows);
            damaged.set(damaged.size() - 1, damage);
            Files.write(log, damaged);
            try {
                resume(run, Map.of("threads", 1));
            } catch (ConfigException e) {
                assertTrue(e.getMessage().contains(TrainingFolder.LOG), e.getMessage());
                assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
            }
        }
    }

    private void assertRefused(Path run, Path file) {
        ConfigException e = assertThrows(ConfigException.class, () -> resume(run, Map.of("threads", 1)));
        assertTrue(e.getMessage().contains(file.getFileName().toString()), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }

    @Test
    void aChangedNonResumableKeyOrASmallerBudgetIsRefused() {
        Path run = train(Map.of("threads", 1), TrainingListener.NONE);
        Map.Entry<String, Object> change = nonResumableChange();
        ConfigException changed = assertThrows(ConfigException.class,
                () -> resume(run, Map.of("threads", 1, change.getKey(), change.getValue())));
        assertTrue(changed.getMessage().contains("'" + change.getKey() + "'"), changed.getMessage());
        MetaTrainer.Budget budget = bind(Map.of()).trainer().budget();
        ConfigException smaller = assertThrows(ConfigException.class,
                () -> resume(run, Map.of("threads", 1, budget.key(), 1)));
        assertTrue(smaller.getMessage().contains(budget.key()), smaller.getMessage());
        resume(run, Map.of("threads", 2));
    }

    /**
     * The checkpoints and the log of two runs are the same bytes, timing columns aside; public for tests that train
     * one trainer two ways outside this kit (on Spark, for one).
     */
    public static void assertSameRun(Path a, Path b) {
        Map<String, byte[]> x = checkpointFiles(a);
        Map<String, byte[]> y = checkpointFiles(b);
        assertEquals(x.keySet(), y.keySet(), "the same checkpoint files");
        for (String name : x.keySet()) {
            assertArrayEquals(x.get(name), y.get(name), "checkpoint file " + name + " differs");
        }
        assertEquals(logWithoutTimings(a), logWithoutTimings(b), "the training logs differ");
    }

    private static Map<String, byte[]> checkpointFiles(Path run) {
        Path root = run.resolve(TrainingFolder.CHECKPOINTS);
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(f).toString(), Files.readAllBytes(f));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static List<Long> checkpointSteps(Path run) {
        List<Long> steps = new ArrayList<>();
        try (Stream<Path> s = Files.list(run.resolve(TrainingFolder.CHECKPOINTS))) {
            for (Path d : s.filter(Files::isDirectory).sorted().toList()) {
                String name = d.getFileName().toString();
                steps.add(Long.parseLong(name.substring(name.lastIndexOf('-') + 1)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return steps;
    }

    private static List<String> logWithoutTimings(Path run) {
        List<String> lines;
        try {
            lines = Files.readAllLines(run.resolve(TrainingFolder.LOG));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String[] header = lines.get(0).split(",", -1);
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            String[] fields = line.split(",", -1);
            StringBuilder kept = new StringBuilder();
            for (int k = 0; k < fields.length; k++) {
                String column = header[Math.min(k, header.length - 1)].toLowerCase(java.util.Locale.ROOT);
                if (!column.endsWith("seconds") && !column.endsWith("_s")) {
                    kept.append(fields[k]).append(',');
                }
            }
            out.add(kept.toString());
        }
        return out;
    }
}
