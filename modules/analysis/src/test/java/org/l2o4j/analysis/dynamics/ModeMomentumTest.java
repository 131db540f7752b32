package org.l2o4j.analysis.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.apache.commons.math3.complex.Complex;
import org.junit.jupiter.api.Test;
import org.l2o4j.core.problem.Problem;
import org.l2o4j.problems.quadratic.RennQuadraticConfig;
import org.l2o4j.problems.quadratic.RennQuadraticFamily;

/**
 * Per-mode momentum on cells built to be momentum with known (α, β) (analysis.md's known-answer tests): the fixed
 * point, the eigenvalues and the extracted α recovered to 1e-10, and the replay equal to the optimizer itself.
 */
class ModeMomentumTest {

    /** P and P⁻¹ with det P = 1, so that the modes are mixed in the state. */
    private static final double[][] P = {{2, 1, 0}, {1, 1, 0.5}, {0, 0, 1}};
    private static final double[][] P_INVERSE = {{1, -1, 0.5}, {-1, 2, -1}, {0, 0, 1}};

    private static List<Problem> quadratics() {
        return new RennQuadraticFamily(RennQuadraticConfig.DEFAULTS).problems("test", 2020).subList(0, 6);
    }

    /**
     * Heavy ball (α = 3.2, β = 0.85) hidden in a 3-d state: two more modes (0.5 and −0.2) take the gradient but are
     * not read out, and the state is mixed by P.
     */
    @Test
    void heavyBallIsRecoveredAndReplayedExactly() {
        double alpha = 3.2;
        double beta = 0.85;
        double[][] a = AffineCell.conjugate(P, P_INVERSE, new double[] {beta, 0.5, -0.2});
        double[] b = AffineCell.times(P, new double[] {-alpha, 0.7, 1.1});
        double[] w = AffineCell.rowTimes(new double[] {1, 0, 0}, P_INVERSE);
        AffineCell cell = new AffineCell(a, new double[3], b, w, 0, new double[3]);
        FixedPoints.Result r = FixedPoints.search(cell, 0, new double[][] {{1, -2, 0.5}, {0.3, 0.3, 3}},
                FixedPoints.Settings.RENN, s -> { });
        double[] fixed = r.points()[r.slowest()];
        for (double v : fixed) {
            assertEquals(0.0, v, 1e-10);
        }
        ModeMomentum modes = ModeMomentum.at(cell, fixed, cell.initialState());
        int dominant = modes.dominant();
        assertEquals(beta, modes.beta(dominant).getReal(), 1e-10);
        assertEquals(0.0, modes.beta(dominant).getImaginary(), 1e-10);
        assertEquals(alpha, modes.alpha(dominant).getReal(), 1e-10);
        assertEquals(0.0, modes.alpha(dominant).getImaginary(), 1e-10);
        for (int i = 0; i < 3; i++) {
            if (i != dominant) {
                assertEquals(0.0, modes.alpha(i).abs(), 1e-10, "mode " + i + " is not read out");
            }
        }
        assertEquals(0.0, modes.offset(), 1e-12);
        double[][] replay = MomentumReplay.replay(modes, quadratics(), 60);
        double[][] heavyBall = MomentumReplay.heavyBall(alpha, beta, quadratics(), 60);
        double[][] own = Trajectories.record(cell, quadratics(), 60, 1).losses();
        for (int p = 0; p < own.length; p++) {
            for (int t = 0; t <= 60; t++) {
                assertEquals(own[p][t], replay[p][t], 1e-10 * (1 + own[p][t]), "replay, problem " + p + ", t " + t);
                assertEquals(own[p][t], heavyBall[p][t], 1e-10 * (1 + own[p][t]), "heavy ball, problem " + p);
            }
        }
    }

