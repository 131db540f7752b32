package org.l2o4j.problems.mnist;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.l2o4j.core.run.AtomicFiles;

/**
 * MNIST's own file format (LeCun, Cortes &amp; Burges, "The MNIST database"): IDX files with a big-endian header,
 * magic number 0x00000803 then count, rows, columns for images and 0x00000801 then count for labels, followed by
 * unsigned bytes. A file whose name ends in {@code .gz} is gzip-compressed, as the files are distributed.
 *
 * <p>A folder of MNIST files holds {@code train-images-idx3-ubyte}, {@code train-labels-idx1-ubyte},
 * {@code t10k-images-idx3-ubyte} and {@code t10k-labels-idx1-ubyte}, each possibly with {@code .gz}.
 */
public final class IdxFiles {

    /** Magic number of an IDX file of unsigned bytes with three dimensions (images). */
    public static final int IMAGES_MAGIC = 0x00000803;
    /** Magic number of an IDX file of unsigned bytes with one dimension (labels). */
    public static final int LABELS_MAGIC = 0x00000801;

    private IdxFiles() {
    }

    /**
     * The images and labels of one MNIST set in {@code folder}: {@code prefix} "train" or "t10k", each file plain or
     * gzipped.
     *
     * @throws MnistDataException naming the file for a missing file, a bad magic number or a size mismatch
     */
    public static MnistImages readSet(Path folder, String prefix) {
        Path images = locate(folder, prefix + "-images-idx3-ubyte");
        Path labels = locate(folder, prefix + "-labels-idx1-ubyte");
        return read(images, labels);
    }

    /** The images of {@code images} with the labels of {@code labels}; their counts must agree. */
    public static MnistImages read(Path images, Path labels) {
        byte[] pixels = readImages(images);
        byte[] digits = readLabels(labels);
        if ((long) digits.length * MnistImages.PIXELS != pixels.length) {
            throw new MnistDataException("size mismatch: " + images + " holds " + pixels.length / MnistImages.PIXELS
                    + " images but " + labels + " holds " + digits.length + " labels");
        }
        return MnistImages.owning(pixels, digits, images.toString());
    }

    /** The pixel bytes of an images file (count × 784). */
    public static byte[] readImages(Path file) {
        try (DataInputStream in = open(file)) {
            int magic = in.readInt();
            checkMagic(file, magic, IMAGES_MAGIC, "images (unsigned bytes, 3 dimensions)");
            int count = in.readInt();
            int rows = in.readInt();
            int columns = in.readInt();
            if (count < 0 || rows != 28 || columns != 28) {
                throw new MnistDataException(file + ": header says " + count + " images of " + rows + "x" + columns
                        + " pixels; MNIST digits are 28x28");
            }
            return body(in, file, (long) count * MnistImages.PIXELS, count + " images");
        } catch (NoSuchFileException e) {
            throw new MnistDataException("MNIST file not found: " + file, e);
        } catch (EOFException e) {
            throw new MnistDataException(file + " is too short to hold an IDX images header (16 bytes)", e);
        } catch (IOException e) {
            throw new MnistDataException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The labels of a labels file. */
    public static byte[] readLabels(Path file) {
        try (DataInputStream in = open(file)) {
            int magic = in.readInt();
            checkMagic(file, magic, LABELS_MAGIC, "labels (unsigned bytes, 1 dimension)");
            int count = in.readInt();
            if (count < 0) {
                throw new MnistDataException(file + ": header says " + count + " labels");
            }
            return body(in, file, count, count + " labels");
        } catch (NoSuchFileException e) {
            throw new MnistDataException("MNIST file not found: " + file, e);
        } catch (EOFException e) {
            throw new MnistDataException(file + " is too short to hold an IDX labels header (8 bytes)", e);
        } catch (IOException e) {
            throw new MnistDataException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes {@code images} as a gzipped images file and a gzipped labels file, each to a temporary file first and
     * then moved into place.
     */
    public static void write(MnistImages images, Path imagesFile, Path labelsFile) {
        AtomicFiles.write(labelsFile, tmp -> {
            try (DataOutputStream out = gzip(tmp)) {
                out.writeInt(LABELS_MAGIC);
                out.writeInt(images.count());
                out.write(images.labelBytes());
            }
        });
        AtomicFiles.write(imagesFile, tmp -> {
            try (DataOutputStream out = gzip(tmp)) {
                out.writeInt(IMAGES_MAGIC);
                out.writeInt(images.count());
                out.writeInt(28);
                out.writeInt(28);
                out.write(images.pixelBytes());
            }
        });
    }

    /** {@code folder/name}, or {@code folder/name.gz} when only that exists. */
    static Path locate(Path folder, String name) {
        Path plain = folder.resolve(name);
        if (Files.isRegularFile(plain)) {
            return plain;
        }
        Path gz = folder.resolve(name + ".gz");
        if (Files.isRegularFile(gz)) {
            return gz;
        }
        throw new MnistDataException("MNIST file not found: " + plain + " (nor " + gz.getFileName()
                + "); an MNIST folder holds train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte"
                + " and t10k-labels-idx1-ubyte, each plain or .gz");
    }

    private static DataInputStream open(Path file) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        return new DataInputStream(file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16)
                : raw);
    }

    private static DataOutputStream gzip(Path file) throws IOException {
        OutputStream raw = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        return new DataOutputStream(new GZIPOutputStream(raw, 1 << 16));
    }

    private static void checkMagic(Path file, int magic, int expected, String kind) {
        if (magic != expected) {
            throw new MnistDataException(String.format("%s: bad magic number 0x%08X, expected 0x%08X for IDX %s",
                    file, magic, expected, kind));
        }
    }

    /**
     * Exactly {@code length} bytes after the header, and nothing after them. The count is the file's own claim: the
     * bytes are read as they come (InputStream.readNBytes grows its buffer chunk by chunk), so a damaged header that
     * claims two billion labels costs only what the file really holds before it is refused as truncated.
     */
    private static byte[] body(DataInputStream in, Path file, long length, String what) throws IOException {
        if (length > Integer.MAX_VALUE - 8) {
            throw new MnistDataException(file + ": header says " + what + ", too many to hold in memory");
        }
        byte[] out = in.readNBytes((int) length);
        if (out.length < length) {
            throw new MnistDataException("size mismatch: " + file + " is truncated; its header says " + what + " ("
                    + length + " bytes) but only " + out.length + " bytes follow");
        }
        if (in.read() != -1) {
            throw new MnistDataException("size mismatch: " + file + " has bytes after the " + what
                    + " its header announces");
        }
        return out;
    }
}
