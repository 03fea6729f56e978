package io.pitwall.core.schedule;

import java.time.Duration;
import java.time.Instant;

/**
 * A watch's estimated change rate from the changes it showed: a session part that decays within
 * hours (players earn trophies in clusters) plus a long-term part that decays over days, plus a
 * prior number of changes a week assumed for every watch, so that a watch never seen changing is
 * still worth a look. The prior sets how evenly polls spread: a large one makes every watch look
 * alike (towards round-robin: the best p99), a small one lets activity decide (the best p50). Both
 * parts are exponentially decayed counts, updated lazily; not thread-safe (confined with its
 * scheduler).
 */
final class ActivityEstimate {

  static final Duration SESSION = Duration.ofHours(1);
  static final Duration LONG_TERM = Duration.ofDays(7);
  private final double priorChanges;
  private double session;
  private double longTerm;
  private Instant updated;

  /**
   * @param priorChanges changes a week assumed on top of those seen
   */
  ActivityEstimate(Instant now, double priorChanges) {
    this.updated = now;
    this.priorChanges = priorChanges;
  }

  /** A change happened at {@code at} (the upstream's event time, else the detection time). */
  void record(Instant at, Instant now) {
    decayTo(now);
    Instant when = at.isAfter(now) ? now : at;
    double age = seconds(Duration.between(when, now));
    session += Math.exp(-age / seconds(SESSION));
    longTerm += Math.exp(-age / seconds(LONG_TERM));
  }

  /** The estimated change rate, per second. */
  double ratePerSecond(Instant now) {
    double sinceUpdate = Math.max(0, seconds(Duration.between(updated, now)));
    double s = session * Math.exp(-sinceUpdate / seconds(SESSION));
    double l = longTerm * Math.exp(-sinceUpdate / seconds(LONG_TERM));
    return s / seconds(SESSION) + (l + priorChanges) / seconds(LONG_TERM);
  }

  private void decayTo(Instant now) {
    if (now.isAfter(updated)) {
      double elapsed = seconds(Duration.between(updated, now));
      session *= Math.exp(-elapsed / seconds(SESSION));
      longTerm *= Math.exp(-elapsed / seconds(LONG_TERM));
      updated = now;
    }
  }

  private static double seconds(Duration d) {
    return d.toNanos() / 1e9;
  }
}
