package org.l2o4j.policy.recurrent;

import static org.l2o4j.policy.recurrent.VectorCells.LANES;
import static org.l2o4j.policy.recurrent.VectorCells.SPECIES;

import jdk.incubator.vector.DoubleVector;

/**
 * {@link CoordinatewiseLstm}'s step and backward pass for blocks of {@link VectorCells#LANES} coordinates, one per
 * lane, with the scalar kernel's bits (see {@link VectorCells}). Per block and layer the four gate products are one
 * pass over the packed weights, eight gates at a time held in registers; the gates, the cell update and, backward,
 * the element-wise derivatives run on whole vectors of coordinates.
 *
 * <p>The sums over coordinates (the weight, bias and readout gradients) must be added coordinate by coordinate, each
 * coordinate's steps from the last to the first, as the scalar kernel adds them: the backward pass keeps a block's
 * terms for all its steps and adds them in that order after the block.
 */
final class VectorLstm {

    private final int features;
    private final int hidden;
    private final int layers;
    private final int stride;
    /** Per layer: W_l packed for z = b + Wᵀv (reduction over v, outputs the 4H gates). */
    private final VectorCells.Packed[] forward;
    /** Per layer l ≥ 1: W_l packed for dv = W dz (reduction over the gates, outputs v); null for layer 0. */
    private final VectorCells.Packed[] backward;
    private final VectorCells.Packed featureBackward;
    private final VectorCells.Packed recurrentBackward;
    private final double[][] bias;
    private final double[] readout;
    private final double readoutBias;
    private final double scale;

    VectorLstm(int features, int hidden, double[][][] rows, double[][][] columns, double[][] featureColumns,
            double[][] recurrentColumns, double[][] bias, double[] readout, double readoutBias, double scale) {
        this.features = features;
        this.hidden = hidden;
        this.layers = rows.length;
        this.stride = 2 * layers * hidden;
        this.forward = new VectorCells.Packed[layers];
        this.backward = new VectorCells.Packed[layers];
        for (int l = 0; l < layers; l++) {
            int width = rows[l].length;
            forward[l] = new VectorCells.Packed(rows[l], width, 4 * hidden);
            backward[l] = l == 0 ? null : new VectorCells.Packed(columns[l], 4 * hidden, width);
        }
        this.featureBackward = new VectorCells.Packed(featureColumns, 4 * hidden, features);
        this.recurrentBackward = new VectorCells.Packed(recurrentColumns, 4 * hidden, hidden);
        this.bias = bias;
        this.readout = readout;
        this.readoutBias = readoutBias;
        this.scale = scale;
    }

    /** Block scratch of one workspace; plain arrays, so that it can be made without loading vector types. */
    static final class Scratch {
        final int lanes;
        /** v = [input ; own previous h] of the current layer; after the layer, h' in its first H rows. */
        final double[] v;
        /** The 4H pre-activations, then the gates (padded to whole tiles). */
        final double[] z;
        final double[] tc;
        /** One block's state ({@code stride} rows), where a step on the caller's layout or on a partial block runs. */
        final double[] state;
        /** One block's updates, for a partial block. */
        final double[] update;
        /** The activations' polynomials halfway (2H rows, the most one call activates). */
        final double[] partial;
        /** scale · ∂L/∂Δθ of the current step. */
        final double[] a;
        final double[][] dh;
        final double[][] dc;
        /** dv (padded). */
        final double[] dv;
        /** Per layer, dz of every step of the block: step t's 4H rows from row t · 4H. */
        double[][] dz = new double[0][];
        /** a · h_top of every step, step t's H rows from row t · H. */
        double[] readoutTerms = new double[0];
        /**
         * Per layer, the block's (v, dz) pairs of the weight gradient, coordinate by coordinate and each one's steps
         * from the last: pair r's v at r · width, its dz at r · 4H.
         */
        double[][] pairInputs = new double[0][];
        double[][] pairAdjoints = new double[0][];

