package org.l2o4j.gps.algorithm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.l2o4j.core.config.Configs;
import org.l2o4j.core.run.AtomicFiles;
import org.l2o4j.gps.model.LinearGaussianController;
import org.l2o4j.policy.CheckpointFields;
import org.l2o4j.policy.WeightedPolicyRegression;

/**
 * The trainer's part of a GPS checkpoint, next to the policy's own {@code PolicyCheckpoint}: the completed iteration
 * count, the configuration, and per condition the local controller (K_t, k_t, Σ_t, its Cholesky factor and Σ_t⁻¹,
 * all stored because the C-step's Σ_t⁻¹ = Q_uu is exact and a recomputed inverse would differ in the last bits), η,
 * stepMult, the step-size rule's record and, with BADMM, the duals ν_t, λK_t and λk_t ({@link BadmmDuals}).
 * Numbers are written in Java's round-trip decimal form, so a loaded state is bit-identical.
 *
 * <p><b>Saved beside it.</b> The per-condition GMMs of the dynamics prior and of the policy prior (buffer, fitted
 * mixture, n0 point count, and the EM initializations drawn so far) are in the iteration's {@link PriorCheckpoint}
 * file, written from {@link CouplingStrategy#priorCheckpoint} and restored by {@link CouplingStrategy#restorePriors}.
 * The S-step's Adam moments, step count and fit count are saved here under {@code "regression"}. With these, a
 * resumed run equals an uninterrupted one bit for bit, with or without GMM priors. A checkpoint without a prior file
 * (written before it existed) resumes with the GMMs restarted from a seeded random assignment. {@code "notSaved"}
 * lists what a resume would restart; it is empty now and kept for the format.
 *
 * <p>File format {@value #FORMAT_VERSION}, JSON:
 * <pre>
 * { "format": "l2o4j-gps-trainer", "formatVersion": 1, "coupling": "mdgps" | "badmm", "completedIterations": k,
 *   "adamSteps": n, "notSaved": [..], "config": {GpsConfig},
 *   "conditions": [ {"eta": .., "stepMultiplier": .., "previous": {"baselineCost": .., "predictedCost": ..} | null,
 *                    "controller": {"stateDimension": dX, "actionDimension": dU, "gains": [[K_t row-major]..],
 *                                   "offsets": .., "covariances": .., "choleskyFactors": .., "precisions": ..},
 *                    "badmm": {"policyWeights": [ν_t..], "dualGains": [[λK_t row-major]..],
 *                              "dualOffsets": [[λk_t]..]}   (BADMM only; absent with MDGPS)} ] }
 * </pre>
 * The {@code coupling} field is taken from the configuration ({@code "mdgps"} when it has none, as in files written
 * before BADMM existed); such files load unchanged.
 *
 * @param completedIterations GPS iterations done
 * @param config              the configuration as written (a JSON tree)
 * @param states              per condition; dynamics, cost model and π̄ are not stored (null after loading); the
 *                            duals are, when present
 * @param adamSteps           the S-step's Adam steps so far, for the record
 * @param regression          the S-step's Adam moments, step count and fit count, so a resume continues the
 *                            regression exactly; null in files written before it was saved (Adam then restarts)
 */
