package org.l2o4j.gps.trajopt;

/**
 * A successful backward pass after raising η as often as needed (gps.md §4.7 {@code robustBackward}).
 *
 * @param pass     the successful pass
 * @param eta      the η it ran at: the requested η, or η_in + δ·2^(j−1) after j raises
 * @param etaBumps j, the number of failed passes before it; many bumps usually mean poor dynamics fits (gps.md §5
 *                 item 8)
 */
public record RobustBackwardResult(BackwardPassResult pass, double eta, int etaBumps) {
}
