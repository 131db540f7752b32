package org.l2o4j.zoo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.type.TypeReference;
import org.l2o4j.core.catalog.PretrainedSource;
import org.l2o4j.core.config.ConfigException;
import org.l2o4j.core.config.Configs;
import org.l2o4j.core.run.AtomicFiles;
import org.l2o4j.core.run.Sha256;
import org.l2o4j.core.training.TrainedOptimizer;

/**
 * The trained optimizers shipped in this module's resources, addressed as {@code zoo:NAME}. The catalog is
 * {@code org/l2o4j/zoo/entries.json} ({@link ZooEntry}); each entry's checkpoint and training file lie beside it.
 *
 * <p>The loaders of the registered optimizers read files, so a checkpoint is copied once into a content-addressed
 * folder ({@code <tmpdir>/l2o4j-zoo/<sha256>/}, verified on every use and rewritten atomically when damaged); results
 * keep naming {@code zoo:NAME}, not that file, so they stay byte-identical from machine to machine.
 */
public final class Zoo implements PretrainedSource {

    /** The scheme of zoo references. */
    public static final String SCHEME = "zoo";
    private static final String ROOT = "org/l2o4j/zoo/";

    private final Map<String, ZooEntry> entries;

    /** The zoo on the classpath (ServiceLoader's constructor). */
    public Zoo() {
        this(read());
    }

    private Zoo(Map<String, ZooEntry> entries) {
        this.entries = entries;
    }

    /** Every entry, by name. */
    public Map<String, ZooEntry> entries() {
        return entries;
    }

    /** The entry of that name; the error lists the names. */
    public ZooEntry entry(String name) {
        ZooEntry e = entries.get(name);
        if (e == null) {
            throw new ConfigException("the zoo has no entry '" + name + "'; its entries are " + entries.keySet()
                    + " ('l2o zoo' lists them)");
        }
        return e;
    }

    /** The training file an entry came from, as shipped beside its checkpoint. */
    public String trainingFile(String name) {
        entry(name);
        return new String(resource(name + "/training.yaml"), StandardCharsets.UTF_8);
    }

    @Override
    public String scheme() {
        return SCHEME;
    }

    @Override
    public List<String> names() {
        return new ArrayList<>(entries.keySet());
    }

    @Override
    public TrainedOptimizer optimizer(String name) {
        ZooEntry e = entry(name);
        return new TrainedOptimizer(e.optimizer(), e.name(), Map.of("checkpoint", SCHEME + ":" + e.name()));
    }

    @Override
    public Path checkpointFile(String name) {
        ZooEntry e = entry(name);
        Path folder = Path.of(System.getProperty("java.io.tmpdir"), "l2o4j-zoo", e.sha256());
        Path file = folder.resolve(Path.of(e.checkpoint()).getFileName().toString());
        try {
            if (Files.isRegularFile(file) && Sha256.of(file).equals(e.sha256())) {
                return file;
            }
            byte[] bytes = resource(e.checkpoint());
            if (!Sha256.of(bytes).equals(e.sha256())) {
                throw new ConfigException("zoo entry '" + name + "' is damaged: its checkpoint's SHA-256 is "
                        + Sha256.of(bytes) + ", entries.json records " + e.sha256() + "; rebuild the zoo module");
            }
            Files.createDirectories(folder);
            AtomicFiles.write(file, tmp -> Files.write(tmp, bytes));
            return file;
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot copy zoo entry '" + name + "' to " + file + ": " + ex.getMessage(),
                    ex);
        }
    }

    private static Map<String, ZooEntry> read() {
        List<ZooEntry> list;
        try {
            list = Configs.json().readValue(resource("entries.json"), new TypeReference<List<ZooEntry>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException("the zoo's entries.json cannot be read: " + e.getMessage(), e);
        }
        Map<String, ZooEntry> out = new TreeMap<>();
        for (ZooEntry e : list) {
            if (out.put(e.name(), e) != null) {
                throw new IllegalStateException("the zoo lists '" + e.name() + "' twice");
            }
        }
        return out;
    }

    private static byte[] resource(String name) {
        try (InputStream in = Zoo.class.getClassLoader().getResourceAsStream(ROOT + name)) {
            if (in == null) {
                throw new IllegalStateException("the zoo's resource " + ROOT + name + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the zoo's resource " + ROOT + name, e);
        }
    }
}
