package io.pitwall.kafka.watches;

import java.time.Duration;

/**
 * Whether this instance may still believe it owns its partitions, before the consumer group tells
 * it otherwise. Every thread that works for the engine touches it regularly (the watches consumer's
 * loop, the engine's tick); a gap between two touches longer than the group's session timeout means
 * the whole process stood still (SIGSTOP, a long GC pause, a starved machine) for longer than the
 * coordinator waits, so the group has given its partitions to other members: it is a zombie, and it
 * stops spending budget at once, before the consumer learns that it was fenced. The next rebalance
 * callback (partitions lost, then assigned again) ends the suspicion; so does twice the session
 * timeout without one (the coordinator kept the member after all). Commits never rely on this: the
 * group metadata each transaction carries fences them (KIP-447). Thread-safe, lock-free.
 */
public final class MembershipLiveness {

  private final long limitMillis;
  private volatile long lastTouch;
  private volatile long suspectSince;
  private volatile String reason;

  /**
   * @param sessionTimeout the consumer group's session timeout
   */
  public MembershipLiveness(Duration sessionTimeout) {
    this.limitMillis = sessionTimeout.toMillis();
  }

  /**
   * Records that a thread is running at {@code nowMillis}; a gap since the previous touch longer
   * than the session timeout makes the instance a suspected zombie.
   */
  public void touch(long nowMillis) {
    long previous = lastTouch;
    lastTouch = Math.max(previous, nowMillis);
    if (previous > 0 && nowMillis - previous > limitMillis) {
      suspectSince = nowMillis;
      reason =
          "the process stood still for "
              + (nowMillis - previous) / 1000
              + " s, longer than the group's session timeout of "
              + limitMillis / 1000
              + " s: its partitions have moved";
    }
  }

  /** The consumer group rebalanced (partitions assigned, revoked or lost): ownership is known. */
  public void rebalanced() {
    suspectSince = 0;
    reason = null;
  }

  /** Whether polling may go on at {@code nowMillis}. */
  public boolean live(long nowMillis) {
    long since = suspectSince;
    if (since == 0) {
      return true;
    }
    if (nowMillis - since > 2 * limitMillis) {
      rebalanced();
      return true;
    }
    return false;
  }

  /** Why polling is paused, or null. */
  public String reason() {
    return reason;
  }
}
