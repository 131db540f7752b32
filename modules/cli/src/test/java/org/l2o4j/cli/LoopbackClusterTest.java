package org.l2o4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Spark standalone cluster on loopback: a Master and a Worker started from the project's own Spark dependency
 * as child JVMs bound to 127.0.0.1, the main job submitted to it with {@code --engine spark --master spark://...}, its
 * results the same bytes as the local engine's, and the cluster stopped at the end.
 */
class LoopbackClusterTest {

    private static final String[] SMALL = {"--set", "tuneSteps=5", "--set", "evaluateSteps=15", "--no-progress"};
    private static final long START_MILLIS = 120_000;

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void theMainJobOnAStandaloneClusterGivesTheLocalEnginesBytes(@TempDir Path dir) throws Exception {
        int port = freePort();
        Path home = Files.createDirectories(dir.resolve("spark-home/jars"));
        List<Process> cluster = new ArrayList<>();
        String previousHost = System.getProperty("spark.driver.host");
        try {
            cluster.add(start(dir, home.getParent(), "master", "org.apache.spark.deploy.master.Master", "--host",
                    "127.0.0.1", "--port", Integer.toString(port), "--webui-port", "0"));
            awaitLine(dir.resolve("master.log"), "I have been elected leader");
            cluster.add(start(dir, home.getParent(), "worker", "org.apache.spark.deploy.worker.Worker", "--host",
                    "127.0.0.1", "--cores", "2", "--memory", "2g", "--webui-port", "0", "--work-dir",
                    dir.resolve("work").toString(), "spark://127.0.0.1:" + port));
            awaitLine(dir.resolve("worker.log"), "Successfully registered with master");

            System.setProperty("spark.driver.host", "127.0.0.1");
            CliRunner.Result onCluster = CliRunner.run(concat(new String[] {"reproduce", "li-malik-logreg",
                "--engine", "spark", "--master", "spark://127.0.0.1:" + port, "--out",
                dir.resolve("cluster").toString()}, SMALL));
            assertEquals(0, onCluster.exitCode(), onCluster.err());
            assertTrue(onCluster.out().contains("engine: spark, master spark://127.0.0.1:" + port), onCluster.out());
            CliRunner.Result local = CliRunner.run(concat(new String[] {"reproduce", "li-malik-logreg", "--out",
                dir.resolve("local").toString()}, SMALL));
            assertEquals(0, local.exitCode(), local.err());
            Path a = onlyRun(dir.resolve("local"));
            Path b = onlyRun(dir.resolve("cluster"));
            for (String file : List.of("tuning.json", "results.csv", "summary.json", "best-known.csv")) {
                assertArrayEquals(Files.readAllBytes(a.resolve(file)), Files.readAllBytes(b.resolve(file)), file);
            }
            assertTrue(Files.readString(dir.resolve("worker.log")).contains("Asked to launch executor"),
                    "the units ran in the worker's executor JVM");
        } finally {
            if (previousHost == null) {
                System.clearProperty("spark.driver.host");
            } else {
                System.setProperty("spark.driver.host", previousHost);
            }
            for (Process p : cluster) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly().waitFor();
            }
        }
    }

    /** A Spark daemon in a child JVM on this test's class path, its output in {@code <name>.log}. */
    private static Process start(Path dir, Path sparkHome, String name, String mainClass, String... args)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx512m"));
        for (String option : System.getProperty("l2o.spark.opens", "").split(" ")) {
            if (!option.isBlank()) {
                command.add(option);
            }
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile());
        pb.environment().put("SPARK_HOME", sparkHome.toString());
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        // The worker builds each executor's command as a Spark installation would; without an installation's
        // build directories it needs to be told the Scala version (the jars come from the executor class path).
        pb.environment().put("SPARK_SCALA_VERSION", "2.13");
        return pb.start();
    }

    private static void awaitLine(Path log, String text) throws Exception {
        long deadline = System.currentTimeMillis() + START_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            if (Files.exists(log) && Files.readString(log).contains(text)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no '" + text + "' in " + log + " after " + START_MILLIS / 1000 + " s:\n"
                + (Files.exists(log) ? Files.readString(log) : "(no log)"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static Path onlyRun(Path root) throws IOException {
        try (Stream<Path> s = Files.list(root.resolve("li-malik-logreg"))) {
            return s.findFirst().orElseThrow();
        }
    }

    private static String[] concat(String[] a, String[] b) {
        return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
    }
}
