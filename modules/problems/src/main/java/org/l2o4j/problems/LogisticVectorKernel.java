package org.l2o4j.problems;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

import org.l2o4j.core.vector.VectorMath;

/**
 * {@link LogisticKernel} on JDK 17's incubator Vector API, one vector of data points at a time: the points are
 * stored feature-major (one column per feature, padded to whole vectors with weight-0 points), and e^−|z| and
 * log1p run on whole vectors ({@link VectorMath}), several times cheaper per point than {@code Math.exp}
 * and {@code Math.log}. A first pass computes the loss and the residuals σ(z_i) − y_i (one exponential per
 * point, shared as in {@link Logistic}); a second forms ∇L as one dot product per feature.
 *
 * <p>Against the scalar loops of {@code LogisticRegression}: z_i sums the same terms with fused multiply-adds, the
 * transcendental functions differ by a few ulps, and the sums over points run lane by lane, so L and ∇L agree to
 * about 1e-15 of their magnitude. Every operation is exactly rounded IEEE arithmetic, so the result does not depend
 * on whether C2 has compiled this class yet. The only class of this package that names
 * {@code jdk.incubator.vector} types.
 */
final class LogisticVectorKernel implements LogisticKernel {

    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();

    private final int points;
    private final int featureCount;
    private final int paddedPoints;
    /** Feature j of point i at j·paddedPoints + i; 0 for the padding points. */
    private final double[] columns;
    private final double[] labels;
    /** 1 for the data points, 0 for the padding, which then adds nothing to L or ∇L. */
    private final double[] pointWeights;

    /**
     * Whether this path pays on this machine: x86 (where it was measured) with vectors of at least four doubles
     * (AVX2 or AVX-512).
     */
    static boolean worthwhile() {
        String arch = System.getProperty("os.arch", "");
        return LANES >= 4 && (arch.equals("amd64") || arch.equals("x86_64"));
    }

    LogisticVectorKernel(double[] features, int featureCount, int[] labels) {
        this.points = labels.length;
        this.featureCount = featureCount;
        this.paddedPoints = (points + LANES - 1) / LANES * LANES;
        this.columns = new double[featureCount * paddedPoints];
        this.labels = new double[paddedPoints];
        this.pointWeights = new double[paddedPoints];
        for (int i = 0; i < points; i++) {
            for (int j = 0; j < featureCount; j++) {
                columns[j * paddedPoints + i] = features[i * featureCount + j];
            }
            this.labels[i] = labels[i];
            pointWeights[i] = 1;
        }
    }

    @Override
    public double meanLoss(double[] x, int offset) {
        DoubleVector loss = DoubleVector.zero(SPECIES);
        for (int i = 0; i < paddedPoints; i += LANES) {
            DoubleVector z = logits(x, offset, i);
            DoubleVector e = VectorMath.expOfNonPositive(z.abs().neg());
            loss = pointLoss(z, e, i).fma(DoubleVector.fromArray(SPECIES, pointWeights, i), loss);
        }
        return sumLanes(loss) / points;
    }

    @Override
    public double meanLossAndGradient(double[] x, int xOffset, double[] gradient, int gradientOffset) {
        double[] residuals = new double[paddedPoints];
        DoubleVector loss = DoubleVector.zero(SPECIES);
        for (int i = 0; i < paddedPoints; i += LANES) {
            DoubleVector z = logits(x, xOffset, i);
            DoubleVector e = VectorMath.expOfNonPositive(z.abs().neg());
            DoubleVector weight = DoubleVector.fromArray(SPECIES, pointWeights, i);
            loss = pointLoss(z, e, i).fma(weight, loss);
            // σ(z) = 1/(1 + e^−z) for z ≥ 0 and e^z/(1 + e^z) below, from the same e = e^−|z| (Logistic.sigmoid).
            DoubleVector r = DoubleVector.broadcast(SPECIES, 1.0).div(e.add(1.0));
            DoubleVector sigmoid = r.blend(e.mul(r), z.compare(VectorOperators.LT, 0.0));
            sigmoid.sub(DoubleVector.fromArray(SPECIES, labels, i)).mul(weight).intoArray(residuals, i);
        }
        for (int j = 0; j < featureCount; j++) {
            gradient[gradientOffset + j] = dot(residuals, j * paddedPoints) / points;
        }
        DoubleVector bias = DoubleVector.zero(SPECIES);
        for (int i = 0; i < paddedPoints; i += LANES) {
            bias = bias.add(DoubleVector.fromArray(SPECIES, residuals, i));
        }
        gradient[gradientOffset + featureCount] = sumLanes(bias) / points;
        return sumLanes(loss) / points;
    }

    /** z = wᵀa + b for the points [i, i + LANES). */
    private DoubleVector logits(double[] x, int offset, int i) {
        DoubleVector z = DoubleVector.broadcast(SPECIES, x[offset + featureCount]);
        for (int j = 0; j < featureCount; j++) {
            z = DoubleVector.fromArray(SPECIES, columns, j * paddedPoints + i)
                    .fma(DoubleVector.broadcast(SPECIES, x[offset + j]), z);
        }
        return z;
    }

    /** softplus(z) − y z with softplus(z) = max(z, 0) + log1p(e^−|z|), given e = e^−|z| (Logistic.softplus). */
    private DoubleVector pointLoss(DoubleVector z, DoubleVector e, int i) {
        DoubleVector softplus = z.max(0.0).add(VectorMath.log1pOfUnit(e));
        return softplus.sub(DoubleVector.fromArray(SPECIES, labels, i).mul(z));
    }

    /** Σ_i residuals[i]·columns[from + i] over the padded points. */
    private double dot(double[] residuals, int from) {
        DoubleVector sum = DoubleVector.zero(SPECIES);
        for (int i = 0; i < paddedPoints; i += LANES) {
            sum = DoubleVector.fromArray(SPECIES, residuals, i)
                    .fma(DoubleVector.fromArray(SPECIES, columns, from + i), sum);
        }
        return sumLanes(sum);
    }

    /** The lanes added in order: reduceLanes(ADD) may add in another order once C2 compiles it. */
    private static double sumLanes(DoubleVector v) {
        double[] lanes = v.toArray();
        double sum = 0;
        for (double lane : lanes) {
            sum += lane;
        }
        return sum;
    }
}
