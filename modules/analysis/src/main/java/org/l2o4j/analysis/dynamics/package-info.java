/**
 * The analyses of a coordinatewise recurrent optimizer seen as a dynamical system h' = F(h, g) with a linear readout
 * Δx = w·h' + b ({@link org.l2o4j.analysis.dynamics.RecurrentCell}): trajectories, fixed points, linearization and
 * eigenmodes, per-mode momentum and its replay, update functions, the autonomous learning-rate schedule and the
 * S-curve of fixed points under constant gradients.
 */
package org.l2o4j.analysis.dynamics;
