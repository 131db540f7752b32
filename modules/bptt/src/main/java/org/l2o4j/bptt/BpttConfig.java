package org.l2o4j.bptt;

import java.util.List;
import java.util.Map;

import org.l2o4j.baselines.tuning.Criterion;
import org.l2o4j.core.config.Checks;
import org.l2o4j.core.config.ConfigException;
import org.l2o4j.core.config.Configs;
import org.l2o4j.policy.recurrent.LogAndSign;
import org.l2o4j.policy.recurrent.Precision;
import org.l2o4j.policy.recurrent.Preprocessing;
import org.l2o4j.policy.recurrent.RecurrentSpec;
import org.l2o4j.policy.recurrent.ScaledGradient;

/**
 * Every setting of a {@link BpttTrainer} run: the network, the unrolls, the meta-loss, the meta-optimizer, clipping,
 * validation and checkpoints. {@link #lstm()} holds Andrychowicz et al.'s values (papers.md §2.1) and {@link #gru()}
 * Maheswaranathan et al.'s network with the same training; change single fields with
 * {@code Configs.bind(overrides, BpttConfig.lstm(), ..)}. The whole record is written into every trainer checkpoint,
 * and a resume refuses a different one except for {@link #RESUMABLE_CHANGES}.
 *
 * <p><b>Training.</b> One <em>epoch</em> draws {@code problemsPerEpoch} problems, starts them at their initial points
 * and the recurrent state at its initial value, and optimizes them for {@code stepsPerProblem} steps in unrolls of
 * {@code unrollLength}; after each unroll one meta-update is made (truncated backpropagation: the iterates and the
 * recurrent state carry over to the next unroll, their derivatives do not). DeepMind's code: 100 steps, unrolls of 20,
 * 128 problems, 10,000 epochs.
 *
 * <p><b>Meta-loss</b> of an unroll: the mean over the problems of Σ_t w_t f(θ_t) for t = 0 .. T (T the unroll
 * length), w_t from {@code stepWeights} (all 1 by default, papers.md §2.1) and w_0 = 1 with {@code
 * includeInitialLoss} (DeepMind's {@code meta.py} sums f over the unroll including its first point), else 0. θ_0 of an
 * unroll is a constant of that unroll, so w_0 changes the reported loss, never the gradient. Gradients ∇f(θ_t) are
 * inputs of the network, not functions of its parameters (no second derivatives, papers.md §2.1). With {@code metaLoss:
 * mean-normalized} (renn's meta-loss, analysis.md) the weights are divided by their sum and each problem's terms by
 * its f at the start of the epoch: with one unroll per problem, the mean over t of f_i(θ_t)/f_i(θ_0), averaged over
 * the problems.
 *
 * @param cell                  {@code lstm} or {@code gru}
 * @param layers                recurrent layers (LSTM: 2; GRU: 1)
 * @param hiddenUnits           units per layer (LSTM: 20; GRU: 64, renn's tutorial)
 * @param input                 gradient preprocessing: {@code log-and-sign} (Appendix A, the LSTM's default),
 *                              {@code log-and-sign-clamped} (DeepMind's code) or {@code raw} (g·inputScale, the GRU's
 *                              default and the paper's choice on quadratics)
 * @param logAndSignP           p of log-and-sign (paper: 10; DeepMind's code: 5); unused with {@code raw}
 * @param inputScale            the factor of {@code raw} input; must be 1 with log-and-sign
 * @param outputScale           Δθ = outputScale · readout (LSTM: 0.1, the paper; GRU: 1, renn's quadratic)
 * @param epochs                epochs in the whole run (DeepMind: 10,000)
 * @param problemsPerEpoch      problems optimized together per epoch (DeepMind: 128)
 * @param stepsPerProblem       optimizee steps per epoch (100); a multiple of {@code unrollLength}
 * @param unrollLength          steps per meta-update (20)
 * @param includeInitialLoss    whether w_0 = 1 (DeepMind) or 0
 * @param stepWeights           w_1 .. w_T, T = unrollLength; empty for all 1
 * @param trainingProblems      {@code split}: problem k of the whole run (k = epoch·problemsPerEpoch + slot) is
 *                              training function k mod S of the family's {@code train} split (S its size), started
 *                              from restart ⌊k/S⌋, so the learned optimizer sees exactly the functions the baselines
 *                              are tuned on; {@code stream}: a fresh function for every k from the {@code train} seed
 *                              stream, restart 0 (the paper's fresh functions)
 * @param metaLearningRate      Adam's step on the network's parameters (1e-3, DeepMind)
 * @param beta1                 Adam's β₁ (0.9)
 * @param beta2                 Adam's β₂ (0.999)
 * @param epsilon               Adam's ε (1e-8)
 * @param clipElementwise       if &gt; 0, each meta-gradient component is clipped to [−c, c] first (renn clips this
 *                              way); 0 disables
 * @param clipGlobalNorm        if &gt; 0, the meta-gradient is then rescaled to at most this Euclidean norm; 0 disables
 * @param metaLoss              {@code sum} (Σ_t w_t f, DeepMind) or {@code mean-normalized} (renn: mean_t f / f_0)
 * @param metaL2                λ of the penalty λ‖φ‖² on the network's parameters (renn's tutorial: 1e-4); 0 for none
 * @param learningRateHalvingSteps Adam's learning rate halves every this many meta-updates (renn: 1,000); 0 never
 * @param validateEveryEpochs   K: the network is validated before training and every K epochs (and after the last)
 * @param validationProblems    N: validation functions, drawn from the {@code validation} seed stream of the family
 *                              (its {@code validation} split where it declares one), disjoint from training and test
 * @param validationSteps       steps of each validation rollout (100)
 * @param validationCriterion   {@code final-objective}: mean f(θ_T) over the validation functions (the paper's early
 *                              stopping on the final validation loss) or {@code mean-objective}: mean over t of f.
 *                              The best network has the fewest diverged validation runs, then the lowest criterion
 *                              over the others; ties keep the earlier one. The training loss never chooses it
 * @param checkpointEveryEpochs how often a run with a folder writes its checkpoint (and after the last epoch)
 * @param threads               threads for the network's work over coordinates; results do not depend on it
 * @param seed                  the root of every random stream: network initialization and the problems
 * @param precision             the arithmetic of the network, meta-training and applying it alike: {@code double}
 *                              (the default and the reference) or {@code float} (single precision on the Vector API,
 *                              about twice as fast; the parameters, meta-gradient sums and meta-optimizer stay double;
 *                              see {@link Precision}); recorded in the trained optimizer's checkpoint, so that it is
 *                              evaluated in the precision it was trained in
 */
