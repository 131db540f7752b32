package org.l2o4j.gps.cost;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** The cost Hessian's projection onto the PSD cone (gps.md §4.2's option) against closed forms. */
class PsdProjectionTest {

    /** R·diag(2, −1)·Rᵀ with R the rotation by θ projects to R·diag(2, 0)·Rᵀ = 2·r₁r₁ᵀ. */
    @Test
    void clipsTheNegativeEigenvalueOfARotatedIndefiniteMatrix() {
        double c = Math.cos(0.3);
        double s = Math.sin(0.3);
        double[] h = {2 * c * c - s * s, 2 * c * s + c * s, 2 * c * s + c * s, 2 * s * s - c * c};
        ObjectiveValueCost.projectOntoPsd(h, 2);
        assertArrayEquals(new double[] {2 * c * c, 2 * c * s, 2 * c * s, 2 * s * s}, h, 1e-14);
    }

    @Test
    void leavesAPositiveDefiniteMatrixAlone() {
        double[] h = {4, 1, 0.5, 1, 3, 0.2, 0.5, 0.2, 2};
        double[] before = h.clone();
        ObjectiveValueCost.projectOntoPsd(h, 3);
        assertArrayEquals(before, h, 1e-13);
    }

    @Test
    void aNegativeDefiniteMatrixBecomesZero() {
        double[] h = {-1, 0.2, 0.2, -3};
        ObjectiveValueCost.projectOntoPsd(h, 2);
        assertArrayEquals(new double[4], h, 1e-15);
    }
}
