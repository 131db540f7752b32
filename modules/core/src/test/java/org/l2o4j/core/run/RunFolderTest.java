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
        try (Stream<Path> s = Files.list(root.resolve("exp"))) {
            assertEquals(0, s.count());
        }
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
