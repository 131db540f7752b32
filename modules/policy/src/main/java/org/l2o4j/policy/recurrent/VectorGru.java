package org.l2o4j.policy.recurrent;

import static org.l2o4j.policy.recurrent.VectorCells.LANES;
import static org.l2o4j.policy.recurrent.VectorCells.SPECIES;

import jdk.incubator.vector.DoubleVector;

/**
 * {@link ComponentwiseGru}'s step and backward pass for blocks of {@link VectorCells#LANES} coordinates, one per
 * lane, with the scalar kernel's bits (see {@link VectorCells}): the three products of a step are passes over packed
 * weights with eight units held in registers, the gates and the state update run on whole vectors of coordinates.
 * As in {@link VectorLstm}, the backward pass keeps the block's terms of the sums over coordinates and adds them
 * coordinate by coordinate, each from its last step to its first, as the scalar kernel does.
 */
final class VectorGru {

    private final int features;
    private final int hidden;
    private final VectorCells.Packed input;
    private final VectorCells.Packed gate;
    private final VectorCells.Packed candidate;
    private final VectorCells.Packed inputBackward;
    private final VectorCells.Packed gateBackward;
    private final VectorCells.Packed candidateBackward;
    private final double[] bias;
    private final double[] readout;
    private final double readoutBias;
    private final double scale;

    VectorGru(int features, int hidden, double[][] inputRows, double[][] inputColumns, double[][] gateRows,
            double[][] gateColumns, double[][] candidateRows, double[][] candidateColumns, double[] bias,
            double[] readout, double readoutBias, double scale) {
        this.features = features;
        this.hidden = hidden;
        this.input = new VectorCells.Packed(inputRows, features, 3 * hidden);
        this.gate = new VectorCells.Packed(gateRows, hidden, 2 * hidden);
        this.candidate = new VectorCells.Packed(candidateRows, hidden, hidden);
        this.inputBackward = new VectorCells.Packed(inputColumns, 3 * hidden, features);
        this.gateBackward = new VectorCells.Packed(gateColumns, 2 * hidden, hidden);
        this.candidateBackward = new VectorCells.Packed(candidateColumns, hidden, hidden);
        this.bias = bias;
        this.readout = readout;
        this.readoutBias = readoutBias;
        this.scale = scale;
    }

    /** Block scratch of one workspace; plain arrays, so that it can be made without loading vector types. */
    static final class Scratch {
        final int lanes;
        final double[] x;
        final double[] h;
        /** Pre-activations, then u | r | c (padded to whole tiles). */
        final double[] zx;
        final double[] zr;
        final double[] zc;
        final double[] rh;
        final double[] next;
        /** scale · ∂L/∂Δθ of the current step. */
        final double[] a;
        final double[] dh;
        final double[] dhBefore;
        final double[] drh;
        final double[] dx;
        /** The activations' polynomials halfway (2H rows, the most one call activates). */
        final double[] partial;
        /** dz = [dz_u | dz_r | dz_c] of every step of the block: step t's 3H rows from row t · 3H. */
        double[] dz = new double[0];
        /** a · h' of every step, step t's H rows from row t · H. */
        double[] readoutTerms = new double[0];
        /**
         * The block's pairs of the weight gradients' outer products, coordinate by coordinate and each one's steps
         * from the last: pair r's dz at r · 3H, its r ⊙ h and h at r · H, its features at r · features.
         */
        double[] pairAdjoints = new double[0];
        double[] pairResetStates = new double[0];
        double[] pairStates = new double[0];
        double[] pairInputs = new double[0];

        Scratch(int lanes, int features, int hidden) {
            this.lanes = lanes;
            x = new double[features * lanes];
            h = new double[hidden * lanes];
            zx = new double[VectorCells.padded(3 * hidden) * lanes];
            zr = new double[VectorCells.padded(2 * hidden) * lanes];
            zc = new double[VectorCells.padded(hidden) * lanes];
            rh = new double[hidden * lanes];
            next = new double[hidden * lanes];
            a = new double[lanes];
            dh = new double[hidden * lanes];
            dhBefore = new double[VectorCells.padded(hidden) * lanes];
            drh = new double[VectorCells.padded(hidden) * lanes];
            dx = new double[VectorCells.padded(features) * lanes];
            partial = new double[2 * hidden * lanes];
        }

        /** Room for the block's terms of {@code steps} steps (grown once, then reused). */
        void ensureSteps(int steps, int features, int hidden) {
            if (dz.length < steps * 3 * hidden * lanes) {
                dz = new double[steps * 3 * hidden * lanes];
                readoutTerms = new double[steps * hidden * lanes];
                pairAdjoints = new double[steps * lanes * 3 * hidden];
                pairResetStates = new double[steps * lanes * hidden];
                pairStates = new double[steps * lanes * hidden];
                pairInputs = new double[steps * lanes * features];
            }
        }
    }

