package org.l2o4j.policy.recurrent;

import java.util.Arrays;
import java.util.random.RandomGenerator;

import org.l2o4j.core.random.Seeds;

/**
 * Maheswaranathan et al.'s component-wise GRU optimizer (2021; papers.md §3.2; renn {@code cwrnn} with the GRU of
 * {@code renn/rnn/cells.py}): one GRU layer of H units run on every coordinate with shared weights, a learned initial
 * state and a zero-initialized linear readout, Δθ = outputScale · (w_out · h' + b_out). With x the features:
 * <pre>
 *   u = σ(W_u x + U_u h + b_u)
 *   r = σ(W_r x + U_r h + b_r)
 *   c = tanh(W_c x + U_c (r ⊙ h) + b_c)
 *   h' = u ⊙ h + (1 − u) ⊙ c
 * </pre>
 *
 * <p><b>Parameter layout</b> (one flat array, blocks row-major):
 * W_x (I rows × 3H, columns u | r | c) | U_ur (H rows × 2H, columns u | r) | U_c (H × H) | b (3H: u | r | c) |
 * h_0 (H, the learned initial state) | w_out (H) | b_out (1). Row k of a block weighs input k into every unit.
 *
 * <p><b>State</b> per coordinate: h, H doubles, starting at h_0.
 *
 * <p><b>Initialization</b> from the seed, in layout order: W_x, U_ur and U_c ~ N(0, 1/(I + H)) (the LSTM's rule:
 * input and recurrent weights together have unit fan-in variance), b = 0, h_0 = 0, and the readout zero, as renn
 * initializes it, so that the untrained optimizer makes no step.
 *
 * <p><b>Computation.</b> Where {@link Dense#VECTOR} holds, whole blocks of coordinates run on {@link VectorGru} (one
 * coordinate per vector lane); the coordinates of a range before its first whole block and after its last run on the
 * scalar loops here. Both give the same bits (each lane does the scalar operations in their order), so the results do
 * not depend on the machine's vectors, on how a range is split, or on the thread count.
 *
 * <p><b>Single precision.</b> With {@link Precision#FLOAT} in the spec, {@link #kernel} and {@link #newTape} run the
 * steps and the backward pass on {@link FloatGru} with a tape of floats; the parameters, the state array (starting at
 * h_0 rounded to single precision) and the parameter gradient stay double (see {@link Precision}). Its
 * {@link Kernel#linearize} and readout are those of the double network with the same parameters.
 */
public final class ComponentwiseGru implements RecurrentNet {

    private final RecurrentSpec spec;
    private final int hidden;
    private final int features;
    private final int inputWeightsOffset;
    private final int recurrentGatesOffset;
    private final int recurrentCandidateOffset;
    private final int biasOffset;
    private final int initialStateOffset;
    private final int readoutOffset;
    private final int parameterCount;

