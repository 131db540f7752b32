package org.l2o4j.core.training;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A run folder's checkpoints as a random-walk training wrote them (test resource {@code random-walk-run/}): the
 * pointer and a checkpoint of step 3 with its manifest, the fixture the checkpoint fuzz tests damage one file of.
 */
final class CheckpointFixture {

    /** The checkpoint's folder name, as the pointer gives it. */
    static final String DIRECTORY = "step-000003";

    private CheckpointFixture() {
    }

    /** Copies the fixture's {@code checkpoints/} into {@code run} and returns {@code run}. */
    static Path copyInto(Path run) throws IOException {
        Path source;
        try {
            source = Path.of(CheckpointFixture.class.getResource("random-walk-run").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(source)) {
            files = walk.toList();
        }
        for (Path p : files) {
            Path to = run.resolve(source.relativize(p).toString());
            if (Files.isDirectory(p)) {
                Files.createDirectories(to);
            } else {
                Files.copy(p, to);
            }
        }
        return run;
    }

    /** The pointer file of {@code run}. */
    static Path pointer(Path run) {
        return run.resolve(TrainingFolder.CHECKPOINTS).resolve(TrainingFolder.LATEST);
    }

    /** The manifest file of the fixture's checkpoint in {@code run}. */
    static Path manifest(Path run) {
        return run.resolve(TrainingFolder.CHECKPOINTS).resolve(DIRECTORY).resolve(TrainingFolder.MANIFEST);
    }

    /** What every resume and every trained optimizer's loading reads first. */
    static void load(Path run) {
        TrainingFolder.latestOf(run);
        TrainingFolder.checkpointsOf(run);
    }
}
