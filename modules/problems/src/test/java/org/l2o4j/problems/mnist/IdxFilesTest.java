package org.l2o4j.problems.mnist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.l2o4j.core.testkit.fuzz.Allocation;

class IdxFilesTest {

    private static final MnistImages FIVE = MnistFixtures.images(5, 1);

    @Test
    void gzippedAndPlainFilesReadBackTheSameDigits(@TempDir Path dir) throws Exception {
        IdxFiles.write(FIVE, dir.resolve("train-images-idx3-ubyte.gz"), dir.resolve("train-labels-idx1-ubyte.gz"));
        Files.write(dir.resolve("t10k-images-idx3-ubyte"),
                MnistFixtures.idx(new int[] {IdxFiles.IMAGES_MAGIC, 5, 28, 28}, FIVE.pixelBytes()));
        Files.write(dir.resolve("t10k-labels-idx1-ubyte"),
                MnistFixtures.idx(new int[] {IdxFiles.LABELS_MAGIC, 5}, FIVE.labelBytes()));
        for (String set : new String[] {"train", "t10k"}) {
            MnistImages back = IdxFiles.readSet(dir, set);
            assertArrayEquals(FIVE.pixelBytes(), back.pixelBytes(), set);
            assertArrayEquals(FIVE.labelBytes(), back.labelBytes(), set);
            assertEquals(FIVE.fingerprint(), back.fingerprint());
        }
    }

    @Test
    void aMissingFileIsNamedWithTheFilesAFolderNeeds(@TempDir Path dir) {
        MnistDataException e = assertThrows(MnistDataException.class, () -> IdxFiles.readSet(dir, "train"));
        assertTrue(e.getMessage().contains("not found") && e.getMessage().contains(
                dir.resolve("train-images-idx3-ubyte").toString()) && e.getMessage().contains("t10k-labels-idx1-ubyte"),
                e.getMessage());
    }

    @Test
    void aBadMagicNumberIsNamed(@TempDir Path dir) throws Exception {
        Path images = dir.resolve("labels-given-as-images");
        Files.write(images, MnistFixtures.idx(new int[] {IdxFiles.LABELS_MAGIC, 5}, FIVE.labelBytes()));
        MnistDataException e = assertThrows(MnistDataException.class, () -> IdxFiles.readImages(images));
        assertTrue(e.getMessage().contains(images.toString()) && e.getMessage().contains("bad magic number 0x00000801")
                && e.getMessage().contains("expected 0x00000803"), e.getMessage());
    }

    @Test
    void sizeMismatchesAreNamed(@TempDir Path dir) throws Exception {
        Path truncated = dir.resolve("truncated");
        Files.write(truncated, MnistFixtures.idx(new int[] {IdxFiles.IMAGES_MAGIC, 6, 28, 28}, FIVE.pixelBytes()));
        MnistDataException e = assertThrows(MnistDataException.class, () -> IdxFiles.readImages(truncated));
        assertTrue(e.getMessage().contains("size mismatch") && e.getMessage().contains(truncated.toString())
                && e.getMessage().contains("6 images") && e.getMessage().contains(5 * 784 + " bytes"), e.getMessage());

        Path longer = dir.resolve("longer");
        Files.write(longer, MnistFixtures.idx(new int[] {IdxFiles.LABELS_MAGIC, 4}, FIVE.labelBytes()));
        e = assertThrows(MnistDataException.class, () -> IdxFiles.readLabels(longer));
        assertTrue(e.getMessage().contains("size mismatch") && e.getMessage().contains(longer.toString())
                && e.getMessage().contains("after the 4 labels"), e.getMessage());

        Path images = dir.resolve("images");
        Path labels = dir.resolve("labels");
        Files.write(images, MnistFixtures.idx(new int[] {IdxFiles.IMAGES_MAGIC, 5, 28, 28}, FIVE.pixelBytes()));
        Files.write(labels, MnistFixtures.idx(new int[] {IdxFiles.LABELS_MAGIC, 4}, Arrays.copyOf(
                FIVE.labelBytes(), 4)));
        e = assertThrows(MnistDataException.class, () -> IdxFiles.read(images, labels));
        assertTrue(e.getMessage().contains("5 images") && e.getMessage().contains("4 labels")
                && e.getMessage().contains(images.toString()) && e.getMessage().contains(labels.toString()),
                e.getMessage());

        Path small = dir.resolve("small");
        Files.write(small, MnistFixtures.idx(new int[] {IdxFiles.IMAGES_MAGIC, 1, 14, 14}, new byte[196]));
        e = assertThrows(MnistDataException.class, () -> IdxFiles.readImages(small));
        assertTrue(e.getMessage().contains("14x14") && e.getMessage().contains(small.toString()), e.getMessage());
    }

    @Test
    void aLabelThatIsNoDigitIsNamed(@TempDir Path dir) throws Exception {
        byte[] labels = FIVE.labelBytes();
        labels[3] = 12;
        Path images = dir.resolve("images");
        Path labelFile = dir.resolve("labels");
        Files.write(images, MnistFixtures.idx(new int[] {IdxFiles.IMAGES_MAGIC, 5, 28, 28}, FIVE.pixelBytes()));
        Files.write(labelFile, MnistFixtures.idx(new int[] {IdxFiles.LABELS_MAGIC, 5}, labels));
        MnistDataException e = assertThrows(MnistDataException.class, () -> IdxFiles.read(images, labelFile));
        assertTrue(e.getMessage().contains("image 3") && e.getMessage().contains("12"), e.getMessage());
    }

    /**
     * A header's count is the file's claim, not a size to allocate: 2^31 (negative as an int) and 2^31 - 16 labels
     * over three bytes are both refused, and neither makes the reader allocate more than a few megabytes.
     */
    @Test
    void aHugeCountInTheHeaderIsRefusedWithoutAllocatingIt(@TempDir Path dir) throws Exception {
        Path negative = dir.resolve("negative");
        Files.write(negative, MnistFixtures.idx(new int[] {IdxFiles.LABELS_MAGIC, 0x80000000}, new byte[3]));
        MnistDataException e = assertThrows(MnistDataException.class, () -> IdxFiles.readLabels(negative));
        assertTrue(e.getMessage().contains("-2147483648 labels"), e.getMessage());

        for (boolean gzip : new boolean[] {false, true}) {
            Path huge = dir.resolve(gzip ? "huge.gz" : "huge");
            byte[] bytes = MnistFixtures.idx(new int[] {IdxFiles.LABELS_MAGIC, 0x7ffffff0}, new byte[3]);
            Files.write(huge, gzip ? MnistFixtures.gzip(bytes) : bytes);
            e = assertThrows(MnistDataException.class, () -> IdxFiles.readLabels(huge));
            assertTrue(e.getMessage().contains("truncated") && e.getMessage().contains("2147483632 labels")
                    && e.getMessage().contains("only 3 bytes follow"), e.getMessage());
            long allocated = Allocation.bytes(() -> IdxFiles.readLabels(huge));
            assertTrue(allocated < 16 << 20, "allocated " + allocated + " bytes for a 3-byte body");
        }

        Path images = dir.resolve("images");
        Files.write(images, MnistFixtures.idx(new int[] {IdxFiles.IMAGES_MAGIC, 2_000_000, 28, 28}, new byte[784]));
        long allocated = Allocation.bytes(() -> IdxFiles.readImages(images));
        assertTrue(allocated < 16 << 20, "allocated " + allocated + " bytes for one image");
    }
}
