package io.pitwall.source.api;

import io.pitwall.core.WatchKey;
import io.pitwall.events.Envelope;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Builds the provenance every event carries, the same way for every source. */
public final class Envelopes {

  private Envelopes() {}

  /**
   * The envelope of one change.
   *
   * @param watch the watch that detected it
   * @param label the watch's label, or null
   * @param eventId the change's deterministic id
   * @param detectedAt when the poll that found it ran (kept to the millisecond)
   * @param eventTime the upstream's own time of the change, or null where it gives none
   */
  public static Envelope of(
      WatchKey watch, String label, UUID eventId, Instant detectedAt, Instant eventTime) {
    return Envelope.newBuilder()
        .setEventId(eventId)
        .setSource(watch.source())
        .setAccountId(watch.accountId())
        .setWatchLabel(label)
        .setDetectedAt(detectedAt.truncatedTo(ChronoUnit.MILLIS))
        .setEventTime(eventTime)
        .build();
  }
}
