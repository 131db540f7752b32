package org.l2o4j.core.run;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

import com.fasterxml.jackson.core.JsonGenerator;

import org.l2o4j.core.config.Configs;

/** Writes that leave either the old file or the complete new one, never half a file: temp file, then move. */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    /** Body of a write to a temporary file. */
    @FunctionalInterface
    public interface Writer {
        void writeTo(Path temporary) throws IOException;
    }

    /**
     * Writes a value as pretty JSON and a final newline, the same bytes as {@code Configs.toJson(value) + "\n"}, but
     * streamed into the temp file: a large checkpoint (GPS's controllers and priors run to hundreds of MB) never exists
     * as one string beside its tree.
     */
    public static void writeJson(Path target, Object value) {
        write(target, tmp -> {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                Configs.json().writer().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValue(out, value);
                out.write('\n');
            }
        });
    }

    /** Runs {@code writer} on a temp file beside {@code target}, then moves it into place. */
    public static void write(Path target, Writer writer) {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
            writer.writeTo(tmp);
            readableByAll(tmp);
            move(tmp, target);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // The target is already written or the original error is being reported; a stray temp file
                    // (hidden, ends in .tmp) is the lesser problem.
                }
            }
        }
    }

    /**
     * createTempFile makes owner-only files (rw-------); results and figures are meant to be shared and served, so
     * they get the usual rw-r--r-- where the file system has POSIX permissions.
     */
    private static void readableByAll(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    /** Writes text (UTF-8) atomically. */
    public static void writeString(Path target, String content) {
        write(target, tmp -> Files.writeString(tmp, content, StandardCharsets.UTF_8));
    }

    /** Moves atomically where the file system can, replacing the target. */
    public static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Deletes a folder and everything in it, deepest first; nothing happens when it does not exist. */
    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (java.util.stream.Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
