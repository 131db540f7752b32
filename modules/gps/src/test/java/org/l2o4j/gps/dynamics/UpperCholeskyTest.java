package org.l2o4j.gps.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;
import org.l2o4j.core.random.Seeds;
import org.l2o4j.gps.linalg.Spd;

/** The GMM's vectorizable Cholesky agrees with {@link Spd}: U = Lᵀ, and ‖U⁻ᵀd‖² = dᵀA⁻¹d. */
class UpperCholeskyTest {

    @Test
    void agreesWithSpdAndFailsOnIndefiniteInput() {
        RandomGenerator rng = Seeds.rng(31);
        for (int n : new int[] {1, 3, 60}) {
            double[] b = Seeds.gaussian(rng, n * n);
            double[] a = new double[n * n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double s = i == j ? 0.1 : 0;
                    for (int k = 0; k < n; k++) {
                        s += b[i * n + k] * b[j * n + k];
                    }
                    a[i * n + j] = s;
                }
            }
            double[] u = UpperCholesky.factor(a, n).orElseThrow();
            double[] l = Spd.cholesky(a, n, "A");
            double[] ut = new double[n * n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    ut[j * n + i] = u[i * n + j];
                }
            }
            Fixture.assertClose(l, ut, 1e-12, "Uᵀ vs Spd's L, n = " + n);
            double[] d = Seeds.gaussian(rng, n);
            double[] solved = d.clone();
            Spd.solve(l, n, solved, 1);
            double expected = 0;
            for (int i = 0; i < n; i++) {
                expected += d[i] * solved[i];
            }
            assertEquals(expected, UpperCholesky.solveTransposedSquaredNorm(u, n, d.clone()), 1e-10 * expected);
        }
        assertTrue(UpperCholesky.factor(new double[] {1, 2, 2, 1}, 2).isEmpty(), "indefinite");
        assertTrue(UpperCholesky.factor(new double[] {Double.NaN}, 1).isEmpty(), "NaN pivot");
    }
}
