package org.l2o4j.problems.mnist;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Labelled 28×28 grey-scale digits as MNIST stores them: one unsigned byte per pixel (0 = background, 255 = ink),
 * images row-major one after the other, and one label 0–9 per image. The network sees pixel / 255.
 *
 * <p>Immutable: the arrays are owned by this object and never handed out.
 */
public final class MnistImages {

    /** Pixels per image, 28 × 28. */
    public static final int PIXELS = 28 * 28;
    /** Number of classes (the digits 0–9). */
    public static final int CLASSES = 10;

    private final byte[] pixels;
    private final byte[] labels;

    private MnistImages(byte[] pixels, byte[] labels) {
        this.pixels = pixels;
        this.labels = labels;
    }

    /**
     * Images from copies of {@code pixels} (count × 784 unsigned bytes) and {@code labels} (count bytes, each 0–9).
     *
     * @param source names where the arrays came from in error messages
     * @throws MnistDataException if the sizes disagree or a label is not a digit
     */
    public static MnistImages of(byte[] pixels, byte[] labels, String source) {
        return owning(pixels.clone(), labels.clone(), source);
    }

    /** Like {@link #of} without the copies, for readers that hand over arrays nobody else holds. */
    static MnistImages owning(byte[] pixels, byte[] labels, String source) {
        if (labels.length == 0) {
            throw new MnistDataException(source + " holds no images");
        }
        if (pixels.length != (long) labels.length * PIXELS) {
            throw new MnistDataException(source + ": " + labels.length + " labels but " + pixels.length
                    + " pixel bytes (expected " + (long) labels.length * PIXELS + ", 784 per image)");
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= CLASSES) {
                throw new MnistDataException(source + ": label of image " + i + " is " + (labels[i] & 0xFF)
                        + ", not a digit 0-9");
            }
        }
        return new MnistImages(pixels, labels);
    }

    /** The images of {@code first} followed by those of {@code second}. */
    public static MnistImages concat(MnistImages first, MnistImages second) {
        byte[] p = new byte[first.pixels.length + second.pixels.length];
        System.arraycopy(first.pixels, 0, p, 0, first.pixels.length);
        System.arraycopy(second.pixels, 0, p, first.pixels.length, second.pixels.length);
        byte[] l = new byte[first.labels.length + second.labels.length];
        System.arraycopy(first.labels, 0, l, 0, first.labels.length);
        System.arraycopy(second.labels, 0, l, first.labels.length, second.labels.length);
        return new MnistImages(p, l);
    }

    /** Number of images. */
    public int count() {
        return labels.length;
    }

    /** Pixel {@code pixel} (0–783, row-major) of image {@code image}, 0–255. */
    public int pixel(int image, int pixel) {
        return pixels[image * PIXELS + pixel] & 0xFF;
    }

    /** The digit image {@code image} shows. */
    public int label(int image) {
        return labels[image];
    }

    /** A copy of the pixel bytes of every image, count × 784, row-major. */
    public byte[] pixelBytes() {
        return pixels.clone();
    }

    /** A copy of the labels. */
    public byte[] labelBytes() {
        return labels.clone();
    }

    /**
     * SHA-256 (hex) of the labels followed by the pixels: one string that says whether two runs trained on the same
     * digits in the same order, whatever file format they were read from.
     */
    public String fingerprint() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(labels);
            sha.update(pixels);
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }
}
