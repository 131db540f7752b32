package org.l2o4j.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import picocli.CommandLine;

/** Runs {@code l2o} in-process with captured output, the repository's experiments/ as its home. */
final class CliRunner {

    /** What one invocation returned and printed. */
    record Result(int exitCode, String out, String err) {
    }

    private CliRunner() {
    }

    /** Tests run in modules/cli; the experiments are at the checkout's root, as ./l2o says with -Dl2o.home. */
    static void useCheckoutExperiments() {
        System.setProperty("l2o.home", Path.of("../..").toAbsolutePath().normalize().toString());
    }

    static Result run(String... args) {
        useCheckoutExperiments();
        return execute(args);
    }

    /**
     * Runs {@code l2o} with {@code home} as its L2O4J checkout ({@code -Dl2o.home}), for commands that write into the
     * checkout ({@code l2o zoo add}); the repository's checkout is the home again afterwards.
     */
    static Result runIn(Path home, String... args) {
        System.setProperty("l2o.home", home.toString());
        try {
            return execute(args);
        } finally {
            useCheckoutExperiments();
        }
    }

    private static Result execute(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = L2o.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }
}
