package org.l2o4j.gps.algorithm;

/**
 * What one GPS iteration did, for logging and plots (gps.md §3). Costs are Σ_{t&lt;T} f(x_t) over one trajectory of
 * the horizon T (f itself, not multiplied by {@link GpsConfig#costScale()}), averaged over samples and then over the
 * training conditions.
 *
 * @param iteration         the iteration index i, from 0
 * @param meanSampleCost    the mean cost of this iteration's samples, i.e. of the local controllers p_i that
 *                          generated them (before this iteration's C-step)
 * @param meanPolicyCost    the mean cost of the global policy's <em>mean-action</em> rollouts (u_t = μ_θ(o_t), no
 *                          noise) on the training conditions after this iteration's S-step; NaN when
 *                          {@link GpsConfig#evaluatePolicy()} is off
 * @param meanKlNats        the mean over conditions of KL(p_{i+1} ‖ anchor) after the (last) C-step, in nats summed
 *                          over t; the anchor is π̄_i with MDGPS and p_i with BADMM
 * @param meanEta           the mean over conditions of the (last) C-step's η
 * @param stepMultiplier    the stepMult this iteration's C-step used (ε = kl_step·stepMult·T): MDGPS's shared
 *                          value, or the mean over conditions of BADMM's per-condition ones
 * @param etaBumps          η raises for non-positive-definite Q_uu, summed over conditions and BADMM's inner C-steps
 *                          (gps.md §5 item 8)
 * @param unconvergedEtaSearches conditions whose (last) η search ended without |KL − ε| &lt; 10 %·ε
 * @param redrawnSamples    rollouts of the local controllers drawn again because they diverged, summed over
 *                          conditions ({@link GpsConfig#divergedSampleRedraws()}); each cost T problem-steps more
 * @param seconds           wall-clock seconds per phase
 */
public record IterationRecord(int iteration, double meanSampleCost, double meanPolicyCost, double meanKlNats,
        double meanEta, double stepMultiplier, int etaBumps, int unconvergedEtaSearches, int redrawnSamples,
        PhaseSeconds seconds) {

    /**
     * Wall-clock seconds of each phase of one iteration.
     *
     * @param sampling      rolling out the local controllers
     * @param dynamics      cost quadraticization, dynamics-prior update and dynamics fit
     * @param linearization policy-prior update, linearization of π_θ, the Laplace costs and the step-size rule
     * @param cStep         the KL-constrained LQG η searches
     * @param sStep         the S-step regression(s), including iteration 0's extra pre-C-step S-step
     * @param evaluation    the global policy's mean-action rollouts
     */
    public record PhaseSeconds(double sampling, double dynamics, double linearization, double cStep, double sStep,
            double evaluation) {

        /** The sum of the phases. */
        public double total() {
            return sampling + dynamics + linearization + cStep + sStep + evaluation;
        }
    }
}
