package org.l2o4j.benchmarks;

import java.util.List;

import org.l2o4j.bptt.BpttConfig;
import org.l2o4j.bptt.Unroll;
import org.l2o4j.core.problem.Problem;
import org.l2o4j.core.rollout.ProblemBatch;
import org.l2o4j.core.training.gradient.MetaAdam;
import org.l2o4j.policy.recurrent.RecurrentNet;

/**
 * One meta-update of a recurrent optimizer's training as the BPTT benchmarks time it: an unroll on a fixed set of
 * problems (forward, backpropagation through the unroll) and Adam on the network's parameters, with fresh starting
 * points and a reset state every {@link BpttConfig#unrollsPerEpoch()} unrolls, as in training. The benchmarks differ
 * only in the configuration and the problems they hand it.
 */
final class UnrollMetaUpdate implements AutoCloseable {

    private final BpttConfig config;
    private final RecurrentNet net;
    private final Unroll unroll;
    private final MetaAdam adam;
    private final List<Problem> problems;
    private final double[] parameters;
    private final double[] gradient;
    private final double[] state;
    private ProblemBatch batch;
    private int unrollInEpoch;

    UnrollMetaUpdate(BpttConfig config, List<Problem> problems) {
        this.config = config;
        this.problems = problems;
        net = config.spec().create();
        int coordinates = problems.stream().mapToInt(Problem::dimension).sum();
        unroll = new Unroll(net, config.lossWeights(), coordinates, 1);
        adam = new MetaAdam(net.parameterCount(), config.metaLearningRate(), config.beta1(), config.beta2(),
                config.epsilon());
        parameters = net.initialParameters(1);
        gradient = new double[net.parameterCount()];
        state = new double[coordinates * net.stateSize()];
    }

    /** One unroll and its Adam step; returns the unroll's meta-loss so that JMH keeps the work. */
    double run() {
        RecurrentNet.Kernel kernel = net.kernel(parameters);
        if (unrollInEpoch == 0) {
            batch = ProblemBatch.startingAt(problems, problems.stream().map(p -> p.initialPoint(0)).toList());
            kernel.resetState(state, 0, state.length / net.stateSize());
        }
        double loss = unroll.run(batch, kernel, state, unrollInEpoch == 0, gradient);
        adam.step(parameters, gradient);
        unrollInEpoch = (unrollInEpoch + 1) % config.unrollsPerEpoch();
        return loss;
    }

    @Override
    public void close() {
        unroll.close();
    }
}