        Scratch(int lanes, int features, int hidden, int layers) {
            this.lanes = lanes;
            int width = Math.max(features, hidden) + hidden;
            v = new double[width * lanes];
            z = new double[VectorCells.padded(4 * hidden) * lanes];
            tc = new double[hidden * lanes];
            state = new double[2 * layers * hidden * lanes];
            update = new double[lanes];
            partial = new double[2 * hidden * lanes];
            a = new double[lanes];
            dh = new double[layers][hidden * lanes];
            dc = new double[layers][hidden * lanes];
            dv = new double[VectorCells.padded(width) * lanes];
        }

        /** Room for the block's terms of {@code steps} steps (grown once, then reused). */
        void ensureSteps(int steps, int features, int layers, int hidden) {
            if (dz.length == 0 || dz[0].length < steps * 4 * hidden * lanes) {
                dz = new double[layers][steps * 4 * hidden * lanes];
                readoutTerms = new double[steps * hidden * lanes];
                pairInputs = new double[layers][];
                pairAdjoints = new double[layers][steps * lanes * 4 * hidden];
                for (int l = 0; l < layers; l++) {
                    pairInputs[l] = new double[steps * lanes * ((l == 0 ? features : hidden) + hidden)];
                }
            }
        }
    }

    /**
     * One step for coordinates {@code n0 .. n0 + LANES} ({@code n0} a multiple of LANES) whose states are laid out
     * coordinate after coordinate, as the scalar kernel's step: their features and states are moved into the block,
     * stepped by {@link #stepBlock} and the states moved back. The tape arrays are step t's, one per layer, or all null
     * when not training; a block's numbers there are block rows from {@code n0 · width} (see {@link Dense#BLOCK}).
     */
    void step(double[] featureValues, double[] state, double[] update, int n0, Scratch s, double[][] layerInputs,
            double[][] gates, double[][] cellBefore, double[][] cellTanh) {
        VectorCells.gather(featureValues, n0 * features, features, s.v, 0, features);
        VectorCells.gather(state, n0 * stride, stride, s.state, 0, stride);
        stepBlock(s.state, 0, update, n0, s, n0, layerInputs, gates, cellBefore, cellTanh);
        VectorCells.scatter(s.state, 0, stride, state, n0 * stride, stride);
    }

    /**
     * One step for coordinates {@code from .. to-1} of states kept in blocks: the block of coordinates n0 .. n0 +
     * LANES (n0 a multiple of LANES) has its state as {@code stride} block rows from {@code n0 · stride}, in the
     * order of a coordinate's state ({@link Dense#tapeBase}'s layout), so no state moves between steps. A block that
     * the range covers in part runs whole on a copy, its other lanes idle (their results dropped): each lane does its
     * own coordinate's operations, so the bits are those of the scalar kernel for every coordinate of the range.
     */
    void stepBlocks(double[] featureValues, double[] state, double[] update, int from, int to, Scratch s) {
        for (int n0 = from / LANES * LANES; n0 < to; n0 += LANES) {
            int offset = n0 * stride;
            if (n0 >= from && n0 + LANES <= to) {
                VectorCells.gather(featureValues, n0 * features, features, s.v, 0, features);
                stepBlock(state, offset, update, n0, s, n0, null, null, null, null);
                continue;
            }
            int first = Math.max(from, n0) - n0;
            int last = Math.min(to, n0 + LANES) - n0;
            System.arraycopy(state, offset, s.state, 0, stride * LANES);
            VectorCells.fill(s.v, 0, features, 0.0);
            for (int b = first; b < last; b++) {
                for (int k = 0; k < features; k++) {
                    s.v[k * LANES + b] = featureValues[(n0 + b) * features + k];
                }
            }
            stepBlock(s.state, 0, s.update, 0, s, n0, null, null, null, null);
            for (int b = first; b < last; b++) {
                for (int r = 0; r < stride; r++) {
                    state[offset + r * LANES + b] = s.state[r * LANES + b];
                }
                update[n0 + b] = s.update[b];
            }
        }
    }

