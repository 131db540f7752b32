package org.l2o4j.gps.trajopt;

import org.l2o4j.gps.linalg.Spd;
import org.l2o4j.gps.model.LinearGaussianController;
import org.l2o4j.gps.model.Marginals;

/**
 * KL(p ‖ g) between two linear-Gaussian controllers, in nats, taken under p's own state marginals (gps.md §4.5;
 * Levine &amp; Abbeel 2014 eq. 2, the trust region of GPS's C-step). With δK = K − K', δk = k − k', P' = S'⁻¹:
 * <pre>
 *   KL_t = ½[ tr(P'Σ) − dU + ln|S'| − ln|Σ| + (δK μ_s + δk)ᵀ P' (δK μ_s + δk) + tr(P' δK Σ_ss δKᵀ) ]
 * </pre>
 * Each KL_t is clamped at 0: it is a divergence, so a negative value can only be round-off (gps.md §5 item 12).
 */
public final class KlDivergence {

    private KlDivergence() {
    }

    /**
     * KL_t(p ‖ g) for t = 0 … T−1.
     *
     * @param p          the new controller
     * @param pMarginals p's marginals (from {@link ForwardPass#marginals})
     * @param g          the reference controller (the anchor)
     */
    public static double[] perStep(LinearGaussianController p, Marginals pMarginals, LinearGaussianController g) {
        int dX = p.stateDimension();
        int dU = p.actionDimension();
        if (g.stateDimension() != dX || g.actionDimension() != dU || g.horizon() != p.horizon()
                || pMarginals.stateDimension() != dX || pMarginals.actionDimension() != dU
                || pMarginals.horizon() != p.horizon()) {
            throw new IllegalArgumentException("dimension mismatch: p has dX = " + dX + ", dU = " + dU + ", T = "
                    + p.horizon() + "; g has dX = " + g.stateDimension() + ", dU = " + g.actionDimension() + ", T = "
                    + g.horizon() + "; the marginals have dX = " + pMarginals.stateDimension() + ", dU = "
                    + pMarginals.actionDimension() + ", T = " + pMarginals.horizon());
        }
        int n = dX + dU;
        double[] kl = new double[p.horizon()];
        double[] stateCovariance = new double[dX * dX];
        for (int t = 0; t < p.horizon(); t++) {
            double[] precision = g.precision(t);
            double[] covariance = p.covariance(t);
            double[] deltaGain = p.gain(t);
            double[] otherGain = g.gain(t);
            for (int i = 0; i < dU * dX; i++) {
                deltaGain[i] -= otherGain[i];
            }
            double[] mean = pMarginals.mean(t);
            double[] joint = pMarginals.covariance(t);
            for (int i = 0; i < dX; i++) {
                System.arraycopy(joint, i * n, stateCovariance, i * dX, dX);
            }
            double[] deltaMean = p.offset(t);
            double[] otherOffset = g.offset(t);
            for (int a = 0; a < dU; a++) {
                double s = deltaMean[a] - otherOffset[a];
                for (int i = 0; i < dX; i++) {
                    s += deltaGain[a * dX + i] * mean[i];
                }
                deltaMean[a] = s;
            }
            double[] spread = Spd.congruence(deltaGain, dU, dX, stateCovariance);
            double traceTerm = 0;
            double meanTerm = 0;
            double gainTerm = 0;
            for (int a = 0; a < dU; a++) {
                double row = 0;
                for (int b = 0; b < dU; b++) {
                    double pab = precision[a * dU + b];
                    traceTerm += pab * covariance[b * dU + a];
                    gainTerm += pab * spread[b * dU + a];
                    row += pab * deltaMean[b];
                }
                meanTerm += deltaMean[a] * row;
            }
            double value = 0.5 * (traceTerm - dU + g.logDeterminantCovariance(t) - p.logDeterminantCovariance(t)
                    + meanTerm + gainTerm);
            kl[t] = Math.max(0, value);
        }
        return kl;
    }

    /** Σ_t KL_t(p ‖ g), in nats. */
    public static double total(LinearGaussianController p, Marginals pMarginals, LinearGaussianController g) {
        return ExpectedCost.sum(perStep(p, pMarginals, g));
    }
}
