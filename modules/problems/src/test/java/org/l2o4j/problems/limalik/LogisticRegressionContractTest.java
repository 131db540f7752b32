package org.l2o4j.problems.limalik;

import org.l2o4j.core.problem.ProblemFamily;
import org.l2o4j.core.testkit.ProblemContract;

class LogisticRegressionContractTest extends ProblemContract {

    @Override
    protected ProblemFamily family() {
        return new LogisticRegressionFamily(LogisticRegressionConfig.DEFAULTS);
    }
}
