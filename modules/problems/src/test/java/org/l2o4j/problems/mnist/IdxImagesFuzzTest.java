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
 * Fuzzes {@link IdxFiles#read} on images files, with a valid labels file of three digits (docs/reliability.md). An
 * input of even length is gzipped first and read as {@code .gz}, so both readers get half of the inputs.
 */
class IdxImagesFuzzTest {

    /** Three labels, as many as the images seed holds. */
    private static final byte[] LABELS = MnistFixtures.idx(new int[] {IdxFiles.LABELS_MAGIC, 3}, new byte[] {0, 1, 2});

    @RegisterExtension
    static final LoaderOracle ORACLE = new LoaderOracle("IDX images", 16 << 20,
            t -> t instanceof MnistDataException);

    @TempDir
    Path dir;

    @LoaderFuzzTest
    void imagesFile(byte[] input) throws IOException {
        String suffix = input.length % 2 == 0 ? ".gz" : "";
        Path images = MnistFixtures.writeIdx(dir.resolve("images" + suffix), input);
        Path labels = MnistFixtures.writeIdx(dir.resolve("labels" + suffix), LABELS);
        ORACLE.check(() -> IdxFiles.read(images, labels));
    }

    @Test
    void theSeedsLoadPlainAndGzipped() throws IOException {
        List<byte[]> seeds = LoaderOracle.seeds(getClass());
        assertFalse(seeds.isEmpty(), "the corpus holds valid seeds");
        for (byte[] seed : seeds) {
            for (String suffix : new String[] {"", ".gz"}) {
                Path images = MnistFixtures.writeIdx(dir.resolve("images" + suffix), seed);
                Path labels = MnistFixtures.writeIdx(dir.resolve("labels" + suffix), LABELS);
                assertDoesNotThrow(() -> IdxFiles.read(images, labels), "a valid seed must load (" + suffix + ")");
            }
        }
    }
}
