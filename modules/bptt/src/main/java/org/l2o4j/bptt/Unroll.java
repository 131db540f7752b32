package org.l2o4j.bptt;

import org.l2o4j.core.rollout.ProblemBatch;
import org.l2o4j.policy.recurrent.Preprocessing;
import org.l2o4j.policy.recurrent.RecurrentNet;

/**
 * One truncated unroll and its meta-gradient: T steps of the learned optimizer on every problem of a batch, the
 * meta-loss, and backpropagation through the recorded steps. This is the work of one meta-update.
 *
 * <p>With Δθ_t the network's output at step t, θ_{t+1} = θ_t + Δθ_t and g_t = ∇f(θ_t) an input (no second
 * derivatives), the meta-loss L = (1/B) Σ_i s_i Σ_{t=0..T} w_t f_i(θ_t), with per-problem weights s_i (1, or 1/f_i at
 * the start of its epoch for renn's normalized loss), has ∂L/∂θ_t = (1/B)·s_i·w_t·g_t + ∂L/∂θ_{t+1}
 * (∂θ_{t+1}/∂θ_t = I), hence
 * <pre>
 *   ∂L/∂Δθ_t = (s_i/B) Σ_{u = t+1 .. T} w_u g_u,
 * </pre>
 * computed from the gradients the forward pass evaluated anyway; the network's backward pass takes it from there.
 *
 * <p>Every evaluation goes through the {@link ProblemBatch} (one f and one ∇f per problem and step, charged there),
 * so stochastic problems see their minibatches in order. The coordinates are the batch dimension of the network;
 * fixed coordinate blocks split them between threads without changing a bit of the result.
 *
 * <p>Not thread-safe: one instance holds the tape and scratch memory of one training loop.
 */
public final class Unroll implements AutoCloseable {

    private final RecurrentNet net;
    private final Preprocessing preprocessing;
    private final int steps;
    private final int coordinates;
    private final double[] lossWeights;
    private final RecurrentNet.Tape tape;
    private final CoordinateBlocks blocks;
    private final double[] features;
    private final double[] update;
    private final double[][] nextGradients;
    private final double[][] adjoint;
    private final double[][] partialGradients;
    private RecurrentNet.Workspace[] workspaces;
    private double finalMeanObjective = Double.NaN;

    /**
     * @param net         the learned optimizer's network
     * @param lossWeights w_0 .. w_T; T = {@code lossWeights.length − 1} is the unroll length
     * @param coordinates n·d of the batches this unroll will run on
     * @param threads     threads for the network's work; the result does not depend on it
     */
    public Unroll(RecurrentNet net, double[] lossWeights, int coordinates, int threads) {
        if (lossWeights.length < 2) {
            throw new IllegalArgumentException("an unroll needs at least one step: give w_0 and w_1 at least, got "
                    + lossWeights.length + " weights");
        }
        this.net = net;
        this.preprocessing = net.spec().preprocessing();
        this.steps = lossWeights.length - 1;
        this.coordinates = coordinates;
        this.lossWeights = lossWeights.clone();
        this.tape = net.newTape(steps, coordinates);
        this.blocks = new CoordinateBlocks(coordinates, threads);
        this.features = new double[coordinates * preprocessing.features()];
        this.update = new double[coordinates];
        this.nextGradients = new double[steps][coordinates];
        this.adjoint = new double[steps][coordinates];
        this.partialGradients = new double[blocks.count()][net.parameterCount()];
    }

    /** Steps per unroll, T. */
    public int steps() {
        return steps;
    }

    /**
     * Runs T steps on {@code batch} from its current iterates and the recurrent {@code state}, both advanced in
     * place, and writes ∂L/∂φ into {@code gradient}.
     *
     * @param fromInitialState whether {@code state} is the network's initial state, so that the gradient reaches
     *                         learned initial-state parameters
     * @return the meta-loss L (NaN or infinite when an iterate, a value or a gradient stopped being finite)
     */
    public double run(ProblemBatch batch, RecurrentNet.Kernel kernel, double[] state, boolean fromInitialState,
            double[] gradient) {
        return run(batch, kernel, state, fromInitialState, gradient, null);
    }

