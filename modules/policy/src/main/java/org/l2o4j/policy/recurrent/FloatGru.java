package org.l2o4j.policy.recurrent;

import static org.l2o4j.policy.recurrent.FloatCells.LANES;
import static org.l2o4j.policy.recurrent.FloatCells.SPECIES;

import jdk.incubator.vector.FloatVector;

/**
 * {@link ComponentwiseGru}'s step and backward pass in single precision ({@link Precision#FLOAT}) for blocks of
 * {@link FloatCells#LANES} coordinates: {@link VectorGru}'s operations in its order, on floats, a block covered only
 * in lanes {@code lo .. hi} run whole with its other lanes idle. The sums over coordinates stay in double as in
 * {@link FloatLstm}: the weight and bias gradients' outer products (the bias as the input weights of a constant 1)
 * in single precision over a {@link FloatCells#CHUNK} of coordinates, then into double; initial-state and readout
 * terms coordinate by coordinate.
 */
final class FloatGru {

    private final int features;
    private final int hidden;
    private final FloatCells.Packed input;
    private final FloatCells.Packed gate;
    private final FloatCells.Packed candidate;
    private final FloatCells.Packed inputBackward;
    private final FloatCells.Packed gateBackward;
    private final FloatCells.Packed candidateBackward;
    private final float[] bias;
    private final float[] readout;
    private final float readoutBias;
    private final float scale;

    /** The network of {@link ComponentwiseGru}'s double kernel (its rows and columns), rounded to floats. */
    FloatGru(int features, int hidden, double[][] inputRows, double[][] inputColumns, double[][] gateRows,
            double[][] gateColumns, double[][] candidateRows, double[][] candidateColumns, double[] bias,
            double[] readout, double readoutBias, double scale) {
        this.features = features;
        this.hidden = hidden;
        this.input = new FloatCells.Packed(inputRows, features, 3 * hidden);
        this.gate = new FloatCells.Packed(gateRows, hidden, 2 * hidden);
        this.candidate = new FloatCells.Packed(candidateRows, hidden, hidden);
        this.inputBackward = new FloatCells.Packed(inputColumns, 3 * hidden, features);
        this.gateBackward = new FloatCells.Packed(gateColumns, 2 * hidden, hidden);
        this.candidateBackward = new FloatCells.Packed(candidateColumns, hidden, hidden);
        this.bias = FloatCells.toFloats(bias);
        this.readout = FloatCells.toFloats(readout);
        this.readoutBias = (float) readoutBias;
        this.scale = (float) scale;
    }

    /** Per step t: the features, h before the step and u, r, c, in blocks of LANES; made by {@code owner}. */
    static final class Tape implements RecurrentNet.Tape {
        final RecurrentNet owner;
        final int steps;
        final int coordinates;
        final float[][] inputs;
        final float[][] stateBefore;
        final float[][] gates;

        Tape(RecurrentNet owner, int steps, int coordinates, int features, int hidden) {
            this.owner = owner;
            this.steps = steps;
            this.coordinates = coordinates;
            inputs = new float[steps][FloatCells.tapeLength(coordinates, features)];
            stateBefore = new float[steps][FloatCells.tapeLength(coordinates, hidden)];
            gates = new float[steps][FloatCells.tapeLength(coordinates, 3 * hidden)];
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
        final float[] x;
        /**
         * One block's h, where a step on the caller's layout or on a partial block runs; backward, h before a step.
         */
        final float[] h;
        /** Pre-activations, then u | r | c (padded to whole tiles). */
        final float[] zx;
        final float[] zr;
        final float[] zc;
        final float[] rh;
        final float[] a = new float[LANES];
        final float[] out = new float[LANES];
        final float[] dh;
        final float[] dhBefore;
        final float[] drh;
        final float[] dx;
        /** dz = [dz_u | dz_r | dz_c] of every step of the block: step t's 3H rows from row t · 3H. */
        float[] dz = new float[0];
        /** a · h' of every step, step t's H rows from row t · H. */
        float[] readoutTerms = new float[0];
        /**
         * The chunk's pairs of the weight gradients' outer products, coordinate by coordinate and each one's steps
         * from the last: pair r's dz at r · 3H, its r ⊙ h and h at r · H, its [features ; 1] at r · (features + 1).
         */
        float[] pairAdjoints = new float[0];
        float[] pairResetStates = new float[0];
        float[] pairStates = new float[0];
        float[] pairInputs = new float[0];
        int pairs;
        /** The chunk's single-precision parts of the three weight gradients (the input weights' then the bias's). */
        final float[][] inputChunk;
        final float[][] gateChunk;
        final float[][] candidateChunk;

        Scratch(int features, int hidden) {
            x = new float[features * LANES];
            h = new float[hidden * LANES];
            zx = new float[FloatCells.padded(3 * hidden) * LANES];
            zr = new float[FloatCells.padded(2 * hidden) * LANES];
            zc = new float[FloatCells.padded(hidden) * LANES];
            rh = new float[hidden * LANES];
            dh = new float[hidden * LANES];
            dhBefore = new float[FloatCells.padded(hidden) * LANES];
            drh = new float[FloatCells.padded(hidden) * LANES];
            dx = new float[FloatCells.padded(features) * LANES];
            inputChunk = new float[features + 1][3 * hidden];
            gateChunk = new float[hidden][2 * hidden];
            candidateChunk = new float[hidden][hidden];
        }

        /** Room for a chunk's terms of {@code steps} steps (grown once, then reused). */
        void ensureSteps(int steps, int features, int hidden) {
            if (dz.length < steps * 3 * hidden * LANES) {
                int pairCapacity = FloatCells.CHUNK * steps;
                dz = new float[steps * 3 * hidden * LANES];
                readoutTerms = new float[steps * hidden * LANES];
                pairAdjoints = new float[pairCapacity * 3 * hidden];
                pairResetStates = new float[pairCapacity * hidden];
                pairStates = new float[pairCapacity * hidden];
                pairInputs = new float[pairCapacity * (features + 1)];
                pairs = 0;
            }
        }
    }

