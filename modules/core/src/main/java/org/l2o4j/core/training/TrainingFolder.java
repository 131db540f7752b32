package org.l2o4j.core.training;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.l2o4j.core.config.ConfigException;
import org.l2o4j.core.config.Configs;
import org.l2o4j.core.run.AtomicFiles;
import org.l2o4j.core.run.Provenance;
import org.l2o4j.core.run.RunFolder;
import org.l2o4j.core.run.Sha256;

/**
 * The folder of one training run, the same for every trainer:
 * <pre>
 * RUN/training.yaml          the resolved training file of the latest session (header + the trainer's settings)
 * RUN/provenance.json        {@link Provenance} of the session that started the run (with its start time)
 * RUN/training-log.csv       one row per unit of work, up to the latest checkpoint
 * RUN/summary.json           what the latest session ended with
 * RUN/checkpoints/latest.json              the pointer: {"step", "directory", "manifestSha256"}, replaced atomically
 * RUN/checkpoints/&lt;unit&gt;-&lt;step&gt;/manifest.json  kind, step, log rows, {@link CheckpointProvenance}, SHA-256 per file
 * RUN/checkpoints/&lt;unit&gt;-&lt;step&gt;/...            the trainer's files
 * RUN/.lock                  held while a process trains the run
 * </pre>
 *
 * <p><b>Atomicity.</b> A checkpoint is written into a hidden folder, checksummed, renamed into place, then the log is
 * rewritten and last the pointer replaced: a crash leaves the previous checkpoint in force, never a mix. A new run is
 * built under a hidden {@code .<time>.partial} name ({@link RunFolder}) and appears under its final name with its
 * first checkpoint; a run that fails before that leaves no folder.
 *
 * <p><b>Retention.</b> The latest checkpoint is always kept; with {@link TrainingHeader#keepEvery()} = k &gt; 0 so is
 * every checkpoint whose step is a multiple of k; others are deleted once a newer one is in place.
 *
 * <p><b>Verification.</b> Loading a checkpoint checks the pointer against the manifest's SHA-256 and every file
 * against the manifest: a truncated, edited or swapped file is refused with one line naming it
 * ({@link ConfigException}). A resume also refuses a changed key that the trainer does not list as resumable (naming
 * each), a budget below the work already done, a folder without a checkpoint, and a folder another process is training
 * (the lock).
 *
 * <p>Checkpoint files hold no time stamps and nothing that depends on resumable settings, so two runs with one seed
 * write byte-identical checkpoints and logs (the log's timing columns, named {@code *seconds} or {@code *_s}, aside).
 */
public final class TrainingFolder implements AutoCloseable {

    /** The resolved training file. */
    public static final String FILE = "training.yaml";
    /** Provenance of the session that started the run. */
    public static final String PROVENANCE = "provenance.json";
    /** The training log. */
    public static final String LOG = "training-log.csv";
    /** The summary of the latest session. */
    public static final String SUMMARY = "summary.json";
    /** The folder of checkpoints. */
    public static final String CHECKPOINTS = "checkpoints";
    /** The pointer to the latest checkpoint. */
    public static final String LATEST = "latest.json";
    /** The manifest inside each checkpoint. */
    public static final String MANIFEST = "manifest.json";
    private static final String LOCK = ".lock";
    private static final String FORMAT = "l2o4j-checkpoint";
    private static final int FORMAT_VERSION = 1;

    /**
     * Writes a checkpoint's files.
     */
    @FunctionalInterface
    public interface CheckpointWriter {

        /** Writes the trainer's files into {@code directory} (empty, not yet visible to readers). */
        void write(Path directory) throws IOException;
    }

    /**
     * A verified checkpoint.
     *
     * @param step       units of work done when it was written
     * @param unit       the unit's name
     * @param directory  its folder
     * @param logRows    rows of the training log it covers
     * @param provenance what its manifest records
     */
    public record Checkpoint(long step, String unit, Path directory, int logRows, Map<String, Object> provenance) {

        /** A file of the checkpoint. */
        public Path file(String name) {
            return directory.resolve(name);
        }
    }

