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
 * The forecast of a generation, taken when CMA-ES asks for its first candidate's fitness, is every candidate CMA-ES then
 * hands over, bit for bit, and wrapping the random generator changes nothing: Commons Math's diagonal CMA-ES on an
 * ill-conditioned 5-D ellipsoid, λ = 8, 12 generations, against the same search on the bare generator.
 */
class GenerationForecastTest {

    private static final int N = 5;
    private static final int LAMBDA = 8;

    private static double ellipsoid(double[] x) {
        double f = 0;
        for (int i = 0; i < x.length; i++) {
            f += Math.pow(10, i) * (x[i] - 1) * (x[i] - 1);
        }
        return f;
    }

    /** Runs the search; {@code asked} gets every candidate, {@code forecast} (if given) each generation's forecast. */
    private static void search(org.apache.commons.math3.random.RandomGenerator random, GenerationForecast forecaster,
            List<double[]> asked, List<double[]> forecast) {
        CMAESOptimizer[] cmaes = new CMAESOptimizer[1];
        cmaes[0] = new CMAESOptimizer(12, 0, false, Integer.MAX_VALUE, 0, random, false, null);
        double[] sigma = new double[N];
        Arrays.fill(sigma, 0.5);
        cmaes[0].optimize(new MaxEval(10_000), new ObjectiveFunction(x -> {
            if (forecaster != null && asked.size() >= 1 && (asked.size() - 1) % LAMBDA == 0) {
                forecast.addAll(Arrays.asList(forecaster.candidates(cmaes[0])));
            }
            asked.add(x.clone());
            return ellipsoid(x);
        }), GoalType.MINIMIZE, new InitialGuess(new double[N]), SimpleBounds.unbounded(N),
                new CMAESOptimizer.Sigma(sigma), new CMAESOptimizer.PopulationSize(LAMBDA));
    }

    @Test
    void theForecastIsWhatCmaEsHandsOver() {
        List<double[]> plain = new ArrayList<>();
        search(new MersenneTwister(3), null, plain, null);
        GenerationForecast forecaster = new GenerationForecast(new MersenneTwister(3), N, LAMBDA);
        List<double[]> asked = new ArrayList<>();
        List<double[]> forecast = new ArrayList<>();
        search(forecaster, forecaster, asked, forecast);
        assertEquals(1 + 12 * LAMBDA, asked.size());
        assertEquals(plain.size(), asked.size());
        for (int e = 0; e < asked.size(); e++) {
            assertArrayEquals(plain.get(e), asked.get(e), 0.0, "candidate " + e + " with and without the forecast");
        }
        assertEquals(12 * LAMBDA, forecast.size());
        for (int e = 1; e < asked.size(); e++) {
            assertArrayEquals(asked.get(e), forecast.get(e - 1), 0.0, "candidate " + e);
        }
    }
}