    /**
     * One step for lanes {@code lo .. hi} of the block at {@code n0} whose states are laid out coordinate after
     * coordinate in double, with the tape's step t or without a tape: the block's features and states rounded into
     * floats, stepped by {@link #stepBlock}, the states written back (exactly: they are floats).
     */
    void step(double[] featureValues, double[] state, double[] update, int n0, int lo, int hi, Scratch s, Tape tape,
            int t) {
        FloatCells.gather(featureValues, n0 * features, features, s.x, 0, features, lo, hi);
        FloatCells.gather(state, n0 * hidden, hidden, s.h, 0, hidden, lo, hi);
        stepBlock(s.h, 0, n0, lo, hi, s, tape, t);
        FloatCells.scatter(s.h, 0, hidden, state, n0 * hidden, hidden, lo, hi);
        for (int b = lo; b < hi; b++) {
            update[n0 + b] = s.out[b];
        }
    }

    /**
     * One step for coordinates {@code from .. to-1} of states kept as floats in blocks (block n0's h as {@code hidden}
     * block rows from {@code n0 · hidden}), as {@link FloatLstm#stepBlocks}: nothing moved or converted, a partial
     * block run on a copy with only the range's lanes written back, {@link #step}'s bits.
     */
    void stepBlocks(double[] featureValues, float[] state, double[] update, int from, int to, Scratch s) {
        for (int n0 = from / LANES * LANES; n0 < to; n0 += LANES) {
            int lo = Math.max(from - n0, 0);
            int hi = Math.min(to - n0, LANES);
            int offset = n0 * hidden;
            FloatCells.gather(featureValues, n0 * features, features, s.x, 0, features, lo, hi);
            if (lo == 0 && hi == LANES) {
                stepBlock(state, offset, n0, lo, hi, s, null, 0);
            } else {
                System.arraycopy(state, offset, s.h, 0, hidden * LANES);
                stepBlock(s.h, 0, n0, lo, hi, s, null, 0);
                FloatCells.copyLanes(s.h, 0, state, offset, hidden, lo, hi);
            }
            for (int b = lo; b < hi; b++) {
                update[n0 + b] = s.out[b];
            }
        }
    }

    /**
     * One step of the block whose features are the rows of {@code s.x} and whose h is the block rows of {@code state}
     * from {@code offset}, advanced in place; the updates go to {@code s.out}, lanes {@code lo .. hi} of block n0's
     * rows to the tape's step t.
     */
    private void stepBlock(float[] state, int offset, int n0, int lo, int hi, Scratch s, Tape tape, int t) {
        if (tape != null) {
            FloatCells.copyLanes(s.x, 0, tape.inputs[t], n0 * features, features, lo, hi);
            FloatCells.copyLanes(state, offset, tape.stateBefore[t], n0 * hidden, hidden, lo, hi);
        }
        FloatCells.broadcastRows(bias, s.zx, 3 * hidden);
        FloatCells.accumulate(input, s.x, 0, s.zx, 0);
        FloatCells.fill(s.zr, 0, 2 * hidden, 0f);
        FloatCells.accumulate(gate, state, offset / LANES, s.zr, 0);
        FloatCells.addRows(s.zr, s.zx, 2 * hidden);
        FloatCells.activate(s.zx, 0, s.zx, 0, 2 * hidden, false);
        resetState(s, state, offset);
        System.arraycopy(s.zx, 2 * hidden * LANES, s.zc, 0, hidden * LANES);
        FloatCells.accumulate(candidate, s.rh, 0, s.zc, 0);
        FloatCells.activate(s.zc, 0, s.zc, 0, hidden, true);
        System.arraycopy(s.zc, 0, s.zx, 2 * hidden * LANES, hidden * LANES);
        nextStateAndReadout(s, state, offset);
        if (tape != null) {
            FloatCells.copyLanes(s.zx, 0, tape.gates[t], n0 * 3 * hidden, 3 * hidden, lo, hi);
        }
    }

