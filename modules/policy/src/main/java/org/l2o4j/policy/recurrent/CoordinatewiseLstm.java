package org.l2o4j.policy.recurrent;

import java.util.Arrays;
import java.util.random.RandomGenerator;

import org.l2o4j.core.random.Seeds;

/**
 * Andrychowicz et al.'s coordinatewise LSTM optimizer (2016; papers.md §2.1; DeepMind's {@code
 * CoordinateWiseDeepLSTM}): a stack of L LSTM layers of H units (2 × 20 in the paper) run on every coordinate with
 * shared weights, and a linear readout of one number per coordinate: Δθ = outputScale · (w_out · h_top + b_out).
 *
 * <p>Layer l reads v = [input (I_l) ; its own previous h (H)], with I_0 the number of features and I_l = H above:
 * <pre>
 *   z = Wᵀ v + b,  z = [z_i | z_f | z_g | z_o] (H each)
 *   i = σ(z_i), f = σ(z_f), g = tanh(z_g), o = σ(z_o)
 *   c' = f ⊙ c + i ⊙ g,   h' = o ⊙ tanh(c')
 * </pre>
 *
 * <p><b>Parameter layout</b> (one flat array): for each layer l = 0 .. L−1 in turn, W_l as (I_l + H) rows of 4H
 * (row k weighs v_k into the four gates, columns in the order i, f, g, o), then b_l (4H); after the last layer
 * w_out (H) and b_out (1).
 *
 * <p><b>State</b> per coordinate: [h_0 | c_0 | h_1 | c_1 | …], 2·L·H doubles, zero initially (DeepMind's zero initial
 * state; it is not trained).
 *
 * <p><b>Initialization</b> from the seed, in layout order: W_l ~ N(0, 1/(I_l + H)) (unit-variance pre-activations
 * for unit-variance inputs), b_l = 0 except the forget gate's b_f = 1 (the usual forget bias, Sonnet's default
 * {@code forget_bias}, so that the cell remembers from the start), w_out ~ N(0, 1/H), b_out = 0. The paper does not
 * give its initialization.
 *
 * <p><b>Computation.</b> Where {@link Dense#VECTOR} holds, whole blocks of coordinates run on {@link VectorLstm} (one
 * coordinate per vector lane); the coordinates of a range before its first whole block and after its last run on the
 * scalar loops here. Both give the same bits (each lane does the scalar operations in their order), so the results do
 * not depend on the machine's vectors, on how a range is split, or on the thread count.
 *
 * <p><b>Single precision.</b> With {@link Precision#FLOAT} in the spec, {@link #kernel} and {@link #newTape} run the
 * steps and the backward pass on {@link FloatLstm} (every coordinate, partial blocks included) with a tape of floats;
 * the parameters, the state array and the parameter gradient stay double (see {@link Precision}), except that the
 * states of {@link Kernel#newStates} are kept as floats in blocks ({@link FloatBlockStates}). Its
 * {@link Kernel#linearize} and readout are those of the double network with the same parameters: the exact map that
 * the float kernel rounds.
 */
public final class CoordinatewiseLstm implements RecurrentNet {

    private final RecurrentSpec spec;
    private final int layers;
    private final int hidden;
    private final int features;
    private final int[] weightOffset;
    private final int[] biasOffset;
    private final int readoutOffset;
    private final int parameterCount;

