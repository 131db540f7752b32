package org.l2o4j.core.mdp;

import java.io.Serializable;
import java.util.Arrays;

import org.l2o4j.core.rollout.ProblemBatch;

/**
 * The MDP state of n problems of dimension d (papers.md §1.2, gps.md §2): the current iterate and an H-step history
 * of objective values, gradients and steps, kept in flat ring buffers so that an update is a few array copies and
 * nothing is allocated after construction.
 *
 * <p>Lifecycle per problem i: {@link #reset} once at x_0 (with f(x_0), ∇f(x_0)), then {@link #record} after every
 * step with the new x_t, f(x_t), ∇f(x_t); the step Δx_t = x_t − x_{t−1} is taken from the stored iterate, so it always
 * agrees with the iterates. The batched forms {@link #resetAll} and {@link #recordActive} read a
 * {@link ProblemBatch}'s arrays. Features are derived on demand by {@link #state}, {@link #observation} and
 * {@link #observations}, in the order {@link FeaturePreset} documents; a slot whose lag reaches before x_0 is zero.
 *
 * <p>Not thread-safe; problems are independent of each other, so one history may serve a batch whose problems stop
 * at different times (diverged problems are simply not recorded again).
 */
public final class FeatureHistory {

    private final FeaturePreset preset;
    private final int n;
    private final int d;
    private final int h;
    /** Values and gradients keep H + 1 entries: lags 0..H (relΔf at the oldest slot needs f_{t−H}). */
    private final int capacity;
    private final FeatureLayout stateLayout;
    private final FeatureLayout observationLayout;
    private final double[] x;
    private final double[] values;
    private final double[] gradients;
    /** Δx_i for the last H steps i, at slot i mod H; only for {@code released-code}. */
    private final double[] steps;
    /** t per problem: records since its reset. */
    private final long[] time;

    /** Empty histories for n problems of dimension d; {@link #reset} each problem before reading it. */
    public FeatureHistory(FeaturePreset preset, int problems, int dimension) {
        if (problems < 1) {
            throw new IllegalArgumentException("a feature history needs at least one problem, got " + problems);
        }
        this.preset = preset;
        this.n = problems;
        this.d = dimension;
        this.h = preset.historyLength();
        this.capacity = h + 1;
        this.stateLayout = preset.stateLayout(dimension);
        this.observationLayout = stateLayout.withoutX();
        this.x = new double[n * d];
        this.values = new double[n * capacity];
        this.gradients = new double[n * capacity * d];
        this.steps = preset.isReleasedCode() ? new double[n * h * d] : null;
        this.time = new long[n];
    }

    /** The preset. */
    public FeaturePreset preset() {
        return preset;
    }

    /** Number of problems n. */
    public int size() {
        return n;
    }

    /** Problem dimension d. */
    public int dimension() {
        return d;
    }

    /** Where each block of {@link #state} sits. */
    public FeatureLayout stateLayout() {
        return stateLayout;
    }

    /** Where each block of {@link #observation} sits. */
    public FeatureLayout observationLayout() {
        return observationLayout;
    }

    /** dX, the length of a state. */
    public int stateDimension() {
        return stateLayout.dimension();
    }

    /** dO, the length of an observation. */
    public int observationDimension() {
        return observationLayout.dimension();
    }

    /** t of problem i: the number of {@link #record} calls since its {@link #reset}. */
    public long time(int i) {
        return time[i];
    }

    /** Starts problem i's history at x_0 (read from {@code point[pointOffset ..]}), f(x_0) and ∇f(x_0). */
    public void reset(int i, double[] point, int pointOffset, double value, double[] gradient, int gradientOffset) {
        time[i] = 0;
        System.arraycopy(point, pointOffset, x, i * d, d);
        values[i * capacity] = value;
        System.arraycopy(gradient, gradientOffset, gradients, i * capacity * d, d);
    }

    /** Appends x_t, f(x_t), ∇f(x_t) of problem i, after a step; Δx_t is x_t minus the previous iterate. */
    public void record(int i, double[] point, int pointOffset, double value, double[] gradient, int gradientOffset) {
        long t = ++time[i];
        int slot = (int) (t % capacity);
        if (steps != null) {
            int stepBase = (i * h + (int) (t % h)) * d;
            for (int j = 0; j < d; j++) {
                steps[stepBase + j] = point[pointOffset + j] - x[i * d + j];
            }
        }
        System.arraycopy(point, pointOffset, x, i * d, d);
        values[i * capacity + slot] = value;
        System.arraycopy(gradient, gradientOffset, gradients, (i * capacity + slot) * d, d);
    }

    /**
     * The histories' numbers as plain data, for a history that goes on elsewhere ({@link #restore}): see
     * {@link ProblemBatch.Snapshot}.
     *
     * @param x         the latest iterates
     * @param values    the value ring buffers
     * @param gradients the gradient ring buffers
     * @param steps     the step ring buffers ({@code released-code}), null otherwise
     * @param time      t per problem
     */
    public record Snapshot(double[] x, double[] values, double[] gradients, double[] steps, long[] time)
            implements Serializable {
    }

    /** The histories now (copies). */
    public Snapshot snapshot() {
        return new Snapshot(x.clone(), values.clone(), gradients.clone(), steps == null ? null : steps.clone(),
                time.clone());
    }