    private final RunFolder staging;
    private final Path existing;
    private final String kind;
    private final int keepEvery;
    private final Map<String, Object> checkpointSettings;
    private final CheckpointProvenance provenance;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final Checkpoint resumeFrom;
    private final List<String> log = new ArrayList<>();
    private String logHeader;
    private Checkpoint latest;

    private TrainingFolder(RunFolder staging, Path existing, TrainingHeader header, Map<String, Object> file,
            Set<String> resumableKeys, Provenance session, Checkpoint resumeFrom, List<String> logRows,
            String logHeader) {
        this.staging = staging;
        this.existing = existing;
        this.kind = header.kind();
        this.keepEvery = header.keepEvery();
        this.checkpointSettings = withoutResumable(file, resumableKeys);
        this.provenance = CheckpointProvenance.of(header.kind(), header.seed(), session, checkpointSettings);
        this.resumeFrom = resumeFrom;
        this.latest = resumeFrom;
        this.log.addAll(logRows);
        this.logHeader = logHeader;
        Path lockFile = path().resolve(LOCK);
        try {
            this.lockChannel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + lockFile + " (" + e.getMessage() + "); is the run folder"
                    + " writable?", e);
        }
        FileLock acquired;
        try {
            acquired = lockChannel.tryLock();
        } catch (OverlappingFileLockException e) {
            acquired = null;
        } catch (IOException e) {
            closeQuietly();
            throw new UncheckedIOException("cannot lock " + lockFile + ": " + e.getMessage(), e);
        }
        if (acquired == null) {
            closeQuietly();
            throw new ConfigException(path() + " is being trained by another l2o process (it holds " + LOCK
                    + "); wait for it to end, or stop it, before resuming");
        }
        this.lock = acquired;
    }

    /**
     * A new run folder {@code root/name/<time>/} for a training file, built hidden until its first checkpoint.
     *
     * @param root          the runs folder ({@code --out})
     * @param header        the file's header
     * @param settings      the trainer's resolved settings ({@link MetaTrainer#settings()})
     * @param resumableKeys the trainer's keys a resume may change
     * @param session       this session's provenance
     */
    public static TrainingFolder create(Path root, TrainingHeader header, Map<String, Object> settings,
            Set<String> resumableKeys, Provenance session) {
        RunFolder run = RunFolder.create(root, header.name());
        try {
            Map<String, Object> file = file(header, settings);
            run.writeString(FILE, Configs.toYaml(file));
            run.writeJson(PROVENANCE, session);
            return new TrainingFolder(run, null, header, file, resumableKeys, session, null, List.of(), null);
        } catch (RuntimeException e) {
            run.close();
            throw e;
        }
    }

    /**
     * Opens a run folder to go on with it: locks it, verifies its latest checkpoint, and checks that the training file
     * now given differs from the checkpoint's only in resumable keys and asks for no less work than is done.
     *
     * @param folder        the run folder
     * @param header        the file's header now (from its {@code training.yaml} and any {@code --set})
     * @param settings      the trainer's resolved settings now
     * @param resumableKeys the trainer's keys a resume may change
     * @param budget        the budget now
     * @param session       this session's provenance
     * @throws ConfigException if there is nothing to resume, the folder is locked, a checkpoint file is damaged, a
     *                         non-resumable key changed or the budget is below the work done
     */
    public static TrainingFolder resume(Path folder, TrainingHeader header, Map<String, Object> settings,
            Set<String> resumableKeys, MetaTrainer.Budget budget, Provenance session) {
        Map<String, Object> file = file(header, settings);
        TrainingFolder opened = null;
        try {
            Checkpoint checkpoint = latestOf(folder).orElseThrow(() -> new ConfigException("cannot resume " + folder
                    + ": it has no checkpoint yet (the run stopped before its first one); start it anew with"
                    + " 'l2o train " + header.name() + "'"));
            List<String> lines = checkpoint.logRows() == 0 && !Files.exists(folder.resolve(LOG)) ? List.of("")
                    : readLog(folder);
            if (lines.size() < checkpoint.logRows() + 1) {
                throw new ConfigException("cannot resume " + folder + ": " + LOG + " has " + Math.max(0,
                        lines.size() - 1) + " rows but the latest checkpoint covers " + checkpoint.logRows()
                        + "; the log was truncated or replaced");
            }
            opened = new TrainingFolder(null, folder, header, file, resumableKeys, session, checkpoint,
                    lines.subList(1, checkpoint.logRows() + 1), lines.get(0).isEmpty() ? null : lines.get(0));
            String manifestKind = String.valueOf(checkpoint.provenance().get("trainer"));
            if (!manifestKind.equals(header.kind())) {
                throw new ConfigException("cannot resume " + folder + ": its checkpoint was written by trainer '"
                        + manifestKind + "', the training file names '" + header.kind() + "'");
            }
            requireSameSettings(folder, checkpoint, opened.checkpointSettings);
            if (budget.units() < checkpoint.step()) {
                throw new ConfigException("cannot resume " + folder + ": " + budget.key() + "=" + budget.units()
                        + " is below the " + checkpoint.step() + " " + budget.unit() + "s already done; give "
                        + budget.key() + " ≥ " + checkpoint.step());
            }
            AtomicFiles.writeString(folder.resolve(FILE), Configs.toYaml(file));
            return opened;
        } catch (RuntimeException e) {
            if (opened != null) {
                opened.closeQuietly();
            }
            throw e;
        }
    }

    /** The training file of a run folder as written (raw keys), for rebinding before a resume or an evaluation. */
    public static Map<String, Object> readFile(Path folder) {
        Path file = folder.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(folder + " is not a training run folder: it has no " + FILE
                    + (Files.isDirectory(folder) ? "" : " (the folder does not exist)") + "; give a folder that "
                    + "'l2o train' wrote, runs/<name>/<time>");
        }
        return Configs.readYaml(file);
    }

    /**
     * The latest checkpoint of a run folder, verified; empty if it has none yet.
     *
     * @throws ConfigException naming the file if the pointer, the manifest or a checkpoint file is damaged
     */
    public static Optional<Checkpoint> latestOf(Path folder) {
        Path pointer = folder.resolve(CHECKPOINTS).resolve(LATEST);
        if (!Files.exists(pointer)) {
            return Optional.empty();
        }
        JsonNode root = readJson(pointer);
        JsonNode directory = root.get("directory");
        JsonNode manifestSha = root.get("manifestSha256");
        JsonNode step = root.get("step");
        if (directory == null || !directory.isTextual() || manifestSha == null || !manifestSha.isTextual()
                || step == null || !step.canConvertToLong()) {
            throw damaged(pointer, "it lacks 'directory', 'step' or 'manifestSha256'");
        }
        if (!inside(folder.resolve(CHECKPOINTS), directory.asText())) {
            throw damaged(pointer, "its 'directory' is not the name of a folder in " + CHECKPOINTS);
        }
        Path dir = folder.resolve(CHECKPOINTS).resolve(directory.asText());
        requireDigest(dir.resolve(MANIFEST), manifestSha.asText());
        Checkpoint c = verified(dir);
        if (c.step() != step.asLong()) {
            throw damaged(pointer, "it points at step " + step.asLong() + " but the manifest says " + c.step());
        }
        return Optional.of(c);
    }

    /**
     * Every checkpoint a run folder keeps (the latest and every {@code keepEvery}-th), verified, in the order they
     * were written: what a learning curve evaluates.
     *
     * @throws ConfigException naming the file if a manifest or a checkpoint file is damaged
     */
    public static List<Checkpoint> checkpointsOf(Path folder) {
        Path root = folder.resolve(CHECKPOINTS);
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<Checkpoint> out = new ArrayList<>();
        try (var entries = Files.list(root)) {
            for (Path dir : entries.filter(Files::isDirectory).toList()) {
                if (!dir.getFileName().toString().startsWith(".") && Files.exists(dir.resolve(MANIFEST))) {
                    out.add(verified(dir));
                }
            }
        } catch (IOException e) {
            throw new ConfigException("cannot list the checkpoints of " + folder + ": " + e.getMessage(), e);
        }
        out.sort(Comparator.comparingLong(Checkpoint::step));
        return out;
    }

    /** The checkpoint in {@code dir}, its manifest read and every file it lists checked against its digest. */
    private static Checkpoint verified(Path dir) {
        Path manifestFile = dir.resolve(MANIFEST);
        JsonNode manifest = readJson(manifestFile);
        if (!FORMAT.equals(manifest.path("format").asText()) || manifest.path("formatVersion").asInt(-1)
                != FORMAT_VERSION) {
            throw damaged(manifestFile, "it is not a version-" + FORMAT_VERSION + " " + FORMAT + " manifest");
        }
        JsonNode files = manifest.get("files");
        if (files == null || !files.isObject()) {
            throw damaged(manifestFile, "it has no 'files'");
        }
        for (var it = files.fields(); it.hasNext();) {
            var e = it.next();
            if (!inside(dir, e.getKey())) {
                throw damaged(manifestFile, "it lists a file that is not in the checkpoint's folder");
            }
            requireDigest(dir.resolve(e.getKey()), e.getValue().asText());
        }
        Map<String, Object> provenance = Configs.json().convertValue(manifest.path("provenance"),
                new TypeReference<LinkedHashMap<String, Object>>() { });
        return new Checkpoint(count(manifest, "step", Long.MAX_VALUE, manifestFile), manifest.path("unit").asText(),
                dir, (int) count(manifest, "logRows", Integer.MAX_VALUE, manifestFile), provenance);
    }

    /**
     * A whole number from 0 to {@code max} of the manifest. Jackson's {@code asInt()} reads a missing or textual
     * field as 0, and a resume truncates the training log to {@code logRows}: a damaged manifest must not empty it.
     */
    private static long count(JsonNode manifest, String field, long max, Path file) {
        JsonNode node = manifest.get(field);
        if (node == null || !node.isIntegralNumber() || !node.canConvertToLong() || node.asLong() < 0
                || node.asLong() > max) {
            throw damaged(file, "its '" + field + "' is not a whole number from 0 to " + max);
        }
        return node.asLong();
    }

    /**
     * A file of a run folder's latest checkpoint, verified: what a trainer's {@code trainedOptimizer} and the learned
     * optimizers' providers load.
     *
     * @throws ConfigException if the run has no checkpoint yet or a file is damaged
     */
    public static Path latestFile(Path folder, String name) {
        return latestOf(folder).orElseThrow(() -> new ConfigException(folder + " has no checkpoint yet; train it "
                + "further ('l2o train --resume " + folder + "')")).file(name);
    }

    /** Where the run is now (a hidden staging folder until its first checkpoint). */
    public Path path() {
        return staging != null ? staging.path() : existing;
    }

    /** The checkpoint this session continues from; empty for a fresh run. */
    public Optional<Checkpoint> resumeFrom() {
        return Optional.ofNullable(resumeFrom);
    }

    /** The latest checkpoint: the one resumed from, or the last one this session wrote. */
    public Optional<Checkpoint> latest() {
        return Optional.ofNullable(latest);
    }

    /** The log rows the resumed checkpoint covers (no header); empty for a fresh run. */
    public List<String> logRows() {
        return List.copyOf(log.subList(0, resumeFrom == null ? 0 : resumeFrom.logRows()));
    }

    /**
     * The whole number ≥ 0 in {@code column} of the last log row the resumed checkpoint covers, 0 for a new run: how a
     * trainer that logs a running count (problem-steps spent) continues it. Call after {@link #logHeader}.
     *
     * @throws ConfigException if that row is damaged
     */
    public long resumedCount(String column) {
        List<String> rows = logRows();
        if (rows.isEmpty()) {
            return 0;
        }
        int index = List.of(logHeader.split(",", -1)).indexOf(column);
        if (index < 0) {
            throw new IllegalArgumentException("the log header '" + logHeader + "' has no column " + column);
        }
        String row = rows.get(rows.size() - 1);
        String[] fields = row.split(",", -1);
        long count;
        try {
            count = fields.length == logHeader.split(",", -1).length ? Long.parseLong(fields[index]) : -1;
        } catch (NumberFormatException e) {
            count = -1;
        }
        if (count < 0) {
            throw new ConfigException("cannot resume " + path() + ": the last row of its " + LOG + " is damaged ("
                    + row + "); restore the log from a copy, or start a new run");
        }
        return count;
    }

    /**
     * Sets the log's CSV header; on a resume it must be the header the run was started with.
     *
     * @throws ConfigException if a resumed run's log has another header
     */
    public void logHeader(String header) {
        if (logHeader != null && !logHeader.equals(header)) {
            throw new ConfigException("cannot resume " + path() + ": its " + LOG + " has the columns '" + logHeader
                    + "', this trainer writes '" + header + "'");
        }
        logHeader = header;
    }

    /** Appends a row to the log; it reaches the file with the next checkpoint. */
    public void log(String row) {
        if (logHeader == null) {
            throw new IllegalStateException("set the log header before the first row");
        }
        log.add(row);
    }

    /**
     * Writes a checkpoint: the trainer's files, their manifest, the log so far, then the pointer. The first checkpoint
     * of a new run also moves the run folder to its final name.
     *
     * @param step   units of work done (the resume point)
     * @param unit   the unit's name (the folder's prefix)
     * @param writer writes the trainer's files
     * @return the checkpoint written
     */
    public Checkpoint save(long step, String unit, CheckpointWriter writer) {
        Objects.requireNonNull(writer, "writer");
        Path checkpoints = path().resolve(CHECKPOINTS);
        String name = String.format("%s-%06d", unit, step);
        Path target = checkpoints.resolve(name);
        Path temporary = checkpoints.resolve("." + name + ".partial");
        try {
            Files.createDirectories(checkpoints);
            AtomicFiles.deleteTree(temporary);
            Files.createDirectory(temporary);
            writer.write(temporary);
            Map<String, String> digests = new TreeMap<>();
            try (Stream<Path> files = Files.list(temporary)) {
                for (Path f : files.sorted().toList()) {
                    if (!Files.isRegularFile(f)) {
                        throw new IllegalStateException("a checkpoint holds files only; " + f + " is not one");
                    }
                    digests.put(f.getFileName().toString(), Sha256.of(f));
                }
            }
            ObjectNode manifest = Configs.json().createObjectNode();
            manifest.put("format", FORMAT);
            manifest.put("formatVersion", FORMAT_VERSION);
            manifest.put("step", step);
            manifest.put("unit", unit);
            manifest.put("logRows", log.size());
            manifest.set("provenance", Configs.json().valueToTree(provenance));
            manifest.set("files", Configs.json().valueToTree(digests));
            AtomicFiles.writeString(temporary.resolve(MANIFEST), Configs.toJson(manifest) + "\n");
            String manifestSha = Sha256.of(temporary.resolve(MANIFEST));
            AtomicFiles.deleteTree(target);
            AtomicFiles.move(temporary, target);
            if (logHeader != null) {
                AtomicFiles.writeString(path().resolve(LOG), logHeader + "\n" + String.join("", log.stream()
                        .map(r -> r + "\n").toList()));
            }
            ObjectNode pointer = Configs.json().createObjectNode();
            pointer.put("step", step);
            pointer.put("directory", name);
            pointer.put("manifestSha256", manifestSha);
            AtomicFiles.writeString(checkpoints.resolve(LATEST), Configs.toJson(pointer) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint " + target + ": " + e.getMessage(), e);
        }
        Checkpoint previous = latest;
        if (staging != null && !staging.committed()) {
            staging.commit();
        }
        Path finalDirectory = path().resolve(CHECKPOINTS).resolve(name);
        latest = new Checkpoint(step, unit, finalDirectory, log.size(), Configs.toMap(provenance));
        if (previous != null && previous.step() != step && !(keepEvery > 0 && previous.step() % keepEvery == 0)) {
            try {
                AtomicFiles.deleteTree(path().resolve(CHECKPOINTS).resolve(previous.directory().getFileName()));
            } catch (IOException e) {
                throw new UncheckedIOException("checkpoint " + name + " is in place but the previous one, "
                        + previous.directory() + ", could not be deleted: " + e.getMessage(), e);
            }
        }
        return latest;
    }

    /** Writes {@code summary.json} (once the run has a checkpoint; a run without one leaves no folder). */
    public void writeSummary(Map<String, Object> summary) {
        if (staging == null || staging.committed()) {
            AtomicFiles.writeString(path().resolve(SUMMARY), Configs.toJson(summary));
        }
    }

    /** Whether the run has a folder under its final name (it has a checkpoint). */
    public boolean exists() {
        return staging == null || staging.committed();
    }

    /** Releases the lock; a new run that never reached a checkpoint is removed. */
    @Override
    public void close() {
        closeQuietly();
        if (staging != null) {
            staging.close();
        }
    }

    private void closeQuietly() {
        try {
            if (lock != null && lock.isValid()) {
                lock.release();
            }
            if (lockChannel != null) {
                lockChannel.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release the lock of " + path() + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> file(TrainingHeader header, Map<String, Object> settings) {
        Map<String, Object> file = header.toMap();
        settings.forEach((k, v) -> {
            if (file.containsKey(k)) {
                throw new IllegalArgumentException("the trainer's settings repeat the header key '" + k + "'");
            }
            file.put(k, v);
        });
        return file;
    }

    private static Map<String, Object> withoutResumable(Map<String, Object> file, Set<String> resumableKeys) {
        Map<String, Object> out = new LinkedHashMap<>(file);
        out.keySet().removeAll(TrainingHeader.RESUMABLE);
        out.keySet().removeAll(resumableKeys);
        return Configs.json().convertValue(out, new TypeReference<LinkedHashMap<String, Object>>() { });
    }

    @SuppressWarnings("unchecked")
    private static void requireSameSettings(Path folder, Checkpoint checkpoint, Map<String, Object> now) {
        Object stored = checkpoint.provenance().get("settings");
        Map<String, Object> then = stored instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        List<String> changed = new ArrayList<>();
        TreeMap<String, Object> keys = new TreeMap<>(then);
        keys.putAll(now);
        for (String key : keys.keySet()) {
            String a = Configs.toJson(then.get(key));
            String b = Configs.toJson(now.get(key));
            if (!a.equals(b)) {
                changed.add("'" + key + "' (checkpoint: " + compact(a) + ", now: " + compact(b) + ")");
            }
        }
        if (!changed.isEmpty()) {
            throw new ConfigException("cannot resume " + folder + ": " + String.join(", ", changed) + " changed;"
                    + " only the keys the trainer lists as resumable (and " + new java.util.TreeSet<>(
                            TrainingHeader.RESUMABLE) + ") may change on resume; start a new run for other settings");
        }
    }

    private static String compact(String json) {
        return json.replaceAll("\\s+", "");
    }

    private static List<String> readLog(Path folder) {
        Path file = folder.resolve(LOG);
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException("cannot resume " + folder + ": its " + LOG + " is missing", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static JsonNode readJson(Path file) {
        try {
            JsonNode node = Configs.json().readTree(Files.readAllBytes(file));
            if (node == null || !node.isObject()) {
                throw damaged(file, "it is not a JSON object");
            }
            return node;
        } catch (NoSuchFileException e) {
            throw new ConfigException("checkpoint file " + file + " is missing; the run cannot be resumed from it", e);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw damaged(file, "it is not valid JSON");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static void requireDigest(Path file, String expected) {
        String actual;
        try {
            actual = Sha256.of(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException("checkpoint file " + file + " is missing; the run cannot be resumed or evaluated"
                    + " from it", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (!actual.equals(expected)) {
            throw damaged(file, "its SHA-256 is " + actual.substring(0, 12) + "…, the manifest expects "
                    + expected.substring(0, Math.min(12, expected.length())) + "…: it was truncated, edited or"
                    + " swapped");
        }
    }

    /**
     * Whether {@code name} names an entry directly in {@code dir}: a damaged file may hold any string, and one with a
     * NUL, a slash or ".." would otherwise fail as an invalid path or reach outside the run folder.
     */
    private static boolean inside(Path dir, String name) {
        try {
            Path parent = dir.resolve(name).normalize().getParent();
            return parent != null && parent.equals(dir.normalize());
        } catch (InvalidPathException e) {
            return false;
        }
    }

    private static ConfigException damaged(Path file, String why) {
        return new ConfigException("checkpoint file " + file + " is damaged (" + why + "); restore it from a copy,"
                + " or start a new run");
    }
}
