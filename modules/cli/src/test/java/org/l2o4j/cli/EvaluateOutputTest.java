package org.l2o4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code l2o evaluate}'s console (issue 12): the run folder is the first line, the table's columns stay aligned when
 * the learned optimizer's setting is a long checkpoint path (shown by its last names, the whole path under the table),
 * and paths with spaces are printed quoted so a copied command works.
 */
class EvaluateOutputTest {

    @Test
    void firstLineIsTheRunFolderColumnsAlignAndPathsAreQuoted(@TempDir Path dir) throws Exception {
        Path root = dir.resolve("train runs");
        CliRunner.Result t = CliRunner.run("train", "li-malik-logreg-cmaes", "--set", "hiddenUnits=4", "--set",
                "subspaceDimension=6", "--set", "functionsPerGeneration=4", "--set", "problemSteps=20000", "--set",
                "checkpoints=1", "--out", root.toString(), "--no-progress");
        assertEquals(0, t.exitCode(), t.err());
        Path run;
        try (Stream<Path> s = Files.list(root.resolve("li-malik-logreg-cmaes"))) {
            run = s.toList().get(0);
        }
        assertTrue(t.out().contains("l2o evaluate --policy '" + run), "quoted: " + t.out());
        Path out = dir.resolve("eval runs");
        CliRunner.Result r = CliRunner.run("evaluate", "--policy", run.toString(), "--out", out.toString(),
                "--no-progress");
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(0).startsWith("writing '" + out.toAbsolutePath()), lines.get(0));
        int header = 0;
        while (!lines.get(header).startsWith("optimizer ")) {
            header++;
        }
        int column = lines.get(header).indexOf("final mean") + "final mean".length();
        for (int k = header + 1; k < header + 6; k++) {
            String line = lines.get(k);
            assertTrue(line.length() > column && line.charAt(column - 1) != ' ' && line.charAt(column) == ' ',
                    "final mean right-aligned under its header in: " + line);
        }
        assertTrue(lines.get(header + 1).contains("checkpoint=…/"), lines.get(header + 1));
        assertTrue(r.out().contains("'s checkpoint: '" + run), r.out());
        assertTrue(lines.get(lines.size() - 1).startsWith("run folder: '"), lines.get(lines.size() - 1));
    }
}
