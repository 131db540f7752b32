package org.l2o4j.cli;

import java.util.List;
import java.util.Map;

import org.l2o4j.core.catalog.OptimizerProvider;
import org.l2o4j.core.optimizer.Optimizer;
import org.l2o4j.core.optimizer.OptimizerState;
import org.l2o4j.core.rollout.ProblemBatch;

/**
 * A test optimizer that starts on one function (the runner's check before anything runs) and fails on every batch of
 * several: a unit of work that fails on every attempt, wherever an engine runs it.
 */
public final class ExplodingOptimizerProvider implements OptimizerProvider {

    @Override
    public String name() {
        return "explodes";
    }

    @Override
    public String description() {
        return "test only: fails on any batch of more than one function";
    }

    @Override
    public Optimizer create(Map<String, ?> hyperparameters) {
        return new Optimizer() {
            @Override
            public String name() {
                return "explodes";
            }

            @Override
            public Map<String, Object> hyperparameters() {
                return Map.of();
            }

            @Override
            public OptimizerState start(ProblemBatch batch) {
                if (batch.size() > 1) {
                    throw new IllegalStateException("exploded on " + batch.size() + " functions");
                }
                return null;
            }
        };
    }

    @Override
    public Map<String, List<Object>> defaultGrid() {
        return Map.of();
    }
}
