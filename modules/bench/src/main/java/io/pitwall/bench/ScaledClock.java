package io.pitwall.bench;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that runs {@code factor} times faster than the wall from a chosen start: benchmarks
 * compress hours of upstream activity, budgets and schedules into minutes, all on this one clock.
 */
final class ScaledClock extends Clock {

  private final Instant start;
  private final long wallStartNanos;
  private final double factor;

  ScaledClock(Instant start, double factor) {
    this.start = start;
    this.wallStartNanos = System.nanoTime();
    this.factor = factor;
  }

  @Override
  public Instant instant() {
    long elapsed = System.nanoTime() - wallStartNanos;
    return start.plusNanos((long) (elapsed * factor));
  }

  /** How much wall time it takes this clock to advance by {@code virtual}. */
  Duration wall(Duration virtual) {
    return Duration.ofNanos((long) (virtual.toNanos() / factor));
  }

  double factor() {
    return factor;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("UTC only");
  }
}