    /** Two real modes, both read out, from a state away from the fixed point, with an offset c: both pairs recovered. */
    @Test
    void twoModeAggregatedMomentumIsRecovered() {
        double[] alphas = {0.4, 2.5};
        double[] betas = {0.3, 0.95};
        double[][] p = {{1, 2}, {1, 3}};
        double[][] pInverse = {{3, -2}, {-1, 1}};
        double[][] a = AffineCell.conjugate(p, pInverse, betas);
        double[] b = AffineCell.times(p, new double[] {-alphas[0], -alphas[1]});
        double[] w = AffineCell.rowTimes(new double[] {1, 1}, pInverse);
        double[] c = {0.2, -0.1};
        AffineCell cell = new AffineCell(a, c, b, w, 0.05, new double[] {0.7, -0.4});
        FixedPoints.Result r = FixedPoints.search(cell, 0, new double[][] {{0, 0}}, FixedPoints.Settings.RENN,
                s -> { });
        double[] fixed = r.points()[0];
        double[][] iMinusA = {{1 - a[0][0], -a[0][1]}, {-a[1][0], 1 - a[1][1]}};
        double det = iMinusA[0][0] * iMinusA[1][1] - iMinusA[0][1] * iMinusA[1][0];
        assertEquals((iMinusA[1][1] * c[0] - iMinusA[0][1] * c[1]) / det, fixed[0], 1e-10);
        assertEquals((-iMinusA[1][0] * c[0] + iMinusA[0][0] * c[1]) / det, fixed[1], 1e-10);
        ModeMomentum modes = ModeMomentum.at(cell, fixed, cell.initialState());
        for (int k = 0; k < 2; k++) {
            int i = Math.abs(modes.beta(0).getReal() - betas[k]) < 1e-6 ? 0 : 1;
            assertEquals(betas[k], modes.beta(i).getReal(), 1e-10);
            assertEquals(alphas[k], modes.alpha(i).getReal(), 1e-10);
        }
        double[][] replay = MomentumReplay.replay(modes, quadratics(), 40);
        double[][] own = Trajectories.record(cell, quadratics(), 40, 1).losses();
        for (int p2 = 0; p2 < own.length; p2++) {
            for (int t = 0; t <= 40; t++) {
                assertEquals(own[p2][t], replay[p2][t], 1e-9 * (1 + own[p2][t]), "problem " + p2 + ", t " + t);
            }
        }
    }

    /** A rotation-damping block: a complex pair ρe^{±iθ}; its α are conjugate and the replay is exact. */
    @Test
    void complexPairsAreConjugateAndReplayExactly() {
        double rho = 0.9;
        double theta = 0.4;
        double[][] a = {{rho * Math.cos(theta), -rho * Math.sin(theta)}, {rho * Math.sin(theta),
            rho * Math.cos(theta)}};
        AffineCell cell = new AffineCell(a, new double[2], new double[] {-1.0, -0.3}, new double[] {0.8, 0.5}, 0,
                new double[2]);
        ModeMomentum modes = ModeMomentum.at(cell, new double[2], cell.initialState());
        assertEquals(rho, modes.beta(0).abs(), 1e-12);
        assertEquals(theta, Math.abs(modes.beta(0).getArgument()), 1e-12);
        Complex sum = modes.alpha(0).add(modes.alpha(1));
        assertEquals(0.0, sum.getImaginary(), 1e-12, "conjugate pair");
        assertEquals(modes.alpha(0).getReal(), modes.alpha(1).getReal(), 1e-12);
        assertEquals(0.8 * 1.0 + 0.5 * 0.3, sum.getReal(), 1e-12, "Σα = −w·B, the update's response to g");
        double[][] replay = MomentumReplay.replay(modes, quadratics(), 40);
        double[][] own = Trajectories.record(cell, quadratics(), 40, 1).losses();
        for (int p = 0; p < own.length; p++) {
            for (int t = 0; t <= 40; t++) {
                assertEquals(own[p][t], replay[p][t], 1e-10 * (1 + own[p][t]));
            }
        }
    }

    /** Polyak's optimum for [1e-3, 1] (analysis.md: α* ≈ 3.759, β* ≈ 0.881). */
    @Test
    void optimalHeavyBallOnTheRennSpectrum() {
        double[] opt = ModeMomentum.optimalHeavyBall(1e-3, 1);
        double s = Math.sqrt(1e-3);
        assertEquals(4 / ((1 + s) * (1 + s)), opt[0], 1e-15);
        assertEquals(3.759, opt[0], 5e-4);
        assertEquals(0.881, opt[1], 5e-4);
    }
}
