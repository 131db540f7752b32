package org.l2o4j.policysearch.ppo;

import java.util.random.RandomGenerator;

import org.l2o4j.core.random.Seeds;

/**
 * s' = a·s + b·u with reward −s'², s₀ ~ N(0, 1), for T steps: the gain u = −(a/b)·s zeroes the state in one step and
 * every later reward, so it is optimal for any horizon and any exploration-free policy class containing it.
 */
final class LinearSystem implements BatchEnvironment {

    private final double a;
    private final double b;
    private final int horizon;
    private double[] state = new double[0];
    private long steps;

    LinearSystem(double a, double b, int horizon) {
        this.a = a;
        this.b = b;
        this.horizon = horizon;
    }

    @Override
    public int observationDimension() {
        return 1;
    }

    @Override
    public int actionDimension() {
        return 1;
    }

    @Override
    public int horizon() {
        return horizon;
    }

    @Override
    public void reset(int n, long seed) {
        RandomGenerator rng = Seeds.rng(seed);
        state = new double[n];
        for (int i = 0; i < n; i++) {
            state[i] = rng.nextGaussian();
        }
    }

    @Override
    public void observations(double[] out) {
        System.arraycopy(state, 0, out, 0, state.length);
    }

    @Override
    public void step(double[] actions, double[] rewards) {
        for (int i = 0; i < state.length; i++) {
            state[i] = a * state[i] + b * actions[i];
            rewards[i] = -state[i] * state[i];
        }
        steps += state.length;
    }

    @Override
    public boolean isActive(int i) {
        return true;
    }

    @Override
    public long problemSteps() {
        return steps;
    }
}
