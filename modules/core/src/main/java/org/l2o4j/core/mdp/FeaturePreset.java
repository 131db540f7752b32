package org.l2o4j.core.mdp;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.l2o4j.core.config.Configs;

/**
 * Which history features the optimization MDP keeps, and in which order. Two named presets; the name is stable and,
 * with the other fields, written into checkpoints ({@link #settings()}, {@link #fromSettings(Map)}), because a trained
 * policy only makes sense with the features it was trained on.
 *
 * <h2>{@code paper} (the default): Li &amp; Malik 2017 §5, papers.md §1.2</h2>
 * State {@code [x (d) | Δf (H) | gradients (H·d)]}, observation = the state without x, size H(d+1) (125 for d = 4,
 * H = 25). Histories are <b>newest first</b>; a slot whose lag reaches before x_0 is zero.
 * <ul>
 *   <li>Δf slot k (k = 0..H−1) = f(x_t) − f(x_{t−k−1}), the paper's f(current) − f(i-th most recent location),
 *       i = 2..H+1 (the i = 1 difference would always be 0).</li>
 *   <li>gradient row k = ∇f(x_{t−k}) if {@link #includeCurrentGradient()} (the current gradient x_t down to x_{t−H+1};
 *       the unofficial port's choice and the one that lets the policy express gradient descent), otherwise
 *       ∇f(x_{t−k−1}) (x_{t−1} down to x_{t−H}, the literal reading i = 2..H+1 of §5).</li>
 * </ul>
 *
 * <h2>{@code released-code}: gps.md §2</h2>
 * State {@code [x (d) | relΔf (H) | gradient history (H·d) | ∇f(x_t) (d) | step history (H·d)]}, dX = 2d + H + 2Hd
 * (233 for d = 4), observation = the state without x, dO = 229. Histories are <b>oldest first</b> and zero-padded at
 * the front until H steps exist.
 * <ul>
 *   <li>relΔf slot s (s = 0..H−1) = (f_i − f_{i−1}) / f_{i−1} with i = t − (H−1−s): the last slot is the latest change.</li>
 *   <li>gradient-history row r = ∇f(x_{t−(H−r)}): lags H down to 1; the current gradient has its own block (the momentum
 *       controller of gps.md §4.12 weights lag j by β^j).</li>
 *   <li>step-history row r = Δx_i = x_i − x_{i−1} with i = t − (H−1−r).</li>
 * </ul>
 * The divisor f_{i−1} is replaced by sign(f_{i−1})·max(|f_{i−1}|, {@link #relativeChangeFloor()}) (sign(0) = +1;
 * gps.md §5 item 9): objectives whose minimum is 0 (squared errors, quadratics) would otherwise give ±∞ or NaN
 * features the moment f reaches 0; 1e-12 leaves every ratio of a log-likelihood loss, which is bounded away from 0,
 * untouched.
 *
 * <p>{@link FeatureLayout} gives the exact index of every block; {@link #stateLayout(int)} and
 * {@link #observationLayout(int)} build it for a problem dimension.
 *
 * @param name                   {@value #PAPER} or {@value #RELEASED_CODE}
 * @param historyLength          H, steps of history kept; 25 in both sources
 * @param includeCurrentGradient {@code paper} only: whether the gradient rows start at x_t (true, default) or at
 *                               x_{t−1}; {@code released-code} always has the current gradient and requires true
 * @param relativeChangeFloor    {@code released-code} only: the smallest |divisor| of relΔf; 1e-12
 */
