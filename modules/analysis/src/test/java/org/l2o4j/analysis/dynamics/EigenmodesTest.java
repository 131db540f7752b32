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
                    assertEquals(0.0, ar.subtract(r[row].multiply(lambda)).abs(), 1e-10, "A r = λ r");
                    assertEquals(0.0, la.subtract(l[row].multiply(lambda)).abs(), 1e-10, "l A = λ l");
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
}
