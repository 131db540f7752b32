package org.l2o4j.problems.mnist;

import org.l2o4j.core.problem.ProblemFamily;
import org.l2o4j.core.testkit.ProblemContract;

/**
 * The contract on the generalization test's other architectures: two hidden ReLU layers (784-3-3-10). A central
 * difference can straddle a ReLU kink only if a pre-activation lies within about 1e-5 of 0, which the random check
 * points make improbable.
 */
class MnistMlpTwoLayerReluContractTest extends ProblemContract {

    @Override
    protected ProblemFamily family() {
        return new MnistMlpFamily(new MnistMlpConfig(3, 2, "relu", 5, 0.01, "npm", "", "", 0.2, 4, 2, 3),
                MnistMlpContractTest.DIGITS);
    }
}
