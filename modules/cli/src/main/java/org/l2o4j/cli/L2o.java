package org.l2o4j.cli;

import java.io.UncheckedIOException;

import org.l2o4j.core.config.ConfigException;
import org.l2o4j.core.engine.UnitFailedException;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code l2o} command: compare, reproduce, train, evaluate, analyze and export; {@code l2o help COMMAND} and
 * {@code l2o COMMAND --help} describe each. Bad input (an unknown family, a malformed experiment file,
 * an unwritable folder) ends with one line naming the problem and exit status 2, never a stack trace.
 */
@Command(name = "l2o", mixinStandardHelpOptions = true, version = "L2O4J 0.1.0",
        description = "Learning to optimize, for Java: compare hand-designed and learned optimizers.",
        subcommands = {ListCommand.class, CompareCommand.class, ReproduceCommand.class, TrainCommand.class,
            EvaluateCommand.class, LearningCurveCommand.class, AnalyzeCommand.class, ExportCommand.class,
            ZooCommand.class, ReportCommand.class, SweepCommand.class, Dl4jMnistCommand.class,
            CommandLine.HelpCommand.class})
public final class L2o {

    /** Exit status for bad input. */
    static final int BAD_INPUT = 2;

    private L2o() {
    }

    /** Entry point. */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    private static void answerHelp(CommandLine command) {
        command.getCommandSpec().mixinStandardHelpOptions(true);
        command.getSubcommands().values().forEach(L2o::answerHelp);
    }

    /** The configured command line (tests call {@code execute} on it without exiting the JVM). */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new L2o());
        // Every command answers --help (and -h) before checking its own options, so help never fails on them.
        cl.getSubcommands().values().forEach(L2o::answerHelp);
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            // Only user mistakes, and a unit of work that failed on every attempt of an engine (named, with its cause
            // in one line), are reported as one line; anything else is a bug and keeps its stack trace.
            if (e instanceof ConfigException || e instanceof UncheckedIOException
                    || e instanceof UnitFailedException) {
                cmd.getErr().println("l2o: error: " + e.getMessage());
                return BAD_INPUT;
            }
            throw e;
        });
        return cl;
    }
}
