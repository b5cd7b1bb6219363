package com.dispatch.quality.domain;

/** settlement_errors.error (SPEC §4.1, §6), in the order reports list them. */
public enum SettlementError { MISSING, EXTRA, DUPLICATE, CALC }
