package org.l2o4j.dl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.l2o4j.core.catalog.Catalog;
import org.l2o4j.core.config.ConfigException;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** Each bad input is refused in one line that names it and says what to use instead. */
class LearnedUpdaterBadInputTest {

    @TempDir
    static Path dir;

    @BeforeAll
    static void doublePrecision() {
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
    }

    @Test
    void unknownZooEntryIsNamedWithTheKnownOnes() {
        String message = refused("zoo:no-such-optimizer");
        assertTrue(message.contains("no-such-optimizer") && message.contains("li-malik-logreg"), message);
    }

    @Test
    void missingCheckpointFileIsNamed() {
        Path missing = dir.resolve("missing.json");
        String message = refused(missing.toString());
        assertTrue(message.contains(missing.toString()) && message.contains("not found"), message);
    }

    @Test
    void emptyReferenceSaysWhatIsNeeded() {
        assertTrue(refused(" ").contains("zoo:NAME"));
    }

    @Test
    void feedForwardZooPolicyIsRefused() {
        String message = refused("zoo:li-malik-logreg");
        assertTrue(message.contains("'zoo:li-malik-logreg' is a 'predicted-step-descent' optimizer")
                && message.contains("lstm-optimizer") && message.contains("gru-optimizer"), message);
    }

    @Test
    void feedForwardPolicyFileIsRefused() {
        Path policy = Catalog.checkpointFile("zoo:li-malik-logreg");
        String message = refused(policy.toString());
        assertTrue(message.contains("is not one") && message.contains("field 'format'"), message);
    }

    @Test
    void checkpointChangedSinceConfigurationIsRefusedWhenTheNetworkIsBuilt() throws IOException {
        Path file = TinyNetworks.lstmCheckpoint(dir, 1);
        MultiLayerConfiguration conf = TinyNetworks.mlp(new LearnedUpdater(file.toString()), DataType.DOUBLE);
        String json = conf.toJson();
        Files.copy(TinyNetworks.lstmCheckpoint(dir, 2), file, StandardCopyOption.REPLACE_EXISTING);
        MultiLayerNetwork net = new MultiLayerNetwork(MultiLayerConfiguration.fromJson(json));
        net.init();
        ConfigException e = assertThrows(ConfigException.class, net::getUpdater);
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("SHA-256"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void learningRateCannotBeSet() {
        LearnedUpdater u = new LearnedUpdater(TinyNetworks.gruCheckpoint(dir, 3).toString());
        assertFalse(u.hasLearningRate());
        assertTrue(Double.isNaN(u.getLearningRate(0, 0)));
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> u.setLrAndSchedule(0.1, null));
        assertTrue(e.getMessage().contains("no learning rate"), e.getMessage());
    }

    @Test
    void stateOfTheWrongSizeIsRefused() {
        LearnedUpdater u = new LearnedUpdater(TinyNetworks.gruCheckpoint(dir, 4).toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> u.instantiate(Nd4j.zeros(DataType.DOUBLE, 1, 13), true));
        assertTrue(e.getMessage().contains("8 numbers per coordinate") && e.getMessage().contains("13"),
                e.getMessage());
        IllegalArgumentException keys = assertThrows(IllegalArgumentException.class,
                () -> u.instantiate(Map.of("M", Nd4j.zeros(DataType.DOUBLE, 1, 16)), true));
        assertTrue(keys.getMessage().contains(LearnedGradientUpdater.STATE_KEY), keys.getMessage());
    }

    @Test
    void halfPrecisionIsRefusedWithTheWayOut() {
        LearnedUpdater u = new LearnedUpdater(TinyNetworks.gruCheckpoint(dir, 5).toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> u.instantiate(Nd4j.zeros(DataType.HALF, 1, 16), true));
        assertTrue(e.getMessage().contains("HALF") && e.getMessage().contains("DOUBLE or FLOAT"), e.getMessage());
    }

    /** The ConfigException's one-line message. */
    private static String refused(String checkpoint) {
        ConfigException e = assertThrows(ConfigException.class, () -> new LearnedUpdater(checkpoint));
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
        return e.getMessage();
    }
}
