package org.l2o4j.gps.linalg;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Optional;

/**
 * An m × n matrix kept as its nonzero entries, both by row and by column, for the products the LQG passes need
 * (A·x, Aᵀ·x, A·S·Aᵀ, Aᵀ·S·A). It serves dynamics whose transition is mostly known bookkeeping: the L2O state's
 * history shift and x ← x + u make F_t a few hundred ones plus d + 1 short fitted rows, where the dense congruences
 * would multiply hundreds of thousands of zeros per time step.
 *
 * <p>Both congruences return exactly symmetric matrices (the upper triangle mirrored), like their dense counterparts
 * in {@link Spd}. Immutable.
 */
public final class SparseMatrix implements Serializable {

    private static final long serialVersionUID = 1L;

    private final int rows;
    private final int columns;
    private final int[] rowStarts;
    private final int[] rowColumns;
    private final double[] rowValues;
    private final int[] columnStarts;
    private final int[] columnRows;
    private final double[] columnValues;

    private SparseMatrix(double[] a, int rows, int columns, int nonzeros) {
        this.rows = rows;
        this.columns = columns;
        this.rowStarts = new int[rows + 1];
        this.rowColumns = new int[nonzeros];
        this.rowValues = new double[nonzeros];
        this.columnStarts = new int[columns + 1];
        this.columnRows = new int[nonzeros];
        this.columnValues = new double[nonzeros];
        int k = 0;
        for (int i = 0; i < rows; i++) {
            rowStarts[i] = k;
            for (int j = 0; j < columns; j++) {
                double v = a[i * columns + j];
                if (v != 0) {
                    rowColumns[k] = j;
                    rowValues[k] = v;
                    columnStarts[j + 1]++;
                    k++;
                }
            }
        }
        rowStarts[rows] = k;
        for (int j = 0; j < columns; j++) {
            columnStarts[j + 1] += columnStarts[j];
        }
        int[] next = columnStarts.clone();
        for (int i = 0; i < rows; i++) {
            for (int p = rowStarts[i]; p < rowStarts[i + 1]; p++) {
                int slot = next[rowColumns[p]]++;
                columnRows[slot] = i;
                columnValues[slot] = rowValues[p];
            }
        }
    }

    /**
     * The nonzeros of the dense row-major {@code a} (rows × columns), or empty when more than {@code maxDensity} of
     * its entries are nonzero (the dense kernels are then as fast and keep their own rounding order).
     */
    public static Optional<SparseMatrix> ifSparse(double[] a, int rows, int columns, double maxDensity) {
        Matrices.requireLength("sparse candidate", a, rows, columns);
        int nonzeros = 0;
        for (double v : a) {
            if (v != 0) {
                nonzeros++;
            }
        }
        if (nonzeros > maxDensity * rows * columns) {
            return Optional.empty();
        }
        return Optional.of(new SparseMatrix(a, rows, columns, nonzeros));
    }

    /** The number of stored nonzeros. */
    public int nonzeros() {
        return rowValues.length;
    }

    /** The matrix, dense row-major m × n. */
    public double[] toDense() {
        double[] out = new double[rows * columns];
        addTo(out);
        return out;
    }

    /** Adds the matrix to the dense row-major m × n {@code target}. */
    public void addTo(double[] target) {
        Matrices.requireLength("target", target, rows, columns);
        for (int i = 0; i < rows; i++) {
            for (int p = rowStarts[i]; p < rowStarts[i + 1]; p++) {
                target[i * columns + rowColumns[p]] += rowValues[p];
            }
        }
    }

    /** A·x (m entries). */
    public double[] multiplyVector(double[] x) {
        requireLength("x", x, columns);
        double[] out = new double[rows];
        for (int i = 0; i < rows; i++) {
            double s = 0;
            for (int p = rowStarts[i]; p < rowStarts[i + 1]; p++) {
                s += rowValues[p] * x[rowColumns[p]];
            }
            out[i] = s;
        }
        return out;
    }

    /** Aᵀ·x (n entries). */
    public double[] transposeMultiplyVector(double[] x) {
        requireLength("x", x, rows);
        double[] out = new double[columns];
        for (int j = 0; j < columns; j++) {
            double s = 0;
            for (int p = columnStarts[j]; p < columnStarts[j + 1]; p++) {
                s += columnValues[p] * x[columnRows[p]];
            }
            out[j] = s;
        }
        return out;
    }

    /** A·S·Aᵀ (m × m) for symmetric S (n × n): M = A·S by rows of A, then row i' of the result from Mᵀ's rows. */
    public double[] congruence(double[] s) {
        Matrices.requireLength("S", s, columns, columns);
        double[] mt = new double[columns * rows];
        double[] row = new double[columns];
        for (int i = 0; i < rows; i++) {
            if (rowStarts[i] == rowStarts[i + 1]) {
                continue;
            }
            Arrays.fill(row, 0.0);
            for (int p = rowStarts[i]; p < rowStarts[i + 1]; p++) {
                axpy(rowValues[p], s, rowColumns[p] * columns, row, 0, columns);
            }
            for (int j = 0; j < columns; j++) {
                mt[j * rows + i] = row[j];
            }
        }
        double[] out = new double[rows * rows];
        for (int i = 0; i < rows; i++) {
            for (int p = rowStarts[i]; p < rowStarts[i + 1]; p++) {
                axpy(rowValues[p], mt, rowColumns[p] * rows, out, i * rows, rows);
            }
        }
        mirrorUpper(out, rows);
        return out;
    }

    /** Aᵀ·S·A (n × n) for symmetric S (m × m): Wᵀ = Aᵀ·S by columns of A, then Wᵀ·A by rows of A. */
    public double[] transposedCongruence(double[] s) {
        Matrices.requireLength("S", s, rows, rows);
        double[] out = new double[columns * columns];
        double[] w = new double[rows];
        for (int c = 0; c < columns; c++) {
            if (columnStarts[c] == columnStarts[c + 1]) {
                continue;
            }
            Arrays.fill(w, 0.0);
            for (int p = columnStarts[c]; p < columnStarts[c + 1]; p++) {
                axpy(columnValues[p], s, columnRows[p] * rows, w, 0, rows);
            }
            int base = c * columns;
            for (int r = 0; r < rows; r++) {
                double wr = w[r];
                if (wr != 0) {
                    for (int p = rowStarts[r]; p < rowStarts[r + 1]; p++) {
                        out[base + rowColumns[p]] += wr * rowValues[p];
                    }
                }
            }
        }
        mirrorUpper(out, columns);
        return out;
    }

    private static void axpy(double alpha, double[] x, int xOffset, double[] y, int yOffset, int length) {
        for (int k = 0; k < length; k++) {
            y[yOffset + k] += alpha * x[xOffset + k];
        }
    }

    private static void mirrorUpper(double[] a, int n) {
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                a[j * n + i] = a[i * n + j];
            }
        }
    }

    private static void requireLength(String what, double[] x, int length) {
        if (x.length != length) {
            throw new IllegalArgumentException("dimension mismatch: " + what + " has " + x.length
                    + " entries but the matrix needs " + length);
        }
    }
}
