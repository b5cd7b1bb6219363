package com.dispatch.quality.domain;

/**
 * settlement_quality.settlement_status (SPEC §4.1): ISSUED, or MISSING when heads are expected and
 * no batch was issued by as_of (the row then has only its expected_headcount).
 */
public enum SettlementStatus { ISSUED, MISSING }
