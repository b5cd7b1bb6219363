package com.dispatch.quality.config;

import com.dispatch.quality.domain.ResponseMetric;
import com.dispatch.quality.domain.SlaRule;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The limit each response-speed metric's "share within the limit" is measured against (SPEC
 * §4.2 has distributions but no limits; issue 13 item 4). Where a hard time limit of §4.3 runs
 * on the same clock, the metric takes that rule's effective limit for the client from
 * {@link SlaPolicies} (the client's own row, else {@code *}, else the default), so a client's
 * response page and SLA page agree: INJURY_DISPATCH = INJURY_ONSITE_12H, DISPUTE_DISPATCH =
 * DISPUTE_PLAN_24H (a specialist must be assigned before the written plan is due). The others
 * have the period a client would call "on time": settlement changes show up in the next monthly
 * settlement (30 days), claim payouts follow the insurer's monthly cycle (30 days), complaints are
 * resolved within a week, shortlists within three days, spot-check data within two days. Listed
 * in docs/decisions.md and the report's appendix (client_monthly/definitions.tsv).
 */
public final class ResponseLimits {
  private static final Map<ResponseMetric, Double> FIXED_HOURS = new EnumMap<>(ResponseMetric.class);
  private static final Map<ResponseMetric, SlaRule> RULES = new EnumMap<>(ResponseMetric.class);

  static {
    FIXED_HOURS.put(ResponseMetric.ROSTER_TO_SETTLEMENT, 720.0);
    FIXED_HOURS.put(ResponseMetric.CLAIM_PAYOUT, 720.0);
    FIXED_HOURS.put(ResponseMetric.COMPLAINT_RECOVERY, 168.0);
    FIXED_HOURS.put(ResponseMetric.RECRUITMENT_CANDIDATES, 72.0);
    FIXED_HOURS.put(ResponseMetric.SPOT_CHECK_DATA, 48.0);
    RULES.put(ResponseMetric.INJURY_DISPATCH, SlaRule.INJURY_ONSITE_12H);
    RULES.put(ResponseMetric.DISPUTE_DISPATCH, SlaRule.DISPUTE_PLAN_24H);
    for (ResponseMetric m : ResponseMetric.values()) {
      if (FIXED_HOURS.containsKey(m) == RULES.containsKey(m)) throw new IllegalStateException("no single limit for " + m);
    }
    for (SlaRule r : RULES.values()) {
      if (r.unit() != SlaRule.Unit.HOURS) throw new IllegalStateException(r + " is not an hour limit");
    }
  }

  private ResponseLimits() {}

  /** The §4.3 rule whose limit the metric uses, if any. */
  public static Optional<SlaRule> rule(ResponseMetric metric) { return Optional.ofNullable(RULES.get(metric)); }

  /** The metric's limit for {@code clientId} ({@code *}: for clients without their own policy), hours. */
  public static double hours(ResponseMetric metric, String clientId, SlaPolicies policies) {
    SlaRule rule = RULES.get(metric);
    if (rule == null) return FIXED_HOURS.get(metric);
    return policies.limit(rule, clientId).doubleValue();
  }
}
