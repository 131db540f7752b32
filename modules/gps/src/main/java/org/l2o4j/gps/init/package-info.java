/**
 * Initial local controllers for guided policy search (gps.md §4.12, §7 {@code gps.init}): Li &amp; Malik's heavy-ball
 * momentum written as a time-varying linear-Gaussian controller on the state, with (β, lr) chosen per condition by a
 * deterministic grid search, and the generic random controller K = 0, k = 0, Σ = σ²I.
 */
package org.l2o4j.gps.init;
