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

    /** The recurrent states are the kernel's {@link RecurrentNet.States}: nothing outside reads them. */
    private final class State implements OptimizerState {
        private final ProblemBatch batch;
        private final RecurrentNet.Workspace workspace;
        private final RecurrentNet.States states;
        private final double[] update;

        State(ProblemBatch batch) {
            this.batch = batch;
            int coordinates = Math.multiplyExact(batch.size(), batch.dimension());
            this.workspace = kernel.newWorkspace();
            this.states = kernel.newStates(coordinates);
            this.update = new double[coordinates];
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
                states.step(g, update, from, to, workspace);
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
