package org.l2o4j.problems.moons;

import java.util.List;

import org.l2o4j.core.problem.ProblemFamily;
import org.l2o4j.core.testkit.ProblemContract;

/** A small network on 64 points, so the finite differences over every parameter stay fast. */
class TwoMoonsContractTest extends ProblemContract {

    @Override
    protected ProblemFamily family() {
        return new TwoMoonsFamily(new TwoMoonsConfig(64, 0.1, 0, List.of(8, 8), 5e-3, 1.0, 4, 4));
    }
}
