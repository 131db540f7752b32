package org.l2o4j.analysis.dynamics;

import java.util.List;

import org.apache.commons.math3.complex.Complex;
import org.l2o4j.core.problem.Problem;

/**
 * Aggregated momentum with given modes run on problems (analysis.md §3's replay check): per coordinate
 * v_i ← β_i v_i − α_i g and x ← x + d + Re Σ_i v_i, from v_i(0). With the modes a {@link ModeMomentum} extracted from
 * a learned optimizer it is that optimizer's linearization; with one real mode (α, β) and v(0) = 0 it is heavy ball.
 */
public final class MomentumReplay {

    private MomentumReplay() {
    }

    /** The linearized optimizer of {@code modes}: f(x_t) per problem, t = 0 .. steps. */
    public static double[][] replay(ModeMomentum modes, List<? extends Problem> problems, int steps) {
        int s = modes.modes().size();
        Complex[] betas = new Complex[s];
        for (int i = 0; i < s; i++) {
            betas[i] = modes.beta(i);
        }
        return run(modes.alphas(), betas, modes.initialTerms(), modes.offset(), problems, steps);
    }

    /** Heavy ball Δx_t = β Δx_{t−1} − α g_t from rest. */
    public static double[][] heavyBall(double alpha, double beta, List<? extends Problem> problems, int steps) {
        return run(new Complex[] {new Complex(alpha)}, new Complex[] {new Complex(beta)},
                new Complex[] {Complex.ZERO}, 0, problems, steps);
    }

    /** The general form; see the class comment. */
    public static double[][] run(Complex[] alphas, Complex[] betas, Complex[] initial, double offset,
            List<? extends Problem> problems, int steps) {
        int modes = alphas.length;
        int d = problems.get(0).dimension();
        int n = problems.size() * d;
        double[] x = new double[n];
        double[] g = new double[n];
        double[][] re = new double[n][modes];
        double[][] im = new double[n][modes];
        for (int p = 0; p < problems.size(); p++) {
            System.arraycopy(problems.get(p).initialPoint(0), 0, x, p * d, d);
        }
        for (int c = 0; c < n; c++) {
            for (int i = 0; i < modes; i++) {
                re[c][i] = initial[i].getReal();
                im[c][i] = initial[i].getImaginary();
            }
        }
        double[][] losses = new double[problems.size()][steps + 1];
        for (int t = 0; t <= steps; t++) {
            for (int p = 0; p < problems.size(); p++) {
                losses[p][t] = problems.get(p).valueAndGradient(x, p * d, g, p * d);
            }
            if (t == steps) {
                break;
            }
            for (int c = 0; c < n; c++) {
                double update = offset;
                for (int i = 0; i < modes; i++) {
                    double br = betas[i].getReal();
                    double bi = betas[i].getImaginary();
                    double vr = br * re[c][i] - bi * im[c][i] - alphas[i].getReal() * g[c];
                    double vi = br * im[c][i] + bi * re[c][i] - alphas[i].getImaginary() * g[c];
                    re[c][i] = vr;
                    im[c][i] = vi;
                    update += vr;
                }
                x[c] += update;
            }
        }
        return losses;
    }
}
