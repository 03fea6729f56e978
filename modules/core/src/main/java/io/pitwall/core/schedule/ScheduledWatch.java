package io.pitwall.core.schedule;

import io.pitwall.core.WatchKey;
import java.time.Duration;
import java.time.Instant;

/** One scheduled watch: its bounds, credential, history and activity. */
final class ScheduledWatch {
  final WatchKey key;
  final Instant added;

  /** Its place in the scheduler's order of addition: its credential's watches are kept in it. */
  final long sequence;

  /**
   * The start of the burst of additions it came with ({@link ArrivalBursts}): watches added in one
   * burst count as added together.
   */
  final Instant arrival;

  /**
   * The order among never-polled watches: by the burst they were added in, and within one burst in
   * a spread of their keys (not in the order they came), so that the catch-up after a start, when a
   * whole restored assignment arrives partition after partition over a few seconds, reaches every
   * partition's watches early instead of the last partition's after all the others.
   */
  static final java.util.Comparator<ScheduledWatch> ARRIVAL =
      (a, b) -> {
        int c = a.arrival.compareTo(b.arrival);
        if (c == 0) {
          c = Integer.compare(a.spread, b.spread);
        }
        return c != 0 ? c : Long.compare(a.sequence, b.sequence);
      };

  /** A mix of the key's hash: the order within a burst of arrivals. */
  final int spread;

  final ActivityEstimate activity;
  CredentialState credential;

  /** Whether the watch named its credential (else it was spread over the pool and may move). */
  boolean pinned;

  Duration min;
  Duration max;
  Instant lastAttempt;
  Instant lastOk;
  Instant retryAt;
  boolean inFlight;

  /** Where {@link CredentialIndex} keeps it (adaptive mode; NONE in flight and in other modes). */
  enum Slot {
    NONE,
    HELD,
    COOLING,
    READY
  }

  Slot slot = Slot.NONE;

  /** Its live timer in {@link CredentialIndex} (the end of a pause or interval), 0 for none. */
  long timerStamp;

  /** Its node in the credential's {@link DeadlineTree} while idle. */
  DeadlineTree.Node deadlineNode;

  /** Its {@link BacklogBuckets} bucket, or -1. */
  int bucket = -1;

  /** A watch that arrived alone (its own burst). */
  ScheduledWatch(WatchKey key, Instant now, double priorChanges, long sequence) {
    this(key, now, now, priorChanges, sequence);
  }

  /**
   * @param now when it is added
   * @param arrival the start of the burst of additions it came with
   */
  ScheduledWatch(WatchKey key, Instant now, Instant arrival, double priorChanges, long sequence) {
    this.key = key;
    this.added = now;
    this.arrival = arrival;
    this.sequence = sequence;
    int h = key.toString().hashCode() * 0x9E3779B9;
    this.spread = h ^ (h >>> 16);
    this.activity = new ActivityEstimate(now, priorChanges);
  }

  /** When its data was last known fresh: the last successful poll, or when it was added. */
  Instant seen() {
    return lastOk == null ? added : lastOk;
  }

  Instant deadline() {
    return seen().plus(max);
  }

  boolean held(Instant now) {
    return retryAt != null && now.isBefore(retryAt);
  }

  boolean eligible(Instant now) {
    return lastAttempt == null || !now.isBefore(lastAttempt.plus(min));
  }

  /** Expected accumulated detection lag of the changes not yet seen: rate × (time since seen)². */
  double backlog(Instant now) {
    double since = Math.max(0, Duration.between(seen(), now).toMillis() / 1000.0);
    return activity.ratePerSecond(now) * since * since;
  }
}
