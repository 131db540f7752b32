package org.l2o4j.baselines;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Candidate values for the default tuning grids.
 *
 * <p>Learning rates are searched on a log grid with two points per decade, 1 and 3 times a power of ten (a
 * half-decade grid rounded to values that print exactly): {@link #LEARNING_RATES} spans 1e-4 … 10, eleven values,
 * which covers Adam's 1e-3 default, Torch7's 1e-2 and the step 1/L ≈ 1 of unit-curvature problems with room to
 * diverge on both sides. Andrychowicz et al. tuned only the learning rate of each baseline (papers.md §2.3); Li &amp;
 * Malik give no grid (§1.6), so the same one is used for every step size.
 */
public final class Grids {

    /** 1e-4, 3e-4, 1e-3, …, 3, 10. */
    public static final List<Object> LEARNING_RATES = oneThree(-4, 1);

    /**
     * Heavy-ball decays searched with the step size: 0.1, 0.3, 0.5, 0.7, 0.9, 0.95, 0.99 (the small values because
     * the tuned decay on Li &amp; Malik's logistic regression sat at the old grid's lower edge, 0.5).
     */
    public static final List<Object> MOMENTA = List.of(0.1, 0.3, 0.5, 0.7, 0.9, 0.95, 0.99);

    private Grids() {
    }

    /**
     * 1·10^k and 3·10^k for k = {@code fromExponent} … {@code toExponent − 1}, then 10^{@code toExponent}. Values are
     * parsed from their decimal text so that they print as written (3e-4, not 3.0000000000000003E-4).
     */
    public static List<Object> oneThree(int fromExponent, int toExponent) {
        if (fromExponent > toExponent) {
            throw new IllegalArgumentException(
                    "fromExponent " + fromExponent + " is above toExponent " + toExponent);
        }
        List<Object> out = new ArrayList<>();
        for (int k = fromExponent; k < toExponent; k++) {
            out.add(Double.parseDouble("1e" + k));
            out.add(Double.parseDouble("3e" + k));
        }
        out.add(Double.parseDouble("1e" + toExponent));
        return Collections.unmodifiableList(out);
    }
}
