package org.l2o4j.core.vector;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;

/**
 * e^x and log1p on whole vectors, from additions, multiplications, one division and bit operations only, so that
 * they round the same way however the JVM runs them. The Vector API's own {@code EXP} and {@code LOG1P} do not:
 * C2 calls Intel's SVML, while the interpreter and C1 (every call until C2 compiles the caller) compute
 * {@code Math.exp} and {@code Math.log1p} lane by lane, and the two differ in the last bit for about 4 % (exp) and
 * 8 % (log1p) of arguments (measured), which would make a run's numbers depend on when the JIT compiled what.
 * Accuracy: within a few ulps of {@code Math.exp} and {@code Math.log1p} on the domains below (tested).
 *
 * <p>They serve the policy's softplus layer ({@code org.l2o4j.policy.VectorMlpForward}) and the logistic-regression
 * kernel ({@code org.l2o4j.problems.LogisticVectorKernel}). Load this class only where {@link VectorApi#AVAILABLE}
 * holds: it names the incubator module's types.
 */
public final class VectorMath {

    private static final double LOG2_E = 1.4426950408889634;
    /** ln 2 split so that k·LN2_HI is exact for |k| ≤ 2^11 (fdlibm's e_exp.c). */
    private static final double LN2_HI = 6.93147180369123816490e-01;
    private static final double LN2_LO = 1.90821492927058770002e-10;
    private static final double LN2 = 0.6931471805599453;
    /** 1.5·2^52: adding it rounds to an integer and leaves that integer in the low bits. */
    private static final double ROUNDING_SHIFT = 0x1.8p52;
    private static final long ROUNDING_SHIFT_BITS = Double.doubleToRawLongBits(ROUNDING_SHIFT);
    /** Below this e^x is subnormal; we return 0, off by less than 3e-308. */
    private static final double EXP_UNDERFLOW = -708.0;
    /** 1/i! for i = 13 … 0: Taylor's series of e^r, truncated where |r| ≤ ln2/2 makes the rest below 1e-17. */
    private static final double[] EXP_TAYLOR = new double[14];
    /** 1/(2i + 1) for i = 11 … 1: atanh(s)/s − 1 = s²/3 + s⁴/5 + …, truncated where |s| ≤ 0.172 allows. */
    private static final double[] ATANH_TAYLOR = new double[11];

    static {
        double factorial = 1;
        for (int i = 0; i <= 13; i++) {
            factorial *= Math.max(i, 1);
            EXP_TAYLOR[13 - i] = 1 / factorial;
        }
        for (int i = 1; i <= 11; i++) {
            ATANH_TAYLOR[11 - i] = 1.0 / (2 * i + 1);
        }
    }

    private VectorMath() {
    }

    /** softplus(z) = max(z, 0) + log1p(e^−|z|), which never overflows. */
    public static DoubleVector softplus(DoubleVector z) {
        return z.max(0.0).add(log1pOfUnit(expOfNonPositive(z.abs().neg())));
    }

    /**
     * e^x for x ≤ 0 (NaN stays NaN): x = k ln 2 + r with |r| ≤ ln2/2 (Cody &amp; Waite), e^r by its Taylor series
     * to degree 13, and 2^k put into the exponent bits.
     */
    public static DoubleVector expOfNonPositive(DoubleVector x) {
        VectorMask<Double> underflow = x.compare(VectorOperators.LT, EXP_UNDERFLOW);
        DoubleVector clamped = x.max(EXP_UNDERFLOW);
        DoubleVector shifted = clamped.fma(DoubleVector.broadcast(clamped.species(), LOG2_E),
                DoubleVector.broadcast(clamped.species(), ROUNDING_SHIFT));
        DoubleVector k = shifted.sub(ROUNDING_SHIFT);
        DoubleVector r = k.fma(DoubleVector.broadcast(clamped.species(), -LN2_HI), clamped)
                .add(k.mul(-LN2_LO));
        DoubleVector p = DoubleVector.broadcast(clamped.species(), EXP_TAYLOR[0]);
        for (int i = 1; i < EXP_TAYLOR.length; i++) {
            p = p.fma(r, DoubleVector.broadcast(clamped.species(), EXP_TAYLOR[i]));
        }
        DoubleVector twoToK = shifted.reinterpretAsLongs()
                .sub(ROUNDING_SHIFT_BITS - 1023)
                .lanewise(VectorOperators.LSHL, 52)
                .reinterpretAsDoubles();
        return p.mul(twoToK).blend(0.0, underflow);
    }

    /**
     * log(1 + y) for 0 ≤ y ≤ 1 (NaN stays NaN) as 2 atanh(s) with s = y/(2 + y), or, above y = √2 − 1, as
     * ln 2 + 2 atanh(s) with s = (y − 1)/(y + 3) (that is, log((1 + y)/2)), so that |s| ≤ 0.172 and the series
     * converges fast; y itself, not 1 + y, enters s, so small y keep their digits.
     */
    public static DoubleVector log1pOfUnit(DoubleVector y) {
        VectorMask<Double> upper = y.compare(VectorOperators.GT, 0.41421356237309503);
        DoubleVector s = y.blend(y.sub(1.0), upper).div(y.add(2.0).blend(y.add(3.0), upper));
        DoubleVector s2 = s.mul(s);
        DoubleVector q = DoubleVector.broadcast(y.species(), ATANH_TAYLOR[0]);
        for (int i = 1; i < ATANH_TAYLOR.length; i++) {
            q = q.fma(s2, DoubleVector.broadcast(y.species(), ATANH_TAYLOR[i]));
        }
        DoubleVector twoS = s.add(s);
        DoubleVector log = twoS.fma(s2.mul(q), twoS);
        return log.add(DoubleVector.zero(y.species()).blend(LN2, upper));
    }
}
