package org.l2o4j.core.numerics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;
import org.l2o4j.core.random.Seeds;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Guards against an OpenBLAS kernel that computes wrong double products on this CPU (shared/deps.md, pitfall 1: an
 * unknown OPENBLAS_CORETYPE made DGEMM off by 2.47 on an 1800×175 product). Compares ND4J with a plain loop.
 */
class Nd4jDoubleMatmulTest {

    @Test
    void nd4jDoubleProductEqualsAPlainLoop() {
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
        int n = 1800;
        int k = 175;
        int m = 50;
        RandomGenerator rng = Seeds.rng(3);
        double[][] a = new double[n][k];
        double[][] b = new double[k][m];
        for (double[] row : a) {
            for (int j = 0; j < k; j++) {
                row[j] = rng.nextGaussian();
            }
        }
        for (double[] row : b) {
            for (int j = 0; j < m; j++) {
                row[j] = rng.nextGaussian();
            }
        }
        INDArray c = Nd4j.create(a).mmul(Nd4j.create(b));
        assertEquals(DataType.DOUBLE, c.dataType());
        double worst = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                double s = 0;
                for (int l = 0; l < k; l++) {
                    s += a[i][l] * b[l][j];
                }
                worst = Math.max(worst, Math.abs(s - c.getDouble(i, j)));
            }
        }
        assertEquals(0.0, worst, 1e-11, "ND4J's DGEMM disagrees with a plain loop; is OPENBLAS_CORETYPE set?");
    }
}
