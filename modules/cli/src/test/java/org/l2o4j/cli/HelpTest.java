package org.l2o4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Every command answers {@code --help}, {@code -h} and {@code l2o help COMMAND} with its usage and exit status 0,
 * before checking its required options (before this, {@code list} and {@code train} rejected "--help" as an unknown
 * option and the others reported a missing option, exit 2).
 */
class HelpTest {

    private static final List<String> COMMANDS = List.of("list", "compare", "reproduce", "train", "evaluate", "zoo",
            "learning-curve", "analyze", "export", "report", "sweep", "dl4j-mnist");

    @Test
    void everyCommandAnswersHelp() {
        assertEquals(COMMANDS.size() + 1, L2o.commandLine().getSubcommands().size(), "a command without a test here");
        for (String command : COMMANDS) {
            for (List<String> args : List.of(List.of(command, "--help"), List.of(command, "-h"),
                    List.of("help", command))) {
                CliRunner.Result r = CliRunner.run(args.toArray(String[]::new));
                assertEquals(0, r.exitCode(), args + ": " + r.err());
                assertTrue(r.out().contains("Usage: l2o " + command), args + ": " + r.out());
                assertTrue(r.err().isEmpty(), args + ": " + r.err());
            }
        }
        CliRunner.Result add = CliRunner.run("zoo", "add", "--help");
        assertEquals(0, add.exitCode(), add.err());
        assertTrue(add.out().contains("Usage: l2o zoo add"), add.out());
        CliRunner.Result top = CliRunner.run("--help");
        assertEquals(0, top.exitCode());
        for (String command : COMMANDS) {
            assertTrue(top.out().contains(command), command);
        }
    }
}