    CoordinatewiseLstm(RecurrentSpec spec) {
        if (spec.cell() != RecurrentSpec.Cell.LSTM) {
            throw new IllegalArgumentException("CoordinatewiseLstm needs an lstm spec, got " + spec.cell());
        }
        this.spec = spec;
        this.layers = spec.layers();
        this.hidden = spec.hiddenUnits();
        this.features = spec.preprocessing().features();
        // The count in closed form first (in double, which cannot overflow here), so that a claim of millions of
        // layers is refused before the offset tables below are allocated for it.
        double h = hidden;
        double total = (features + h) * 4 * h + 4 * h + (layers - 1) * (2 * h * 4 * h + 4 * h) + h + 1;
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("an LSTM of " + layers + " × " + hidden
                    + " units has more parameters than a Java array holds");
        }
        this.weightOffset = new int[layers];
        this.biasOffset = new int[layers];
        long offset = 0;
        for (int l = 0; l < layers; l++) {
            weightOffset[l] = (int) offset;
            offset += (long) (inputs(l) + hidden) * 4 * hidden;
            biasOffset[l] = (int) offset;
            offset += 4L * hidden;
            if (offset > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("an LSTM of " + layers + " × " + hidden
                        + " units has more parameters than a Java array holds");
            }
        }
        this.readoutOffset = (int) offset;
        this.parameterCount = readoutOffset + hidden + 1;
    }

    /** Inputs of layer l besides its own recurrent state. */
    private int inputs(int l) {
        return l == 0 ? features : hidden;
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
        return 2 * layers * hidden;
    }

    @Override
    public String parameterLayout() {
        return "for each layer l: W_l ((inputs_l + hidden) rows x 4*hidden, row-major, gate columns i|f|g|o) | b_l "
                + "(4*hidden); then w_out (hidden) | b_out (1); inputs_0 = features, inputs_l = hidden above";
    }

    /** Offset of layer l's weights W_l. */
    public int weightOffset(int l) {
        return weightOffset[l];
    }

    /** Offset of layer l's biases b_l. */
    public int biasOffset(int l) {
        return biasOffset[l];
    }

    /** Offset of the readout weights w_out (b_out follows them). */
    public int readoutOffset() {
        return readoutOffset;
    }

    @Override
    public double[] initialParameters(long seed) {
        double[] theta = new double[parameterCount];
        RandomGenerator rng = Seeds.rng(seed);
        for (int l = 0; l < layers; l++) {
            Dense.gaussian(theta, weightOffset[l], biasOffset[l], 1 / Math.sqrt(inputs(l) + hidden), rng);
            Arrays.fill(theta, biasOffset[l] + hidden, biasOffset[l] + 2 * hidden, 1.0);
        }
        Dense.gaussian(theta, readoutOffset, readoutOffset + hidden, 1 / Math.sqrt(hidden), rng);
        return theta;
    }

    @Override
    public Kernel kernel(double[] parameters) {
        if (spec.precision() == Precision.FLOAT) {
            spec.precision().requireSupported();
            return new FloatLstmKernel(new LstmKernel(Dense.checkedCopy(parameters, parameterCount), false));
        }
        return kernel(parameters, true);
    }

    /** {@link #kernel}, on the scalar loops alone unless {@code vectorized} and {@link Dense#VECTOR} (tests compare). */
    Kernel kernel(double[] parameters, boolean vectorized) {
        return new LstmKernel(Dense.checkedCopy(parameters, parameterCount), vectorized && Dense.VECTOR);
    }

    @Override
    public Tape newTape(int steps, int coordinates) {
        if (spec.precision() == Precision.FLOAT) {
            spec.precision().requireSupported();
            Dense.checkTapeSize(steps, coordinates);
            return new FloatLstm.Tape(this, steps, coordinates, features, hidden, layers);
        }
        return new LstmTape(steps, coordinates);
    }

    /** Zeroes a workspace's parameter-gradient accumulators before a backward pass. */
    private void clearGradients(LstmWorkspace ws) {
        for (int l = 0; l < layers; l++) {
            Dense.zero(ws.weightGradient[l]);
            Arrays.fill(ws.biasGradient[l], 0.0);
            ws.weightOuterProducts[l].clear();
        }
        Arrays.fill(ws.readoutGradient, 0.0);
    }

    /** Adds a workspace's accumulated parameter gradient into the flat {@code parameterGradient}. */
    private void addGradients(LstmWorkspace ws, double[] parameterGradient) {
        for (int l = 0; l < layers; l++) {
            Dense.addRows(ws.weightGradient[l], 4 * hidden, parameterGradient, weightOffset[l]);
            Dense.add(ws.biasGradient[l], parameterGradient, biasOffset[l]);
        }
        Dense.add(ws.readoutGradient, parameterGradient, readoutOffset);
    }

    private void checkGradientLength(double[] parameterGradient) {
        if (parameterGradient.length != parameterCount) {
            throw new IllegalArgumentException("parameterGradient has " + parameterGradient.length
                    + " entries, the network has " + parameterCount);
        }
    }

    private LstmWorkspace checkWorkspace(Workspace workspace) {
        if (!(workspace instanceof LstmWorkspace ws) || ws.owner() != this) {
            throw new IllegalArgumentException("the workspace was not made by this LSTM's kernel (use "
                    + "kernel.newWorkspace)");
        }
        return ws;
    }

    /**
     * Per step t and layer l: v, the gates after their nonlinearities, c before the step and tanh(c'); each array in
     * {@link Dense#BLOCK}s of coordinates.
     */
    private final class LstmTape implements Tape {
        private final int steps;
        private final int coordinates;
        private final double[][][] layerInputs;
        private final double[][][] gates;
        private final double[][][] cellBefore;
        private final double[][][] cellTanh;

        LstmTape(int steps, int coordinates) {
            Dense.checkTapeSize(steps, coordinates);
            this.steps = steps;
            this.coordinates = coordinates;
            layerInputs = new double[steps][layers][];
            gates = new double[steps][layers][];
            cellBefore = new double[steps][layers][];
            cellTanh = new double[steps][layers][];
            for (int t = 0; t < steps; t++) {
                for (int l = 0; l < layers; l++) {
                    layerInputs[t][l] = new double[Dense.tapeLength(coordinates, inputs(l) + hidden)];
                    gates[t][l] = new double[Dense.tapeLength(coordinates, 4 * hidden)];
                    cellBefore[t][l] = new double[Dense.tapeLength(coordinates, hidden)];
                    cellTanh[t][l] = new double[Dense.tapeLength(coordinates, hidden)];
                }
            }
        }

        @Override
        public int steps() {
            return steps;
        }

        @Override
        public int coordinates() {
            return coordinates;
        }

        CoordinatewiseLstm owner() {
            return CoordinatewiseLstm.this;
        }
    }

    private final class LstmWorkspace implements Workspace {
        final double[] v = new double[Math.max(features, hidden) + hidden];
        final double[] z = new double[4 * hidden];
        final double[] c = new double[hidden];
        final double[] tc = new double[hidden];
        final double[] h = new double[hidden];
        /** One coordinate's taped numbers of one layer and step, for the scalar backward pass. */
        final double[] tapedGates = new double[4 * hidden];
        final double[] tapedCell = new double[hidden];
        final double[] tapedTanh = new double[hidden];
        final double[][] dh = new double[layers][hidden];
        final double[][] dc = new double[layers][hidden];
        final double[] dz = new double[4 * hidden];
        final double[] dv = new double[Math.max(features, hidden) + hidden];
        final double[][][] weightGradient = new double[layers][][];
        final double[][] biasGradient = new double[layers][4 * hidden];
        final double[] readoutGradient = new double[hidden + 1];
        final OuterProductBuffer[] weightOuterProducts = new OuterProductBuffer[layers];
        /** Scratch of the double vector path, null without it. */
        final VectorLstm.Scratch block = Dense.VECTOR && spec.precision() == Precision.DOUBLE
                ? new VectorLstm.Scratch(VectorCells.LANES, features, hidden, layers) : null;
        /** Scratch of the single-precision kernel, null in double. */
        final FloatLstm.Scratch floatBlock = spec.precision() == Precision.FLOAT
                ? new FloatLstm.Scratch(features, hidden, layers) : null;

        LstmWorkspace() {
            for (int l = 0; l < layers; l++) {
                weightGradient[l] = new double[inputs(l) + hidden][4 * hidden];
                weightOuterProducts[l] = new OuterProductBuffer(weightGradient[l]);
            }
        }

        CoordinatewiseLstm owner() {
            return CoordinatewiseLstm.this;
        }
    }

    /**
     * {@link States} of the double vector path: coordinate n's state in {@link Dense#tapeBase}'s layout of width
     * {@link #stateSize()} (a block of {@link VectorCells#LANES} coordinates as whole rows of the block), which is
     * where {@link VectorLstm#stepBlocks} reads and writes it.
     */
    private final class BlockedStates extends BlockStates {
        private final LstmKernel kernel;
        /** Zeros at first, the LSTM's initial state. */
        private final double[] state;

        BlockedStates(LstmKernel kernel, int coordinates) {
            super(CoordinatewiseLstm.this, coordinates);
            this.kernel = kernel;
            this.state = new double[Dense.tapeLength(coordinates, stateSize())];
        }

        @Override
        void stepBlocks(double[] featureValues, double[] update, int from, int to, Workspace workspace) {
            kernel.vector.stepBlocks(featureValues, state, update, from, to, checkWorkspace(workspace).block);
        }

        @Override
        public void copyTo(double[] target, int from, int to) {
            Dense.checkRange(from, to, coordinates(), "states");
            int stride = stateSize();
            for (int n = from; n < to; n++) {
                Dense.fromTape(state, n, stride, target, n * stride);
            }
        }
    }

    private final class LstmKernel implements Kernel {
        private final double[][][] rows;
        /** Columns of W_l for l ≥ 1 (all inputs); for layer 0 the feature and recurrent parts separately. */
        private final double[][][] columns;
        private final double[][] featureColumns;
        private final double[][] recurrentColumns;
        private final double[][] bias;
        private final double[] readout;
        private final double readoutBias;
        private final double scale;
        /** The vector path for whole blocks of coordinates, or null (see {@link Dense#VECTOR}). */
        private final VectorLstm vector;

        LstmKernel(double[] theta, boolean vectorized) {
            rows = new double[layers][][];
            columns = new double[layers][][];
            bias = new double[layers][];
            for (int l = 0; l < layers; l++) {
                rows[l] = Dense.rows(theta, weightOffset[l], inputs(l) + hidden, 4 * hidden);
                columns[l] = l == 0 ? null : Dense.columns(theta, weightOffset[l], inputs(l) + hidden, 4 * hidden);
                bias[l] = Arrays.copyOfRange(theta, biasOffset[l], biasOffset[l] + 4 * hidden);
            }
            featureColumns = Dense.columns(theta, weightOffset[0], features, 4 * hidden);
            recurrentColumns = Dense.columns(theta, weightOffset[0] + features * 4 * hidden, hidden, 4 * hidden);
            readout = Arrays.copyOfRange(theta, readoutOffset, readoutOffset + hidden);
            readoutBias = theta[readoutOffset + hidden];
            scale = spec.outputScale();
            vector = vectorized ? new VectorLstm(features, hidden, rows, columns, featureColumns, recurrentColumns,
                    bias, readout, readoutBias, scale) : null;
        }

        @Override
        public RecurrentNet net() {
            return CoordinatewiseLstm.this;
        }

        @Override
        public Workspace newWorkspace() {
            return new LstmWorkspace();
        }

        @Override
        public void resetState(double[] state, int from, int to) {
            Arrays.fill(state, from * stateSize(), to * stateSize(), 0.0);
        }

        /**
         * On the vector path the states stay in blocks of coordinates between steps ({@link BlockedStates}): moving 80
         * numbers per coordinate into the block and back was about a fifth of the step on the MNIST network
         * (docs/performance.md).
         */
        @Override
        public States newStates(int coordinates) {
            return vector == null ? new FlatStates(this, coordinates) : new BlockedStates(this, coordinates);
        }

        @Override
        public void step(double[] featureValues, double[] state, double[] update, int from, int to,
                Workspace workspace, Tape tape, int t) {
            LstmWorkspace ws = checkWorkspace(workspace);
            LstmTape tp = tape == null ? null : checkTape(tape, t + 1, to);
            int stride = stateSize();
            Dense.checkRange(from, to, update.length, "update");
            Dense.checkRange(from, to, featureValues.length / features, "features");
            Dense.checkRange(from, to, state.length / stride, "state");
            int n = from;
            if (vector != null) {
                VectorLstm.Scratch s = ws.block;
                n = Math.min(to, Dense.blockStart(from));
                scalarStep(featureValues, state, update, from, n, ws, tp, t);
                for (; n + s.lanes <= to; n += s.lanes) {
                    if (tp == null) {
                        vector.step(featureValues, state, update, n, s, null, null, null, null);
                    } else {
                        vector.step(featureValues, state, update, n, s, tp.layerInputs[t], tp.gates[t],
                                tp.cellBefore[t], tp.cellTanh[t]);
                    }
                }
            }
            scalarStep(featureValues, state, update, n, to, ws, tp, t);
        }

        /** {@link #step} one coordinate at a time: the reference the vector path reproduces, and its remainder. */
        private void scalarStep(double[] featureValues, double[] state, double[] update, int from, int to,
                LstmWorkspace ws, LstmTape tp, int t) {
            int stride = stateSize();
            int gatesWidth = 4 * hidden;
            double[] v = ws.v;
            double[] z = ws.z;
            double[] c = ws.c;
            double[] tc = ws.tc;
            double[] h = ws.h;
            for (int n = from; n < to; n++) {
                System.arraycopy(featureValues, n * features, v, 0, features);
                for (int l = 0; l < layers; l++) {
                    int in = inputs(l);
                    int width = in + hidden;
                    int base = n * stride + 2 * l * hidden;
                    System.arraycopy(state, base, v, in, hidden);
                    System.arraycopy(bias[l], 0, z, 0, gatesWidth);
                    Dense.accumulate(z, gatesWidth, rows[l], v, 0, width);
                    if (tp != null) {
                        Dense.toTape(v, 0, width, tp.layerInputs[t][l], n);
                        Dense.toTape(state, base + hidden, hidden, tp.cellBefore[t][l], n);
                    }
                    // The candidate g = tanh(z_g) = 2σ(2 z_g) − 1, so one vectorized sigmoid pass serves all gates.
                    for (int j = 2 * hidden; j < 3 * hidden; j++) {
                        z[j] *= 2;
                    }
                    Dense.sigmoid(z, gatesWidth);
                    for (int j = 0; j < hidden; j++) {
                        double g = 2 * z[2 * hidden + j] - 1;
                        z[2 * hidden + j] = g;
                        c[j] = z[hidden + j] * state[base + hidden + j] + z[j] * g;
                    }
                    Dense.tanh(c, tc, hidden);
                    for (int j = 0; j < hidden; j++) {
                        state[base + hidden + j] = c[j];
                        h[j] = z[3 * hidden + j] * tc[j];
                    }
                    if (tp != null) {
                        Dense.toTape(tc, 0, hidden, tp.cellTanh[t][l], n);
                    }
                    System.arraycopy(h, 0, state, base, hidden);
                    System.arraycopy(h, 0, v, 0, hidden);
                    if (tp != null) {
                        Dense.toTape(z, 0, gatesWidth, tp.gates[t][l], n);
                    }
                }
                double out = readoutBias;
                for (int j = 0; j < hidden; j++) {
                    out += readout[j] * h[j];
                }
                update[n] = scale * out;
            }
        }

        @Override
        public void backward(Tape tape, int steps, double[][] updateAdjoint, boolean fromInitialState, int from,
                int to, Workspace workspace, double[] parameterGradient, double[][] featureAdjoint) {
            LstmWorkspace ws = checkWorkspace(workspace);
            LstmTape tp = checkTape(tape, steps, to);
            checkGradientLength(parameterGradient);
            clearGradients(ws);
            int first = from;
            if (vector != null) {
                VectorLstm.Scratch s = ws.block;
                first = Math.min(to, Dense.blockStart(from));
                scalarBackward(tp, steps, updateAdjoint, from, first, ws, featureAdjoint);
                // The blocks add straight into the weight gradients, after the pairs of the coordinates before them.
                for (int l = 0; l < layers; l++) {
                    ws.weightOuterProducts[l].flush();
                }
                for (; first + s.lanes <= to; first += s.lanes) {
                    vector.backward(steps, updateAdjoint, first, s, tp.layerInputs, tp.gates, tp.cellBefore,
                            tp.cellTanh, ws.weightGradient, ws.biasGradient, ws.readoutGradient, featureAdjoint);
                }
            }
            scalarBackward(tp, steps, updateAdjoint, first, to, ws, featureAdjoint);
            // fromInitialState changes nothing here: the LSTM's initial state is the constant zero.
            for (int l = 0; l < layers; l++) {
                ws.weightOuterProducts[l].flush();
            }
            addGradients(ws, parameterGradient);
        }

        /**
         * {@link #backward} one coordinate at a time into the workspace's accumulators: the reference the vector path
         * reproduces, and its remainder.
         */
        private void scalarBackward(LstmTape tp, int steps, double[][] updateAdjoint, int from, int to,
                LstmWorkspace ws, double[][] featureAdjoint) {
            int gatesWidth = 4 * hidden;
            int top = layers - 1;
            double[] dz = ws.dz;
            double[] dv = ws.dv;
            double[] gates = ws.tapedGates;
            double[] cellBefore = ws.tapedCell;
            double[] cellTanh = ws.tapedTanh;
            for (int n = from; n < to; n++) {
                Dense.zero(ws.dh);
                Dense.zero(ws.dc);
                for (int t = steps - 1; t >= 0; t--) {
                    double a = scale * updateAdjoint[t][n];
                    Dense.fromTape(tp.gates[t][top], n, gatesWidth, gates, 0);
                    Dense.fromTape(tp.cellTanh[t][top], n, hidden, cellTanh, 0);
                    double[] dhTop = ws.dh[top];
                    for (int j = 0; j < hidden; j++) {
                        double hTop = gates[3 * hidden + j] * cellTanh[j];
                        ws.readoutGradient[j] += a * hTop;
                        dhTop[j] += a * readout[j];
                    }
                    ws.readoutGradient[hidden] += a;
                    for (int l = top; l >= 0; l--) {
                        int in = inputs(l);
                        int width = in + hidden;
                        Dense.fromTape(tp.gates[t][l], n, gatesWidth, gates, 0);
                        Dense.fromTape(tp.cellBefore[t][l], n, hidden, cellBefore, 0);
                        Dense.fromTape(tp.cellTanh[t][l], n, hidden, cellTanh, 0);
                        Dense.fromTape(tp.layerInputs[t][l], n, width, ws.v, 0);
                        double[] dh = ws.dh[l];
                        double[] dc = ws.dc[l];
                        for (int j = 0; j < hidden; j++) {
                            double i = gates[j];
                            double f = gates[hidden + j];
                            double g = gates[2 * hidden + j];
                            double o = gates[3 * hidden + j];
                            double tc = cellTanh[j];
                            double dcj = dc[j] + dh[j] * o * (1 - tc * tc);
                            dz[j] = dcj * g * i * (1 - i);
                            dz[hidden + j] = dcj * cellBefore[j] * f * (1 - f);
                            dz[2 * hidden + j] = dcj * i * (1 - g * g);
                            dz[3 * hidden + j] = dh[j] * tc * o * (1 - o);
                            dc[j] = dcj * f;
                        }
                        ws.weightOuterProducts[l].add(ws.v, 0, dz, 0);
                        double[] gb = ws.biasGradient[l];
                        for (int j = 0; j < gatesWidth; j++) {
                            gb[j] += dz[j];
                        }
                        if (l > 0) {
                            Arrays.fill(dv, 0, width, 0.0);
                            Dense.accumulate(dv, width, columns[l], dz, 0, gatesWidth);
                            System.arraycopy(dv, in, dh, 0, hidden);
                            double[] below = ws.dh[l - 1];
                            for (int j = 0; j < hidden; j++) {
                                below[j] += dv[j];
                            }
                        } else {
                            Arrays.fill(dh, 0.0);
                            Dense.accumulate(dh, hidden, recurrentColumns, dz, 0, gatesWidth);
                            if (featureAdjoint != null) {
                                Arrays.fill(dv, 0, features, 0.0);
                                Dense.accumulate(dv, features, featureColumns, dz, 0, gatesWidth);
                                System.arraycopy(dv, 0, featureAdjoint[t], n * features, features);
                            }
                        }
                    }
                }
            }
        }

        @Override
        public void linearize(double[] featureValues, double[] state, Workspace workspace, double[] stateJacobian,
                double[] featureJacobian) {
            int stride = stateSize();
            if (featureValues.length != features || state.length != stride || stateJacobian.length != stride * stride
                    || featureJacobian.length != stride * features) {
                throw new IllegalArgumentException("linearize needs " + features + " features, " + stride
                        + " state entries and Jacobians of " + stride * stride + " and " + stride * features
                        + " entries, got " + featureValues.length + ", " + state.length + ", "
                        + stateJacobian.length + ", " + featureJacobian.length);
            }
            LstmTape tp = new LstmTape(1, 1);
            step(featureValues, state.clone(), new double[1], 0, 1, workspace, tp, 0);
            double[] dIn = new double[Math.max(features, hidden)];
            double[] dv = new double[Math.max(features, hidden) + hidden];
            double[] dz = new double[4 * hidden];
            double[] dh = new double[hidden];
            for (int direction = 0; direction < stride + features; direction++) {
                java.util.Arrays.fill(dIn, 0.0);
                if (direction >= stride) {
                    dIn[direction - stride] = 1;
                }
                for (int l = 0; l < layers; l++) {
                    int in = inputs(l);
                    int base = 2 * l * hidden;
                    System.arraycopy(dIn, 0, dv, 0, in);
                    java.util.Arrays.fill(dv, in, in + hidden, 0.0);
                    if (direction >= base && direction < base + hidden) {
                        dv[in + direction - base] = 1;
                    }
                    java.util.Arrays.fill(dz, 0.0);
                    Dense.accumulate(dz, 4 * hidden, rows[l], dv, 0, in + hidden);
                    double[] gates = new double[4 * hidden];
                    double[] cellBefore = new double[hidden];
                    double[] tanhC = new double[hidden];
                    Dense.fromTape(tp.gates[0][l], 0, 4 * hidden, gates, 0);
                    Dense.fromTape(tp.cellBefore[0][l], 0, hidden, cellBefore, 0);
                    Dense.fromTape(tp.cellTanh[0][l], 0, hidden, tanhC, 0);
                    for (int j = 0; j < hidden; j++) {
                        double i = gates[j];
                        double f = gates[hidden + j];
                        double g = gates[2 * hidden + j];
                        double o = gates[3 * hidden + j];
                        double dCellBefore = direction == base + hidden + j ? 1 : 0;
                        double dc = f * (1 - f) * dz[hidden + j] * cellBefore[j] + f * dCellBefore
                                + i * (1 - i) * dz[j] * g + i * (1 - g * g) * dz[2 * hidden + j];
                        double tc = tanhC[j];
                        dh[j] = o * (1 - o) * dz[3 * hidden + j] * tc + o * (1 - tc * tc) * dc;
                        set(stateJacobian, featureJacobian, stride, direction, base + hidden + j, dc);
                        set(stateJacobian, featureJacobian, stride, direction, base + j, dh[j]);
                    }
                    System.arraycopy(dh, 0, dIn, 0, hidden);
                }
            }
        }

        /** Entry (row, direction) of ∂s'/∂s for a state direction, of ∂s'/∂x for a feature direction. */
        private void set(double[] stateJacobian, double[] featureJacobian, int stride, int direction, int row,
                double value) {
            if (direction < stride) {
                stateJacobian[row * stride + direction] = value;
            } else {
                featureJacobian[row * features + direction - stride] = value;
            }
        }

        @Override
        public double[] readoutWeights() {
            double[] w = new double[stateSize()];
            int top = 2 * (layers - 1) * hidden;
            for (int j = 0; j < hidden; j++) {
                w[top + j] = scale * readout[j];
            }
            return w;
        }

        @Override
        public double readoutBias() {
            return scale * readoutBias;
        }

        private LstmTape checkTape(Tape tape, int steps, int to) {
            if (!(tape instanceof LstmTape tp) || tp.owner() != CoordinatewiseLstm.this) {
                throw new IllegalArgumentException("the tape was not made by this LSTM (use net.newTape)");
            }
            Dense.checkTapeHolds(tp, steps, to);
            return tp;
        }
    }

    /**
     * The kernel of a {@link Precision#FLOAT} network: steps and backward passes on {@link FloatLstm}, every block of
     * a range there (a partial one with its missing lanes idle); linearization and readout from the double kernel of
     * the same parameters.
     */
    private final class FloatLstmKernel implements Kernel {
        private final LstmKernel reference;
        private final FloatLstm cells;

        FloatLstmKernel(LstmKernel reference) {
            this.reference = reference;
            this.cells = new FloatLstm(features, hidden, reference.rows, reference.columns, reference.featureColumns,
                    reference.recurrentColumns, reference.bias, reference.readout, reference.readoutBias,
                    reference.scale);
        }

        @Override
        public RecurrentNet net() {
            return CoordinatewiseLstm.this;
        }

        @Override
        public Workspace newWorkspace() {
            return new LstmWorkspace();
        }

        @Override
        public void resetState(double[] state, int from, int to) {
            reference.resetState(state, from, to);
        }

        /** The states as floats in blocks ({@link FloatBlockStates}): a step moves and converts no state. */
        @Override
        public States newStates(int coordinates) {
            return new FloatBlockStates(CoordinatewiseLstm.this, coordinates, new double[stateSize()],
                    (featureValues, state, update, from, to, workspace) -> cells.stepBlocks(featureValues, state,
                            update, from, to, checkWorkspace(workspace).floatBlock));
        }

        @Override
        public void step(double[] featureValues, double[] state, double[] update, int from, int to,
                Workspace workspace, Tape tape, int t) {
            LstmWorkspace ws = checkWorkspace(workspace);
            FloatLstm.Tape tp = tape == null ? null : checkFloatTape(tape, t + 1, to);
            Dense.checkRange(from, to, update.length, "update");
            Dense.checkRange(from, to, featureValues.length / features, "features");
            Dense.checkRange(from, to, state.length / stateSize(), "state");
            int lanes = FloatCells.LANES;
            for (int n0 = from / lanes * lanes; n0 < to; n0 += lanes) {
                cells.step(featureValues, state, update, n0, Math.max(from - n0, 0), Math.min(to - n0, lanes),
                        ws.floatBlock, tp, t);
            }
        }

        @Override
        public void backward(Tape tape, int steps, double[][] updateAdjoint, boolean fromInitialState, int from,
                int to, Workspace workspace, double[] parameterGradient, double[][] featureAdjoint) {
            LstmWorkspace ws = checkWorkspace(workspace);
            FloatLstm.Tape tp = checkFloatTape(tape, steps, to);
            checkGradientLength(parameterGradient);
            clearGradients(ws);
            FloatLstm.Scratch s = ws.floatBlock;
            int lanes = FloatCells.LANES;
            for (int n0 = from / lanes * lanes; n0 < to; n0 += lanes) {
                cells.backward(steps, updateAdjoint, n0, Math.max(from - n0, 0), Math.min(to - n0, lanes), s, tp,
                        ws.readoutGradient, featureAdjoint);
                if ((n0 + lanes) % FloatCells.CHUNK == 0 || n0 + lanes >= to) {
                    cells.addPairs(s, ws.weightGradient, ws.biasGradient);
                }
            }
            // fromInitialState changes nothing here: the LSTM's initial state is the constant zero.
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

        private FloatLstm.Tape checkFloatTape(Tape tape, int steps, int to) {
            if (!(tape instanceof FloatLstm.Tape tp) || tp.owner != CoordinatewiseLstm.this) {
                throw new IllegalArgumentException("the tape was not made by this LSTM (use net.newTape)");
            }
            Dense.checkTapeHolds(tp, steps, to);
            return tp;
        }
    }
}
