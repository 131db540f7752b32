package org.l2o4j.eval.curve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.l2o4j.core.config.ConfigException;
import org.l2o4j.core.training.TrainingFolder;

/** The two timing conventions of training logs, and the refusals, on hand-written logs. */
class TrainingLogTest {

    @TempDir
    Path run;

    private TrainingLog log(String content) throws IOException {
        Files.writeString(run.resolve(TrainingFolder.LOG), content);
        return TrainingLog.read(run);
    }

    @Test
    void perRowSecondsAreSummedAndACumulativeColumnIsRead() throws IOException {
        TrainingLog perRow = log("generation,problem_steps,seconds\n0,400,1.5\n1,800,2.0\n2,1200,0.25\n");
        assertEquals(800, perRow.problemStepsAt(2));
        assertEquals(3.5, perRow.wallSecondsAt(2), 0.0);
        assertEquals(3.75, perRow.wallSecondsAt(3), 0.0);
        TrainingLog cumulative = log("epoch,problemSteps,wallSeconds\n1,100,4.0\n2,200,9.5\n");
        assertEquals(200, cumulative.problemStepsAt(2));
        assertEquals(9.5, cumulative.wallSecondsAt(2), 0.0);
        assertTrue(Double.isNaN(log("step,problemSteps\n1,5\n").wallSecondsAt(1)));
    }

    @Test
    void aLogWithoutACountOrShorterThanTheCheckpointIsRefused() throws IOException {
        ConfigException none = assertThrows(ConfigException.class, () -> log("step,x,seconds\n1,0.5,0.1\n"));
        assertTrue(none.getMessage().contains("no problemSteps or problem_steps column"), none.getMessage());
        TrainingLog shortLog = log("step,problemSteps\n1,5\n");
        ConfigException cut = assertThrows(ConfigException.class, () -> shortLog.problemStepsAt(3));
        assertTrue(cut.getMessage().contains("has 1 rows but a checkpoint covers 3"), cut.getMessage());
    }

    @Test
    void aRowWithAMissingOrNonNumericFieldIsRefusedNamingTheFile() throws IOException {
        TrainingLog missing = log("epoch,problemSteps,wallSeconds\n1,100\n");
        ConfigException shortRow = assertThrows(ConfigException.class, () -> missing.wallSecondsAt(1));
        assertTrue(shortRow.getMessage().contains("row 1 has 2 fields, the header 3"), shortRow.getMessage());
        TrainingLog text = log("generation,problem_steps,seconds\n0,lots,1.5\n1,800,x\n");
        ConfigException steps = assertThrows(ConfigException.class, () -> text.problemStepsAt(1));
        assertTrue(steps.getMessage().contains(TrainingFolder.LOG) && steps.getMessage().contains("\"lots\" for "
                + "problem_steps"), steps.getMessage());
        ConfigException seconds = assertThrows(ConfigException.class, () -> text.wallSecondsAt(2));
        assertTrue(seconds.getMessage().contains("row 2 has \"x\" for seconds"), seconds.getMessage());
    }
}