    /** r ⊙ h, h the block rows of {@code state} from {@code offset}. */
    private void resetState(Scratch s, float[] state, int offset) {
        for (int j = 0; j < hidden; j++) {
            FloatVector.fromArray(SPECIES, s.zx, (hidden + j) * LANES)
                    .mul(FloatVector.fromArray(SPECIES, state, offset + j * LANES)).intoArray(s.rh, j * LANES);
        }
    }

    /**
     * h' = u ⊙ h + (1 − u) ⊙ c in place of h (row j read before it is written) and Δθ = scale · (b_out + Σ_j
     * w_out[j] · h'_j) into {@code s.out}.
     */
    private void nextStateAndReadout(Scratch s, float[] state, int offset) {
        FloatVector one = FloatVector.broadcast(SPECIES, 1f);
        FloatVector out = FloatVector.broadcast(SPECIES, readoutBias);
        for (int j = 0; j < hidden; j++) {
            FloatVector u = FloatVector.fromArray(SPECIES, s.zx, j * LANES);
            FloatVector h = FloatVector.fromArray(SPECIES, state, offset + j * LANES);
            FloatVector c = FloatVector.fromArray(SPECIES, s.zc, j * LANES);
            FloatVector next = u.mul(h).add(one.sub(u).mul(c));
            next.intoArray(state, offset + j * LANES);
            out = out.add(next.mul(readout[j]));
        }
        out.mul(scale).intoArray(s.out, 0);
    }

    /**
     * Backpropagation through {@code steps} steps for lanes {@code lo .. hi} of the block at {@code n0}, as
     * {@link FloatLstm#backward}: initial-state and readout terms into the double accumulators, the weight and bias
     * gradients' pairs appended to the chunk's ({@link #addPairs}); the tape read in place.
     */
    void backward(int steps, double[][] updateAdjoint, boolean fromInitialState, int n0, int lo, int hi, Scratch s,
            Tape tape, double[] initialStateGradient, double[] readoutGradient,
            double[][] featureAdjoint) {
        s.ensureSteps(steps, features, hidden);
        int gatesWidth = 3 * hidden;
        FloatCells.fill(s.dh, 0, hidden, 0f);
        for (int t = steps - 1; t >= 0; t--) {
            java.util.Arrays.fill(s.a, 0f);
            for (int b = lo; b < hi; b++) {
                s.a[b] = scale * (float) updateAdjoint[t][n0 + b];
            }
            int dzRow = t * gatesWidth;
            System.arraycopy(tape.gates[t], n0 * gatesWidth, s.zx, 0, gatesWidth * LANES);
            System.arraycopy(tape.stateBefore[t], n0 * hidden, s.h, 0, hidden * LANES);
            updateAdjoints(s, t, dzRow);
            FloatCells.fill(s.drh, 0, hidden, 0f);
            FloatCells.accumulate(candidateBackward, s.dz, dzRow + 2 * hidden, s.drh, 0);
            resetAdjoints(s, dzRow);
            FloatCells.accumulate(gateBackward, s.dz, dzRow, s.dhBefore, 0);
            if (featureAdjoint != null) {
                FloatCells.fill(s.dx, 0, features, 0f);
                FloatCells.accumulate(inputBackward, s.dz, dzRow, s.dx, 0);
                FloatCells.scatter(s.dx, 0, features, featureAdjoint[t], n0 * features, features, lo, hi);
            }
            System.arraycopy(s.dhBefore, 0, s.dh, 0, hidden * LANES);
        }
        for (int b = lo; b < hi; b++) {
            int n = n0 + b;
            for (int t = steps - 1; t >= 0; t--) {
                int pair = s.pairs++;
                for (int j = 0; j < hidden; j++) {
                    readoutGradient[j] += s.readoutTerms[(t * hidden + j) * LANES + b];
                }
                readoutGradient[hidden] += scale * (float) updateAdjoint[t][n];
                float[] gates = tape.gates[t];
                float[] before = tape.stateBefore[t];
                float[] inputs = tape.inputs[t];
                for (int j = 0; j < hidden; j++) {
                    float h = before[n0 * hidden + j * LANES + b];
                    s.pairStates[pair * hidden + j] = h;
                    s.pairResetStates[pair * hidden + j] = gates[n0 * gatesWidth + (hidden + j) * LANES + b] * h;
                }
                for (int k = 0; k < features; k++) {
                    s.pairInputs[pair * (features + 1) + k] = inputs[n0 * features + k * LANES + b];
                }
                s.pairInputs[pair * (features + 1) + features] = 1f;
                for (int j = 0; j < gatesWidth; j++) {
                    s.pairAdjoints[pair * gatesWidth + j] = s.dz[(t * gatesWidth + j) * LANES + b];
                }
            }
            if (fromInitialState) {
                for (int j = 0; j < hidden; j++) {
                    initialStateGradient[j] += s.dh[j * LANES + b];
                }
            }
        }
    }

