package org.l2o4j.rl4j;

import java.util.Map;

import org.l2o4j.core.problem.Problem;

/** A problem that counts every call made to it, to prove that each one was also charged by the batch. */
final class CountingProblem implements Problem {

    private final Problem inner;
    long valueCalls;
    long gradientCalls;

    CountingProblem(Problem inner) {
        this.inner = inner;
    }

    @Override
    public String formula() {
        return inner.formula();
    }

    @Override
    public int dimension() {
        return inner.dimension();
    }

    @Override
    public double value(double[] x, int offset) {
        valueCalls++;
        return inner.value(x, offset);
    }

    @Override
    public double valueAndGradient(double[] x, int xOffset, double[] gradient, int gradientOffset) {
        valueCalls++;
        gradientCalls++;
        return inner.valueAndGradient(x, xOffset, gradient, gradientOffset);
    }

    @Override
    public double[] initialPoint(int restart) {
        return inner.initialPoint(restart);
    }

    @Override
    public Map<String, Object> export() {
        return inner.export();
    }
}
