package com.dispatch.quality.generate;

/**
 * SplitMix64: a tiny generator whose output is fixed by its published algorithm, so a seed gives
 * the same data on every JDK. Every entity (employee, client-month, case) gets its own stream
 * derived from the run seed and the entity's keys, which keeps the data independent of the order
 * (and the scale) in which other entities are generated.
 */
final class Rng {
  private long state;

  private Rng(long state) { this.state = state; }

  /** A stream for the entity identified by {@code keys} under {@code seed}. */
  static Rng of(long seed, long... keys) {
    long s = mix(seed ^ 0x5DEECE66DL);
    for (long k : keys) s = mix(s ^ (k * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L));
    return new Rng(s);
  }

  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  long nextLong() {
    state += 0x9E3779B97F4A7C15L;
    return mix(state);
  }

  /** Uniform in [0, bound). */
  int nextInt(int bound) {
    if (bound <= 0) throw new IllegalArgumentException("bound must be > 0");
    return (int) Long.remainderUnsigned(nextLong(), bound);
  }

  /** Uniform in [lo, hi], both inclusive. */
  int between(int lo, int hi) { return lo + nextInt(hi - lo + 1); }

  double nextDouble() { return (nextLong() >>> 11) * 0x1.0p-53; }

  boolean chance(double p) { return nextDouble() < p; }

  <T> T pick(T[] values) { return values[nextInt(values.length)]; }
}
