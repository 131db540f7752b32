package org.l2o4j.core.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.l2o4j.core.config.ConfigException;
import org.l2o4j.core.run.Provenance;
import org.l2o4j.core.run.Sha256;
import org.l2o4j.core.testkit.fuzz.Fuzz;
import org.l2o4j.core.testkit.fuzz.Mutations;
import org.l2o4j.core.testkit.fuzz.Seed;

/**
 * Fuzzes the checkpoint lookup every trainer's resume and every trained optimizer's loading goes through,
 * {@link TrainingFolder#latestOf} and {@link TrainingFolder#checkpointsOf}, on a run folder a random-walk training
 * wrote (docs/reliability.md). An input is either the {@code latest.json} pointer or the checkpoint's
 * {@code manifest.json}; a mutated manifest gets a pointer with its true SHA-256, so that mutations reach the
 * manifest's reader instead of all stopping at the digest check.
 */
class TrainingFolderFuzzTest {

    @TempDir
    Path temp;

    @Test
    void damagedPointersAndManifestsLoadOrAreRefusedInOneLine() throws Exception {
        Map<String, Object> raw = new LinkedHashMap<>(Map.of("kind", RandomWalkTrainer.KIND, "family", "none",
                "seed", 7, "name", "walk"));
        TrainingHeader.Split s = TrainingHeader.split(raw, "test file");
        RandomWalkTrainer.Provider provider = new RandomWalkTrainer.Provider();
        MetaTrainer t = provider.create(s.header(), s.settings(), "test file");
        Path run;
        try (TrainingFolder folder = TrainingFolder.create(temp, s.header(), t.settings(), provider.resumableKeys(),
                Provenance.capture("fuzz", 7, "test"))) {
            t.train(folder, TrainingListener.NONE);
            run = folder.path();
        }
        Path pointer = run.resolve(TrainingFolder.CHECKPOINTS).resolve(TrainingFolder.LATEST);
        Path manifest = TrainingFolder.latestOf(run).orElseThrow().file(TrainingFolder.MANIFEST);
        byte[] pointerBytes = Files.readAllBytes(pointer);
        byte[] manifestBytes = Files.readAllBytes(manifest);
        String pointerText = new String(pointerBytes, java.nio.charset.StandardCharsets.UTF_8);
        String manifestSha = Sha256.of(manifest);
        assertReachedTheLoader(Fuzz.run("checkpoint pointer and manifest", Mutations.ofText(List.of(new Seed("latest.json", pointerBytes),
                new Seed("manifest.json", manifestBytes))), t2 -> t2 instanceof ConfigException
                || t2 instanceof UncheckedIOException, input -> {
                    if (input.origin().equals("manifest.json")) {
                        Files.write(manifest, input.bytes());
                        Files.writeString(pointer, pointerText.replace(manifestSha, Sha256.of(manifest)));
                    } else {
                        Files.write(manifest, manifestBytes);
                        Files.write(pointer, input.bytes());
                    }
                    return () -> List.of(TrainingFolder.latestOf(run), TrainingFolder.checkpointsOf(run));
                }));
    }

    /** Every input ran, and the mutations reached the loader's own refusal, so the run tested its checks at all. */
    private static void assertReachedTheLoader(Fuzz.Report report) {
        assertEquals(Fuzz.inputs(), report.counts().values().stream().mapToInt(Integer::intValue).sum(),
                report.summary());
        assertTrue(report.count(Fuzz.Outcome.REJECTED) > 0, report.summary());
    }
}
