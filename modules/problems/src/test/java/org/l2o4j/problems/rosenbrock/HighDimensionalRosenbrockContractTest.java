package org.l2o4j.problems.rosenbrock;

import java.util.List;

import org.l2o4j.core.problem.ProblemFamily;
import org.l2o4j.core.testkit.ProblemContract;

/** The chained form, where interior coordinates get terms from both neighbours. */
class HighDimensionalRosenbrockContractTest extends ProblemContract {

    @Override
    protected ProblemFamily family() {
        return new RosenbrockFamily(new RosenbrockConfig(6, 1, 100, List.of(-2.0, -1.0), List.of(2.0, 3.0), 5, 5));
    }
}
