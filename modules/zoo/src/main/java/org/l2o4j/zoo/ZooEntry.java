package org.l2o4j.zoo;

import java.util.List;
import java.util.Map;

/**
 * One trained optimizer of the zoo, as {@code entries.json} records it.
 *
 * @param name       the entry's name, used as {@code zoo:NAME}
 * @param summary    what it is, in one line
 * @param optimizer  the registered optimizer that loads its checkpoint
 * @param checkpoint the checkpoint's resource path under {@code org/l2o4j/zoo/}
 * @param sha256     the checkpoint's SHA-256, checked on every load
 * @param training   how it was trained: {@code file} (the training file it came from, also shipped as
 *                   {@code NAME/training.yaml}), {@code kind}, {@code seed}, {@code gitCommit}, {@code budget}
 * @param heldOut    its recorded held-out comparison: {@code experiment}, {@code family}, {@code testFunctions},
 *                   {@code steps}, {@code learnedFinal} and {@code learnedMeanOverSteps} (mean objective over the test
 *                   functions at the last step and averaged over the steps), {@code bestBaseline} (the tuned
 *                   baseline with the lowest final mean) with {@code bestBaselineFinal} and
 *                   {@code bestBaselineMeanOverSteps}
 * @param rescore    the exact check the tests repeat on the first test functions of the held-out comparison
 */
public record ZooEntry(String name, String summary, String optimizer, String checkpoint, String sha256,
        Map<String, Object> training, Map<String, Object> heldOut, Rescore rescore) {

    /**
     * The re-scoring record: the entry run from each function's initial point (restart 0) for {@code steps} steps.
     *
     * @param family         the registered family of the functions
     * @param familyConfig   its settings, as the comparison used them
     * @param seed           the comparison's seed
     * @param split          the split the functions come from
     * @param finalObjective f(x_T) on the split's first functions, one each, to the last bit
     * @param steps          steps per run
     */
    public record Rescore(String family, Map<String, Object> familyConfig, long seed, String split, int steps,
            List<Double> finalObjective) {
    }
}
