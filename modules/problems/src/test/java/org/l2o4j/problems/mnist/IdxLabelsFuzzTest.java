package org.l2o4j.problems.mnist;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.l2o4j.core.testkit.fuzz.LoaderFuzzTest;
import org.l2o4j.core.testkit.fuzz.LoaderOracle;

/**
 * Fuzzes {@link IdxFiles#read} on labels files, with a valid images file of three digits (docs/reliability.md). An
 * input of even length is gzipped first and read as {@code .gz}, so both readers get half of the inputs.
 */
class IdxLabelsFuzzTest {

    /** Three images, as many as the labels seed holds. */
    private static final byte[] IMAGES = MnistFixtures.idx(new int[] {IdxFiles.IMAGES_MAGIC, 3, 28, 28},
            MnistFixtures.images(3, 7).pixelBytes());

    @RegisterExtension
    static final LoaderOracle ORACLE = new LoaderOracle("IDX labels", 16 << 20,
            t -> t instanceof MnistDataException);

    @TempDir
    Path dir;

    @LoaderFuzzTest
    void labelsFile(byte[] input) throws IOException {
        String suffix = input.length % 2 == 0 ? ".gz" : "";
        Path images = MnistFixtures.writeIdx(dir.resolve("images" + suffix), IMAGES);
        Path labels = MnistFixtures.writeIdx(dir.resolve("labels" + suffix), input);
        ORACLE.check(() -> IdxFiles.read(images, labels));
    }

    @Test
    void theSeedsLoadPlainAndGzipped() throws IOException {
        List<byte[]> seeds = LoaderOracle.seeds(getClass());
        assertFalse(seeds.isEmpty(), "the corpus holds valid seeds");
        for (byte[] seed : seeds) {
            for (String suffix : new String[] {"", ".gz"}) {
                Path images = MnistFixtures.writeIdx(dir.resolve("images" + suffix), IMAGES);
                Path labels = MnistFixtures.writeIdx(dir.resolve("labels" + suffix), seed);
                assertDoesNotThrow(() -> IdxFiles.read(images, labels), "a valid seed must load (" + suffix + ")");
            }
        }
    }
}
