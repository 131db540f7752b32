package org.l2o4j.dl4j;

import java.util.Map;
import java.util.function.Supplier;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.l2o4j.core.problem.Problem;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A DL4J network's loss on one fixed batch as an L2O4J {@link Problem}: f(x) is the network's score with its
 * parameters set to x (the mean loss over the batch), and ∇f the gradient DL4J's updater receives: the backward pass
 * writes the gradient of the summed loss into the network's flat gradient array (laid out as the flat parameters),
 * and DL4J's updater divides it by the minibatch size before the updater of each block sees it. L2O4J's own optimizers run on it, so a test can
 * feed them exactly the gradients DL4J's training sees.
 */
final class NetworkProblem implements Problem {

    private final Model network;
    private final Runnable setBatch;
    private final Supplier<INDArray> gradientView;
    private final double[] start;
    private final int batchSize;

    private NetworkProblem(Model network, Runnable setBatch, Supplier<INDArray> gradientView, int batchSize) {
        this.network = network;
        this.batchSize = batchSize;
        this.setBatch = setBatch;
        this.gradientView = gradientView;
        this.start = network.params().toDoubleVector();
    }

    /** The network's loss on {@code batch}; its present parameters are the initial point. */
    static NetworkProblem of(MultiLayerNetwork network, DataSet batch) {
        return new NetworkProblem(network, () -> {
            network.setInput(batch.getFeatures());
            network.setLabels(batch.getLabels());
        }, network::getGradientsViewArray, batch.numExamples());
    }

    /** The graph's loss on {@code batch}; its present parameters are the initial point. */
    static NetworkProblem of(ComputationGraph network, DataSet batch) {
        return new NetworkProblem(network, () -> {
            network.setInputs(batch.getFeatures());
            network.setLabels(batch.getLabels());
        }, network::getGradientsViewArray, batch.numExamples());
    }

    @Override
    public String formula() {
        return "dl4j-network";
    }

    @Override
    public int dimension() {
        return start.length;
    }

    @Override
    public double value(double[] x, int offset) {
        return valueAndGradient(x, offset, new double[start.length], 0);
    }

    @Override
    public double valueAndGradient(double[] x, int xOffset, double[] gradient, int gradientOffset) {
        double[] point = new double[start.length];
        System.arraycopy(x, xOffset, point, 0, point.length);
        network.setParams(Nd4j.createFromArray(point).reshape(1, point.length));
        setBatch.run();
        network.computeGradientAndScore(LayerWorkspaceMgr.noWorkspaces());
        double[] g = gradientView.get().toDoubleVector();
        for (int i = 0; i < g.length; i++) {
            gradient[gradientOffset + i] = g[i] / batchSize;
        }
        return network.score();
    }

    @Override
    public double[] initialPoint(int restart) {
        return start.clone();
    }

    @Override
    public Map<String, Object> export() {
        return Map.of("formula", formula(), "dimension", start.length);
    }
}
