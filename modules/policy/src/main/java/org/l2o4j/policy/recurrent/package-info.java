/**
 * Recurrent learned optimizers that are trained by backpropagation through the unrolled optimization: the networks,
 * their gradient preprocessing and their checkpoints. Training lives in {@code org.l2o4j.bptt}.
 *
 * <ul>
 *   <li>{@link org.l2o4j.policy.recurrent.RecurrentNet}: the contract: architecture, flat parameters, a kernel with a
 *       batched forward step and a backward pass over a recorded tape, coordinates as the batch dimension; and the
 *       states a kernel keeps in its own layout for an optimizer's run ({@code RecurrentNet.States}).</li>
 *   <li>{@link org.l2o4j.policy.recurrent.CoordinatewiseLstm}: Andrychowicz et al.'s 2 × 20 LSTM (papers.md §2.1).</li>
 *   <li>{@link org.l2o4j.policy.recurrent.ComponentwiseGru}: Maheswaranathan et al.'s GRU (papers.md §3.2).</li>
 *   <li>{@link org.l2o4j.policy.recurrent.LogAndSign} and {@link org.l2o4j.policy.recurrent.ScaledGradient}: how a
 *       gradient becomes the network's input.</li>
 *   <li>{@link org.l2o4j.policy.recurrent.RecurrentCheckpoint}: versioned JSON checkpoints.</li>
 *   <li>{@link org.l2o4j.policy.recurrent.Precision}: double (the reference) or single precision, part of the
 *       network's spec and of its checkpoint.</li>
 * </ul>
 *
 * <p>Forward and backward passes are hand-written loops over plain {@code double[]} arrays (an ND4J call costs
 * 8–20 µs, more than a whole coordinate's step here; docs/performance.md), with the same bits on the incubator Vector
 * API ({@code VectorCells}, {@code VectorLstm}, {@code VectorGru}); single precision runs on the Vector API alone
 * ({@code FloatCells}, {@code FloatLstm}, {@code FloatGru}). {@code FlatStates} keeps states coordinate after
 * coordinate; {@code BlockStates} keeps them in blocks of coordinates, so that a step moves no state: in double for the
 * LSTM on the Vector API, as floats ({@code FloatBlockStates}) for both single-precision kernels.
 */
package org.l2o4j.policy.recurrent;
