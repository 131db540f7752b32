package org.l2o4j.problems.moons;

import java.util.LinkedHashMap;
import java.util.Map;

import org.l2o4j.core.config.Checks;
import org.l2o4j.core.problem.Problem;
import org.l2o4j.problems.ProblemSeeds;

/**
 * One two-moons problem (papers.md §3.1): the shared {@link TanhMlpObjective} started from its own initial
 * parameters. Restart k draws them with {@link TanhMlpObjective#initialize} on {@link ProblemSeeds#restart}, so
 * problems of one family differ only there, as renn's {@code problem_fun(prng_key)} does. Not twice
 * differentiable here: its Hessian is not worth the code at ~8,600 parameters. Immutable, so safe to share between
 * threads.
 */
public final class TwoMoonsMlp implements Problem {

    /** The formula name written into exports. */
    public static final String FORMULA = "two-moons-tanh-mlp";

    private final TanhMlpObjective objective;
    private final long seed;
    private final double initScale;

    /**
     * @param objective the loss, shared with the family's other problems
     * @param seed      the problem's seed, from which its initial parameters are drawn
     * @param initScale multiplier of the LeCun-normal standard deviation 1/√fan-in
     */
    public TwoMoonsMlp(TanhMlpObjective objective, long seed, double initScale) {
        this.objective = objective;
        this.seed = seed;
        this.initScale = Checks.positive("initScale", initScale);
    }

    @Override
    public String formula() {
        return FORMULA;
    }

    @Override
    public int dimension() {
        return objective.dimension();
    }

    @Override
    public double value(double[] x, int offset) {
        return objective.value(x, offset);
    }

    @Override
    public double valueAndGradient(double[] x, int xOffset, double[] gradient, int gradientOffset) {
        return objective.valueAndGradient(x, xOffset, gradient, gradientOffset);
    }

    @Override
    public double[] initialPoint(int restart) {
        double[] x = new double[objective.dimension()];
        objective.initialize(ProblemSeeds.restart(seed, restart), initScale, x);
        return x;
    }

    @Override
    public Map<String, Object> export() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("formula", FORMULA);
        m.put("dimension", dimension());
        m.put("definition", "(1/n) sum_i [log(1 + exp(s_i)) - y_i s_i] + normPenalty |theta|_2 (norm, not squared),"
                + " s_i = MLP(a_i), tanh hidden layers, linear output");
        m.put("layerWidths", objective.layerWidths());
        m.put("activation", "tanh");
        m.put("parameterLayout", objective.parameterLayout());
        m.put("features", objective.features());
        m.put("labels", objective.labels());
        m.put("normPenalty", objective.normPenalty());
        m.put("seed", seed);
        m.put("initScale", initScale);
        m.put("initialPoint", initialPoint(0));
        return m;
    }
}