    /**
     * One step for coordinates {@code n0 .. n0 + LANES} ({@code n0} a multiple of LANES), as the scalar kernel's
     * step. The tape arrays are step t's, or all null when not training; a block's numbers there are block rows from
     * {@code n0 · width} (see {@link Dense#BLOCK}).
     */
    void step(double[] featureValues, double[] state, double[] update, int n0, Scratch s, double[] tapeInputs,
            double[] tapeStateBefore, double[] tapeGates) {
        VectorCells.gather(featureValues, n0 * features, features, s.x, 0, features);
        VectorCells.gather(state, n0 * hidden, hidden, s.h, 0, hidden);
        VectorCells.broadcastRows(bias, s.zx, 3 * hidden);
        VectorCells.accumulate(input, s.x, 0, s.zx, 0);
        VectorCells.fill(s.zr, 0, 2 * hidden, 0.0);
        VectorCells.accumulate(gate, s.h, 0, s.zr, 0);
        VectorCells.addRows(s.zr, s.zx, 2 * hidden);
        VectorCells.activate(s.zx, 0, s.zx, 0, 2 * hidden, false, s.partial);
        resetState(s);
        System.arraycopy(s.zx, 2 * hidden * LANES, s.zc, 0, hidden * LANES);
        VectorCells.accumulate(candidate, s.rh, 0, s.zc, 0);
        VectorCells.activate(s.zc, 0, s.zc, 0, hidden, true, s.partial);
        System.arraycopy(s.zc, 0, s.zx, 2 * hidden * LANES, hidden * LANES);
        nextStateAndReadout(s, update, n0);
        if (tapeInputs != null) {
            System.arraycopy(s.x, 0, tapeInputs, n0 * features, LANES * features);
            System.arraycopy(s.h, 0, tapeStateBefore, n0 * hidden, LANES * hidden);
            System.arraycopy(s.zx, 0, tapeGates, n0 * 3 * hidden, LANES * 3 * hidden);
        }
        VectorCells.scatter(s.next, 0, hidden, state, n0 * hidden, hidden);
    }

    /** r ⊙ h. */
    private void resetState(Scratch s) {
        for (int j = 0; j < hidden; j++) {
            DoubleVector.fromArray(SPECIES, s.zx, (hidden + j) * LANES)
                    .mul(DoubleVector.fromArray(SPECIES, s.h, j * LANES)).intoArray(s.rh, j * LANES);
        }
    }

    /** h' = u ⊙ h + (1 − u) ⊙ c and Δθ = scale · (b_out + Σ_j w_out[j] · h'_j), summed from the left. */
    private void nextStateAndReadout(Scratch s, double[] update, int n0) {
        DoubleVector one = DoubleVector.broadcast(SPECIES, 1.0);
        DoubleVector out = DoubleVector.broadcast(SPECIES, readoutBias);
        for (int j = 0; j < hidden; j++) {
            DoubleVector u = DoubleVector.fromArray(SPECIES, s.zx, j * LANES);
            DoubleVector h = DoubleVector.fromArray(SPECIES, s.h, j * LANES);
            DoubleVector c = DoubleVector.fromArray(SPECIES, s.zc, j * LANES);
            DoubleVector next = u.mul(h).add(one.sub(u).mul(c));
            next.intoArray(s.next, j * LANES);
            out = out.add(next.mul(readout[j]));
        }
        out.mul(scale).intoArray(update, n0);
    }

