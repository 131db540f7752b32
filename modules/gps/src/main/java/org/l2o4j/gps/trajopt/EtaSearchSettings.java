package org.l2o4j.gps.trajopt;

import java.io.Serializable;

/**
 * How the dual variable η of the KL-constrained LQG step is searched for (gps.md §4.8, §6; Levine &amp; Abbeel 2014
 * §3.1: the Lagrangian dual is minimized over η by a bracketing search in log space).
 *
 * @param etaMin                    the bracket's lower end, ηmin (Li &amp; Malik: 1e-4; current cbfinn: 1e-8)
 * @param etaMax                    the bracket's upper end and the cap on non-PD bumps, ηmax (1e16)
 * @param maxBackwardCalls          at most this many backward passes per search (50)
 * @param toleranceFraction         converged when |KL − ε| &lt; toleranceFraction · ε (0.1)
 * @param initialEtaBump            δ of the first η raise after a non-PD Q_uu (cbfinn's {@code del0}, 1e-4)
 * @param referenceReturnedEta      reference-compatible mode, off by default: when the search stops without
 *                                  converging, return for the next warm start the candidate η the reference would
 *                                  have tried next, not the η of the returned controller (gps-fixtures README §7
 *                                  item 9)
 */
public record EtaSearchSettings(double etaMin, double etaMax, int maxBackwardCalls, double toleranceFraction,
        double initialEtaBump, boolean referenceReturnedEta) implements Serializable {

    /** Validates: 0 &lt; ηmin &lt; ηmax finite, at least one backward call, 0 &lt; tolerance &lt; 1, δ &gt; 0. */
    public EtaSearchSettings {
        if (!(etaMin > 0) || !(etaMax > etaMin) || !Double.isFinite(etaMax)) {
            throw new IllegalArgumentException("need 0 < ηmin < ηmax < ∞ but got ηmin = " + etaMin + ", ηmax = "
                    + etaMax);
        }
        if (maxBackwardCalls < 1) {
            throw new IllegalArgumentException("maxBackwardCalls must be at least 1 but is " + maxBackwardCalls);
        }
        if (!(toleranceFraction > 0) || !(toleranceFraction < 1)) {
            throw new IllegalArgumentException("toleranceFraction must lie in (0, 1) but is " + toleranceFraction);
        }
        if (!(initialEtaBump > 0) || !Double.isFinite(initialEtaBump)) {
            throw new IllegalArgumentException("initialEtaBump must be positive and finite but is "
                    + initialEtaBump);
        }
    }

    /** Li &amp; Malik's released configuration (gps.md §6): ηmin = 1e-4, ηmax = 1e16, 50 calls, 10 %, δ = 1e-4. */
    public static EtaSearchSettings liMalik() {
        return new EtaSearchSettings(1e-4, 1e16, 50, 0.1, 1e-4, false);
    }

    /** Current cbfinn/gps defaults ({@code TRAJ_OPT_LQR}): as {@link #liMalik()} but ηmin = 1e-8. */
    public static EtaSearchSettings cbfinn() {
        return new EtaSearchSettings(1e-8, 1e16, 50, 0.1, 1e-4, false);
    }

    /** The same settings with the reference's returned-η behaviour switched on or off. */
    public EtaSearchSettings withReferenceReturnedEta(boolean enabled) {
        return new EtaSearchSettings(etaMin, etaMax, maxBackwardCalls, toleranceFraction, initialEtaBump, enabled);
    }
}
