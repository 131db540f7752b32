package org.l2o4j.dl4j;

import java.util.HashMap;
import java.util.Map;

import org.l2o4j.policy.recurrent.Preprocessing;
import org.l2o4j.policy.recurrent.RecurrentLearnedOptimizer;
import org.l2o4j.policy.recurrent.RecurrentNet;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.GradientUpdater;

/**
 * The working form of a {@link LearnedUpdater} for one block of a DL4J network's parameters (DL4J makes one per run
 * of consecutive parameters that share an updater configuration): it turns the block's gradient into the step DL4J
 * subtracts.
 *
 * <p><b>One step</b> ({@link #applyUpdater}) does what one step of L2O4J's {@link RecurrentLearnedOptimizer} does for
 * the same coordinates, with the same code: the checkpoint's gradient {@link Preprocessing} (log-and-sign or the
 * scaled raw gradient), then one batched step of the recurrent kernel over all coordinates, which advances each
 * coordinate's state and yields its update Δθ. DL4J applies {@code params -= update} (its SGD updater writes
 * {@code lr · g}), so the gradient array receives −Δθ and the parameters move by +Δθ, as in L2O4J. In a DOUBLE network
 * the parameters therefore follow L2O4J's optimizer bit for bit; in a FLOAT network the gradient, the state and the
 * step are rounded to float between steps.
 *
 * <p><b>State.</b> The recurrent state of coordinate n is entries {@code n·S .. n·S+S-1} of the state view array
 * (S = {@link RecurrentNet#stateSize()}), in the kernel's own layout. It is read from and written back to that view on
 * every step and kept nowhere else, so whatever DL4J does to the view (save it with the model, restore it, copy it
 * into a new network) is what the next step continues from. The arrays it is copied through are scratch.
 *
 * <p>Not thread-safe; DL4J calls each block's updater from the thread that fits the network.
 */
public final class LearnedGradientUpdater implements GradientUpdater<LearnedUpdater> {

    /** The key of the recurrent state in {@link #getState()}. */
    public static final String STATE_KEY = "recurrentState";

    private final LearnedUpdater config;
    private final RecurrentNet.Kernel kernel;
    private final Preprocessing preprocessing;
    private final RecurrentNet.Workspace workspace;
    private final int stateSize;

    private INDArray stateView;
    private int coordinates;
    private double[] state;
    private double[] gradient;
    private double[] features;
    private double[] update;

    /** An updater with no state view yet; {@link #setStateViewArray} or {@link #setState} binds one. */
    LearnedGradientUpdater(LearnedUpdater config) {
        this.config = config;
        this.kernel = config.network().kernel();
        this.preprocessing = kernel.net().spec().preprocessing();
        this.workspace = kernel.newWorkspace();
        this.stateSize = kernel.net().stateSize();
    }

    @Override
    public LearnedUpdater getConfig() {
        return config;
    }

    /**
     * Binds {@code viewArray} ({@code S ×} the number of coordinates, contiguous) as this block's recurrent state; with
     * {@code initialize}, puts every coordinate into the network's initial state (zeros for the LSTM, the GRU's learned
     * initial state). The gradient's shape and order do not matter: the network acts on each coordinate alone.
     *
     * @throws IllegalArgumentException if the view's length is not a multiple of S, its data type is neither DOUBLE
     *                                  nor FLOAT, or it is not contiguous
     */
    @Override
    public void setStateViewArray(INDArray viewArray, long[] gradientShape, char gradientOrder, boolean initialize) {
        bind(viewArray, initialize);
    }

    /** Binds {@code stateMap}'s only entry, {@value #STATE_KEY}, as {@link #setStateViewArray} binds a view. */
    @Override
    public void setState(Map<String, INDArray> stateMap, boolean initialize) {
        if (stateMap == null || stateMap.size() != 1 || !stateMap.containsKey(STATE_KEY)) {
            throw new IllegalArgumentException("LearnedGradientUpdater's state map holds exactly one array, '"
                    + STATE_KEY + "'; got keys " + (stateMap == null ? "none" : stateMap.keySet()));
        }
        bind(stateMap.get(STATE_KEY), initialize);
    }

    /** The state view under {@value #STATE_KEY}: the array itself, not a copy. */
    @Override
    public Map<String, INDArray> getState() {
        Map<String, INDArray> m = new HashMap<>();
        m.put(STATE_KEY, stateView);
        return m;
    }

    /**
     * Replaces {@code gradient} in place by the update DL4J subtracts from the parameters, −Δθ, and advances the
     * recurrent state. The iteration and epoch are not read: the recurrent state carries everything the network
     * knows about the past.
     *
     * @throws IllegalStateException    if no state view is bound
     * @throws IllegalArgumentException if the gradient's length is not this block's number of coordinates
     */
    @Override
    public void applyUpdater(INDArray gradient, int iteration, int epoch) {
        if (stateView == null) {
            throw new IllegalStateException("LearnedGradientUpdater has no state view; DL4J binds it through "
                    + "setStateViewArray before the first step");
        }
        FlatVectors.check(gradient, coordinates, "gradient");
        FlatVectors.read(gradient, this.gradient);
        FlatVectors.read(stateView, state);
        preprocessing.apply(this.gradient, 0, coordinates, features);
        kernel.step(features, state, update, 0, coordinates, workspace, null, 0);
        for (int n = 0; n < coordinates; n++) {
            update[n] = -update[n];
        }
        FlatVectors.write(update, gradient);
        FlatVectors.write(state, stateView);
    }

    private void bind(INDArray view, boolean initialize) {
        if (view == null) {
            throw new IllegalArgumentException("LearnedGradientUpdater needs a state array of " + stateSize
                    + " numbers per coordinate; got none");
        }
        long length = view.length();
        if (length == 0 || length % stateSize != 0 || length / stateSize > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("LearnedGradientUpdater's state array must hold " + stateSize
                    + " numbers per coordinate (LearnedUpdater.stateSize), got " + length);
        }
        FlatVectors.check(view, length, "state");
        int n = (int) (length / stateSize);
        if (n != coordinates || state == null) {
            coordinates = n;
            state = new double[Math.toIntExact(length)];
            gradient = new double[n];
            features = new double[Math.multiplyExact(n, preprocessing.features())];
            update = new double[n];
        }
        stateView = view;
        if (initialize) {
            kernel.resetState(state, 0, coordinates);
            FlatVectors.write(state, stateView);
        }
    }
}
