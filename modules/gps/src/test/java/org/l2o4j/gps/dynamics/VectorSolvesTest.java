package org.l2o4j.gps.dynamics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;
import org.l2o4j.core.random.Seeds;
import org.l2o4j.core.vector.VectorApi;

/** The E-step's four-point vector solves against the one-point scalar solve, on sizes that leave every remainder. */
class VectorSolvesTest {

    @Test
    void fourPointsAtOnceEqualTheScalarSolve() {
        assertTrue(VectorApi.AVAILABLE, "the build runs tests with --add-modules jdk.incubator.vector");
        RandomGenerator rng = Seeds.rng(31);
        for (int n : new int[] {1, 3, 4, 7, 13, 37, 66}) {
            double[] a = new double[n * n];
            double[] g = Seeds.gaussian(rng, n * n);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double s = i == j ? 0.5 : 0;
                    for (int k = 0; k < n; k++) {
                        s += g[i * n + k] * g[j * n + k];
                    }
                    a[i * n + j] = s;
                }
            }
            double[] u = UpperCholesky.factor(a, n).orElseThrow();
            double[][] b = new double[4][];
            double[][] scalar = new double[4][];
            double[] expectedNorms = new double[4];
            for (int p = 0; p < 4; p++) {
                b[p] = Seeds.gaussian(rng, n);
                scalar[p] = b[p].clone();
                expectedNorms[p] = UpperCholesky.solveTransposedSquaredNorm(u, n, scalar[p]);
            }
            double[] norms = new double[4];
            VectorSolves.solveTransposedSquaredNorms4(u, n, b[0], b[1], b[2], b[3], norms);
            for (int p = 0; p < 4; p++) {
                assertEquals(expectedNorms[p], norms[p], 1e-11 * expectedNorms[p], "‖z‖², n = " + n + ", point " + p);
                assertArrayEquals(scalar[p], b[p], 1e-10 * Math.sqrt(expectedNorms[p]), "z, n = " + n);
            }
        }
    }
}
