package org.l2o4j.problems.rosenbrock;

import org.l2o4j.core.problem.ProblemFamily;
import org.l2o4j.core.testkit.ProblemContract;

class RosenbrockContractTest extends ProblemContract {

    @Override
    protected ProblemFamily family() {
        return new RosenbrockFamily(RosenbrockConfig.DEFAULTS);
    }
}
