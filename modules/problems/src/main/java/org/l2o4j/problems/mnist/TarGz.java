package org.l2o4j.problems.mnist;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads the regular files of a gzipped POSIX (ustar) tar archive, the format of npm package tarballs: 512-byte
 * headers (name at 0, size in octal at 124, type at 156, name prefix at 345), contents padded to 512 bytes, two zero
 * blocks at the end. Entries of other types (directories, links, pax or GNU extension headers) are skipped; an npm
 * tarball has none that matter.
 */
final class TarGz {

    private static final int BLOCK = 512;

    private TarGz() {
    }

    /**
     * The contents of the regular files whose names {@code wanted} accepts, by name, in archive order.
     *
     * @throws MnistDataException naming the archive if it is not a gzipped tar archive or ends early
     */
    static Map<String, byte[]> read(Path archive, Predicate<String> wanted) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (InputStream in = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(archive), 1 << 16))) {
            byte[] header = new byte[BLOCK];
            while (true) {
                if (in.readNBytes(header, 0, BLOCK) < BLOCK) {
                    throw new MnistDataException(archive + " is not a complete tar archive: it ends inside a header");
                }
                if (allZero(header)) {
                    return out;
                }
                String name = text(header, 0, 100);
                String prefix = text(header, 345, 155);
                if (!prefix.isEmpty()) {
                    name = prefix + "/" + name;
                }
                String shown = printable(name);
                long size = octal(header, archive, shown);
                byte type = header[156];
                boolean regular = type == '0' || type == 0;
                long padded = (size + BLOCK - 1) / BLOCK * BLOCK;
                if (regular && wanted.test(name)) {
                    if (size > Integer.MAX_VALUE - 8) {
                        throw new MnistDataException(archive + ": entry " + shown + " is too large (" + size
                                + " bytes)");
                    }
                    byte[] content = in.readNBytes((int) size);
                    if (content.length < size) {
                        throw new MnistDataException(archive + " is truncated inside entry " + shown);
                    }
                    out.put(name, content);
                    skip(in, padded - size, archive, shown);
                } else {
                    skip(in, padded, archive, shown);
                }
            }
        } catch (ZipException e) {
            throw new MnistDataException(archive + " is not a gzip file: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new MnistDataException("cannot read " + archive + ": " + e.getMessage(), e);
        }
    }

    private static boolean allZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    /** A NUL-terminated ASCII field. */
    private static String text(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.US_ASCII);
    }

    /**
     * An entry name as an error message may quote it: a damaged header's name can hold any byte, and a line break in
     * it would break the one-line message; control characters become '?'.
     */
    private static String printable(String name) {
        return name.replaceAll("\\p{Cntrl}", "?");
    }

    /** The size field: octal digits, padded with spaces or NULs. */
    private static long octal(byte[] header, Path archive, String name) {
        long size = 0;
        boolean digits = false;
        for (int i = 124; i < 136; i++) {
            byte b = header[i];
            if (b >= '0' && b <= '7') {
                size = size * 8 + (b - '0');
                digits = true;
            } else if (b == ' ' || b == 0) {
                if (digits) {
                    break;
                }
            } else {
                throw new MnistDataException(archive + ": entry " + name + " has a malformed size field");
            }
        }
        return size;
    }

    private static void skip(InputStream in, long bytes, Path archive, String name) throws IOException {
        long left = bytes;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new MnistDataException(archive + " is truncated inside entry " + name);
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }
}
