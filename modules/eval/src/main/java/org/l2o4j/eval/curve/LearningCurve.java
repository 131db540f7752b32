package org.l2o4j.eval.curve;

import java.util.Arrays;
import java.util.List;

/**
 * One trainer's learning curve over its meta-training seeds: at the i-th kept checkpoint of every seed, the mean over
 * the seeds of the problem-steps and wall-clock spent and of the held-out mean objective at each scored step, with the
 * lowest and highest seed (with 3 seeds a min–max band says more than an interval would). Seeds are aligned by
 * checkpoint index, so every seed must keep checkpoints at the same points of its budget (the trainers checkpoint on
 * fixed cadences); a seed with more checkpoints than another is cut to the common count.
 *
 * @param trainer      the trainer's name (the training file's {@code name})
 * @param seeds        meta-training seeds aggregated
 * @param steps        the held-out steps t scored
 * @param problemSteps mean problem-steps spent at each checkpoint index
 * @param wallSeconds  mean wall-clock seconds at each checkpoint index (NaN where a log records no time)
 * @param mean         [j][i]: the seeds' mean of the held-out mean objective at step {@code steps[j]}, checkpoint i
 *                     (over the seeds where it is finite; NaN if none)
 * @param low          [j][i]: the lowest seed
 * @param high         [j][i]: the highest seed
 */
public record LearningCurve(String trainer, int seeds, int[] steps, double[] problemSteps, double[] wallSeconds,
        double[][] mean, double[][] low, double[][] high) {

    /**
     * One kept checkpoint of one seed, scored.
     *
     * @param problemSteps problem-steps its run had spent
     * @param wallSeconds  wall-clock seconds its run had spent
     * @param score        its held-out score
     */
    public record Point(long problemSteps, double wallSeconds, HeldOutScore score) {
    }

    /**
     * Aggregates the checkpoints of every seed (each list in checkpoint order).
     *
     * @throws IllegalArgumentException if there is no seed, a seed has no checkpoint, or the scored steps differ
     */
    public static LearningCurve across(String trainer, List<List<Point>> perSeed) {
        if (perSeed.isEmpty() || perSeed.stream().anyMatch(List::isEmpty)) {
            throw new IllegalArgumentException(trainer + ": every seed needs at least one scored checkpoint");
        }
        int[] steps = perSeed.get(0).get(0).score().steps();
        int n = perSeed.stream().mapToInt(List::size).min().orElseThrow();
        int s = perSeed.size();
        double[] x = new double[n];
        double[] wall = new double[n];
        double[][] mean = new double[steps.length][n];
        double[][] low = new double[steps.length][n];
        double[][] high = new double[steps.length][n];
        for (int i = 0; i < n; i++) {
            for (List<Point> seed : perSeed) {
                Point p = seed.get(i);
                if (!Arrays.equals(p.score().steps(), steps)) {
                    throw new IllegalArgumentException(trainer + ": the seeds were scored at different steps");
                }
                x[i] += (double) p.problemSteps() / s;
                wall[i] += p.wallSeconds() / s;
            }
            for (int j = 0; j < steps.length; j++) {
                double sum = 0;
                int finite = 0;
                double lo = Double.POSITIVE_INFINITY;
                double hi = Double.NEGATIVE_INFINITY;
                for (List<Point> seed : perSeed) {
                    double v = seed.get(i).score().mean()[j];
                    if (Double.isFinite(v)) {
                        sum += v;
                        finite++;
                        lo = Math.min(lo, v);
                        hi = Math.max(hi, v);
                    }
                }
                mean[j][i] = finite == 0 ? Double.NaN : sum / finite;
                low[j][i] = finite == 0 ? Double.NaN : lo;
                high[j][i] = finite == 0 ? Double.NaN : hi;
            }
        }
        return new LearningCurve(trainer, s, steps, x, wall, mean, low, high);
    }
}