    /**
     * Puts back the numbers of a {@link #snapshot} of a history of the same preset, problem count and dimension.
     *
     * @throws IllegalArgumentException if the snapshot's arrays do not fit this history
     */
    public void restore(Snapshot snapshot) {
        if (snapshot.x().length != x.length || snapshot.values().length != values.length
                || snapshot.gradients().length != gradients.length || snapshot.time().length != time.length
                || (snapshot.steps() == null) != (steps == null)
                || (steps != null && snapshot.steps().length != steps.length)) {
            throw new IllegalArgumentException("the snapshot is not one of a '" + preset.name() + "' history of " + n
                    + " problems of dimension " + d + " with H = " + h);
        }
        System.arraycopy(snapshot.x(), 0, x, 0, x.length);
        System.arraycopy(snapshot.values(), 0, values, 0, values.length);
        System.arraycopy(snapshot.gradients(), 0, gradients, 0, gradients.length);
        if (steps != null) {
            System.arraycopy(snapshot.steps(), 0, steps, 0, steps.length);
        }
        System.arraycopy(snapshot.time(), 0, time, 0, time.length);
    }

    /** Resets every problem of the batch at its current point, value and gradient. */
    public void resetAll(ProblemBatch batch) {
        checkBatch(batch);
        for (int i = 0; i < n; i++) {
            reset(i, batch.x(), i * d, batch.values()[i], batch.gradient(), i * d);
        }
    }

    /** Records every active problem of the batch at its current point, value and gradient. */
    public void recordActive(ProblemBatch batch) {
        checkBatch(batch);
        for (int i = 0; i < n; i++) {
            if (batch.isActive(i)) {
                record(i, batch.x(), i * d, batch.values()[i], batch.gradient(), i * d);
            }
        }
    }

    private void checkBatch(ProblemBatch batch) {
        if (batch.size() != n || batch.dimension() != d) {
            throw new IllegalArgumentException("batch of " + batch.size() + " problems of dimension "
                    + batch.dimension() + " does not match the feature history's " + n + " problems of dimension " + d);
        }
    }

    /** Writes problem i's state s_t (length {@link #stateDimension()}) into {@code out[offset ..]}. */
    public void state(int i, double[] out, int offset) {
        System.arraycopy(x, i * d, out, offset, d);
        observation(i, out, offset + d);
    }

    /** Writes problem i's observation o_t, the state without x (length {@link #observationDimension()}). */
    public void observation(int i, double[] out, int offset) {
        if (preset.isReleasedCode()) {
            releasedCodeFeatures(i, out, offset);
        } else {
            paperFeatures(i, out, offset);
        }
    }

    /** Writes all n observations row after row into {@code out} (n × dO). */
    public void observations(double[] out) {
        int dO = observationDimension();
        if (out.length < n * dO) {
            throw new IllegalArgumentException("observation buffer has length " + out.length + " but n × dO = " + n
                    + " × " + dO + " = " + n * dO);
        }
        for (int i = 0; i < n; i++) {
            observation(i, out, i * dO);
        }
    }

    private void paperFeatures(int i, double[] out, int offset) {
        long t = time[i];
        double now = value(i, 0);
        for (int k = 0; k < h; k++) {
            int lag = k + 1;
            out[offset + k] = lag <= t ? now - value(i, lag) : 0.0;
        }
        int rows = offset + h;
        int first = preset.firstGradientLag();
        for (int k = 0; k < h; k++) {
            copyGradient(i, k + first, out, rows + k * d);
        }
    }

    private void releasedCodeFeatures(int i, double[] out, int offset) {
        long t = time[i];
        double floor = preset.relativeChangeFloor();
        for (int s = 0; s < h; s++) {
            int lag = h - 1 - s;
            if (lag < t) {
                double previous = value(i, lag + 1);
                double divisor = Math.abs(previous) >= floor ? previous : (previous < 0 ? -floor : floor);
                out[offset + s] = (value(i, lag) - previous) / divisor;
            } else {
                out[offset + s] = 0.0;
            }
        }
        int history = offset + h;
        for (int r = 0; r < h; r++) {
            copyGradient(i, h - r, out, history + r * d);
        }
        int current = history + h * d;
        copyGradient(i, 0, out, current);
        int stepRows = current + d;
        for (int r = 0; r < h; r++) {
            long step = t - (h - 1 - r);
            int to = stepRows + r * d;
            if (step >= 1) {
                System.arraycopy(steps, (i * h + (int) (step % h)) * d, out, to, d);
            } else {
                Arrays.fill(out, to, to + d, 0.0);
            }
        }
    }

    /** f(x_{t−lag}) of problem i; lag ≤ min(t, H). */
    private double value(int i, int lag) {
        return values[i * capacity + (int) ((time[i] - lag) % capacity)];
    }

    /** ∇f(x_{t−lag}) of problem i into out, or zeros when lag &gt; t. */
    private void copyGradient(int i, int lag, double[] out, int to) {
        if (lag <= time[i]) {
            System.arraycopy(gradients, (i * capacity + (int) ((time[i] - lag) % capacity)) * d, out, to, d);
        } else {
            Arrays.fill(out, to, to + d, 0.0);
        }
    }
}
