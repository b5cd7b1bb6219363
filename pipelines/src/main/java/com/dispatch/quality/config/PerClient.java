package com.dispatch.quality.config;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reference rows keyed by a code and a client id, where a client's own row wins over the
 * {@code *} row (SPEC §2: reference/sla_policies.csv and reference/quality_targets.csv). The one
 * place that lookup order is written.
 */
final class PerClient<V extends Serializable> implements Serializable {
  private static final long serialVersionUID = 1L;

  private final HashMap<String, V> rows;

  PerClient(Map<String, V> byCodeAndClient) { this.rows = new HashMap<>(byCodeAndClient); }

  static String key(String code, String clientId) { return code + "|" + clientId; }

  /** The client's own row for {@code code}, else the {@code *} row, else empty. */
  Optional<V> get(String code, String clientId) {
    V own = rows.get(key(code, clientId));
    return own != null ? Optional.of(own) : Optional.ofNullable(rows.get(key(code, SlaPolicies.ALL_CLIENTS)));
  }

  /** The clients with a row of their own for {@code code} (the {@code *} row excluded), by client id. */
  Map<String, V> ownRows(String code) {
    Map<String, V> own = new TreeMap<>();
    String prefix = code + "|";
    rows.forEach((k, v) -> {
      if (k.startsWith(prefix) && !k.equals(key(code, SlaPolicies.ALL_CLIENTS))) own.put(k.substring(prefix.length()), v);
    });
    return own;
  }
}
