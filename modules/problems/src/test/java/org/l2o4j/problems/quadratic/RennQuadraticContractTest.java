package org.l2o4j.problems.quadratic;

import org.l2o4j.core.problem.ProblemFamily;
import org.l2o4j.core.testkit.ProblemContract;

class RennQuadraticContractTest extends ProblemContract {

    @Override
    protected ProblemFamily family() {
        return new RennQuadraticFamily(RennQuadraticConfig.DEFAULTS);
    }
}
