/**
 * Random quadratic objectives: the least-squares quadratics ‖Wθ − y‖² of Andrychowicz et al. 2016 (papers.md §2.2,
 * family {@code quadratic}) and the rotated quadratics with log-uniform spectrum of Maheswaranathan et al. 2021 (family
 * {@code renn-quadratic}), whose eigenvalues, minimizer and optimal momentum parameters are known in closed form,
 * which the reverse-engineering analysis needs.
 */
package org.l2o4j.problems.quadratic;
