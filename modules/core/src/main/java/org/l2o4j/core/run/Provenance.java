package org.l2o4j.core.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Where a result came from: enough to re-run it and to explain a difference. Written as {@code provenance.json} in
 * every run folder. Serializable, so that a unit of work can carry the provenance its driver captured (a training
 * sweep's point records the driver's code and machine wherever an engine trains it).
 *
 * @param experiment  experiment name
 * @param seed        the experiment's root seed
 * @param command     the command line that produced the run
 * @param startedAt   ISO-8601 start time
 * @param gitCommit   commit of the working tree, or "unknown" outside a git checkout
 * @param gitDirty    whether the working tree had uncommitted changes (then the commit alone does not reproduce)
 * @param versions    versions of L2O4J, Java and the libraries that compute
 * @param machine     OS, architecture, cores, memory
 */
public record Provenance(String experiment, long seed, String command, String startedAt, String gitCommit,
        boolean gitDirty, Map<String, String> versions, Map<String, Object> machine) implements Serializable {

    /**
     * Provenance of a run starting now. The git state is read from the L2O4J checkout ({@code -Dl2o.home}, which
     * {@code ./l2o} sets), else from the working folder; untracked files count as uncommitted changes, since a new
     * source or experiment file changes what runs.
     */
    public static Provenance capture(String experiment, long seed, String command) {
        String home = System.getProperty("l2o.home");
        Path checkout = (home == null ? Path.of("") : Path.of(home)).toAbsolutePath();
        String commit = git(checkout, "rev-parse", "HEAD");
        String status = git(checkout, "status", "--porcelain");
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        machine.put("arch", System.getProperty("os.arch"));
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("maxHeapBytes", Runtime.getRuntime().maxMemory());
        return new Provenance(experiment, seed, command, Instant.now().toString(),
                commit == null ? "unknown" : commit.strip(), status != null && !status.isBlank(), currentVersions(), machine);
    }

    /** L2O4J's version and the versions of the libraries it was built against, plus the running JVM's. */
    public static Map<String, String> currentVersions() {
        Map<String, String> v = new LinkedHashMap<>();
        Properties p = new Properties();
        try (InputStream in = Provenance.class.getResourceAsStream("versions.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the bundled versions.properties", e);
        }
        for (String key : p.stringPropertyNames().stream().sorted().toList()) {
            v.put(key, p.getProperty(key));
        }
        v.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        return v;
    }

    private static String git(Path dir, String... args) {
        try {
            List<String> cmd = new java.util.ArrayList<>(List.of("git", "-C", dir.toString()));
            cmd.addAll(List.of(args));
            Process proc = new ProcessBuilder(cmd).redirectErrorStream(false).start();
            proc.getOutputStream().close();
            String out = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!proc.waitFor(10, TimeUnit.SECONDS) || proc.exitValue() != 0) {
                proc.destroyForcibly();
                return null;
            }
            return out;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
