package org.l2o4j.gps.trajopt;

import java.io.Serializable;

/**
 * One backward call of the η search: the η asked for, the η used after non-PD raises, and the resulting
 * KL(p ‖ anchor) in nats.
 */
public record EtaSearchStep(double etaRequested, double etaUsed, int etaBumps, double klNats) implements Serializable {
}
