package org.l2o4j.policysearch;

import java.util.List;

import org.l2o4j.core.config.ConfigException;
import org.l2o4j.core.problem.Problem;
import org.l2o4j.core.training.TrainingHeader;
import org.l2o4j.core.training.gradient.Validation;

/**
 * The functions of a policy-search trainer that selects by validation: the first {@code conditions} functions of the
 * training split, of which the last {@code validationFunctions} are held out to choose the best θ (policy-search.md:
 * selection never sees the test split) and the others train.
 *
 * @param training   the training functions
 * @param validation the held-out ones
 */
public record TrainingSet(List<Problem> training, List<Problem> validation) {

    public TrainingSet {
        training = List.copyOf(training);
        validation = List.copyOf(validation);
    }

    /**
     * Splits the header's functions.
     *
     * @throws ConfigException if no training function would be left
     */
    public static TrainingSet of(TrainingHeader header, String split, int conditions, int validationFunctions) {
        List<Problem> all = header.trainingFunctions(split, conditions);
        if (all.size() <= validationFunctions) {
            throw new ConfigException("validationFunctions (" + validationFunctions + ") must leave training "
                    + "functions among the " + all.size() + " of split '" + split + "'");
        }
        int cut = all.size() - validationFunctions;
        return new TrainingSet(all.subList(0, cut), all.subList(cut, all.size()));
    }

    /** The held-out functions scored by the mean objective over {@code horizon} steps (diverged runs apart). */
    public Validation validation(int horizon) {
        return new Validation(validation, validation.stream().map(p -> p.initialPoint(0)).toList(), horizon,
                "mean-objective", r -> {
                    double sum = 0;
                    int count = 0;
                    for (double[] curve : r.objective()) {
                        for (int t = 1; t < curve.length; t++) {
                            if (Double.isFinite(curve[t])) {
                                sum += curve[t];
                                count++;
                            }
                        }
                    }
                    return count == 0 ? Double.NaN : sum / count;
                });
    }
}
