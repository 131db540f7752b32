package org.l2o4j.core.testkit;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.l2o4j.core.problem.StochasticProblem;

/**
 * The smallest stochastic problem with closed forms: minibatch k is the single "example" s_k = k mod 3, f_k(x) =
 * ½‖x − s_k·1‖², and the full objective is the mean over the three examples, F(x) = (1/3) Σ_{s=0}^{2} ½‖x − s·1‖²
 * = ½‖x − 1‖² + d/3. Which minibatch an evaluation used can be read off its value or gradient.
 *
 * @param dimension d
 */
public record ShiftedQuadratic(int dimension) implements StochasticProblem {

    /** The example minibatch {@code draw} holds. */
    public static double shift(long draw) {
        return draw % 3;
    }

    @Override
    public String formula() {
        return "shifted-quadratic";
    }

    @Override
    public double value(long draw, double[] x, int offset) {
        double s = shift(draw);
        double f = 0;
        for (int j = 0; j < dimension; j++) {
            f += 0.5 * (x[offset + j] - s) * (x[offset + j] - s);
        }
        return f;
    }

    @Override
    public double valueAndGradient(long draw, double[] x, int xOffset, double[] gradient, int gradientOffset) {
        double s = shift(draw);
        for (int j = 0; j < dimension; j++) {
            gradient[gradientOffset + j] = x[xOffset + j] - s;
        }
        return value(draw, x, xOffset);
    }

    @Override
    public double value(double[] x, int offset) {
        double f = 0;
        for (int j = 0; j < dimension; j++) {
            f += 0.5 * (x[offset + j] - 1) * (x[offset + j] - 1);
        }
        return f + dimension / 3.0;
    }

    @Override
    public double valueAndGradient(double[] x, int xOffset, double[] gradient, int gradientOffset) {
        for (int j = 0; j < dimension; j++) {
            gradient[gradientOffset + j] = x[xOffset + j] - 1;
        }
        return value(x, xOffset);
    }

    @Override
    public double[] initialPoint(int restart) {
        double[] x = new double[dimension];
        Arrays.fill(x, 5 + restart);
        return x;
    }

    @Override
    public Map<String, Object> export() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("formula", formula());
        m.put("initialPoint", initialPoint(0));
        return m;
    }
}
