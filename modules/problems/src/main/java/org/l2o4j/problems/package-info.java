/**
 * Objective families with analytic gradients (and Hessians where they exist), each sampled from a seed.
 *
 * <p>The families sit in one sub-package per source: {@code limalik} (Li &amp; Malik 2017 §6: logistic regression,
 * robust linear regression, a two-layer network), {@code quadratic} (Andrychowicz et al. 2016 and
 * Maheswaranathan et al. 2021), {@code rosenbrock}, {@code moons} (Maheswaranathan et al.'s two-moons MLP). This
 * package holds only what several families share: the configured-family base, the Gaussian-cluster and
 * random-rotation generators, the stable logistic functions, initial-point streams and config checks.
 *
 * <p>Every family is registered through {@link org.l2o4j.core.catalog.ProblemFamilyProvider} in
 * {@code META-INF/services}, so {@code Catalog.family(name, config)} finds it by name.
 */
package org.l2o4j.problems;
