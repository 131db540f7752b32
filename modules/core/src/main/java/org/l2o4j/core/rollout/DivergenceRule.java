package org.l2o4j.core.rollout;

/**
 * When a run counts as diverged: a non-finite value, gradient or iterate, an objective that grew by more than
 * {@code objectiveGrowth × (1 + |f(x0)|)} above its start, or an iterate that moved further than
 * {@code iterateGrowth × (1 + ‖x0‖∞)} from the origin. A diverged run is recorded (and counted) from that step on
 * and the optimizer stops touching it; it never stops the experiment.
 *
 * @param objectiveGrowth allowed rise of f above f(x0), relative to 1 + |f(x0)|
 * @param iterateGrowth   allowed ‖x‖∞ relative to 1 + ‖x0‖∞
 */
public record DivergenceRule(double objectiveGrowth, double iterateGrowth) {

    /** f may rise by 1e6 (1 + |f0|), iterates may grow to 1e8 (1 + ‖x0‖∞). */
    public static final DivergenceRule DEFAULT = new DivergenceRule(1e6, 1e8);

    public DivergenceRule {
        if (!(objectiveGrowth > 0) || !(iterateGrowth > 0)) {
            throw new IllegalArgumentException("divergence thresholds must be positive, got objectiveGrowth="
                    + objectiveGrowth + ", iterateGrowth=" + iterateGrowth);
        }
    }

    /**
     * Whether problem i of the batch has diverged, given its value and ‖x‖∞ at the start. Public so that every driver
     * of a batch (the {@link Rollout}, the optimization MDP of {@code org.l2o4j.core.mdp}) applies the same rule.
     */
    public boolean diverged(ProblemBatch batch, int i, double startValue, double startMaxAbs) {
        if (objectiveDiverged(batch.values()[i], startValue)) {
            return true;
        }
        int d = batch.dimension();
        double[] x = batch.x();
        double[] g = batch.gradient();
        double limit = iterateLimit(startMaxAbs);
        for (int j = i * d; j < i * d + d; j++) {
            if (!Double.isFinite(g[j]) || !(Math.abs(x[j]) <= limit)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The objective half of the rule: whether {@code f} is not finite or rose too far above {@code startValue}. With
     * {@link #iterateLimit}, the rule for drivers that keep their iterates outside a {@link ProblemBatch} (a DL4J
     * network's parameters).
     */
    public boolean objectiveDiverged(double f, double startValue) {
        return !Double.isFinite(f) || f - startValue > objectiveGrowth * (1 + Math.abs(startValue));
    }

    /** The largest |x_j| a run may reach without counting as diverged, for a start with ‖x0‖∞ = startMaxAbs. */
    public double iterateLimit(double startMaxAbs) {
        return iterateGrowth * (1 + startMaxAbs);
    }
}
