package org.l2o4j.core.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.l2o4j.core.config.ConfigException;
import org.l2o4j.core.run.Provenance;

/** The training folder's promises beyond the contract kit: lock, clean failure, retention, nothing to resume. */
class TrainingFolderTest {

    @TempDir
    Path temp;

    private static final Provenance SESSION = Provenance.capture("test", 7, "test");

    private static TrainingHeader.Split file(Map<String, Object> overrides) {
        Map<String, Object> raw = new LinkedHashMap<>(Map.of("kind", RandomWalkTrainer.KIND, "family", "none",
                "seed", 7, "name", "walk"));
        raw.putAll(overrides);
        return TrainingHeader.split(raw, "test file");
    }

    private static MetaTrainer trainer(TrainingHeader.Split s) {
        return new RandomWalkTrainer.Provider().create(s.header(), s.settings(), "test file");
    }

    private Path train(Map<String, Object> overrides) {
        TrainingHeader.Split s = file(overrides);
        MetaTrainer t = trainer(s);
        try (TrainingFolder folder = TrainingFolder.create(temp, s.header(), t.settings(), resumable(), SESSION)) {
            t.train(folder, TrainingListener.NONE);
            return folder.path();
        }
    }

    private static java.util.Set<String> resumable() {
        return new RandomWalkTrainer.Provider().resumableKeys();
    }

    private TrainingFolder resume(Path run, Map<String, Object> overrides) {
        TrainingHeader.Split s = file(overrides);
        MetaTrainer t = trainer(s);
        return TrainingFolder.resume(run, s.header(), t.settings(), resumable(), t.budget(), SESSION);
    }

    @Test
    void aSecondProcessCannotResumeAFolderBeingTrained() {
        Path run = train(Map.of("steps", 2));
        try (TrainingFolder first = resume(run, Map.of("steps", 4))) {
            ConfigException e = assertThrows(ConfigException.class, () -> resume(run, Map.of("steps", 4)).close());
            assertTrue(e.getMessage().contains("being trained"), e.getMessage());
        }
        resume(run, Map.of("steps", 4)).close();
    }

    @Test
    void aRunThatFailsBeforeItsFirstCheckpointLeavesNoFolder() throws IOException {
        TrainingHeader.Split s = file(Map.of("failAt", 1));
        MetaTrainer t = trainer(s);
        try (TrainingFolder folder = TrainingFolder.create(temp, s.header(), t.settings(), resumable(), SESSION)) {
            assertThrows(IllegalStateException.class, () -> t.train(folder, TrainingListener.NONE));
        }
        assertFalse(Files.exists(temp.resolve("walk")), "the training's folder, created by this run, is gone");
    }

    @Test
    void aFolderWithoutACheckpointHasNothingToResume() throws IOException {
        Path run = temp.resolve("walk/20260101-000000");
        Files.createDirectories(run);
        Files.writeString(run.resolve(TrainingFolder.FILE), "kind: random-walk\nfamily: none\n");
        ConfigException e = assertThrows(ConfigException.class, () -> resume(run, Map.of()));
        assertTrue(e.getMessage().contains("no checkpoint"), e.getMessage());
        ConfigException notARun = assertThrows(ConfigException.class,
                () -> TrainingFolder.readFile(temp.resolve("nowhere")));
        assertTrue(notARun.getMessage().contains("not a training run folder"), notARun.getMessage());
    }

    /**
     * Found by fuzzing: a NUL in the pointer's directory or in a manifest's file name was an InvalidPathException; a
     * slash or ".." reached outside the checkpoint. Each is now a damaged checkpoint, named.
     */
    @Test
    void namesThatAreNotEntriesOfTheCheckpointAreDamage() throws IOException {
        Path run = train(Map.of());
        Path pointer = run.resolve(TrainingFolder.CHECKPOINTS).resolve(TrainingFolder.LATEST);
        String original = Files.readString(pointer);
        String directory = TrainingFolder.latestOf(run).orElseThrow().directory().getFileName().toString();
        for (String bad : new String[] {"\\u0000", "..", "../" + directory, "a/b"}) {
            Files.writeString(pointer, original.replace("\"" + directory + "\"", "\"" + bad + "\""));
            ConfigException e = assertThrows(ConfigException.class, () -> TrainingFolder.latestOf(run), bad);
            assertTrue(e.getMessage().contains("is damaged (its 'directory' is not the name of a folder"),
                    e.getMessage());
        }
        Files.writeString(pointer, original);
        Path manifest = TrainingFolder.latestOf(run).orElseThrow().file(TrainingFolder.MANIFEST);
        String manifestText = Files.readString(manifest);
        String manifestSha = org.l2o4j.core.run.Sha256.of(manifest);
        for (String bad : new String[] {"\\u0000", "../../" + TrainingFolder.FILE}) {
            Files.writeString(manifest, manifestText.replace("\"files\" : {", "\"files\" : {\"" + bad + "\": \"0\","));
            Files.writeString(pointer, original.replace(manifestSha, org.l2o4j.core.run.Sha256.of(manifest)));
            ConfigException e = assertThrows(ConfigException.class, () -> TrainingFolder.latestOf(run), bad);
            assertTrue(e.getMessage().contains("it lists a file that is not in the checkpoint's folder"),
                    e.getMessage());
        }
    }