    /**
     * One step of the block whose features are the first rows of {@code s.v} and whose state is the block rows of
     * {@code state} from {@code stateOffset} ([h_0 | c_0 | h_1 | c_1 | …], one row per number), advanced in place;
     * the updates go to {@code update[updateOffset ..]}, the tape (as in {@link #step}) to the rows of block n0.
     */
    private void stepBlock(double[] state, int stateOffset, double[] update, int updateOffset, Scratch s, int n0,
            double[][] layerInputs, double[][] gates, double[][] cellBefore, double[][] cellTanh) {
        for (int l = 0; l < layers; l++) {
            int in = l == 0 ? features : hidden;
            int width = in + hidden;
            int h = stateOffset + 2 * l * hidden * LANES;
            int c = h + hidden * LANES;
            System.arraycopy(state, h, s.v, in * LANES, hidden * LANES);
            VectorCells.broadcastRows(bias[l], s.z, 4 * hidden);
            VectorCells.accumulate(forward[l], s.v, 0, s.z, 0);
            if (layerInputs != null) {
                System.arraycopy(s.v, 0, layerInputs[l], n0 * width, width * LANES);
                System.arraycopy(state, c, cellBefore[l], n0 * hidden, hidden * LANES);
            }
            // i, f, o = σ(z); g = tanh(z_g), which the scalar kernel computes as 2σ(2 z_g) − 1: the same bits.
            VectorCells.activate(s.z, 0, s.z, 0, 2 * hidden, false, s.partial);
            VectorCells.activate(s.z, 2 * hidden, s.z, 2 * hidden, hidden, true, s.partial);
            VectorCells.activate(s.z, 3 * hidden, s.z, 3 * hidden, hidden, false, s.partial);
            cellUpdate(s, state, c);
            VectorCells.activate(state, c / LANES, s.tc, 0, hidden, true, s.partial);
            output(s, state, h);
            if (gates != null) {
                System.arraycopy(s.tc, 0, cellTanh[l], n0 * hidden, hidden * LANES);
                System.arraycopy(s.z, 0, gates[l], n0 * 4 * hidden, 4 * hidden * LANES);
            }
        }
        readout(s.v, update, updateOffset);
    }

    /** c' = f ⊙ c + i ⊙ g, in place of c (the block rows of {@code state} from {@code c}). */
    private void cellUpdate(Scratch s, double[] state, int c) {
        for (int j = 0; j < hidden; j++) {
            DoubleVector i = DoubleVector.fromArray(SPECIES, s.z, j * LANES);
            DoubleVector f = DoubleVector.fromArray(SPECIES, s.z, (hidden + j) * LANES);
            DoubleVector g = DoubleVector.fromArray(SPECIES, s.z, (2 * hidden + j) * LANES);
            DoubleVector before = DoubleVector.fromArray(SPECIES, state, c + j * LANES);
            f.mul(before).add(i.mul(g)).intoArray(state, c + j * LANES);
        }
    }

    /**
     * h' = o ⊙ tanh(c') into the state's h rows (from {@code h}) and the first H rows of v (the next layer's input, or
     * the readout's).
     */
    private void output(Scratch s, double[] state, int h) {
        for (int j = 0; j < hidden; j++) {
            DoubleVector o = DoubleVector.fromArray(SPECIES, s.z, (3 * hidden + j) * LANES);
            DoubleVector out = o.mul(DoubleVector.fromArray(SPECIES, s.tc, j * LANES));
            out.intoArray(s.v, j * LANES);
            out.intoArray(state, h + j * LANES);
        }
    }

    /** Δθ = scale · (b_out + Σ_j w_out[j] · h_top[j]), summed from the left as the scalar kernel sums it. */
    private void readout(double[] h, double[] update, int offset) {
        DoubleVector out = DoubleVector.broadcast(SPECIES, readoutBias);
        for (int j = 0; j < hidden; j++) {
            out = out.add(DoubleVector.fromArray(SPECIES, h, j * LANES).mul(readout[j]));
        }
        out.mul(scale).intoArray(update, offset);
    }

