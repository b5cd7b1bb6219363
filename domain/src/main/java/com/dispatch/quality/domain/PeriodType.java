package com.dispatch.quality.domain;

/**
 * service_commitments.period and service_frequency.period_type (SPEC §2, §4.4): a MONTH period
 * is M, a QUARTER period the quarter containing M (final only in its last month).
 */
public enum PeriodType { MONTH, QUARTER }
