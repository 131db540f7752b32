package org.l2o4j.gps.init;

import org.l2o4j.gps.env.Condition;
import org.l2o4j.gps.model.LinearGaussianController;

/**
 * Where a condition's first local controller p_m comes from (gps.md §3 "init: p_m ← initialController(m)", §4.12).
 * The controller is the behaviour policy of GPS's first sampling round, and the anchor of its first KL step.
 *
 * <p>Implementations hold configuration only and are deterministic: the same condition gives the same controller, so
 * conditions may be initialized on any thread.
 */
@FunctionalInterface
public interface ControllerInitializer {

    /** The initial TVLG controller of one condition, over the full state s_t and T time steps. */
    LinearGaussianController initialController(Condition condition);
}
