package org.l2o4j.problems.mnist;

import org.l2o4j.core.problem.ProblemFamily;
import org.l2o4j.core.testkit.ProblemContract;

/**
 * The contract on a small network (784-3-10, sigmoid) and 40 synthetic digits, so that central differences over all
 * 2,395 parameters of the full-data loss and of two minibatches of 5 stay fast.
 */
class MnistMlpContractTest extends ProblemContract {

    static final MnistDigits DIGITS = MnistFixtures.digits(40, 4);

    @Override
    protected ProblemFamily family() {
        return new MnistMlpFamily(new MnistMlpConfig(3, 1, "sigmoid", 5, 0.01, "npm", "", "", 0.2, 4, 2, 3), DIGITS);
    }
}
