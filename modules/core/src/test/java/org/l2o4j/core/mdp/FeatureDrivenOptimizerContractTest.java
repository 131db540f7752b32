package org.l2o4j.core.mdp;

import java.util.Map;

import org.l2o4j.core.mdp.rules.TruncatedHeavyBall;
import org.l2o4j.core.optimizer.Optimizer;
import org.l2o4j.core.testkit.OptimizerContract;

/** The optimizer contract (determinism, independence, progress) for a rule that uses the whole gradient history. */
class FeatureDrivenOptimizerContractTest extends OptimizerContract {

    @Override
    protected Optimizer optimizer() {
        return new FeatureDrivenOptimizer("truncated-heavy-ball", Map.of("lr", 0.3, "beta", 0.5),
                FeaturePreset.releasedCode(), new TruncatedHeavyBall(0.3, 0.5));
    }
}
