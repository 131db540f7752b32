package org.l2o4j.gps.init;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.l2o4j.core.mdp.FeatureLayout;
import org.l2o4j.core.mdp.FeaturePreset;
import org.l2o4j.core.rollout.DivergenceRule;
import org.l2o4j.gps.env.Condition;
import org.l2o4j.gps.env.L2oEnvironment;
import org.l2o4j.gps.model.LinearGaussianController;

/**
 * Li &amp; Malik's initial controller (gps.md §4.12): heavy-ball momentum written as a time-varying linear-Gaussian
 * controller on the state, which is possible because the state holds the recent gradients. K_t applies −lr·β^j·I to
 * ∇f(x_{t−j}) for every lag j the state holds (j = 0 … H for {@code released-code}, 0 … H−1 for {@code paper} with
 * the current gradient; found through {@link FeatureLayout#gradientOffset(int)}), k_t = 0 and Σ_t = 0.01·I. The mean
 * step is then the truncated heavy-ball step −lr Σ_j β^j ∇f(x_{t−j}), which equals v_t = β v_{t−1} + ∇f(x_t),
 * Δx = −lr·v_t (v_{−1} = 0) as long as t does not exceed the largest lag, because the history slots before x_0 are
 * zero.
 *
 * <p>The reference sets k = K·s_0, a constant offset −lr·∇f(x_0); that quirk is not copied (gps.md §5 item 13).
 *
 * <p>(β, lr) is chosen per condition by a deterministic grid search: every pair runs the noiseless controller
 * (u_t = K_t s_t) from the condition's initial point for T time steps, and the pair with the smallest final objective
 * f(x_{T−1}) wins, ties going to the earlier pair (β outer, lr inner, both in the given order). A pair whose run
 * diverges scores +∞. All pairs of a condition run as the lanes of one {@link L2oEnvironment}. Li's grid:
 * β ∈ {0.82, 0.84, …, 0.92}, lr ∈ {0.025, 0.05, …, 1.6} doubling.
 *
 * <p>Holds configuration only; safe to share between threads.
 */
public final class MomentumGridInitializer implements ControllerInitializer {

    /** β ∈ {0.82, 0.84, …, 0.92} (gps.md §4.12). */
    public static final List<Double> LI_MALIK_MOMENTA = List.of(0.82, 0.84, 0.86, 0.88, 0.90, 0.92);
    /** lr ∈ {0.025, 0.05, …, 1.6}, doubling (gps.md §4.12). */
    public static final List<Double> LI_MALIK_STEP_SIZES = List.of(0.025, 0.05, 0.1, 0.2, 0.4, 0.8, 1.6);
    /** Σ_t = 0.01·I (gps.md §4.12, §6). */
    public static final double LI_MALIK_ACTION_VARIANCE = 0.01;

    /**
     * The grid search's result for one condition.
     *
     * @param momentum   β
     * @param stepSize   lr
     * @param finalValue f(x_{T−1}) of the noiseless run with this pair
     */
    public record Choice(double momentum, double stepSize, double finalValue) {
    }

    private final FeaturePreset preset;
    private final int horizon;
    private final List<Double> momenta;
    private final List<Double> stepSizes;
    private final double actionVariance;
    private final DivergenceRule divergence;

    /**
     * @param preset         the state features; they must hold the current gradient
     * @param horizon        T ≥ 2
     * @param momenta        the β grid, finite values
     * @param stepSizes      the lr grid, finite values
     * @param actionVariance σ² of Σ_t = σ²·I, positive
     * @param divergence     when a grid run counts as diverged
     */
    public MomentumGridInitializer(FeaturePreset preset, int horizon, List<Double> momenta, List<Double> stepSizes,
            double actionVariance, DivergenceRule divergence) {
        this.preset = Objects.requireNonNull(preset, "preset");
        this.divergence = Objects.requireNonNull(divergence, "divergence");
        if (horizon < 2) {
            throw new IllegalArgumentException("T must be ≥ 2, got " + horizon);
        }
        this.horizon = horizon;
        this.momenta = finiteGrid("momentum β", momenta);
        this.stepSizes = finiteGrid("step size lr", stepSizes);
        if (!(actionVariance > 0) || !Double.isFinite(actionVariance)) {
            throw new IllegalArgumentException("action variance must be positive and finite, got " + actionVariance);
        }
        this.actionVariance = actionVariance;
        requireCurrentGradient(preset.stateLayout(1));
    }

    /** Li &amp; Malik's grid and Σ = 0.01·I, with core's default divergence rule. */
    public static MomentumGridInitializer liMalik(FeaturePreset preset, int horizon) {
        return new MomentumGridInitializer(preset, horizon, LI_MALIK_MOMENTA, LI_MALIK_STEP_SIZES,
                LI_MALIK_ACTION_VARIANCE, DivergenceRule.DEFAULT);
    }

    /** The momentum controller of the pair the grid search chooses for this condition. */
    @Override
    public LinearGaussianController initialController(Condition condition) {
        Choice choice = search(condition);
        return momentumController(preset.stateLayout(condition.dimension()), horizon, choice.stepSize(),
                choice.momentum(), actionVariance);
    }

