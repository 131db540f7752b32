package org.l2o4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.l2o4j.core.config.Configs;
import org.l2o4j.core.run.Provenance;
import org.l2o4j.core.run.Sha256;
import org.l2o4j.core.training.BoundTraining;
import org.l2o4j.core.training.MetaTrainer;
import org.l2o4j.core.training.TrainingFolder;

/**
 * The training folder's faults as a user meets them through {@code l2o train}: each ends in one line naming the
 * problem, exit status 2, no stack trace, and leaves the run as it was.
 */
class TrainingFolderCliTest {

    private static final String[] GPS = {"--set", "profile=tiny", "--set", "conditions=3", "--set", "threads=1",
        "--no-progress"};

    /** The command line {@code args} followed by the {@code options}. */
    private static CliRunner.Result run(String[] options, String... args) {
        return CliRunner.run(Stream.concat(Stream.of(args), Stream.of(options)).toArray(String[]::new));
    }

    private static Path trainGps(Path out, int iterations) throws Exception {
        CliRunner.Result r = run(GPS, "train", "li-malik-logreg-gps", "--set", "iterations=" + iterations, "--out",
                out.toString());
        assertEquals(0, r.exitCode(), r.err());
        try (Stream<Path> s = Files.list(out.resolve("li-malik-logreg-gps"))) {
            return s.toList().get(0);
        }
    }

    private static void assertOneLineExit2(CliRunner.Result r, String... needles) {
        assertEquals(2, r.exitCode(), r.err());
        String err = r.err().strip();
        assertFalse(err.contains("\n") || err.contains("\tat "), "one line, no stack trace: " + err);
        for (String n : needles) {
            assertTrue(err.contains(n), "'" + n + "' in: " + err);
        }
    }

    @Test
    void aBudgetBelowTheWorkDoneIsRefusedAndTheRunIsLeftAsItWas(@TempDir Path out) throws Exception {
        Path run = trainGps(out, 3);
        String file = Files.readString(run.resolve("training.yaml"));
        String summary = Files.readString(run.resolve("summary.json"));
        assertOneLineExit2(run(GPS, "train", "--resume", run.toString(), "--set", "iterations=2"),
                "iterations=2", "3 iterations already done");
        assertEquals(file, Files.readString(run.resolve("training.yaml")));
        assertEquals(summary, Files.readString(run.resolve("summary.json")));
    }

    @Test
    void aChangedHorizonIsRefusedNamingTheKey(@TempDir Path out) throws Exception {
        Path run = trainGps(out, 1);
        assertOneLineExit2(run(GPS, "train", "--resume", run.toString(), "--set", "iterations=2", "--set",
                "horizon=7"), "'horizon'");
    }

    @Test
    void aDamagedCheckpointIsRefusedNamingTheFile(@TempDir Path out) throws Exception {
        Path run = trainGps(out, 1);
        Path policy = TrainingFolder.latestOf(run).orElseThrow().file("policy.json");
        Files.writeString(policy, Files.readString(policy).replace("\"parameters\"", "\"parameterz\""));
        assertOneLineExit2(run(GPS, "train", "--resume", run.toString(), "--set", "iterations=2"), "policy.json",
                "damaged");
        assertOneLineExit2(run(GPS, "evaluate", "--policy", run.toString(), "--out", out.toString()),
                "policy.json");
    }

    @Test
    void aDamagedPolicyWhoseDigestsWereRewrittenIsRefusedInOneLine(@TempDir Path out) throws Exception {
        Path run = trainGps(out, 1);
        TrainingFolder.Checkpoint checkpoint = TrainingFolder.latestOf(run).orElseThrow();
        Path policy = checkpoint.file("policy.json");
        Files.writeString(policy, Files.readString(policy).replace("\"parameters\"", "\"parameterz\""));
        // Past the digest check, the damage reaches the policy reader, whose error GPS's resume used to let through.
        Path manifest = checkpoint.file(TrainingFolder.MANIFEST);
        String oldPolicySha = Configs.json().readTree(manifest.toFile()).path("files").path("policy.json").asText();
        String oldManifestSha = Sha256.of(manifest);
        Files.writeString(manifest, Files.readString(manifest).replace(oldPolicySha, Sha256.of(policy)));
        Path pointer = run.resolve(TrainingFolder.CHECKPOINTS).resolve(TrainingFolder.LATEST);
        Files.writeString(pointer, Files.readString(pointer).replace(oldManifestSha, Sha256.of(manifest)));
        assertOneLineExit2(run(GPS, "train", "--resume", run.toString(), "--set", "iterations=2"), "policy.json",
                "parameters");
    }

    @Test
    void aRunThatFailsBeforeItsFirstCheckpointLeavesNoFolder(@TempDir Path out) {
        assertOneLineExit2(CliRunner.run("train", "li-malik-logreg-gps", "--set", "profile=tiny", "--set",
                "conditions=1000", "--out", out.toString(), "--no-progress"), "conditions is 1000");
        assertFalse(Files.exists(out.resolve("li-malik-logreg-gps")) && out.resolve("li-malik-logreg-gps").toFile()
                .list().length > 0, "no run folder is left");
    }

    @Test
    void aFolderWithoutACheckpointHasNothingToResume(@TempDir Path out) throws Exception {
        Path run = out.resolve("li-malik-logreg-gps/20260101-000000");
        Files.createDirectories(run);
        Files.copy(Experiments.locate("li-malik-logreg-gps"), run.resolve("training.yaml"));
        assertOneLineExit2(run(GPS, "train", "--resume", run.toString()), "no checkpoint");
    }

    @Test
    void aFolderBeingTrainedCannotBeResumedBySomeoneElse(@TempDir Path out) throws Exception {
        Path run = trainGps(out, 1);
        BoundTraining b = BoundTraining.bind(Experiments.readRaw(run.resolve("training.yaml"),
                List.of("iterations=2")), "test");
        MetaTrainer t = b.trainer();
        try (TrainingFolder held = TrainingFolder.resume(run, b.header(), t.settings(), b.provider().resumableKeys(),
                t.budget(), Provenance.capture("test", 0, "test"))) {
            assertOneLineExit2(run(GPS, "train", "--resume", run.toString(), "--set", "iterations=2"),
                    "being trained");
        }
        CliRunner.Result resumed = run(GPS, "train", "--resume", run.toString(), "--set", "iterations=2");
        assertEquals(0, resumed.exitCode(), resumed.err());
    }
}
