package org.l2o4j.problems.mnist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.l2o4j.core.testkit.fuzz.Fuzz;
import org.l2o4j.core.testkit.fuzz.Mutations;
import org.l2o4j.core.testkit.fuzz.Seed;

/**
 * Fuzzes {@link IdxFiles#read} on mutated images and labels files, plain and gzipped (docs/reliability.md): every
 * input must load or be refused with a {@link MnistDataException}, within {@link Fuzz#HANG_SECONDS} and without
 * allocating what a damaged header claims.
 */
class IdxFuzzTest {

    private static final MnistImages THREE = MnistFixtures.images(3, 7);
    private static final byte[] IMAGES = MnistFixtures.idx(new int[] {IdxFiles.IMAGES_MAGIC, 3, 28, 28},
            THREE.pixelBytes());
    private static final byte[] LABELS = MnistFixtures.idx(new int[] {IdxFiles.LABELS_MAGIC, 3}, THREE.labelBytes());

    @TempDir
    Path dir;

    @Test
    void damagedImagesFilesLoadOrAreRefusedInOneLine() throws Exception {
        assertReachedTheLoader(Fuzz.run("IDX images", Mutations.of(List.of(new Seed("3 images", IMAGES))),
                t -> t instanceof MnistDataException,
                input -> files(input.bytes(), LABELS, input.bytes().length % 2 == 0)));
    }

    @Test
    void damagedLabelsFilesLoadOrAreRefusedInOneLine() throws Exception {
        assertReachedTheLoader(Fuzz.run("IDX labels", Mutations.of(List.of(new Seed("3 labels", LABELS))),
                t -> t instanceof MnistDataException,
                input -> files(IMAGES, input.bytes(), input.bytes().length % 2 == 0)));
    }

    /** The load of the two files, gzipped (for inputs of even length) or plain, so both readers get half. */
    private Callable<MnistImages> files(byte[] images, byte[] labels, boolean gzip)
            throws IOException {
        String suffix = gzip ? ".gz" : "";
        Path imagesFile = dir.resolve("images" + suffix);
        Path labelsFile = dir.resolve("labels" + suffix);
        Files.write(imagesFile, gzip ? gzip(images) : images);
        Files.write(labelsFile, gzip ? gzip(labels) : labels);
        return () -> IdxFiles.read(imagesFile, labelsFile);
    }

    static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }

    /** Every input ran, and the mutations reached the loader's own refusal, so the run tested its checks at all. */
    private static void assertReachedTheLoader(Fuzz.Report report) {
        assertEquals(Fuzz.inputs(), report.counts().values().stream().mapToInt(Integer::intValue).sum(),
                report.summary());
        assertTrue(report.count(Fuzz.Outcome.REJECTED) > 0, report.summary());
    }
}
