package org.l2o4j.policy.recurrent;

/**
 * A recurrent network applied to every coordinate of the optimizee separately, with weights shared across
 * coordinates and one recurrent state per coordinate: the learned update rule of Andrychowicz et al. (2016; papers.md
 * §2.1) and Maheswaranathan et al. (2021; §3.2). Per coordinate and step it reads the preprocessed gradient, advances
 * its state and emits the update Δθ = outputScale · (readout of the top hidden state).
 *
 * <p><b>Configuration, parameters and state are kept apart.</b> A {@code RecurrentNet} is the architecture only
 * (immutable); the trained numbers are one flat {@code double[]} in the layout {@link #parameterLayout()} describes;
 * {@link #kernel} turns them into an immutable, thread-safe {@link Kernel} that computes; the per-coordinate recurrent
 * state ({@link #stateSize()} doubles per coordinate, coordinate after coordinate) belongs to the caller, as do the
 * {@link Workspace}s (one per thread) and the {@link Tape} a training pass records into. A caller that only steps
 * the states and never reads them between steps (an optimizer's run) can leave them to the kernel instead, as
 * {@link States} in the kernel's own layout.
 *
 * <p><b>Batching.</b> Coordinates are the batch dimension: every array is indexed by the absolute coordinate n, and
 * every call works on a range {@code from .. to-1}, so a caller can split coordinates between threads. Coordinates
 * never interact inside the network, so the numbers do not depend on how the range is split.
 */
public sealed interface RecurrentNet permits CoordinatewiseLstm, ComponentwiseGru {

    /** The architecture, preprocessing and output scale this network was built from. */
    RecurrentSpec spec();

    /** Length of the flat parameter vector. */
    int parameterCount();

    /** Doubles of recurrent state per coordinate. */
    int stateSize();

    /** Human-readable description of the flat parameter layout, also written into checkpoints. */
    String parameterLayout();

    /** Deterministic initial parameters drawn from {@code seed} (each network documents its rule). */
    double[] initialParameters(long seed);

    /**
     * The computing form of {@code parameters}, which are copied and checked.
     *
     * @throws IllegalArgumentException if the length is not {@link #parameterCount()} or an entry is not finite
     */
    Kernel kernel(double[] parameters);

    /** A tape for unrolls of up to {@code steps} steps over up to {@code coordinates} coordinates. */
    Tape newTape(int steps, int coordinates);

    /** The network with fixed parameters: forward steps and, over a recorded {@link Tape}, the backward pass. */
    interface Kernel {

        /** The network these parameters belong to. */
        RecurrentNet net();

        /** Scratch memory for one thread. */
        Workspace newWorkspace();

        /** Puts coordinates {@code from .. to-1} into the initial state (zeros, or the GRU's learned state). */
        void resetState(double[] state, int from, int to);

        /**
         * The states of {@code coordinates} coordinates, all in the initial state, kept in this kernel's own layout
         * (the double LSTM on the vector path and the single-precision kernels keep them in blocks of coordinates, the
         * latter as floats, so that a step moves and converts no state; the other kernels coordinate after
         * coordinate).
         */
        default States newStates(int coordinates) {
            return new FlatStates(this, coordinates);
        }

        /**
         * One step for coordinates {@code from .. to-1}: reads their features (see {@link Preprocessing}), advances
         * their state in place and writes their updates Δθ into {@code update[n]}.
         *
         * @param tape where to record what the backward pass needs, as step {@code t}; null when not training
         */
        void step(double[] features, double[] state, double[] update, int from, int to, Workspace workspace,
                Tape tape, int t);

        /**
         * Backpropagation through the {@code steps} recorded steps for coordinates {@code from .. to-1}.
         * {@code updateAdjoint[t][n]} is ∂L/∂Δθ_t[n]; the gradient with respect to the parameters is <em>added</em> to
         * {@code parameterGradient} (flat layout). The adjoint of the state the tape started from is dropped
         * (truncated backpropagation), except that with {@code fromInitialState} it flows into learned initial-state
         * parameters (the GRU's).
         *
         * @param featureAdjoint if not null, receives ∂L/∂features in {@code featureAdjoint[t]} (as the features are
         *                       laid out) for the range
         */
        void backward(Tape tape, int steps, double[][] updateAdjoint, boolean fromInitialState, int from, int to,
                Workspace workspace, double[] parameterGradient, double[][] featureAdjoint);

        /**
         * The derivatives of one coordinate's step s' = F(s, x) at the state {@code state} (S = {@link #stateSize()}
         * entries, not changed) and the features {@code featureValues} (F entries): ∂s'/∂s into {@code stateJacobian}
         * and ∂s'/∂x into {@code featureJacobian}, both row-major with one row per entry of s' (S × S and S × F). The
         * analysis of learned optimizers (fixed points, linearized dynamics) is built on it; it follows the recorded
         * forward step exactly, by forward-mode differentiation.
         */
        void linearize(double[] featureValues, double[] state, Workspace workspace, double[] stateJacobian,
                double[] featureJacobian);

        /**
         * The readout is linear in the new state: Δθ = readoutWeights · s' + readoutBias, output scale included. The
         * weights have {@link #stateSize()} entries (zero on state that the readout does not read, such as the
         * LSTM's cells and lower layers).
         */
        double[] readoutWeights();

        /** The constant term of the readout, output scale included. */
        double readoutBias();
    }

    /**
     * The recurrent states of a fixed set of coordinates 0 .. {@link #coordinates()}−1, owned by one caller and kept in
     * the kernel's layout; the numbers are those that {@link Preprocessing#apply} followed by {@link Kernel#step} would
     * give on a state array in the caller's layout, to the bit. Disjoint ranges may be stepped on different threads,
     * each with its own workspace.
     */
    interface States {

        /** Coordinates held. */
        int coordinates();

        /**
         * One step for coordinates {@code from .. to-1} from their gradients {@code gradient[n]}: the network's
         * preprocessing, the step of their states, and their updates Δθ into {@code update[n]}.
         */
        void step(double[] gradient, double[] update, int from, int to, Workspace workspace);

        /**
         * The states of coordinates {@code from .. to-1} in the caller's layout ({@link RecurrentNet#stateSize()}
         * numbers per coordinate, coordinate n's from {@code state[n · stateSize()]}), for whatever reads them from
         * outside.
         */
        void copyTo(double[] state, int from, int to);
    }

    /** The activations of a recorded unroll, owned by one training pass. */
    interface Tape {

        /** Steps it can hold. */
        int steps();

        /** Coordinates it can hold. */
        int coordinates();
    }

    /** Per-thread scratch memory of a {@link Kernel}. */
    interface Workspace {
    }
}