public record TrainerCheckpoint(int completedIterations, JsonNode config, List<ConditionState> states,
        long adamSteps, WeightedPolicyRegression.State regression) {

    /** A checkpoint without the regression's state (Adam restarts on resume). */
    public TrainerCheckpoint(int completedIterations, JsonNode config, List<ConditionState> states, long adamSteps) {
        this(completedIterations, config, states, adamSteps, null);
    }

    /** The value of the "format" field. */
    public static final String FORMAT = "l2o4j-gps-trainer";
    /** The version this code writes. */
    public static final int FORMAT_VERSION = 1;
    /** What a resume restarts, as written into the file. */
    static final List<String> NOT_SAVED = List.of();

    public TrainerCheckpoint {
        states = List.copyOf(states);
        if (completedIterations < 0) {
            throw new IllegalArgumentException("completed iterations must be ≥ 0, got " + completedIterations);
        }
    }

    /** Writes the checkpoint atomically. */
    public void save(Path file) {
        ObjectNode root = Configs.json().createObjectNode();
        root.put("format", FORMAT);
        root.put("formatVersion", FORMAT_VERSION);
        JsonNode coupling = config.get("coupling");
        root.put("coupling", coupling == null ? "mdgps" : coupling.asText().toLowerCase(Locale.ROOT));
        root.put("completedIterations", completedIterations);
        root.put("adamSteps", adamSteps);
        ArrayNode notSaved = root.putArray("notSaved");
        NOT_SAVED.forEach(notSaved::add);
        root.set("config", config);
        if (regression != null) {
            ObjectNode r = root.putObject("regression");
            r.put("adamSteps", regression.adamSteps());
            r.put("fitCalls", regression.fitCalls());
            ArrayNode first = r.putArray("firstMoment");
            for (double v : regression.firstMoment()) {
                first.add(v);
            }
            ArrayNode second = r.putArray("secondMoment");
            for (double v : regression.secondMoment()) {
                second.add(v);
            }
        }
        ArrayNode conditions = root.putArray("conditions");
        for (ConditionState s : states) {
            ObjectNode node = conditions.addObject();
            node.put("eta", s.eta());
            node.put("stepMultiplier", s.stepMultiplier());
            if (s.previous() == null) {
                node.putNull("previous");
            } else {
                ObjectNode previous = node.putObject("previous");
                previous.put("baselineCost", s.previous().baselineCost());
                previous.put("predictedCost", s.previous().predictedCost());
            }
            writeController(node.putObject("controller"), s.controller());
            if (s.duals() != null) {
                ObjectNode duals = node.putObject("badmm");
                ArrayNode weights = duals.putArray("policyWeights");
                for (double nu : s.duals().policyWeights()) {
                    weights.add(nu);
                }
                ArrayNode gains = duals.putArray("dualGains");
                ArrayNode offsets = duals.putArray("dualOffsets");
                for (int t = 0; t < s.duals().horizon(); t++) {
                    addArray(gains, s.duals().dualGains()[t]);
                    addArray(offsets, s.duals().dualOffsets()[t]);
                }
            }
        }
        AtomicFiles.writeJson(file, root);
    }

    private static void writeController(ObjectNode node, LinearGaussianController c) {
        node.put("stateDimension", c.stateDimension());
        node.put("actionDimension", c.actionDimension());
        ArrayNode gains = node.putArray("gains");
        ArrayNode offsets = node.putArray("offsets");
        ArrayNode covariances = node.putArray("covariances");
        ArrayNode factors = node.putArray("choleskyFactors");
        ArrayNode precisions = node.putArray("precisions");
        for (int t = 0; t < c.horizon(); t++) {
            addArray(gains, c.gain(t));
            addArray(offsets, c.offset(t));
            addArray(covariances, c.covariance(t));
            addArray(factors, c.covarianceCholesky(t));
            addArray(precisions, c.precision(t));
        }
    }

    private static void addArray(ArrayNode parent, double[] values) {
        ArrayNode array = parent.addArray();
        for (double v : values) {
            array.add(v);
        }
    }

    /**
     * Reads a trainer checkpoint.
     *
     * @throws IllegalArgumentException naming the file and the field at fault
     */
    public static TrainerCheckpoint load(Path file) {
        JsonNode root;
        try {
            root = Configs.json().readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("GPS trainer checkpoint not found: " + file, e);
        } catch (JsonProcessingException e) {
            // The original message: Jackson's own appends the location on a second line.
            throw new IllegalArgumentException("GPS trainer checkpoint " + file + " is not valid JSON: "
                    + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read GPS trainer checkpoint " + file + ": " + e.getMessage(), e);
        }
        if (root == null || !FORMAT.equals(root.path("format").asText())) {
            throw new IllegalArgumentException(file + " is not a GPS trainer checkpoint: field 'format' is "
                    + (root == null ? "missing" : root.path("format")) + ", expected \"" + FORMAT + "\"");
        }
        int version = root.path("formatVersion").asInt(-1);
        if (version != FORMAT_VERSION) {
            throw new IllegalArgumentException(file + " has formatVersion " + root.path("formatVersion")
                    + "; this code reads version " + FORMAT_VERSION);
        }
        try {
            return read(root, file);
        } catch (IllegalArgumentException e) {
            // A controller or the duals refusing their values (a non-finite gain, a dimension of 0) name the value
            // but not the file it came from.
            if (e.getMessage() != null && e.getMessage().contains(file.toString())) {
                throw e;
            }
            throw new IllegalArgumentException("GPS trainer checkpoint " + file + " is damaged: " + e.getMessage(), e);
        }
    }

    private static TrainerCheckpoint read(JsonNode root, Path file) {
        CheckpointFields fields = new CheckpointFields("GPS trainer checkpoint", file);
        JsonNode conditions = array(root, "conditions", file);
        List<ConditionState> states = new ArrayList<>(conditions.size());
        for (int m = 0; m < conditions.size(); m++) {
            JsonNode node = conditions.get(m);
            String where = file + ", condition " + m;
            String at = "conditions[" + m + "]";
            JsonNode previousNode = required(node, "previous", where);
            ConditionState.StepRecord previous = previousNode.isNull() ? null
                    : new ConditionState.StepRecord(fields.number(previousNode, at + ".previous.baselineCost"),
                            fields.number(previousNode, at + ".previous.predictedCost"));
            LinearGaussianController controller = readController(required(node, "controller", where), where, fields,
                    at);
            JsonNode dualsNode = node.get("badmm");
            BadmmDuals duals = dualsNode == null || dualsNode.isNull() ? null
                    : new BadmmDuals(controller.stateDimension(), controller.actionDimension(),
                            readValues(required(dualsNode, "policyWeights", where), "policyWeights", -1, where),
                            readSteps(dualsNode, "dualGains", where), readSteps(dualsNode, "dualOffsets", where));
            states.add(new ConditionState(controller, fields.number(node, at + ".eta"),
                    fields.number(node, at + ".stepMultiplier"), previous, null, null, null, duals));
        }
        JsonNode r = root.get("regression");
        WeightedPolicyRegression.State regression = r == null || r.isNull() ? null
                : new WeightedPolicyRegression.State(
                        readValues(required(r, "firstMoment", file.toString()), "firstMoment", -1, file.toString()),
                        readValues(required(r, "secondMoment", file.toString()), "secondMoment", -1, file.toString()),
                        fields.count(r, "regression.adamSteps"),
                        fields.count(r, "regression.fitCalls"));
        return new TrainerCheckpoint(fields.integer(root, "completedIterations"),
                required(root, "config", file), states, fields.count(root, "adamSteps"), regression);
    }

    private static LinearGaussianController readController(JsonNode node, String where, CheckpointFields fields,
            String at) {
        return new LinearGaussianController(fields.integer(node, at + ".controller.stateDimension"),
                fields.integer(node, at + ".controller.actionDimension"), readSteps(node, "gains", where),
                readSteps(node, "offsets", where), readSteps(node, "covariances", where),
                readSteps(node, "choleskyFactors", where), readSteps(node, "precisions", where));
    }

    private static double[][] readSteps(JsonNode node, String field, String where) {
        JsonNode steps = array(node, field, where);
        double[][] values = new double[steps.size()][];
        for (int t = 0; t < steps.size(); t++) {
            values[t] = readValues(steps.get(t), field, t, where);
        }
        return values;
    }

    /** One array of numbers; {@code t} names the time step in messages (−1 for a per-step array itself). */
    private static double[] readValues(JsonNode row, String field, int t, String where) {
        if (!row.isArray()) {
            throw new IllegalArgumentException(where + ": " + field + (t >= 0 ? " at t = " + t : "") + " is "
                    + row.getNodeType().toString().toLowerCase(Locale.ROOT) + ", not an array of numbers");
        }
        double[] values = new double[row.size()];
        for (int i = 0; i < row.size(); i++) {
            if (!row.get(i).isNumber()) {
                throw new IllegalArgumentException(where + ": " + field + (t >= 0 ? " at t = " + t : "")
                        + ", entry " + i + " is " + row.get(i) + ", not a number");
            }
            values[i] = row.get(i).doubleValue();
        }
        return values;
    }

    /**
     * The array at {@code field}: an object or a number there would answer {@code size()} and {@code get(i)} with
     * its field count and null.
     */
    private static JsonNode array(JsonNode node, String field, Object where) {
        JsonNode value = required(node, field, where);
        if (!value.isArray()) {
            throw new IllegalArgumentException(where + ": field '" + field + "' is "
                    + value.getNodeType().toString().toLowerCase(Locale.ROOT) + ", not an array");
        }
        return value;
    }

    private static JsonNode required(JsonNode node, String field, Object where) {
        JsonNode value = node.get(field);
        if (value == null) {
            throw new IllegalArgumentException(where + ": field '" + field + "' is missing");
        }
        return value;
    }
}
