package org.l2o4j.gps.dynamics;

/**
 * The linear-Gaussian conditional out | in ~ N(F·in + f, Σ) of a joint Gaussian over [in; out] (gps.md §4.3).
 * For dynamics, in = [s_t; u_t] and out = s_{t+1}; for the policy linearizer (§4.9), in = s_t and out = μ_θ(o_t).
 * The arrays are not copied; treat them as immutable.
 *
 * @param gain       F, outputDim × inputDim row-major
 * @param offset     f, length outputDim
 * @param covariance Σ, outputDim × outputDim row-major, exactly symmetric
 */
public record ConditionedGaussian(int inputDim, int outputDim, double[] gain, double[] offset, double[] covariance) {

    public ConditionedGaussian {
        if (gain.length != outputDim * inputDim || offset.length != outputDim
                || covariance.length != outputDim * outputDim) {
            throw new IllegalArgumentException("conditional with input " + inputDim + " and output " + outputDim
                    + " needs F of " + outputDim * inputDim + ", f of " + outputDim + " and Σ of "
                    + outputDim * outputDim + " entries, got " + gain.length + ", " + offset.length + ", "
                    + covariance.length);
        }
    }
}
