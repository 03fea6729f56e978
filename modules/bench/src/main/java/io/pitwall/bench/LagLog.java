package io.pitwall.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Lag samples noted while a benchmark runs, each with the virtual instant it was seen at, so that
 * only the measured part of the run is judged. Thread-safe.
 */
final class LagLog {

  private record Sample(Instant at, Duration lag) {}

  private final List<Sample> samples = new ArrayList<>();

  /** Notes a lag (virtual time) seen at {@code at}. */
  synchronized void record(Instant at, Duration lag) {
    samples.add(new Sample(at, lag));
  }

  /** The lag of the samples seen from {@code from} (inclusive) to {@code to} (exclusive). */
  synchronized Lag between(Instant from, Instant to) {
    List<Duration> inside = new ArrayList<>();
    for (Sample s : samples) {
      if (!s.at().isBefore(from) && s.at().isBefore(to)) {
        inside.add(s.lag());
      }
    }
    return Lag.of(inside);
  }
}
