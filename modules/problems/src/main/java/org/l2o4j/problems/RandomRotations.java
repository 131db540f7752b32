package org.l2o4j.problems;

import java.util.random.RandomGenerator;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Random orthogonal matrices distributed by Haar measure: the rotation Q of a quadratic's eigenbasis
 * (Maheswaranathan et al. 2021, renn {@code quadratic.py} uses {@code jax.nn.initializers.orthogonal}, which is the
 * same construction).
 */
public final class RandomRotations {

    private RandomRotations() {
    }

    /**
     * A d×d orthogonal matrix, row-major: the Q of the QR decomposition of a matrix of i.i.d. N(0, 1) entries, with
     * column j multiplied by sign(R_jj). Without that sign correction Q depends on the decomposition's sign convention
     * and is not Haar-distributed (Mezzadri 2007, "How to generate random matrices from the classical compact groups").
     */
    public static double[] haar(RandomGenerator rng, int d) {
        double[][] g = new double[d][d];
        for (int r = 0; r < d; r++) {
            for (int c = 0; c < d; c++) {
                g[r][c] = rng.nextGaussian();
            }
        }
        QRDecomposition qr = new QRDecomposition(new Array2DRowRealMatrix(g, false));
        RealMatrix q = qr.getQ();
        RealMatrix rFactor = qr.getR();
        double[] out = new double[d * d];
        for (int c = 0; c < d; c++) {
            double sign = rFactor.getEntry(c, c) < 0 ? -1 : 1;
            for (int r = 0; r < d; r++) {
                out[r * d + c] = sign * q.getEntry(r, c);
            }
        }
        return out;
    }
}