    /**
     * Backpropagation through {@code steps} steps for coordinates {@code n0 .. n0 + LANES}, as the scalar kernel's
     * backward; the parameter-gradient sums are added into the scalar kernel's accumulators (the weight, bias and
     * readout gradients, whose outer-product buffers must hold nothing) in its order. The tape arrays are indexed
     * [t][l].
     */
    void backward(int steps, double[][] updateAdjoint, int n0, Scratch s, double[][][] layerInputs,
            double[][][] gates, double[][][] cellBefore, double[][][] cellTanh, double[][][] weightGradient,
            double[][] biasGradient, double[] readoutGradient, double[][] featureAdjoint) {
        s.ensureSteps(steps, features, layers, hidden);
        int top = layers - 1;
        int gatesWidth = 4 * hidden;
        for (int l = 0; l < layers; l++) {
            VectorCells.fill(s.dh[l], 0, hidden, 0.0);
            VectorCells.fill(s.dc[l], 0, hidden, 0.0);
        }
        for (int t = steps - 1; t >= 0; t--) {
            scaleAdjoint(updateAdjoint[t], n0, s.a);
            for (int l = top; l >= 0; l--) {
                int in = l == 0 ? features : hidden;
                int width = in + hidden;
                double[] dz = s.dz[l];
                int dzRow = t * gatesWidth;
                if (l == top) {
                    readoutAdjoint(s, t, gates[t][l], cellTanh[t][l], n0);
                }
                gateAdjoints(s, l, gates[t][l], cellBefore[t][l], cellTanh[t][l], n0, dz, dzRow);
                // The products go through s.dv, whose padding rows take the tiles' junk.
                if (l > 0) {
                    VectorCells.fill(s.dv, 0, width, 0.0);
                    VectorCells.accumulate(backward[l], dz, dzRow, s.dv, 0);
                    System.arraycopy(s.dv, in * LANES, s.dh[l], 0, hidden * LANES);
                    VectorCells.addRows(s.dv, s.dh[l - 1], hidden);
                } else {
                    VectorCells.fill(s.dv, 0, hidden, 0.0);
                    VectorCells.accumulate(recurrentBackward, dz, dzRow, s.dv, 0);
                    System.arraycopy(s.dv, 0, s.dh[0], 0, hidden * LANES);
                    if (featureAdjoint != null) {
                        VectorCells.fill(s.dv, 0, features, 0.0);
                        VectorCells.accumulate(featureBackward, dz, dzRow, s.dv, 0);
                        VectorCells.scatter(s.dv, 0, features, featureAdjoint[t], n0 * features, features);
                    }
                }
            }
        }
        for (int b = 0; b < LANES; b++) {
            int n = n0 + b;
            for (int t = steps - 1; t >= 0; t--) {
                int pair = b * steps + steps - 1 - t;
                for (int j = 0; j < hidden; j++) {
                    readoutGradient[j] += s.readoutTerms[(t * hidden + j) * LANES + b];
                }
                readoutGradient[hidden] += scale * updateAdjoint[t][n];
                for (int l = top; l >= 0; l--) {
                    int width = (l == 0 ? features : hidden) + hidden;
                    double[] dz = s.dz[l];
                    double[] pairAdjoints = s.pairAdjoints[l];
                    double[] gb = biasGradient[l];
                    for (int j = 0; j < gatesWidth; j++) {
                        double value = dz[(t * gatesWidth + j) * LANES + b];
                        pairAdjoints[pair * gatesWidth + j] = value;
                        gb[j] += value;
                    }
                    double[] v = layerInputs[t][l];
                    double[] pairInputs = s.pairInputs[l];
                    for (int k = 0; k < width; k++) {
                        pairInputs[pair * width + k] = v[n0 * width + k * LANES + b];
                    }
                }
            }
        }
        for (int l = 0; l < layers; l++) {
            int width = (l == 0 ? features : hidden) + hidden;
            VectorCells.addOuterProducts(weightGradient[l], gatesWidth, s.pairInputs[l], width, s.pairAdjoints[l], 0,
                    gatesWidth, LANES * steps);
        }
    }

