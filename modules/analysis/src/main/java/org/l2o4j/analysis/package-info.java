/**
 * Reverse engineering learned optimizers (Maheswaranathan et al. 2021; papers.md §3.4, analysis.md): what a trained
 * recurrent optimizer does inside. {@link org.l2o4j.analysis.dynamics} holds the methods, each tested on cells built by
 * hand with a known answer; {@link org.l2o4j.analysis.report} runs them on a trained optimizer and writes the numbers
 * and figures of {@code l2o analyze}.
 */
package org.l2o4j.analysis;
