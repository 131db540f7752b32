/**
 * The Rosenbrock function in n ≥ 2 dimensions, one of Maheswaranathan et al.'s (2021) tasks (papers.md §3.1). The
 * function is fixed; sampled problems differ only in their initial point, drawn uniformly from a configurable box
 * because the paper's initialization is not found.
 */
package org.l2o4j.problems.rosenbrock;