    /** a = scale · ∂L/∂Δθ, as the scalar kernel rounds it. */
    private void scaleAdjoint(double[] updateAdjoint, int n0, double[] a) {
        DoubleVector.fromArray(SPECIES, updateAdjoint, n0).mul(scale).intoArray(a, 0);
    }

    /**
     * The readout's terms a · h_top for the readout gradient (kept for step t), and dh_top += a · w_out, from the top
     * layer's taped gates and tanh(c') (the block's rows from {@code n0 · width}, read in place).
     */
    private void readoutAdjoint(Scratch s, int t, double[] gates, double[] cellTanh, int n0) {
        DoubleVector a = DoubleVector.fromArray(SPECIES, s.a, 0);
        double[] dh = s.dh[layers - 1];
        int g0 = n0 * 4 * hidden;
        int h0 = n0 * hidden;
        for (int j = 0; j < hidden; j++) {
            DoubleVector o = DoubleVector.fromArray(SPECIES, gates, g0 + (3 * hidden + j) * LANES);
            DoubleVector tc = DoubleVector.fromArray(SPECIES, cellTanh, h0 + j * LANES);
            a.mul(o.mul(tc)).intoArray(s.readoutTerms, (t * hidden + j) * LANES);
            DoubleVector.fromArray(SPECIES, dh, j * LANES).add(a.mul(readout[j])).intoArray(dh, j * LANES);
        }
    }

    /**
     * Layer l backward, element-wise, from its taped gates, c and tanh(c') (read in place): dz of the four gates (into
     * rows of {@code dz} from dzRow) and dc.
     */
    private void gateAdjoints(Scratch s, int l, double[] gates, double[] cellBefore, double[] cellTanh, int n0,
            double[] dz, int dzRow) {
        int g0 = n0 * 4 * hidden;
        int h0 = n0 * hidden;
        DoubleVector one = DoubleVector.broadcast(SPECIES, 1.0);
        double[] dhl = s.dh[l];
        double[] dcl = s.dc[l];
        for (int j = 0; j < hidden; j++) {
            DoubleVector i = DoubleVector.fromArray(SPECIES, gates, g0 + j * LANES);
            DoubleVector f = DoubleVector.fromArray(SPECIES, gates, g0 + (hidden + j) * LANES);
            DoubleVector g = DoubleVector.fromArray(SPECIES, gates, g0 + (2 * hidden + j) * LANES);
            DoubleVector o = DoubleVector.fromArray(SPECIES, gates, g0 + (3 * hidden + j) * LANES);
            DoubleVector tc = DoubleVector.fromArray(SPECIES, cellTanh, h0 + j * LANES);
            DoubleVector before = DoubleVector.fromArray(SPECIES, cellBefore, h0 + j * LANES);
            DoubleVector dh = DoubleVector.fromArray(SPECIES, dhl, j * LANES);
            DoubleVector dc = DoubleVector.fromArray(SPECIES, dcl, j * LANES)
                    .add(dh.mul(o).mul(one.sub(tc.mul(tc))));
            dc.mul(g).mul(i).mul(one.sub(i)).intoArray(dz, (dzRow + j) * LANES);
            dc.mul(before).mul(f).mul(one.sub(f)).intoArray(dz, (dzRow + hidden + j) * LANES);
            dc.mul(i).mul(one.sub(g.mul(g))).intoArray(dz, (dzRow + 2 * hidden + j) * LANES);
            dh.mul(tc).mul(o).mul(one.sub(o)).intoArray(dz, (dzRow + 3 * hidden + j) * LANES);
            dc.mul(f).intoArray(dcl, j * LANES);
        }
    }
}
