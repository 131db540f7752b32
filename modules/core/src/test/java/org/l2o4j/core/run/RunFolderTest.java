package org.l2o4j.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFolderTest {

    @Test
    void aCommittedRunAppearsWholeUnderItsFinalName(@TempDir Path root) throws Exception {
        Path done;
        try (RunFolder run = RunFolder.create(root, "exp")) {
            run.writeString("results.csv", "a,b\n1,2\n");
            run.writeJson("summary.json", java.util.Map.of("k", 1));
            try (Stream<Path> s = Files.list(root.resolve("exp"))) {
                assertTrue(s.allMatch(p -> p.getFileName().toString().endsWith(".partial")));
            }
            done = run.commit();
        }
        assertEquals("a,b\n1,2\n", Files.readString(done.resolve("results.csv")));
        assertTrue(Files.readString(done.resolve("summary.json")).contains("\"k\" : 1"));
    }

    @Test
    void anUncommittedRunLeavesNothingBehind(@TempDir Path root) throws Exception {
        try (RunFolder run = RunFolder.create(root, "exp")) {
            run.writeString("results.csv", "partial");
        }
        assertFalse(Files.exists(root.resolve("exp")), "the experiment folder this run created is gone too");
        Files.createDirectories(root.resolve("kept"));
        try (RunFolder run = RunFolder.create(root, "kept")) {
            run.writeString("results.csv", "partial");
        }
        assertTrue(Files.isDirectory(root.resolve("kept")), "a folder that was there before stays");
    }

    /**
     * A run killed without its hooks (kill -9) leaves its staging folder with its process id; the next run of the same
     * experiment removes it, and leaves alone one whose owner lives or that names none.
     */
    @Test
    void theNextRunRemovesTheStagingFolderOfADeadProcess(@TempDir Path root) throws Exception {
        Process finished = new ProcessBuilder("true").start();
        finished.waitFor();
        Path exp = root.resolve("exp");
        Path dead = exp.resolve(".20260101-000000.partial");
        Path alive = exp.resolve(".20260101-000001.partial");
        Path unowned = exp.resolve(".20260101-000002.partial");
        for (Path p : new Path[] {dead, alive, unowned}) {
            Files.createDirectories(p);
            Files.writeString(p.resolve("results.csv"), "partial");
        }
        Files.writeString(dead.resolve(RunFolder.OWNER), Long.toString(finished.pid()));
        Files.writeString(alive.resolve(RunFolder.OWNER), Long.toString(ProcessHandle.current().pid()));
        try (RunFolder run = RunFolder.create(root, "exp")) {
            assertTrue(Files.isRegularFile(run.path().resolve(RunFolder.OWNER)));
            run.commit();
        }
        assertFalse(Files.exists(dead));
        assertTrue(Files.exists(alive) && Files.exists(unowned));
    }

    /** A run stopped by SIGTERM (kill, Ctrl-C) removes its staging folder in a shutdown hook. */
    @Test
    void aKilledRunRemovesItsStagingFolder(@TempDir Path root) throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), StagingHolder.class.getName(), root.toString())
                .redirectErrorStream(true).start();
        Path exp = root.resolve("exp");
        long deadline = System.nanoTime() + 30_000_000_000L;
        boolean staged = false;
        while (!staged && System.nanoTime() < deadline) {
            if (Files.isDirectory(exp)) {
                try (Stream<Path> s = Files.list(exp)) {
                    staged = s.anyMatch(p -> Files.exists(p.resolve("results.csv")));
                }
            }
            Thread.sleep(20);
        }
        assertTrue(staged, "the child never staged its run");
        child.destroy();
        assertTrue(child.waitFor(30, java.util.concurrent.TimeUnit.SECONDS));
        assertFalse(Files.exists(exp), "left behind: " + (Files.exists(exp) ? Files.list(exp).toList() : ""));
    }

    @Test
    void anUnwritableRootIsNamed(@TempDir Path root) throws Exception {
        Path file = root.resolve("a-file");
        Files.writeString(file, "x");
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> RunFolder.create(file, "exp"));
        assertTrue(e.getMessage().contains("a-file"), e.getMessage());
    }

    @Test
    void provenanceNamesVersionsAndMachine() {
        Provenance p = Provenance.capture("exp", 17, "l2o test");
        assertEquals(17, p.seed());
        assertFalse(p.versions().get("l2o4j").contains("${"), "versions.properties must be filtered");
        assertTrue(p.versions().containsKey("nd4j") && p.versions().containsKey("java"));
        assertTrue((Integer) p.machine().get("cores") >= 1);
    }

    @Test
    void atomicWriteReplacesWholeFiles(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("sub").resolve("x.txt");
        AtomicFiles.writeString(f, "one");
        AtomicFiles.writeString(f, "two");
        assertEquals("two", Files.readString(f));
        assertEquals("rw-r--r--", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(f)), "results are meant to be readable by others");
        try (Stream<Path> s = Files.list(f.getParent())) {
            assertEquals(1, s.count(), "no temp files left");
        }
    }
}