    /**
     * A resume truncates the training log to the manifest's {@code logRows}; Jackson's {@code asInt()} read a missing
     * or textual count as 0, which would have emptied the log. Each is now a damaged checkpoint, naming the field.
     */
    @Test
    void aCountThatIsNotAWholeNumberIsDamageNamingTheField() throws IOException {
        Path run = train(Map.of("steps", 3));
        Path pointer = run.resolve(TrainingFolder.CHECKPOINTS).resolve(TrainingFolder.LATEST);
        String original = Files.readString(pointer);
        Path manifest = TrainingFolder.latestOf(run).orElseThrow().file(TrainingFolder.MANIFEST);
        String manifestText = Files.readString(manifest);
        String manifestSha = org.l2o4j.core.run.Sha256.of(manifest);
        assertTrue(manifestText.contains("\"logRows\" : 3,") && manifestText.contains("\"step\" : 3,"), manifestText);
        for (String[] bad : new String[][] {{"\"logRows\" : 3,", ""}, {"\"logRows\" : 3,", "\"logRows\" : \"3\","},
                {"\"logRows\" : 3,", "\"logRows\" : 2.5,"}, {"\"logRows\" : 3,", "\"logRows\" : -1,"},
                {"\"logRows\" : 3,", "\"logRows\" : 4294967296,"}, {"\"step\" : 3,", "\"step\" : null,"}}) {
            Files.writeString(manifest, manifestText.replace(bad[0], bad[1]));
            Files.writeString(pointer, original.replace(manifestSha, org.l2o4j.core.run.Sha256.of(manifest)));
            String field = bad[0].substring(1, bad[0].indexOf('"', 1));
            ConfigException e = assertThrows(ConfigException.class, () -> TrainingFolder.latestOf(run), bad[1]);
            assertTrue(e.getMessage().contains("its '" + field + "' is not a whole number from 0 to"), e.getMessage());
            assertThrows(ConfigException.class, () -> TrainingFolder.checkpointsOf(run), bad[1]);
        }
        Files.writeString(manifest, manifestText);
        Files.writeString(pointer, original);
        assertEquals(3, TrainingFolder.latestOf(run).orElseThrow().logRows());
    }

    @Test
    void retentionKeepsTheLatestAndEveryKth() throws IOException {
        assertEquals(List.of("step-000006"), checkpointFolders(train(Map.of("steps", 6))));
        assertEquals(List.of("step-000002", "step-000004", "step-000005"),
                checkpointFolders(train(Map.of("steps", 5, "keepEvery", 2))));
    }

    @Test
    void everyKeptCheckpointIsListedInOrderAndVerified() throws IOException {
        Path run = train(Map.of("steps", 5, "keepEvery", 2));
        List<TrainingFolder.Checkpoint> kept = TrainingFolder.checkpointsOf(run);
        assertEquals(List.of(2L, 4L, 5L), kept.stream().map(TrainingFolder.Checkpoint::step).toList());
        assertEquals(List.of(2, 4, 5), kept.stream().map(TrainingFolder.Checkpoint::logRows).toList());
        assertEquals(TrainingFolder.latestOf(run).orElseThrow().directory(), kept.get(2).directory());
        Path damaged = kept.get(0).file("state.txt");
        Files.writeString(damaged, "tampered");
        ConfigException e = assertThrows(ConfigException.class, () -> TrainingFolder.checkpointsOf(run));
        assertTrue(e.getMessage().contains(damaged.toString()), e.getMessage());
        assertEquals(List.of(), TrainingFolder.checkpointsOf(temp.resolve("no-run")));
    }

    @Test
    void resumeRefusesABudgetBelowTheWorkDoneAndLeavesTheFolderAsItWas() throws IOException {
        Path run = train(Map.of("steps", 4));
        String before = Files.readString(run.resolve(TrainingFolder.FILE));
        ConfigException e = assertThrows(ConfigException.class, () -> resume(run, Map.of("steps", 2)));
        assertTrue(e.getMessage().contains("steps=2 is below the 4 steps already done"), e.getMessage());
        assertEquals(before, Files.readString(run.resolve(TrainingFolder.FILE)));
        assertFalse(e.getMessage().contains("\n"));
    }

    private static List<String> checkpointFolders(Path run) throws IOException {
        try (Stream<Path> s = Files.list(run.resolve(TrainingFolder.CHECKPOINTS))) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
