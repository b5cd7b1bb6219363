package com.dispatch.quality.config;

import com.dispatch.quality.domain.SlaRule;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/**
 * Per-client SLA limits (SPEC §2 reference/sla_policies.csv, §4.3): a client's own row wins over
 * the {@code *} row, which wins over the rule's default limit. Limits are in the rule's own unit.
 */
public final class SlaPolicies implements Serializable {
  private static final long serialVersionUID = 1L;
  public static final String ALL_CLIENTS = "*";

  private final Map<String, BigDecimal> limits;

  private SlaPolicies(Map<String, BigDecimal> limits) { this.limits = limits; }

  /** No overrides: every rule at its SPEC default. */
  public static SlaPolicies defaults() { return new SlaPolicies(Map.of()); }

  public static SlaPolicies of(Map<String, BigDecimal> byRuleAndClient) {
    return new SlaPolicies(new HashMap<>(byRuleAndClient));
  }

  public static String key(String rule, String clientId) { return rule + "|" + clientId; }

  /** The clients with a limit of their own for {@code rule} (the {@code *} row excluded), by client id. */
  public Map<String, BigDecimal> clientLimits(SlaRule rule) {
    Map<String, BigDecimal> own = new java.util.TreeMap<>();
    String prefix = rule.name() + "|";
    limits.forEach((k, v) -> {
      if (k.startsWith(prefix) && !k.equals(key(rule.name(), ALL_CLIENTS))) own.put(k.substring(prefix.length()), v);
    });
    return own;
  }

  public BigDecimal limit(SlaRule rule, String clientId) {
    BigDecimal own = limits.get(key(rule.name(), clientId));
    if (own != null) return own;
    BigDecimal all = limits.get(key(rule.name(), ALL_CLIENTS));
    if (all != null) return all;
    return BigDecimal.valueOf(rule.defaultLimit());
  }
}
