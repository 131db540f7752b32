package org.l2o4j.analysis.dynamics;

import org.apache.commons.math3.complex.Complex;

/**
 * The linearized optimizer at a fixed point as aggregated momentum (analysis.md §3; Maheswaranathan et al. §4.1).
 * Near (h*, 0), δh' = J δh + J_inp g and Δx = d + w·δh' with d = w·h* + b. In the eigenbasis c_i = l_i·δh each mode
 * evolves alone, so v_i = (w·r_i) c_i is a momentum term:
 * <pre>
 *   v_i ← β_i v_i − α_i g,   Δx = d + Σ_i v_i,   β_i = λ_i,   α_i = −(w·r_i)(l_i·J_inp)
 * </pre>
 * (complex for complex pairs, whose terms are conjugate, so the sum is real). A single mode with real (α, β) is heavy
 * ball: Δx_t = β Δx_{t−1} − α g_t.
 *
 * @param modes        the eigenmodes of J at the fixed point
 * @param alphas       α_i, in the order of the modes
 * @param offset       d, the update at the fixed point with zero gradient (zero at an exact stationary point)
 * @param initialTerms v_i(0) = (w·r_i) l_i·(h₀ − h*): the terms of the optimizer's initial state
 */
public record ModeMomentum(Eigenmodes modes, Complex[] alphas, double offset, Complex[] initialTerms) {

    /**
     * The modes of a cell linearized at {@code fixedPoint} (input 0), with the initial terms of {@code initialState}.
     */
    public static ModeMomentum at(RecurrentCell cell, double[] fixedPoint, double[] initialState) {
        int s = cell.stateSize();
        double[] jacobian = new double[s * s];
        double[] inputJacobian = new double[s];
        cell.linearize(fixedPoint, 0.0, jacobian, inputJacobian);
        Eigenmodes modes = Eigenmodes.of(jacobian, s);
        double[] w = cell.readoutWeights();
        double[] displacement = new double[s];
        for (int j = 0; j < s; j++) {
            displacement[j] = initialState[j] - fixedPoint[j];
        }
        Complex[] alphas = new Complex[s];
        Complex[] initial = new Complex[s];
        for (int i = 0; i < s; i++) {
            Complex readout = Eigenmodes.dot(w, modes.right(i));
            alphas[i] = readout.multiply(Eigenmodes.dot(inputJacobian, modes.left(i))).negate();
            initial[i] = readout.multiply(Eigenmodes.dot(displacement, modes.left(i)));
        }
        return new ModeMomentum(modes, alphas, cell.readout(fixedPoint), initial);
    }

    /** β_i = λ_i. */
    public Complex beta(int i) {
        return modes.value(i);
    }

    /** α_i. */
    public Complex alpha(int i) {
        return alphas[i];
    }

    /**
     * The effective gradient-descent step of mode i under a constant gradient, α_i / (1 − β_i): what the mode adds up
     * to at steady state (heavy ball: α/(1 − β)). The mode that contributes most is the optimizer's momentum.
     */
    public Complex steadyStateRate(int i) {
        return alphas[i].divide(Complex.ONE.subtract(beta(i)));
    }

    /** Index of the mode with the largest |α_i/(1 − β_i)|. */
    public int dominant() {
        int best = 0;
        for (int i = 1; i < alphas.length; i++) {
            if (steadyStateRate(i).abs() > steadyStateRate(best).abs()) {
                best = i;
            }
        }
        return best;
    }

    /**
     * The optimal heavy ball for a quadratic whose Hessian eigenvalues lie in [λ_min, λ_max] (Polyak):
     * α* = 4/(√λ_min + √λ_max)², β* = ((√λ_max − √λ_min)/(√λ_max + √λ_min))².
     *
     * @return {α*, β*}
     */
    public static double[] optimalHeavyBall(double lambdaMin, double lambdaMax) {
        if (!(lambdaMin > 0) || !(lambdaMax >= lambdaMin) || !Double.isFinite(lambdaMax)) {
            throw new IllegalArgumentException("the optimal heavy ball needs 0 < lambdaMin <= lambdaMax, got ["
                    + lambdaMin + ", " + lambdaMax + "]");
        }
        double a = Math.sqrt(lambdaMin);
        double b = Math.sqrt(lambdaMax);
        return new double[] {4 / ((a + b) * (a + b)), ((b - a) / (b + a)) * ((b - a) / (b + a))};
    }
}
