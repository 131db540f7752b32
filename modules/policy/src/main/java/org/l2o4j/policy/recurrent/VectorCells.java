package org.l2o4j.policy.recurrent;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The pieces of the recurrent cells on JDK 17's incubator Vector API, with one coordinate per lane: a block of
 * {@link #LANES} coordinates runs through the products and the gate nonlinearities together, each lane doing exactly
 * the operations the scalar kernels do for its coordinate, in the same order (multiply, then add, over the reduction
 * index; no fused multiply-add; {@link Dense#exp}'s polynomial). So the vector path gives the scalar path's bits, and
 * it does not matter which coordinates fall into a block or whether C2 has compiled this class yet.
 *
 * <p>Block data is "transposed": row r of a block array holds one number of each of the block's coordinates at
 * {@code r · LANES .. (r + 1) · LANES}. Only {@link VectorLstm}, {@link VectorGru} and this class name vector types;
 * they are loaded only where {@link Dense#VECTOR} holds.
 */
final class VectorCells {

    static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    static final int LANES = SPECIES.length();
    /** Outputs of a product computed together, their accumulators held in registers over the whole reduction. */
    static final int TILE = 8;

    private VectorCells() {
    }

    /**
     * Whether the vector path pays on this machine: x86 (where it was measured) with vectors of at least four doubles
     * (AVX2 or AVX-512).
     */
    static boolean worthwhile() {
        String arch = System.getProperty("os.arch", "");
        return LANES >= 4 && (arch.equals("amd64") || arch.equals("x86_64"));
    }

    /** Block rows padded to whole tiles, as {@link #accumulate} writes them. */
    static int padded(int outputs) {
        return (outputs + TILE - 1) / TILE * TILE;
    }

    /**
     * σ(z) ({@code tanh} false, as {@link Dense#sigmoid}) or tanh(z) = 2σ(2z) − 1 ({@code tanh} true, as
     * {@link Dense#tanh}) of block rows {@code inRow .. inRow + count} into rows {@code outRow ..} (in place allowed),
     * rounded as the scalar functions round them, {@link Dense#exp}'s polynomial included. The exponential is written
     * out here rather than called: a call that C2 does not inline boxes the vectors it passes (in large methods it
     * stops inlining; see VectorMlpForward), so no method of the vector path takes or returns a vector.
     *
     * <p>It runs in passes over the rows, each a short chain of dependent operations per row: the clamp and the
     * argument y = −x/256 (into {@code out}), the first five steps of the polynomial (into {@code partial},
     * {@code count} rows), its last five (into {@code out}), then the eight squarings and the division. One pass for
     * everything, a chain of about 45 dependent instructions per row, left the core waiting on latencies, because its
     * out-of-order window holds only a few such chains: the passes made the activation 1.6× faster
     * (docs/performance.md), while two rows interleaved in one loop gained a tenth (C2 emits them one after the
     * other). Each lane does the same operations in the same order, so the bits are unchanged.
     */
    static void activate(double[] in, int inRow, double[] out, int outRow, int count, boolean tanh,
            double[] partial) {
        for (int r = 0; r < count; r++) {
            DoubleVector z = DoubleVector.fromArray(SPECIES, in, (inRow + r) * LANES);
            DoubleVector x = (tanh ? z.mul(2) : z).min(Dense.LOGIT_LIMIT).max(-Dense.LOGIT_LIMIT);
            x.neg().mul(1.0 / 256).intoArray(out, (outRow + r) * LANES);
        }
        for (int r = 0; r < count; r++) {
            DoubleVector y = DoubleVector.fromArray(SPECIES, out, (outRow + r) * LANES);
            DoubleVector p = y.mul(1.0 / 3628800).add(1.0 / 362880);
            p = y.mul(p).add(1.0 / 40320);
            p = y.mul(p).add(1.0 / 5040);
            p = y.mul(p).add(1.0 / 720);
            p = y.mul(p).add(1.0 / 120);
            p.intoArray(partial, r * LANES);
        }
        for (int r = 0; r < count; r++) {
            DoubleVector y = DoubleVector.fromArray(SPECIES, out, (outRow + r) * LANES);
            DoubleVector p = DoubleVector.fromArray(SPECIES, partial, r * LANES);
            p = y.mul(p).add(1.0 / 24);
            p = y.mul(p).add(1.0 / 6);
            p = y.mul(p).add(1.0 / 2);
            p = y.mul(p).add(1);
            p = y.mul(p).add(1);
            p.intoArray(out, (outRow + r) * LANES);
        }
        DoubleVector numerator = DoubleVector.broadcast(SPECIES, tanh ? 2.0 : 1.0);
        for (int r = 0; r < count; r++) {
            DoubleVector p = DoubleVector.fromArray(SPECIES, out, (outRow + r) * LANES);
            p = p.mul(p);
            p = p.mul(p);
            p = p.mul(p);
            p = p.mul(p);
            p = p.mul(p);
            p = p.mul(p);
            p = p.mul(p);
            p = p.mul(p);
            DoubleVector a = numerator.div(p.add(1.0));
            (tanh ? a.sub(1.0) : a).intoArray(out, (outRow + r) * LANES);
        }
    }

    /**
     * A weight matrix packed for {@link #accumulate}: {@code weights[r][o]} weighs reduction input r into output o;
     * the outputs are grouped in tiles of {@link #TILE} (the last one zero-padded), and within a tile the TILE
     * weights of each r are adjacent, so a tile's pass reads its weights in order.
     */
    static final class Packed {
        final int reduction;
        final int outputs;
        final double[] data;

        Packed(double[][] weights, int reduction, int outputs) {
            this.reduction = reduction;
            this.outputs = outputs;
            this.data = new double[padded(outputs) * reduction];
            for (int tile = 0; tile * TILE < outputs; tile++) {
                for (int r = 0; r < reduction; r++) {
                    for (int q = 0; q < TILE; q++) {
                        int o = tile * TILE + q;
                        data[(tile * reduction + r) * TILE + q] = o < outputs ? weights[r][o] : 0.0;
                    }
                }
            }
        }
    }

    /**
     * {@code out[o] = out[o] + x[0]·w[0][o] + x[1]·w[1][o] + …}, rounded term by term from the left as
     * {@link Dense#accumulate} does, for every lane; x is block rows {@code xRow ..}, out block rows
     * {@code outRow .. outRow + padded(outputs)} (the padding rows receive junk).
     */
    static void accumulate(Packed m, double[] x, int xRow, double[] out, int outRow) {
        for (int tile = 0; tile * TILE < m.outputs; tile++) {
            tile(m.data, tile * m.reduction * TILE, m.reduction, x, xRow, out, outRow + tile * TILE);
        }
    }

    /**
     * One tile of {@link #accumulate}: eight accumulators in registers across the whole reduction, so each input row
     * is loaded once per tile and no partial sum goes through memory.
     */
    private static void tile(double[] w, int wBase, int reduction, double[] x, int xRow, double[] out, int outRow) {
        DoubleVector a0 = DoubleVector.fromArray(SPECIES, out, outRow * LANES);
        DoubleVector a1 = DoubleVector.fromArray(SPECIES, out, (outRow + 1) * LANES);
        DoubleVector a2 = DoubleVector.fromArray(SPECIES, out, (outRow + 2) * LANES);
        DoubleVector a3 = DoubleVector.fromArray(SPECIES, out, (outRow + 3) * LANES);
        DoubleVector a4 = DoubleVector.fromArray(SPECIES, out, (outRow + 4) * LANES);
        DoubleVector a5 = DoubleVector.fromArray(SPECIES, out, (outRow + 5) * LANES);
        DoubleVector a6 = DoubleVector.fromArray(SPECIES, out, (outRow + 6) * LANES);
        DoubleVector a7 = DoubleVector.fromArray(SPECIES, out, (outRow + 7) * LANES);
        for (int r = 0, k = wBase; r < reduction; r++, k += TILE) {
            DoubleVector v = DoubleVector.fromArray(SPECIES, x, (xRow + r) * LANES);
            a0 = a0.add(v.mul(w[k]));
            a1 = a1.add(v.mul(w[k + 1]));
            a2 = a2.add(v.mul(w[k + 2]));
            a3 = a3.add(v.mul(w[k + 3]));
            a4 = a4.add(v.mul(w[k + 4]));
            a5 = a5.add(v.mul(w[k + 5]));
            a6 = a6.add(v.mul(w[k + 6]));
            a7 = a7.add(v.mul(w[k + 7]));
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
     * {@code target[k][j] += Σ_r left[r · rows + k] · right[offset + r · stride + j]} over the pairs r = 0 .. pairs − 1 in
     * order: the weight gradient's sum of outer products, each element rounded term by term as
     * {@link OuterProductBuffer} rounds it. Here the lanes run over j (the sum is over coordinates, so it cannot run
     * over them), and a tile of two target rows by four vectors stays in registers across all the pairs.
     */
    static void addOuterProducts(double[][] target, int width, double[] left, int rows, double[] right, int offset,
            int stride, int pairs) {
        int j = 0;
        for (; j + 4 * LANES <= width; j += 4 * LANES) {
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
                DoubleVector acc = DoubleVector.fromArray(SPECIES, target[k], j);
                for (int r = 0; r < pairs; r++) {
                    acc = acc.add(DoubleVector.fromArray(SPECIES, right, offset + r * stride + j)
                            .mul(left[r * rows + k]));
                }
                acc.intoArray(target[k], j);
            }
        }
        for (; j < width; j++) {
            for (int k = 0; k < rows; k++) {
                double acc = target[k][j];
                for (int r = 0; r < pairs; r++) {
                    acc += left[r * rows + k] * right[offset + r * stride + j];
                }
                target[k][j] = acc;
            }
        }
    }

    /** Columns {@code j .. j + LANES} of target rows k .. k + 3: four independent sums in flight. */
    private static void outerColumn(double[][] target, int j, double[] left, int rows, int k, double[] right,
            int from, int stride, int pairs) {
        DoubleVector a0 = DoubleVector.fromArray(SPECIES, target[k], j);
        DoubleVector a1 = DoubleVector.fromArray(SPECIES, target[k + 1], j);
        DoubleVector a2 = DoubleVector.fromArray(SPECIES, target[k + 2], j);
        DoubleVector a3 = DoubleVector.fromArray(SPECIES, target[k + 3], j);
        for (int r = 0; r < pairs; r++) {
            DoubleVector x = DoubleVector.fromArray(SPECIES, right, from + r * stride);
            int c = r * rows + k;
            a0 = a0.add(x.mul(left[c]));
            a1 = a1.add(x.mul(left[c + 1]));
            a2 = a2.add(x.mul(left[c + 2]));
            a3 = a3.add(x.mul(left[c + 3]));
        }
        a0.intoArray(target[k], j);
        a1.intoArray(target[k + 1], j);
        a2.intoArray(target[k + 2], j);
        a3.intoArray(target[k + 3], j);
    }

    /**
     * Columns {@code j .. j + 4 · LANES} of target rows k and k + 1, the pairs' columns from {@code right[from + r ·
     * stride]} ({@code second} is {@code first} itself when row k is the last: it is then computed twice and stored
     * twice, the same numbers).
     */
    private static void outerTile(double[] first, double[] second, int j, double[] left, int rows, int k,
            double[] right, int from, int stride, int pairs) {
        int k2 = second == first ? k : k + 1;
        DoubleVector a0 = DoubleVector.fromArray(SPECIES, first, j);
        DoubleVector a1 = DoubleVector.fromArray(SPECIES, first, j + LANES);
        DoubleVector a2 = DoubleVector.fromArray(SPECIES, first, j + 2 * LANES);
        DoubleVector a3 = DoubleVector.fromArray(SPECIES, first, j + 3 * LANES);
        DoubleVector b0 = DoubleVector.fromArray(SPECIES, second, j);
        DoubleVector b1 = DoubleVector.fromArray(SPECIES, second, j + LANES);
        DoubleVector b2 = DoubleVector.fromArray(SPECIES, second, j + 2 * LANES);
        DoubleVector b3 = DoubleVector.fromArray(SPECIES, second, j + 3 * LANES);
        for (int r = 0; r < pairs; r++) {
            int at = from + r * stride;
            double c = left[r * rows + k];
            double d = left[r * rows + k2];
            DoubleVector x0 = DoubleVector.fromArray(SPECIES, right, at);
            DoubleVector x1 = DoubleVector.fromArray(SPECIES, right, at + LANES);
            DoubleVector x2 = DoubleVector.fromArray(SPECIES, right, at + 2 * LANES);
            DoubleVector x3 = DoubleVector.fromArray(SPECIES, right, at + 3 * LANES);
            a0 = a0.add(x0.mul(c));
            a1 = a1.add(x1.mul(c));
            a2 = a2.add(x2.mul(c));
            a3 = a3.add(x3.mul(c));
            b0 = b0.add(x0.mul(d));
            b1 = b1.add(x1.mul(d));
            b2 = b2.add(x2.mul(d));
            b3 = b3.add(x3.mul(d));
        }
        a0.intoArray(first, j);
        a1.intoArray(first, j + LANES);
        a2.intoArray(first, j + 2 * LANES);
        a3.intoArray(first, j + 3 * LANES);
        b0.intoArray(second, j);
        b1.intoArray(second, j + LANES);
        b2.intoArray(second, j + 2 * LANES);
        b3.intoArray(second, j + 3 * LANES);
    }

    /** Block row j = {@code values[j]} in every lane, for j &lt; count. */
    static void broadcastRows(double[] values, double[] block, int count) {
        for (int j = 0; j < count; j++) {
            DoubleVector.broadcast(SPECIES, values[j]).intoArray(block, j * LANES);
        }
    }

    /** {@code target} rows += {@code source} rows, for the first {@code count} rows. */
    static void addRows(double[] source, double[] target, int count) {
        for (int r = 0; r < count; r++) {
            DoubleVector.fromArray(SPECIES, target, r * LANES).add(DoubleVector.fromArray(SPECIES, source, r * LANES))
                    .intoArray(target, r * LANES);
        }
    }

    /** Block rows {@code row .. row + count} filled with {@code value}. */
    static void fill(double[] block, int row, int count, double value) {
        DoubleVector v = DoubleVector.broadcast(SPECIES, value);
        for (int r = row; r < row + count; r++) {
            v.intoArray(block, r * LANES);
        }
    }

    /**
     * Block rows {@code row .. row + count} from {@code count} consecutive numbers of each coordinate: coordinate
     * b's at {@code source[offset + b · stride ..]}. Plain loads and stores: the Vector API's gathers and scatters
     * (with an index map) made the whole LSTM step 1.3× slower (AVX-512, docs/performance.md).
     */
    static void gather(double[] source, int offset, int stride, double[] block, int row, int count) {
        for (int b = 0; b < LANES; b++) {
            int from = offset + b * stride;
            for (int k = 0; k < count; k++) {
                block[(row + k) * LANES + b] = source[from + k];
            }
        }
    }

    /** The inverse of {@link #gather}. */
    static void scatter(double[] block, int row, int count, double[] target, int offset, int stride) {
        for (int b = 0; b < LANES; b++) {
            int to = offset + b * stride;
            for (int k = 0; k < count; k++) {
                target[to + k] = block[(row + k) * LANES + b];
            }
        }
    }
}
