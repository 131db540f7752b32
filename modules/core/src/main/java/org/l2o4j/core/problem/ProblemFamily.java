package org.l2o4j.core.problem;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.l2o4j.core.random.Seeds;

/**
 * A distribution over {@link Problem}s (Li &amp; Malik's "class of objective functions") with named splits.
 *
 * <p>{@link #sample(long)} is a pure function of its seed: the same seed gives the same data, the same
 * initial point and the same numbers. Split {@code s}, index {@code i}, experiment seed {@code k} is sampled
 * from {@code Seeds.derive(k, s, i)}, so a single function can be rebuilt without the others.
 */
public interface ProblemFamily {

    /** Registered name, e.g. {@code "logistic-regression"}. */
    String name();

    /** The resolved configuration, every default filled in; written into provenance. */
    Map<String, Object> config();

    /** The named splits and their sizes, defaulted to the paper's. */
    List<Split> splits();

    /** One function drawn from the family. */
    Problem sample(long seed);

    /** The split of the given name; the error lists the known ones. */
    default Split split(String splitName) {
        for (Split s : splits()) {
            if (s.name().equals(splitName)) {
                return s;
            }
        }
        throw new org.l2o4j.core.config.ConfigException("family '" + name() + "' has no split '" + splitName
                + "'; its splits are " + splits().stream().map(Split::name).toList());
    }

    /** All functions of a split, in index order. */
    default List<Problem> problems(String splitName, long experimentSeed) {
        Split split = split(splitName);
        List<Problem> out = new ArrayList<>(split.size());
        for (int i = 0; i < split.size(); i++) {
            out.add(sample(Seeds.derive(experimentSeed, splitName, i)));
        }
        return out;
    }
}
