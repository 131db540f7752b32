package org.l2o4j.policysearch.cmaes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.CMAESOptimizer;
import org.apache.commons.math3.random.MersenneTwister;
import org.junit.jupiter.api.Test;

/**
 * The trainer's recombination of a generation's candidates is CMA-ES's new mean: Commons Math's own mean history
 * (its statistics) on an ill-conditioned 5-D ellipsoid, λ = 8, diagonal covariance, 12 generations, to 1e-13.
 */
class RecombinationTest {

    @Test
    void recombiningTheScoredCandidatesGivesCommonsMathsMean() {
        int n = 5;
        int lambda = 8;
        List<double[]> points = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        CMAESOptimizer cmaes = new CMAESOptimizer(12, 0, false, Integer.MAX_VALUE, 0, new MersenneTwister(3), true,
                null);
        double[] sigma = new double[n];
        Arrays.fill(sigma, 0.5);
        cmaes.optimize(new MaxEval(10_000), new ObjectiveFunction(x -> {
            double f = 0;
            for (int i = 0; i < x.length; i++) {
                f += Math.pow(10, i) * (x[i] - 1) * (x[i] - 1);
            }
            points.add(x.clone());
            values.add(f);
            return f;
        }), GoalType.MINIMIZE, new InitialGuess(new double[n]), SimpleBounds.unbounded(n),
                new CMAESOptimizer.Sigma(sigma), new CMAESOptimizer.PopulationSize(lambda));
        var means = cmaes.getStatisticsMeanHistory();
        assertEquals(12, means.size());
        for (int g = 0; g < means.size(); g++) {
            double[][] candidates = new double[lambda][];
            double[] costs = new double[lambda];
            for (int k = 0; k < lambda; k++) {
                candidates[k] = points.get(1 + g * lambda + k);
                costs[k] = values.get(1 + g * lambda + k);
            }
            assertArrayEquals(means.get(g).getRow(0), CmaEsTrainer.recombination(candidates, costs), 1e-13,
                    "generation " + (g + 1));
        }
    }
}
