package org.l2o4j.problems.quadratic;

import org.l2o4j.core.config.Checks;
import org.l2o4j.core.config.ConfigException;

/**
 * Settings of the {@code renn-quadratic} family (Maheswaranathan et al. 2021, the "linear regression" / quadratic
 * task; papers.md §3.1; renn notebook {@code learned_optimizer_behavior.ipynb}).
 *
 * @param dimension          d; 5 (§3.1)
 * @param log10EigenvalueMin lower end of u ~ U(min, max), eigenvalues 10^u; −3 (§3.1)
 * @param log10EigenvalueMax upper end; 0 (§3.1), so the spectrum lies in [1e-3, 1]
 * @param initScale          σ of x0 ~ N(0, σ² I); 1 (§3.1)
 * @param trainProblems      functions in {@code train}; 100 by choice (renn draws a fresh function per meta-step)
 * @param testProblems       functions in {@code test}; 128, the paper's number of evaluation seeds (papers.md §3.3)
 */
public record RennQuadraticConfig(int dimension, double log10EigenvalueMin, double log10EigenvalueMax,
        double initScale, int trainProblems, int testProblems) {

    /** The paper's settings. */
    public static final RennQuadraticConfig DEFAULTS = new RennQuadraticConfig(5, -3, 0, 1.0, 100, 128);

    public RennQuadraticConfig {
        Checks.positive("dimension", dimension);
        Checks.finite("log10EigenvalueMin", log10EigenvalueMin);
        Checks.finite("log10EigenvalueMax", log10EigenvalueMax);
        if (!(log10EigenvalueMin <= log10EigenvalueMax)) {
            throw new ConfigException("log10EigenvalueMin (" + log10EigenvalueMin
                    + ") must not exceed log10EigenvalueMax (" + log10EigenvalueMax + ")");
        }
        Checks.positive("initScale", initScale);
        Checks.positive("trainProblems", trainProblems);
        Checks.positive("testProblems", testProblems);
    }
}
