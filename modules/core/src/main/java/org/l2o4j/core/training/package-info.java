/**
 * Meta-training as an extension point: a {@link org.l2o4j.core.training.TrainerProvider} registered in
 * {@code META-INF/services} is found by a training file's {@code kind}, binds the file's keys strictly and creates a
 * {@link org.l2o4j.core.training.MetaTrainer}; every trainer writes into one
 * {@link org.l2o4j.core.training.TrainingFolder} (resolved training file, provenance, log, checksummed checkpoints
 * behind one atomic pointer, a lock), so the CLI has one generic {@code l2o train} and a new policy-search algorithm
 * is one class plus one services line. {@code gradient} holds the outer loop shared by every gradient-based trainer.
 */
package org.l2o4j.core.training;
