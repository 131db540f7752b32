package org.l2o4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A gradient-based training's console: the validation before training is labelled so, not "training loss NaN". */
class TrainingConsoleTest {

    @Test
    void epochZeroIsTheValidationBeforeTraining(@TempDir Path out) {
        CliRunner.Result r = CliRunner.run("train", "renn-quadratic-gru", "--set", "epochs=2", "--set",
                "hiddenUnits=4", "--set", "problemsPerEpoch=4", "--set", "stepsPerProblem=10", "--set",
                "unrollLength=10", "--set", "validateEveryEpochs=1", "--out", out.toString(), "--no-progress");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("epoch 0: before training, validation"), r.out());
        assertFalse(r.out().contains("NaN"), r.out());
        assertTrue(r.out().contains("epoch 1: training loss"), r.out());
    }
}
