package com.dispatch.quality.config;

import com.dispatch.quality.domain.SlaRule;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Map;

/**
 * Per-client SLA limits (SPEC §2 reference/sla_policies.csv, §4.3): a client's own row wins over
 * the {@code *} row, which wins over the rule's default limit. Limits are in the rule's own unit.
 */
public final class SlaPolicies implements Serializable {
  private static final long serialVersionUID = 1L;
  public static final String ALL_CLIENTS = "*";

  private final PerClient<BigDecimal> limits;

  private SlaPolicies(Map<String, BigDecimal> limits) { this.limits = new PerClient<>(limits); }

  /** No overrides: every rule at its SPEC default. */
  public static SlaPolicies defaults() { return new SlaPolicies(Map.of()); }

  public static SlaPolicies of(Map<String, BigDecimal> byRuleAndClient) { return new SlaPolicies(byRuleAndClient); }

  public static String key(String rule, String clientId) { return PerClient.key(rule, clientId); }

  /** The clients with a limit of their own for {@code rule} (the {@code *} row excluded), by client id. */
  public Map<String, BigDecimal> clientLimits(SlaRule rule) { return limits.ownRows(rule.name()); }

  public BigDecimal limit(SlaRule rule, String clientId) {
    return limits.get(rule.name(), clientId).orElseGet(() -> BigDecimal.valueOf(rule.defaultLimit()));
  }
}
