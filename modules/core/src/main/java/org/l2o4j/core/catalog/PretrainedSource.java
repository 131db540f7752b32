package org.l2o4j.core.catalog;

import java.nio.file.Path;
import java.util.List;

import org.l2o4j.core.training.TrainedOptimizer;

/**
 * A collection of trained optimizers shipped ready to use, addressed as {@code scheme:NAME} wherever an optimizer or a
 * checkpoint is named ({@code zoo:li-malik-logreg}). Registered through {@link java.util.ServiceLoader}, like the
 * other providers; {@link Catalog#pretrained(String)} resolves a reference.
 */
public interface PretrainedSource {

    /** The prefix before the colon, e.g. {@code zoo}. */
    String scheme();

    /** The names of the entries, sorted. */
    List<String> names();

    /**
     * The optimizer an entry holds: its registered optimizer and {@code checkpoint: scheme:NAME}, so that results
     * name the entry, not a file on this machine.
     *
     * @throws ConfigException if there is no such entry; the message lists the names
     */
    TrainedOptimizer optimizer(String name);

    /**
     * The entry's checkpoint as a file, verified against its recorded digest.
     *
     * @throws ConfigException if there is no such entry or its file is damaged
     */
    Path checkpointFile(String name);
}
