package org.l2o4j.policy;

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

class PolicyCheckpointTest {

    @TempDir
    Path dir;

    /** Saving and loading gives a policy whose outputs and state are bit-identical, with its metadata. */
    @Test
    void roundTripIsBitIdentical() {
        for (MlpArchitecture arch : new MlpArchitecture[] {MlpArchitecture.liMalik(125, 4),
                new MlpArchitecture(7, 5, 3, HiddenActivation.RELU), MlpArchitecture.linear(6, 2)}) {
            GaussianMlpPolicy policy = TestPolicies.random(arch, 0.3, 151);
            Map<String, Object> provenance = Configs.toMap(Provenance.capture("roundtrip", 151, "test"));
            Path file = dir.resolve("nested/policy-" + arch.hiddenUnits() + ".json");
            new PolicyCheckpoint(policy, "paper", Configs.toMap(PolicyRegressionConfig.liMalik()), provenance)
                    .save(file);
            PolicyCheckpoint loaded = PolicyCheckpoint.load(file);
            GaussianMlpPolicy copy = loaded.policy();
            assertEquals(arch, copy.architecture());
            assertArrayEquals(policy.parameters(), copy.parameters(), 0.0);
            assertArrayEquals(policy.logStd(), copy.logStd(), 0.0);
            assertArrayEquals(policy.normalization().mean(), copy.normalization().mean(), 0.0);
            assertArrayEquals(policy.normalization().std(), copy.normalization().std(), 0.0);
            assertTrue(copy.normalization().fitted());
            int rows = 50;
            double[] obs = TestPolicies.gaussianRows(rows, arch.inputDimension(), 0, 3, 152);
            double[] before = new double[rows * arch.outputDimension()];
            double[] after = new double[rows * arch.outputDimension()];
            policy.mean(obs, rows, before);
            copy.mean(obs, rows, after);
            assertArrayEquals(before, after, 0.0);
            assertEquals("paper", loaded.featurePreset());
            assertEquals(20_000, loaded.config().get("iterationsPerFit"));
            assertEquals(PolicyRegressionConfig.liMalik(), Configs.bind(loaded.config(),
                    PolicyRegressionConfig.liMalik().withSeed(9), "checkpoint config"));
            assertEquals("roundtrip", loaded.provenance().get("experiment"));
        }
        try (var files = Files.list(dir.resolve("nested"))) {
            assertEquals(3, files.count(), "no temporary files are left behind");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * A checkpoint written by format version 1 (committed in test resources) must keep loading and giving these
     * outputs, recorded when it was written.
     */
    @Test
    void versionOneFixtureStillLoadsAndGivesTheSameOutputs() throws URISyntaxException {
        PolicyCheckpoint loaded = PolicyCheckpoint.load(fixture());
        GaussianMlpPolicy policy = loaded.policy();
        assertEquals(new MlpArchitecture(3, 2, 2, HiddenActivation.SOFTPLUS), policy.architecture());
        assertEquals("paper", loaded.featurePreset());
        assertEquals("policy-checkpoint-fixture", loaded.provenance().get("experiment"));
        double[] obs = {0.0, 0.0, 0.0, 1.0, -2.0, 0.5, -3.25, 4.0, 10.0};
        double[] mu = new double[6];
        policy.mean(obs, 3, mu);
        double[] expected = {0.3854982795321107, 0.5048352926742534, 0.15158632175852402, 0.4434927111155075,
            0.14447126043618186, 0.806148182183542};
        assertArrayEquals(expected, mu, 1e-15);
        assertArrayEquals(new double[] {0.051628765864007144, 0.025979452740866917}, policy.variance(), 1e-17);
    }

    @Test
    void unsupportedVersionIsNamed() throws Exception {
        Path file = edited(root -> root.replace("\"formatVersion\" : 1", "\"formatVersion\" : 2"));
        CheckpointException e = assertThrows(CheckpointException.class, () -> PolicyCheckpoint.load(file));
        assertTrue(e.getMessage().contains("unsupported formatVersion 2"), e.getMessage());
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        Path missing = edited(root -> root.replace("\"formatVersion\" : 1,", ""));
        e = assertThrows(CheckpointException.class, () -> PolicyCheckpoint.load(missing));
        assertTrue(e.getMessage().contains("missing field 'formatVersion'"), e.getMessage());
    }

    @Test
    void wrongDimensionsAreNamedWithTheirValues() throws Exception {
        assertLoadFails(root -> root.replace("\"inputDimension\" : 3", "\"inputDimension\" : 4"),
                "field 'parameters' has 14 entries, but the architecture needs 16");
        assertLoadFails(root -> root.replace("\"hiddenUnits\" : 2", "\"hiddenUnits\" : -1"),
                "hiddenUnits must be 0 (linear policy) or more, got -1");
        assertLoadFails(root -> root.replace("\"logStd\" : [ -1.481838141921555, ", "\"logStd\" : [ "),
                "field 'logStd' has 1 entries, but the architecture needs 2");
        assertLoadFails(root -> root.replace("\"mean\" : [ -0.9403584126811815, ", "\"mean\" : [ "),
                "field 'normalization.mean' has 2 entries, but the architecture needs 3");
        assertLoadFails(root -> root.replace("1.4935198240122451", "0.0"),
                "field 'normalization.std[0]' is 0.0, below the floor");
        assertLoadFails(root -> root.replace("\"outputDimension\" : 2", "\"outputDimension\" : 2.5"),
                "field 'architecture.outputDimension' is 2.5, expected an integer");
        assertLoadFails(root -> root.replace("\"softplus\"", "\"tanh\""), "field 'activation' is \"tanh\"");
        assertLoadFails(root -> root.replace("-0.5545455401721596", "\"x\""), "field 'parameters[0]' is \"x\"");
        assertLoadFails(root -> root.replace("\"paper\"", "\"\""), "field 'featurePreset' is empty");
    }

    @Test
    void missingAndMalformedFilesAreNamed() throws Exception {
        Path missing = dir.resolve("absent/policy.json");
        CheckpointException e = assertThrows(CheckpointException.class, () -> PolicyCheckpoint.load(missing));
        assertTrue(e.getMessage().contains("not found: " + missing), e.getMessage());
        Path truncated = edited(root -> root.substring(0, root.length() / 2));
        e = assertThrows(CheckpointException.class, () -> PolicyCheckpoint.load(truncated));
        assertTrue(e.getMessage().startsWith("malformed policy checkpoint " + truncated), e.getMessage());
    }

    @Test
    void featurePresetIsRequired() {
        GaussianMlpPolicy p = GaussianMlpPolicy.initialize(MlpArchitecture.liMalik(3, 2), 1);
        assertThrows(IllegalArgumentException.class, () -> new PolicyCheckpoint(p, " ", Map.of(), Map.of()));
    }

    private void assertLoadFails(UnaryOperator<String> edit, String expectedMessagePart) throws Exception {
        Path file = edited(edit);
        CheckpointException e = assertThrows(CheckpointException.class, () -> PolicyCheckpoint.load(file),
                expectedMessagePart);
        assertTrue(e.getMessage().contains(expectedMessagePart), e.getMessage());
        assertFalse(e.getMessage().isBlank());
    }

    private Path edited(UnaryOperator<String> edit) throws Exception {
        String original = Files.readString(fixture());
        String changed = edit.apply(original);
        assertFalse(changed.equals(original), "the edit must change the fixture");
        Path file = Files.createTempFile(dir, "edited", ".json");
        Files.writeString(file, changed);
        return file;
    }

    private static Path fixture() throws URISyntaxException {
        return Path.of(PolicyCheckpointTest.class.getResource("gaussian-mlp-policy-v1.json").toURI());
    }
}
