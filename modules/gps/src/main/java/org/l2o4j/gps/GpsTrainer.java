package org.l2o4j.gps;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.l2o4j.core.config.ConfigException;
import org.l2o4j.core.config.Configs;
import org.l2o4j.core.engine.Engine;
import org.l2o4j.core.training.MetaTrainer;
import org.l2o4j.core.training.TrainedOptimizer;
import org.l2o4j.core.training.TrainingFolder;
import org.l2o4j.core.training.TrainingHeader;
import org.l2o4j.core.training.TrainingListener;
import org.l2o4j.gps.algorithm.GpsConfig;
import org.l2o4j.gps.algorithm.GuidedPolicySearch;
import org.l2o4j.gps.algorithm.IterationRecord;
import org.l2o4j.gps.env.Condition;
import org.l2o4j.gps.env.ConditionSource;
import org.l2o4j.policy.LearnedPolicyProvider;

/**
 * Guided policy search ({@link GuidedPolicySearch}) as a {@link MetaTrainer}: the training functions are the first
 * {@code conditions} functions of the family's {@code trainSplit}; each iteration is a unit of work with a checkpoint
 * (the policy, the trainer's state and the GMM priors' state) and a row of the log; the result is the latest policy,
 * run as {@value LearnedPolicyProvider#NAME}.
 */
public final class GpsTrainer implements MetaTrainer {

    /** The {@code kind} of a GPS training file. */
    public static final String KIND = "gps-training";
    /**
     * The log's columns; the {@code *_s} and {@code seconds} columns are timings. {@code problem_steps} counts what the
     * run has spent: per iteration, N samples of T steps on every condition, and T more per condition for the policy's
     * evaluation when {@code evaluatePolicy} is on.
     */
    public static final String LOG_HEADER = "iteration,problem_steps,local_controller_cost,policy_cost,kl_nats,eta,"
            + "step_multiplier,eta_bumps,redrawn_samples,seconds,sampling_s,dynamics_s,linearization_s,c_step_s,s_step_s,evaluation_s";

    private final TrainingHeader header;
    private final GpsTrainingSettings settings;
    private final GpsConfig config;

    /**
     * @param header   the training file's header (family, seed, threads)
     * @param settings the trainer's settings
     */
    public GpsTrainer(TrainingHeader header, GpsTrainingSettings settings) {
        this.header = header;
        this.settings = settings;
        this.config = settings.gpsConfig(header.trainerSeed(), header.threads());
    }

    /** The GPS configuration the settings resolve to. */
    public GpsConfig config() {
        return config;
    }

    @Override
    public Map<String, Object> settings() {
        return Configs.toMap(settings);
    }

    @Override
    public Budget budget() {
        return new Budget("iterations", config.iterations(), "iteration");
    }

    @Override
    public Map<String, Object> train(TrainingFolder folder, TrainingListener listener, Engine engine) {
        ConditionSource source = ConditionSource.training(header, settings.trainSplit(), settings.conditions());
        List<Condition> conditions = source.conditions();
        folder.logHeader(LOG_HEADER);
        long perIteration = (long) conditions.size() * config.horizon() * (config.samplesPerCondition()
                + (config.evaluatePolicy() ? 1 : 0));
        listener.started(folder.resumeFrom().map(TrainingFolder.Checkpoint::step).orElse(0L), config.iterations(),
                String.format(Locale.ROOT, "%d conditions from %s/%s, %d iterations, N = %d, T = %d, features %s",
                        conditions.size(), header.family(), settings.trainSplit(), config.iterations(),
                        config.samplesPerCondition(), config.horizon(), config.preset().name()));
        long[] spent = {folder.resumedCount("problem_steps")};
        try {
            new GuidedPolicySearch(config, source).run(folder, r -> {
                spent[0] += perIteration + (long) r.redrawnSamples() * config.horizon();
                folder.log(row(r, spent[0]));
                listener.progressed(r.iteration() + 1L, String.format(Locale.ROOT, "iteration %d: local "
                        + "controllers %.5g, policy %.5g, KL %.3g, eta %.3g, step x%.3g, %.1f s", r.iteration(),
                        r.meanSampleCost(), r.meanPolicyCost(), r.meanKlNats(), r.meanEta(), r.stepMultiplier(),
                        r.seconds().total()));
            }, engine);
        } catch (IllegalArgumentException e) {
            // The folder already checked the file and the checksums; what GPS still refuses is the checkpoint's content.
            throw e instanceof ConfigException c ? c : new ConfigException("cannot resume " + folder.path() + ": "
                    + e.getMessage(), e);
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("iterations", config.iterations());
        summary.put("policy", folder.latest().map(c -> c.file(LearnedPolicyProvider.FILE).toAbsolutePath()
                .toString()).orElse(""));
        return summary;
    }

    @Override
    public TrainedOptimizer trainedOptimizer(TrainingFolder.Checkpoint checkpoint) {
        return LearnedPolicyProvider.fromCheckpoint(checkpoint.file(LearnedPolicyProvider.FILE), "learned-policy");
    }

    private static String row(IterationRecord r, long problemSteps) {
        return String.format(Locale.ROOT, "%d,%d,%.17g,%.17g,%.6g,%.6g,%.6g,%d,%d,%.3f,%.3f,%.3f,%.3f,%.3f,%.3f,%.3f",
                r.iteration(), problemSteps, r.meanSampleCost(), r.meanPolicyCost(), r.meanKlNats(), r.meanEta(),
                r.stepMultiplier(), r.etaBumps(), r.redrawnSamples(), r.seconds().total(), r.seconds().sampling(),
                r.seconds().dynamics(), r.seconds().linearization(), r.seconds().cStep(), r.seconds().sStep(),
                r.seconds().evaluation());
    }
}
