package org.l2o4j.analysis.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.random.RandomGenerator;

import org.apache.commons.math3.complex.Complex;
import org.junit.jupiter.api.Test;
import org.l2o4j.core.random.Seeds;

/**
 * The decomposition A = R diag(λ) L of random non-symmetric matrices (which have complex pairs): A r_i = λ_i r_i,
 * l_i A = λ_i l_i, l_i · r_k = δ_ik, and |λ| descending.
 */
class EigenmodesTest {

    @Test
    void rightAndLeftVectorsSatisfyTheirDefinitions() {
        int complexPairs = 0;
        for (int trial = 0; trial < 20; trial++) {
            RandomGenerator rng = Seeds.rng(500 + trial);
            int n = 2 + trial % 9;
            double[] a = new double[n * n];
            for (int k = 0; k < a.length; k++) {
                a[k] = rng.nextGaussian() / Math.sqrt(n);
            }
            if (trial % 2 == 1) {
                // Badly scaled rows and columns, D A D⁻¹ with D spanning 1e-4 .. 1e4: what balancing is for.
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        a[i * n + j] *= Math.pow(10, 4.0 * (2.0 * i / (n - 1) - 1)) / Math.pow(10, 4.0
                                * (2.0 * j / (n - 1) - 1));
                    }
                }
            }
            Eigenmodes e = Eigenmodes.of(a, n);
            for (int i = 0; i < n; i++) {
                Complex lambda = e.value(i);
                if (lambda.getImaginary() != 0) {
                    complexPairs++;
                }
                if (i > 0) {
                    assertTrue(e.value(i - 1).abs() >= lambda.abs() - 1e-12, "sorted by |λ|");
                }
                Complex[] r = e.right(i);
                Complex[] l = e.left(i);
                for (int row = 0; row < n; row++) {
                    Complex ar = Complex.ZERO;
                    Complex la = Complex.ZERO;
                    for (int col = 0; col < n; col++) {
                        ar = ar.add(r[col].multiply(a[row * n + col]));
                        la = la.add(l[col].multiply(a[col * n + row]));
                    }
                    assertEquals(0.0, ar.subtract(r[row].multiply(lambda)).abs(), 1e-9 * norm(r), "A r = λ r");
                    assertEquals(0.0, la.subtract(l[row].multiply(lambda)).abs(), 1e-9 * norm(l), "l A = λ l");
                }
                for (int k = 0; k < n; k++) {
                    Complex product = Complex.ZERO;
                    Complex[] rk = e.right(k);
                    for (int j = 0; j < n; j++) {
                        product = product.add(l[j].multiply(rk[j]));
                    }
                    assertEquals(i == k ? 1.0 : 0.0, product.getReal(), 1e-10, "l_i · r_k");
                    assertEquals(0.0, product.getImaginary(), 1e-10);
                }
            }
        }
        assertTrue(complexPairs > 10, "random matrices must exercise complex pairs, saw " + complexPairs);
    }

    /** Balancing is a similarity by powers of two: D⁻¹ A D with the returned D, exactly. */
    @Test
    void balancingIsAnExactSimilarity() {
        double[][] a = {{1, 1e6, 0}, {1e-6, 2, 3e5}, {4e-5, 1e-4, 3}};
        double[][] b = {a[0].clone(), a[1].clone(), a[2].clone()};
        double[] d = Eigenmodes.balance(b);
        for (int i = 0; i < 3; i++) {
            assertEquals(0.0, Math.abs(Math.getExponent(d[i]) - Math.log(d[i]) / Math.log(2)), 0.0, "powers of 2");
            for (int j = 0; j < 3; j++) {
                assertEquals(a[i][j] * d[j] / d[i], b[i][j], 0.0);
            }
        }
        assertTrue(Math.abs(b[0][1]) < 1e4, "balanced: " + b[0][1]);
    }

    private static double norm(Complex[] z) {
        double s = 0;
        for (Complex c : z) {
            s += c.abs() * c.abs();
        }
        return Math.max(1, Math.sqrt(s));
    }
}
