package io.pitwall.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * When each of an engine's scheduling rounds started, against its fixed-rate schedule of one round
 * every {@code tick} of wall time. Round {@code n} is due {@code n} ticks after round 0; as the
 * schedule's origin is not seen, the round that ran earliest against it is taken as on time, so a
 * round's lateness is how much later than that one it ran. Thread-safe.
 */
final class RoundLog {

  private final long tickNanos;
  private final double compression;
  private final List<long[]> rounds = new ArrayList<>();
  private final List<Instant> virtualStarts = new ArrayList<>();

  /**
   * @param tick wall time between two rounds
   * @param compression how much faster than the wall the run's clock goes
   */
  RoundLog(Duration tick, double compression) {
    this.tickNanos = tick.toNanos();
    this.compression = compression;
  }

  /**
   * Notes that round {@code round} started at {@code wallNanos} ({@link System#nanoTime}), {@code
   * virtual} on the run's clock.
   */
  synchronized void started(long round, long wallNanos, Instant virtual) {
    rounds.add(new long[] {round, wallNanos});
    virtualStarts.add(virtual);
  }

  /**
   * How late the rounds that started from {@code from} (inclusive) to {@code to} (exclusive) ran,
   * in virtual time.
   */
  synchronized Lag lateness(Instant from, Instant to) {
    long[] numbers = rounds.stream().mapToLong(r -> r[0]).toArray();
    long[] starts = rounds.stream().mapToLong(r -> r[1]).toArray();
    long[] late = latenessNanos(numbers, starts, tickNanos);
    List<Duration> inside = new ArrayList<>();
    for (int i = 0; i < late.length; i++) {
      Instant at = virtualStarts.get(i);
      if (!at.isBefore(from) && at.isBefore(to)) {
        inside.add(Duration.ofNanos(Math.round(late[i] * compression)));
      }
    }
    return Lag.of(inside);
  }

  /**
   * Each round's lateness in wall nanoseconds: its start minus its place on the schedule {@code
   * round × tick} from the origin that makes the earliest-running round on time.
   *
   * @param rounds each round's number
   * @param startNanos when each round started
   * @param tickNanos the schedule's period
   */
  static long[] latenessNanos(long[] rounds, long[] startNanos, long tickNanos) {
    if (rounds.length != startNanos.length) {
      throw new IllegalArgumentException("one start per round");
    }
    long[] offsets = new long[rounds.length];
    for (int i = 0; i < rounds.length; i++) {
      offsets[i] = startNanos[i] - rounds[i] * tickNanos;
    }
    long origin = Arrays.stream(offsets).min().orElse(0);
    return Arrays.stream(offsets).map(o -> o - origin).toArray();
  }
}
