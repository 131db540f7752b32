package org.l2o4j.core.training.gradient;

import java.util.List;
import java.util.Locale;

/**
 * One row of the training log ({@code training-log.csv}): what one epoch did. Epoch 0 is the untrained network's
 * validation, before any meta-update.
 *
 * @param epoch                  epochs completed (1-based; 0 before training)
 * @param metaSteps              meta-updates applied so far in the run
 * @param problemSteps           problem-steps spent so far in the run (one f and ∇f of one function at one point):
 *                               estimates, validation rollouts and anything fitted before training
 * @param trainingLoss           mean meta-loss of this epoch's applied meta-updates; NaN if none
 * @param trainingFinalObjective mean f of this epoch's problems after their last step; NaN if the epoch was abandoned
 * @param gradientNorm           mean Euclidean norm of this epoch's meta-gradients before clipping; NaN if none
 * @param skippedSteps           meta-updates skipped so far by the NaN guard
 * @param validationScore        the validation criterion after this epoch; NaN if not validated
 * @param validationDiverged     validation runs that diverged; −1 if not validated
 * @param best                   whether this validation made the network the best so far
 * @param wallSeconds            seconds spent by the run so far (summed over resumed sessions)
 */
public record EpochRecord(int epoch, long metaSteps, long problemSteps, double trainingLoss, double trainingFinalObjective,
        double gradientNorm, long skippedSteps, double validationScore, int validationDiverged, boolean best,
        double wallSeconds) {

    /** The CSV header. */
    public static final String HEADER = "epoch,metaSteps,problemSteps,trainingLoss,trainingFinalObjective,gradientNorm,"
            + "skippedSteps,validationScore,validationDiverged,best,wallSeconds";

    /** Whether the network was validated after this epoch. */
    public boolean validated() {
        return validationDiverged >= 0;
    }

    /** The CSV row: numbers in round-trip form, missing values empty. */
    public String csv() {
        return String.join(",", Integer.toString(epoch), Long.toString(metaSteps), Long.toString(problemSteps),
                number(trainingLoss),
                number(trainingFinalObjective), number(gradientNorm), Long.toString(skippedSteps),
                number(validationScore), validated() ? Integer.toString(validationDiverged) : "",
                Boolean.toString(best), String.format(Locale.ROOT, "%.3f", wallSeconds));
    }

    /** Reads a row written by {@link #csv()}. */
    public static EpochRecord parse(String line) {
        String[] f = line.split(",", -1);
        if (f.length != 11) {
            throw new IllegalArgumentException("a training-log row has 11 fields, this one has " + f.length + ": "
                    + line);
        }
        return new EpochRecord(Integer.parseInt(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2]), parseNumber(f[3]),
                parseNumber(f[4]), parseNumber(f[5]), Long.parseLong(f[6]), parseNumber(f[7]),
                f[8].isEmpty() ? -1 : Integer.parseInt(f[8]), Boolean.parseBoolean(f[9]), Double.parseDouble(f[10]));
    }

    /** The whole log as CSV text. */
    public static String csv(List<EpochRecord> rows) {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (EpochRecord r : rows) {
            sb.append(r.csv()).append('\n');
        }
        return sb.toString();
    }

    private static String number(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }

    private static double parseNumber(String s) {
        return s.isEmpty() ? Double.NaN : Double.parseDouble(s);
    }
}