public record BpttConfig(String cell, int layers, int hiddenUnits, String input, double logAndSignP,
        double inputScale, double outputScale, int epochs, int problemsPerEpoch, int stepsPerProblem,
        int unrollLength, boolean includeInitialLoss, List<Double> stepWeights, String trainingProblems,
        double metaLearningRate, double beta1, double beta2, double epsilon, double clipElementwise,
        double clipGlobalNorm, String metaLoss, double metaL2, long learningRateHalvingSteps, int validateEveryEpochs,
        int validationProblems, int validationSteps,
        String validationCriterion, int checkpointEveryEpochs, int threads, long seed, String precision) {

    /** The valid values of {@code input}. */
    public static final List<String> INPUTS = List.of("log-and-sign", "log-and-sign-clamped", "raw");
    /** The valid values of {@code metaLoss}. */
    public static final List<String> META_LOSSES = List.of("sum", "mean-normalized");
    /** The valid values of {@code trainingProblems}. */
    public static final List<String> TRAINING_PROBLEMS = List.of("split", "stream");
    /** The valid values of {@code precision}. */
    public static final List<String> PRECISIONS = Precision.labels();
    /** The settings a resume may change. */
    public static final List<String> RESUMABLE_CHANGES = List.of("epochs", "threads", "checkpointEveryEpochs");

    public BpttConfig {
        Checks.oneOf("cell", cell, List.of("lstm", "gru"));
        Checks.positive("layers", layers);
        Checks.positive("hiddenUnits", hiddenUnits);
        Checks.oneOf("input", input, INPUTS);
        Checks.positive("logAndSignP", logAndSignP);
        Checks.finite("inputScale", inputScale);
        Checks.positive("outputScale", outputScale);
        Checks.positive("epochs", epochs);
        Checks.positive("problemsPerEpoch", problemsPerEpoch);
        Checks.positive("stepsPerProblem", stepsPerProblem);
        Checks.positive("unrollLength", unrollLength);
        if (stepsPerProblem % unrollLength != 0) {
            throw new ConfigException("stepsPerProblem (" + stepsPerProblem + ") must be a multiple of unrollLength ("
                    + unrollLength + "), so that fresh problems start with a fresh unroll");
        }
        stepWeights = List.copyOf(stepWeights == null ? List.of() : stepWeights);
        if (!stepWeights.isEmpty() && stepWeights.size() != unrollLength) {
            throw new ConfigException("stepWeights has " + stepWeights.size() + " entries; give unrollLength = "
                    + unrollLength + " weights w_1 .. w_T, or none for all 1");
        }
        for (int t = 0; t < stepWeights.size(); t++) {
            Checks.nonNegative("stepWeights[" + t + "]", stepWeights.get(t));
        }
        Checks.oneOf("trainingProblems", trainingProblems, TRAINING_PROBLEMS);
        Checks.positive("metaLearningRate", metaLearningRate);
        Checks.decay("beta1", beta1);
        Checks.decay("beta2", beta2);
        Checks.positive("epsilon", epsilon);
        Checks.nonNegative("clipElementwise", clipElementwise);
        Checks.nonNegative("clipGlobalNorm", clipGlobalNorm);
        Checks.oneOf("metaLoss", metaLoss, META_LOSSES);
        Checks.nonNegative("metaL2", metaL2);
        if (learningRateHalvingSteps < 0) {
            throw new ConfigException("learningRateHalvingSteps must be >= 0 (0: never), got "
                    + learningRateHalvingSteps);
        }
        Checks.positive("validateEveryEpochs", validateEveryEpochs);
        Checks.positive("validationProblems", validationProblems);
        Checks.positive("validationSteps", validationSteps);
        Criterion.fromKey(validationCriterion);
        Checks.positive("checkpointEveryEpochs", checkpointEveryEpochs);
        Checks.positive("threads", threads);
        Checks.oneOf("precision", precision, PRECISIONS);
        if (!input.equals("raw") && inputScale != 1.0) {
            throw new ConfigException("inputScale applies to input 'raw' only; with '" + input + "' it must be 1, got "
                    + inputScale);
        }
        try {
            spec(cell, layers, hiddenUnits, input, logAndSignP, inputScale, outputScale);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage(), e);
        }
    }

    /** Andrychowicz et al. (papers.md §2.1): LSTM 2 × 20, log-and-sign p = 10, output × 0.1, DeepMind's training. */
    public static BpttConfig lstm() {
        return new BpttConfig("lstm", RecurrentSpec.PAPER_LSTM_LAYERS, RecurrentSpec.PAPER_LSTM_UNITS, "log-and-sign",
                LogAndSign.PAPER_P, 1.0, RecurrentSpec.PAPER_OUTPUT_SCALE, 10_000, 128, 100, 20, true, List.of(),
                "split", 1e-3, 0.9, 0.999, 1e-8, 0, 0, "sum", 0, 0, 100, 20, 100, Criterion.MEAN_FINAL_OBJECTIVE.key(),
                100, 1,
                0, Precision.DOUBLE.label());
    }

    /**
     * Maheswaranathan et al.'s GRU (papers.md §3.2; raw gradient × 1, output × 1, 64 units as renn's tutorial) with
     * the LSTM's training, plus renn's element-wise meta-gradient clipping at 5.
     */
    public static BpttConfig gru() {
        return new BpttConfig("gru", 1, RecurrentSpec.RENN_TUTORIAL_GRU_UNITS, "raw", LogAndSign.PAPER_P, 1.0, 1.0,
                10_000, 128, 100, 20, true, List.of(), "split", 1e-3, 0.9, 0.999, 1e-8, 5.0, 0, "sum", 0, 0, 100, 20,
                100,
                Criterion.MEAN_FINAL_OBJECTIVE.key(), 100, 1, 0, Precision.DOUBLE.label());
    }

    /** The network these settings describe. */
    public RecurrentSpec spec() {
        return spec(cell, layers, hiddenUnits, input, logAndSignP, inputScale, outputScale)
                .withPrecision(Precision.fromLabel(precision));
    }

    /**
     * The settings as the map written into training and optimizer checkpoints. {@code precision} is left out where
     * it is {@code double}: run folders and checkpoints written before the key existed hold double networks without
     * it, and must resume and compare as they did.
     */
    public Map<String, Object> toMap() {
        Map<String, Object> settings = Configs.toMap(this);
        if (precision.equals(Precision.DOUBLE.label())) {
            settings.remove("precision");
        }
        return settings;
    }

    private static RecurrentSpec spec(String cell, int layers, int hiddenUnits, String input, double logAndSignP,
            double inputScale, double outputScale) {
        Preprocessing preprocessing = switch (input) {
            case "log-and-sign" -> new LogAndSign(logAndSignP, false);
            case "log-and-sign-clamped" -> new LogAndSign(logAndSignP, true);
            default -> new ScaledGradient(inputScale);
        };
        return new RecurrentSpec(RecurrentSpec.Cell.fromLabel(cell), layers, hiddenUnits, preprocessing,
                outputScale);
    }

    /** Unrolls (meta-updates) per epoch. */
    public int unrollsPerEpoch() {
        return stepsPerProblem / unrollLength;
    }

    /** w_0 .. w_T of the meta-loss (divided by their sum with {@code mean-normalized}). */
    public double[] lossWeights() {
        double[] w = new double[unrollLength + 1];
        w[0] = includeInitialLoss ? 1 : 0;
        double sum = w[0];
        for (int t = 1; t <= unrollLength; t++) {
            w[t] = stepWeights.isEmpty() ? 1 : stepWeights.get(t - 1);
            sum += w[t];
        }
        if (normalizedLoss()) {
            if (!(sum > 0)) {
                throw new ConfigException("metaLoss mean-normalized needs stepWeights with a positive sum");
            }
            for (int t = 0; t <= unrollLength; t++) {
                w[t] /= sum;
            }
        }
        return w;
    }

    /** Whether the meta-loss divides each problem's terms by its initial value. */
    public boolean normalizedLoss() {
        return metaLoss.equals("mean-normalized");
    }

    /** The validation criterion. */
    public Criterion criterion() {
        return Criterion.fromKey(validationCriterion);
    }
}
