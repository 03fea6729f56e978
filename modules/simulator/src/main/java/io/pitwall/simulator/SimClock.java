package io.pitwall.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The simulator's clock: the system clock shifted by an offset that tests can advance, so that
 * token expiry and rate-limit windows can be exercised without waiting.
 */
public final class SimClock extends Clock {

  private final Clock base;
  private volatile Duration offset = Duration.ZERO;

  /** A clock following the system clock until advanced. */
  public SimClock() {
    this(Clock.systemUTC());
  }

  /** A clock following {@code base} until advanced. */
  public SimClock(Clock base) {
    this.base = base;
  }

  /** Moves this clock forward by {@code amount}. */
  public synchronized void advance(Duration amount) {
    if (amount.isNegative()) {
      throw new IllegalArgumentException("the simulator's clock never goes back");
    }
    offset = offset.plus(amount);
  }

  @Override
  public Instant instant() {
    return base.instant().plus(offset);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("the simulator's clock is always UTC");
  }
}
