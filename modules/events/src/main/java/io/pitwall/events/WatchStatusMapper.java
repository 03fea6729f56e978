package io.pitwall.events;

import io.pitwall.core.EventIds;
import io.pitwall.core.PollOutcome;
import io.pitwall.core.WatchKey;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

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
    Instant detected = at.truncatedTo(ChronoUnit.MILLIS);
    return WatchStatusChanged.newBuilder()
        .setEnvelope(
            Envelope.newBuilder()
                .setEventId(
                    EventIds.of(
                        "WatchStatusChanged",
                        watch.toString(),
                        status.name(),
                        Long.toString(detected.toEpochMilli())))
                .setSource(EventSource.valueOf(watch.source().id()))
                .setAccountId(watch.accountId())
                .setWatchLabel(label)
                .setDetectedAt(detected)
                .setEventTime(null)
                .build())
        .setStatus(WatchStatus.valueOf(status.name()))
        .setPreviousStatus(previous == null ? null : WatchStatus.valueOf(previous.name()))
        .setReason(reason)
        .build();
  }
}