    /**
     * Adds the chunk's pairs to the three weight gradients and the bias gradient: summed in single precision, then
     * into the double sums.
     */
    void addPairs(Scratch s, double[][] inputWeightGradient, double[][] gateGradient, double[][] candidateGradient,
            double[] biasGradient) {
        if (s.pairs == 0) {
            return;
        }
        int gatesWidth = 3 * hidden;
        FloatCells.addOuterProducts(s.candidateChunk, hidden, s.pairResetStates, hidden, s.pairAdjoints, 2 * hidden,
                gatesWidth, s.pairs);
        FloatCells.addOuterProducts(s.gateChunk, 2 * hidden, s.pairStates, hidden, s.pairAdjoints, 0, gatesWidth,
                s.pairs);
        FloatCells.addOuterProducts(s.inputChunk, gatesWidth, s.pairInputs, features + 1, s.pairAdjoints, 0,
                gatesWidth, s.pairs);
        for (int k = 0; k < hidden; k++) {
            FloatCells.drain(s.candidateChunk[k], candidateGradient[k]);
            FloatCells.drain(s.gateChunk[k], gateGradient[k]);
        }
        for (int k = 0; k < features; k++) {
            FloatCells.drain(s.inputChunk[k], inputWeightGradient[k]);
        }
        FloatCells.drain(s.inputChunk[features], biasGradient);
        s.pairs = 0;
    }

    /** The readout's terms a · h', dz_u, dz_c and the direct part u ⊙ dh' of dh, from the taped gates and h. */
    private void updateAdjoints(Scratch s, int t, int dzRow) {
        FloatVector one = FloatVector.broadcast(SPECIES, 1f);
        FloatVector a = FloatVector.fromArray(SPECIES, s.a, 0);
        for (int j = 0; j < hidden; j++) {
            FloatVector u = FloatVector.fromArray(SPECIES, s.zx, j * LANES);
            FloatVector c = FloatVector.fromArray(SPECIES, s.zx, (2 * hidden + j) * LANES);
            FloatVector hb = FloatVector.fromArray(SPECIES, s.h, j * LANES);
            FloatVector oneMinusU = one.sub(u);
            a.mul(u.mul(hb).add(oneMinusU.mul(c))).intoArray(s.readoutTerms, (t * hidden + j) * LANES);
            FloatVector dh = FloatVector.fromArray(SPECIES, s.dh, j * LANES).add(a.mul(readout[j]));
            dh.mul(hb.sub(c)).mul(u).mul(oneMinusU).intoArray(s.dz, (dzRow + j) * LANES);
            dh.mul(oneMinusU).mul(one.sub(c.mul(c))).intoArray(s.dz, (dzRow + 2 * hidden + j) * LANES);
            dh.mul(u).intoArray(s.dhBefore, j * LANES);
        }
    }

    /** dz_r = d(r ⊙ h) ⊙ h ⊙ r(1 − r) and dh += d(r ⊙ h) ⊙ r. */
    private void resetAdjoints(Scratch s, int dzRow) {
        FloatVector one = FloatVector.broadcast(SPECIES, 1f);
        for (int j = 0; j < hidden; j++) {
            FloatVector r = FloatVector.fromArray(SPECIES, s.zx, (hidden + j) * LANES);
            FloatVector hb = FloatVector.fromArray(SPECIES, s.h, j * LANES);
            FloatVector drh = FloatVector.fromArray(SPECIES, s.drh, j * LANES);
            drh.mul(hb).mul(r).mul(one.sub(r)).intoArray(s.dz, (dzRow + hidden + j) * LANES);
            FloatVector.fromArray(SPECIES, s.dhBefore, j * LANES).add(drh.mul(r)).intoArray(s.dhBefore, j * LANES);
        }
    }
}
