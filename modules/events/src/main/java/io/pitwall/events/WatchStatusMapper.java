package io.pitwall.events;

import io.pitwall.core.EventIds;
import io.pitwall.core.PollOutcome;
import io.pitwall.core.WatchKey;
import io.pitwall.source.api.Envelopes;
import java.time.Instant;

/** Maps a change of a watch's poll outcome to its public {@link WatchStatusChanged} event. */
public final class WatchStatusMapper {

  private WatchStatusMapper() {}

  /**
   * The event for one transition.
   *
   * @param watch the watch
   * @param label its label, or null
   * @param status the new outcome
   * @param previous the outcome before, or null for the first poll since a start
   * @param reason what the poll reported (never a credential)
   * @param at when the poll ended
   */
  public static WatchStatusChanged toEvent(
      WatchKey watch,
      String label,
      PollOutcome status,
      PollOutcome previous,
      String reason,
      Instant at) {
    return toEvent(
        watch,
        label,
        status,
        previous,
        reason,
        at,
        EventIds.of(
            "WatchStatusChanged",
            watch.toString(),
            status.name(),
            Long.toString(at.truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toEpochMilli())));
  }

  /**
   * The id of a watch's {@code sequence}-th transition since its epoch (chosen when its first
   * status was stored): the same transition gets the same id when it is detected again after a
   * restart, and a watch added again (a new epoch) never reuses one.
   */
  public static java.util.UUID eventId(
      WatchKey watch, String epoch, long sequence, PollOutcome status) {
    return EventIds.of(
        "WatchStatusChanged", watch.toString(), epoch, Long.toString(sequence), status.name());
  }

  /**
   * The event for one transition, with its id.
   *
   * @param eventId see {@link #eventId}
   */
  public static WatchStatusChanged toEvent(
      WatchKey watch,
      String label,
      PollOutcome status,
      PollOutcome previous,
      String reason,
      Instant at,
      java.util.UUID eventId) {
    return WatchStatusChanged.newBuilder()
        .setEnvelope(Envelopes.of(watch, label, eventId, at, null))
        .setStatus(WatchStatus.valueOf(status.name()))
        .setPreviousStatus(previous == null ? null : WatchStatus.valueOf(previous.name()))
        .setReason(reason)
        .build();
  }
}