    /**
     * As {@link #run(ProblemBatch, RecurrentNet.Kernel, double[], boolean, double[])} with problem i's terms of the
     * meta-loss multiplied by {@code problemWeights[i]} (null for all 1).
     */
    public double run(ProblemBatch batch, RecurrentNet.Kernel kernel, double[] state, boolean fromInitialState,
            double[] gradient, double[] problemWeights) {
        int n = batch.size();
        int d = batch.dimension();
        if (n * d != coordinates) {
            throw new IllegalArgumentException("this unroll was sized for " + coordinates + " coordinates, but the "
                    + "batch has " + n + " problems of dimension " + d);
        }
        if (kernel.net() != net) {
            throw new IllegalArgumentException("the kernel belongs to another network than this unroll's");
        }
        if (state.length != coordinates * net.stateSize() || gradient.length != net.parameterCount()) {
            throw new IllegalArgumentException("state has " + state.length + " entries (expected "
                    + coordinates * net.stateSize() + "), gradient " + gradient.length + " (expected "
                    + net.parameterCount() + ")");
        }
        if (problemWeights != null && problemWeights.length != n) {
            throw new IllegalArgumentException("problemWeights has " + problemWeights.length + " entries, the batch "
                    + n + " problems");
        }
        RecurrentNet.Workspace[] ws = workspaces(kernel);
        double[] x = batch.x();
        double loss = lossWeights[0] * meanValue(batch, problemWeights);
        for (int t = 0; t < steps; t++) {
            int step = t;
            double[] g = batch.gradient();
            blocks.forEach(b -> {
                int from = blocks.from(b);
                int to = blocks.to(b);
                preprocessing.apply(g, from, to, features);
                kernel.step(features, state, update, from, to, ws[b], tape, step);
                for (int c = from; c < to; c++) {
                    x[c] += update[c];
                }
            });
            for (int i = 0; i < n; i++) {
                batch.evaluate(i);
            }
            System.arraycopy(batch.gradient(), 0, nextGradients[t], 0, coordinates);
            loss += lossWeights[t + 1] * meanValue(batch, problemWeights);
        }
        finalMeanObjective = meanValue(batch, null);
        double inverseProblems = 1.0 / n;
        blocks.forEach(b -> {
            int from = blocks.from(b);
            int to = blocks.to(b);
            for (int t = steps - 1; t >= 0; t--) {
                double w = lossWeights[t + 1] * inverseProblems;
                double[] later = t + 1 < steps ? adjoint[t + 1] : null;
                double[] a = adjoint[t];
                double[] gNext = nextGradients[t];
                for (int c = from; c < to; c++) {
                    double s = problemWeights == null ? 1 : problemWeights[c / d];
                    a[c] = (later == null ? 0.0 : later[c]) + s * w * gNext[c];
                }
            }
            double[] partial = partialGradients[b];
            java.util.Arrays.fill(partial, 0.0);
            kernel.backward(tape, steps, adjoint, fromInitialState, from, to, ws[b], partial, null);
        });
        java.util.Arrays.fill(gradient, 0.0);
        for (double[] partial : partialGradients) {
            for (int k = 0; k < gradient.length; k++) {
                gradient[k] += partial[k];
            }
        }
        return loss;
    }

    /** Mean over the problems of f at the end of the last {@link #run}. */
    public double finalMeanObjective() {
        return finalMeanObjective;
    }

    /** Workspaces belong to the network, not to one set of parameters, so the first kernel's serve every run. */
    private RecurrentNet.Workspace[] workspaces(RecurrentNet.Kernel kernel) {
        if (workspaces == null) {
            workspaces = new RecurrentNet.Workspace[blocks.count()];
            for (int b = 0; b < workspaces.length; b++) {
                workspaces[b] = kernel.newWorkspace();
            }
        }
        return workspaces;
    }

    private static double meanValue(ProblemBatch batch, double[] problemWeights) {
        double sum = 0;
        double[] values = batch.values();
        for (int i = 0; i < batch.size(); i++) {
            sum += problemWeights == null ? values[i] : problemWeights[i] * values[i];
        }
        return sum / batch.size();
    }

    @Override
    public void close() {
        blocks.close();
    }
}
