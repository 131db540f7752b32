package org.l2o4j.policy.recurrent;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.l2o4j.core.optimizer.Optimizer;
import org.l2o4j.core.optimizer.OptimizerState;
import org.l2o4j.core.rollout.ProblemBatch;

/**
 * A trained recurrent network run as an ordinary {@link Optimizer}: every iteration it preprocesses each active
 * coordinate's gradient, advances that coordinate's recurrent state, moves θ ← θ + Δθ and evaluates (one f and one ∇f
 * per active problem, charged by the batch). Registered as {@value #LSTM_NAME} and {@value #GRU_NAME}.
 *
 * <p>The trained parameters are configuration (an immutable kernel, safe to share); the recurrent state of every
 * coordinate belongs to the {@link OptimizerState}, which starts it at the network's initial state.
 */
public final class RecurrentLearnedOptimizer implements Optimizer {

    /** Registered name of Andrychowicz et al.'s LSTM optimizer. */
    public static final String LSTM_NAME = "lstm-optimizer";
    /** Registered name of Maheswaranathan et al.'s GRU optimizer. */
    public static final String GRU_NAME = "gru-optimizer";

    private final RecurrentNet.Kernel kernel;
    private final Map<String, Object> hyperparameters;

    /**
     * @param kernel the network with its parameters
     * @param extra  settings shown before the architecture in {@link #hyperparameters()}, e.g. the checkpoint path
     */
    public RecurrentLearnedOptimizer(RecurrentNet.Kernel kernel, Map<String, Object> extra) {
        this.kernel = kernel;
        Map<String, Object> h = new LinkedHashMap<>(extra);
        h.putAll(kernel.net().spec().describe());
        this.hyperparameters = Collections.unmodifiableMap(h);
    }

    /** The optimizer stored in {@code checkpoint}. */
    public static RecurrentLearnedOptimizer of(RecurrentCheckpoint checkpoint, Map<String, Object> extra) {
        return new RecurrentLearnedOptimizer(checkpoint.kernel(), extra);
    }

    /** The registered name for a cell. */
    public static String nameOf(RecurrentSpec.Cell cell) {
        return cell == RecurrentSpec.Cell.LSTM ? LSTM_NAME : GRU_NAME;
    }

    @Override
    public String name() {
        return nameOf(kernel.net().spec().cell());
    }

    @Override
    public Map<String, Object> hyperparameters() {
        return hyperparameters;
    }

    @Override
    public OptimizerState start(ProblemBatch batch) {
        return new State(batch);
    }

    private final class State implements OptimizerState {
        private final ProblemBatch batch;
        private final Preprocessing preprocessing;
        private final RecurrentNet.Workspace workspace;
        private final double[] state;
        private final double[] features;
        private final double[] update;

        State(ProblemBatch batch) {
            this.batch = batch;
            RecurrentNet net = kernel.net();
            int coordinates = Math.multiplyExact(batch.size(), batch.dimension());
            this.preprocessing = net.spec().preprocessing();
            this.workspace = kernel.newWorkspace();
            this.state = new double[Math.multiplyExact(coordinates, net.stateSize())];
            this.features = new double[Math.multiplyExact(coordinates, preprocessing.features())];
            this.update = new double[coordinates];
            kernel.resetState(state, 0, coordinates);
        }

        @Override
        public void step() {
            int n = batch.size();
            int d = batch.dimension();
            double[] x = batch.x();
            double[] g = batch.gradient();
            int i = 0;
            while (i < n) {
                if (!batch.isActive(i)) {
                    i++;
                    continue;
                }
                int first = i;
                while (i < n && batch.isActive(i)) {
                    i++;
                }
                int from = first * d;
                int to = i * d;
                preprocessing.apply(g, from, to, features);
                kernel.step(features, state, update, from, to, workspace, null, 0);
                for (int c = from; c < to; c++) {
                    x[c] += update[c];
                }
                for (int p = first; p < i; p++) {
                    batch.evaluate(p);
                }
            }
        }
    }
}