public record FeaturePreset(String name, int historyLength, boolean includeCurrentGradient,
        double relativeChangeFloor) implements Serializable {

    /** Name of Li &amp; Malik §5's features. */
    public static final String PAPER = "paper";
    /** Name of the released code's features (gps.md §2). */
    public static final String RELEASED_CODE = "released-code";
    /** H in both sources. */
    public static final int DEFAULT_HISTORY_LENGTH = 25;
    /** The relΔf divisor floor of gps.md §5 item 9. */
    public static final double DEFAULT_RELATIVE_CHANGE_FLOOR = 1e-12;

    private static final List<String> NAMES = List.of(PAPER, RELEASED_CODE);

    public FeaturePreset {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("unknown feature preset '" + name + "'; the presets are " + NAMES);
        }
        if (historyLength < 1) {
            throw new IllegalArgumentException("historyLength must be >= 1, got " + historyLength);
        }
        if (RELEASED_CODE.equals(name) && !includeCurrentGradient) {
            throw new IllegalArgumentException("preset '" + RELEASED_CODE + "' always holds the current gradient in its "
                    + "own block; includeCurrentGradient=false applies only to '" + PAPER + "'");
        }
        if (!(relativeChangeFloor > 0) || !Double.isFinite(relativeChangeFloor)) {
            throw new IllegalArgumentException("relativeChangeFloor must be positive and finite, got "
                    + relativeChangeFloor);
        }
    }

    /** {@code paper} with H = 25 and the current gradient. */
    public static FeaturePreset paper() {
        return paper(DEFAULT_HISTORY_LENGTH, true);
    }

    /** {@code paper} with the given H and current-gradient convention. */
    public static FeaturePreset paper(int historyLength, boolean includeCurrentGradient) {
        return new FeaturePreset(PAPER, historyLength, includeCurrentGradient, DEFAULT_RELATIVE_CHANGE_FLOOR);
    }

    /** {@code released-code} with H = 25. */
    public static FeaturePreset releasedCode() {
        return releasedCode(DEFAULT_HISTORY_LENGTH);
    }

    /** {@code released-code} with the given H. */
    public static FeaturePreset releasedCode(int historyLength) {
        return new FeaturePreset(RELEASED_CODE, historyLength, true, DEFAULT_RELATIVE_CHANGE_FLOOR);
    }

    /** The preset of that name with its defaults; the error lists the names. */
    public static FeaturePreset named(String name) {
        return switch (name) {
            case PAPER -> paper();
            case RELEASED_CODE -> releasedCode();
            default -> throw new IllegalArgumentException("unknown feature preset '" + name + "'; the presets are "
                    + NAMES);
        };
    }

    /** The preset of that name with history length H and its other defaults. */
    public static FeaturePreset named(String name, int historyLength) {
        return switch (name) {
            case PAPER -> paper(historyLength, true);
            case RELEASED_CODE -> releasedCode(historyLength);
            default -> throw new IllegalArgumentException("unknown feature preset '" + name + "'; the presets are "
                    + NAMES);
        };
    }

    /** Every field by name, in declaration order: what a checkpoint stores. */
    public Map<String, Object> settings() {
        return new LinkedHashMap<>(Configs.toMap(this));
    }

    /**
     * The preset a checkpoint stored: its {@code name} selects the defaults, the other keys override them.
     *
     * @throws IllegalArgumentException if {@code name} is missing or unknown
     * @throws org.l2o4j.core.config.ConfigException if another key is unknown or ill-typed
     */
    public static FeaturePreset fromSettings(Map<String, ?> settings) {
        Object name = settings.get("name");
        if (!(name instanceof String s)) {
            throw new IllegalArgumentException("feature preset settings need a string 'name' (one of " + NAMES
                    + "), got " + name);
        }
        return Configs.bind(settings, named(s), "feature preset '" + s + "'");
    }

    /** Whether this is the {@code released-code} preset (package-private: not a setting, so not serialized). */
    boolean isReleasedCode() {
        return RELEASED_CODE.equals(name);
    }

    /** The lag of the first gradient row: 0 when the current gradient is included, otherwise 1. */
    int firstGradientLag() {
        return includeCurrentGradient ? 0 : 1;
    }

    /** Where every block of the state sits, for problems of dimension d. */
    public FeatureLayout stateLayout(int dimension) {
        return FeatureLayout.of(this, dimension);
    }

    /** Where every block of the observation (the state without x) sits, for problems of dimension d. */
    public FeatureLayout observationLayout(int dimension) {
        return FeatureLayout.of(this, dimension).withoutX();
    }
}
