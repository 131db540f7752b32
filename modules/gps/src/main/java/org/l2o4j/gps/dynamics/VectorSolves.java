package org.l2o4j.gps.dynamics;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The E-step's triangular solves on JDK 17's incubator Vector API: four points against one Cholesky factor at once,
 * four unknowns per sweep, so that each loaded vector of U serves sixteen fused multiply-adds. The only class of this
 * package that names {@code jdk.incubator.vector} types; {@link GaussianMixture} loads it only where
 * {@link org.l2o4j.core.vector.VectorApi#AVAILABLE} holds. Every operation is an exactly rounded multiply, fused
 * multiply-add or subtraction, so the result does not depend on whether C2 has compiled this class yet.
 */
final class VectorSolves {

    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();

    private VectorSolves() {
    }

    /**
     * Solves Uᵀ·z_p = b_p in place for the four right-hand sides and writes ‖z_p‖² to {@code norms[0..4)}; U is the
     * upper Cholesky factor (n × n row-major).
     */
    static void solveTransposedSquaredNorms4(double[] u, int n, double[] b0, double[] b1, double[] b2, double[] b3,
            double[] norms) {
        double[][] b = {b0, b1, b2, b3};
        double[] s = new double[4];
        double[] z = new double[16];
        int k = 0;
        for (; k + 3 < n; k += 4) {
            int r0 = k * n;
            int r1 = r0 + n;
            int r2 = r1 + n;
            int r3 = r2 + n;
            for (int p = 0; p < 4; p++) {
                double[] bp = b[p];
                double z0 = bp[k] / u[r0 + k];
                double z1 = (bp[k + 1] - z0 * u[r0 + k + 1]) / u[r1 + k + 1];
                double z2 = (bp[k + 2] - z0 * u[r0 + k + 2] - z1 * u[r1 + k + 2]) / u[r2 + k + 2];
                double z3 = (bp[k + 3] - z0 * u[r0 + k + 3] - z1 * u[r1 + k + 3] - z2 * u[r2 + k + 3])
                        / u[r3 + k + 3];
                s[p] += z0 * z0 + z1 * z1 + z2 * z2 + z3 * z3;
                bp[k] = z0;
                bp[k + 1] = z1;
                bp[k + 2] = z2;
                bp[k + 3] = z3;
                z[4 * p] = z0;
                z[4 * p + 1] = z1;
                z[4 * p + 2] = z2;
                z[4 * p + 3] = z3;
            }
            int i = k + 4;
            for (; i + LANES <= n; i += LANES) {
                DoubleVector u0 = DoubleVector.fromArray(SPECIES, u, r0 + i);
                DoubleVector u1 = DoubleVector.fromArray(SPECIES, u, r1 + i);
                DoubleVector u2 = DoubleVector.fromArray(SPECIES, u, r2 + i);
                DoubleVector u3 = DoubleVector.fromArray(SPECIES, u, r3 + i);
                update(b0, i, u0, u1, u2, u3, z, 0);
                update(b1, i, u0, u1, u2, u3, z, 4);
                update(b2, i, u0, u1, u2, u3, z, 8);
                update(b3, i, u0, u1, u2, u3, z, 12);
            }
            for (; i < n; i++) {
                double a0 = u[r0 + i];
                double a1 = u[r1 + i];
                double a2 = u[r2 + i];
                double a3 = u[r3 + i];
                for (int p = 0; p < 4; p++) {
                    b[p][i] -= Math.fma(z[4 * p + 3], a3, Math.fma(z[4 * p + 2], a2,
                            Math.fma(z[4 * p + 1], a1, z[4 * p] * a0)));
                }
            }
        }
        for (; k < n; k++) {
            int rowK = k * n;
            for (int p = 0; p < 4; p++) {
                double[] bp = b[p];
                double zk = bp[k] / u[rowK + k];
                bp[k] = zk;
                s[p] += zk * zk;
                for (int i = k + 1; i < n; i++) {
                    bp[i] -= zk * u[rowK + i];
                }
            }
        }
        System.arraycopy(s, 0, norms, 0, 4);
    }

    /** b[i..i+L) −= z_{p0}·u0 + z_{p1}·u1 + z_{p2}·u2 + z_{p3}·u3, summed in that order with fused multiply-adds. */
    private static void update(double[] b, int i, DoubleVector u0, DoubleVector u1, DoubleVector u2, DoubleVector u3,
            double[] z, int at) {
        DoubleVector acc = u0.mul(z[at]);
        acc = u1.lanewise(VectorOperators.FMA, z[at + 1], acc);
        acc = u2.lanewise(VectorOperators.FMA, z[at + 2], acc);
        acc = u3.lanewise(VectorOperators.FMA, z[at + 3], acc);
        DoubleVector.fromArray(SPECIES, b, i).sub(acc).intoArray(b, i);
    }
}
