package org.l2o4j.policy.recurrent;

import static org.l2o4j.policy.recurrent.FloatCells.LANES;
import static org.l2o4j.policy.recurrent.FloatCells.SPECIES;

import jdk.incubator.vector.FloatVector;

/**
 * {@link CoordinatewiseLstm}'s step and backward pass in single precision ({@link Precision#FLOAT}) for blocks of
 * {@link FloatCells#LANES} coordinates, one per lane: {@link VectorLstm}'s operations in its order, on floats. A block
 * that a range covers only in lanes {@code lo .. hi} runs whole, its other lanes zero or another range's numbers,
 * never written back (lanes do not mix).
 *
 * <p>The sums over coordinates stay in double: the weight and bias gradients' terms (the bias as the weight of a
 * constant input 1, so that one vector kernel sums both) are summed in single precision over a
 * {@link FloatCells#CHUNK} of coordinates ({@link #addPairs}), and the chunk's sum then into double, so that 15,910
 * coordinates × 20 steps of terms do not pile up rounding in one float; the readout's terms go into double
 * coordinate by coordinate.
 */
final class FloatLstm {

    private final int features;
    private final int hidden;
    private final int layers;
    private final int stride;
    private final FloatCells.Packed[] forward;
    private final FloatCells.Packed[] backward;
    private final FloatCells.Packed featureBackward;
    private final FloatCells.Packed recurrentBackward;
    private final float[][] bias;
    private final float[] readout;
    private final float readoutBias;
    private final float scale;

    /** The network of {@link CoordinatewiseLstm}'s double kernel (its rows and columns), rounded to floats. */
    FloatLstm(int features, int hidden, double[][][] rows, double[][][] columns, double[][] featureColumns,
            double[][] recurrentColumns, double[][] bias, double[] readout, double readoutBias, double scale) {
        this.features = features;
        this.hidden = hidden;
        this.layers = rows.length;
        this.stride = 2 * layers * hidden;
        this.forward = new FloatCells.Packed[layers];
        this.backward = new FloatCells.Packed[layers];
        this.bias = new float[layers][];
        for (int l = 0; l < layers; l++) {
            int width = rows[l].length;
            forward[l] = new FloatCells.Packed(rows[l], width, 4 * hidden);
            backward[l] = l == 0 ? null : new FloatCells.Packed(columns[l], 4 * hidden, width);
            this.bias[l] = FloatCells.toFloats(bias[l]);
        }
        this.featureBackward = new FloatCells.Packed(featureColumns, 4 * hidden, features);
        this.recurrentBackward = new FloatCells.Packed(recurrentColumns, 4 * hidden, hidden);
        this.readout = FloatCells.toFloats(readout);
        this.readoutBias = (float) readoutBias;
        this.scale = (float) scale;
    }

    /**
     * Per step t and layer l: v, the gates, c before the step and tanh(c'), each in blocks of LANES coordinates;
     * {@code owner} is the network that made it.
     */
    static final class Tape implements RecurrentNet.Tape {
        final RecurrentNet owner;
        final int steps;
        final int coordinates;
        final float[][][] layerInputs;
        final float[][][] gates;
        final float[][][] cellBefore;
        final float[][][] cellTanh;

