package com.dispatch.quality.testing;

import com.dispatch.quality.spark.Sessions;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.SparkSession;

/** The settings {@link Sessions#configure} puts on a builder, read without building a session. */
final class SessionSettings {
  private SessionSettings() {}

  static Map<String, String> production() {
    Recorder r = new Recorder();
    Sessions.configure(r);
    return Collections.unmodifiableMap(r.settings);
  }

  private static final class Recorder extends SparkSession.Builder {
    final Map<String, String> settings = new TreeMap<>();

    @Override
    public SparkSession.Builder config(String key, String value) {
      settings.put(key, value);
      return this;
    }
  }
}
