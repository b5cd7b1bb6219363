package com.dispatch.quality.config;

import com.dispatch.quality.domain.Kpi;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * Scorecard targets (SPEC §2 reference/quality_targets.csv, §4.6): a client's own row wins over
 * the {@code *} row; a KPI with neither has no target and a null status.
 */
public final class QualityTargets implements Serializable {
  private static final long serialVersionUID = 1L;

  public record Target(BigDecimal value, Kpi.Direction direction) implements Serializable {}

  private final PerClient<Target> targets;

  private QualityTargets(Map<String, Target> targets) { this.targets = new PerClient<>(targets); }

  public static QualityTargets none() { return new QualityTargets(Map.of()); }

  public static QualityTargets of(Map<String, Target> byKpiAndClient) { return new QualityTargets(byKpiAndClient); }

  public static String key(String kpi, String clientId) { return PerClient.key(kpi, clientId); }

  public Optional<Target> target(String kpi, String clientId) { return targets.get(kpi, clientId); }
}
