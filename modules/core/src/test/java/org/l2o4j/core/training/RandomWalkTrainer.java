package org.l2o4j.core.training;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.l2o4j.core.config.Checks;
import org.l2o4j.core.engine.Engine;
import org.l2o4j.core.random.Seeds;

/**
 * A trainer with nothing to learn, for testing the folder and the contract kit: its "parameter" walks
 * x_{k+1} = x_k / 2 + z_k with z_k drawn from (seed, k), and a checkpoint is x and k.
 */
final class RandomWalkTrainer implements MetaTrainer {

    static final String KIND = "random-walk";

    /**
     * @param steps           the budget
     * @param checkpointEvery checkpoint cadence (and after the last step)
     * @param failAt          a step at which to throw (0: never), for failure tests
     */
    record Settings(int steps, int checkpointEvery, int failAt) {
        static final Settings DEFAULTS = new Settings(5, 1, 0);

        Settings {
            Checks.atLeast("steps", steps, 0);
            Checks.positive("checkpointEvery", checkpointEvery);
        }
    }

    /** Registers the trainer for tests (not in META-INF/services). */
    static final class Provider implements TrainerProvider {
        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public String description() {
            return "a random walk, for tests";
        }

        @Override
        public Set<String> resumableKeys() {
            return Set.of("steps", "checkpointEvery");
        }

        @Override
        public MetaTrainer create(TrainingHeader header, Map<String, Object> settings, String source) {
            return new RandomWalkTrainer(header.seed(), header.bind(settings, Settings.DEFAULTS, source));
        }
    }

    private final long seed;
    private final Settings settings;

    RandomWalkTrainer(long seed, Settings settings) {
        this.seed = seed;
        this.settings = settings;
    }

    @Override
    public Map<String, Object> settings() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("steps", settings.steps());
        m.put("checkpointEvery", settings.checkpointEvery());
        m.put("failAt", settings.failAt());
        return m;
    }

    @Override
    public Budget budget() {
        return new Budget("steps", settings.steps(), "step");
    }

    @Override
    public Map<String, Object> train(TrainingFolder folder, TrainingListener listener, Engine engine) {
        folder.logHeader("step,x,seconds");
        long k = 0;
        double x = 1;
        if (folder.resumeFrom().isPresent()) {
            try {
                String[] saved = Files.readString(folder.resumeFrom().get().file("state.txt")).strip().split(" ");
                k = Long.parseLong(saved[0]);
                x = Double.parseDouble(saved[1]);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        listener.started(k, settings.steps(), "a random walk");
        while (k < settings.steps()) {
            if (k + 1 == settings.failAt()) {
                throw new IllegalStateException("failing at step " + settings.failAt() + " as asked");
            }
            x = x / 2 + Seeds.rng(Seeds.derive(seed, "walk", k)).nextGaussian();
            k++;
            folder.log(k + "," + x + "," + System.nanoTime() % 1000);
            listener.progressed(k, "");
            if (k % settings.checkpointEvery() == 0 || k == settings.steps()) {
                String state = k + " " + x + "\n";
                folder.save(k, "step", dir -> Files.writeString(dir.resolve("state.txt"), state));
            }
        }
        return Map.of("x", x);
    }

    @Override
    public TrainedOptimizer trainedOptimizer(TrainingFolder.Checkpoint checkpoint) {
        return new TrainedOptimizer("gradient-descent", "walk", Map.of());
    }
}
