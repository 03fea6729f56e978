package io.pitwall.bench;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * How far one part of a benchmark run fell behind the compressed clock: the 99th percentile and the
 * worst of its lag samples, in virtual time (the time the run's figures are measured in; the wall
 * time is that divided by the compression).
 *
 * @param samples how many samples there were
 * @param p99 the 99th percentile (nearest rank), zero without samples
 * @param max the largest sample, zero without samples
 */
record Lag(int samples, Duration p99, Duration max) {

  /** No samples: nothing fell behind that could be seen. */
  static final Lag NONE = new Lag(0, Duration.ZERO, Duration.ZERO);

  /** The summary of {@code samples} (virtual time). */
  static Lag of(List<Duration> samples) {
    if (samples.isEmpty()) {
      return NONE;
    }
    Percentiles percentiles = new Percentiles(samples, 0);
    return new Lag(samples.size(), percentiles.at(99), percentiles.at(100));
  }

  /**
   * {@code virtual} as the run printed it: virtual time, then the wall time it took at {@code
   * compression}, e.g. {@code 18.0 s (60 ms wall)}.
   */
  static String show(Duration virtual, double compression) {
    return String.format(
        Locale.ROOT,
        "%s (%d ms wall)",
        virtual(virtual),
        Math.round(virtual.toNanos() / compression / 1e6));
  }

  /** A virtual duration in seconds, or minutes from 10 minutes up. */
  static String virtual(Duration d) {
    double seconds = d.toNanos() / 1e9;
    return seconds >= 600
        ? String.format(Locale.ROOT, "%.1f min", seconds / 60)
        : String.format(Locale.ROOT, "%.1f s", seconds);
  }
}
