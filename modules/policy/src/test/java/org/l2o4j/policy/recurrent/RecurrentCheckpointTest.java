package org.l2o4j.policy.recurrent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.l2o4j.core.config.Configs;
import org.l2o4j.core.run.Provenance;
import org.l2o4j.core.testkit.fuzz.Allocation;
import org.l2o4j.policy.CheckpointException;

class RecurrentCheckpointTest {

    @TempDir
    Path dir;

    /** Three steps on two coordinates (gradients 0.3 and −2, then 1e-6 and 4, then −0.01 and 0). */
    private static double[] updates(RecurrentNet.Kernel kernel) {
        RecurrentNet net = kernel.net();
        double[][] gradients = {{0.3, -2.0}, {1e-6, 4.0}, {-0.01, 0.0}};
        double[] state = new double[2 * net.stateSize()];
        kernel.resetState(state, 0, 2);
        double[] features = new double[2 * net.spec().preprocessing().features()];
        double[] update = new double[2];
        double[] out = new double[6];
        RecurrentNet.Workspace ws = kernel.newWorkspace();
        for (int t = 0; t < 3; t++) {
            net.spec().preprocessing().apply(gradients[t], 0, 2, features);
            kernel.step(features, state, update, 0, 2, ws, null, t);
            out[2 * t] = update[0];
            out[2 * t + 1] = update[1];
        }
        return out;
    }

    @Test
    void roundTripIsBitIdentical() throws IOException {
        for (RecurrentSpec spec : new RecurrentSpec[] {RecurrentSpec.paperLstm(), RecurrentSpec.rennGru(5),
            new RecurrentSpec(RecurrentSpec.Cell.LSTM, 1, 3, new LogAndSign(5, true), 0.01)}) {
            RecurrentNet net = spec.create();
            double[] theta = net.initialParameters(17);
            for (int k = 0; k < theta.length; k++) {
                theta[k] += 0.1 * Math.sin(k);
            }
            Path file = dir.resolve("nested/" + spec.cell().label() + spec.hiddenUnits() + ".json");
            Map<String, Object> provenance = Configs.toMap(Provenance.capture("roundtrip", 17, "test"));
            new RecurrentCheckpoint(spec, theta, Map.of("epochs", 3), provenance).save(file);
            RecurrentCheckpoint loaded = RecurrentCheckpoint.load(file);
            assertEquals(spec, loaded.spec());
            assertArrayEquals(theta, loaded.parameters(), 0.0);
            assertArrayEquals(updates(net.kernel(theta)), updates(loaded.kernel()), 0.0);
            assertEquals(3, loaded.config().get("epochs"));
            assertEquals("roundtrip", loaded.provenance().get("experiment"));
        }
        try (var files = Files.list(dir.resolve("nested"))) {
            assertEquals(3, files.count(), "no temporary files are left behind");
        }
    }

    /**
     * Checkpoints written by format version 1 (committed in test resources) must keep loading and giving these updates,
     * recorded when they were written.
     */
    @Test
    void versionOneFixturesStillLoadAndGiveTheSameUpdates() throws URISyntaxException {
        RecurrentCheckpoint lstm = RecurrentCheckpoint.load(fixture("lstm-v1.json"));
        assertEquals(new RecurrentSpec(RecurrentSpec.Cell.LSTM, 2, 2, new LogAndSign(10, false), 0.1), lstm.spec());
        assertArrayEquals(new double[] {-0.049491005643618684, -0.04554183969235142, -0.048979522102466054,
            -0.047367889251256096, -0.04528669834526551, -0.04721821692878967}, updates(lstm.kernel()), 1e-12);
        RecurrentCheckpoint gru = RecurrentCheckpoint.load(fixture("gru-v1.json"));
        assertEquals(new RecurrentSpec(RecurrentSpec.Cell.GRU, 1, 3, new ScaledGradient(0.5), 1.0), gru.spec());
        assertArrayEquals(new double[] {0.6006564887473453, 0.6848574200925858, 0.5736727004678334,
            0.4595198635879004, 0.4585299621162592, 0.4729222688623619}, updates(gru.kernel()), 1e-12);
        assertEquals("recurrent-checkpoint-fixture", gru.provenance().get("experiment"));
    }

