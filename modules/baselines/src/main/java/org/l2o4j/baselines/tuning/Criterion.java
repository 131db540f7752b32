package org.l2o4j.baselines.tuning;

import java.util.Arrays;

import org.l2o4j.core.config.ConfigException;
import org.l2o4j.core.rollout.RolloutResult;

/**
 * What a grid search minimizes: a score of one setting's rollouts on the training problems. Lower is better. Problems
 * that diverged are left out of the score (their objective is NaN from the step they diverged at); the
 * {@link GridSearch} ranks settings by their number of diverged runs first.
 */
public enum Criterion {

    /**
     * Mean over problems of the mean of f(x_t) over t = 0..T: the area under the loss curve divided by T + 1, the
     * cost Li &amp; Malik's policy minimizes (papers.md §1.1), so early progress counts as much as the end.
     */
    MEAN_OBJECTIVE_OVER_HORIZON("mean-objective"),

    /** Mean over problems of f(x_T): Andrychowicz et al.'s choice ("best final error", papers.md §2.3). */
    MEAN_FINAL_OBJECTIVE("final-objective");

    private final String key;

    Criterion(String key) {
        this.key = key;
    }

    /** The name experiment files use, e.g. {@code mean-objective}. */
    public String key() {
        return key;
    }

    /**
     * The criterion an experiment file names.
     *
     * @throws ConfigException for an unknown key, listing the known ones
     */
    public static Criterion fromKey(String key) {
        for (Criterion c : values()) {
            if (c.key.equals(key)) {
                return c;
            }
        }
        throw new ConfigException("unknown tuning criterion '" + key + "'; known criteria: "
                + Arrays.stream(values()).map(Criterion::key).toList());
    }

    /** The score over the problems that did not diverge; NaN when all of them did. */
    public double score(RolloutResult result) {
        double sum = 0;
        int counted = 0;
        for (int i = 0; i < result.problems(); i++) {
            if (result.divergedAt()[i] >= 0) {
                continue;
            }
            double[] f = result.objective()[i];
            sum += this == MEAN_FINAL_OBJECTIVE ? f[f.length - 1] : mean(f);
            counted++;
        }
        return counted == 0 ? Double.NaN : sum / counted;
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }
}
