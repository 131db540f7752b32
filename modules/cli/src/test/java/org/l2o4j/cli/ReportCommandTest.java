package org.l2o4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code l2o report}'s refusals: one line, exit status 2, and no page written for any run. */
class ReportCommandTest {

    @Test
    void aMissingFolderAmongSeveralLeavesNoPageBehind(@TempDir Path dir) throws Exception {
        Path good = Files.createDirectories(dir.resolve("good"));
        Files.writeString(good.resolve("training.yaml"), "kind: gps-training\nname: tiny\n");
        CliRunner.Result r = CliRunner.run("report", good.toString(), dir.resolve("nosuch").toString());
        assertEquals(2, r.exitCode());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("nosuch") && r.err().contains("does not exist"), r.err());
        assertFalse(Files.exists(good.resolve(ReportCommand.PAGE)), "all runs are read before any page is written");
    }

    @Test
    void aDamagedFigureIsNamed(@TempDir Path run) throws Exception {
        Files.writeString(run.resolve("training.yaml"), "kind: gps-training\nname: tiny\n");
        Files.createDirectories(run.resolve("figures"));
        Files.writeString(run.resolve("figures/cut.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"><g>");
        CliRunner.Result r = CliRunner.run("report", run.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("figure 'cut' of " + run + " is not a well-formed SVG document"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertFalse(Files.exists(run.resolve(ReportCommand.PAGE)));
    }

    @Test
    void theSideBySidePageMustBeAnHtmlFile(@TempDir Path run) throws Exception {
        Files.writeString(run.resolve("training.yaml"), "kind: gps-training\nname: tiny\n");
        CliRunner.Result r = CliRunner.run("report", run.toString(), "--out", run.resolve("page.txt").toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("must name an .html file"), r.err());
        CliRunner.Result ok = CliRunner.run("report", run.toString(), "--out", run.resolve("page.html").toString());
        assertEquals(0, ok.exitCode(), ok.err());
        assertTrue(Files.readString(run.resolve("page.html")).contains("<h2>tiny</h2>"));
    }
}
