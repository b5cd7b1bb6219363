package com.dispatch.quality.domain;

/** Scorecard KPIs of SPEC §4.6. RESPONSE_P90_<metric> are derived from {@link ResponseMetric}. */
public final class Kpi {
  public static final String HEADCOUNT_ERROR_RATE = "HEADCOUNT_ERROR_RATE";
  public static final String CALC_ERROR_RATE = "CALC_ERROR_RATE";
  public static final String SLA_COMPLIANCE = "SLA_COMPLIANCE";
  public static final String FREQUENCY_COMPLIANCE = "FREQUENCY_COMPLIANCE";
  public static final String RESPONSE_P90_PREFIX = "RESPONSE_P90_";
  /** SPEC §4.7: satisfied_share of the client's CLIENT / EMPLOYEE answers. */
  public static final String CLIENT_SATISFACTION = "CLIENT_SATISFACTION";
  public static final String EMPLOYEE_SATISFACTION = "EMPLOYEE_SATISFACTION";

  private Kpi() {}

  public static String responseP90(ResponseMetric metric) { return RESPONSE_P90_PREFIX + metric.name(); }

  /** Every KPI code, in the order reports list them. */
  public static java.util.List<String> all() {
    java.util.List<String> all = new java.util.ArrayList<>(java.util.List.of(
        HEADCOUNT_ERROR_RATE, CALC_ERROR_RATE, SLA_COMPLIANCE, FREQUENCY_COMPLIANCE));
    for (ResponseMetric m : ResponseMetric.values()) all.add(responseP90(m));
    all.add(CLIENT_SATISFACTION);
    all.add(EMPLOYEE_SATISFACTION);
    return all;
  }

  public enum Direction { AT_MOST, AT_LEAST }

  public enum Status { MET, MISSED, NO_DATA }
}
