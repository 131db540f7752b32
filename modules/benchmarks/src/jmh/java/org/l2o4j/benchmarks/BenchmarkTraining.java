package org.l2o4j.benchmarks;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import org.l2o4j.core.run.Provenance;
import org.l2o4j.core.training.MetaTrainer;
import org.l2o4j.core.training.TrainerProvider;
import org.l2o4j.core.training.TrainingFolder;
import org.l2o4j.core.training.TrainingHeader;
import org.l2o4j.core.training.TrainingListener;

/** A whole training as a benchmark's unit, for trainers with no per-step entry point (CMA-ES, RL4J's DQN). */
final class BenchmarkTraining {

    private BenchmarkTraining() {
    }

    /**
     * Trains from the training-file map {@code raw} into a new run folder {@code folder}, as {@code l2o train} would.
     *
     * @return the problem-steps the training says it spent
     */
    static long train(TrainerProvider provider, Map<String, Object> raw, Path folder) {
        TrainingHeader.Split split = TrainingHeader.split(raw, "benchmark");
        MetaTrainer t = provider.create(split.header(), split.settings(), "benchmark");
        try (TrainingFolder run = TrainingFolder.create(folder, split.header(), t.settings(), Set.of(),
                Provenance.capture("benchmark", split.header().seed(), "benchmark"))) {
            return ((Number) t.train(run, TrainingListener.NONE).get("problemSteps")).longValue();
        }
    }
}
