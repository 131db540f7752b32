package org.l2o4j.eval.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.l2o4j.core.run.AtomicFiles;

/**
 * A sweep unit's scratch folder in the temporary directory of the JVM where the engine runs it: the point's run
 * folders are built there, their files travel back to the driver as bytes, and the folder is removed on close.
 */
final class Scratch implements AutoCloseable {

    private final Path path;

    /** Creates the folder; {@code unit} names the unit in the error if that fails. */
    Scratch(String unit) {
        try {
            path = Files.createTempDirectory("l2o4j-sweep-").toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a scratch folder for " + unit, e);
        }
    }

    Path path() {
        return path;
    }

    /**
     * The regular files under {@code folder} that {@code keep} accepts, by their path relative to it with '/' between
     * names, in sorted order.
     */
    static Map<String, byte[]> files(Path folder, Predicate<String> keep) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path p : all.filter(Files::isRegularFile).sorted().toList()) {
                String relative = folder.relativize(p).toString().replace('\\', '/');
                if (keep.test(relative)) {
                    out.put(relative, Files.readAllBytes(p));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read back the run of a sweep point from " + folder, e);
        }
        return out;
    }

    @Override
    public void close() {
        try {
            AtomicFiles.deleteTree(path);
        } catch (IOException e) {
            // A scratch folder left in the temporary directory costs disk, not correctness.
            System.err.println("l2o: could not remove " + path + ": " + e.getMessage());
        }
    }
}
