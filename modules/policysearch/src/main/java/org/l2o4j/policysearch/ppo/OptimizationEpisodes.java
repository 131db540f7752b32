package org.l2o4j.policysearch.ppo;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

import org.l2o4j.core.mdp.FeaturePreset;
import org.l2o4j.core.mdp.OptimizationMdp;
import org.l2o4j.core.problem.Problem;
import org.l2o4j.core.random.Seeds;
import org.l2o4j.core.rollout.DivergenceRule;

/**
 * Li &amp; Malik's optimization MDP ({@link OptimizationMdp}) as a {@link BatchEnvironment}: each episode optimizes a
 * training function drawn uniformly (with replacement) from the batch's seed, from its initial point, for T steps; the
 * observation is the preset's; the reward of a step is −f(x_{t+1}) (divided by f(x_0) when {@code relative}), so a
 * return is minus the episode cost of policy-search.md. A step that diverges ({@link DivergenceRule#DEFAULT}) earns
 * −{@code divergedCostFactor}·f(x_0) (or −factor, relative) and ends the episode.
 */
public final class OptimizationEpisodes implements BatchEnvironment {

    private final OptimizationMdp mdp;
    private final List<Problem> functions;
    private final boolean relative;
    private final double divergedCostFactor;
    private final int dimension;
    private double[] startValue = new double[0];
    private long spent;
    private long chargedAtReset;

    /**
     * @param preset             the features
     * @param horizon            T
     * @param functions          the training functions (one dimension d)
     * @param relative           whether rewards are divided by f(x_0)
     * @param divergedCostFactor the cost of a diverging step, in units of f(x_0)
     */
    public OptimizationEpisodes(FeaturePreset preset, int horizon, List<Problem> functions, boolean relative,
            double divergedCostFactor) {
        this.mdp = new OptimizationMdp(preset, horizon, DivergenceRule.DEFAULT);
        this.functions = List.copyOf(functions);
        this.relative = relative;
        this.divergedCostFactor = divergedCostFactor;
        this.dimension = this.functions.get(0).dimension();
    }

    @Override
    public int observationDimension() {
        return mdp.preset().observationLayout(dimension).dimension();
    }

    @Override
    public int actionDimension() {
        return dimension;
    }

    @Override
    public int horizon() {
        return mdp.horizon();
    }

    @Override
    public void reset(int n, long seed) {
        spent = problemSteps();
        RandomGenerator rng = Seeds.rng(seed);
        List<Problem> chosen = new ArrayList<>(n);
        List<double[]> starts = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Problem p = functions.get(rng.nextInt(functions.size()));
            chosen.add(p);
            starts.add(p.initialPoint(0));
        }
        mdp.reset(chosen, starts);
        startValue = mdp.batch().values().clone();
        chargedAtReset = charged();
    }

    @Override
    public void observations(double[] out) {
        mdp.observations(out);
    }

    @Override
    public void step(double[] actions, double[] rewards) {
        int n = startValue.length;
        boolean[] before = new boolean[n];
        for (int i = 0; i < n; i++) {
            before[i] = isActive(i);
        }
        mdp.step(actions);
        for (int i = 0; i < n; i++) {
            if (!before[i]) {
                rewards[i] = 0;
                continue;
            }
            double cost = mdp.isActive(i) ? mdp.cost(i) : divergedCostFactor * startValue[i];
            rewards[i] = -(relative ? cost / startValue[i] : cost);
        }
    }

    @Override
    public boolean isActive(int i) {
        return mdp.isActive(i) && mdp.time() < mdp.horizon();
    }

    @Override
    public long problemSteps() {
        return spent + (charged() - chargedAtReset);
    }

    private long charged() {
        return startValue.length == 0 ? 0 : mdp.batch().totalGradientEvaluations();
    }
}