    ComponentwiseGru(RecurrentSpec spec) {
        if (spec.cell() != RecurrentSpec.Cell.GRU) {
            throw new IllegalArgumentException("ComponentwiseGru needs a gru spec, got " + spec.cell());
        }
        this.spec = spec;
        this.hidden = spec.hiddenUnits();
        this.features = spec.preprocessing().features();
        long h = hidden;
        long count = features * 3 * h + h * 2 * h + h * h + 3 * h + h + h + 1;
        if (count > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a GRU of " + hidden + " units has more parameters than a Java array "
                    + "holds");
        }
        this.inputWeightsOffset = 0;
        this.recurrentGatesOffset = features * 3 * hidden;
        this.recurrentCandidateOffset = recurrentGatesOffset + hidden * 2 * hidden;
        this.biasOffset = recurrentCandidateOffset + hidden * hidden;
        this.initialStateOffset = biasOffset + 3 * hidden;
        this.readoutOffset = initialStateOffset + hidden;
        this.parameterCount = (int) count;
    }

    @Override
    public RecurrentSpec spec() {
        return spec;
    }

    @Override
    public int parameterCount() {
        return parameterCount;
    }

    @Override
    public int stateSize() {
        return hidden;
    }

    @Override
    public String parameterLayout() {
        return "W_x (features rows x 3*hidden, row-major, columns u|r|c) | U_ur (hidden x 2*hidden, columns u|r) | "
                + "U_c (hidden x hidden) | b (3*hidden, u|r|c) | h0 (hidden) | w_out (hidden) | b_out (1)";
    }

    /** Offset of the learned initial state h_0. */
    public int initialStateOffset() {
        return initialStateOffset;
    }

    /** Offset of the readout weights w_out (b_out follows them). */
    public int readoutOffset() {
        return readoutOffset;
    }

    @Override
    public double[] initialParameters(long seed) {
        double[] theta = new double[parameterCount];
        Dense.gaussian(theta, inputWeightsOffset, biasOffset, 1 / Math.sqrt(features + hidden), Seeds.rng(seed));
        return theta;
    }

    @Override
    public Kernel kernel(double[] parameters) {
        if (spec.precision() == Precision.FLOAT) {
            spec.precision().requireSupported();
            return new FloatGruKernel(new GruKernel(Dense.checkedCopy(parameters, parameterCount), false));
        }
        return kernel(parameters, true);
    }

    /** {@link #kernel}, on the scalar loops alone unless {@code vectorized} and {@link Dense#VECTOR} (tests compare). */
    Kernel kernel(double[] parameters, boolean vectorized) {
        return new GruKernel(Dense.checkedCopy(parameters, parameterCount), vectorized && Dense.VECTOR);
    }

    @Override
    public Tape newTape(int steps, int coordinates) {
        if (spec.precision() == Precision.FLOAT) {
            spec.precision().requireSupported();
            Dense.checkTapeSize(steps, coordinates);
            return new FloatGru.Tape(this, steps, coordinates, features, hidden);
        }
        return new GruTape(steps, coordinates);
    }

    private void checkGradientLength(double[] parameterGradient) {
        if (parameterGradient.length != parameterCount) {
            throw new IllegalArgumentException("parameterGradient has " + parameterGradient.length
                    + " entries, the network has " + parameterCount);
        }
    }

    /** Zeroes a workspace's parameter-gradient accumulators before a backward pass. */
    private void clearGradients(GruWorkspace ws) {
        Dense.zero(ws.inputWeightGradient);
        Dense.zero(ws.recurrentGateGradient);
        Dense.zero(ws.recurrentCandidateGradient);
        ws.inputWeightOuterProducts.clear();
        ws.recurrentGateOuterProducts.clear();
        ws.recurrentCandidateOuterProducts.clear();
        Arrays.fill(ws.biasGradient, 0.0);
        Arrays.fill(ws.initialStateGradient, 0.0);
        Arrays.fill(ws.readoutGradient, 0.0);
    }

    /** Adds a workspace's accumulated parameter gradient into the flat {@code parameterGradient}. */
    private void addGradients(GruWorkspace ws, double[] parameterGradient) {
        Dense.addRows(ws.inputWeightGradient, 3 * hidden, parameterGradient, inputWeightsOffset);
        Dense.addRows(ws.recurrentGateGradient, 2 * hidden, parameterGradient, recurrentGatesOffset);
        Dense.addRows(ws.recurrentCandidateGradient, hidden, parameterGradient, recurrentCandidateOffset);
        Dense.add(ws.biasGradient, parameterGradient, biasOffset);
        Dense.add(ws.initialStateGradient, parameterGradient, initialStateOffset);
        Dense.add(ws.readoutGradient, parameterGradient, readoutOffset);
    }

    private GruWorkspace checkWorkspace(Workspace workspace) {
        if (!(workspace instanceof GruWorkspace ws) || ws.owner() != this) {
            throw new IllegalArgumentException("the workspace was not made by this GRU's kernel (use "
                    + "kernel.newWorkspace)");
        }
        return ws;
    }

    /** Per step t: the features, h before the step and u, r, c; each array in {@link Dense#BLOCK}s of coordinates. */
    private final class GruTape implements Tape {
        private final int steps;
        private final int coordinates;
        private final double[][] inputs;
        private final double[][] stateBefore;
        private final double[][] gates;

        GruTape(int steps, int coordinates) {
            Dense.checkTapeSize(steps, coordinates);
            this.steps = steps;
            this.coordinates = coordinates;
            inputs = new double[steps][Dense.tapeLength(coordinates, features)];
            stateBefore = new double[steps][Dense.tapeLength(coordinates, hidden)];
            gates = new double[steps][Dense.tapeLength(coordinates, 3 * hidden)];
        }

        @Override
        public int steps() {
            return steps;
        }

        @Override
        public int coordinates() {
            return coordinates;
        }

        ComponentwiseGru owner() {
            return ComponentwiseGru.this;
        }
    }

    private final class GruWorkspace implements Workspace {
        final double[] h = new double[hidden];
        final double[] zx = new double[3 * hidden];
        final double[] zr = new double[2 * hidden];
        final double[] zc = new double[hidden];
        final double[] rh = new double[hidden];
        final double[] dh = new double[hidden];
        final double[] dz = new double[3 * hidden];
        final double[] drh = new double[hidden];
        final double[] dhBefore = new double[hidden];
        final double[] dx = new double[features];
        /** One coordinate's taped numbers of one step, for the scalar backward pass. */
        final double[] tapedInputs = new double[features];
        final double[] tapedState = new double[hidden];
        final double[] tapedGates = new double[3 * hidden];
        final double[][] inputWeightGradient = new double[features][3 * hidden];
        final double[][] recurrentGateGradient = new double[hidden][2 * hidden];
        final double[][] recurrentCandidateGradient = new double[hidden][hidden];
        final OuterProductBuffer inputWeightOuterProducts = new OuterProductBuffer(inputWeightGradient);
        final OuterProductBuffer recurrentGateOuterProducts = new OuterProductBuffer(recurrentGateGradient);
        final OuterProductBuffer recurrentCandidateOuterProducts =
                new OuterProductBuffer(recurrentCandidateGradient);
        final double[] biasGradient = new double[3 * hidden];
        final double[] initialStateGradient = new double[hidden];
        final double[] readoutGradient = new double[hidden + 1];
        /** Scratch of the double vector path, null without it. */
        final VectorGru.Scratch block = Dense.VECTOR && spec.precision() == Precision.DOUBLE
                ? new VectorGru.Scratch(VectorCells.LANES, features, hidden) : null;
        /** Scratch of the single-precision kernel, null in double. */
        final FloatGru.Scratch floatBlock = spec.precision() == Precision.FLOAT
                ? new FloatGru.Scratch(features, hidden) : null;

        ComponentwiseGru owner() {
            return ComponentwiseGru.this;
        }
    }

    private final class GruKernel implements Kernel {
        private final double[][] inputRows;
        private final double[][] inputColumns;
        private final double[][] gateRows;
        private final double[][] gateColumns;
        private final double[][] candidateRows;
        private final double[][] candidateColumns;
        private final double[] bias;
        private final double[] initialState;
        private final double[] readout;
        private final double readoutBias;
        private final double scale;
        /** The vector path for whole blocks of coordinates, or null (see {@link Dense#VECTOR}). */
        private final VectorGru vector;

        GruKernel(double[] theta, boolean vectorized) {
            inputRows = Dense.rows(theta, inputWeightsOffset, features, 3 * hidden);
            inputColumns = Dense.columns(theta, inputWeightsOffset, features, 3 * hidden);
            gateRows = Dense.rows(theta, recurrentGatesOffset, hidden, 2 * hidden);
            gateColumns = Dense.columns(theta, recurrentGatesOffset, hidden, 2 * hidden);
            candidateRows = Dense.rows(theta, recurrentCandidateOffset, hidden, hidden);
            candidateColumns = Dense.columns(theta, recurrentCandidateOffset, hidden, hidden);
            bias = Arrays.copyOfRange(theta, biasOffset, biasOffset + 3 * hidden);
            initialState = Arrays.copyOfRange(theta, initialStateOffset, initialStateOffset + hidden);
            readout = Arrays.copyOfRange(theta, readoutOffset, readoutOffset + hidden);
            readoutBias = theta[readoutOffset + hidden];
            scale = spec.outputScale();
            vector = vectorized ? new VectorGru(features, hidden, inputRows, inputColumns, gateRows, gateColumns,
                    candidateRows, candidateColumns, bias, readout, readoutBias, scale) : null;
        }

        @Override
        public RecurrentNet net() {
            return ComponentwiseGru.this;
        }

        @Override
        public Workspace newWorkspace() {
            return new GruWorkspace();
        }

        @Override
        public void resetState(double[] state, int from, int to) {
            for (int n = from; n < to; n++) {
                System.arraycopy(initialState, 0, state, n * hidden, hidden);
            }
        }

        @Override
        public void step(double[] featureValues, double[] state, double[] update, int from, int to,
                Workspace workspace, Tape tape, int t) {
            GruWorkspace ws = checkWorkspace(workspace);
            GruTape tp = tape == null ? null : checkTape(tape, t + 1, to);
            Dense.checkRange(from, to, update.length, "update");
            Dense.checkRange(from, to, featureValues.length / features, "features");
            Dense.checkRange(from, to, state.length / hidden, "state");
            int n = from;
            if (vector != null) {
                VectorGru.Scratch s = ws.block;
                n = Math.min(to, Dense.blockStart(from));
                scalarStep(featureValues, state, update, from, n, ws, tp, t);
                for (; n + s.lanes <= to; n += s.lanes) {
                    if (tp == null) {
                        vector.step(featureValues, state, update, n, s, null, null, null);
                    } else {
                        vector.step(featureValues, state, update, n, s, tp.inputs[t], tp.stateBefore[t],
                                tp.gates[t]);
                    }
                }
            }
            scalarStep(featureValues, state, update, n, to, ws, tp, t);
        }

        /** {@link #step} one coordinate at a time: the reference the vector path reproduces, and its remainder. */
        private void scalarStep(double[] featureValues, double[] state, double[] update, int from, int to,
                GruWorkspace ws, GruTape tp, int t) {
            double[] h = ws.h;
            double[] zx = ws.zx;
            double[] zr = ws.zr;
            double[] zc = ws.zc;
            double[] rh = ws.rh;
            for (int n = from; n < to; n++) {
                int base = n * hidden;
                System.arraycopy(state, base, h, 0, hidden);
                System.arraycopy(bias, 0, zx, 0, 3 * hidden);
                Dense.accumulate(zx, 3 * hidden, inputRows, featureValues, n * features, features);
                Arrays.fill(zr, 0.0);
                Dense.accumulate(zr, 2 * hidden, gateRows, h, 0, hidden);
                for (int j = 0; j < 2 * hidden; j++) {
                    zx[j] += zr[j];
                }
                Dense.sigmoid(zx, 2 * hidden);
                for (int j = 0; j < hidden; j++) {
                    rh[j] = zx[hidden + j] * h[j];
                }
                System.arraycopy(zx, 2 * hidden, zc, 0, hidden);
                Dense.accumulate(zc, hidden, candidateRows, rh, 0, hidden);
                Dense.tanh(zc, zc, hidden);
                System.arraycopy(zc, 0, zx, 2 * hidden, hidden);
                double out = readoutBias;
                for (int j = 0; j < hidden; j++) {
                    double u = zx[j];
                    double next = u * h[j] + (1 - u) * zc[j];
                    state[base + j] = next;
                    out += readout[j] * next;
                }
                update[n] = scale * out;
                if (tp != null) {
                    Dense.toTape(featureValues, n * features, features, tp.inputs[t], n);
                    Dense.toTape(h, 0, hidden, tp.stateBefore[t], n);
                    Dense.toTape(zx, 0, 3 * hidden, tp.gates[t], n);
                }
            }
        }

        @Override
        public void backward(Tape tape, int steps, double[][] updateAdjoint, boolean fromInitialState, int from,
                int to, Workspace workspace, double[] parameterGradient, double[][] featureAdjoint) {
            GruWorkspace ws = checkWorkspace(workspace);
            GruTape tp = checkTape(tape, steps, to);
            checkGradientLength(parameterGradient);
            clearGradients(ws);
            int first = from;
            if (vector != null) {
                VectorGru.Scratch s = ws.block;
                first = Math.min(to, Dense.blockStart(from));
                scalarBackward(tp, steps, updateAdjoint, fromInitialState, from, first, ws, featureAdjoint);
                // The blocks add straight into the weight gradients, after the pairs of the coordinates before them.
                ws.inputWeightOuterProducts.flush();
                ws.recurrentGateOuterProducts.flush();
                ws.recurrentCandidateOuterProducts.flush();
                for (; first + s.lanes <= to; first += s.lanes) {
                    vector.backward(steps, updateAdjoint, fromInitialState, first, s, tp.inputs, tp.stateBefore,
                            tp.gates, ws.inputWeightGradient, ws.recurrentGateGradient,
                            ws.recurrentCandidateGradient, ws.biasGradient, ws.initialStateGradient,
                            ws.readoutGradient, featureAdjoint);
                }
            }
            scalarBackward(tp, steps, updateAdjoint, fromInitialState, first, to, ws, featureAdjoint);
            ws.inputWeightOuterProducts.flush();
            ws.recurrentGateOuterProducts.flush();
            ws.recurrentCandidateOuterProducts.flush();
            addGradients(ws, parameterGradient);
        }

        /**
         * {@link #backward} one coordinate at a time into the workspace's accumulators: the reference the vector path
         * reproduces, and its remainder.
         */
        private void scalarBackward(GruTape tp, int steps, double[][] updateAdjoint, boolean fromInitialState,
                int from, int to, GruWorkspace ws, double[][] featureAdjoint) {
            double[] dh = ws.dh;
            double[] dz = ws.dz;
            double[] drh = ws.drh;
            double[] rh = ws.rh;
            double[] dhBefore = ws.dhBefore;
            double[] before = ws.tapedState;
            double[] gates = ws.tapedGates;
            int gatesWidth = 3 * hidden;
            for (int n = from; n < to; n++) {
                Arrays.fill(dh, 0.0);
                for (int t = steps - 1; t >= 0; t--) {
                    double a = scale * updateAdjoint[t][n];
                    Dense.fromTape(tp.stateBefore[t], n, hidden, before, 0);
                    Dense.fromTape(tp.gates[t], n, gatesWidth, gates, 0);
                    Dense.fromTape(tp.inputs[t], n, features, ws.tapedInputs, 0);
                    for (int j = 0; j < hidden; j++) {
                        double u = gates[j];
                        double c = gates[2 * hidden + j];
                        double hb = before[j];
                        ws.readoutGradient[j] += a * (u * hb + (1 - u) * c);
                        double dhj = dh[j] + a * readout[j];
                        dz[j] = dhj * (hb - c) * u * (1 - u);
                        dz[2 * hidden + j] = dhj * (1 - u) * (1 - c * c);
                        dhBefore[j] = dhj * u;
                        rh[j] = gates[hidden + j] * hb;
                    }
                    ws.readoutGradient[hidden] += a;
                    Arrays.fill(drh, 0.0);
                    Dense.accumulate(drh, hidden, candidateColumns, dz, 2 * hidden, hidden);
                    for (int j = 0; j < hidden; j++) {
                        double r = gates[hidden + j];
                        dz[hidden + j] = drh[j] * before[j] * r * (1 - r);
                        dhBefore[j] += drh[j] * r;
                    }
                    Dense.accumulate(dhBefore, hidden, gateColumns, dz, 0, 2 * hidden);
                    ws.recurrentCandidateOuterProducts.add(rh, 0, dz, 2 * hidden);
                    ws.recurrentGateOuterProducts.add(before, 0, dz, 0);
                    ws.inputWeightOuterProducts.add(ws.tapedInputs, 0, dz, 0);
                    for (int j = 0; j < gatesWidth; j++) {
                        ws.biasGradient[j] += dz[j];
                    }
                    if (featureAdjoint != null) {
                        Arrays.fill(ws.dx, 0.0);
                        Dense.accumulate(ws.dx, features, inputColumns, dz, 0, gatesWidth);
                        System.arraycopy(ws.dx, 0, featureAdjoint[t], n * features, features);
                    }
                    System.arraycopy(dhBefore, 0, dh, 0, hidden);
                }
                if (fromInitialState) {
                    for (int j = 0; j < hidden; j++) {
                        ws.initialStateGradient[j] += dh[j];
                    }
                }
            }
        }

        @Override
        public void linearize(double[] featureValues, double[] state, Workspace workspace, double[] stateJacobian,
                double[] featureJacobian) {
            checkLinearization(featureValues, state, stateJacobian, featureJacobian);
            GruTape tp = new GruTape(1, 1);
            step(featureValues, state.clone(), new double[1], 0, 1, workspace, tp, 0);
            double[] h = new double[hidden];
            double[] gates = new double[3 * hidden];
            Dense.fromTape(tp.stateBefore[0], 0, hidden, h, 0);
            Dense.fromTape(tp.gates[0], 0, 3 * hidden, gates, 0);
            double[] dResetPart = new double[hidden];
            double[] drh = new double[hidden];
            double[] dzc = new double[hidden];
            for (int direction = 0; direction < hidden + features; direction++) {
                boolean isState = direction < hidden;
                int k = isState ? direction : direction - hidden;
                double[] weights = isState ? gateRows[k] : inputRows[k];
                for (int m = 0; m < hidden; m++) {
                    double r = gates[hidden + m];
                    dResetPart[m] = r * (1 - r) * weights[hidden + m];
                    drh[m] = dResetPart[m] * h[m] + (isState && m == k ? r : 0.0);
                }
                java.util.Arrays.fill(dzc, 0.0);
                if (!isState) {
                    System.arraycopy(inputRows[k], 2 * hidden, dzc, 0, hidden);
                }
                Dense.accumulate(dzc, hidden, candidateRows, drh, 0, hidden);
                for (int j = 0; j < hidden; j++) {
                    double u = gates[j];
                    double c = gates[2 * hidden + j];
                    double du = u * (1 - u) * weights[j];
                    double dc = (1 - c * c) * dzc[j];
                    double value = du * (h[j] - c) + (1 - u) * dc + (isState && j == k ? u : 0.0);
                    if (isState) {
                        stateJacobian[j * hidden + k] = value;
                    } else {
                        featureJacobian[j * features + k] = value;
                    }
                }
            }
        }

        @Override
        public double[] readoutWeights() {
            double[] w = readout.clone();
            for (int j = 0; j < hidden; j++) {
                w[j] *= scale;
            }
            return w;
        }

        @Override
        public double readoutBias() {
            return scale * readoutBias;
        }

        private void checkLinearization(double[] featureValues, double[] state, double[] stateJacobian,
                double[] featureJacobian) {
            if (featureValues.length != features || state.length != hidden || stateJacobian.length != hidden * hidden
                    || featureJacobian.length != hidden * features) {
                throw new IllegalArgumentException("linearize needs " + features + " features, " + hidden
                        + " state entries and Jacobians of " + hidden * hidden + " and " + hidden * features
                        + " entries, got " + featureValues.length + ", " + state.length + ", "
                        + stateJacobian.length + ", " + featureJacobian.length);
            }
        }

        private GruTape checkTape(Tape tape, int steps, int to) {
            if (!(tape instanceof GruTape tp) || tp.owner() != ComponentwiseGru.this) {
                throw new IllegalArgumentException("the tape was not made by this GRU (use net.newTape)");
            }
            Dense.checkTapeHolds(tp, steps, to);
            return tp;
        }
    }

    /**
     * The kernel of a {@link Precision#FLOAT} network: steps and backward passes on {@link FloatGru}, every block of a
     * range there; the initial state h_0 rounded to single precision; linearization and readout from the double
     * kernel of the same parameters.
     */
    private final class FloatGruKernel implements Kernel {
        private final GruKernel reference;
        private final FloatGru cells;
        private final double[] initialState;

        FloatGruKernel(GruKernel reference) {
            this.reference = reference;
            this.cells = new FloatGru(features, hidden, reference.inputRows, reference.inputColumns,
                    reference.gateRows, reference.gateColumns, reference.candidateRows, reference.candidateColumns,
                    reference.bias, reference.readout, reference.readoutBias, reference.scale);
            this.initialState = new double[hidden];
            for (int j = 0; j < hidden; j++) {
                initialState[j] = (float) reference.initialState[j];
            }
        }

        @Override
        public RecurrentNet net() {
            return ComponentwiseGru.this;
        }

        @Override
        public Workspace newWorkspace() {
            return new GruWorkspace();
        }

        @Override
        public void resetState(double[] state, int from, int to) {
            for (int n = from; n < to; n++) {
                System.arraycopy(initialState, 0, state, n * hidden, hidden);
            }
        }

        /** The states as floats in blocks ({@link FloatBlockStates}): a step moves and converts no state. */
        @Override
        public States newStates(int coordinates) {
            return new FloatBlockStates(ComponentwiseGru.this, coordinates, initialState,
                    (featureValues, state, update, from, to, workspace) -> cells.stepBlocks(featureValues, state,
                            update, from, to, checkWorkspace(workspace).floatBlock));
        }

        @Override
        public void step(double[] featureValues, double[] state, double[] update, int from, int to,
                Workspace workspace, Tape tape, int t) {
            GruWorkspace ws = checkWorkspace(workspace);
            FloatGru.Tape tp = tape == null ? null : checkFloatTape(tape, t + 1, to);
            Dense.checkRange(from, to, update.length, "update");
            Dense.checkRange(from, to, featureValues.length / features, "features");
            Dense.checkRange(from, to, state.length / hidden, "state");
            int lanes = FloatCells.LANES;
            for (int n0 = from / lanes * lanes; n0 < to; n0 += lanes) {
                cells.step(featureValues, state, update, n0, Math.max(from - n0, 0), Math.min(to - n0, lanes),
                        ws.floatBlock, tp, t);
            }
        }

        @Override
        public void backward(Tape tape, int steps, double[][] updateAdjoint, boolean fromInitialState, int from,
                int to, Workspace workspace, double[] parameterGradient, double[][] featureAdjoint) {
            GruWorkspace ws = checkWorkspace(workspace);
            FloatGru.Tape tp = checkFloatTape(tape, steps, to);
            checkGradientLength(parameterGradient);
            clearGradients(ws);
            FloatGru.Scratch s = ws.floatBlock;
            int lanes = FloatCells.LANES;
            for (int n0 = from / lanes * lanes; n0 < to; n0 += lanes) {
                cells.backward(steps, updateAdjoint, fromInitialState, n0, Math.max(from - n0, 0),
                        Math.min(to - n0, lanes), s, tp, ws.initialStateGradient, ws.readoutGradient, featureAdjoint);
                if ((n0 + lanes) % FloatCells.CHUNK == 0 || n0 + lanes >= to) {
                    cells.addPairs(s, ws.inputWeightGradient, ws.recurrentGateGradient,
                            ws.recurrentCandidateGradient, ws.biasGradient);
                }
            }
            addGradients(ws, parameterGradient);
        }

        @Override
        public void linearize(double[] featureValues, double[] state, Workspace workspace, double[] stateJacobian,
                double[] featureJacobian) {
            reference.linearize(featureValues, state, workspace, stateJacobian, featureJacobian);
        }

        @Override
        public double[] readoutWeights() {
            return reference.readoutWeights();
        }

        @Override
        public double readoutBias() {
            return reference.readoutBias();
        }

        private FloatGru.Tape checkFloatTape(Tape tape, int steps, int to) {
            if (!(tape instanceof FloatGru.Tape tp) || tp.owner != ComponentwiseGru.this) {
                throw new IllegalArgumentException("the tape was not made by this GRU (use net.newTape)");
            }
            Dense.checkTapeHolds(tp, steps, to);
            return tp;
        }
    }
}
