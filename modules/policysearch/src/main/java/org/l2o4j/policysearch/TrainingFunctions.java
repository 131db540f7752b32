package org.l2o4j.policysearch;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.l2o4j.core.catalog.FunctionSets;
import org.l2o4j.core.problem.Problem;
import org.l2o4j.core.training.TrainingHeader;

/**
 * A trainer's training functions as plain data that a unit carries to wherever an engine runs it: the first
 * {@code count} functions of a family's split sampled from the seed ({@link TrainingHeader#trainingFunctions}), which
 * {@link #problems()} samples again there. Sampling is deterministic, so every JVM gets the same functions; core's
 * {@link FunctionSets} keeps the few sets a JVM sampled last, because every unit of a population needs them.
 *
 * @param family       the registered family
 * @param familyConfig its settings over the family's defaults
 * @param seed         the seed the functions are sampled from (the header's {@code seed})
 * @param split        the split
 * @param count        how many of its first functions
 */
public record TrainingFunctions(String family, Map<String, Object> familyConfig, long seed, String split, int count)
        implements Serializable {

    public TrainingFunctions {
        familyConfig = new LinkedHashMap<>(familyConfig);
    }

    /** The first {@code count} functions of {@code split} of the header's family and seed. */
    public static TrainingFunctions of(TrainingHeader header, String split, int count) {
        return new TrainingFunctions(header.family(), header.familyConfig(), header.seed(), split, count);
    }

    /** The functions, sampled in this JVM once. */
    public List<Problem> problems() {
        return FunctionSets.of(family, familyConfig, split, seed).subList(0, count);
    }

    /** The functions at these indices, in this order. */
    public List<Problem> select(int[] indices) {
        List<Problem> all = problems();
        List<Problem> chosen = new ArrayList<>(indices.length);
        for (int i : indices) {
            chosen.add(all.get(i));
        }
        return chosen;
    }
}