    /**
     * Backpropagation through {@code steps} steps for coordinates {@code n0 .. n0 + LANES}, as the scalar kernel's
     * backward, adding into its accumulators (whose outer-product buffers must hold nothing) in its order. Tape
     * arrays are indexed by step.
     */
    void backward(int steps, double[][] updateAdjoint, boolean fromInitialState, int n0, Scratch s,
            double[][] tapeInputs, double[][] tapeStateBefore, double[][] tapeGates, double[][] inputWeightGradient,
            double[][] gateGradient, double[][] candidateGradient, double[] biasGradient,
            double[] initialStateGradient, double[] readoutGradient, double[][] featureAdjoint) {
        s.ensureSteps(steps, features, hidden);
        int gatesWidth = 3 * hidden;
        VectorCells.fill(s.dh, 0, hidden, 0.0);
        for (int t = steps - 1; t >= 0; t--) {
            DoubleVector.fromArray(SPECIES, updateAdjoint[t], n0).mul(scale).intoArray(s.a, 0);
            int dzRow = t * gatesWidth;
            System.arraycopy(tapeGates[t], n0 * gatesWidth, s.zx, 0, gatesWidth * LANES);
            System.arraycopy(tapeStateBefore[t], n0 * hidden, s.h, 0, hidden * LANES);
            updateAdjoints(s, t, dzRow);
            VectorCells.fill(s.drh, 0, hidden, 0.0);
            VectorCells.accumulate(candidateBackward, s.dz, dzRow + 2 * hidden, s.drh, 0);
            resetAdjoints(s, dzRow);
            VectorCells.accumulate(gateBackward, s.dz, dzRow, s.dhBefore, 0);
            if (featureAdjoint != null) {
                VectorCells.fill(s.dx, 0, features, 0.0);
                VectorCells.accumulate(inputBackward, s.dz, dzRow, s.dx, 0);
                VectorCells.scatter(s.dx, 0, features, featureAdjoint[t], n0 * features, features);
            }
            System.arraycopy(s.dhBefore, 0, s.dh, 0, hidden * LANES);
        }
        for (int b = 0; b < LANES; b++) {
            int n = n0 + b;
            for (int t = steps - 1; t >= 0; t--) {
                int pair = b * steps + steps - 1 - t;
                for (int j = 0; j < hidden; j++) {
                    readoutGradient[j] += s.readoutTerms[(t * hidden + j) * LANES + b];
                }
                readoutGradient[hidden] += scale * updateAdjoint[t][n];
                double[] gates = tapeGates[t];
                double[] before = tapeStateBefore[t];
                double[] inputs = tapeInputs[t];
                for (int j = 0; j < hidden; j++) {
                    double h = before[n0 * hidden + j * LANES + b];
                    s.pairStates[pair * hidden + j] = h;
                    s.pairResetStates[pair * hidden + j] = gates[n0 * gatesWidth + (hidden + j) * LANES + b] * h;
                }
                for (int k = 0; k < features; k++) {
                    s.pairInputs[pair * features + k] = inputs[n0 * features + k * LANES + b];
                }
                for (int j = 0; j < gatesWidth; j++) {
                    double value = s.dz[(t * gatesWidth + j) * LANES + b];
                    s.pairAdjoints[pair * gatesWidth + j] = value;
                    biasGradient[j] += value;
                }
            }
            if (fromInitialState) {
                for (int j = 0; j < hidden; j++) {
                    initialStateGradient[j] += s.dh[j * LANES + b];
                }
            }
        }
        int pairs = LANES * steps;
        VectorCells.addOuterProducts(candidateGradient, hidden, s.pairResetStates, hidden, s.pairAdjoints, 2 * hidden,
                gatesWidth, pairs);
        VectorCells.addOuterProducts(gateGradient, 2 * hidden, s.pairStates, hidden, s.pairAdjoints, 0, gatesWidth,
                pairs);
        VectorCells.addOuterProducts(inputWeightGradient, gatesWidth, s.pairInputs, features, s.pairAdjoints, 0,
                gatesWidth, pairs);
    }

    /**
     * From dh' (the carried dh plus a · w_out) and the taped gates and h in s.zx and s.h: the readout's terms a · h',
     * dz_u, dz_c and the direct part u ⊙ dh' of dh.
     */
    private void updateAdjoints(Scratch s, int t, int dzRow) {
        DoubleVector one = DoubleVector.broadcast(SPECIES, 1.0);
        DoubleVector a = DoubleVector.fromArray(SPECIES, s.a, 0);
        for (int j = 0; j < hidden; j++) {
            DoubleVector u = DoubleVector.fromArray(SPECIES, s.zx, j * LANES);
            DoubleVector c = DoubleVector.fromArray(SPECIES, s.zx, (2 * hidden + j) * LANES);
            DoubleVector hb = DoubleVector.fromArray(SPECIES, s.h, j * LANES);
            DoubleVector oneMinusU = one.sub(u);
            a.mul(u.mul(hb).add(oneMinusU.mul(c))).intoArray(s.readoutTerms, (t * hidden + j) * LANES);
            DoubleVector dh = DoubleVector.fromArray(SPECIES, s.dh, j * LANES).add(a.mul(readout[j]));
            dh.mul(hb.sub(c)).mul(u).mul(oneMinusU).intoArray(s.dz, (dzRow + j) * LANES);
            dh.mul(oneMinusU).mul(one.sub(c.mul(c))).intoArray(s.dz, (dzRow + 2 * hidden + j) * LANES);
            dh.mul(u).intoArray(s.dhBefore, j * LANES);
        }
    }

    /** dz_r = d(r ⊙ h) ⊙ h ⊙ r(1 − r) and dh += d(r ⊙ h) ⊙ r. */
    private void resetAdjoints(Scratch s, int dzRow) {
        DoubleVector one = DoubleVector.broadcast(SPECIES, 1.0);
        for (int j = 0; j < hidden; j++) {
            DoubleVector r = DoubleVector.fromArray(SPECIES, s.zx, (hidden + j) * LANES);
            DoubleVector hb = DoubleVector.fromArray(SPECIES, s.h, j * LANES);
            DoubleVector drh = DoubleVector.fromArray(SPECIES, s.drh, j * LANES);
            drh.mul(hb).mul(r).mul(one.sub(r)).intoArray(s.dz, (dzRow + hidden + j) * LANES);
            DoubleVector.fromArray(SPECIES, s.dhBefore, j * LANES).add(drh.mul(r)).intoArray(s.dhBefore, j * LANES);
        }
    }
}
