package org.l2o4j.core.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.stream.Stream;

import org.l2o4j.core.config.Configs;

/**
 * A run's output folder, {@code <root>/<experiment>/<timestamp>/}, built under a hidden {@code .<timestamp>.partial}
 * name and renamed into place by {@link #commit()} only when everything is written. A run that fails or is
 * interrupted leaves no folder that looks finished: {@link #close()} removes an uncommitted one, a shutdown hook
 * removes it when the JVM is stopped (Ctrl-C, kill), and the staging folder of a process that died without running
 * its hooks (kill -9) is removed by the next run of the same experiment, which finds the dead process's id in its
 * {@value #OWNER} file.
 */
public final class RunFolder implements AutoCloseable {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    /** The file in a staging folder that names the process writing it. */
    public static final String OWNER = ".owner-pid";

    private final Path staging;
    private final Path target;
    /** Whether {@link #create} made {@code <root>/<experiment>/}, which an uncommitted run then removes if empty. */
    private final boolean createdParent;
    private final Thread cleanup;
    private boolean committed;

    private RunFolder(Path staging, Path target, boolean createdParent) {
        this.staging = staging;
        this.target = target;
        this.createdParent = createdParent;
        this.cleanup = new Thread(this::removeStaging, "l2o-run-folder-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
    }

    /**
     * Creates the staging folder for a new run.
     *
     * @throws UncheckedIOException naming the folder if it cannot be created or written
     */
    public static RunFolder create(Path root, String experiment) {
        Path parent = root.resolve(experiment);
        String stamp = LocalDateTime.now().format(STAMP);
        try {
            boolean created = !Files.isDirectory(parent);
            Files.createDirectories(parent);
            removeAbandoned(parent);
            if (!Files.isWritable(parent)) {
                throw new IOException("not writable");
            }
            for (int k = 0;; k++) {
                String name = k == 0 ? stamp : stamp + "-" + k;
                Path target = parent.resolve(name);
                Path staging = parent.resolve("." + name + ".partial");
                if (Files.exists(target)) {
                    continue;
                }
                try {
                    Files.createDirectory(staging);
                    Files.writeString(staging.resolve(OWNER), Long.toString(ProcessHandle.current().pid()));
                    return new RunFolder(staging, target, created);
                } catch (FileAlreadyExistsException e) {
                    // Another run took this name in the same second; try the next suffix.
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the output folder " + parent + " (" + e + "); choose a "
                    + "writable folder with --out", e);
        }
    }

    /** A path inside the run (in the staging folder until committed). */
    public Path resolve(String relative) {
        return (committed ? target : staging).resolve(relative);
    }

    /** Where the run is now: the staging folder until {@link #commit()}, then the final one. */
    public Path path() {
        return committed ? target : staging;
    }

    /** Whether {@link #commit()} has moved the run to its final name. */
    public boolean committed() {
        return committed;
    }

    /** Writes text atomically into the run. */
    public void writeString(String relative, String content) {
        AtomicFiles.writeString(resolve(relative), content);
    }

    /** Writes a value as JSON atomically into the run. */
    public void writeJson(String relative, Object value) {
        writeString(relative, Configs.toJson(value));
    }

    /**
     * Removes the staging folders in {@code parent} whose owner process is gone: runs killed without a chance to clean
     * up. A folder without an owner file, or whose owner lives, is left alone.
     */
    static void removeAbandoned(Path parent) throws IOException {
        try (Stream<Path> entries = Files.list(parent)) {
            for (Path p : entries.filter(e -> e.getFileName().toString().endsWith(".partial")).toList()) {
                Path owner = p.resolve(OWNER);
                if (!Files.isRegularFile(owner)) {
                    continue;
                }
                long pid;
                try {
                    pid = Long.parseLong(Files.readString(owner).strip());
                } catch (NumberFormatException | IOException e) {
                    continue;
                }
                if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                    continue;
                }
                AtomicFiles.deleteTree(p);
            }
        }
    }

    /** Moves the finished run to its final name and returns it. */
    public Path commit() {
        try {
            Files.deleteIfExists(staging.resolve(OWNER));
            AtomicFiles.move(staging, target);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move " + staging + " to " + target, e);
        }
        committed = true;
        removeHook();
        return target;
    }

    /** The final location (valid after {@link #commit()}). */
    public Path target() {
        return target;
    }

    /**
     * Deletes the staging folder if the run was never committed, and the experiment's folder too if this run created
     * it and it is empty: a command that fails on its input leaves nothing behind.
     */
    @Override
    public void close() {
        if (committed) {
            return;
        }
        removeHook();
        removeStaging();
    }

    private void removeHook() {
        try {
            Runtime.getRuntime().removeShutdownHook(cleanup);
        } catch (IllegalStateException e) {
            // The JVM is shutting down and the hook is running or has run: nothing to remove.
        }
    }

    private void removeStaging() {
        if (committed) {
            return;
        }
        try {
            AtomicFiles.deleteTree(staging);
            Path parent = staging.getParent();
            if (createdParent && Files.isDirectory(parent)) {
                try (Stream<Path> left = Files.list(parent)) {
                    if (left.findAny().isEmpty()) {
                        Files.deleteIfExists(parent);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the unfinished run folder " + staging, e);
        }
    }
}
