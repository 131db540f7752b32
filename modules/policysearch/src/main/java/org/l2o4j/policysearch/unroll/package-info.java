/**
 * Backpropagation through the unrolled optimization for Li &amp; Malik's MLP policy ({@code mlp-bptt-training}):
 * the supervised meta-training Li &amp; Malik report as diverging on unseen functions, as a gradient estimator on the
 * shared outer loop.
 */
package org.l2o4j.policysearch.unroll;
