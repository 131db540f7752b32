package org.l2o4j.gps.trajopt;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.l2o4j.gps.linalg.NotPositiveDefiniteException;
import org.l2o4j.gps.model.LinearGaussianController;
import org.l2o4j.gps.model.LinearGaussianDynamics;
import org.l2o4j.gps.model.Marginals;

/**
 * KL-constrained LQG by dual search on η (gps.md §4.7–§4.8; Levine &amp; Abbeel 2014 §3.1; Levine et al. 2016
 * App. A). Each iteration runs a {@link BackwardPass} at η (raising η while some Q_uu is not positive definite),
 * measures KL(p ‖ anchor) under p's own marginals, and narrows the bracket [lo, hi] in log space:
 * <pre>
 *   KL &lt; ε:  hi = η;  η = max(√(lo·hi), 0.1·hi)      (η too large: loosen)
 *   KL ≥ ε:  lo = η;  η = min(√(lo·hi), 10·lo)       (η too small: tighten)
 * </pre>
 * until |KL − ε| &lt; tolerance·ε or the call budget is spent. The bracket is updated with the η actually used after
 * raises, as the reference does, so a stalled search reproduces it call for call. If the constraint is inactive even
 * at ηmin, η slides toward ηmin until the call budget is spent and the last controller is accepted, reported as not
 * converged (the reference does the same; fixture case A_loose_kl50).
 *
 * <p>Holds configuration only; safe to share between threads.
 */
public final class LqgKlTrajectoryOptimizer implements TrajectoryOptimizer {

    private final EtaSearchSettings settings;

    /** An optimizer with these search settings. */
    public LqgKlTrajectoryOptimizer(EtaSearchSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** The search settings. */
    public EtaSearchSettings settings() {
        return settings;
    }

    /**
     * A backward pass at {@code eta}, or, if some Q_uu is not positive definite, at η_in + δ, η_in + 2δ, η_in + 4δ,
     * … (δ = {@link EtaSearchSettings#initialEtaBump()}). Raising η adds η·P_anchor/(η+ν) to Q_uu, GPS's analogue
     * of a Levenberg–Marquardt damping; the raises are not cumulative on η, so the result stays close to the η
     * asked for.
     *
     * @throws NotPositiveDefiniteException naming the failing time step when even η ≥ ηmax does not help
     */
    public RobustBackwardResult robustBackward(AugmentedCostBuilder costs, LinearGaussianDynamics dynamics,
            double eta) {
        double bump = settings.initialEtaBump();
        double current = eta;
        int bumps = 0;
        while (true) {
            BackwardPassResult pass = BackwardPass.run(costs.at(current), dynamics);
            if (pass.succeeded()) {
                return new RobustBackwardResult(pass, current, bumps);
            }
            bumps++;
            current = eta + bump;
            bump *= 2;
            if (current >= settings.etaMax()) {
                throw new NotPositiveDefiniteException("Q_uu at t = " + pass.failedTimeStep()
                        + " is not positive definite even at η = " + current + " (ηmax = " + settings.etaMax()
                        + ", after " + bumps + " raises from η = " + eta + "); the cost or the fitted dynamics at"
                        + " that step are degenerate");
            }
        }
    }

    @Override
    public TrajectoryOptimizationResult optimize(LinearGaussianDynamics dynamics, AugmentedCostBuilder costs,
            double klBudgetNats, double etaWarmStart) {
        if (!(klBudgetNats > 0) || !Double.isFinite(klBudgetNats)) {
            throw new IllegalArgumentException("the KL budget ε must be positive and finite but is "
                    + klBudgetNats);
        }
        if (!(etaWarmStart > 0) || !Double.isFinite(etaWarmStart)) {
            throw new IllegalArgumentException("the warm-start η must be positive and finite but is "
                    + etaWarmStart);
        }
        LinearGaussianController anchor = costs.anchor();
        double lo = settings.etaMin();
        double hi = settings.etaMax();
        double eta = etaWarmStart;
        double tolerance = settings.toleranceFraction() * klBudgetNats;
        List<EtaSearchStep> trace = new ArrayList<>();
        int totalBumps = 0;
        LinearGaussianController controller = null;
        Marginals marginals = null;
        double kl = Double.NaN;
        double etaUsed = Double.NaN;
        boolean converged = false;
        for (int call = 0; call < settings.maxBackwardCalls(); call++) {
            RobustBackwardResult backward = robustBackward(costs, dynamics, eta);
            etaUsed = backward.eta();
            totalBumps += backward.etaBumps();
            controller = backward.pass().controller();
            marginals = ForwardPass.marginals(controller, dynamics);
            kl = KlDivergence.total(controller, marginals, anchor);
            trace.add(new EtaSearchStep(eta, etaUsed, backward.etaBumps(), kl));
            if (Math.abs(kl - klBudgetNats) < tolerance) {
                converged = true;
                break;
            }
            if (kl < klBudgetNats) {
                hi = etaUsed;
                eta = Math.max(Math.sqrt(lo * hi), 0.1 * hi);
            } else {
                lo = etaUsed;
                eta = Math.min(Math.sqrt(lo * hi), 10 * lo);
            }
        }
        double etaForWarmStart = !converged && settings.referenceReturnedEta() ? eta : etaUsed;
        return new TrajectoryOptimizationResult(controller, marginals, kl, klBudgetNats, etaUsed, etaForWarmStart,
                trace.size(), totalBumps, converged, trace);
    }
}
