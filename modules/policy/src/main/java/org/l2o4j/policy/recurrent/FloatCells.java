package org.l2o4j.policy.recurrent;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The pieces of the recurrent cells in single precision ({@link Precision#FLOAT}), {@link VectorCells}' counterpart:
 * one coordinate per lane of a {@link FloatVector}, twice as many lanes as the double path, block data "transposed"
 * in the same way (row r of a block array holds one number of each coordinate at {@code r · LANES .. (r + 1) ·
 * LANES}), the same packed weights and register tiles. There is no scalar float kernel: a block that a range covers
 * only in part runs here too, its missing lanes zero and never written back (see {@link #gather}, {@link #scatter},
 * {@link #copyLanes}), so every coordinate goes through the same lane operations and its numbers do not depend on
 * where a range starts or ends.
 *
 * <p>Each lane does IEEE single-precision operations in a fixed order, the products as fused multiply-adds (one
 * rounding each, {@code Math.fma}'s correctly rounded result in the interpreter as in compiled code: there is no
 * scalar float kernel whose separate roundings they would have to repeat), and the exponential is a polynomial with
 * an exact range reduction, so a lane's numbers are the same in every JIT tier and on any vector width.
 */
final class FloatCells {

    static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    static final int LANES = SPECIES.length();
    /** Outputs of a product computed together, their accumulators held in registers over the whole reduction. */
    static final int TILE = 8;
    /**
     * Coordinates whose weight-gradient terms are summed in single precision before the sum joins the double
     * accumulator: 16 × 20 steps = 320 terms (at most about 320 · 2^-24 ≈ 2e-5 relative), always at the same
     * coordinates (multiples of 16 from 0), so the meta-gradient's bits do not depend on the vector width either.
     */
    static final int CHUNK = Math.max(16, LANES);

    /** log2(e) and ln 2 in two parts (Cody and Waite): k · LN2_HI is exact for the |k| ≤ 58 of a clamped exponent. */
    private static final float LOG2E = 1.44269504f;
    private static final float LN2_HI = 0.693359375f;
    private static final float LN2_LO = -2.12194440e-4f;
    /** 1.5 · 2^23: adding it rounds a float of magnitude below 2^22 to an integer, which lands in the low bits. */
    private static final float ROUND = 12582912f;
    private static final int ROUND_BITS = 0x4B400000;
    private static final int EXPONENT_BIAS = 127;
    private static final int MANTISSA_BITS = 23;

    private FloatCells() {
    }

    /** Block rows padded to whole tiles, as {@link #accumulate} writes them. */
    static int padded(int outputs) {
        return (outputs + TILE - 1) / TILE * TILE;
    }

    /** Floats of a tape array of {@code width} numbers for each of {@code coordinates}, whole blocks. */
    static int tapeLength(int coordinates, int width) {
        return Math.multiplyExact(Math.addExact(coordinates, LANES - 1) / LANES * LANES, width);
    }

    /**
     * σ(z) ({@code tanh} false) or tanh(z) = 2σ(2z) − 1 ({@code tanh} true) of block rows {@code inRow .. inRow +
     * count} into rows {@code outRow ..} (in place allowed), the argument clamped to ±{@link Dense#LOGIT_LIMIT} as in
     * double. e^−x = 2^k · e^r with k = round(−x · log2 e) (exact, by adding 1.5 · 2^23), r = −x − k ln 2 (|r| ≤ 0.35)
     * and e^r by its degree-7 Taylor polynomial in fused multiply-adds (truncation below 6e-9 relative), 2^k from
     * k's bits: about 2 ulps
     * where double's polynomial needs eight squarings, which in single precision would cost 2^8 ulps. Written out
     * here, not called, so that no vector crosses a call (see {@link VectorCells#activate}).
     */
    static void activate(float[] in, int inRow, float[] out, int outRow, int count, boolean tanh) {
        float numerator = tanh ? 2f : 1f;
        float limit = (float) Dense.LOGIT_LIMIT;
        FloatVector c7 = FloatVector.broadcast(SPECIES, 1f / 5040);
        FloatVector c6 = FloatVector.broadcast(SPECIES, 1f / 720);
        FloatVector c5 = FloatVector.broadcast(SPECIES, 1f / 120);
        FloatVector c4 = FloatVector.broadcast(SPECIES, 1f / 24);
        FloatVector c3 = FloatVector.broadcast(SPECIES, 1f / 6);
        FloatVector c2 = FloatVector.broadcast(SPECIES, 0.5f);
        FloatVector c1 = FloatVector.broadcast(SPECIES, 1f);
        // The clamp in a pass of its own, as in VectorCells.activate: shorter chains of dependent operations per row.
        for (int r = 0; r < count; r++) {
            FloatVector z = FloatVector.fromArray(SPECIES, in, (inRow + r) * LANES);
            (tanh ? z.mul(2f) : z).min(limit).max(-limit).neg().intoArray(out, (outRow + r) * LANES);
        }
        for (int r = 0; r < count; r++) {
            FloatVector y = FloatVector.fromArray(SPECIES, out, (outRow + r) * LANES);
            FloatVector shifted = y.mul(LOG2E).add(ROUND);
            FloatVector k = shifted.sub(ROUND);
            FloatVector x = y.sub(k.mul(LN2_HI)).sub(k.mul(LN2_LO));
            FloatVector p = x.fma(c7, c6);
            p = x.fma(p, c5);
            p = x.fma(p, c4);
            p = x.fma(p, c3);
            p = x.fma(p, c2);
            p = x.fma(p, c1);
            p = x.fma(p, c1);
            FloatVector twoToK = shifted.reinterpretAsInts().add(EXPONENT_BIAS - ROUND_BITS)
                    .lanewise(VectorOperators.LSHL, MANTISSA_BITS).reinterpretAsFloats();
            FloatVector a = FloatVector.broadcast(SPECIES, numerator).div(p.mul(twoToK).add(1f));
            (tanh ? a.sub(1f) : a).intoArray(out, (outRow + r) * LANES);
        }
    }

    /** {@link VectorCells.Packed}'s layout of a weight matrix, rounded to single precision. */
    static final class Packed {
        final int reduction;
        final int outputs;
        final float[] data;

        Packed(double[][] weights, int reduction, int outputs) {
            this.reduction = reduction;
            this.outputs = outputs;
            this.data = toFloats(new VectorCells.Packed(weights, reduction, outputs).data);
        }
    }

    /** {@code values} rounded to single precision. */
    static float[] toFloats(double[] values) {
        float[] out = new float[values.length];
        for (int k = 0; k < values.length; k++) {
            out[k] = (float) values[k];
        }
        return out;
    }

    /**
     * {@code out[o] = out[o] + x[0]·w[0][o] + x[1]·w[1][o] + …}, one fused multiply-add per term from the left, for
     * every lane; as {@link VectorCells#accumulate}, the padding rows of {@code out} receive junk.
     */
    static void accumulate(Packed m, float[] x, int xRow, float[] out, int outRow) {
        for (int tile = 0; tile * TILE < m.outputs; tile++) {
            tile(m.data, tile * m.reduction * TILE, m.reduction, x, xRow, out, outRow + tile * TILE);
        }
    }

    private static void tile(float[] w, int wBase, int reduction, float[] x, int xRow, float[] out, int outRow) {
        FloatVector a0 = FloatVector.fromArray(SPECIES, out, outRow * LANES);
        FloatVector a1 = FloatVector.fromArray(SPECIES, out, (outRow + 1) * LANES);
        FloatVector a2 = FloatVector.fromArray(SPECIES, out, (outRow + 2) * LANES);
        FloatVector a3 = FloatVector.fromArray(SPECIES, out, (outRow + 3) * LANES);
        FloatVector a4 = FloatVector.fromArray(SPECIES, out, (outRow + 4) * LANES);
        FloatVector a5 = FloatVector.fromArray(SPECIES, out, (outRow + 5) * LANES);
        FloatVector a6 = FloatVector.fromArray(SPECIES, out, (outRow + 6) * LANES);
        FloatVector a7 = FloatVector.fromArray(SPECIES, out, (outRow + 7) * LANES);
        for (int r = 0, k = wBase; r < reduction; r++, k += TILE) {
            FloatVector v = FloatVector.fromArray(SPECIES, x, (xRow + r) * LANES);
            a0 = v.fma(FloatVector.broadcast(SPECIES, w[k]), a0);
            a1 = v.fma(FloatVector.broadcast(SPECIES, w[k + 1]), a1);
            a2 = v.fma(FloatVector.broadcast(SPECIES, w[k + 2]), a2);
            a3 = v.fma(FloatVector.broadcast(SPECIES, w[k + 3]), a3);
            a4 = v.fma(FloatVector.broadcast(SPECIES, w[k + 4]), a4);
            a5 = v.fma(FloatVector.broadcast(SPECIES, w[k + 5]), a5);
            a6 = v.fma(FloatVector.broadcast(SPECIES, w[k + 6]), a6);
            a7 = v.fma(FloatVector.broadcast(SPECIES, w[k + 7]), a7);
        }
        a0.intoArray(out, outRow * LANES);
        a1.intoArray(out, (outRow + 1) * LANES);
        a2.intoArray(out, (outRow + 2) * LANES);
        a3.intoArray(out, (outRow + 3) * LANES);
        a4.intoArray(out, (outRow + 4) * LANES);
        a5.intoArray(out, (outRow + 5) * LANES);
        a6.intoArray(out, (outRow + 6) * LANES);
        a7.intoArray(out, (outRow + 7) * LANES);
    }

    /**
     * {@code target[k][j] += Σ_r left[r · rows + k] · right[offset + r · stride + j]} over the pairs r = 0 .. pairs − 1
     * in order, one fused multiply-add per term, lanes over j, tiled as {@link VectorCells#addOuterProducts}: a
     * chunk's part of a weight gradient.
     */
    static void addOuterProducts(float[][] target, int width, float[] left, int rows, float[] right, int offset,
            int stride, int pairs) {
        int j = 0;
        for (; j + 2 * LANES <= width; j += 2 * LANES) {
            int k = 0;
            for (; k + 2 <= rows; k += 2) {
                outerTile(target[k], target[k + 1], j, left, rows, k, right, offset + j, stride, pairs);
            }
            for (; k < rows; k++) {
                outerTile(target[k], target[k], j, left, rows, k, right, offset + j, stride, pairs);
            }
        }
        for (; j + LANES <= width; j += LANES) {
            int k = 0;
            for (; k + 4 <= rows; k += 4) {
                outerColumn(target, j, left, rows, k, right, offset + j, stride, pairs);
            }
            for (; k < rows; k++) {
                FloatVector acc = FloatVector.fromArray(SPECIES, target[k], j);
                for (int r = 0; r < pairs; r++) {
                    acc = FloatVector.fromArray(SPECIES, right, offset + r * stride + j)
                            .fma(FloatVector.broadcast(SPECIES, left[r * rows + k]), acc);
                }
                acc.intoArray(target[k], j);
            }
        }
        for (; j < width; j++) {
            for (int k = 0; k < rows; k++) {
                float acc = target[k][j];
                for (int r = 0; r < pairs; r++) {
                    acc = Math.fma(left[r * rows + k], right[offset + r * stride + j], acc);
                }
                target[k][j] = acc;
            }
        }
    }

    /** Columns {@code j .. j + LANES} of target rows k .. k + 3: four independent sums in flight. */
    private static void outerColumn(float[][] target, int j, float[] left, int rows, int k, float[] right, int from,
            int stride, int pairs) {
        FloatVector a0 = FloatVector.fromArray(SPECIES, target[k], j);
        FloatVector a1 = FloatVector.fromArray(SPECIES, target[k + 1], j);
        FloatVector a2 = FloatVector.fromArray(SPECIES, target[k + 2], j);
        FloatVector a3 = FloatVector.fromArray(SPECIES, target[k + 3], j);
        for (int r = 0; r < pairs; r++) {
            FloatVector x = FloatVector.fromArray(SPECIES, right, from + r * stride);
            int c = r * rows + k;
            a0 = x.fma(FloatVector.broadcast(SPECIES, left[c]), a0);
            a1 = x.fma(FloatVector.broadcast(SPECIES, left[c + 1]), a1);
            a2 = x.fma(FloatVector.broadcast(SPECIES, left[c + 2]), a2);
            a3 = x.fma(FloatVector.broadcast(SPECIES, left[c + 3]), a3);
        }
        a0.intoArray(target[k], j);
        a1.intoArray(target[k + 1], j);
        a2.intoArray(target[k + 2], j);
        a3.intoArray(target[k + 3], j);
    }

    /**
     * Columns {@code j .. j + 2 · LANES} of target rows k and k + 1 ({@code second} is {@code first} when row k is
     * the last: computed and stored twice, the same numbers).
     */
    private static void outerTile(float[] first, float[] second, int j, float[] left, int rows, int k, float[] right,
            int from, int stride, int pairs) {
        int k2 = second == first ? k : k + 1;
        FloatVector a0 = FloatVector.fromArray(SPECIES, first, j);
        FloatVector a1 = FloatVector.fromArray(SPECIES, first, j + LANES);
        FloatVector b0 = FloatVector.fromArray(SPECIES, second, j);
        FloatVector b1 = FloatVector.fromArray(SPECIES, second, j + LANES);
        for (int r = 0; r < pairs; r++) {
            int at = from + r * stride;
            FloatVector c = FloatVector.broadcast(SPECIES, left[r * rows + k]);
            FloatVector d = FloatVector.broadcast(SPECIES, left[r * rows + k2]);
            FloatVector x0 = FloatVector.fromArray(SPECIES, right, at);
            FloatVector x1 = FloatVector.fromArray(SPECIES, right, at + LANES);
            a0 = x0.fma(c, a0);
            a1 = x1.fma(c, a1);
            b0 = x0.fma(d, b0);
            b1 = x1.fma(d, b1);
        }
        a0.intoArray(first, j);
        a1.intoArray(first, j + LANES);
        b0.intoArray(second, j);
        b1.intoArray(second, j + LANES);
    }

    /** {@code target[j] += chunk[j]}, the chunk's row zeroed: a chunk's single-precision sum joins the double one. */
    static void drain(float[] chunk, double[] target) {
        for (int j = 0; j < chunk.length; j++) {
            target[j] += chunk[j];
            chunk[j] = 0f;
        }
    }

    /** Block row j = {@code values[j]} in every lane, for j &lt; count. */
    static void broadcastRows(float[] values, float[] block, int count) {
        for (int j = 0; j < count; j++) {
            FloatVector.broadcast(SPECIES, values[j]).intoArray(block, j * LANES);
        }
    }

    /** {@code target} rows += {@code source} rows, for the first {@code count} rows. */
    static void addRows(float[] source, float[] target, int count) {
        for (int r = 0; r < count; r++) {
            FloatVector.fromArray(SPECIES, target, r * LANES).add(FloatVector.fromArray(SPECIES, source, r * LANES))
                    .intoArray(target, r * LANES);
        }
    }

    /** Block rows {@code row .. row + count} filled with {@code value}. */
    static void fill(float[] block, int row, int count, float value) {
        FloatVector v = FloatVector.broadcast(SPECIES, value);
        for (int r = row; r < row + count; r++) {
            v.intoArray(block, r * LANES);
        }
    }

    /**
     * Block rows {@code row .. row + count} from {@code count} consecutive numbers of each coordinate of lanes
     * {@code lo .. hi}, coordinate b's at {@code source[offset + b · stride ..]}, rounded to single precision; the
     * other lanes zero (finite, so they disturb nothing, and they never reach an output).
     */
    static void gather(double[] source, int offset, int stride, float[] block, int row, int count, int lo, int hi) {
        if (lo > 0 || hi < LANES) {
            java.util.Arrays.fill(block, row * LANES, (row + count) * LANES, 0f);
        }
        for (int b = lo; b < hi; b++) {
            int from = offset + b * stride;
            for (int k = 0; k < count; k++) {
                block[(row + k) * LANES + b] = (float) source[from + k];
            }
        }
    }

    /** The inverse of {@link #gather} for lanes {@code lo .. hi}. */
    static void scatter(float[] block, int row, int count, double[] target, int offset, int stride, int lo, int hi) {
        for (int b = lo; b < hi; b++) {
            int to = offset + b * stride;
            for (int k = 0; k < count; k++) {
                target[to + k] = block[(row + k) * LANES + b];
            }
        }
    }

    /**
     * {@code rows} block rows from {@code source[sourceAt ..]} to {@code target[targetAt ..]}: whole rows where
     * lanes {@code lo .. hi} are all of them, else only those lanes, so that a block shared with another range (on
     * another thread) keeps that range's numbers.
     */
    static void copyLanes(float[] source, int sourceAt, float[] target, int targetAt, int rows, int lo, int hi) {
        if (lo == 0 && hi == LANES) {
            System.arraycopy(source, sourceAt, target, targetAt, rows * LANES);
            return;
        }
        for (int r = 0; r < rows; r++) {
            for (int b = lo; b < hi; b++) {
                target[targetAt + r * LANES + b] = source[sourceAt + r * LANES + b];
            }
        }
    }
}