    @Test
    void badFieldsAreNamedWithTheirValues() throws Exception {
        assertLoadFails(s -> s.replace("\"formatVersion\" : 1", "\"formatVersion\" : 2"),
                "unsupported formatVersion 2");
        assertLoadFails(s -> s.replace("\"hiddenUnits\" : 3", "\"hiddenUnits\" : 4"),
                "field 'parameterCount' is 52, but the architecture has");
        assertLoadFails(s -> s.replace("\"parameterCount\" : 52", "\"parameterCount\" : 51"),
                "field 'parameterCount' is 51, but the architecture has 52 parameters");
        assertLoadFails(s -> s.replace("\"cell\" : \"gru\"", "\"cell\" : \"rnn\""),
                "field 'architecture.cell' is \"rnn\"");
        assertLoadFails(s -> s.replace("\"layers\" : 1", "\"layers\" : 2"),
                "invalid architecture: the component-wise GRU has exactly one layer");
        assertLoadFails(s -> s.replace("\"type\" : \"raw\"", "\"type\" : \"log\""),
                "field 'preprocessing.type' is \"log\"");
        assertLoadFails(s -> s.replace("\"inputScale\" : 0.5", "\"inputScale\" : 0.0"),
                "invalid architecture: inputScale must not be 0");
        assertLoadFails(s -> s.replace("0.893272", "\"x\""), "field 'parameters[0]' is \"x\"");
        assertLoadFails(s -> s.replace("\"outputScale\" : 1.0,", ""), "missing field 'outputScale'");
        // Found by fuzzing: the architecture's own size check escaped as an IllegalArgumentException.
        assertLoadFails(s -> s.replace("\"hiddenUnits\" : 3", "\"hiddenUnits\" : 100000000"),
                "needs more parameters than the 52 the file holds");
        Path missing = dir.resolve("absent.json");
        CheckpointException e = assertThrows(CheckpointException.class, () -> RecurrentCheckpoint.load(missing));
        assertTrue(e.getMessage().contains("not found: " + missing), e.getMessage());
    }

    /**
     * Found by fuzzing: an LSTM checkpoint claiming 10^8 layers made the reader allocate two 400 MB offset tables and
     * walk them (a hang, then out of memory); the claim is now refused against the parameters the file holds, and
     * the network refuses such a size before allocating anything for it.
     */
    @Test
    void aHugeLayerCountIsRefusedWithoutBuildingTheNetwork() throws Exception {
        String lstm = Files.readString(fixture("lstm-v1.json"));
        Path file = dir.resolve("layers.json");
        Files.writeString(file, lstm.replaceFirst("\"layers\" : \\d+", "\"layers\" : 100000000"));
        long allocated = Allocation.bytes(() -> assertThrows(CheckpointException.class,
                () -> RecurrentCheckpoint.load(file)));
        assertTrue(allocated < 64 << 20, "allocated " + allocated + " bytes");
        CheckpointException e = assertThrows(CheckpointException.class, () -> RecurrentCheckpoint.load(file));
        assertTrue(e.getMessage().contains("100000000 × "), e.getMessage());
        IllegalArgumentException direct = assertThrows(IllegalArgumentException.class, () -> new RecurrentSpec(
                RecurrentSpec.Cell.LSTM, 100_000_000, 20, LogAndSign.paper(), 0.1).create());
        assertTrue(direct.getMessage().contains("more parameters than a Java array holds"), direct.getMessage());
    }

    private void assertLoadFails(UnaryOperator<String> edit, String expected) throws Exception {
        String original = Files.readString(fixture("gru-v1.json"));
        String changed = edit.apply(original);
        assertFalse(changed.equals(original), "the edit must change the fixture");
        Path file = Files.createTempFile(dir, "edited", ".json");
        Files.writeString(file, changed);
        CheckpointException e = assertThrows(CheckpointException.class, () -> RecurrentCheckpoint.load(file));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(RecurrentCheckpointTest.class.getResource(name).toURI());
    }
}
