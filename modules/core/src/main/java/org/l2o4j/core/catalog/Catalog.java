package org.l2o4j.core.catalog;

import java.nio.file.Path;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

import org.l2o4j.core.config.ConfigException;
import org.l2o4j.core.optimizer.Optimizer;
import org.l2o4j.core.problem.ProblemFamily;
import org.l2o4j.core.training.TrainedOptimizer;
import org.l2o4j.core.training.TrainerProvider;

/**
 * Everything registered through {@link ProblemFamilyProvider}, {@link OptimizerProvider}, {@link TrainerProvider} and
 * {@link PretrainedSource}, found with {@link ServiceLoader}, so a new module adds families, optimizers and meta-trainers by being on the
 * classpath.
 */
public final class Catalog {

    private Catalog() {
    }

    /** Registered families by name. */
    public static Map<String, ProblemFamilyProvider> families() {
        Map<String, ProblemFamilyProvider> out = new TreeMap<>();
        for (ProblemFamilyProvider p : ServiceLoader.load(ProblemFamilyProvider.class)) {
            register(out, p.name(), p, "family");
        }
        return out;
    }

    /** Registered optimizers by name. */
    public static Map<String, OptimizerProvider> optimizers() {
        Map<String, OptimizerProvider> out = new TreeMap<>();
        for (OptimizerProvider p : ServiceLoader.load(OptimizerProvider.class)) {
            register(out, p.name(), p, "optimizer");
        }
        return out;
    }

    /** Registered meta-trainers by the {@code kind} of their training files. */
    public static Map<String, TrainerProvider> trainers() {
        Map<String, TrainerProvider> out = new TreeMap<>();
        for (TrainerProvider p : ServiceLoader.load(TrainerProvider.class)) {
            register(out, p.kind(), p, "trainer");
        }
        return out;
    }

    /** The trainer of that kind; the error for an unknown kind lists the known ones. */
    public static TrainerProvider trainer(String kind) {
        TrainerProvider p = trainers().get(kind);
        if (p == null) {
            throw new ConfigException("unknown training kind '" + kind + "'; known kinds: " + trainers().keySet()
                    + " (a comparison experiment runs with 'l2o reproduce')");
        }
        return p;
    }

    /** The family of that name with the given settings; the error for an unknown name lists the known ones. */
    public static ProblemFamily family(String name, Map<String, ?> config) {
        ProblemFamilyProvider p = families().get(name);
        if (p == null) {
            throw new ConfigException("unknown family '" + name + "'; known families: " + families().keySet());
        }
        return p.create(config);
    }

    /** The optimizer provider of that name; the error for an unknown name lists the known ones. */
    public static OptimizerProvider optimizerProvider(String name) {
        OptimizerProvider p = optimizers().get(name);
        if (p == null) {
            throw new ConfigException("unknown optimizer '" + name + "'; known optimizers: " + optimizers().keySet());
        }
        return p;
    }

    /** The optimizer of that name with the given hyperparameters. */
    public static Optimizer optimizer(String name, Map<String, ?> hyperparameters) {
        return optimizerProvider(name).create(hyperparameters);
    }

    /**
     * Whether {@code reference} names a pretrained entry ({@code scheme:NAME}) rather than a registered optimizer or a
     * path: a registered scheme before the first colon.
     */
    public static boolean isPretrained(String reference) {
        int colon = reference.indexOf(':');
        return colon > 0 && pretrainedSources().containsKey(reference.substring(0, colon));
    }

    /** The optimizer a pretrained reference {@code scheme:NAME} names. */
    public static TrainedOptimizer pretrained(String reference) {
        return source(reference).optimizer(reference.substring(reference.indexOf(':') + 1));
    }

    /**
     * A checkpoint setting as a file: a pretrained reference's verified checkpoint, or the path itself. Optimizers
     * that load a {@code checkpoint} call this, so every one of them accepts {@code zoo:NAME}.
     */
    public static Path checkpointFile(String checkpoint) {
        return isPretrained(checkpoint)
                ? source(checkpoint).checkpointFile(checkpoint.substring(checkpoint.indexOf(':') + 1))
                : Path.of(checkpoint);
    }

    /** Registered pretrained collections by scheme. */
    public static Map<String, PretrainedSource> pretrainedSources() {
        Map<String, PretrainedSource> out = new TreeMap<>();
        for (PretrainedSource p : ServiceLoader.load(PretrainedSource.class)) {
            register(out, p.scheme(), p, "pretrained source");
        }
        return out;
    }

    private static PretrainedSource source(String reference) {
        if (!isPretrained(reference)) {
            throw new ConfigException("'" + reference + "' is not a pretrained reference; known schemes: "
                    + pretrainedSources().keySet());
        }
        return pretrainedSources().get(reference.substring(0, reference.indexOf(':')));
    }

    private static <T> void register(Map<String, T> out, String name, T provider, String kind) {
        T previous = out.put(name, provider);
        if (previous != null) {
            throw new IllegalStateException("two " + kind + " providers are registered as '" + name + "': "
                    + previous.getClass().getName() + " and " + provider.getClass().getName());
        }
    }
}