    /**
     * Runs every (β, lr) pair without noise and returns the one with the smallest f(x_{T−1}).
     *
     * @throws IllegalStateException if every pair diverges
     */
    public Choice search(Condition condition) {
        FeatureLayout layout = preset.stateLayout(condition.dimension());
        List<LinearGaussianController> candidates = new ArrayList<>();
        for (double beta : momenta) {
            for (double lr : stepSizes) {
                candidates.add(momentumController(layout, horizon, lr, beta, actionVariance));
            }
        }
        double[] finalValues = noiselessFinalValues(condition, candidates);
        int best = -1;
        for (int c = 0; c < finalValues.length; c++) {
            // a diverged lane reads NaN; the comparison is false for it, which is scoring it +∞
            if (finalValues[c] < (best < 0 ? Double.POSITIVE_INFINITY : finalValues[best])) {
                best = c;
            }
        }
        if (best < 0) {
            throw new IllegalStateException("every (β, lr) pair of the grid β ∈ " + momenta + ", lr ∈ " + stepSizes
                    + " diverged on " + condition.problem().formula() + " within T = " + horizon
                    + " steps; use smaller step sizes");
        }
        return new Choice(momenta.get(best / stepSizes.size()), stepSizes.get(best % stepSizes.size()),
                finalValues[best]);
    }

    /** f(x_{T−1}) of each controller's noiseless run from the condition's x_0 (NaN where it diverged). */
    private double[] noiselessFinalValues(Condition condition, List<LinearGaussianController> controllers) {
        int lanes = controllers.size();
        L2oEnvironment environment = new L2oEnvironment(preset, horizon, divergence);
        environment.reset(condition, lanes);
        int dX = environment.stateDimension();
        int d = environment.actionDimension();
        double[] state = new double[dX];
        double[] steps = new double[lanes * d];
        for (int t = 0; t < horizon - 1 && !environment.isDone(); t++) {
            for (int lane = 0; lane < lanes; lane++) {
                if (environment.isActive(lane)) {
                    environment.state(lane, state, 0);
                    System.arraycopy(controllers.get(lane).meanAction(state, t), 0, steps, lane * d, d);
                }
            }
            environment.step(steps);
        }
        double[] values = new double[lanes];
        for (int lane = 0; lane < lanes; lane++) {
            values[lane] = environment.cost(lane);
        }
        return values;
    }

    /**
     * The heavy-ball controller over T steps: K_t = −lr Σ_j β^j E_j (E_j selects ∇f(x_{t−j}) from the state, for every
     * lag j the layout holds), k_t = 0, Σ_t = σ²·I; time-invariant.
     *
     * @param stateLayout    the state layout (not the observation's: the local controllers act on s_t)
     * @param horizon        T
     * @param stepSize       lr
     * @param momentum       β
     * @param actionVariance σ²
     * @throws IllegalArgumentException if the layout does not hold the current gradient
     */
    public static LinearGaussianController momentumController(FeatureLayout stateLayout, int horizon,
            double stepSize, double momentum, double actionVariance) {
        requireCurrentGradient(stateLayout);
        if (!stateLayout.hasBlock(FeatureLayout.X)) {
            throw new IllegalArgumentException("the momentum controller acts on the state, but this "
                    + stateLayout.preset().name() + " layout has no x block (is it an observation layout?)");
        }
        int d = stateLayout.problemDimension();
        int dX = stateLayout.dimension();
        double[] gain = new double[d * dX];
        double weight = -stepSize;
        for (int lag = 0; lag <= stateLayout.maxGradientLag(); lag++) {
            int offset = stateLayout.gradientOffset(lag);
            if (offset >= 0) {
                for (int i = 0; i < d; i++) {
                    gain[i * dX + offset + i] = weight;
                }
            }
            weight *= momentum;
        }
        double[][] gains = new double[horizon][];
        for (int t = 0; t < horizon; t++) {
            gains[t] = gain;
        }
        return LinearGaussianController.fromCovariances(dX, d, gains, new double[horizon][d],
                RandomGaussianInitializer.scaledIdentities(horizon, d, actionVariance));
    }

    private static void requireCurrentGradient(FeatureLayout layout) {
        if (layout.gradientOffset(0) < 0) {
            throw new IllegalArgumentException("the " + layout.preset() + " features do not hold the current gradient,"
                    + " so heavy-ball momentum is not a linear controller on them; use includeCurrentGradient=true or"
                    + " the released-code preset");
        }
    }

    private static List<Double> finiteGrid(String what, List<Double> values) {
        if (values == null || values.isEmpty()) {
            throw new IllegalArgumentException("the " + what + " grid needs at least one value, got " + values);
        }
        for (Double v : values) {
            if (v == null || !Double.isFinite(v)) {
                throw new IllegalArgumentException("the " + what + " grid must hold finite values, got " + values);
            }
        }
        return List.copyOf(values);
    }
}
