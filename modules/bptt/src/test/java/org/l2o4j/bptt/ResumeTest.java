package org.l2o4j.bptt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.l2o4j.policy.recurrent.RecurrentCheckpoint;

class ResumeTest {

    @TempDir
    Path dir;

    private static final class Crash extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    /**
     * A run that dies after epoch 5 (its last checkpoint: epoch 4) and is resumed ends exactly where an uninterrupted
     * run ends: parameters, best network, Adam's moments, counters and log (wall-clock aside).
     */
    @Test
    void resumedRunEqualsUninterruptedRun() throws Exception {
        BpttConfig config = TinyRuns.lstm(Map.of("epochs", 6));
        Path whole = dir.resolve("whole");
        Path broken = dir.resolve("broken");
        BpttTrainer.Result expected = new BpttTrainer(config, TinyRuns.quadratics()).train(whole, r -> { });
        assertThrows(Crash.class, () -> new BpttTrainer(config, TinyRuns.quadratics()).train(broken, r -> {
            if (r.epoch() == 5) {
                throw new Crash();
            }
        }));
        assertEquals(4, TrainerCheckpoint.load(broken.resolve(BpttTrainer.TRAINER_FILE)).completedEpochs());
        BpttTrainer.Result resumed = new BpttTrainer(config, TinyRuns.quadratics()).resume(broken, r -> { });

        assertArrayEquals(expected.last().parameters(), resumed.last().parameters(), 0.0);
        assertArrayEquals(expected.best().parameters(), resumed.best().parameters(), 0.0);
        assertEquals(expected.bestEpoch(), resumed.bestEpoch());
        assertEquals(expected.metaSteps(), resumed.metaSteps());
        TrainerCheckpoint a = TrainerCheckpoint.load(whole.resolve(BpttTrainer.TRAINER_FILE));
        TrainerCheckpoint b = TrainerCheckpoint.load(broken.resolve(BpttTrainer.TRAINER_FILE));
        assertEquals(a.adamSteps(), b.adamSteps());
        assertArrayEquals(a.firstMoment(), b.firstMoment(), 0.0);
        assertArrayEquals(a.secondMoment(), b.secondMoment(), 0.0);
        assertEquals(withoutWallClock(whole), withoutWallClock(broken));
        assertEquals(expected.log().size(), resumed.log().size());
        RecurrentCheckpoint best = RecurrentCheckpoint.load(broken.resolve(BpttTrainer.BEST_FILE));
        assertArrayEquals(expected.best().parameters(), best.parameters(), 0.0);
    }

    private static List<String> withoutWallClock(Path folder) throws Exception {
        return Files.readAllLines(folder.resolve(BpttTrainer.LOG_FILE)).stream()
                .map(line -> line.substring(0, line.lastIndexOf(','))).toList();
    }

    @Test
    void resumeRefusesOtherSettingsAndFreshRunRefusesAUsedFolder() {
        BpttConfig config = TinyRuns.lstm(Map.of("epochs", 2));
        Path folder = dir.resolve("run");
        new BpttTrainer(config, TinyRuns.quadratics()).train(folder, r -> { });
        IllegalStateException used = assertThrows(IllegalStateException.class,
                () -> new BpttTrainer(config, TinyRuns.quadratics()).train(folder, r -> { }));
        assertTrue(used.getMessage().contains("already holds a BPTT run"), used.getMessage());
        IllegalArgumentException other = assertThrows(IllegalArgumentException.class,
                () -> new BpttTrainer(TinyRuns.lstm(Map.of("epochs", 2, "metaLearningRate", 0.002)),
                        TinyRuns.quadratics()).resume(folder, r -> { }));
        assertTrue(other.getMessage().contains("metaLearningRate (checkpoint: 0.01, now: 0.002)"), other.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> new BpttTrainer(config, TinyRuns.quadratics()).resume(dir.resolve("nothing"), r -> { }));
        assertTrue(missing.getMessage().contains("no BPTT trainer checkpoint to resume"), missing.getMessage());
        BpttTrainer.Result longer = new BpttTrainer(TinyRuns.lstm(Map.of("epochs", 3)), TinyRuns.quadratics())
                .resume(folder, r -> { });
        assertEquals(3, longer.completedEpochs());
        assertEquals(12, longer.metaSteps());
    }
}
