package org.l2o4j.core.mdp;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The part of the optimization MDP's transition that is known exactly: for a feature preset and problem dimension d,
 * s_{t+1} = A_t s_t + B_t u_t + C_t z_t, where z_t = s_{t+1}[{@link #freshIndices()}] are the d + 1 entries of the new
 * state that no linear map of (s_t, u_t) gives: the newest objective feature and the newest gradient. Everything
 * else is bookkeeping: x ← x + u, histories shift by one slot, the step history gains Δx = u, and in the {@code paper}
 * preset every objective difference f(x_{t+1}) − f(x_{t−k}) is the new difference plus the old one of the next lag.
 *
 * <p>Each fresh entry is a deterministic function of (x_t, u_t) alone (the objective and its gradient at x_t and
 * x_t + u_t), so a dynamics model only has to learn z_t from [x_t; u_t] (gps.md §4.3 fits the whole
 * [s_t; u_t] → s_{t+1} map instead). The maps depend on t only through the zero-padding of the {@code paper}
 * objective differences, whose slot k is zero while k &gt; t; from t = H on they are constant.
 *
 * <p>t is the MDP's time: the number of steps taken since the history was reset at x_0.
 */
public final class KnownTransition implements Serializable {

    private static final long serialVersionUID = 1L;

    /** What a term of a next-state entry multiplies. */
    public enum Source {
        /** An entry of s_t. */
        STATE,
        /** An entry of u_t. */
        ACTION,
        /** An entry of z_t, numbered in the order of {@link #freshIndices()}. */
        FRESH
    }

    /** s_{t+1}[target] += coefficient · source[index]. */
    public record Term(int target, Source source, int index, double coefficient) implements Serializable {
    }

    private final FeaturePreset preset;
    private final FeatureLayout layout;
    private final int d;
    private final int[] fresh;
    /** terms[t] for t = 0..H; later times use terms[H]. */
    private final List<List<Term>> terms;

    private KnownTransition(FeaturePreset preset, int d) {
        this.preset = preset;
        this.layout = preset.stateLayout(d);
        this.d = d;
        int h = preset.historyLength();
        this.fresh = new int[d + 1];
        this.terms = new ArrayList<>(h + 1);
        if (preset.isReleasedCode()) {
            int changes = layout.block(FeatureLayout.RELATIVE_OBJECTIVE_CHANGES).offset();
            fresh[0] = changes + h - 1;
            int current = layout.block(FeatureLayout.CURRENT_GRADIENT).offset();
            for (int j = 0; j < d; j++) {
                fresh[1 + j] = current + j;
            }
            List<Term> list = releasedCodeTerms(h, changes, current);
            for (int t = 0; t <= h; t++) {
                terms.add(list);
            }
        } else {
            int differences = layout.block(FeatureLayout.OBJECTIVE_DIFFERENCES).offset();
            int gradients = layout.block(FeatureLayout.GRADIENT_HISTORY).offset();
            fresh[0] = differences;
            for (int j = 0; j < d; j++) {
                fresh[1 + j] = gradients + j;
            }
            for (int t = 0; t <= h; t++) {
                terms.add(paperTerms(h, differences, gradients, t));
            }
        }
    }

    /**
     * The known transition of {@code preset} for problems of dimension d.
     *
     * @throws IllegalArgumentException if d &lt; 1
     */
    public static KnownTransition of(FeaturePreset preset, int d) {
        return new KnownTransition(preset, d);
    }

    /** The preset. */
    public FeaturePreset preset() {
        return preset;
    }

    /** dX, the state dimension. */
    public int stateDimension() {
        return layout.dimension();
    }

    /** dU = d. */
    public int actionDimension() {
        return d;
    }

    /** The indices of s_{t+1} that hold z_t: the newest objective feature first, then the d gradient entries. */
    public int[] freshIndices() {
        return fresh.clone();
    }

    /** Where x sits in the state: the fresh entries are functions of s_t[x] and u_t only. */
    public FeatureLayout.Block xBlock() {
        return layout.block(FeatureLayout.X);
    }

    /**
     * The terms of s_{t+1} at time t (unmodifiable); every target without a term is zero.
     *
     * @throws IllegalArgumentException if t &lt; 0
     */
    public List<Term> terms(int t) {
        if (t < 0) {
            throw new IllegalArgumentException("time step must be >= 0, got " + t);
        }
        return terms.get(Math.min(t, terms.size() - 1));
    }

    /**
     * next = A_t s + B_t u + C_t z.
     *
     * @throws IllegalArgumentException on a dimension mismatch
     */
    public void apply(int t, double[] state, double[] action, double[] freshValues, double[] next) {
        int dX = stateDimension();
        if (state.length != dX || next.length != dX || action.length != d || freshValues.length != fresh.length) {
            throw new IllegalArgumentException("dimension mismatch: expected s and s' of " + dX + ", u of " + d
                    + " and z of " + fresh.length + "; got " + state.length + ", " + next.length + ", "
                    + action.length + " and " + freshValues.length);
        }
        Arrays.fill(next, 0.0);
        for (Term term : terms(t)) {
            double[] source = switch (term.source()) {
                case STATE -> state;
                case ACTION -> action;
                case FRESH -> freshValues;
            };
            next[term.target()] += term.coefficient() * source[term.index()];
        }
    }

    private List<Term> releasedCodeTerms(int h, int changes, int current) {
        List<Term> list = new ArrayList<>();
        addPositionUpdate(list);
        for (int s = 0; s < h - 1; s++) {
            list.add(new Term(changes + s, Source.STATE, changes + s + 1, 1.0));
        }
        list.add(new Term(changes + h - 1, Source.FRESH, 0, 1.0));
        int history = layout.block(FeatureLayout.GRADIENT_HISTORY).offset();
        for (int r = 0; r < h; r++) {
            int from = r < h - 1 ? history + (r + 1) * d : current;
            for (int j = 0; j < d; j++) {
                list.add(new Term(history + r * d + j, Source.STATE, from + j, 1.0));
            }
        }
        for (int j = 0; j < d; j++) {
            list.add(new Term(current + j, Source.FRESH, 1 + j, 1.0));
        }
        int steps = layout.block(FeatureLayout.STEP_HISTORY).offset();
        for (int r = 0; r < h; r++) {
            for (int j = 0; j < d; j++) {
                list.add(r < h - 1 ? new Term(steps + r * d + j, Source.STATE, steps + (r + 1) * d + j, 1.0)
                        : new Term(steps + r * d + j, Source.ACTION, j, 1.0));
            }
        }
        return List.copyOf(list);
    }

    /**
     * Slot k of the next differences is f(x_{t+1}) − f(x_{t−k}) = z_0 + (slot k−1 now) while its lag k + 1 reaches
     * no further back than x_0, i.e. k ≤ t; gradient rows shift by one lag and row 0 is fresh.
     */
    private List<Term> paperTerms(int h, int differences, int gradients, int t) {
        List<Term> list = new ArrayList<>();
        addPositionUpdate(list);
        list.add(new Term(differences, Source.FRESH, 0, 1.0));
        for (int k = 1; k < h && k <= t; k++) {
            list.add(new Term(differences + k, Source.FRESH, 0, 1.0));
            list.add(new Term(differences + k, Source.STATE, differences + k - 1, 1.0));
        }
        for (int j = 0; j < d; j++) {
            list.add(new Term(gradients + j, Source.FRESH, 1 + j, 1.0));
        }
        for (int k = 1; k < h; k++) {
            for (int j = 0; j < d; j++) {
                list.add(new Term(gradients + k * d + j, Source.STATE, gradients + (k - 1) * d + j, 1.0));
            }
        }
        return List.copyOf(list);
    }

    private void addPositionUpdate(List<Term> list) {
        int x = layout.block(FeatureLayout.X).offset();
        for (int j = 0; j < d; j++) {
            list.add(new Term(x + j, Source.STATE, x + j, 1.0));
            list.add(new Term(x + j, Source.ACTION, j, 1.0));
        }
    }
}
