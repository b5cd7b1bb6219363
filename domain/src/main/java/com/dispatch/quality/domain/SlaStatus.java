package com.dispatch.quality.domain;

/**
 * sla_events.status (SPEC §4, §4.3): for a deadline D and a completion T, MET if T ≤ D; BREACHED
 * if T > D, or T is null and D < as_of; PENDING if T is null and D ≥ as_of.
 */
public enum SlaStatus { MET, BREACHED, PENDING }
