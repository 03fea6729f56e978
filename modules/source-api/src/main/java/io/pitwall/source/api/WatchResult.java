package io.pitwall.source.api;

import io.pitwall.core.PollOutcome;
import io.pitwall.core.WatchDefinition;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What one poll found for one watch.
 *
 * @param watch the watch
 * @param outcome how the poll ended
 * @param detail a short description for logs (no secrets)
 * @param events events to publish (empty unless OK)
 * @param state the watch's new encoded state, or null when it did not change
 * @param lags detection lag of each event that has an upstream event time
 * @param baseline whether this poll took the watch's baseline
 * @param history when the account changed before, as far as its state shows (PSN: each title's last
 *     update), for the scheduler's first estimate of its activity; empty where unknown
 */
public record WatchResult(
    WatchDefinition watch,
    PollOutcome outcome,
    String detail,
    List<OutgoingEvent> events,
    byte[] state,
    List<Duration> lags,
    boolean baseline,
    List<Instant> history) {

  /** A result without history. */
  public WatchResult(
      WatchDefinition watch,
      PollOutcome outcome,
      String detail,
      List<OutgoingEvent> events,
      byte[] state,
      List<Duration> lags,
      boolean baseline) {
    this(watch, outcome, detail, events, state, lags, baseline, List.of());
  }

  /** A failed poll. */
  public static WatchResult failed(WatchDefinition watch, PollOutcome outcome, String detail) {
    return new WatchResult(watch, outcome, detail, List.of(), null, List.of(), false);
  }
}