        Tape(RecurrentNet owner, int steps, int coordinates, int features, int hidden, int layers) {
            this.owner = owner;
            this.steps = steps;
            this.coordinates = coordinates;
            layerInputs = new float[steps][layers][];
            gates = new float[steps][layers][];
            cellBefore = new float[steps][layers][];
            cellTanh = new float[steps][layers][];
            for (int t = 0; t < steps; t++) {
                for (int l = 0; l < layers; l++) {
                    layerInputs[t][l] = new float[FloatCells.tapeLength(coordinates, (l == 0 ? features : hidden)
                            + hidden)];
                    gates[t][l] = new float[FloatCells.tapeLength(coordinates, 4 * hidden)];
                    cellBefore[t][l] = new float[FloatCells.tapeLength(coordinates, hidden)];
                    cellTanh[t][l] = new float[FloatCells.tapeLength(coordinates, hidden)];
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
    }

    /** Block scratch of one workspace. */
    static final class Scratch {
        final float[] v;
        final float[] z;
        final float[] tc;
        /** One block's state ({@code stride} rows), where a step on the caller's layout or on a partial block runs. */
        final float[] state;
        final float[] a = new float[LANES];
        final float[] out = new float[LANES];
        final float[][] dh;
        final float[][] dc;
        final float[] dv;
        /** Per layer, dz of every step of the block: step t's 4H rows from row t · 4H. */
        float[][] dz = new float[0][];
        /** a · h_top of every step, step t's H rows from row t · H. */
        float[] readoutTerms = new float[0];
        /**
         * Per layer, the chunk's ([v ; 1], dz) pairs of the weight and bias gradients, coordinate by coordinate and
         * each one's steps from the last: pair r's [v ; 1] at r · (width + 1), its dz at r · 4H; {@link #pairs} of
         * them so far.
         */
        float[][] pairInputs = new float[0][];
        float[][] pairAdjoints = new float[0][];
        int pairs;
        /**
         * Where lane b's pairs start, relative to the block's first, in the pair arrays of the adjoints and inputs,
         * for unrolls of {@link #laneSteps} steps.
         */
        final int[] adjointLanes = new int[LANES];
        final int[][] inputLanes;
        int laneSteps;
        /** Per layer, the chunk's single-precision part of the weight gradient, then the bias gradient's row. */
        final float[][][] chunkGradient;

        Scratch(int features, int hidden, int layers) {
            int width = Math.max(features, hidden) + hidden;
            v = new float[width * LANES];
            z = new float[FloatCells.padded(4 * hidden) * LANES];
            state = new float[2 * layers * hidden * LANES];
            tc = new float[hidden * LANES];
            dh = new float[layers][hidden * LANES];
            dc = new float[layers][hidden * LANES];
            dv = new float[FloatCells.padded(width) * LANES];
            inputLanes = new int[layers][LANES];
            chunkGradient = new float[layers][][];
            for (int l = 0; l < layers; l++) {
                chunkGradient[l] = new float[(l == 0 ? features : hidden) + hidden + 1][4 * hidden];
            }
        }

        /** Room for a chunk's terms of {@code steps} steps (grown once, then reused), and the lanes' pair offsets. */
        void ensureSteps(int steps, int features, int layers, int hidden) {
            if (dz.length == 0 || dz[0].length < steps * 4 * hidden * LANES) {
                dz = new float[layers][steps * 4 * hidden * LANES];
                readoutTerms = new float[steps * hidden * LANES];
                pairInputs = new float[layers][];
                pairAdjoints = new float[layers][FloatCells.CHUNK * steps * 4 * hidden];
                for (int l = 0; l < layers; l++) {
                    pairInputs[l] = new float[FloatCells.CHUNK * steps * ((l == 0 ? features : hidden) + hidden + 1)];
                }
                pairs = 0;
            }
            if (laneSteps != steps) {
                for (int b = 0; b < LANES; b++) {
                    adjointLanes[b] = b * steps * 4 * hidden;
                    for (int l = 0; l < layers; l++) {
                        inputLanes[l][b] = b * steps * ((l == 0 ? features : hidden) + hidden + 1);
                    }
                }
                laneSteps = steps;
            }
        }
    }

    /**
     * One step for lanes {@code lo .. hi} of the block of coordinates {@code n0 .. n0 + LANES} ({@code n0} a multiple
     * of LANES) whose states are laid out coordinate after coordinate in double, with the tape's step t, or without a
     * tape ({@code tape} null): the block's features and states are rounded into floats, stepped by
     * {@link #stepBlock} and the states written back (exactly: they are floats).
     */
    void step(double[] featureValues, double[] state, double[] update, int n0, int lo, int hi, Scratch s, Tape tape,
            int t) {
        FloatCells.gather(featureValues, n0 * features, features, s.v, 0, features, lo, hi);
        FloatCells.gather(state, n0 * stride, stride, s.state, 0, stride, lo, hi);
        stepBlock(s.state, 0, n0, lo, hi, s, tape, t);
        FloatCells.scatter(s.state, 0, stride, state, n0 * stride, stride, lo, hi);
        for (int b = lo; b < hi; b++) {
            update[n0 + b] = s.out[b];
        }
    }

    /**
     * One step for coordinates {@code from .. to-1} of states kept as floats in blocks: the block of coordinates n0 ..
     * n0 + LANES (n0 a multiple of LANES) has its state as {@code stride} block rows from {@code n0 · stride}, in the
     * order of a coordinate's state, so no state moves or is converted between steps. A block that the range covers in
     * part runs whole on a copy and only its lanes of the range are written back, as in {@link #step}: each lane does
     * its own coordinate's operations, so the bits are {@link #step}'s for every coordinate of the range.
     */
    void stepBlocks(double[] featureValues, float[] state, double[] update, int from, int to, Scratch s) {
        for (int n0 = from / LANES * LANES; n0 < to; n0 += LANES) {
            int lo = Math.max(from - n0, 0);
            int hi = Math.min(to - n0, LANES);
            int offset = n0 * stride;
            FloatCells.gather(featureValues, n0 * features, features, s.v, 0, features, lo, hi);
            if (lo == 0 && hi == LANES) {
                stepBlock(state, offset, n0, lo, hi, s, null, 0);
            } else {
                System.arraycopy(state, offset, s.state, 0, stride * LANES);
                stepBlock(s.state, 0, n0, lo, hi, s, null, 0);
                FloatCells.copyLanes(s.state, 0, state, offset, stride, lo, hi);
            }
            for (int b = lo; b < hi; b++) {
                update[n0 + b] = s.out[b];
            }
        }
    }

    /**
     * One step of the block whose features are the first rows of {@code s.v} and whose state is the block rows of
     * {@code state} from {@code stateOffset} ([h_0 | c_0 | h_1 | c_1 | …], one row per number), advanced in place; the
     * updates go to {@code s.out}, lanes {@code lo .. hi} of the tape's rows of block n0 to the tape.
     */
    private void stepBlock(float[] state, int stateOffset, int n0, int lo, int hi, Scratch s, Tape tape, int t) {
        for (int l = 0; l < layers; l++) {
            int in = l == 0 ? features : hidden;
            int width = in + hidden;
            int h = stateOffset + 2 * l * hidden * LANES;
            int c = h + hidden * LANES;
            System.arraycopy(state, h, s.v, in * LANES, hidden * LANES);
            FloatCells.broadcastRows(bias[l], s.z, 4 * hidden);
            FloatCells.accumulate(forward[l], s.v, 0, s.z, 0);
            if (tape != null) {
                FloatCells.copyLanes(s.v, 0, tape.layerInputs[t][l], n0 * width, width, lo, hi);
                FloatCells.copyLanes(state, c, tape.cellBefore[t][l], n0 * hidden, hidden, lo, hi);
            }
            FloatCells.activate(s.z, 0, s.z, 0, 2 * hidden, false);
            FloatCells.activate(s.z, 2 * hidden, s.z, 2 * hidden, hidden, true);
            FloatCells.activate(s.z, 3 * hidden, s.z, 3 * hidden, hidden, false);
            cellUpdate(s, state, c);
            FloatCells.activate(state, c / LANES, s.tc, 0, hidden, true);
            output(s, state, h);
            if (tape != null) {
                FloatCells.copyLanes(s.tc, 0, tape.cellTanh[t][l], n0 * hidden, hidden, lo, hi);
                FloatCells.copyLanes(s.z, 0, tape.gates[t][l], n0 * 4 * hidden, 4 * hidden, lo, hi);
            }
        }
        readout(s);
    }

    /** c' = f ⊙ c + i ⊙ g, in place of c (the block rows of {@code state} from {@code c}). */
    private void cellUpdate(Scratch s, float[] state, int c) {
        for (int j = 0; j < hidden; j++) {
            FloatVector i = FloatVector.fromArray(SPECIES, s.z, j * LANES);
            FloatVector f = FloatVector.fromArray(SPECIES, s.z, (hidden + j) * LANES);
            FloatVector g = FloatVector.fromArray(SPECIES, s.z, (2 * hidden + j) * LANES);
            FloatVector before = FloatVector.fromArray(SPECIES, state, c + j * LANES);
            f.mul(before).add(i.mul(g)).intoArray(state, c + j * LANES);
        }
    }

    /**
     * h' = o ⊙ tanh(c') into the state's h rows (from {@code h}) and the first H rows of v (the next layer's input, or
     * the readout's).
     */
    private void output(Scratch s, float[] state, int h) {
        for (int j = 0; j < hidden; j++) {
            FloatVector o = FloatVector.fromArray(SPECIES, s.z, (3 * hidden + j) * LANES);
            FloatVector out = o.mul(FloatVector.fromArray(SPECIES, s.tc, j * LANES));
            out.intoArray(s.v, j * LANES);
            out.intoArray(state, h + j * LANES);
        }
    }

    /** Δθ = scale · (b_out + Σ_j w_out[j] · h_top[j]) into {@code s.out}. */
    private void readout(Scratch s) {
        FloatVector out = FloatVector.broadcast(SPECIES, readoutBias);
        for (int j = 0; j < hidden; j++) {
            out = out.add(FloatVector.fromArray(SPECIES, s.v, j * LANES).mul(readout[j]));
        }
        out.mul(scale).intoArray(s.out, 0);
    }

    /**
     * Backpropagation through {@code steps} steps for lanes {@code lo .. hi} of the block at {@code n0}: the readout
     * terms into the double accumulator, coordinate by coordinate and each one's steps from the last; the weight and
     * bias gradients' pairs appended to the chunk's ({@link #addPairs} adds them). Reads the tape in place: the
     * forward pass that wrote it is over, so a block shared with another range is not being written.
     */
    void backward(int steps, double[][] updateAdjoint, int n0, int lo, int hi, Scratch s, Tape tape,
            double[] readoutGradient, double[][] featureAdjoint) {
        s.ensureSteps(steps, features, layers, hidden);
        int top = layers - 1;
        int gatesWidth = 4 * hidden;
        for (int l = 0; l < layers; l++) {
            FloatCells.fill(s.dh[l], 0, hidden, 0f);
            FloatCells.fill(s.dc[l], 0, hidden, 0f);
        }
        for (int t = steps - 1; t >= 0; t--) {
            java.util.Arrays.fill(s.a, 0f);
            for (int b = lo; b < hi; b++) {
                s.a[b] = scale * (float) updateAdjoint[t][n0 + b];
            }
            for (int l = top; l >= 0; l--) {
                int in = l == 0 ? features : hidden;
                int width = in + hidden;
                float[] dz = s.dz[l];
                int dzRow = t * gatesWidth;
                if (l == top) {
                    readoutAdjoint(s, t, tape.gates[t][l], tape.cellTanh[t][l], n0);
                }
                gateAdjoints(s, l, tape.gates[t][l], tape.cellBefore[t][l], tape.cellTanh[t][l], n0, dz, dzRow);
                if (l > 0) {
                    FloatCells.fill(s.dv, 0, width, 0f);
                    FloatCells.accumulate(backward[l], dz, dzRow, s.dv, 0);
                    System.arraycopy(s.dv, in * LANES, s.dh[l], 0, hidden * LANES);
                    FloatCells.addRows(s.dv, s.dh[l - 1], hidden);
                } else {
                    FloatCells.fill(s.dv, 0, hidden, 0f);
                    FloatCells.accumulate(recurrentBackward, dz, dzRow, s.dv, 0);
                    System.arraycopy(s.dv, 0, s.dh[0], 0, hidden * LANES);
                    if (featureAdjoint != null) {
                        FloatCells.fill(s.dv, 0, features, 0f);
                        FloatCells.accumulate(featureBackward, dz, dzRow, s.dv, 0);
                        FloatCells.scatter(s.dv, 0, features, featureAdjoint[t], n0 * features, features, lo, hi);
                    }
                }
            }
        }
        for (int b = lo; b < hi; b++) {
            for (int t = steps - 1; t >= 0; t--) {
                for (int j = 0; j < hidden; j++) {
                    readoutGradient[j] += s.readoutTerms[(t * hidden + j) * LANES + b];
                }
                readoutGradient[hidden] += scale * (float) updateAdjoint[t][n0 + b];
            }
        }
        if (lo == 0 && hi == LANES) {
            addWholeBlockPairs(steps, n0, s, tape);
            return;
        }
        for (int b = lo; b < hi; b++) {
            for (int t = steps - 1; t >= 0; t--) {
                int pair = s.pairs++;
                for (int l = top; l >= 0; l--) {
                    int width = (l == 0 ? features : hidden) + hidden;
                    float[] dz = s.dz[l];
                    float[] pairAdjoints = s.pairAdjoints[l];
                    for (int j = 0; j < gatesWidth; j++) {
                        pairAdjoints[pair * gatesWidth + j] = dz[(t * gatesWidth + j) * LANES + b];
                    }
                    float[] v = tape.layerInputs[t][l];
                    float[] pairInputs = s.pairInputs[l];
                    int at = pair * (width + 1);
                    for (int k = 0; k < width; k++) {
                        pairInputs[at + k] = v[n0 * width + k * LANES + b];
                    }
                    pairInputs[at + width] = 1f;
                }
            }
        }
    }

    /**
     * The pairs of a whole block, in the order the loop over lanes appends them (pair of lane b and step t at b ·
     * steps + steps − 1 − t after those already there): each block row goes to its LANES pairs with one scatter
     * (AVX-512 has the instruction) instead of LANES scalar copies.
     */
    private void addWholeBlockPairs(int steps, int n0, Scratch s, Tape tape) {
        int gatesWidth = 4 * hidden;
        int first = s.pairs;
        FloatVector one = FloatVector.broadcast(SPECIES, 1f);
        for (int l = 0; l < layers; l++) {
            int width = (l == 0 ? features : hidden) + hidden;
            int[] adjointLanes = s.adjointLanes;
            int[] inputLanes = s.inputLanes[l];
            float[] dz = s.dz[l];
            float[] pairAdjoints = s.pairAdjoints[l];
            float[] pairInputs = s.pairInputs[l];
            for (int t = 0; t < steps; t++) {
                int pair = first + steps - 1 - t;
                float[] v = tape.layerInputs[t][l];
                for (int j = 0; j < gatesWidth; j++) {
                    FloatVector.fromArray(SPECIES, dz, (t * gatesWidth + j) * LANES)
                            .intoArray(pairAdjoints, pair * gatesWidth + j, adjointLanes, 0);
                }
                for (int k = 0; k < width; k++) {
                    FloatVector.fromArray(SPECIES, v, n0 * width + k * LANES)
                            .intoArray(pairInputs, pair * (width + 1) + k, inputLanes, 0);
                }
                one.intoArray(pairInputs, pair * (width + 1) + width, inputLanes, 0);
            }
        }
        s.pairs = first + LANES * steps;
    }

    /**
     * Adds the chunk's pairs to the weight and bias gradients: summed in single precision, then into the double
     * sums.
     */
    void addPairs(Scratch s, double[][][] weightGradient, double[][] biasGradient) {
        if (s.pairs == 0) {
            return;
        }
        for (int l = 0; l < layers; l++) {
            int width = (l == 0 ? features : hidden) + hidden;
            float[][] chunk = s.chunkGradient[l];
            FloatCells.addOuterProducts(chunk, 4 * hidden, s.pairInputs[l], width + 1, s.pairAdjoints[l], 0,
                    4 * hidden, s.pairs);
            for (int k = 0; k < width; k++) {
                FloatCells.drain(chunk[k], weightGradient[l][k]);
            }
            FloatCells.drain(chunk[width], biasGradient[l]);
        }
        s.pairs = 0;
    }

    /** The readout's terms a · h_top (kept for step t) and dh_top += a · w_out. */
    private void readoutAdjoint(Scratch s, int t, float[] gates, float[] cellTanh, int n0) {
        FloatVector a = FloatVector.fromArray(SPECIES, s.a, 0);
        float[] dh = s.dh[layers - 1];
        int g0 = n0 * 4 * hidden;
        int h0 = n0 * hidden;
        for (int j = 0; j < hidden; j++) {
            FloatVector o = FloatVector.fromArray(SPECIES, gates, g0 + (3 * hidden + j) * LANES);
            FloatVector tc = FloatVector.fromArray(SPECIES, cellTanh, h0 + j * LANES);
            a.mul(o.mul(tc)).intoArray(s.readoutTerms, (t * hidden + j) * LANES);
            FloatVector.fromArray(SPECIES, dh, j * LANES).add(a.mul(readout[j])).intoArray(dh, j * LANES);
        }
    }

    /** Layer l backward, element-wise: dz of the four gates (rows of {@code dz} from dzRow) and dc. */
    private void gateAdjoints(Scratch s, int l, float[] gates, float[] cellBefore, float[] cellTanh, int n0,
            float[] dz, int dzRow) {
        int g0 = n0 * 4 * hidden;
        int h0 = n0 * hidden;
        FloatVector one = FloatVector.broadcast(SPECIES, 1f);
        float[] dhl = s.dh[l];
        float[] dcl = s.dc[l];
        for (int j = 0; j < hidden; j++) {
            FloatVector i = FloatVector.fromArray(SPECIES, gates, g0 + j * LANES);
            FloatVector f = FloatVector.fromArray(SPECIES, gates, g0 + (hidden + j) * LANES);
            FloatVector g = FloatVector.fromArray(SPECIES, gates, g0 + (2 * hidden + j) * LANES);
            FloatVector o = FloatVector.fromArray(SPECIES, gates, g0 + (3 * hidden + j) * LANES);
            FloatVector tc = FloatVector.fromArray(SPECIES, cellTanh, h0 + j * LANES);
            FloatVector before = FloatVector.fromArray(SPECIES, cellBefore, h0 + j * LANES);
            FloatVector dh = FloatVector.fromArray(SPECIES, dhl, j * LANES);
            FloatVector dc = FloatVector.fromArray(SPECIES, dcl, j * LANES).add(dh.mul(o).mul(one.sub(tc.mul(tc))));
            dc.mul(g).mul(i).mul(one.sub(i)).intoArray(dz, (dzRow + j) * LANES);
            dc.mul(before).mul(f).mul(one.sub(f)).intoArray(dz, (dzRow + hidden + j) * LANES);
            dc.mul(i).mul(one.sub(g.mul(g))).intoArray(dz, (dzRow + 2 * hidden + j) * LANES);
            dh.mul(tc).mul(o).mul(one.sub(o)).intoArray(dz, (dzRow + 3 * hidden + j) * LANES);
            dc.mul(f).intoArray(dcl, j * LANES);
        }
    }
}
